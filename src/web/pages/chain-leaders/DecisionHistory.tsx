import { Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChainLeaderDecisions, type Decision, type TrailItem } from '../../api/chainLeaders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { TableEmpty } from '../../components/TableEmpty';

export function DecisionTag({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <Tag color={decision === 'confirmed' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
      {t(`chainLeaders.decision.${decision}`)}
    </Tag>
  );
}

interface TrailProps {
  items: TrailItem[];
  loading: boolean;
  /** The error of the query the decisions come from (the table then never says "none"). */
  error?: unknown;
  /** One enterprise's trail: the enterprise column is left out. */
  compact?: boolean;
}

/** Decisions, newest first: year, decision, reason, who and when. */
export function DecisionTrailTable({ items, loading, error, compact }: TrailProps) {
  const { t } = useTranslation();
  const columns: TableProps<TrailItem>['columns'] = [
    ...(compact
      ? []
      : [
          {
            key: 'enterprise',
            title: t('chainLeaders.table.name'),
            width: 220,
            render: (_: unknown, d: TrailItem) => (
              <Flex vertical gap={0}>
                <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.platformName}
                </Typography.Text>
              </Flex>
            ),
          },
        ]),
    {
      key: 'year',
      title: t('chainLeaders.history.year'),
      width: 80,
      render: (_, d) => t('chainLeaders.yearLabel', { year: d.year }),
    },
    {
      key: 'decision',
      title: t('chainLeaders.history.decision'),
      width: 96,
      render: (_, d) => <DecisionTag decision={d.decision} />,
    },
    {
      key: 'reason',
      title: t('chainLeaders.history.reason'),
      render: (_, d) => (
        <span style={{ whiteSpace: 'pre-wrap' }} data-user-text>
          {d.reason}
        </span>
      ),
    },
    {
      key: 'by',
      title: t('chainLeaders.history.by'),
      width: 170,
      render: (_, d) => (
        <Flex vertical gap={0}>
          <span data-user-text>{d.decidedByName || '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(d.decidedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <Table<TrailItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: compact ? 560 : 800 }}
      locale={{
        emptyText: <TableEmpty error={error} description={t('chainLeaders.history.empty')} />,
      }}
    />
  );
}

/** The decisions of a year, all enterprises in scope. */
export function YearDecisions({ year }: { year: number | undefined }) {
  const { data, isPending, error, refetch } = useChainLeaderDecisions({ year }, year !== undefined);
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <DecisionTrailTable items={data ?? []} loading={year !== undefined && isPending} />;
}

/** One enterprise's decisions of every year, in a drawer. */
export function HistoryDrawer({
  enterprise,
  onClose,
}: {
  enterprise: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useChainLeaderDecisions(
    { enterpriseId: enterprise?.id },
    enterprise !== null,
  );
  return (
    <Drawer
      open={enterprise !== null}
      onClose={onClose}
      size={720}
      title={enterprise ? t('chainLeaders.history.enterpriseTitle', { name: enterprise.name }) : ''}
      destroyOnHidden
    >
      {enterprise && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('chainLeaders.history.enterpriseHint')}</Typography.Text>
          {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
          <DecisionTrailTable items={data ?? []} loading={isPending} error={error} compact />
          <Link to={`/enterprises/${enterprise.id}`}>{t('chainLeaders.history.openEnterprise')}</Link>
        </Flex>
      )}
    </Drawer>
  );
}
