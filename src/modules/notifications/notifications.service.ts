/**
 * Notifications: the in-app inbox and the group-robot webhooks (DingTalk / 浙政钉).
 *
 * `notifyIn(tx, …)` is what other modules call inside the transaction of the step that causes a
 * notification: it writes the inbox rows and queues the webhook messages (the outbox) in a
 * savepoint, so it is cheap, commits with the step, and a failure to notify is logged and rolled
 * back to the savepoint without ever failing the step. Sending happens later, outside any request:
 * the delivery worker (`deliverDue`, on an interval in the server and `yiyuan notifications
 * deliver`) posts each queued message, retrying with exponential backoff up to `MAX_ATTEMPTS`.
 */
import type { Database, Tx } from '../../platform/db/client';
import type { PiKeyRing } from '../../platform/crypto/personal-info';
import { fail, forbidden, type FieldError } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, type Actor } from '../auth/core/access';
import type { NotificationKind, WebhookTarget } from './core/kinds';
import {
  maskedUrl,
  MAX_ATTEMPTS,
  retryDelayMs,
  robotMessage,
  signedUrl,
  webhookUrlProblem,
  type NotificationParams,
} from './core/notifications';
import * as repo from './notifications.repository';
import type {
  Delivery,
  DeliveryList,
  DeliveryQuery,
  DeliveryRun,
  Marked,
  Notification,
  NotificationList,
  NotificationQuery,
  UnreadCount,
  Webhook,
  WebhookCreate,
  WebhookUpdate,
} from './notifications.schemas';

export type { Audience } from './notifications.repository';

const SECRET_CONTEXT = 'webhooks.secret' as const;

export interface NotifyInput {
  kind: NotificationKind;
  /** Who receives it in the app (resolved to active accounts). */
  to: repo.Audience[];
  params: NotificationParams;
  /** The object's page in the app, e.g. `/requests/12`. */
  link: string | null;
  requestId?: number | null;
  /** The acting user: not notified of its own step. */
  except?: number | null;
  /** Group robots to message too (when the target has an enabled webhook). */
  webhooks?: { target: WebhookTarget; id: number }[];
}

/** Where a failed notification is reported (the server's logger; the console otherwise). */
export type NotifyLog = (error: unknown, input: Pick<NotifyInput, 'kind' | 'requestId'>) => void;
let notifyLog: NotifyLog = (error, input) =>
  console.error('notification failed', input.kind, input.requestId ?? '', (error as Error)?.message);
export function setNotifyLog(log: NotifyLog) {
  notifyLog = log;
}

/**
 * Writes the inbox rows and queues the webhook messages in the caller's transaction, inside a
 * savepoint: never throws; returns how many users were notified (0 after a failure).
 */
export async function notifyIn(tx: Tx, input: NotifyInput): Promise<number> {
  try {
    await repo.savepoint(tx, 'begin');
  } catch (error) {
    notifyLog(error, input);
    return 0;
  }
  try {
    const users = new Set<number>();
    for (const audience of input.to)
      for (const id of await repo.insertNotifications(tx, audience, {
        kind: input.kind,
        params: input.params,
        link: input.link,
        requestId: input.requestId ?? null,
        except: input.except ?? null,
      }))
        users.add(id);
    if (input.webhooks?.length) {
      const payload = robotMessage(input.kind, input.params, null, null);
      for (const w of input.webhooks)
        await repo.enqueueDelivery(tx, w.target, w.id, {
          kind: input.kind,
          requestId: input.requestId ?? null,
          payload,
          link: input.link,
        });
    }
    await repo.savepoint(tx, 'release');
    return users.size;
  } catch (error) {
    notifyLog(error, input);
    // Back to before the notification: the step's own work stands and its transaction goes on.
    await repo.savepoint(tx, 'rollback').catch(() => {});
    await repo.savepoint(tx, 'release').catch(() => {});
    return 0;
  }
}

/** What posts a message: `fetch` by default; tests may pass their own. */
export type Poster = (
  url: string,
  body: string,
  timeoutMs: number,
) => Promise<{ status: number; text: string }>;

const defaultPoster: Poster = async (url, body, timeoutMs) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, text: (await res.text()).slice(0, 500) };
};

export interface NotificationOptions {
  /** The key ring sealing webhook secrets (read when first needed). */
  keys?: () => PiKeyRing;
  /** The application's public address, for the link in robot messages (none: no link). */
  publicUrl?: string | null;
  post?: Poster;
  /** How long one post may take. */
  timeoutMs?: number;
  now?: () => Date;
}

const field = (name: string, code: string, zh: string, en: string): FieldError => ({
  field: name,
  code,
  zh,
  en,
});

function checkUrl(url: string) {
  const problem = webhookUrlProblem(url);
  if (problem)
    fail('VALIDATION_FAILED', [
      field(
        'url',
        problem,
        problem === 'SCHEME'
          ? '只接受 http:// 或 https:// 开头的地址'
          : problem === 'CREDENTIALS'
            ? '地址中不能包含用户名或密码'
            : '请填写完整的机器人 Webhook 地址',
        problem === 'SCHEME'
          ? 'Only http:// or https:// addresses are accepted'
          : problem === 'CREDENTIALS'
            ? 'The address may not contain a user name or password'
            : "Enter the robot's full webhook address",
      ),
    ]);
}

/** The robot's reply: DingTalk answers 200 with `errcode` 0 when it took the message. */
function robotError(status: number, text: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  try {
    const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (typeof body.errcode === 'number' && body.errcode !== 0)
      return `errcode ${body.errcode}: ${String(body.errmsg ?? '').slice(0, 200)}`;
  } catch {
    // Not JSON: a 2xx is taken as delivered.
  }
  return null;
}

export function createNotificationService(database: Database, options: NotificationOptions = {}) {
  const { db } = database;
  const post = options.post ?? defaultPoster;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const requireConfigure = (actor: Actor) => {
    if (!can(actor, 'request:configure')) forbidden('request:configure');
  };
  const seal = (secret: string | undefined): Buffer | null | undefined => {
    if (secret === undefined) return undefined;
    const s = secret.trim();
    if (!s) return null;
    if (!options.keys) return fail('WEBHOOK_KEY_MISSING');
    return options.keys().seal(SECRET_CONTEXT, s);
  };
  const webhookOf = async (id: number): Promise<Webhook> => {
    const w = (await repo.webhooks(db)).find((x) => x.id === id);
    if (!w) return fail('WEBHOOK_NOT_FOUND');
    return { ...w, url: maskedUrl(w.url) };
  };

  /** Sends one claimed delivery and records the outcome. */
  async function sendOne(d: repo.ClaimedDelivery): Promise<'sent' | 'retried' | 'failed'> {
    const attempts = d.attempts + 1;
    let error: string | null = null;
    let responseCode: number | null = null;
    try {
      const secret =
        d.secretCipher && options.keys ? options.keys().open(SECRET_CONTEXT, d.secretCipher) : null;
      if (d.secretCipher && !secret) throw new Error('no key to open the signing secret');
      const payload =
        d.link && options.publicUrl
          ? {
              ...d.payload,
              markdown: {
                ...d.payload.markdown,
                text: `${d.payload.markdown.text}\n\n[在一园中查看](${options.publicUrl.replace(/\/+$/, '')}${d.link})`,
              },
            }
          : d.payload;
      const res = await post(signedUrl(d.url, secret, now().getTime()), JSON.stringify(payload), timeoutMs);
      responseCode = res.status;
      error = robotError(res.status, res.text);
    } catch (e) {
      // The message only: never the address (it holds the access token) nor the secret.
      error = ((e as Error)?.name === 'TimeoutError' ? 'timeout' : (e as Error)?.message || 'error').slice(
        0,
        300,
      );
    }
    const delay = error ? retryDelayMs(attempts) : null;
    const status = !error ? 'sent' : delay === null ? 'failed' : 'pending';
    await database.transaction((tx) =>
      repo.recordAttempt(tx, d.id, {
        status,
        attempts,
        retryAt: delay === null ? null : new Date(now().getTime() + delay),
        error,
        responseCode,
      }),
    );
    return status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'retried';
  }

  return {
    /** One pass of the worker: every pending delivery whose time has come, `batch` at a time. */
    async deliverDue(batch = 20): Promise<DeliveryRun> {
      const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
      for (;;) {
        const claimed = await database.transaction((tx) => repo.claimDue(tx, batch, timeoutMs * 3));
        for (const d of claimed) run[await sendOne(d)]++;
        if (claimed.length < batch) return run;
      }
    },

    async list(actor: Actor, q: NotificationQuery): Promise<NotificationList> {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      if (!actor.userId) return { items: [], total: 0, page, pageSize };
      const { rows, total } = await repo.listNotifications(db, actor.userId, Boolean(q.unread), {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: rows, total, page, pageSize };
    },

    async unread(actor: Actor): Promise<UnreadCount> {
      return { unread: actor.userId ? await repo.unreadCount(db, actor.userId) : 0 };
    },

    async markRead(actor: Actor, id: number): Promise<Notification> {
      if (!actor.userId) return fail('NOTIFICATION_NOT_FOUND');
      return database.transaction(async (tx) => {
        const n = await repo.markRead(tx, actor.userId, id);
        if (!n) return fail('NOTIFICATION_NOT_FOUND');
        await recordAudit(tx, subjectOf(actor), {
          action: 'notification.read',
          result: 'success',
          objectType: 'notification',
          objectId: id,
          detail: { kind: n.kind },
        });
        return n;
      });
    },

    async markAllRead(actor: Actor): Promise<Marked> {
      if (!actor.userId) return { marked: 0 };
      return database.transaction(async (tx) => {
        const marked = await repo.markAllRead(tx, actor.userId);
        await recordAudit(tx, subjectOf(actor), {
          action: 'notification.read_all',
          result: 'success',
          objectType: 'notification',
          objectId: actor.userId,
          detail: { marked },
        });
        return { marked };
      });
    },

    async webhooks(actor: Actor): Promise<Webhook[]> {
      requireConfigure(actor);
      return (await repo.webhooks(db)).map((w) => ({ ...w, url: maskedUrl(w.url) }));
    },

    async createWebhook(actor: Actor, input: WebhookCreate): Promise<Webhook> {
      requireConfigure(actor);
      const url = input.url.trim();
      checkUrl(url);
      const id = await database.transaction(async (tx) => {
        if (!(await repo.targetExists(tx, input.target, input.targetId)))
          return fail(input.target === 'department' ? 'DEPARTMENT_NOT_FOUND' : 'PLATFORM_NOT_FOUND');
        const secretCipher = seal(input.secret) ?? null;
        const id = await repo.insertWebhook(tx, {
          target: input.target,
          targetId: input.targetId,
          url,
          secretCipher,
          enabled: input.enabled ?? true,
        });
        if (!id)
          return fail('DUPLICATE_NAME', [
            field('targetId', 'DUPLICATE', '该对象已配置机器人', 'This target already has a webhook'),
          ]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'webhook.create',
          result: 'success',
          objectType: 'webhook',
          objectId: id,
          // Never the secret nor the address's query (its access token).
          detail: {
            target: input.target,
            targetId: input.targetId,
            url: maskedUrl(url),
            signed: !!secretCipher,
          },
        });
        return id;
      });
      return webhookOf(id);
    },

    async updateWebhook(actor: Actor, id: number, input: WebhookUpdate): Promise<Webhook> {
      requireConfigure(actor);
      if (input.url !== undefined) checkUrl(input.url.trim());
      await database.transaction(async (tx) => {
        const before = await repo.webhookById(tx, id, true);
        if (!before) return fail('WEBHOOK_NOT_FOUND');
        const url = input.url?.trim() ?? before.url;
        const secretCipher = seal(input.secret);
        if (!(await repo.updateWebhook(tx, id, input.version, { url, secretCipher, enabled: input.enabled })))
          fail('VERSION_CONFLICT');
        await recordAudit(tx, subjectOf(actor), {
          action: 'webhook.update',
          result: 'success',
          objectType: 'webhook',
          objectId: id,
          detail: {
            target: before.target,
            targetId: before.targetId,
            url: maskedUrl(url),
            urlChanged: url !== before.url,
            secretChanged: secretCipher !== undefined,
            enabled: input.enabled,
          },
        });
      });
      return webhookOf(id);
    },

    async deleteWebhook(actor: Actor, id: number): Promise<void> {
      requireConfigure(actor);
      await database.transaction(async (tx) => {
        const before = await repo.webhookById(tx, id, true);
        if (!before) return fail('WEBHOOK_NOT_FOUND');
        await repo.deleteWebhook(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'webhook.delete',
          result: 'success',
          objectType: 'webhook',
          objectId: id,
          detail: { target: before.target, targetId: before.targetId, url: maskedUrl(before.url) },
        });
      });
    },

    async deliveries(actor: Actor, q: DeliveryQuery): Promise<DeliveryList> {
      requireConfigure(actor);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { rows, total } = await repo.listDeliveries(db, q.status, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: rows, total, page, pageSize };
    },

    /** 重试: a failed delivery back in the queue with fresh attempts; sent at the next pass. */
    async retry(actor: Actor, id: number): Promise<Delivery> {
      requireConfigure(actor);
      await database.transaction(async (tx) => {
        const d = await repo.deliveryById(tx, id);
        if (!d) return fail('DELIVERY_NOT_FOUND');
        if (!(await repo.requeue(tx, id))) fail('DELIVERY_ALREADY_SENT');
        await recordAudit(tx, subjectOf(actor), {
          action: 'webhook.retry',
          result: 'success',
          objectType: 'webhook_delivery',
          objectId: id,
          detail: { webhookId: d.webhookId, kind: d.kind, attempts: d.attempts, maxAttempts: MAX_ATTEMPTS },
        });
      });
      return (await repo.deliveryById(db, id))!;
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
