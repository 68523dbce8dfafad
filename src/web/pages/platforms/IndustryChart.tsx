import { useMemo } from 'react';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlatforms } from '../../api/platforms';
import { useReferenceMaps } from '../../api/reference';
import { EChart, type EChartOption } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName, useLang } from '../../lib/useLang';
import { formatInteger } from '../../lib/format';
import type { PlatformFilters } from './usePlatformListParams';

const CHART_PAGE_SIZE = 100;
const HEIGHT = 200;

/** Bar chart: number of platforms per leading industry, for the current filters. */
export function IndustryChart({ filters }: { filters: PlatformFilters }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { industries } = useReferenceMaps();
  const { data, isPending, error, refetch } = usePlatforms({
    ...filters,
    page: 1,
    pageSize: CHART_PAGE_SIZE,
  });

  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of data?.items ?? []) {
      for (const code of p.leadingIndustries) m.set(code, (m.get(code) ?? 0) + 1);
    }
    return [...m]
      .map(([code, count]) => ({ code, count, name: localName(industries.get(code), lang) ?? code }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  }, [data, industries, lang]);

  const option: EChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: counts.map((c) => c.name),
        axisLabel: { interval: 0, width: 84, overflow: 'truncate', fontSize: 11 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          type: 'bar',
          name: t('platforms.chart.series'),
          data: counts.map((c) => c.count),
          barMaxWidth: 32,
          itemStyle: { color: '#1f5fbf', borderRadius: [3, 3, 0, 0] },
          label: { show: true, position: 'top', fontSize: 11 },
        },
      ],
    }),
    [counts, t],
  );

  const truncated = data !== undefined && data.total > data.items.length;

  return (
    <Card
      size="small"
      title={t('platforms.chart.title')}
      extra={
        truncated ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('platforms.chart.truncated', {
              shown: formatInteger(data.items.length),
              total: formatInteger(data.total),
            })}
          </Typography.Text>
        ) : undefined
      }
    >
      {error ? (
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Flex align="center" justify="center" style={{ height: HEIGHT }}>
          <Spin />
        </Flex>
      ) : counts.length === 0 ? (
        <Flex align="center" justify="center" style={{ height: HEIGHT }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platforms.chart.empty')} />
        </Flex>
      ) : (
        <EChart option={option} height={HEIGHT} ariaLabel={t('platforms.chart.title')} />
      )}
    </Card>
  );
}
