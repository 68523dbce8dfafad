import { Alert, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDrill, type Cockpit, type Drill, type MetricKey, type ReportedFigure } from '../../api/cockpit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../lib/format';
import { nameIn } from './cockpitFormat';
import { EnterpriseTable } from './DrillEnterpriseTable';
import { IndustryTable, ProjectsDrillTable, ReportedTable } from './DrillTables';
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

export const PAGE_SIZE = 20;

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
    case 'projects':
      return (
        <Flex vertical gap={12}>
          {drill.overrides.length > 0 && (
            <OverridesNote overrides={drill.overrides} metrics={metrics} platformNames={platformNames} />
          )}
          <ProjectsDrillTable projects={drill.projects} />
        </Flex>
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
