import { useRef } from 'react';
import { Button, Flex, Input, Select, Space } from 'antd';
import type { InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  LABELS as LABEL_CODES,
  type Label as LabelCode,
  type Scale,
} from '../../../modules/enterprises/core/codes';
import type { EnterpriseFilters, EnterpriseQuery } from '../../api/enterprises';
import { IndustryClassSelect } from '../../components/IndustryClassSelect';
import { IndustrySelect } from '../../components/IndustrySelect';

interface Props {
  filters: EnterpriseFilters;
  /** Platforms to filter by; the filter is left out when the user sees one platform or none. */
  platforms: { id: number; name: string }[] | undefined;
  onChange: (patch: Partial<EnterpriseQuery>) => void;
}

export function EnterpriseFilterBar({ filters, platforms, onChange }: Props) {
  const { t } = useTranslation();
  const keywordRef = useRef<InputRef>(null);
  const searchKeyword = (value: string) => onChange({ keyword: value.trim() || undefined });
  const hasFilters = Object.values(filters).some((v) => v !== undefined && v !== '');

  return (
    <Flex wrap gap={12} align="center">
      {/* Input + button rather than Input.Search, so the test id lands on the <input> itself. */}
      <Space.Compact style={{ width: 280 }}>
        <Input
          // Uncontrolled; re-created when the URL's keyword changes (back/forward, "clear filters").
          key={filters.keyword ?? ''}
          ref={keywordRef}
          allowClear
          defaultValue={filters.keyword ?? ''}
          placeholder={t('enterprises.filters.keyword')}
          aria-label={t('enterprises.filters.keyword')}
          data-testid="enterprise-keyword"
          maxLength={100}
          onChange={(e) => {
            if (e.target.value === '' && filters.keyword) onChange({ keyword: undefined });
          }}
          onPressEnter={(e) => searchKeyword(e.currentTarget.value)}
        />
        <Button
          icon={<SearchOutlined />}
          aria-label={t('enterprises.filters.search')}
          onClick={() => searchKeyword(keywordRef.current?.input?.value ?? '')}
        />
      </Space.Compact>
      {platforms && platforms.length > 1 && (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.platformId}
          placeholder={t('enterprises.filters.platform')}
          aria-label={t('enterprises.filters.platform')}
          onChange={(v) => onChange({ platformId: v })}
          options={platforms.map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
      )}
      <IndustryClassSelect
        allowClear
        value={filters.industryClass}
        placeholder={t('enterprises.filters.industryClass')}
        aria-label={t('enterprises.filters.industryClass')}
        onChange={(v) => onChange({ industryClass: v })}
        style={{ width: 200 }}
      />
      <IndustrySelect
        allowClear
        value={filters.keyIndustry}
        placeholder={t('enterprises.filters.keyIndustry')}
        aria-label={t('enterprises.filters.keyIndustry')}
        onChange={(v) => onChange({ keyIndustry: typeof v === 'string' ? v : undefined })}
        style={{ width: 130 }}
        popupMatchSelectWidth={false}
      />
      <Select<Scale>
        allowClear
        value={filters.scale}
        placeholder={t('enterprises.filters.scale')}
        aria-label={t('enterprises.filters.scale')}
        onChange={(v) => onChange({ scale: v })}
        options={[
          { value: 'above', label: t('scale.aboveLong') },
          { value: 'below', label: t('scale.belowLong') },
        ]}
        style={{ width: 110 }}
        popupMatchSelectWidth={false}
      />
      <Select<LabelCode>
        allowClear
        value={filters.label}
        placeholder={t('enterprises.filters.label')}
        aria-label={t('enterprises.filters.label')}
        onChange={(v) => onChange({ label: v })}
        options={LABEL_CODES.map((code) => ({ value: code, label: t(`labels.${code}`) }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
      />
      {hasFilters && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              keyword: undefined,
              platformId: undefined,
              industryClass: undefined,
              keyIndustry: undefined,
              scale: undefined,
              label: undefined,
            })
          }
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
