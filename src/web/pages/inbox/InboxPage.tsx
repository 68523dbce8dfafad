import { Badge, Button, Card, Flex, List, Pagination, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { notificationTitle } from './notificationText';

const PAGE_SIZE = 20;

/** 消息: the user's own notifications, newest first; opening one marks it read and opens its object. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === '1';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useNotifications({ unread: unread || undefined, page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v === null) p.delete(k);
      else p.set(k, v);
    setParams(p, { replace: true });
  };
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  return (
    <Card
      title={t('inbox.title')}
      extra={
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="mark-all-read">
          {t('inbox.markAll')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Segmented
          value={unread ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unreadOnly') },
          ]}
          onChange={(v) => set({ unread: v === 'unread' ? '1' : null, page: null })}
        />
        {(list.error ?? markRead.error ?? markAll.error) && (
          <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
        )}
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: unread ? t('inbox.emptyUnread') : t('inbox.empty') }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => open(n)}
              style={{ cursor: n.link ? 'pointer' : 'default' }}
              data-testid="notification"
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate(n.id);
                        }}
                      >
                        {t('inbox.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={
                  <Flex gap={8} wrap="wrap" align="center">
                    <Tag color={n.kind === 'overdue' || n.kind === 'escalated' ? 'red' : 'blue'}>
                      {t(`inbox.kindName.${n.kind}`)}
                    </Tag>
                    <Typography.Text strong={!n.readAt}>{notificationTitle(t, n)}</Typography.Text>
                  </Flex>
                }
                description={
                  <Flex gap={12} wrap="wrap">
                    {n.params.title && <span data-user-text>{n.params.title}</span>}
                    <span>{formatDateTime(n.createdAt)}</span>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
        {(list.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            align="end"
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            showTotal={(total) => t('inbox.total', { count: total })}
            onChange={(p) => set({ page: String(p) })}
          />
        )}
      </Flex>
    </Card>
  );
}
