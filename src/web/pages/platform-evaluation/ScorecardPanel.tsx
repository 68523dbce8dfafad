import { useMemo, type ReactNode } from 'react';
import { Alert, Card, Col, Drawer, Flex, Progress, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../api/evaluation';
import type { PlatformEvaluation, PlatformItem, PlatformScore } from '../../api/platformEvaluation';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DIMENSIONS, type Dimension } from '../../../modules/evaluation/core/indicators';
import { EvaluationChart, type EvaluationChartOption } from '../evaluation/EvaluationChart';
import { DIMENSION_COLORS, LeaderTag, PlatformClassTag } from './parts';
import {
  dimensionFullMarks,
  dimensionRatio,
  dimensionWeights,
  explainFlag,
  formatIndicatorValue,
  formatUnits,
  indicatorName,
  indicatorSource,
  radarMax,
  type FlagInfo,
} from './peFormat';

interface DrawerProps {
  data: PlatformEvaluation;
  platform: PlatformScore | null;
  method: Method | undefined;
  onClose: () => void;
}

/** The scorecard of the platform clicked in the ranking or the allocation. */
export function ScorecardDrawer({ data, platform, method, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Drawer
      open={platform !== null}
      onClose={onClose}
      size={980}
      title={
        platform
          ? t('platformEvaluation.scorecard.drawerTitle', {
              name: lang === 'en' ? platform.nameEn || platform.name : platform.name,
              year: data.year,
            })
          : ''
      }
      destroyOnHidden
    >
      {platform && <ScorecardPanel data={data} platform={platform} method={method} />}
    </Drawer>
  );
}

interface PanelProps {
  data: PlatformEvaluation;
  platform: PlatformScore;
  method: Method | undefined;
}

/** Score, rank, quota, the four dimensions (bars and radar), every item by dimension, and flags. */
export function ScorecardPanel({ data, platform, method }: PanelProps) {
  const { t } = useTranslation();
  const full = dimensionFullMarks(platform.items, data.noData);
  const ranked = data.platforms.filter((p) => p.rank !== null).length;
  return (
    <Flex vertical gap={16} data-testid="pe-scorecard" data-platform={platform.platformId}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('platformEvaluation.scorecard.result')} style={{ height: '100%' }}>
            <Flex vertical gap={10}>
              <Flex align="baseline" gap={8} wrap>
                <Typography.Text
                  style={{ fontSize: 40, fontWeight: 600, lineHeight: 1 }}
                  data-testid="pe-scorecard-score"
                >
                  {platform.score === null ? '—' : platform.score.toFixed(2)}
                </Typography.Text>
                <Typography.Text type="secondary">{t('platformEvaluation.pointsUnit')}</Typography.Text>
                <PlatformClassTag cls={platform.class} classes={method?.classes} withName />
                {platform.leader && <LeaderTag />}
              </Flex>
              {platform.rank !== null && (
                <Typography.Text>
                  {ranked > 1
                    ? t('platformEvaluation.scorecard.rankOf', { rank: platform.rank, size: ranked })
                    : t('platformEvaluation.scorecard.rank', { rank: platform.rank })}
                </Typography.Text>
              )}
              <QuotaLine data={data} platform={platform} />
              <Flex vertical gap={6} style={{ marginTop: 4 }}>
                {DIMENSIONS.map((d) => (
                  <DimensionBar key={d} dimension={d} points={platform.dimensions[d]} full={full[d]} />
                ))}
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('platformEvaluation.scorecard.radar')} style={{ height: '100%' }}>
            <DimensionRadar data={data} platform={platform} full={full} />
          </Card>
        </Col>
      </Row>
      <ItemsTable data={data} platform={platform} method={method} />
      <Flags data={data} platform={platform} />
    </Flex>
  );
}

function QuotaLine({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  if (!platform.land.eligible)
    return (
      <Typography.Text type="warning">
        {t('platformEvaluation.scorecard.belowThreshold', { threshold: formatNumber(data.pool.threshold) })}
      </Typography.Text>
    );
  return (
    <Typography.Text>
      {t('platformEvaluation.scorecard.quota', {
        land: formatUnits(platform.land.units),
        energy: formatUnits(platform.energy.units),
      })}
    </Typography.Text>
  );
}

function DimensionBar({ dimension, points, full }: { dimension: Dimension; points: number; full: number }) {
  const { t } = useTranslation();
  const ratio = dimensionRatio(points, full);
  return (
    <Flex align="center" gap={8}>
      <Typography.Text style={{ width: 88, flex: 'none', fontSize: 13 }}>
        {t(`platformEvaluation.dimension.${dimension}`)}
      </Typography.Text>
      {ratio === null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('platformEvaluation.dimensionNoData')}
        </Typography.Text>
      ) : (
        <>
          <Progress
            percent={Math.min(100, ratio * 100)}
            showInfo={false}
            strokeColor={DIMENSION_COLORS[dimension]}
            size="small"
            style={{ flex: 1, margin: 0 }}
          />
          <Typography.Text style={{ width: 104, flex: 'none', textAlign: 'right', fontSize: 12 }}>
            {points.toFixed(2)} / {formatNumber(full)}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

/** The four dimensions as points ÷ full marks; the city average and the 100% ring for reference. */
function DimensionRadar({
  data,
  platform,
  full,
}: {
  data: PlatformEvaluation;
  platform: PlatformScore;
  full: Record<Dimension, number>;
}) {
  const { t } = useTranslation();
  const own = DIMENSIONS.map((d) => dimensionRatio(platform.dimensions[d], full[d]));
  const scored = data.platforms.filter((p) => p.score !== null);
  const average =
    scored.length > 1
      ? DIMENSIONS.map((d) =>
          full[d] > 0 ? scored.reduce((s, p) => s + p.dimensions[d], 0) / scored.length / full[d] : null,
        )
      : null;
  const max = radarMax([...own, ...(average ?? [])]);
  const option: EvaluationChartOption = useMemo(() => {
    const name = (d: Dimension) => t(`platformEvaluation.dimension.${d}`);
    const pct = (r: number | null) =>
      r === null ? t('platformEvaluation.noDataShort') : `${(r * 100).toFixed(1)}%`;
    return {
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
          if (seriesIndex !== 0) return '';
          const values = dataIndex === 0 ? own : dataIndex === 1 ? own.map(() => 1) : (average ?? []);
          const label =
            dataIndex === 0
              ? t('platformEvaluation.scorecard.thisPlatform')
              : dataIndex === 1
                ? t('platformEvaluation.scorecard.fullRing')
                : t('platformEvaluation.scorecard.cityAverage');
          return [
            `<b>${label}</b>`,
            ...DIMENSIONS.map((d, i) =>
              dataIndex === 0
                ? `${name(d)}: ${platform.dimensions[d].toFixed(2)} / ${formatNumber(full[d])} (${pct(values[i] ?? null)})`
                : `${name(d)}: ${pct(full[d] > 0 ? (values[i] ?? null) : null)}`,
            ),
          ].join('<br/>');
        },
      },
      radar: {
        radius: '58%',
        center: ['50%', '46%'],
        splitNumber: 4,
        indicator: DIMENSIONS.map((d) => ({
          name: full[d] > 0 ? name(d) : `${name(d)}\n(${t('platformEvaluation.noDataShort')})`,
          max,
          min: 0,
        })),
        axisName: { color: '#434343', fontSize: 12 },
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: t('platformEvaluation.scorecard.thisPlatform'),
              value: own.map((r) => r ?? 0),
              areaStyle: { color: 'rgba(31, 95, 191, 0.25)' },
              lineStyle: { color: '#1f5fbf' },
              itemStyle: { color: '#1f5fbf' },
            },
            {
              name: t('platformEvaluation.scorecard.fullRing'),
              value: own.map(() => 1),
              lineStyle: { color: '#fa8c16', type: 'dashed' },
              itemStyle: { color: '#fa8c16' },
              symbol: 'none',
            },
            ...(average
              ? [
                  {
                    name: t('platformEvaluation.scorecard.cityAverage'),
                    value: average.map((r) => r ?? 0),
                    lineStyle: { color: '#595959', type: 'dotted' as const, width: 2 },
                    itemStyle: { color: '#8c8c8c' },
                    symbol: 'none',
                  },
                ]
              : []),
          ],
        },
      ],
    };
  }, [own, average, max, full, platform, t]);
  return (
    <Flex vertical gap={4}>
      <EvaluationChart
        option={option}
        height={320}
        ariaLabel={t('platformEvaluation.scorecard.radar')}
        testId="pe-radar"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('platformEvaluation.scorecard.radarNote')}
      </Typography.Text>
    </Flex>
  );
}

type Row =
  | { kind: 'dimension'; key: string; dimension: Dimension; weight: number; points: number; full: number }
  | { kind: 'item'; key: string; item: PlatformItem };

/** Every indicator under its dimension: value, benchmark, weight, points and what happened. */
function ItemsTable({ data, platform, method }: PanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const rescale = data.noData?.rescale ?? 1;
  const scaled = rescale !== 1;
  const weights = dimensionWeights(platform.items);
  const full = dimensionFullMarks(platform.items, data.noData);
  const rules = method?.cohorts[0]?.indicators ?? [];
  const scoringOf = (key: string) => rules.find((r) => r.indicator === key)?.scoring;

  const rows: Row[] = DIMENSIONS.flatMap((d) => {
    const items = platform.items.filter((i) => i.dimension === d);
    if (items.length === 0) return [];
    return [
      {
        kind: 'dimension' as const,
        key: `dim-${d}`,
        dimension: d,
        weight: weights[d],
        points: platform.dimensions[d],
        full: full[d],
      },
      ...items.map((item) => ({ kind: 'item' as const, key: item.indicator, item })),
    ];
  });
  const other = platform.items.filter((i) => !i.dimension);
  rows.push(...other.map((item) => ({ kind: 'item' as const, key: item.indicator, item })));

  // A dimension row spans the name, value, benchmark and weight columns.
  const spanFirst = (r: Row) => ({ colSpan: r.kind === 'dimension' ? 4 : 1 });
  const hidden = (r: Row) => ({ colSpan: r.kind === 'dimension' ? 0 : 1 });

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'indicator',
      title: t('platformEvaluation.scorecard.indicator'),
      width: 240,
      onCell: spanFirst,
      render: (_, r) =>
        r.kind === 'dimension' ? (
          <Flex align="center" gap={8}>
            <span
              style={{ width: 10, height: 10, borderRadius: 2, background: DIMENSION_COLORS[r.dimension] }}
            />
            <Typography.Text strong>{t(`platformEvaluation.dimension.${r.dimension}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('platformEvaluation.scorecard.dimensionWeight', { weight: formatNumber(r.weight) })}
            </Typography.Text>
          </Flex>
        ) : (
          <div style={{ paddingInlineStart: 18 }}>{indicatorName(r.item.indicator, lang)}</div>
        ),
    },
    {
      key: 'value',
      title: t('platformEvaluation.scorecard.value'),
      width: lang === 'en' ? 160 : 130,
      align: 'right',
      onCell: hidden,
      render: (_, r) =>
        r.kind === 'item' ? (
          r.item.value === null ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : (
            formatIndicatorValue(r.item.indicator, r.item.value, lang)
          )
        ) : null,
    },
    {
      key: 'benchmark',
      title: (
        <Tooltip title={t('platformEvaluation.scorecard.benchmarkHint')}>
          <span>{t('platformEvaluation.scorecard.benchmark')}</span>
        </Tooltip>
      ),
      width: lang === 'en' ? 160 : 130,
      align: 'right',
      onCell: hidden,
      render: (_, r) => {
        if (r.kind !== 'item') return null;
        if (r.item.benchmark !== null) return formatIndicatorValue(r.item.indicator, r.item.benchmark, lang);
        return (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {scoringOf(r.item.indicator) === 'min_max' ? t('platformEvaluation.scorecard.minMax') : '—'}
          </Typography.Text>
        );
      },
    },
    {
      key: 'weight',
      title: t('platformEvaluation.scorecard.weight'),
      width: 64,
      align: 'right',
      onCell: hidden,
      render: (_, r) => (r.kind === 'item' ? formatNumber(r.item.weight) : null),
    },
    {
      key: 'points',
      title: t('platformEvaluation.scorecard.points'),
      width: 76,
      align: 'right',
      render: (_, r) =>
        r.kind === 'item' ? (
          r.item.points.toFixed(2)
        ) : scaled ? null : (
          <Typography.Text strong>{r.points.toFixed(2)}</Typography.Text>
        ),
    },
    ...(scaled
      ? [
          {
            key: 'scaled',
            title: (
              <Tooltip title={t('platformEvaluation.scorecard.scaledHint', { factor: rescale.toFixed(3) })}>
                <span>{t('platformEvaluation.scorecard.scaled', { factor: rescale.toFixed(3) })}</span>
              </Tooltip>
            ),
            width: 116,
            align: 'right' as const,
            render: (_: unknown, r: Row) =>
              r.kind === 'item' ? (
                r.item.missing === 'no_data' ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  (r.item.points * rescale).toFixed(2)
                )
              ) : (
                <Typography.Text strong>
                  {r.full > 0 ? r.points.toFixed(2) : '—'}
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {' '}
                    / {formatNumber(r.full)}
                  </Typography.Text>
                </Typography.Text>
              ),
          },
        ]
      : []),
    {
      key: 'notes',
      title: t('platformEvaluation.scorecard.notes'),
      render: (_, r) => (r.kind === 'item' ? <ItemTags item={r.item} /> : null),
    },
  ];

  return (
    <Card size="small" title={t('platformEvaluation.scorecard.items')} styles={{ body: { padding: 0 } }}>
      <Table<Row>
        data-testid="pe-scorecard-items"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(r) => (r.kind === 'dimension' ? 'yy-pe-total' : '')}
        summary={() => (
          <Table.Summary.Row className="yy-pe-total">
            <Table.Summary.Cell index={0} colSpan={scaled ? 5 : 4}>
              {t('platformEvaluation.scorecard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {platform.score === null ? '—' : platform.score.toFixed(2)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function ItemTags({ item }: { item: PlatformItem }) {
  const { t } = useTranslation();
  const tags: ReactNode[] = [];
  if (item.capped)
    tags.push(
      <Tooltip key="capped" title={t('platformEvaluation.scorecard.cappedHint')}>
        <Tag color="purple">{t('platformEvaluation.scorecard.capped')}</Tag>
      </Tooltip>,
    );
  if (item.missing === 'no_data') {
    const source = indicatorSource(item.indicator);
    tags.push(
      <Tooltip key="nodata" title={t('platformEvaluation.scorecard.noDataHint')}>
        <Tag color="default" data-testid="pe-tag-nodata">
          {t('platformEvaluation.noDataShort')}
          {source === 'later' || source === 'reported'
            ? ` · ${t(`platformEvaluation.source.${source}`)}`
            : ''}
        </Tag>
      </Tooltip>,
    );
  } else if (item.missing)
    tags.push(
      <Tooltip key="missing" title={t(`platformEvaluation.scorecard.missingHint.${item.missing}`)}>
        <Tag color="orange">{t(`platformEvaluation.scorecard.missing.${item.missing}`)}</Tag>
      </Tooltip>,
    );
  return (
    <Flex wrap gap={4}>
      {tags}
    </Flex>
  );
}

/** The result's data-quality flags in words. */
function Flags({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  const lang = useLang();
  const infos = platform.flags.map((f) => explainFlag(f, platform.items));
  const missing = (rule: string) =>
    infos
      .filter((f): f is Extract<FlagInfo, { kind: 'missing' }> => f.kind === 'missing' && f.rule === rule)
      .map((f) => indicatorName(f.indicator, lang));
  const separator = t('platformEvaluation.listSeparator');
  const lines: { key: string; type: 'info' | 'warning'; text: string }[] = [];
  const noData = missing('no_data');
  if (noData.length)
    lines.push({
      key: 'no_data',
      type: 'info',
      text: t('platformEvaluation.flags.noData', {
        names: noData.join(separator),
        factor: (data.noData?.rescale ?? 1).toFixed(3),
      }),
    });
  const average = missing('cohort_average');
  if (average.length)
    lines.push({
      key: 'average',
      type: 'warning',
      text: t('platformEvaluation.flags.average', { names: average.join(separator) }),
    });
  const zero = missing('zero');
  if (zero.length)
    lines.push({
      key: 'zero',
      type: 'warning',
      text: t('platformEvaluation.flags.zero', { names: zero.join(separator) }),
    });
  if (infos.some((f) => f.kind === 'no_land'))
    lines.push({ key: 'no_land', type: 'warning', text: t('platformEvaluation.flags.noLand') });
  for (const f of infos) if (f.kind === 'other') lines.push({ key: f.raw, type: 'warning', text: f.raw });

  return (
    <Card size="small" title={t('platformEvaluation.flags.title')} data-testid="pe-flags">
      {lines.length === 0 ? (
        <Typography.Text type="success">{t('platformEvaluation.flags.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {lines.map((l) => (
            <Alert key={l.key} type={l.type} showIcon title={l.text} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
