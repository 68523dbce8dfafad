import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../../../modules/enterprises/enterprises.schemas';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatNumber } from '../../lib/format';
import { fieldName } from './enterpriseFields';

const HEIGHT = 280;
const COLORS = { output: '#1f5fbf', revenue: '#36a3a0', tax: '#e8833a', taxPerMu: '#8a5cd1' };

/** Tax per mu (万元/亩) = tax ÷ own land, when both are known and the land is not zero. */
export function taxPerMu(tax: number | null, ownLandMu: number | null): number | null {
  if (tax === null || ownLandMu === null || ownLandMu <= 0) return null;
  return Math.round((tax / ownLandMu) * 100) / 100;
}

function valueFormatter(v: unknown): string {
  return typeof v === 'number' ? formatNumber(v) : '—';
}

/** Grid, legend, tooltip and the year axis shared by the charts. */
function baseOption(years: number[]) {
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' as const, valueFormatter },
    xAxis: { type: 'category' as const, data: years.map(String) },
  };
}

/** Output, revenue and tax over the years; tax per mu when the enterprise's own land is known. */
export function TrendCharts({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const years = useMemo(() => [...enterprise.years].sort((a, b) => a.year - b.year), [enterprise.years]);
  const hasLand = enterprise.ownLandMu !== null && enterprise.ownLandMu > 0;

  const money: EChartOption = useMemo(
    () => ({
      ...baseOption(years.map((y) => y.year)),
      yAxis: { type: 'value', name: t('units.wanYuan'), splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          type: 'bar',
          name: fieldName(t, 'output'),
          data: years.map((y) => y.output),
          barMaxWidth: 28,
          itemStyle: { color: COLORS.output },
        },
        {
          type: 'bar',
          name: fieldName(t, 'revenue'),
          data: years.map((y) => y.revenue),
          barMaxWidth: 28,
          itemStyle: { color: COLORS.revenue },
        },
      ],
    }),
    [years, t],
  );

  // Tax (万元, left axis) and, when the land is known, tax per mu (万元/亩, right axis).
  const tax: EChartOption = useMemo(
    () => ({
      ...baseOption(years.map((y) => y.year)),
      yAxis: [
        { type: 'value', name: t('units.wanYuan'), splitLine: { lineStyle: { type: 'dashed' } } },
        ...(hasLand
          ? [{ type: 'value' as const, name: t('units.wanYuanPerMu'), splitLine: { show: false } }]
          : []),
      ],
      series: [
        {
          type: 'bar',
          name: fieldName(t, 'tax'),
          data: years.map((y) => y.tax),
          barMaxWidth: 28,
          itemStyle: { color: COLORS.tax },
        },
        ...(hasLand
          ? [
              {
                type: 'line' as const,
                name: t('enterprise.taxPerMu'),
                yAxisIndex: 1,
                data: years.map((y) => taxPerMu(y.tax, enterprise.ownLandMu)),
                itemStyle: { color: COLORS.taxPerMu },
                symbolSize: 7,
                label: {
                  show: true,
                  position: 'top' as const,
                  fontSize: 11,
                  formatter: (p: { value?: unknown }) => valueFormatter(p.value),
                },
              },
            ]
          : []),
      ],
    }),
    [years, hasLand, enterprise.ownLandMu, t],
  );

  if (years.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noYears')} />;
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('enterprise.trend.money')}>
          <EChart option={money} height={HEIGHT} ariaLabel={t('enterprise.trend.money')} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={hasLand ? t('enterprise.trend.taxPerMu') : t('enterprise.trend.tax')}>
          <Flex vertical gap={8}>
            <EChart
              option={tax}
              height={HEIGHT}
              ariaLabel={hasLand ? t('enterprise.trend.taxPerMu') : t('enterprise.trend.tax')}
            />
            {hasLand ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('enterprise.trend.taxPerMuNote', { land: formatNumber(enterprise.ownLandMu) })}
              </Typography.Text>
            ) : (
              <Alert type="info" showIcon title={t('enterprise.trend.noLand')} />
            )}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
