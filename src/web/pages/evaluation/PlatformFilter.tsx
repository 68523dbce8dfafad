import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlatformOptions } from '../../api/platforms';

interface Props {
  value: number | undefined;
  onChange: (platformId: number | undefined) => void;
  placeholder?: string;
}

/** Platform picker; left out when the user sees one platform or none (a platform administrator). */
export function PlatformFilter({ value, onChange, placeholder }: Props) {
  const { t } = useTranslation();
  const { data } = usePlatformOptions();
  if (!data || data.length <= 1) return null;
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      placeholder={placeholder ?? t('enterprises.filters.platform')}
      aria-label={t('enterprises.filters.platform')}
      onChange={onChange}
      options={data.map((p) => ({ value: p.id, label: p.name }))}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
