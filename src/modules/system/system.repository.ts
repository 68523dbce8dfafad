import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { SystemInfo } from './system.schemas';

async function integer(db: Db, query: SQL): Promise<number> {
  return Number((await db.execute<{ n: number }>(query)).rows[0]?.n ?? 0);
}

/** Answers when the database takes queries; throws otherwise. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

export async function serverVersion(db: Db): Promise<string> {
  return (
    (await db.execute<{ v: string }>(sql`select current_setting('server_version') as v`)).rows[0]?.v ?? ''
  );
}

export async function migrationCount(db: Db): Promise<number> {
  return integer(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
}

export async function rowCounts(db: Db): Promise<SystemInfo['counts']> {
  return {
    users: await integer(db, sql`select count(*)::int as n from users`),
    platforms: await integer(db, sql`select count(*)::int as n from platforms`),
    sessions: await integer(db, sql`select count(*)::int as n from sessions`),
    auditRows: await integer(db, sql`select count(*)::int as n from audit_log`),
  };
}

export async function hasAccounts(db: Db): Promise<boolean> {
  return (await integer(db, sql`select count(*)::int as n from users`)) > 0;
}
