import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Flex, Row, Spin, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRollup, type EvaluationRunDetail, type RollupRow } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatIn, formatInteger, formatNumber } from '../../lib/format';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { EvaluationChart, type EvaluationChartOption } from './EvaluationChart';
import { changeDirection, classHexColor, formatShare } from './evaluationFormat';
import { useClassName } from './EvaluationTags';

const ROW_HEIGHT = 26;
const UP = '#389e0d';
const DOWN = '#cf1322';

/** A value with its change on last year under it (▲ green, ▼ red). */
function WithChange({
  value,
  delta,
  format,
}: {
  value: string;
  delta: number | null | undefined;
  format: (d: number) => string;
}) {
  const { t } = useTranslation();
  const dir = changeDirection(delta);
  return (
    <Flex vertical align="end" gap={0}>
      <span>{value}</span>
      {dir && delta !== null && delta !== undefined && (
        <span style={{ fontSize: 12, color: dir === 'up' ? UP : dir === 'down' ? DOWN : undefined }}>
          {dir === 'flat'
            ? t('evaluation.platforms.flat')
            : `${dir === 'up' ? '▲' : '▼'} ${format(Math.abs(delta))}`}
        </span>
      )}
    </Flex>
  );
}

/** Platforms side by side: classes, tax and value added per mu, share of A+B, change on last year. */
export function PlatformsTab({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useRollup(run.id);
  const className = useClassName(run.method.classes);

  const rows = useMemo(() => data?.rows.filter((r) => r.platformId !== null) ?? [], [data]);
  // A platform administrator sees one platform: its total would only repeat it.
  const total = rows.length > 1 ? data?.rows.find((r) => r.platformId === null) : undefined;
  const classes = data?.classes ?? run.method.classes;
  const topTwo = classes
    .slice(0, 2)
    .map((c) => c.key)
    .join('+');

  // Platforms by number evaluated (largest on top: ECharts draws category axes bottom-up).
  const classChart: EvaluationChartOption = useMemo(() => {
    const sorted = [...rows].sort((a, b) => a.evaluated - b.evaluated);
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { width: 76, overflow: 'truncate' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        data: sorted.map((r) => r.platformName ?? ''),
        axisLabel: { width: 130, overflow: 'truncate', fontSize: 11 },
      },
      series: classes.map((c) => ({
        type: 'bar',
        stack: 'classes',
        name: `${c.key} ${className(c.key)}`,
        data: sorted.map((r) => r.classCounts[c.key] ?? 0),
        itemStyle: { color: classHexColor(c.key, classes) },
        barMaxWidth: 18,
      })),
    };
  }, [rows, classes, className]);

  const taxChart: EvaluationChartOption = useMemo(() => {
    const sorted = [...rows].filter((r) => r.taxPerMu !== null).sort((a, b) => a.taxPerMu! - b.taxPerMu!);
    return {
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v) : '—'),
      },
      xAxis: {
        type: 'value',
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: {
        type: 'category',
        data: sorted.map((r) => r.platformName ?? ''),
        axisLabel: { width: 130, overflow: 'truncate', fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          name: t('evaluation.platforms.taxPerMu'),
          data: sorted.map((r) => Math.round(r.taxPerMu! * 100) / 100),
          itemStyle: { color: '#1f5fbf' },
          barMaxWidth: 16,
          label: {
            show: true,
            position: 'right',
            fontSize: 10,
            formatter: (p) => formatNumber(p.value as number),
          },
          markLine:
            total?.taxPerMu != null
              ? {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#fa8c16', type: 'dashed' },
                  label: {
                    position: 'end',
                    formatter: t('evaluation.platforms.cityLine', { value: formatNumber(total.taxPerMu) }),
                    color: '#d46b08',
                  },
                  data: [{ xAxis: total.taxPerMu }],
                }
              : undefined,
        },
      ],
    };
  }, [rows, total, t]);

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (isPending)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.platforms.empty')} />;

  const chartHeight = Math.max(200, rows.length * ROW_HEIGHT + 60);
  const columns: TableProps<RollupRow>['columns'] = [
    {
      key: 'platform',
      title: t('enterprise.platform'),
      width: 190,
      fixed: 'left',
      render: (_, r) =>
        r.platformId === null ? (
          <Typography.Text strong>{t('evaluation.platforms.totalCity')}</Typography.Text>
        ) : (
          <Link to={`/platforms/${r.platformId}`}>{r.platformName}</Link>
        ),
    },
    {
      key: 'evaluated',
      title: t('evaluation.platforms.evaluated'),
      width: 90,
      align: 'right',
      render: (_, r) => formatInteger(r.evaluated),
    },
    ...classes.map((c) => ({
      key: `class-${c.key}`,
      title: (
        <span style={{ color: classHexColor(c.key, classes) }} title={className(c.key)}>
          {c.key}
        </span>
      ),
      width: 56,
      align: 'right' as const,
      render: (_: unknown, r: RollupRow) => formatInteger(r.classCounts[c.key] ?? 0),
    })),
    {
      key: 'landMu',
      title: (
        <HeaderWithUnit
          name={t('evaluation.platforms.land')}
          unit={t('units.mu')}
          full={t('evaluation.platforms.land')}
        />
      ),
      width: 100,
      align: 'right',
      render: (_, r) => formatNumber(r.landMu),
    },
    {
      key: 'taxPerMu',
      title: (
        <HeaderWithUnit
          name={t('evaluation.platforms.taxPerMu')}
          unit={t('units.wanYuanPerMu')}
          full={t('evaluation.platforms.taxPerMu')}
        />
      ),
      width: 110,
      align: 'right',
      render: (_, r) => (
        <WithChange value={formatNumber(r.taxPerMu)} delta={r.change?.taxPerMu} format={formatNumber} />
      ),
    },
    {
      key: 'valueAddedPerMu',
      title: (
        <HeaderWithUnit
          name={t('evaluation.platforms.valueAddedPerMu')}
          unit={t('units.wanYuanPerMu')}
          full={t('evaluation.platforms.valueAddedPerMu')}
        />
      ),
      width: 120,
      align: 'right',
      render: (_, r) => (
        <WithChange
          value={formatNumber(r.valueAddedPerMu)}
          delta={r.change?.valueAddedPerMu}
          format={formatNumber}
        />
      ),
    },
    {
      key: 'shareAB',
      title: t('evaluation.platforms.shareAB', { classes: topTwo }),
      width: 110,
      align: 'right',
      render: (_, r) => (
        <WithChange
          value={formatShare(r.shareAB)}
          delta={r.change?.shareAB}
          format={(d) =>
            t('evaluation.platforms.points', { value: formatIn(d * 100, '个百分点', { label: false }) })
          }
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {data.previousRunId === null && (
        <Alert type="info" showIcon title={t('evaluation.platforms.noPrevious', { year: run.year - 1 })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('evaluation.platforms.classChart')}>
            <EvaluationChart
              option={classChart}
              height={chartHeight}
              ariaLabel={t('evaluation.platforms.classChart')}
              testId="platform-class-chart"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('evaluation.platforms.taxChart')}>
            <EvaluationChart
              option={taxChart}
              height={chartHeight}
              ariaLabel={t('evaluation.platforms.taxChart')}
              testId="platform-tax-chart"
            />
          </Card>
        </Col>
      </Row>
      <Table<RollupRow>
        data-testid="rollup-table"
        rowKey={(r) => r.platformId ?? 'total'}
        size="small"
        columns={columns}
        dataSource={total ? [...rows, total] : rows}
        pagination={false}
        scroll={{ x: 780 + classes.length * 56 }}
        rowClassName={(r) => (r.platformId === null ? 'yy-eval-total' : '')}
      />
      {data.previousRunId !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('evaluation.platforms.changeNote', { year: run.year - 1 })}
        </Typography.Text>
      )}
    </Flex>
  );
}
