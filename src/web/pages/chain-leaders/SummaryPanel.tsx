import { useMemo } from 'react';
import { Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainLeaderSummary, Counts } from '../../api/chainLeaders';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { TableEmpty } from '../../components/TableEmpty';

const CANDIDATE_COLOR = '#91caff';
const CONFIRMED_COLOR = '#1f5fbf';

type PlatformRow = ChainLeaderSummary['byPlatform'][number];

interface Props {
  summary: ChainLeaderSummary | undefined;
  loading: boolean;
  /** The error of the summary's query (the table then never says "none"). */
  error?: unknown;
  /** Shows one platform's candidates in the table below. */
  onPlatform: (platformId: number) => void;
}

/** The year's counts: statistic cards, a bar chart by key industry, a table by platform. */
export function SummaryPanel({ summary, loading, error, onPlatform }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const total = summary?.total;
  const firms = t('chainLeaders.units.firms');

  const cards: { key: keyof Counts; title: string; color?: string; hint?: string }[] = [
    {
      key: 'candidates',
      title: t('chainLeaders.stats.candidates'),
      hint: t('chainLeaders.stats.candidatesHint'),
    },
    { key: 'confirmed', title: t('chainLeaders.stats.confirmed'), color: '#389e0d' },
    { key: 'pending', title: t('chainLeaders.stats.pending'), color: '#d46b08' },
    { key: 'declined', title: t('chainLeaders.stats.declined') },
    {
      key: 'belowThreshold',
      title: t('chainLeaders.stats.belowThreshold'),
      hint: t('chainLeaders.stats.belowThresholdHint'),
    },
  ];

  const industries = useMemo(() => summary?.byIndustry ?? [], [summary]);
  const chart: EChartOption = useMemo(() => {
    const name = (i: (typeof industries)[number]) => (lang === 'en' ? i.nameEn || i.nameZh : i.nameZh);
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: industries.map(name),
        axisLabel: { interval: 0, width: 72, overflow: 'break', fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1, name: firms, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          type: 'bar',
          name: t('chainLeaders.stats.candidates'),
          data: industries.map((i) => i.candidates),
          itemStyle: { color: CANDIDATE_COLOR },
          barMaxWidth: 22,
          label: { show: true, position: 'top', fontSize: 10 },
        },
        {
          type: 'bar',
          name: t('chainLeaders.stats.confirmed'),
          data: industries.map((i) => i.confirmed),
          itemStyle: { color: CONFIRMED_COLOR },
          barMaxWidth: 22,
          label: { show: true, position: 'top', fontSize: 10 },
        },
      ],
    };
  }, [industries, lang, t, firms]);
  const chartEmpty = industries.every((i) => i.candidates === 0 && i.confirmed === 0);

  const platforms = useMemo(
    () =>
      [...(summary?.byPlatform ?? [])].sort(
        (a, b) =>
          b.candidates + b.belowThreshold - (a.candidates + a.belowThreshold) ||
          b.confirmed - a.confirmed ||
          a.platformId - b.platformId,
      ),
    [summary],
  );
  // A platform administrator sees one platform: a table of one row would only repeat the cards.
  const onePlatform = platforms.length <= 1;
  const platformName = (p: PlatformRow) =>
    lang === 'en' ? p.platformNameEn || p.platformName : p.platformName;
  const count = (n: number, strong = false) =>
    n === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : strong ? (
      <Typography.Text strong>{formatInteger(n)}</Typography.Text>
    ) : (
      formatInteger(n)
    );
  const columns: TableProps<PlatformRow>['columns'] = [
    {
      key: 'platform',
      title: t('chainLeaders.platforms.platform'),
      ellipsis: true,
      render: (_, p) =>
        p.candidates + p.confirmed > 0 ? (
          <Typography.Link onClick={() => onPlatform(p.platformId)}>{platformName(p)}</Typography.Link>
        ) : (
          platformName(p)
        ),
    },
    {
      key: 'candidates',
      title: t('chainLeaders.stats.candidates'),
      width: 92,
      align: 'right',
      render: (_, p) => count(p.candidates),
    },
    {
      key: 'confirmed',
      title: t('chainLeaders.stats.confirmed'),
      width: 92,
      align: 'right',
      render: (_, p) => count(p.confirmed, true),
    },
    {
      key: 'pending',
      title: t('chainLeaders.stats.pending'),
      width: 92,
      align: 'right',
      render: (_, p) => count(p.pending),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12}>
        {cards.map((c) => (
          <Card key={c.key} size="small" style={{ flex: '1 1 170px' }} data-testid={`chain-stat-${c.key}`}>
            <Statistic
              title={<span title={c.hint}>{c.title}</span>}
              value={total?.[c.key] ?? 0}
              formatter={(v) => formatInteger(Number(v))}
              suffix={firms}
              loading={loading && !total}
              styles={c.color ? { content: { color: c.color } } : undefined}
            />
          </Card>
        ))}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={onePlatform ? 24 : 14}>
          <Card size="small" title={t('chainLeaders.chart.title')} style={{ height: '100%' }}>
            {chartEmpty && !loading ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chainLeaders.chart.empty')} />
            ) : (
              <EChart option={chart} height={300} ariaLabel={t('chainLeaders.chart.title')} />
            )}
          </Card>
        </Col>
        {!onePlatform && (
          <Col xs={24} xl={10}>
            <Card
              size="small"
              title={t('chainLeaders.platforms.title')}
              style={{ height: '100%' }}
              styles={{ body: { padding: 0 } }}
            >
              <Table<PlatformRow>
                data-testid="chain-platform-table"
                rowKey="platformId"
                size="small"
                columns={columns}
                dataSource={platforms}
                loading={loading && !summary}
                pagination={false}
                scroll={{ y: 262 }}
                locale={{
                  emptyText: <TableEmpty error={error} description={t('chainLeaders.platforms.empty')} />,
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
    </Flex>
  );
}
