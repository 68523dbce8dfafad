import { Select } from 'antd';
import type { SelectProps } from 'antd';
import type { NamedCode } from '../../modules/reference/reference.schemas';
import { localName, useLang } from '../lib/useLang';

type Props = Omit<SelectProps<string>, 'options'> & { items: NamedCode[] | undefined };

/** Select over a reference list (districts, platform types, roles) in the current language. */
export function CodeSelect({ items, ...props }: Props) {
  const lang = useLang();
  return (
    <Select
      loading={items === undefined}
      showSearch={{ optionFilterProp: 'label' }}
      options={(items ?? []).map((i) => ({ value: i.code, label: localName(i, lang) ?? i.code }))}
      {...props}
    />
  );
}
