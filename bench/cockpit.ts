/**
 * Benchmark: the city cockpit API under 20 concurrent clients on the 100,000-firm demo city
 * (`yiyuan demo --scale 100000`, seed 1), against a trivial endpoint (`/api/auth/me`: the same
 * session check, no work) on the same server in the same run.
 *
 *   node --import tsx bench/cockpit.ts [scale] [seconds]   (embedded PostgreSQL in a temp dir, or DATABASE_URL)
 *
 * Goal: cockpit p95 < 300 ms. Each client sends its next request when the last one answered
 * (closed loop, keep-alive); latencies are every request's, percentiles exact (sorted).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/platform/config';
import { keyRingOf } from '../src/platform/crypto/keys';
import { connect, migrateDatabase, type Database } from '../src/platform/db/client';
import { openEmbedded } from '../src/platform/db/embedded';
import { DEFAULT_DEMO_SEED, loadDemoCity } from '../src/modules/demo/city/load';
import { DEMO_PASSWORD, seedDemo } from '../src/modules/demo/demo.seed';

const SCALE = Number(process.argv[2] ?? 100_000);
const SECONDS = Number(process.argv[3] ?? 15);
const CLIENTS = 20;

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function request(
  port: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** 20 closed-loop clients for `seconds`; every latency in ms. */
async function load(port: number, url: string, cookie: string, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await request(port, 'GET', url, { cookie });
        latencies.push(performance.now() - t);
        if (res.status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-bench-'));
  await fs.chmod(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await openEmbedded(dir);
  const database: Database = connect(
    process.env.DATABASE_URL || embedded!.url,
    embedded ? 'embedded' : 'external',
    embedded,
  );
  try {
    await migrateDatabase(database);
    await seedDemo(database);
    // A throw-away personal-information key (demo mode would write a key file instead).
    const config = loadConfig(
      { ...process.env, LOG_LEVEL: 'silent', YIYUAN_PI_KEY: randomBytes(32).toString('base64') },
      { port: 0, dataDir: dir },
    );
    const t0 = performance.now();
    const city = await loadDemoCity(database, {
      scale: SCALE,
      seed: DEFAULT_DEMO_SEED,
      replace: true,
      keys: keyRingOf(config).ring,
    });
    console.log(
      `demo city: ${city?.enterprises.toLocaleString('en')} enterprises in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const { app, services } = await buildApp(config, database);
    await services.evaluation.methods.ensurePresets();
    await services.targets.ensurePlan();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const login = await request(
      port,
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json', 'x-csrf-token': 'bench' },
      JSON.stringify({ username: 'taskforce', password: DEMO_PASSWORD }),
    );
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.body}`);
    const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

    let t = performance.now();
    const first = await request(port, 'GET', '/api/cockpit', { cookie });
    const coldMs = performance.now() - t;
    if (first.status !== 200) throw new Error(`cockpit: ${first.status} ${first.body}`);
    t = performance.now();
    await request(port, 'GET', '/api/cockpit', { cookie });
    const warmMs = performance.now() - t;
    console.log(
      `cockpit: first answer ${coldMs.toFixed(0)} ms (computes the metrics), next ${warmMs.toFixed(1)} ms; ` +
        `${(first.body.length / 1024).toFixed(0)} KiB`,
    );

    await load(port, '/api/auth/me', cookie, 2); // warm-up both paths
    await load(port, '/api/cockpit', cookie, 2);
    const trivial = await load(port, '/api/auth/me', cookie, SECONDS);
    const cockpit = await load(port, '/api/cockpit', cookie, SECONDS);
    const row = (name: string, r: typeof trivial) =>
      `${name.padEnd(16)}${String(r.requests).padStart(8)}${r.perSecond.toFixed(0).padStart(9)}` +
      `${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${String(r.errors).padStart(8)}`;
    console.log(`\n${CLIENTS} clients, ${SECONDS} s each, same server, same run`);
    console.log(
      `${'endpoint'.padEnd(16)}${'requests'.padStart(8)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}`,
    );
    console.log(row('/api/auth/me', trivial));
    console.log(row('/api/cockpit', cockpit));
    console.log(
      `\nratio cockpit ÷ trivial: p50 ${(cockpit.p50 / trivial.p50).toFixed(2)}, p95 ${(cockpit.p95 / trivial.p95).toFixed(2)}` +
        `\ngoal p95 < 300 ms: ${cockpit.p95 < 300 ? 'met' : 'NOT met'}`,
    );
    await app.close();
  } finally {
    agent.destroy();
    await database.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
