import { Alert, Button, Empty, Flex, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Cockpit, type MetricKey, type ReportedFigure } from '../../api/cockpit';
import { useReferenceMaps } from '../../api/reference';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { toYi } from './cockpitFormat';
import { DrillRequest } from './DrillDrawer';
import type { CockpitMetrics } from './useCockpitMetrics';

export function ReportedTable({
  reported,
  metrics,
  platformNames,
  year,
}: {
  reported: ReportedFigure[];
  metrics: CockpitMetrics;
  platformNames: Map<number, string>;
  year: number;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Alert type="info" showIcon title={t('cockpit.drill.reportedNote')} />
      <Table<ReportedFigure>
        size="small"
        rowKey={(r) => `${r.platformId}-${r.figure}`}
        pagination={false}
        dataSource={reported}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('cockpit.drill.noReports', { year })}
            />
          ),
        }}
        columns={[
          {
            key: 'platform',
            title: t('cockpit.drill.platform'),
            render: (_, r) => (
              <Link to={`/platforms/${r.platformId}`}>
                {platformNames.get(r.platformId) ?? `#${r.platformId}`}
              </Link>
            ),
          },
          {
            key: 'figure',
            title: t('cockpit.drill.columns.figure'),
            render: (_, r) => metrics.figureName(r.figure),
          },
          {
            key: 'value',
            title: t('cockpit.drill.columns.value'),
            align: 'right',
            render: (_, r) => metrics.formatFigure(r.figure, r.value),
          },
          { key: 'by', title: t('cockpit.drill.columns.by'), render: (_, r) => r.by || '—' },
          { key: 'at', title: t('cockpit.drill.columns.at'), render: (_, r) => formatDateTime(r.at) },
          { key: 'note', title: t('cockpit.drill.columns.note'), render: (_, r) => r.note || '—' },
        ]}
      />
    </Flex>
  );
}

export function IndustryTable({
  industries: outputs,
  metric,
  lines,
  onDrill,
}: {
  industries: Record<string, number>;
  metric: MetricKey;
  lines: Cockpit['clusterLines'];
  onDrill: (req: DrillRequest) => void;
}) {
  const { t } = useTranslation();
  const { industries } = useReferenceMaps();
  const l = useLang();
  const rows = useMemo(
    () =>
      Object.entries(outputs)
        .map(([code, output]) => ({ code, output, name: localName(industries.get(code), l) ?? code }))
        .sort((a, b) => b.output - a.output),
    [outputs, industries, l],
  );
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.drill.noRecords')} />,
      }}
      columns={[
        { key: 'name', title: t('cockpit.drill.columns.industry'), render: (_, r) => r.name },
        {
          key: 'output',
          title: t('cockpit.drill.columns.outputYi'),
          align: 'right',
          render: (_, r) => formatNumber(toYi(r.output)),
        },
        {
          key: 'scale',
          title: t('cockpit.drill.columns.scale'),
          render: (_, r) =>
            r.output >= lines.trillion ? (
              <Tag color="red">{t('cockpit.clusters.trillion')}</Tag>
            ) : r.output >= lines.hundredBillion ? (
              <Tag color="orange">{t('cockpit.clusters.hundredBillion')}</Tag>
            ) : (
              '—'
            ),
        },
        {
          key: 'firms',
          title: '',
          width: 120,
          render: (_, r) => (
            <Button
              size="small"
              type="link"
              onClick={() => onDrill({ metric, industry: r.code, title: r.name })}
            >
              {t('cockpit.drill.showFirms')}
            </Button>
          ),
        },
      ]}
    />
  );
}

type DrillProject = Extract<import('../../api/cockpit').Drill, { kind: 'projects' }>['projects'][number];

/** T6: the projects counted, each opening its project page. */
export function ProjectsDrillTable({ projects }: { projects: DrillProject[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (projects.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.drill.noRecords')} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={projects}
      data-testid="cockpit-drill-projects"
      columns={[
        {
          key: 'name',
          title: t('cockpit.drill.project'),
          render: (_, p) => (
            <Link to={`/projects/${p.id}`} data-user-text="">
              {p.name}
            </Link>
          ),
        },
        { key: 'platform', title: t('cockpit.drill.platform'), width: 180, render: (_, p) => p.platformName },
        {
          key: 'investment',
          title: t('cockpit.drill.totalInvestment'),
          width: 140,
          align: 'right',
          render: (_, p) => formatMoney(p.totalInvestment, lang === 'en' ? 'en' : 'zh'),
        },
        {
          key: 'signed',
          title: t('cockpit.drill.signedOn'),
          width: 120,
          render: (_, p) => formatDate(p.signedOn),
        },
      ]}
    />
  );
}
