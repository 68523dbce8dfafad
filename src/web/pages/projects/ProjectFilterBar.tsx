import { Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { PlatformFilter } from '../evaluation/PlatformFilter';
import { useLang, localName } from '../../lib/useLang';
import { SIZE_CLASSES, STAGES, STATUSES } from '../../../modules/projects/core/codes';
import type { PipelineQuery } from './pipelineQuery';

interface Props {
  query: PipelineQuery;
  update: (patch: Partial<PipelineQuery>) => void;
}

/** The pipeline's filters: platform, key industry, size, owner, stage, status, stalled, pending. */
export function ProjectFilterBar({ query, update }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const keyIndustries = (reference.data?.industries ?? []).filter((i) => i.isKey);
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        allowClear
        placeholder={t('projects.filter.keyword')}
        aria-label={t('projects.filter.keyword')}
        defaultValue={query.keyword}
        onSearch={(v) => update({ keyword: v.trim() || undefined })}
        style={{ width: 220 }}
      />
      <PlatformFilter
        value={query.platformId}
        onChange={(v) => update({ platformId: v })}
        placeholder={t('projects.col.platform')}
      />
      <Select
        allowClear
        placeholder={t('projects.col.industry')}
        aria-label={t('projects.col.industry')}
        style={{ width: 170 }}
        value={query.industryCode}
        onChange={(v) => update({ industryCode: v })}
        options={keyIndustries.map((i) => ({ value: i.code, label: localName(i, lang) ?? i.code }))}
      />
      <Select
        allowClear
        placeholder={t('projects.col.size')}
        aria-label={t('projects.col.size')}
        style={{ width: 150 }}
        value={query.sizeClass}
        onChange={(v) => update({ sizeClass: v })}
        options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`projects.size.${s}`) }))}
        data-testid="projects-filter-size"
      />
      {query.view === 'table' && (
        <Select
          allowClear
          placeholder={t('projects.col.stage')}
          aria-label={t('projects.col.stage')}
          style={{ width: 120 }}
          value={query.stage}
          onChange={(v) => update({ stage: v })}
          options={STAGES.map((s) => ({ value: s, label: t(`projects.stage.${s}`) }))}
        />
      )}
      <Select
        allowClear
        placeholder={t('projects.col.status')}
        aria-label={t('projects.col.status')}
        style={{ width: 110 }}
        value={query.status}
        onChange={(v) => update({ status: v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
      />
      <Checkbox checked={!!query.mine} onChange={(e) => update({ mine: e.target.checked || undefined })}>
        {t('projects.filter.mine')}
      </Checkbox>
      <Checkbox
        checked={!!query.stalled}
        onChange={(e) => update({ stalled: e.target.checked || undefined })}
        data-testid="projects-filter-stalled"
      >
        {t('projects.filter.stalled')}
      </Checkbox>
      <Checkbox
        checked={!!query.pending}
        onChange={(e) => update({ pending: e.target.checked || undefined })}
      >
        {t('projects.filter.pending')}
      </Checkbox>
    </Flex>
  );
}
