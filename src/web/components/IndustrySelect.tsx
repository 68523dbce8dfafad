import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../api/reference';
import { useLang, localName } from '../lib/useLang';

type Props = Omit<SelectProps<string | string[]>, 'options'>;

/** Industry picker: the city's key industries first, then the others. */
export function IndustrySelect(props: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, isPending } = useReference();
  const industries = data?.industries ?? [];
  const toOption = (i: (typeof industries)[number]) => ({
    value: i.code,
    label: localName(i, lang) ?? i.code,
  });
  const key = industries.filter((i) => i.isKey).map(toOption);
  const other = industries.filter((i) => !i.isKey).map(toOption);
  const options =
    key.length > 0 && other.length > 0
      ? [
          { label: t('industries.key'), options: key },
          { label: t('industries.other'), options: other },
        ]
      : [...key, ...other];
  return (
    <Select loading={isPending} showSearch={{ optionFilterProp: 'label' }} options={options} {...props} />
  );
}
