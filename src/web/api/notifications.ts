// Notifications: the user's own inbox, and the task force's group-robot webhooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  Delivery,
  DeliveryList,
  DeliveryQuery,
  Marked,
  Notification,
  NotificationList,
  NotificationQuery,
  UnreadCount,
  Webhook,
  WebhookCreate,
  WebhookUpdate,
} from '../../modules/notifications/notifications.schemas';
import type { DeliveryStatus, NotificationKind } from '../../modules/notifications/core/kinds';

export { NOTIFICATION_KINDS } from '../../modules/notifications/core/kinds';
export type {
  Delivery,
  DeliveryStatus,
  Notification,
  NotificationKind,
  Webhook,
  WebhookCreate,
  WebhookUpdate,
};

const KEY = 'notifications';
const HOOKS = 'webhooks';

/** The bell's count: refreshed every minute and whenever the inbox changes. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [KEY, 'unread'],
    queryFn: ({ signal }) => api<UnreadCount>('/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Notification>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Marked>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: [HOOKS, 'list'],
    queryFn: ({ signal }) => api<Webhook[]>('/webhooks', { signal }),
  });
}

export function useDeliveries(query: DeliveryQuery) {
  return useQuery({
    queryKey: [HOOKS, 'deliveries', query],
    queryFn: ({ signal }) => api<DeliveryList>('/webhooks/deliveries', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: WebhookCreate | WebhookUpdate }) =>
      id === null
        ? api<Webhook>('/webhooks', { method: 'POST', body })
        : api<Webhook>(`/webhooks/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [HOOKS] }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<null>(`/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [HOOKS] }),
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Delivery>(`/webhooks/deliveries/${id}/retry`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [HOOKS] }),
  });
}
