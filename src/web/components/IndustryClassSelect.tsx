import { useMemo, useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIndustryClasses } from '../api/enterprises';
import type { IndustryClass } from '../../modules/industries/industries.schemas';
import { localName, useLang } from '../lib/useLang';
import { useDebouncedValue } from '../lib/useDebouncedValue';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'value' | 'onChange' | 'mode'> & {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /**
   * Only four-digit classes (小类) can be chosen (an enterprise's own industry). Otherwise divisions
   * (大类), groups (中类) and classes can be picked, as the list filter matches any code prefix.
   */
  classOnly?: boolean;
  /** Name of the current value when the caller already knows it (saves a look-up). */
  currentName?: string | null;
};

const INDENT: Record<string, number> = { division: 0, group: 12, class: 24 };

/**
 * GB/T 4754-2017 industry picker searching the server as you type (code prefix or name).
 * With nothing typed it lists the divisions (or, with `classOnly`, the classes).
 */
export function IndustryClassSelect({ value, onChange, classOnly, currentName, ...props }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const keyword = useDebouncedValue(search.trim(), 250);
  const level = classOnly ? 'class' : keyword ? undefined : 'division';
  const list = useIndustryClasses(keyword, level);

  const items = useMemo(
    () =>
      (list.data?.items ?? [])
        .filter((i) => i.level !== 'section' && (!classOnly || i.level === 'class'))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [list.data, classOnly],
  );
  const listed = !!value && items.some((i) => i.code === value);
  // The current value's name, when the list does not contain it and the caller did not give it.
  const lookup = useIndustryClasses(value ?? '', undefined, !!value && !listed && !currentName);
  const current: IndustryClass | undefined = lookup.data?.items.find((i) => i.code === value);

  const label = (i: Pick<IndustryClass, 'code' | 'nameZh' | 'nameEn'>) =>
    `${i.code} ${localName(i, lang) ?? ''}`.trim();

  const options: SelectProps<string>['options'] = items.map((i) => ({
    value: i.code,
    label: label(i),
    title: label(i),
    level: i.level,
  }));
  if (value && !listed) {
    const text = current ? label(current) : currentName ? `${value} ${currentName}` : value;
    options.unshift({ value, label: text, title: text });
  }

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? undefined);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={list.isFetching}
      options={options}
      notFoundContent={list.isPending ? t('common.loading') : t('industryClass.notFound')}
      optionRender={(option) => {
        const lvl = typeof option.data.level === 'string' ? option.data.level : '';
        return (
          <Flex gap={6} align="baseline" style={{ paddingInlineStart: INDENT[lvl] ?? 0 }}>
            <span>{option.label}</span>
            {lvl && !classOnly && (
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {t(`industryClass.levels.${lvl}`, { defaultValue: lvl })}
              </Typography.Text>
            )}
          </Flex>
        );
      }}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
