import { useMemo } from 'react';
import { Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClassHistoryItem, MethodClass, ScoreItem } from '../../api/evaluation';
import { formatNumber, formatScore } from '../../lib/format';
import { useNarrow } from '../../lib/useNarrow';
import { byDataIndex, bySeriesIndex } from '../../charts/tooltips';
import { EvaluationChart, type EvaluationChartOption } from './EvaluationChart';
import { benchmarkRatio, classHexColor, classTagColor, wrapLabel } from './evaluationFormat';
import { RunStatusTag, useIndicatorInfo } from './EvaluationTags';

/** Radar values above this many times the benchmark are drawn at it (and said so). */
export const RADAR_CAP = 3;
const HEIGHT = 300;
const WEIGHT_COLOR = '#d9d9d9';
const POINTS_COLOR = '#1f5fbf';

const fmt2 = (v: unknown) => (typeof v === 'number' ? formatScore(v) : '—');

/** Points of each indicator next to its weight (a firm exactly at the benchmark scores its weight). */
export function PointsChart({ items }: { items: ScoreItem[] }) {
  const { t } = useTranslation();
  const info = useIndicatorInfo();
  const option: EvaluationChartOption = useMemo(() => {
    // ECharts draws category axes bottom-up: reverse to keep the method's order top-down.
    const rows = [...items].reverse();
    return {
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt2 },
      xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        data: rows.map((i) => wrapLabel(info(i.indicator).name, 10)),
        axisLabel: { fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          name: t('evaluation.scorecard.weight'),
          data: rows.map((i) => i.weight),
          itemStyle: { color: WEIGHT_COLOR },
          barMaxWidth: 14,
        },
        {
          type: 'bar',
          name: t('evaluation.scorecard.points'),
          data: rows.map((i) => ({
            value: i.points,
            itemStyle: { color: i.missing ? '#fa8c16' : POINTS_COLOR },
          })),
          barMaxWidth: 14,
          label: { show: true, position: 'right', fontSize: 11, formatter: (p) => fmt2(p.value) },
        },
      ],
    };
  }, [items, info, t]);
  return (
    <EvaluationChart
      option={option}
      height={Math.max(220, items.length * 44 + 60)}
      ariaLabel={t('evaluation.scorecard.pointsChart')}
      testId="scorecard-points"
    />
  );
}

/**
 * Value ÷ benchmark per indicator: a radar with the benchmark ring at 1 (three or more indicators),
 * otherwise bars with the benchmark line. Ratios above RADAR_CAP are drawn at it.
 */
export function RatioChart({ items }: { items: ScoreItem[] }) {
  const { t } = useTranslation();
  const info = useIndicatorInfo();
  const rows = useMemo(
    () =>
      items
        .filter((i) => i.benchmark !== null)
        .map((i) => ({
          item: i,
          name: info(i.indicator).name,
          ...benchmarkRatio(i.value, i.benchmark, RADAR_CAP),
        })),
    [items, info],
  );
  const capped = rows.filter((r) => r.capped);
  // A phone has no room for the radar's outer labels: bars, whose labels wrap, read better there.
  const narrow = useNarrow();

  const option: EvaluationChartOption = useMemo(() => {
    const actual = t('evaluation.scorecard.ratioSeries');
    const tooltipLine = (r: (typeof rows)[number]) =>
      `${r.name}: ${r.item.value === null ? t('evaluation.scorecard.noValue') : `${formatNumber((r.item.value / r.item.benchmark!) * 100)}%`}`;
    if (rows.length >= 3 && !narrow)
      return {
        legend: { bottom: 0 },
        tooltip: {
          trigger: 'item',
          formatter: bySeriesIndex([rows.map(tooltipLine), [t('evaluation.scorecard.benchmarkSeries')]]),
        },
        radar: {
          radius: '62%',
          center: ['50%', '50%'],
          splitNumber: RADAR_CAP,
          indicator: rows.map((r) => ({ name: wrapLabel(r.name, 8), max: RADAR_CAP, min: 0 })),
          axisName: { color: '#595959', fontSize: 11 },
        },
        series: [
          {
            type: 'radar',
            data: [
              {
                name: actual,
                value: rows.map((r) => r.ratio ?? 0),
                areaStyle: { color: 'rgba(31, 95, 191, 0.25)' },
                lineStyle: { color: POINTS_COLOR },
                itemStyle: { color: POINTS_COLOR },
              },
              {
                name: t('evaluation.scorecard.benchmarkSeries'),
                value: rows.map(() => 1),
                lineStyle: { color: '#fa8c16', type: 'dashed' },
                itemStyle: { color: '#fa8c16' },
                symbol: 'none',
              },
            ],
          },
        ],
      };
    const bars = [...rows].reverse();
    return {
      grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt2 },
      xAxis: { type: 'value', min: 0, max: RADAR_CAP, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', data: bars.map((r) => wrapLabel(r.name, 10)), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          name: actual,
          data: bars.map((r) => r.ratio ?? 0),
          itemStyle: { color: POINTS_COLOR },
          barMaxWidth: 22,
          label: { show: true, position: 'right', fontSize: 11, formatter: (p) => `${fmt2(p.value)}×` },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#fa8c16', type: 'dashed' },
            label: { formatter: t('evaluation.scorecard.benchmarkSeries'), color: '#d46b08' },
            data: [{ xAxis: 1 }],
          },
        },
      ],
    };
  }, [rows, t, narrow]);

  if (rows.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.scorecard.noBenchmarks')} />
    );
  return (
    <Flex vertical gap={8}>
      <EvaluationChart
        option={option}
        height={rows.length >= 3 ? HEIGHT : Math.max(160, rows.length * 56 + 40)}
        ariaLabel={t('evaluation.scorecard.ratioChart')}
        testId="scorecard-radar"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evaluation.scorecard.ratioNote', { cap: RADAR_CAP })}
        {capped.length > 0 &&
          ` ${t('evaluation.scorecard.ratioCapped', { names: capped.map((r) => r.name).join(t('evaluation.listSeparator')), cap: RADAR_CAP })}`}
      </Typography.Text>
    </Flex>
  );
}

/** Score and class over the years (published runs; the current run also when it is a draft). */
export function HistoryChart({
  history,
  classes,
  enterpriseId,
  currentRunId,
}: {
  history: ClassHistoryItem[];
  classes: MethodClass[];
  enterpriseId: number;
  currentRunId: number;
}) {
  const { t } = useTranslation();
  const option: EvaluationChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: byDataIndex(
          history.map((h) => [
            t('evaluation.yearLabel', { year: h.year }),
            `${t('evaluation.results.score')}: ${fmt2(h.score)}`,
            `${t('evaluation.results.class')}: ${h.class ?? t('evaluation.class.unrated', { cls: h.policyClass ?? '' })}`,
            h.rank !== null && t('evaluation.results.rankOf', { rank: h.rank, size: h.cohortSize }),
          ]),
        ),
      },
      xAxis: { type: 'category', data: history.map((h) => String(h.year)) },
      yAxis: {
        type: 'value',
        name: t('evaluation.results.score'),
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      series: [
        {
          type: 'line',
          data: history.map((h) => {
            const cls = h.class ?? h.policyClass;
            return {
              value: h.score,
              itemStyle: { color: cls ? classHexColor(cls, classes) : '#8c8c8c' },
              label: {
                show: true,
                position: 'top',
                formatter: h.class ?? '—',
                fontWeight: 'bold',
                fontSize: 13,
              },
            };
          }),
          symbol: 'circle',
          symbolSize: 12,
          lineStyle: { color: '#8c8c8c' },
        },
      ],
    }),
    [history, classes, t],
  );
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.scorecard.noHistory')} />;
  return (
    <Flex vertical gap={8}>
      <EvaluationChart
        option={option}
        height={220}
        ariaLabel={t('evaluation.scorecard.history')}
        testId="scorecard-history"
      />
      <Flex wrap gap={8}>
        {history.map((h) => (
          <Flex key={h.runId} align="center" gap={4}>
            {h.runId === currentRunId ? (
              <Typography.Text strong>{h.year}</Typography.Text>
            ) : (
              <Link to={`/evaluation/runs/${h.runId}/enterprises/${enterpriseId}`}>{h.year}</Link>
            )}
            <Tag color={h.class ? classTagColor(h.class, classes) : 'default'} style={{ marginInlineEnd: 0 }}>
              {h.class ?? t('evaluation.class.unrated', { cls: h.policyClass ?? '' })}
            </Tag>
            {h.status !== 'published' && <RunStatusTag status={h.status} />}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
