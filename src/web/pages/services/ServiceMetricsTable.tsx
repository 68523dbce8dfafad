import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceMetricsReport } from '../../api/requests';
import { formatInteger, formatNumber, formatPercent } from '../../lib/format';

type Figures = ServiceMetricsReport['total'];
export interface MetricsRow extends Figures {
  key: string;
  name: string;
  /** The request list's filter for the row (platformId=…, departmentId=…, commissionerUserId=…). */
  filter: string;
}

/** One tab of the service metrics: a row per platform, department or commissioner, each drilling to its requests. */
export function ServiceMetricsTable({
  rows,
  year,
  nameTitle,
  loading,
  testId,
}: {
  rows: MetricsRow[];
  year: number;
  nameTitle: string;
  loading: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const count = (v: number) => t('serviceMetrics.count', { value: formatInteger(v) });
  const list = (r: MetricsRow, extra = '') => `/requests?year=${year}&${r.filter}${extra}`;
  const columns: TableColumnsType<MetricsRow> = [
    {
      title: nameTitle,
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, r) => <Link to={list(r)}>{name || '—'}</Link>,
    },
    {
      title: t('serviceMetrics.col.received'),
      width: 90,
      align: 'right',
      render: (_, r) => count(r.received),
    },
    {
      title: t('serviceMetrics.col.closureRate'),
      width: 90,
      align: 'right',
      render: (_, r) => formatPercent(r.closureRate),
    },
    {
      title: t('serviceMetrics.col.onTimeRate'),
      width: 100,
      align: 'right',
      render: (_, r) => formatPercent(r.onTimeRate),
    },
    {
      title: t('serviceMetrics.col.days'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.averageDaysToClose === null
          ? '—'
          : t('serviceMetrics.days', { value: formatNumber(Math.round(r.averageDaysToClose * 10) / 10) }),
    },
    {
      title: t('serviceMetrics.col.satisfaction'),
      width: 90,
      align: 'right',
      render: (_, r) => formatPercent(r.satisfactionShare),
    },
    {
      title: t('serviceMetrics.col.overdue'),
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.overdue ? <Link to={list(r, '&overdue=true')}>{count(r.overdue)}</Link> : count(0),
    },
    {
      title: t('serviceMetrics.col.escalated'),
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.escalated ? <Link to={list(r, '&escalated=true')}>{count(r.escalated)}</Link> : count(0),
    },
    {
      title: t('serviceMetrics.col.coverage'),
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.coverage
          ? t('serviceMetrics.coverage', {
              share: formatPercent(r.coverage.share),
              visited: formatInteger(r.coverage.visited),
              assigned: formatInteger(r.coverage.assigned),
            })
          : '—',
    },
  ];
  return (
    <Table<MetricsRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('serviceMetrics.empty') }}
      data-testid={testId}
    />
  );
}
