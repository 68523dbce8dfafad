import { Button, Card, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeliveries, useRetryDelivery, type Delivery, type DeliveryStatus } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { isEnglish } from '../requests/requestLabels';

const COLORS: Record<DeliveryStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** The outbox: queued, sent and failed robot messages; a failed one can be sent again (重试). */
export function DeliveriesCard() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useDeliveries({ status: status === 'all' ? undefined : status, page, pageSize: 10 });
  const retry = useRetryDelivery();
  const columns: TableColumnsType<Delivery> = [
    {
      title: t('webhooks.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
      width: 170,
    },
    {
      title: t('webhooks.whose'),
      key: 'target',
      render: (_, d) => (isEnglish(i18n.language) ? d.targetNameEn : d.targetName),
    },
    { title: t('webhooks.message'), key: 'kind', render: (_, d) => t(`inbox.kindName.${d.kind}`) },
    {
      title: t('webhooks.status'),
      dataIndex: 'status',
      render: (s: DeliveryStatus) => <Tag color={COLORS[s]}>{t(`webhooks.statuses.${s}`)}</Tag>,
    },
    {
      title: t('webhooks.attempts'),
      dataIndex: 'attempts',
      render: (n: number) => t('webhooks.attemptsValue', { count: n }),
    },
    {
      title: t('webhooks.lastError'),
      key: 'error',
      render: (_, d) =>
        d.lastError ? (
          <Typography.Text type="danger" lang="en">
            {d.responseCode ? `${d.lastError}` : d.lastError}
          </Typography.Text>
        ) : d.sentAt ? (
          formatDateTime(d.sentAt)
        ) : d.nextAttemptAt ? (
          t('webhooks.nextAttempt', { at: formatDateTime(d.nextAttemptAt) })
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'retry',
      render: (_, d) =>
        d.status === 'failed' ? (
          <Button size="small" onClick={() => retry.mutate(d.id)} loading={retry.isPending}>
            {t('webhooks.retry')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      title={t('webhooks.deliveries')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as DeliveryStatus | 'all');
            setPage(1);
          }}
          options={(['all', 'pending', 'sent', 'failed'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('inbox.all') : t(`webhooks.statuses.${s}`),
          }))}
        />
      }
    >
      {(list.error ?? retry.error) && <ErrorAlert error={list.error ?? retry.error} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}
