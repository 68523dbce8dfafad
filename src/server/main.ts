/** config → database → migrations → buildApp → listen; and a clean stop on SIGINT/SIGTERM. */
import type { Config } from '../platform/config';
import { buildApp } from './app';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client';
import { acquireServerLock, recordServerPort } from '../platform/server-lock';
import { seedDemo, type DemoCredentials } from '../modules/demo/demo.seed';
import { DEFAULT_DEMO_SEED, loadDemoCity } from '../modules/demo/city/load';
import { seedDemoEvaluations } from '../modules/demo/demo-evaluations';

/** How often dormant accounts are disabled and stale sessions purged. */
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  demo: DemoCredentials | null;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const release = config.databaseUrl ? async () => {} : await acquireServerLock(config.dataDir, config.port);
  let database: Database | null = null;
  try {
    database = await openDatabase(config);
    await migrateDatabase(database);
    const demo = config.demo ? await seedDemo(database) : null;
    // The default demo city, only when none has been generated yet (restarts stay fast).
    if (config.demo && config.demoScale > 0)
      await loadDemoCity(database, { scale: config.demoScale, seed: DEFAULT_DEMO_SEED, ifNone: true });
    const { app, services } = await buildApp(config, database);
    await services.evaluation.methods.ensurePresets();
    await services.targets.ensurePlan();
    if (config.demo) await seedDemoEvaluations(services.evaluation);
    await services.imports.failInterrupted();
    // Dormant accounts and stale sessions: at start, then every hour.
    const housekeeping = () =>
      services.auth
        .housekeeping()
        .catch((error: Error) => app.log.error({ err: error }, 'account housekeeping failed'));
    await housekeeping();
    const housekeepingTimer = setInterval(() => void housekeeping(), HOUSEKEEPING_INTERVAL_MS);
    housekeepingTimer.unref();
    // Compute the cockpit's metrics now, so the first visitor does not wait for them.
    void services.metrics
      .snapshot()
      .catch((error: Error) => app.log.warn({ err: error }, 'metrics warm-up failed'));
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (!config.databaseUrl) await recordServerPort(config.dataDir, port);
    const db = database;
    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        clearInterval(housekeepingTimer);
        await app.close();
        // The server owns the embedded cluster, also one it attached to after a crash.
        await db.close({ stopEmbedded: true });
        await release();
      })());
    return { url: `http://localhost:${port}`, port, database: db, demo, stop };
  } catch (error) {
    await database?.close({ stopEmbedded: true }).catch(() => {});
    await release();
    throw error;
  }
}
