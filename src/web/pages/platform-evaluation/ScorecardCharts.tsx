import { Flex, Progress, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from '../../../modules/evaluation/core/indicators';
import type { PlatformEvaluation, PlatformScore } from '../../api/platformEvaluation';
import { formatPercent, formatScore } from '../../lib/format';
import { byDataIndex } from '../../charts/tooltips';
import { EvaluationChart, type EvaluationChartOption } from '../evaluation/EvaluationChart';
import { DIMENSION_COLORS } from './parts';
import { dimensionRatio, radarMax } from './peFormat';

export function DimensionBar({
  dimension,
  points,
  full,
}: {
  dimension: Dimension;
  points: number;
  full: number;
}) {
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
            {formatScore(points)} / {formatScore(full)}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

/** The four dimensions as points ÷ full marks; the city average and the 100% ring for reference. */
export function DimensionRadar({
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
    const pct = (r: number | null) => (r === null ? t('platformEvaluation.noDataShort') : formatPercent(r));
    return {
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'item',
        formatter: byDataIndex(
          [0, 1, 2].map((dataIndex) => {
            const values = dataIndex === 0 ? own : dataIndex === 1 ? own.map(() => 1) : (average ?? []);
            const label =
              dataIndex === 0
                ? t('platformEvaluation.scorecard.thisPlatform')
                : dataIndex === 1
                  ? t('platformEvaluation.scorecard.fullRing')
                  : t('platformEvaluation.scorecard.cityAverage');
            return [
              { strong: label },
              ...DIMENSIONS.map((d, i) =>
                dataIndex === 0
                  ? `${name(d)}: ${formatScore(platform.dimensions[d])} / ${formatScore(full[d])} (${pct(values[i] ?? null)})`
                  : `${name(d)}: ${pct(full[d] > 0 ? (values[i] ?? null) : null)}`,
              ),
            ];
          }),
          { series: 0 },
        ),
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
