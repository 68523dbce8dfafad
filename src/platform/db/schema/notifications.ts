import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from './enterprises';
import { platforms } from './platforms';
import { users } from './accounts';
import { departments, requests } from './requests';

/**
 * The in-app inbox: one row per recipient. The text is the kind and its parameters, rendered in
 * the reader's language by the web; `link` is the object's page.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    link: text('link'),
    requestId: integer('request_id').references(() => requests.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    check(
      'notifications_kind_valid',
      sql`${t.kind} in ('assigned','due_soon','overdue','escalated','rated','answered','closed','progress','task_supervised','project_stalled')`,
    ),
  ],
);

/** Deadline notices already given for a request: at most one per request and kind. */
export const requestNotices = pgTable(
  'request_notices',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.kind] }),
    check('request_notices_kind_valid', sql`${t.kind} in ('due_soon','overdue')`),
  ],
);

/**
 * A department's (or a platform's) group robot: DingTalk / 浙政钉 custom robot URL and, when the
 * robot signs, its secret sealed with the personal-information key.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: serial('id').primaryKey(),
    target: text('target').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    platformId: integer('platform_id').references(() => platforms.id),
    url: text('url').notNull(),
    secretCipher: bytea('secret_cipher'),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhooks_department_unique')
      .on(t.departmentId)
      .where(sql`${t.departmentId} is not null`),
    uniqueIndex('webhooks_platform_unique')
      .on(t.platformId)
      .where(sql`${t.platformId} is not null`),
    check(
      'webhooks_target',
      sql`(${t.target} = 'department' and ${t.departmentId} is not null and ${t.platformId} is null)
        or (${t.target} = 'platform' and ${t.platformId} is not null and ${t.departmentId} is null)`,
    ),
  ],
);

/** The outbox: one message to one webhook, sent by the delivery worker with retries. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial('id').primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    requestId: integer('request_id').references(() => requests.id),
    /** The robot message; the object's address is added when sent (`link` below, public URL). */
    payload: jsonb('payload').notNull(),
    link: text('link'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    responseCode: integer('response_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id),
    check('webhook_deliveries_status_valid', sql`${t.status} in ('pending','sent','failed')`),
  ],
);
