/**
 * Notifications' SQL: the inbox rows, the webhooks and their outbox. An inbox is its owner's
 * alone: every read and write names the user id, so another user's notification behaves exactly
 * like a missing one.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import type { DeliveryStatus, NotificationKind, WebhookTarget } from './core/kinds';
import type { NotificationParams, RobotMessage } from './core/notifications';
import type { Delivery, Notification, Webhook } from './notifications.schemas';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, q: SQL): Promise<Row[]> => (await db.execute<Row>(q)).rows;
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Who receives a notification, resolved to active accounts in one statement. */
export type Audience =
  | { kind: 'department'; id: number }
  | { kind: 'platform_admins'; id: number }
  | { kind: 'task_force' }
  | { kind: 'commissioner_of'; enterpriseId: number }
  | { kind: 'enterprise'; id: number }
  | { kind: 'users'; ids: number[] };

function audienceSql(a: Audience): SQL {
  switch (a.kind) {
    case 'department':
      return sql`select id from users where role = 'department' and department_id = ${a.id} and disabled_at is null`;
    case 'platform_admins':
      return sql`select id from users where role = 'platform_admin' and platform_id = ${a.id} and disabled_at is null`;
    case 'task_force':
      return sql`select id from users where role = 'task_force' and disabled_at is null`;
    case 'commissioner_of':
      return sql`select u.id from commissioner_assignments ca join users u on u.id = ca.commissioner_user_id
        where ca.enterprise_id = ${a.enterpriseId} and ca.ended_on is null and u.disabled_at is null`;
    case 'enterprise':
      return sql`select id from users where role = 'enterprise' and enterprise_id = ${a.id} and disabled_at is null`;
    case 'users':
      return a.ids.length
        ? sql`select id from users where id in (${sql.join(
            a.ids.map((i) => sql`${i}`),
            sql`, `,
          )}) and disabled_at is null`
        : sql`select id from users where false`;
  }
}

/**
 * A savepoint in the caller's transaction, so a failed notification rolls back alone (the
 * transaction's `tx` is a plain connection API: its `transaction()` would begin and commit anew).
 */
export async function savepoint(tx: Tx, step: 'begin' | 'release' | 'rollback'): Promise<void> {
  await tx.execute(
    step === 'begin'
      ? sql`savepoint yiyuan_notify`
      : step === 'release'
        ? sql`release savepoint yiyuan_notify`
        : sql`rollback to savepoint yiyuan_notify`,
  );
}

/** One inbox row per recipient of the audience (the actor left out); returns the user ids. */
export async function insertNotifications(
  tx: Tx,
  audience: Audience,
  n: {
    kind: NotificationKind;
    params: NotificationParams;
    link: string | null;
    requestId: number | null;
    except: number | null;
  },
): Promise<number[]> {
  const rows = await rowsOf(
    tx,
    sql`insert into notifications (user_id, kind, params, link, request_id)
      select a.id, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.link}, ${n.requestId}
      from (${audienceSql(audience)}) a
      where a.id is distinct from ${n.except}::int
      returning user_id`,
  );
  return rows.map((r) => Number(r.user_id));
}

/** A message to the target's webhook when it has an enabled one; true when queued. */
export async function enqueueDelivery(
  tx: Tx,
  target: WebhookTarget,
  targetId: number,
  d: { kind: NotificationKind; requestId: number | null; payload: RobotMessage; link: string | null },
): Promise<boolean> {
  const column = target === 'department' ? sql`department_id` : sql`platform_id`;
  const rows = await rowsOf(
    tx,
    sql`insert into webhook_deliveries (webhook_id, kind, request_id, payload, link)
      select id, ${d.kind}, ${d.requestId}, ${JSON.stringify(d.payload)}::jsonb, ${d.link} from webhooks
      where target = ${target} and ${column} = ${targetId} and enabled
      returning id`,
  );
  return rows.length > 0;
}

const notificationOf = (r: Row): Notification => ({
  id: Number(r.id),
  kind: r.kind as NotificationKind,
  params: (r.params ?? {}) as NotificationParams,
  link: r.link === null ? null : String(r.link),
  createdAt: iso(r.created_at)!,
  readAt: iso(r.read_at),
});

export async function listNotifications(
  db: Db,
  userId: number,
  unreadOnly: boolean,
  page: { limit: number; offset: number },
): Promise<{ rows: Notification[]; total: number }> {
  const where = sql`user_id = ${userId}${unreadOnly ? sql` and read_at is null` : sql``}`;
  const rows = await rowsOf(
    db,
    sql`select id, kind, params, link, created_at, read_at from notifications where ${where}
      order by id desc limit ${page.limit} offset ${page.offset}`,
  );
  const [t] = await rowsOf(db, sql`select count(*)::int as n from notifications where ${where}`);
  return { rows: rows.map(notificationOf), total: Number(t!.n) };
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [r] = await rowsOf(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
  );
  return Number(r!.n);
}

/** Marks the user's own notification read; null when it is not theirs (or missing). */
export async function markRead(tx: Tx, userId: number, id: number): Promise<Notification | null> {
  const [r] = await rowsOf(
    tx,
    sql`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${userId}
      returning id, kind, params, link, created_at, read_at`,
  );
  return r ? notificationOf(r) : null;
}

export async function markAllRead(tx: Tx, userId: number): Promise<number> {
  const rows = await rowsOf(
    tx,
    sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null returning id`,
  );
  return rows.length;
}

// --- webhooks ---

const WEBHOOK_COLUMNS = sql`w.id, w.target, coalesce(w.department_id, w.platform_id) as target_id,
  coalesce(d.name_zh, p.name) as target_name, coalesce(nullif(d.name_en, ''), nullif(p.name_en, ''), d.name_zh, p.name) as target_name_en,
  w.url, w.secret_cipher is not null as has_secret, w.enabled, w.version`;
const WEBHOOK_FROM = sql`from webhooks w
  left join departments d on d.id = w.department_id
  left join platforms p on p.id = w.platform_id`;

export interface WebhookRow {
  id: number;
  target: WebhookTarget;
  targetId: number;
  targetName: string;
  targetNameEn: string;
  url: string;
  hasSecret: boolean;
  enabled: boolean;
  version: number;
}

const webhookRowOf = (r: Row): WebhookRow => ({
  id: Number(r.id),
  target: r.target as WebhookTarget,
  targetId: Number(r.target_id),
  targetName: String(r.target_name ?? ''),
  targetNameEn: String(r.target_name_en ?? ''),
  url: String(r.url),
  hasSecret: Boolean(r.has_secret),
  enabled: Boolean(r.enabled),
  version: Number(r.version),
});

export async function webhooks(
  db: Db | Tx,
): Promise<(WebhookRow & Pick<Webhook, 'pending' | 'failed' | 'lastSentAt'>)[]> {
  const rows = await rowsOf(
    db,
    sql`select ${WEBHOOK_COLUMNS},
      (select count(*)::int from webhook_deliveries x where x.webhook_id = w.id and x.status = 'pending') as pending,
      (select count(*)::int from webhook_deliveries x where x.webhook_id = w.id and x.status = 'failed') as failed,
      (select max(sent_at) from webhook_deliveries x where x.webhook_id = w.id) as last_sent_at
      ${WEBHOOK_FROM} order by w.target, target_name`,
  );
  return rows.map((r) => ({
    ...webhookRowOf(r),
    pending: Number(r.pending),
    failed: Number(r.failed),
    lastSentAt: iso(r.last_sent_at),
  }));
}

export async function webhookById(db: Db | Tx, id: number, lock = false): Promise<WebhookRow | null> {
  const [r] = await rowsOf(
    db,
    sql`select ${WEBHOOK_COLUMNS} ${WEBHOOK_FROM} where w.id = ${id}${lock ? sql` for update of w` : sql``}`,
  );
  return r ? webhookRowOf(r) : null;
}

export async function targetExists(db: Db | Tx, target: WebhookTarget, id: number): Promise<boolean> {
  const rows = await rowsOf(
    db,
    target === 'department'
      ? sql`select 1 from departments where id = ${id}`
      : sql`select 1 from platforms where id = ${id}`,
  );
  return rows.length > 0;
}

/** A new webhook; null when the target already has one. */
export async function insertWebhook(
  tx: Tx,
  w: { target: WebhookTarget; targetId: number; url: string; secretCipher: Buffer | null; enabled: boolean },
): Promise<number | null> {
  const [r] = await rowsOf(
    tx,
    sql`insert into webhooks (target, department_id, platform_id, url, secret_cipher, enabled)
      values (${w.target}, ${w.target === 'department' ? w.targetId : null}, ${w.target === 'platform' ? w.targetId : null},
        ${w.url}, ${w.secretCipher}, ${w.enabled})
      on conflict do nothing returning id`,
  );
  return r ? Number(r.id) : null;
}

/** Version-checked update; `secretCipher` undefined keeps the secret. False on a stale version. */
export async function updateWebhook(
  tx: Tx,
  id: number,
  version: number,
  w: { url: string; secretCipher: Buffer | null | undefined; enabled: boolean },
): Promise<boolean> {
  const secret = w.secretCipher === undefined ? sql`secret_cipher` : sql`${w.secretCipher}`;
  const rows = await rowsOf(
    tx,
    sql`update webhooks set url = ${w.url}, secret_cipher = ${secret}, enabled = ${w.enabled},
      version = version + 1, updated_at = now() where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

export async function deleteWebhook(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from webhooks where id = ${id}`);
}

// --- outbox ---

const deliveryOf = (r: Row): Delivery => ({
  id: Number(r.id),
  webhookId: Number(r.webhook_id),
  targetName: String(r.target_name ?? ''),
  targetNameEn: String(r.target_name_en ?? ''),
  kind: r.kind as NotificationKind,
  title: String((r.payload as RobotMessage | null)?.markdown?.title ?? ''),
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  lastError: r.last_error === null ? null : String(r.last_error),
  responseCode: r.response_code === null ? null : Number(r.response_code),
  createdAt: iso(r.created_at)!,
  sentAt: iso(r.sent_at),
});

const DELIVERY_SELECT = sql`select x.id, x.webhook_id, x.kind, x.payload, x.status, x.attempts, x.next_attempt_at,
  x.last_error, x.response_code, x.created_at, x.sent_at, coalesce(d.name_zh, p.name) as target_name,
  coalesce(nullif(d.name_en, ''), nullif(p.name_en, ''), d.name_zh, p.name) as target_name_en
  from webhook_deliveries x join webhooks w on w.id = x.webhook_id
  left join departments d on d.id = w.department_id
  left join platforms p on p.id = w.platform_id`;

export async function listDeliveries(
  db: Db,
  status: DeliveryStatus | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: Delivery[]; total: number }> {
  const where = status ? sql`where x.status = ${status}` : sql``;
  const rows = await rowsOf(
    db,
    sql`${DELIVERY_SELECT} ${where} order by x.id desc limit ${page.limit} offset ${page.offset}`,
  );
  const [t] = await rowsOf(db, sql`select count(*)::int as n from webhook_deliveries x ${where}`);
  return { rows: rows.map(deliveryOf), total: Number(t!.n) };
}

export async function deliveryById(db: Db | Tx, id: number): Promise<Delivery | null> {
  const [r] = await rowsOf(db, sql`${DELIVERY_SELECT} where x.id = ${id}`);
  return r ? deliveryOf(r) : null;
}

export interface ClaimedDelivery {
  id: number;
  attempts: number;
  payload: RobotMessage;
  link: string | null;
  url: string;
  secretCipher: Buffer | null;
}

/**
 * Takes up to `limit` pending deliveries whose time has come and leases them for `leaseMs` (their
 * next attempt moves forward), so a second worker skips them while they are being sent.
 */
export async function claimDue(tx: Tx, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await rowsOf(
    tx,
    sql`with due as (
        select x.id from webhook_deliveries x
        where x.status = 'pending' and x.next_attempt_at <= now()
        order by x.next_attempt_at, x.id limit ${limit} for update skip locked)
      update webhook_deliveries x set next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
      from due, webhooks w where x.id = due.id and w.id = x.webhook_id
      returning x.id, x.attempts, x.payload, x.link, w.url, w.secret_cipher`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    attempts: Number(r.attempts),
    payload: r.payload as RobotMessage,
    link: r.link === null ? null : String(r.link),
    url: String(r.url),
    secretCipher: (r.secret_cipher as Buffer | null) ?? null,
  }));
}

/** The outcome of one attempt: sent, pending again at `retryAt`, or failed for good. */
export async function recordAttempt(
  tx: Tx,
  id: number,
  o: {
    status: DeliveryStatus;
    attempts: number;
    retryAt: Date | null;
    error: string | null;
    responseCode: number | null;
  },
): Promise<void> {
  await tx.execute(
    sql`update webhook_deliveries set status = ${o.status}, attempts = ${o.attempts},
      next_attempt_at = coalesce(${o.retryAt?.toISOString() ?? null}::timestamptz, next_attempt_at),
      last_error = ${o.error}, response_code = ${o.responseCode},
      sent_at = case when ${o.status} = 'sent' then now() else sent_at end
      where id = ${id}`,
  );
}

/** Puts a failed (or pending) delivery back in the queue now, with fresh attempts. */
export async function requeue(tx: Tx, id: number): Promise<boolean> {
  const rows = await rowsOf(
    tx,
    sql`update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = now()
      where id = ${id} and status <> 'sent' returning id`,
  );
  return rows.length > 0;
}
