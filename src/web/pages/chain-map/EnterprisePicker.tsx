import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../api/enterprises';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

/** Picks a registered enterprise in scope by name, USCC or pinyin initials. */
export function EnterprisePicker({
  value,
  onChange,
  platformId,
  id,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  platformId?: number;
  id?: string;
}) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword, 300);
  const list = useEnterprises({
    keyword: debounced || undefined,
    platformId,
    page: 1,
    pageSize: 20,
    sort: 'name',
    order: 'asc',
  });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('chainMap.pickEnterprise')}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      style={{ width: '100%' }}
      data-testid="enterprise-picker"
    />
  );
}
