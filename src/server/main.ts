/** config → database → migrations → buildApp → listen; and a clean stop on SIGINT/SIGTERM. */
import { serverUrl, type Config } from '../platform/config';
import { keyRingOf } from '../platform/crypto/keys';
import { buildApp } from './app';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client';
import { acquireServerLock, assertPortFree, recordServerPort } from '../platform/server-lock';
import { seedDemo, type DemoCredentials } from '../modules/demo/demo.seed';
import { DEFAULT_DEMO_SEED, loadDemoCity } from '../modules/demo/city/load';
import { seedDemoEvaluations } from '../modules/demo/demo-evaluations';
import { seedDemoStats } from '../modules/demo/demo-stats';
import { setNotifyLog } from '../modules/notifications/notifications.service';

/** How often dormant accounts are disabled and stale sessions purged. */
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  demo: DemoCredentials | null;
  stop(): Promise<void>;
}

/** Who the audit trail names for what the server does by itself at start-up. */
const STARTUP_SUBJECT = { userId: null, username: 'system:startup', ip: null };
/** How often queued group-robot messages are sent. */
const DELIVERY_INTERVAL_MS = 15_000;
/** How often the upload retention is applied while the server runs. */
const UPLOAD_SWEEP_MS = 10 * 60_000;

export async function startServer(config: Config): Promise<RunningServer> {
  // No personal-information key, no server (production); demo mode makes a key file. Checked
  // before anything starts, so the refusal is the only thing the operator sees.
  const keys = keyRingOf(config);
  // Port and data-directory lock first: a server that cannot run must not touch the database.
  await assertPortFree(config.host, config.port);
  const release = config.databaseUrl ? async () => {} : await acquireServerLock(config.dataDir, config.port);
  let database: Database | null = null;
  try {
    database = await openDatabase(config);
    await migrateDatabase(database);
    const demo = config.demo ? await seedDemo(database) : null;
    // The default demo city, only when none has been generated yet (restarts stay fast).
    if (config.demo && config.demoScale > 0)
      await loadDemoCity(database, {
        scale: config.demoScale,
        seed: DEFAULT_DEMO_SEED,
        ifNone: true,
        keys: keys.ring,
      });
    const { app, services } = await buildApp(config, database);
    if (keys.generated)
      app.log.warn(
        { file: keys.generated, keyId: keys.ring.current.id },
        'demo mode: generated a personal-information key file (set YIYUAN_PI_KEY or YIYUAN_PI_KEY_FILE in production)',
      );
    for (const warning of keys.warnings) app.log.warn(warning);
    app.log.info(
      { source: keys.source === 'YIYUAN_PI_KEY' ? keys.source : 'key file', keyIds: keys.ring.ids },
      'personal-information keys loaded',
    );
    // Clear numbers of a database from before sealing: sealed now, their column dropped.
    const sealed = await services.personalInfo.sealLegacy(STARTUP_SUBJECT);
    if (sealed) app.log.warn({ sealed }, 'sealed clear contact phone numbers left by an earlier version');
    const sealedTotp = await services.personalInfo.sealLegacyTotp(STARTUP_SUBJECT);
    if (sealedTotp) app.log.warn({ sealedTotp }, 'sealed clear TOTP secrets left by an earlier version');
    await services.evaluation.methods.ensurePresets();
    await services.targets.ensurePlan();
    if (config.demo) {
      await seedDemoEvaluations(services.evaluation);
      await seedDemoStats(services);
    }
    await services.imports.failInterrupted();
    // Dormant accounts, stale sessions and stalled projects: at start, then every hour.
    // Stalled investment projects: their notices (once per project, stage and level) go out too.
    const housekeeping = () =>
      Promise.all([
        services.auth
          .housekeeping()
          .catch((error: Error) => app.log.error({ err: error }, 'account housekeeping failed')),
        services.projects
          .sweepStalls()
          .catch((error: Error) => app.log.warn({ err: error }, 'project stall sweep failed')),
      ]);
    await housekeeping();
    const housekeepingTimer = setInterval(() => void housekeeping(), HOUSEKEEPING_INTERVAL_MS);
    housekeepingTimer.unref();
    // Compute the cockpit's metrics now, so the first visitor does not wait for them.
    void services.metrics
      .snapshot()
      .catch((error: Error) => app.log.warn({ err: error }, 'metrics warm-up failed'));
    // Fastify's own "listening" line names the same address as the banner.
    await app.listen({
      port: config.port,
      host: config.host,
      listenTextResolver: (address) =>
        `Server listening at ${serverUrl(config.host, Number(new URL(address).port))}`,
    });
    // Uploads never confirmed are deleted once their retention is over, also when no one uploads.
    const sweeper = setInterval(
      () =>
        void services.imports
          .sweep()
          .catch((error: Error) => app.log.warn({ err: error }, 'upload sweep failed')),
      UPLOAD_SWEEP_MS,
    );
    sweeper.unref();
    // Group-robot messages (the notifications outbox): sent outside any request, one pass at a time.
    setNotifyLog((err, input) => app.log.error({ err, ...input }, 'notification failed; the step went on'));
    let delivering: Promise<void> | null = null;
    const deliverer = setInterval(() => {
      delivering ??= services.notifications
        .deliverDue()
        .then((run) => {
          if (run.failed) app.log.warn(run, 'webhook messages failed after their last attempt');
        })
        .catch((error: Error) => app.log.warn({ err: error }, 'webhook delivery pass failed'))
        .finally(() => (delivering = null));
    }, DELIVERY_INTERVAL_MS);
    deliverer.unref();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (!config.databaseUrl) await recordServerPort(config.dataDir, port);
    const db = database;
    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        clearInterval(sweeper);
        clearInterval(deliverer);
        await delivering;
        clearInterval(housekeepingTimer);
        await app.close();
        // The server owns the embedded cluster, also one it attached to after a crash.
        await db.close({ stopEmbedded: true });
        await release();
      })());
    return { url: serverUrl(config.host, port), port, database: db, demo, stop };
  } catch (error) {
    // A cluster this server attached to (e.g. one a CLI import started) keeps running.
    await database?.close({ stopEmbedded: Boolean(database.embedded?.startedHere) }).catch(() => {});
    await release();
    throw error;
  }
}
