import { useEffect, useRef } from 'react';
import { Empty, Flex, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RankCell } from './RankCell';
import type { CockpitPlatform, PlatformMetric } from '../../api/cockpit';
import { formatInteger, formatNumber, formatScore } from '../../lib/format';
import { formatDecimal, nameIn, percentOf, toYi } from './cockpitFormat';
import type { DrillRequest } from './DrillDrawer';
import { DrillValue } from './DrillValue';
import type { CockpitMetrics } from './useCockpitMetrics';

interface Props {
  platforms: CockpitPlatform[];
  metrics: CockpitMetrics;
  highlight: number | null;
  onDrill: (req: DrillRequest) => void;
}

/** One unit per column (亿元, %, 万元/亩, 家): the header carries it. */
const COLUMNS: { key: PlatformMetric; unit: 'yi' | 'percent' | 'perMu' | 'firms'; width: number }[] = [
  { key: 'platform_output', unit: 'yi', width: 80 },
  { key: 'output_growth', unit: 'percent', width: 88 },
  { key: 'leading_share', unit: 'percent', width: 112 },
  { key: 'tax_per_mu', unit: 'perMu', width: 90 },
  { key: 'investment_intensity', unit: 'perMu', width: 90 },
  { key: 'rd_intensity', unit: 'percent', width: 90 },
  { key: 'above_scale_firms', unit: 'firms', width: 88 },
  { key: 'high_tech_firms', unit: 'firms', width: 88 },
  { key: 'chain_leaders', unit: 'firms', width: 88 },
];

function cell(unit: (typeof COLUMNS)[number]['unit'], v: number | null): string {
  if (v === null) return '—';
  switch (unit) {
    case 'yi':
      return formatNumber(toYi(v));
    case 'percent':
      return percentOf(v);
    case 'perMu':
      return formatDecimal(v);
    default:
      return formatInteger(v);
  }
}

/** Nulls last whichever way the column is sorted. */
const byValue =
  (get: (p: CockpitPlatform) => number | null) =>
  (a: CockpitPlatform, b: CockpitPlatform, order?: 'ascend' | 'descend' | null) => {
    const x = get(a);
    const y = get(b);
    if (x === null && y === null) return 0;
    if (x === null) return order === 'ascend' ? 1 : -1;
    if (y === null) return order === 'ascend' ? -1 : 1;
    return x - y;
  };

/** The platforms side by side, sortable, every number opening the records behind it. */
export function RankingTable({ platforms, metrics, highlight, onDrill }: Props) {
  const { t } = useTranslation();
  const { lang } = metrics;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (highlight === null) return;
    ref.current
      ?.querySelector(`[data-row-key="${highlight}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlight]);

  const unitLabel = (unit: (typeof COLUMNS)[number]['unit']) => t(`cockpit.ranking.units.${unit}`);

  const columns: TableProps<CockpitPlatform>['columns'] = [
    {
      key: 'name',
      title: t('cockpit.ranking.platform'),
      fixed: 'left',
      width: 136,
      ellipsis: true,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, p) => (
        <Link to={`/platforms/${p.id}`} title={nameIn(lang, p.name, p.nameEn)}>
          {nameIn(lang, p.name, p.nameEn)}
        </Link>
      ),
    },
    ...COLUMNS.map(({ key, unit, width }) => ({
      key,
      width,
      align: 'right' as const,
      title: (
        <Tooltip title={t('cockpit.labelValue', { label: metrics.name(key), value: metrics.formula(key) })}>
          <span>
            {t(`cockpit.ranking.columns.${key}`)}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
              {unitLabel(unit)}
            </Typography.Text>
          </span>
        </Tooltip>
      ),
      sorter: byValue((p) => p.values[key]),
      sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
      render: (_: unknown, p: CockpitPlatform) => {
        const v = p.values[key];
        const reported = p.sources[key] === 'reported' || p.sources[key] === 'mixed';
        return (
          <Flex justify="end" align="center" gap={2}>
            <DrillValue
              onClick={
                v === null
                  ? undefined
                  : () => onDrill({ metric: key, platformId: p.id, title: nameIn(lang, p.name, p.nameEn) })
              }
              testId={`cockpit-ranking-${key}-${p.id}`}
            >
              {cell(unit, v)}
            </DrillValue>
            {reported && (
              <Tooltip title={t(`cockpit.sourceHint.${p.sources[key]}`)}>
                <sup className="yy-cockpit-reported-mark">{t('cockpit.ranking.reportedMark')}</sup>
              </Tooltip>
            )}
          </Flex>
        );
      },
    })),
    {
      key: 'score',
      title: (
        <span>
          {t('cockpit.ranking.score')}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
            {t('cockpit.ranking.units.points')}
          </Typography.Text>
        </span>
      ),
      width: 76,
      align: 'right',
      sorter: byValue((p) => p.score),
      sortDirections: ['descend', 'ascend'],
      render: (_, p) =>
        p.score === null ? (
          '—'
        ) : (
          <Link to="/platform-evaluation" title={t('cockpit.ranking.scoreHint')}>
            {formatScore(p.score)}
          </Link>
        ),
    },
    {
      key: 'rank',
      title: t('cockpit.ranking.rank'),
      width: 64,
      align: 'right',
      sorter: byValue((p) => p.rank),
      sortDirections: ['ascend', 'descend'],
      // The ranking reads by rank: 1 first, platforms without a score last.
      defaultSortOrder: 'ascend',
      render: (_, p) => <RankCell platform={p} />,
    },
  ];

  return (
    <div ref={ref}>
      <Table<CockpitPlatform>
        data-testid="cockpit-ranking-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={platforms}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1090 }}
        className="yy-cockpit-ranking"
        showSorterTooltip={false}
        rowClassName={(p) => (p.id === highlight ? 'yy-cockpit-highlight' : '')}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.ranking.empty')} />,
        }}
      />
    </div>
  );
}
