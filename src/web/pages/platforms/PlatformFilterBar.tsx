import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import type { PlatformQuery } from '../../api/platforms';
import { CodeSelect } from '../../components/CodeSelect';
import { IndustrySelect } from '../../components/IndustrySelect';
import type { PlatformFilters } from './usePlatformListParams';

interface Props {
  filters: PlatformFilters;
  onChange: (patch: Partial<PlatformQuery>) => void;
}

export function PlatformFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const { data: reference } = useReference();
  const hasFilters =
    !!filters.keyword ||
    !!filters.district ||
    !!filters.type ||
    !!filters.industry ||
    !!filters.strategic ||
    !!filters.includeArchived;

  return (
    <Flex wrap gap={12} align="center">
      <Input.Search
        // Uncontrolled; re-created when the URL's keyword changes (back/forward, "clear filters").
        key={filters.keyword ?? ''}
        allowClear
        defaultValue={filters.keyword ?? ''}
        placeholder={t('platforms.filters.keyword')}
        aria-label={t('platforms.filters.keyword')}
        maxLength={100}
        onChange={(e) => {
          if (e.target.value === '' && filters.keyword) onChange({ keyword: undefined });
        }}
        onSearch={(v) => onChange({ keyword: v.trim() || undefined })}
        style={{ width: 200 }}
      />
      <CodeSelect
        allowClear
        items={reference?.districts}
        value={filters.district}
        placeholder={t('platforms.filters.district')}
        aria-label={t('platforms.filters.district')}
        onChange={(v) => onChange({ district: v })}
        style={{ width: 120 }}
      />
      <CodeSelect
        allowClear
        items={reference?.platformTypes}
        value={filters.type}
        placeholder={t('platforms.filters.type')}
        aria-label={t('platforms.filters.type')}
        onChange={(v) => onChange({ type: v })}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
      />
      <IndustrySelect
        allowClear
        value={filters.industry}
        placeholder={t('platforms.filters.industry')}
        aria-label={t('platforms.filters.industry')}
        onChange={(v) => onChange({ industry: typeof v === 'string' ? v : undefined })}
        style={{ width: 140 }}
        popupMatchSelectWidth={false}
      />
      <Select<'true' | 'false'>
        allowClear
        value={filters.strategic}
        placeholder={t('platforms.filters.strategic')}
        aria-label={t('platforms.filters.strategic')}
        onChange={(v) => onChange({ strategic: v })}
        style={{ width: 170 }}
        popupMatchSelectWidth={false}
        options={[
          { value: 'true', label: t('platforms.filters.strategicYes') },
          { value: 'false', label: t('platforms.filters.strategicNo') },
        ]}
      />
      <Flex align="center" gap={6}>
        <Switch
          size="small"
          checked={!!filters.includeArchived}
          onChange={(v) => onChange({ includeArchived: v })}
          aria-label={t('platforms.filters.includeArchived')}
        />
        <Typography.Text>{t('platforms.filters.includeArchived')}</Typography.Text>
      </Flex>
      {hasFilters && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              keyword: undefined,
              district: undefined,
              type: undefined,
              industry: undefined,
              strategic: undefined,
              includeArchived: false,
            })
          }
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
