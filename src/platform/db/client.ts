import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config';
import { openEmbedded, type EmbeddedCluster } from './embedded';
import * as schema from './schema';
import { unitOfWork, type Db, type Transaction } from './unit-of-work';

// NUMERIC and BIGINT come back as JS numbers (amounts are in 万元, far below 2^53).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type { Db, Tx, Transaction, TransactionOptions } from './unit-of-work';

export interface Database {
  /** Statements outside a transaction (each one commits on its own). */
  db: Db;
  /** The one way to run several statements as one unit: see `unit-of-work.ts`. */
  transaction: Transaction;
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  url: string;
  embedded: EmbeddedCluster | null;
  /** Closes the pool; stops the embedded cluster when `stopEmbedded` is true. */
  close(options?: { stopEmbedded?: boolean }): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function connect(url: string, mode: Database['mode'], embedded: EmbeddedCluster | null): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'yiyuan' });
  pool.on('error', () => {}); // idle-client errors (e.g. database restart) must not crash the process
  return {
    db: drizzle(pool, { schema }),
    transaction: unitOfWork(pool),
    pool,
    mode,
    url,
    embedded,
    async close(options = {}) {
      await pool.end();
      if (options.stopEmbedded && embedded) await embedded.stop();
    },
  };
}

/** Opens the configured database: `DATABASE_URL` if set, otherwise the embedded cluster. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return connect(config.databaseUrl, 'external', null);
  const embedded = await openEmbedded(config.dataDir);
  return connect(embedded.url, 'embedded', embedded);
}

/** Applies pending migrations; an advisory lock keeps concurrent starters from racing. */
export async function migrateDatabase(database: Database): Promise<number> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(727400)');
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
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
