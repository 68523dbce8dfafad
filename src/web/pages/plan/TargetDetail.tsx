import { Descriptions, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricInfo, PlanPeriod } from '../../api/plan';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { formatMetricValue, type TargetRow } from './planFormat';

/** The expanded row: what the metric measures, the note, the yearly values against the target. */
export function TargetDetail({
  row,
  metric,
  period,
}: {
  row: TargetRow;
  metric: MetricInfo | undefined;
  period: PlanPeriod;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { target, card } = row;
  const fmt = (v: number | null | undefined) => formatMetricValue(v, metric, lang);
  const series = useMemo(() => card?.series ?? [], [card]);
  const option = useMemo<EChartOption>(() => {
    const ratio = metric?.format === 'ratio';
    const fmt = (v: number | null | undefined) => formatMetricValue(v, metric, lang);
    const scale = (v: number | null) => (v === null ? null : ratio ? v * 100 : v);
    return {
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? fmt(ratio ? v / 100 : v) : '—'),
      },
      legend: { top: 0, data: [t('plan.chart.value'), t('plan.chart.target')] },
      xAxis: { type: 'category', data: series.map((p) => String(p.year)) },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => fmt(ratio ? v / 100 : v) },
      },
      series: [
        {
          name: t('plan.chart.value'),
          type: 'line',
          data: series.map((p) => scale(p.value)),
          connectNulls: false,
        },
        {
          name: t('plan.chart.target'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: series.map(() => scale(target.targetValue)),
        },
      ],
    };
  }, [series, metric, target.targetValue, lang, t]);

  return (
    <Flex gap={24} wrap style={{ padding: '4px 8px' }} data-testid={`plan-target-detail-${target.code}`}>
      <Descriptions
        size="small"
        column={1}
        style={{ flex: '1 1 360px', maxWidth: 560 }}
        items={[
          {
            key: 'names',
            label: t('plan.detail.names'),
            children: (
              <Flex vertical gap={0}>
                <span>{target.nameZh}</span>
                {target.nameEn && <Typography.Text type="secondary">{target.nameEn}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'formula',
            label: t('plan.detail.formula'),
            children: metric ? (lang === 'en' ? metric.formulaEn : metric.formulaZh) : target.metric,
          },
          { key: 'note', label: t('plan.col.note'), children: target.note || '—' },
          {
            key: 'values',
            label: t('plan.detail.values'),
            children: series.length ? (
              <Flex gap={12} wrap>
                {series.map((p) => (
                  <span key={p.year}>
                    <Typography.Text type="secondary">{p.year}</Typography.Text> {fmt(p.value)}
                  </span>
                ))}
              </Flex>
            ) : (
              '—'
            ),
          },
          {
            key: 'updated',
            label: t('plan.detail.updated'),
            children: t('plan.detail.updatedText', {
              at: formatDateTime(target.updatedAt),
              version: target.version,
              period: period.key,
            }),
          },
        ]}
      />
      {series.some((p) => p.value !== null) && (
        <div style={{ flex: '1 1 420px', maxWidth: 640 }}>
          <EChart option={option} height={200} ariaLabel={t('plan.chart.aria', { code: target.code })} />
        </div>
      )}
    </Flex>
  );
}
