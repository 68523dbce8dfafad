import { sql } from 'drizzle-orm';
import { APP_VERSION } from '../../platform/config';
import type { Database } from '../../platform/db/client';
import { fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';

export function createSystemService(database: Database) {
  const { db } = database;
  return {
    async health() {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ok' as const, database: 'up' as const, version: APP_VERSION };
      } catch {
        return { status: 'degraded' as const, database: 'down' as const, version: APP_VERSION };
      }
    },

    async status(actor: Actor) {
      if (!can(actor, 'system:read')) fail('FORBIDDEN');
      const one = async (q: ReturnType<typeof sql>) =>
        Number((await db.execute<{ n: number }>(q)).rows[0]?.n ?? 0);
      const version =
        (await db.execute<{ v: string }>(sql`select current_setting('server_version') as v`)).rows[0]?.v ??
        '';
      return {
        version: APP_VERSION,
        database: { mode: database.mode, serverVersion: version },
        migrations: await one(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
        counts: {
          users: await one(sql`select count(*)::int as n from users`),
          platforms: await one(sql`select count(*)::int as n from platforms`),
          sessions: await one(sql`select count(*)::int as n from sessions`),
          auditRows: await one(sql`select count(*)::int as n from audit_log`),
        },
      };
    },
  };
}
export type SystemService = ReturnType<typeof createSystemService>;
