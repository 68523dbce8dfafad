import { useMemo } from 'react';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cockpit, CockpitPlatform, Cluster } from '../../api/cockpit';
import { formatInteger, formatNumber, formatScore } from '../../lib/format';
import { byDataIndex } from '../../charts/tooltips';
import type { CockpitChartOption } from './CockpitChart';
import { LazyCockpitChart } from './LazyCockpitChart';
import { formatDecimal, nameIn, percentOf, toYi } from './cockpitFormat';
import type { DrillRequest } from './DrillDrawer';
import { BUBBLE_LABEL_LAYOUT, labelledBubbles } from './ranking';
import type { CockpitMetrics } from './useCockpitMetrics';

const BLUE = '#1f5fbf';
const ORANGE = '#fa8c16';
const RED = '#cf1322';
const GOLD = '#d4a106';

/** Key industries' city-wide output (亿元) against the 千亿 and 万亿 lines of T4 / T5. */
export function ClusterChart({
  data,
  metrics,
  height,
  onDrill,
  dark = false,
}: {
  data: Cockpit;
  metrics: CockpitMetrics;
  height: number;
  onDrill: (req: DrillRequest) => void;
  dark?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = metrics;
  const { clusters, clusterLines } = data;
  const hundred = toYi(clusterLines.hundredBillion);
  const trillion = toYi(clusterLines.trillion);
  const max = Math.max(0, ...clusters.map((c) => toYi(c.output)));
  // The axis reaches the 千亿 line always, the 万亿 line when a cluster comes near it.
  const axisMax = Math.max(max, hundred) * 1.12;
  const showTrillion = axisMax >= trillion * 0.6;
  const n100 = clusters.filter((c) => c.output >= clusterLines.hundredBillion).length;
  const n1tn = clusters.filter((c) => c.output >= clusterLines.trillion).length;

  const option: CockpitChartOption = useMemo(() => {
    const sorted = [...clusters].sort((a, b) => a.output - b.output);
    const previous = (c: Cluster) => c.series.find((s) => s.year === data.year - 1)?.output ?? null;
    return {
      grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: byDataIndex(
          sorted.map((c) => {
            const prev = previous(c);
            const growth = prev ? c.output / prev - 1 : null;
            return [
              { strong: nameIn(lang, c.nameZh, c.nameEn) },
              t('cockpit.clusters.tooltipOutput', { year: data.year, value: formatNumber(toYi(c.output)) }),
              growth !== null && t('cockpit.clusters.tooltipGrowth', { value: percentOf(growth) }),
              t('cockpit.drill.hint'),
            ];
          }),
        ),
      },
      xAxis: {
        type: 'value',
        max: showTrillion ? Math.max(axisMax, trillion * 1.08) : axisMax,
        splitLine: { lineStyle: { type: 'dashed' } },
        axisLabel: { formatter: (v: number) => formatInteger(v) },
      },
      yAxis: {
        type: 'category',
        data: sorted.map((c) => nameIn(lang, c.nameZh, c.nameEn)),
        axisLabel: { width: 110, overflow: 'truncate', fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: t('cockpit.clusters.title'),
          barMaxWidth: 22,
          data: sorted.map((c) => ({
            value: Math.round(toYi(c.output) * 100) / 100,
            itemStyle: {
              color:
                c.output >= clusterLines.trillion
                  ? RED
                  : c.output >= clusterLines.hundredBillion
                    ? ORANGE
                    : BLUE,
            },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p) => formatNumber(p.value as number),
          },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', width: 1.5 },
            label: { position: 'end', fontSize: 11 },
            data: [
              {
                xAxis: hundred,
                lineStyle: { color: ORANGE },
                label: { color: '#d46b08', formatter: t('cockpit.clusters.line100bn') },
              },
              ...(showTrillion
                ? [
                    {
                      xAxis: trillion,
                      lineStyle: { color: RED },
                      label: { color: RED, formatter: t('cockpit.clusters.line1tn') },
                    },
                  ]
                : []),
            ],
          },
        },
      ],
    };
  }, [clusters, clusterLines, data.year, lang, t, hundred, trillion, axisMax, showTrillion]);

  if (clusters.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.clusters.empty')} />;

  const ascending = [...clusters].sort((a, b) => a.output - b.output);
  return (
    <Flex vertical gap={8}>
      <LazyCockpitChart
        option={option}
        height={height}
        dark={dark}
        ariaLabel={t('cockpit.clusters.title')}
        testId="cockpit-clusters-chart"
        onItemClick={(e) => {
          const c = ascending[e.dataIndex];
          if (c)
            onDrill({ metric: 'clusters_100bn', industry: c.code, title: nameIn(lang, c.nameZh, c.nameEn) });
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cockpit-clusters-note">
        {t('cockpit.clusters.note', { n100, n1tn })}
        {!showTrillion && ` ${t('cockpit.clusters.trillionOffScale')}`}
      </Typography.Text>
    </Flex>
  );
}

/** Platforms as bubbles: tax per mu across, output up, land as the bubble's size. */
export function BubbleChart({
  data,
  metrics,
  highlight,
  height,
  onSelect,
  dark = false,
}: {
  data: Cockpit;
  metrics: CockpitMetrics;
  height: number;
  highlight: number | null;
  onSelect: (p: CockpitPlatform) => void;
  dark?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = metrics;
  const points = useMemo(
    () => data.platforms.filter((p) => p.values.tax_per_mu !== null && p.values.platform_output !== null),
    [data.platforms],
  );
  // The zone target of tax per mu (Z1), when the period has one: a line to beat.
  const taxTarget = data.targets.find((c) => c.target.metric === 'tax_per_mu')?.target;

  const option: CockpitChartOption = useMemo(() => {
    const maxLand = Math.max(1, ...points.map((p) => p.land ?? 0));
    const labelled = labelledBubbles(
      points.map((p) => ({ id: p.id, output: p.values.platform_output!, leader: p.leader })),
      highlight,
    );
    return {
      grid: { left: 8, right: 32, top: 36, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: byDataIndex(
          points.map((d) => [
            { strong: nameIn(lang, d.name, d.nameEn), suffix: d.leader ? ' ★' : '' },
            t('cockpit.labelValue', {
              label: metrics.name('tax_per_mu'),
              value: metrics.format('tax_per_mu', d.values.tax_per_mu),
            }),
            t('cockpit.labelValue', {
              label: metrics.name('platform_output'),
              value: metrics.format('platform_output', d.values.platform_output),
            }),
            t('cockpit.bubbles.tooltipLand', { value: formatNumber(d.land) }),
            d.score !== null &&
              t('cockpit.bubbles.tooltipScore', { score: formatScore(d.score), rank: d.rank }),
            t('cockpit.drill.hint'),
          ]),
        ),
      },
      xAxis: {
        type: 'value',
        name: t('cockpit.bubbles.x'),
        nameLocation: 'middle',
        nameGap: 24,
        scale: true,
        // The target line stays in view.
        max: taxTarget
          ? (e: { max: number }) => Math.ceil(Math.max(e.max, taxTarget.targetValue * 1.04))
          : undefined,
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: {
        type: 'value',
        name: t('cockpit.bubbles.y'),
        nameTextStyle: { align: 'left' },
        scale: true,
        splitLine: { lineStyle: { type: 'dashed' } },
        axisLabel: { formatter: (v: number) => formatInteger(v) },
      },
      series: [
        {
          type: 'scatter',
          data: points.map((p) => {
            const active = p.id === highlight;
            return {
              value: [
                Math.round(p.values.tax_per_mu! * 100) / 100,
                Math.round(toYi(p.values.platform_output!) * 100) / 100,
                p.land ?? 0,
              ],
              name: nameIn(lang, p.name, p.nameEn),
              label: { show: labelled.has(p.id) },
              symbolSize: 10 + 44 * Math.sqrt((p.land ?? 0) / maxLand),
              itemStyle: {
                color: p.leader ? GOLD : BLUE,
                opacity: highlight === null || active ? 0.75 : 0.3,
                borderColor: active ? '#000' : '#fff',
                borderWidth: active ? 2 : 1,
              },
            };
          }),
          label: {
            show: true,
            position: 'top',
            fontSize: dark ? 12 : 10,
            color: dark ? '#d9d9d9' : '#595959',
            formatter: (p) => p.name,
          },
          // The others' names on hover.
          emphasis: { label: { show: true } },
          labelLayout: { ...BUBBLE_LABEL_LAYOUT },
          markLine: taxTarget
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#389e0d', type: 'dashed' },
                label: {
                  position: 'end',
                  color: '#389e0d',
                  formatter: t('cockpit.bubbles.targetLine', {
                    code: taxTarget.code,
                    value: formatDecimal(taxTarget.targetValue),
                  }),
                },
                data: [{ xAxis: taxTarget.targetValue }],
              }
            : undefined,
        },
      ],
    };
  }, [points, highlight, lang, metrics, t, taxTarget, dark]);

  if (points.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.bubbles.empty')} />;

  return (
    <Flex vertical gap={8}>
      <LazyCockpitChart
        option={option}
        height={height}
        dark={dark}
        ariaLabel={t('cockpit.bubbles.title')}
        testId="cockpit-bubbles-chart"
        onItemClick={(e) => {
          const p = points[e.dataIndex];
          if (p) onSelect(p);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cockpit.bubbles.note')}
      </Typography.Text>
    </Flex>
  );
}
