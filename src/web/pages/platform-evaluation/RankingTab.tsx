import { useMemo, type HTMLAttributes, type MouseEvent } from 'react';
import { Card, Flex, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodClass } from '../../api/evaluation';
import type { PlatformEvaluation, PlatformScore } from '../../api/platformEvaluation';
import { formatFactor, formatScore, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DIMENSIONS, type Dimension } from '../../../modules/evaluation/core/indicators';
import { stackedAxisTooltip } from '../../charts/tooltips';
import { EvaluationChart, type EvaluationChartOption } from '../evaluation/EvaluationChart';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { appliedWeights, dimensionFullMarks, formatUnits, noDataSummary } from './peFormat';
import { DIMENSION_COLORS, LeaderTag, PlatformClassTag } from './parts';

interface Props {
  data: PlatformEvaluation;
  classes: MethodClass[] | undefined;
  onOpen: (platformId: number) => void;
}

/** The ranking: score, class, leading parks, dimension subtotals and quota; the stacked bars. */
export function RankingTab({ data, classes, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = data.platforms[0]?.items ?? [];
  // Points are counted against the weight actually applied (rescaled while indicators have no data).
  const applied = appliedWeights(items, data.noData, data.platforms);
  const full = dimensionFullMarks(items, data.noData);
  const noDataGroups = noDataSummary(data.noData, items)
    ?.byDimension.map((g) =>
      t('platformEvaluation.note.noDataGroup', {
        dimension: t(`platformEvaluation.dimension.${g.dimension}`),
        count: g.indicators.length,
      }),
    )
    .join(t('platformEvaluation.listSeparator'));
  const nameOf = (p: PlatformScore) => (lang === 'en' ? p.nameEn || p.name : p.name);

  const columns: TableProps<PlatformScore>['columns'] = [
    {
      key: 'rank',
      title: t('platformEvaluation.col.rank'),
      width: 64,
      align: 'center',
      fixed: 'left',
      render: (_, p) => <Typography.Text strong>{p.rank ?? '—'}</Typography.Text>,
    },
    {
      key: 'platform',
      title: t('platformEvaluation.col.platform'),
      width: 250,
      fixed: 'left',
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => onOpen(p.platformId)}>{nameOf(p)}</Typography.Link>
          {p.leader && <LeaderTag />}
        </Flex>
      ),
    },
    {
      key: 'score',
      title: t('platformEvaluation.col.score'),
      width: 80,
      align: 'right',
      render: (_, p) => (
        <Typography.Text strong>{p.score === null ? '—' : formatScore(p.score)}</Typography.Text>
      ),
    },
    {
      key: 'class',
      title: t('platformEvaluation.col.class'),
      width: 96,
      align: 'center',
      render: (_, p) => <PlatformClassTag cls={p.class} classes={classes} />,
    },
    ...DIMENSIONS.map((d) => ({
      key: d,
      title: (
        <HeaderWithUnit
          name={t(`platformEvaluation.dimension.${d}`)}
          unit={
            applied[d].scaled
              ? t('platformEvaluation.col.dimensionUnitScaled', {
                  weight: formatSetting(applied[d].design),
                  applied: formatScore(applied[d].max),
                })
              : t('platformEvaluation.col.dimensionUnit', { weight: formatSetting(applied[d].design) })
          }
          full={
            applied[d].scaled
              ? t('platformEvaluation.col.dimensionFullScaled', {
                  dimension: t(`platformEvaluation.dimension.${d}`),
                  weight: formatSetting(applied[d].design),
                  applied: formatScore(applied[d].max),
                  groups: noDataGroups ?? '',
                  factor: formatFactor(data.noData?.rescale ?? 1),
                })
              : t('platformEvaluation.col.dimensionFull', {
                  dimension: t(`platformEvaluation.dimension.${d}`),
                  weight: formatSetting(applied[d].design),
                  full: formatScore(applied[d].max),
                })
          }
        />
      ),
      // English names are longer ("Industrial development"): wide enough not to break words.
      width: lang === 'en' ? 124 : 96,
      align: 'right' as const,
      render: (_: unknown, p: PlatformScore) =>
        full[d] > 0 ? (
          formatScore(p.dimensions[d])
        ) : (
          <Tooltip title={t('platformEvaluation.dimensionNoData')}>
            <Typography.Text type="secondary">{t('platformEvaluation.noDataShort')}</Typography.Text>
          </Tooltip>
        ),
    })),
    {
      key: 'land',
      title: (
        <HeaderWithUnit
          name={t('platformEvaluation.col.land')}
          unit={t('units.mu')}
          full={t('platformEvaluation.col.land')}
        />
      ),
      width: 96,
      align: 'right',
      render: (_, p) =>
        p.land.eligible ? formatUnits(p.land.units) : <Typography.Text type="secondary">0</Typography.Text>,
    },
    {
      key: 'energy',
      title: (
        <HeaderWithUnit
          name={t('platformEvaluation.col.energy')}
          unit={t('units.tce')}
          full={t('platformEvaluation.col.energy')}
        />
      ),
      width: 110,
      align: 'right',
      render: (_, p) =>
        p.energy.eligible ? (
          formatUnits(p.energy.units)
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];

  const ranked = useMemo(() => data.platforms.filter((p) => p.score !== null), [data.platforms]);
  const chart: EvaluationChartOption = useMemo(() => {
    // ECharts draws category axes bottom-up: reverse to keep the best on top.
    const rows = [...ranked].reverse();
    const names = rows.map((p) => `${p.leader ? '★ ' : ''}${lang === 'en' ? p.nameEn || p.name : p.name}`);
    const dimensionName = (d: Dimension) => t(`platformEvaluation.dimension.${d}`);
    return {
      grid: { left: 8, right: 56, top: 44, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: stackedAxisTooltip({
          titles: names,
          seriesNames: DIMENSIONS.map(dimensionName),
          footers: rows.map((p) => [`${t('platformEvaluation.col.score')}: ${formatScore(p.score, '—')}`]),
          format: (v) => formatScore(v),
        }),
      },
      xAxis: {
        type: 'value',
        splitLine: { lineStyle: { type: 'dashed' } },
        name: t('platformEvaluation.pointsUnit'),
      },
      yAxis: {
        type: 'category',
        data: names,
        axisLabel: {
          width: 170,
          overflow: 'truncate',
          fontSize: 11,
          color: '#434343',
        },
      },
      series: [
        ...DIMENSIONS.map((d, i) => ({
          type: 'bar' as const,
          stack: 'dimensions',
          name: dimensionName(d),
          data: rows.map((p) => p.dimensions[d]),
          itemStyle: { color: DIMENSION_COLORS[d] },
          barMaxWidth: 18,
          ...(i === DIMENSIONS.length - 1
            ? {
                label: {
                  show: true,
                  position: 'right' as const,
                  fontSize: 11,
                  color: '#262626',
                  formatter: (x: { dataIndex: number }) => formatScore(rows[x.dataIndex]?.score, ''),
                },
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#cf1322', type: 'dashed' as const },
                  label: {
                    formatter: t('platformEvaluation.thresholdLine', {
                      threshold: formatSetting(data.pool.threshold),
                    }),
                    color: '#cf1322',
                  },
                  data: [{ xAxis: data.pool.threshold }],
                },
              }
            : {}),
        })),
      ],
    };
  }, [ranked, lang, t, data.pool.threshold]);

  return (
    <Flex vertical gap={16}>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<PlatformScore>
          data-testid="pe-ranking"
          rowKey="platformId"
          size="small"
          columns={columns}
          dataSource={data.platforms}
          pagination={false}
          scroll={{ x: lang === 'en' ? 1220 : 1100 }}
          onRow={(p) =>
            ({
              onClick: (e: MouseEvent) => {
                if ((e.target as HTMLElement).closest('a, button')) return;
                onOpen(p.platformId);
              },
              style: { cursor: 'pointer' },
              'data-testid': `pe-row-${p.platformId}`,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('platformEvaluation.rankingNote', { leaders: data.pool.leaders })}
      </Typography.Text>
      {ranked.length > 0 && (
        <Card size="small" title={t('platformEvaluation.chartTitle')}>
          <EvaluationChart
            option={chart}
            height={Math.max(240, ranked.length * 28 + 70)}
            ariaLabel={t('platformEvaluation.chartTitle')}
            testId="pe-chart"
          />
        </Card>
      )}
    </Flex>
  );
}
