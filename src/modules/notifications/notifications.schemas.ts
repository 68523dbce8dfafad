/** The notifications contract: the inbox (每个用户自己的消息) and the group-robot webhooks. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging } from '../../platform/contract';
import { DELIVERY_STATUSES, NOTIFICATION_KINDS, WEBHOOK_TARGETS } from './core/kinds';
import { WEBHOOK_URL_MAX } from './core/notifications';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const NotificationParamsSchema = Type.Object({
  code: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  level: Type.Optional(Type.Integer()),
  dueOn: Type.Optional(Type.String()),
  step: Type.Optional(Type.String()),
  rating: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.String()),
});

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: OneOf(NOTIFICATION_KINDS),
  params: NotificationParamsSchema,
  link: Nullable(Type.String({ description: 'The page of the object, e.g. /requests/12' })),
  createdAt: Type.String({ description: 'ISO 8601' }),
  readAt: Nullable(Type.String()),
});
export type Notification = Static<typeof NotificationSchema>;

export const NotificationQuerySchema = Type.Object(
  { ...Paging, unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })) },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuerySchema>;

export const NotificationListSchema = PageOf(NotificationSchema);
export type NotificationList = Static<typeof NotificationListSchema>;

export const UnreadCountSchema = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCountSchema>;

export const MarkedSchema = Type.Object({ marked: Type.Integer() });
export type Marked = Static<typeof MarkedSchema>;

export const WebhookSchema = Type.Object({
  id: Type.Integer(),
  target: OneOf(WEBHOOK_TARGETS),
  targetId: Type.Integer(),
  targetName: Type.String(),
  targetNameEn: Type.String(),
  url: Type.String({ description: 'The address with its query (access token) hidden' }),
  hasSecret: Type.Boolean(),
  enabled: Type.Boolean(),
  version: Type.Integer(),
  pending: Type.Integer(),
  failed: Type.Integer(),
  lastSentAt: Nullable(Type.String()),
});
export type Webhook = Static<typeof WebhookSchema>;

export const WebhookCreateSchema = Type.Object(
  {
    target: OneOf(WEBHOOK_TARGETS),
    targetId: Id,
    url: Type.String({ minLength: 1, maxLength: WEBHOOK_URL_MAX }),
    secret: Type.Optional(Type.String({ maxLength: 200 })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebhookCreate = Static<typeof WebhookCreateSchema>;

export const WebhookUpdateSchema = Type.Object(
  {
    version: Type.Integer(),
    /** Left out: the address stays (the list only shows it masked). */
    url: Type.Optional(Type.String({ minLength: 1, maxLength: WEBHOOK_URL_MAX })),
    /** Left out: the secret stays; empty: no signing. */
    secret: Type.Optional(Type.String({ maxLength: 200 })),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WebhookUpdate = Static<typeof WebhookUpdateSchema>;

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  webhookId: Type.Integer(),
  targetName: Type.String(),
  targetNameEn: Type.String(),
  kind: OneOf(NOTIFICATION_KINDS),
  title: Type.String({ description: 'The message title (Chinese, as sent)' }),
  status: OneOf(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  responseCode: Nullable(Type.Integer()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type Delivery = Static<typeof DeliverySchema>;

export const DeliveryQuerySchema = Type.Object(
  { ...Paging, status: Type.Optional(OneOf(DELIVERY_STATUSES)) },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuerySchema>;
export const DeliveryListSchema = PageOf(DeliverySchema);
export type DeliveryList = Static<typeof DeliveryListSchema>;

export const DeliveryRunSchema = Type.Object({
  sent: Type.Integer(),
  retried: Type.Integer(),
  failed: Type.Integer(),
});
export type DeliveryRun = Static<typeof DeliveryRunSchema>;
