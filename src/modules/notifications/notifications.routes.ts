import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import {
  DeliveryListSchema,
  DeliveryQuerySchema,
  DeliverySchema,
  MarkedSchema,
  NotificationListSchema,
  NotificationQuerySchema,
  NotificationSchema,
  UnreadCountSchema,
  WebhookCreateSchema,
  WebhookSchema,
  WebhookUpdateSchema,
} from './notifications.schemas';

const tags = ['notifications'];

export function notificationRoutes(app: App, { services }: RouteDeps) {
  const service = services.notifications;

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: "The caller's own notifications, newest first / 我的消息",
        querystring: NotificationQuerySchema,
        response: { 200: NotificationListSchema, ...errorResponses },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags,
        summary: "How many of the caller's notifications are unread / 未读消息数",
        response: { 200: UnreadCountSchema, ...errorResponses },
      },
    },
    async (request) => service.unread(actorOf(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: "Mark one of the caller's notifications read / 标为已读",
        params: IdParams,
        response: { 200: NotificationSchema, ...errorResponses },
      },
    },
    async (request) => service.markRead(actorOf(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: "Mark all the caller's notifications read / 全部标为已读",
        response: { 200: MarkedSchema, ...errorResponses },
      },
    },
    async (request) => service.markAllRead(actorOf(request)),
  );

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Group-robot webhooks of departments and platforms (task force) / 消息推送机器人',
        response: { 200: Type.Array(WebhookSchema), ...errorResponses },
      },
    },
    async (request) => service.webhooks(actorOf(request)),
  );

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a DingTalk / 浙政钉 robot webhook for a department or platform / 新增机器人',
        body: WebhookCreateSchema,
        response: { 201: WebhookSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createWebhook(actorOf(request), request.body)),
  );

  app.put(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a webhook (address, secret, on/off); version-checked / 修改机器人',
        params: IdParams,
        body: WebhookUpdateSchema,
        response: { 200: WebhookSchema, ...errorResponses },
      },
    },
    async (request) => service.updateWebhook(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook and its delivery history / 删除机器人',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteWebhook(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/webhooks/deliveries',
    {
      schema: {
        tags,
        summary: 'Queued, sent and failed webhook messages, newest first / 推送记录',
        querystring: DeliveryQuerySchema,
        response: { 200: DeliveryListSchema, ...errorResponses },
      },
    },
    async (request) => service.deliveries(actorOf(request), request.query),
  );

  app.post(
    '/api/webhooks/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a failed message again with fresh attempts / 重试推送',
        params: IdParams,
        response: { 200: DeliverySchema, ...errorResponses },
      },
    },
    async (request) => service.retry(actorOf(request), request.params.id),
  );
}
