import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config';
import { openEmbedded, type EmbeddedCluster } from './embedded';
import { APP_ROLE, ensureAppRole } from './roles';
import * as schema from './schema';
import { unitOfWork, type Db, type Transaction } from './unit-of-work';

// NUMERIC and BIGINT come back as JS numbers (amounts are in 万元, far below 2^53).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type { Db, Tx, Transaction, TransactionOptions } from './unit-of-work';

/** Connections with the schema owner's rights: migrations, restores, audit purges (never requests). */
export interface OwnerAccess {
  db: Db;
  transaction: Transaction;
  pool: pg.Pool;
}

export interface Database {
  /** Statements outside a transaction (each one commits on its own), as the application role. */
  db: Db;
  /** The one way to run several statements as one unit: see `unit-of-work.ts`. */
  transaction: Transaction;
  /** The application's pool: every connection acts as the least-privilege role `yiyuan_app`. */
  pool: pg.Pool;
  /** The schema owner's connections (opened only when used). */
  owner: OwnerAccess;
  mode: 'embedded' | 'external';
  /** The owner's connection string (DATABASE_URL, or the embedded cluster's). */
  url: string;
  embedded: EmbeddedCluster | null;
  /** Closes the pool; stops the embedded cluster when `stopEmbedded` is true. */
  close(options?: { stopEmbedded?: boolean }): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Pools for a database: the application's (as `yiyuan_app`: logged in as it with `appUrl`, or the
 * owner's login acting as it, set at connection start) and the owner's.
 */
export function connect(
  url: string,
  mode: Database['mode'],
  embedded: EmbeddedCluster | null,
  options: { appUrl?: string | null } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: options.appUrl ?? url,
    options: `-c role=${APP_ROLE}`,
    max: 10,
    application_name: 'yiyuan',
  });
  pool.on('error', () => {}); // idle-client errors (e.g. database restart) must not crash the process
  const ownerPool = new pg.Pool({ connectionString: url, max: 3, application_name: 'yiyuan-owner' });
  ownerPool.on('error', () => {});
  return {
    db: drizzle(pool, { schema }),
    transaction: unitOfWork(pool),
    pool,
    owner: { db: drizzle(ownerPool, { schema }), transaction: unitOfWork(ownerPool), pool: ownerPool },
    mode,
    url,
    embedded,
    async close(options = {}) {
      await Promise.all([pool.end(), ownerPool.end()]);
      if (options.stopEmbedded && embedded) await embedded.stop();
    },
  };
}

/** Opens the configured database: `DATABASE_URL` if set, otherwise the embedded cluster. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'appDatabaseUrl' | 'dataDir'>,
): Promise<Database> {
  if (config.databaseUrl)
    return connect(config.databaseUrl, 'external', null, { appUrl: config.appDatabaseUrl });
  const embedded = await openEmbedded(config.dataDir);
  return connect(embedded.url, 'embedded', embedded, { appUrl: embedded.appUrl });
}

/**
 * Applies pending migrations as the owner, then (re)creates the application role and its grants;
 * an advisory lock keeps concurrent starters from racing.
 */
export async function migrateDatabase(database: Database): Promise<number> {
  const client = await database.owner.pool.connect();
  try {
    await client.query('select pg_advisory_lock(727400)');
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      await ensureAppRole(client, { password: database.embedded?.appPassword });
    } finally {
      await client.query('select pg_advisory_unlock(727400)');
    }
    const applied = await client.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    return applied.rows[0]?.n ?? 0;
  } finally {
    client.release();
  }
}
