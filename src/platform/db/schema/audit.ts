import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. A trigger (migration 0001, refined by the hash-chain migration) rejects
 * UPDATE, DELETE and TRUNCATE; the application's database role holds only SELECT and INSERT on it.
 * Rows are written in the same transaction as the change they record. Each row carries an SM3
 * hash chained to the previous row's (`prev_hash`, `hash`, hex), see `modules/audit/core/chain.ts`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').$type<'success' | 'failure'>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** The previous row's hash (the chain's anchor for the first row); null only for rows written before the chain began. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action),
    check('audit_log_result_valid', sql`${t.result} in ('success','failure')`),
  ],
);

/**
 * Archives of the audit trail (`yiyuan audit archive`) and purges of archived rows
 * (`yiyuan audit purge`). The newest purged row's hash is the anchor the remaining chain starts
 * from, so the trail still verifies after a purge.
 */
export const auditArchives = pgTable('audit_archives', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Rows written before this instant are in the archive. */
  before: timestamp('before', { withTimezone: true }).notNull(),
  firstId: bigint('first_id', { mode: 'number' }),
  lastId: bigint('last_id', { mode: 'number' }),
  /** Hash of the archive's last row: once purged, the anchor of the remaining chain. */
  lastHash: text('last_hash'),
  rows: integer('rows').notNull(),
  file: text('file').notNull(),
  /** SM3 digest (hex) of the archive file. */
  fileDigest: text('file_digest').notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }),
  purgedRows: integer('purged_rows'),
  /** The newest row a purge removed (≤ last_id) and its hash: the anchor of the remaining chain. */
  purgedThroughId: bigint('purged_through_id', { mode: 'number' }),
  anchorHash: text('anchor_hash'),
});
