import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetCard } from '../../api/cockpit';
import { byDataIndex } from '../../charts/tooltips';
import { type CockpitChartOption } from './CockpitChart';
import {} from './TargetCards';
import {} from './TargetCardView';
import type { CockpitMetrics } from './useCockpitMetrics';

const { Text } = Typography;

export function ProjectionText({
  card,
  fmt,
}: {
  card: TargetCard;
  fmt: (v: number | null | undefined) => string;
}) {
  const { t } = useTranslation();
  const { assessment: a, target } = card;
  const p = a.projection;
  if (!p) return null;
  let text: string;
  if (p.method === 'linear_trend')
    text = t('cockpit.card.projectionTrend', { from: p.from, to: p.to, year: p.year, value: fmt(p.value) });
  else if (target.kind === 'annual') text = t('cockpit.card.projectionAnnual');
  else if (p.year >= a.dueYear) text = t('cockpit.card.projectionDue', { year: a.dueYear });
  else text = t('cockpit.card.projectionLatest');
  return (
    <Flex vertical gap={0} className="yy-cockpit-card-detail">
      <Text style={{ fontSize: 12 }} title={text} data-testid={`cockpit-projection-${target.code}`}>
        {text}
      </Text>
      {a.milestone && (
        <Text style={{ fontSize: 12 }} type={a.milestone.met ? 'success' : 'warning'}>
          {t(a.milestone.met ? 'cockpit.card.milestoneMet' : 'cockpit.card.milestoneMissed', {
            year: a.milestone.year,
            value: fmt(a.milestone.value),
          })}
        </Text>
      )}
    </Flex>
  );
}

/**
 * A tiny line of the metric over the period (null years are gaps, the year in view is the larger
 * dot); none without two values.
 */
export function useSparkline(
  card: TargetCard,
  metrics: CockpitMetrics,
  color: string,
  year: number,
): CockpitChartOption | null {
  const { t } = useTranslation();
  const metric = card.target.metric;
  return useMemo(() => {
    // As of the year in view: later years stay on the axis (the time left), without their values.
    const series = card.series.map((s) => (s.year > year ? { ...s, value: null } : s));
    const known = series.filter((s) => s.value !== null);
    if (known.length < 2) return null;
    return {
      animation: false,
      grid: { left: 4, right: 4, top: 6, bottom: 4 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        textStyle: { fontSize: 11 },
        padding: [4, 8],
        formatter: byDataIndex(
          series.map((s) => [
            t('cockpit.labelValue', { label: String(s.year), value: metrics.format(metric, s.value) }),
          ]),
        ),
      },
      xAxis: {
        type: 'category',
        show: false,
        boundaryGap: false,
        data: card.series.map((s) => String(s.year)),
      },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: series.map((s) => ({ value: s.value, symbolSize: s.year === year ? 7 : 4 })),
          symbol: 'circle',
          symbolSize: 4,
          lineStyle: { width: 1.5, color },
          itemStyle: { color },
          areaStyle: { color, opacity: 0.08 },
          connectNulls: false,
        },
      ],
    };
  }, [card.series, metric, metrics, color, year, t]);
}
