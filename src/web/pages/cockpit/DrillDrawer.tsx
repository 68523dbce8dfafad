import { useMemo, useState } from 'react';
import { Alert, Button, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useDrill,
  type Cockpit,
  type Drill,
  type DrillRow,
  type MetricKey,
  type ReportedFigure,
} from '../../api/cockpit';
import { useReferenceMaps } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatInteger, formatNumber } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { formatDecimal, nameIn, toYi } from './cockpitFormat';
import type { CockpitMetrics } from './useCockpitMetrics';

/** What a click asks for: the records behind a metric, for a platform or an industry. */
export interface DrillRequest {
  metric: MetricKey;
  platformId?: number;
  industry?: string;
  /** What was clicked: a target's name, a platform's, a cluster's. */
  title: string;
  /** A target's code, when a card was clicked. */
  code?: string;
}

interface Props {
  request: DrillRequest | null;
  year: number;
  metrics: CockpitMetrics;
  /** Names of the platforms in view, for reported figures (which carry only the id). */
  platformNames: Map<number, string>;
  /** The scope's name when no platform is asked for ("全市" or the admin's platform). */
  scopeName: string;
  clusterLines: Cockpit['clusterLines'];
  onClose: () => void;
  /** Opens another drill-down (an industry of a cluster list). */
  onDrill: (req: DrillRequest) => void;
}

const PAGE_SIZE = 20;

/** The records behind a number: enterprises (paged), platforms, reported figures or industries. */
export function DrillDrawer({
  request,
  year,
  metrics,
  platformNames,
  scopeName,
  clusterLines,
  onClose,
  onDrill,
}: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ key: '', page: 1 });
  const key = request ? JSON.stringify([request.metric, request.platformId, request.industry, year]) : '';
  const current = page.key === key ? page.page : 1;
  const query = request
    ? {
        metric: request.metric,
        year,
        platformId: request.platformId,
        industry: request.industry,
        page: current,
        pageSize: PAGE_SIZE,
      }
    : null;
  const { data, isPending, isFetching, error, refetch } = useDrill(query);
  const scope = request?.platformId !== undefined ? platformNames.get(request.platformId) : scopeName;

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size={1000}
      destroyOnHidden
      title={
        request
          ? t('cockpit.drill.title', {
              what: request.code ? `${request.code} ${request.title}` : request.title,
              year,
            })
          : ''
      }
    >
      {request && (
        <Flex vertical gap={12} data-testid="cockpit-drill">
          <Flex vertical gap={2}>
            <Typography.Text>
              {t('cockpit.drill.subtitle', {
                metric: metrics.name(request.metric),
                scope: scope ?? '',
              })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.drill.formula', { formula: metrics.formula(request.metric) })}
            </Typography.Text>
          </Flex>
          {error ? (
            <ErrorAlert error={error} onRetry={() => void refetch()} />
          ) : isPending ? (
            <Table loading columns={[]} dataSource={[]} size="small" />
          ) : (
            <DrillContent
              drill={data}
              request={request}
              metrics={metrics}
              platformNames={platformNames}
              page={current}
              loading={isFetching}
              onPage={(p) => setPage({ key, page: p })}
              onDrill={onDrill}
              year={year}
              clusterLines={clusterLines}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

function DrillContent({
  drill,
  request,
  metrics,
  platformNames,
  page,
  loading,
  onPage,
  onDrill,
  year,
  clusterLines,
}: {
  drill: Drill;
  request: DrillRequest;
  metrics: CockpitMetrics;
  platformNames: Map<number, string>;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
  onDrill: (req: DrillRequest) => void;
  year: number;
  clusterLines: Cockpit['clusterLines'];
}) {
  const { t } = useTranslation();
  switch (drill.kind) {
    case 'enterprises':
      return (
        <Flex vertical gap={12}>
          {drill.overrides.length > 0 && (
            <OverridesNote overrides={drill.overrides} metrics={metrics} platformNames={platformNames} />
          )}
          <EnterpriseTable
            rows={drill.rows}
            total={drill.total}
            metric={request.metric}
            showPlatform={request.platformId === undefined}
            page={page}
            loading={loading}
            onPage={onPage}
          />
        </Flex>
      );
    case 'reported':
      return (
        <ReportedTable
          reported={drill.reported}
          metrics={metrics}
          platformNames={platformNames}
          year={year}
        />
      );
    case 'platforms':
      return drill.platforms.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.drill.noRecords')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={drill.platforms}
          columns={[
            {
              key: 'name',
              title: t('cockpit.drill.platform'),
              render: (_, p) => (
                <Link to={`/platforms/${p.id}`}>{nameIn(metrics.lang, p.name, p.nameEn)}</Link>
              ),
            },
            {
              key: 'strategic',
              title: t('cockpit.drill.strategic'),
              width: 160,
              render: (_, p) =>
                p.isStrategic ? <Tag color="gold">{t('cockpit.drill.strategicYes')}</Tag> : '—',
            },
            {
              key: 'land',
              title: t('cockpit.drill.industrialLand'),
              width: 160,
              align: 'right',
              render: (_, p) => formatNumber(p.industrialLandMu),
            },
          ]}
        />
      );
    case 'industries':
      return (
        <IndustryTable
          industries={drill.industries}
          metric={request.metric}
          lines={clusterLines}
          onDrill={onDrill}
        />
      );
    default:
      return null;
  }
}

function OverridesNote({
  overrides,
  metrics,
  platformNames,
}: {
  overrides: ReportedFigure[];
  metrics: CockpitMetrics;
  platformNames: Map<number, string>;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="cockpit-drill-overrides"
      title={t('cockpit.drill.overridesTitle', { count: overrides.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {overrides.map((o) => (
            <li key={`${o.platformId}-${o.figure}`}>
              {t('cockpit.drill.overrideItem', {
                platform: platformNames.get(o.platformId) ?? `#${o.platformId}`,
                figure: metrics.figureName(o.figure),
                value: metrics.formatFigure(o.figure, o.value),
                by: o.by || '—',
                at: formatDateTime(o.at),
              })}
              {o.note ? ` — ${o.note}` : ''}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Extra columns per metric: the figures the metric reads. */
function extraColumns(metric: MetricKey): (keyof DrillRow | 'taxPerMu' | 'rdShare')[] {
  switch (metric) {
    case 'tax_per_mu':
      return ['tax', 'ownLandMu', 'taxPerMu'];
    case 'rd_intensity':
      return ['revenue', 'rdSpending', 'rdShare'];
    case 'investment_intensity':
    case 'fai_growth':
      return ['fixedAssetInvestment', 'ownLandMu'];
    case 'energy_per_value_added':
    case 'energy_intensity_decline':
      return ['energyTce', 'valueAdded'];
    default:
      return ['revenue', 'tax', 'ownLandMu'];
  }
}

function EnterpriseTable({
  rows,
  total,
  metric,
  showPlatform,
  page,
  loading,
  onPage,
}: {
  rows: DrillRow[];
  total: number;
  metric: MetricKey;
  showPlatform: boolean;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { industries } = useReferenceMaps();
  const l = useLang();
  const wan = t('units.wanYuan');
  const header = (key: string, unit?: string) => (
    <span>
      {t(`cockpit.drill.columns.${key}`)}
      {unit && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
            {unit}
          </Typography.Text>
        </>
      )}
    </span>
  );
  const money = (v: number | null) => formatNumber(v);
  const extra: TableProps<DrillRow>['columns'] = extraColumns(metric).map((k) => {
    switch (k) {
      case 'ownLandMu':
        return {
          key: k,
          title: header(k, t('units.mu')),
          width: 90,
          align: 'right',
          render: (_, r) => formatNumber(r.ownLandMu),
        };
      case 'energyTce':
        return {
          key: k,
          title: header(k, t('units.tce')),
          width: 110,
          align: 'right',
          render: (_, r) => formatNumber(r.energyTce),
        };
      case 'taxPerMu':
        return {
          key: k,
          title: header(k, t('units.wanYuanPerMu')),
          width: 100,
          align: 'right',
          render: (_, r) => formatDecimal(r.tax !== null && r.ownLandMu ? r.tax / r.ownLandMu : null),
        };
      case 'rdShare':
        return {
          key: k,
          title: header(k, '%'),
          width: 90,
          align: 'right',
          render: (_, r) =>
            r.rdSpending !== null && r.revenue ? `${((r.rdSpending / r.revenue) * 100).toFixed(2)}%` : '—',
        };
      default:
        return {
          key: k,
          title: header(k, wan),
          width: 110,
          align: 'right',
          render: (_, r) => money(r[k as 'tax'] as number | null),
        };
    }
  });
  const columns: TableProps<DrillRow>['columns'] = [
    {
      key: 'name',
      title: t('cockpit.drill.columns.name'),
      render: (_, r) => (
        <Flex vertical gap={0}>
          <Link to={`/enterprises/${r.id}`} data-testid="cockpit-drill-enterprise">
            {r.name}
          </Link>
          <Flex gap={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {r.uscc}
            </Typography.Text>
            {r.above && (
              <Tag style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                {t('cockpit.drill.above')}
              </Tag>
            )}
            {r.leading && (
              <Tag color="blue" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                {t('cockpit.drill.leading')}
              </Tag>
            )}
          </Flex>
        </Flex>
      ),
    },
    ...(showPlatform
      ? [
          {
            key: 'platform',
            title: t('cockpit.drill.platform'),
            width: 170,
            render: (_: unknown, r: DrillRow) => (
              <Link to={`/platforms/${r.platformId}`}>{r.platformName}</Link>
            ),
          },
        ]
      : []),
    {
      key: 'industry',
      title: t('cockpit.drill.columns.industry'),
      width: 110,
      render: (_, r) =>
        r.keyIndustry ? (
          (localName(industries.get(r.keyIndustry), l) ?? r.keyIndustry)
        ) : (
          <Typography.Text type="secondary" title={t('cockpit.drill.notKey')}>
            {r.industryCode ? t('cockpit.drill.industryClass', { code: r.industryCode }) : '—'}
          </Typography.Text>
        ),
    },
    {
      key: 'output',
      title: header('output', wan),
      width: 120,
      align: 'right',
      render: (_, r) => money(r.output),
    },
    ...extra,
  ];
  return (
    <Table<DrillRow>
      size="small"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 860 }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.drill.noRecords')} />,
      }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { formatted: formatInteger(n) }),
        onChange: onPage,
      }}
    />
  );
}

function ReportedTable({
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

function IndustryTable({
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
