import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteWebhook, useWebhooks, type Webhook } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { isEnglish } from '../requests/requestLabels';
import { DeliveriesCard } from './DeliveriesCard';
import { WebhookForm } from './WebhookForm';

/** 消息推送: the departments' and platforms' DingTalk / 浙政钉 group robots, and what was sent to them. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const hooks = useWebhooks();
  const remove = useDeleteWebhook();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const columns: TableColumnsType<Webhook> = [
    {
      title: t('webhooks.whose'),
      key: 'target',
      render: (_, w) => (
        <Flex gap={8} align="center">
          <Tag>{t(`webhooks.targets.${w.target}`)}</Tag>
          {isEnglish(i18n.language) ? w.targetNameEn : w.targetName}
        </Flex>
      ),
    },
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
    },
    {
      title: t('webhooks.signed'),
      dataIndex: 'hasSecret',
      render: (v: boolean) => (v ? t('webhooks.yes') : t('webhooks.no')),
    },
    {
      title: t('webhooks.enabled'),
      dataIndex: 'enabled',
      render: (v: boolean) => (
        <Tag color={v ? 'green' : 'default'}>{v ? t('webhooks.on') : t('webhooks.off')}</Tag>
      ),
    },
    {
      title: t('webhooks.queue'),
      key: 'queue',
      render: (_, w) => (
        <Flex vertical>
          <span>{t('webhooks.pendingCount', { count: w.pending })}</span>
          {w.failed > 0 && (
            <Typography.Text type="danger">{t('webhooks.failedCount', { count: w.failed })}</Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t('webhooks.lastSent', { at: formatDateTime(w.lastSentAt) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, w) => (
        <Flex gap={8}>
          <Button size="small" onClick={() => setEditing(w)}>
            {t('webhooks.edit')}
          </Button>
          <Popconfirm
            title={t('webhooks.deleteConfirm')}
            onConfirm={() =>
              remove.mutate(w.id, { onSuccess: () => void message.success(t('webhooks.deleted')) })
            }
          >
            <Button size="small" danger>
              {t('webhooks.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('webhooks.title')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('webhooks.add')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        {(hooks.error ?? remove.error) && <ErrorAlert error={hooks.error ?? remove.error} />}
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={hooks.data ?? []}
          loading={hooks.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('webhooks.empty') }}
        />
      </Card>
      <DeliveriesCard />
      {editing && <WebhookForm editing={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
