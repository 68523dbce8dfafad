import { useState } from 'react';
import { Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCoverage, type CoverageReport } from '../../api/visits';
import { usePlatformName } from '../../api/platforms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProperName } from '../../components/ProperName';
import { formatDate, formatInteger, formatPercent } from '../../lib/format';

type Row = {
  key: string;
  name: string;
  platformId?: number;
  assigned: number;
  visited: number;
  share: number | null;
};

/** Visit coverage of a year or quarter: per commissioner and per platform, and in total. */
export function CoverageTable() {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const today = formatDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | undefined>(
    Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
  );
  const coverage = useCoverage(year, quarter);
  const [by, setBy] = useState<'commissioners' | 'platforms'>('commissioners');
  const data: CoverageReport | undefined = coverage.data;
  const rows: Row[] = data
    ? by === 'commissioners'
      ? data.commissioners.map((c) => ({ key: `c${c.commissionerUserId}`, ...c }))
      : data.platforms.map((p) => ({ key: `p${p.platformId}`, ...p }))
    : [];
  return (
    <Card
      size="small"
      title={t('visits.coverage.title')}
      extra={
        <Flex gap={8} wrap>
          <Select
            aria-label={t('visits.coverage.year')}
            value={year}
            onChange={setYear}
            options={[thisYear, thisYear - 1].map((y) => ({
              value: y,
              label: t('visits.coverage.yearLabel', { year: y }),
            }))}
          />
          <Select
            aria-label={t('visits.coverage.quarter')}
            value={quarter ?? 0}
            onChange={(q) => setQuarter(q || undefined)}
            options={[0, 1, 2, 3, 4].map((q) => ({
              value: q,
              label: q ? t('visits.coverage.quarterLabel', { q }) : t('visits.coverage.wholeYear'),
            }))}
          />
          <Segmented
            value={by}
            onChange={(v) => setBy(v as typeof by)}
            options={[
              { value: 'commissioners', label: t('visits.coverage.byCommissioner') },
              { value: 'platforms', label: t('visits.coverage.byPlatform') },
            ]}
          />
        </Flex>
      }
    >
      {coverage.error ? <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} /> : null}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="coverage-total">
          {t('visits.coverage.total', {
            from: formatDate(data.from),
            to: formatDate(data.to),
            assigned: formatInteger(data.total.assigned),
            visited: formatInteger(data.total.visited),
            share: formatPercent(data.total.share),
          })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={coverage.isFetching}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: by === 'commissioners' ? t('visits.coverage.commissioner') : t('visits.coverage.platform'),
            render: (_, r) =>
              r.platformId !== undefined ? platformName(r.platformId, r.name) : <ProperName name={r.name} />,
          },
          {
            title: t('visits.coverage.assigned'),
            align: 'right',
            render: (_, r) => formatInteger(r.assigned),
          },
          { title: t('visits.coverage.visited'), align: 'right', render: (_, r) => formatInteger(r.visited) },
          {
            title: t('visits.coverage.share'),
            align: 'right',
            sorter: (a, b) => (a.share ?? -1) - (b.share ?? -1),
            render: (_, r) => formatPercent(r.share),
          },
        ]}
      />
    </Card>
  );
}
