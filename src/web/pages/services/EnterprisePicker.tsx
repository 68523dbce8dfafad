import { useState } from 'react';
import { Select } from 'antd';
import { useEnterprises } from '../../api/enterprises';

/** Picks an enterprise in the user's scope by name, USCC or initials. */
export function EnterprisePicker({
  value,
  onChange,
  ariaLabel,
}: {
  value?: number;
  onChange?: (id: number) => void;
  ariaLabel: string;
}) {
  const [keyword, setKeyword] = useState('');
  const list = useEnterprises({ keyword: keyword || undefined, page: 1, pageSize: 20 });
  return (
    <Select
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setKeyword}
      loading={list.isFetching}
      aria-label={ariaLabel}
      data-testid="visit-enterprise"
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
    />
  );
}
