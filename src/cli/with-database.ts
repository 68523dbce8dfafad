import type { Config } from '../platform/config';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client';
import { readServerLock } from '../platform/server-lock';

/**
 * Runs `fn` with the configured database: attaches to a running embedded cluster (e.g. the
 * server's) or starts it, and stops it afterwards only if this command started it and no server
 * has taken the directory meanwhile.
 */
export async function withDatabase<T>(
  config: Config,
  fn: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase(config);
  try {
    if (options.migrate !== false) await migrateDatabase(database);
    return await fn(database);
  } finally {
    const stopEmbedded = Boolean(database.embedded?.startedHere) && !(await readServerLock(config.dataDir));
    await database.close({ stopEmbedded });
  }
}
