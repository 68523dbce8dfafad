import type { TableProps } from 'antd';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DrillRow, type MetricKey } from '../../api/cockpit';
import { useReferenceMaps } from '../../api/reference';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { formatDecimal } from './cockpitFormat';
import { PAGE_SIZE } from './DrillDrawer';

/** Extra columns per metric: the figures the metric reads. */
function extraColumns(metric: MetricKey): (keyof DrillRow | 'taxPerMu' | 'rdShare')[] {
  switch (metric) {
    case 'tax_per_mu':
      return ['tax', 'ownLandMu', 'taxPerMu'];
    case 'rd_intensity':
      return ['revenue', 'rdSpending', 'rdShare'];
    case 'investment_intensity':
    case 'fai_growth':
      return ['fixedAssetInvestment', 'ownLandMu'];
    case 'energy_per_value_added':
    case 'energy_intensity_decline':
      return ['energyTce', 'valueAdded'];
    default:
      return ['revenue', 'tax', 'ownLandMu'];
  }
}

export function EnterpriseTable({
  rows,
  total,
  metric,
  showPlatform,
  page,
  loading,
  onPage,
}: {
  rows: DrillRow[];
  total: number;
  metric: MetricKey;
  showPlatform: boolean;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { industries } = useReferenceMaps();
  const l = useLang();
  const wan = t('units.wanYuan');
  const header = (key: string, unit?: string) => (
    <span>
      {t(`cockpit.drill.columns.${key}`)}
      {unit && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
            {unit}
          </Typography.Text>
        </>
      )}
    </span>
  );
  const money = (v: number | null) => formatNumber(v);
  const extra: TableProps<DrillRow>['columns'] = extraColumns(metric).map((k) => {
    switch (k) {
      case 'ownLandMu':
        return {
          key: k,
          title: header(k, t('units.mu')),
          width: 90,
          align: 'right',
          render: (_, r) => formatNumber(r.ownLandMu),
        };
      case 'energyTce':
        return {
          key: k,
          title: header(k, t('units.tce')),
          width: 110,
          align: 'right',
          render: (_, r) => formatNumber(r.energyTce),
        };
      case 'taxPerMu':
        return {
          key: k,
          title: header(k, t('units.wanYuanPerMu')),
          width: 100,
          align: 'right',
          render: (_, r) => formatDecimal(r.tax !== null && r.ownLandMu ? r.tax / r.ownLandMu : null),
        };
      case 'rdShare':
        return {
          key: k,
          title: header(k, '%'),
          width: 90,
          align: 'right',
          render: (_, r) =>
            r.rdSpending !== null && r.revenue ? formatPercent(r.rdSpending / r.revenue) : '—',
        };
      default:
        return {
          key: k,
          title: header(k, wan),
          width: 110,
          align: 'right',
          render: (_, r) => money(r[k as 'tax'] as number | null),
        };
    }
  });
  const columns: TableProps<DrillRow>['columns'] = [
    {
      key: 'name',
      title: t('cockpit.drill.columns.name'),
      render: (_, r) => (
        <Flex vertical gap={0}>
          <Link to={`/enterprises/${r.id}`} data-testid="cockpit-drill-enterprise">
            {r.name}
          </Link>
          <Flex gap={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {r.uscc}
            </Typography.Text>
            {r.above && (
              <Tag style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                {t('cockpit.drill.above')}
              </Tag>
            )}
            {r.leading && (
              <Tag color="blue" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
                {t('cockpit.drill.leading')}
              </Tag>
            )}
          </Flex>
        </Flex>
      ),
    },
    ...(showPlatform
      ? [
          {
            key: 'platform',
            title: t('cockpit.drill.platform'),
            width: 170,
            render: (_: unknown, r: DrillRow) => (
              <Link to={`/platforms/${r.platformId}`}>{r.platformName}</Link>
            ),
          },
        ]
      : []),
    {
      key: 'industry',
      title: t('cockpit.drill.columns.industry'),
      width: 110,
      render: (_, r) =>
        r.keyIndustry ? (
          (localName(industries.get(r.keyIndustry), l) ?? r.keyIndustry)
        ) : (
          <Typography.Text type="secondary" title={t('cockpit.drill.notKey')}>
            {r.industryCode ? t('cockpit.drill.industryClass', { code: r.industryCode }) : '—'}
          </Typography.Text>
        ),
    },
    {
      key: 'output',
      title: header('output', wan),
      width: 120,
      align: 'right',
      render: (_, r) => money(r.output),
    },
    ...extra,
  ];
  return (
    <Table<DrillRow>
      size="small"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 860 }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.drill.noRecords')} />,
      }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { formatted: formatInteger(n) }),
        onChange: onPage,
      }}
    />
  );
}
