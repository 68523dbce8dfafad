import { useState } from 'react';
import { Select } from 'antd';
import { useEnterprises } from '../../api/enterprises';

/** Picks an enterprise in the user's scope by name, USCC or initials. */
export function EnterprisePicker({
  value,
  onChange,
  ariaLabel,
  testId = 'visit-enterprise',
  selected,
  allowClear,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  ariaLabel: string;
  testId?: string;
  /** The chosen enterprise's name, shown before a search finds it (an edit form's saved value). */
  selected?: { id: number; name: string } | null;
  allowClear?: boolean;
}) {
  const [keyword, setKeyword] = useState('');
  const list = useEnterprises({ keyword: keyword || undefined, page: 1, pageSize: 20 });
  const options = (list.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
  if (selected && !options.some((o) => o.value === selected.id))
    options.unshift({ value: selected.id, label: selected.name });
  return (
    <Select
      showSearch
      filterOption={false}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onSearch={setKeyword}
      loading={list.isFetching}
      aria-label={ariaLabel}
      data-testid={testId}
      options={options}
    />
  );
}
