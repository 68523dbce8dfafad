/**
 * Fault suite, injected database faults (security checklist #40, #37; issue 11 deliverable 6):
 * the k-th call to PostgreSQL fails, for every k of one import and of one evaluation run.
 *
 * The fault is injected from the test at the pg client level — every `query` of every connection
 * of the pool the services use is counted and the k-th one rejects — so the product runs as it
 * does in production. For every k the operation fails cleanly and the data is exactly the
 * before-state; a call after the commit (reading the result back, releasing the job's lock) can
 * only meet the whole after-state, with the history saying succeeded. Run K+1 succeeds.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../platform/db/client';
import { testConfig, testDatabase, testKeyRing } from '../test/database';
import type { Actor } from '../modules/auth/core/access';
import { loadDemoCity } from '../modules/demo/city/load';
import { seedDemo } from '../modules/demo/demo.seed';
import { COLUMNS } from '../modules/imports/core/columns';
import { createServices } from './services';

const actor: Actor = {
  userId: 0,
  username: 'fault-test',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/** Counts every query on the pool's connections; the `failAt`-th one fails. */
function faulty(url: string) {
  const database = connect(url, 'external', null);
  const state = { calls: 0, failAt: 0, texts: [] as string[] };
  const patch = (client: pg.PoolClient) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      state.calls++;
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? first?.constructor?.name ?? '');
      state.texts.push(text.slice(0, 60));
      if (state.calls === state.failAt) {
        const error = new Error(`injected fault at database call ${state.calls}`);
        const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
        if (callback) {
          process.nextTick(() => callback(error));
          return undefined;
        }
        if (typeof first === 'object' && first && 'submit' in first) throw error;
        return Promise.reject(error);
      }
      return original(...args);
    };
  };
  database.pool.on('connect', (client) => patch(client));
  return {
    database,
    /** Counts from zero again; the `failAt`-th call from now fails (0: none). */
    arm(failAt: number) {
      state.calls = 0;
      state.texts = [];
      state.failAt = failAt;
    },
    state,
  };
}

let base: Database;
let dir: string;
let year: number;
const files: Record<'A' | 'B', string> = { A: '', B: '' };

const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;

async function fingerprintOf(database: Database, tables: string[]) {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await database.pool.query<{ n: number; h: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(j, '|' order by j), '')) as h
         from (select (to_jsonb(t) - array['created_at', 'updated_at', 'import_id', 'version', 'confirmed_at'])::text as j
                 from ${table} t) x`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return JSON.stringify(out);
}
const DATA = ['enterprises', 'enterprise_years', 'enterprise_labels', 'enterprise_contacts'];
const EVALUATION = ['evaluation_runs', 'evaluation_results'];

beforeAll(async () => {
  base = await testDatabase();
  await seedDemo(base);
  await loadDemoCity(base, { scale: 150, seed: 11, keys: testKeyRing() });
  const services = createServices(base, testConfig());
  await services.evaluation.methods.ensurePresets();
  year = (await base.pool.query<{ y: number }>('select max(year)::int as y from enterprise_years')).rows[0]!
    .y;
  const usccs = (
    await base.pool.query<{ uscc: string }>(
      'select e.uscc from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $1 order by e.id',
      [year],
    )
  ).rows.map((r) => r.uscc);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-dbfault-'));
  for (const [name, offset] of [
    ['A', 100],
    ['B', 900],
  ] as const) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度数据');
    ws.addRow([A('uscc'), A('year'), A('revenue'), A('tax'), A('employees')]);
    usccs.forEach((u, i) => ws.addRow([u, year, offset + i, (offset + i) / 10, 10 + (i % 40)]));
    files[name] = path.join(dir, `annual-${name}.xlsx`);
    await wb.xlsx.writeFile(files[name]);
  }
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the k-th database call fails', { timeout: 600_000 }, () => {
  it('for every k of one annual import: nothing partial, the history says failed; run K+1 succeeds', async () => {
    const f = faulty(base.url);
    const services = createServices(f.database, testConfig());
    const importOf = (file: string) =>
      services.imports.importNow(
        actor,
        { kind: 'annual', year, file, fileName: path.basename(file) },
        () => {},
      );
    // The clean run: how many calls, and which one commits the data.
    f.arm(0);
    expect((await importOf(files.A)).job.status).toBe('succeeded');
    const stateA = await fingerprintOf(base, DATA);
    f.arm(0);
    expect((await importOf(files.B)).job.status).toBe('succeeded');
    const stateB = await fingerprintOf(base, DATA);
    const calls = f.state.calls;
    const texts = [...f.state.texts];
    const commitAt = texts.findLastIndex((t) => t === 'commit') + 1;
    expect(calls).toBeGreaterThan(10);
    expect(commitAt).toBeGreaterThan(0);

    let current: 'A' | 'B' = 'B';
    let beforeCommit = 0;
    let afterCommit = 0;
    for (let k = 1; k <= calls; k++) {
      const target: 'A' | 'B' = current === 'A' ? 'B' : 'A';
      const before = current === 'A' ? stateA : stateB;
      const lastJob = (await base.pool.query<{ id: number }>('select max(id)::int as id from import_jobs'))
        .rows[0]!.id;
      f.arm(k);
      const outcome = await importOf(files[target]).then(
        (r) => ({ ok: r.job.status === 'succeeded', status: r.job.status }),
        (e: Error) => ({ ok: false, status: e.message }),
      );
      f.arm(0);
      const now = await fingerprintOf(base, DATA);
      const job = (
        await base.pool.query<{ id: number; status: string; problems: { code: string }[] }>(
          'select id, status, problems from import_jobs where id > $1',
          [lastJob],
        )
      ).rows;
      if (k <= commitAt) {
        expect(outcome.ok, `k=${k} (${texts[k - 1]})`).toBe(false);
        beforeCommit++;
        expect(now === before, `k=${k} (${texts[k - 1]}): data changed`).toBe(true);
        // Either no job was recorded (the fault hit its insert) or it is failed with the reason.
        for (const j of job) {
          expect(j.status, `k=${k}`).toBe('failed');
          expect(j.problems[0]!.code).toBe('IMPORT_FAILED');
        }
      } else {
        // Everything is committed; reading it back may fail (releasing the job's lock may not:
        // a connection that cannot unlock is discarded, and its lock with it).
        afterCommit++;
        expect(now === (target === 'A' ? stateA : stateB), `k=${k} (${texts[k - 1]})`).toBe(true);
        expect(job.map((j) => j.status)).toEqual(['succeeded']);
        current = target;
      }
    }
    // k = K + 1: no fault, it succeeds.
    const target: 'A' | 'B' = current === 'A' ? 'B' : 'A';
    f.arm(calls + 1);
    expect((await importOf(files[target])).job.status).toBe('succeeded');
    expect(await fingerprintOf(base, DATA)).toBe(target === 'A' ? stateA : stateB);
    console.log(
      `import: ${calls} database calls, commit at ${commitAt}; ${beforeCommit} faults before it, ${afterCommit} after`,
    );
    await f.database.close();
  });

  it('for every k of one evaluation run: no run or results are left; run K+1 succeeds', async () => {
    const f = faulty(base.url);
    const services = createServices(f.database, testConfig());
    const method = (await services.evaluation.methods.methodOrFail('huangyan-2022')).id;
    const evaluate = () => services.evaluation.runs.run(actor, { year, method, reason: 'fault test' });
    f.arm(0);
    const clean = await evaluate();
    const calls = f.state.calls;
    const texts = [...f.state.texts];
    const commitAt = texts.findLastIndex((t) => t === 'commit') + 1;
    expect(calls).toBeGreaterThan(5);
    const resultsOf = async (id: number) =>
      (
        await base.pool.query<{ h: string }>(
          `select md5(string_agg((to_jsonb(x) - 'run_id')::text, '|' order by x.enterprise_id)) as h
             from evaluation_results x where run_id = $1`,
          [id],
        )
      ).rows[0]!.h;
    const reference = await resultsOf(clean.id);

    for (let k = 1; k <= calls; k++) {
      const before = await fingerprintOf(base, EVALUATION);
      const audits = (
        await base.pool.query<{ n: number }>(
          "select count(*)::int as n from audit_log where action = 'evaluation.run'",
        )
      ).rows[0]!.n;
      f.arm(k);
      const ok = await evaluate().then(
        () => true,
        () => false,
      );
      f.arm(0);
      // Up to the commit every fault fails the run; after it (the audit chain's unlock) the run is
      // committed and its connection is discarded, so the run may report success.
      if (k <= commitAt) expect(ok, `k=${k} (${texts[k - 1]})`).toBe(false);
      const auditsNow = (
        await base.pool.query<{ n: number }>(
          "select count(*)::int as n from audit_log where action = 'evaluation.run'",
        )
      ).rows[0]!.n;
      if (k <= commitAt) {
        expect(await fingerprintOf(base, EVALUATION), `k=${k} (${texts[k - 1]})`).toBe(before);
        expect(auditsNow).toBe(audits);
      } else {
        const newest = (
          await base.pool.query<{ id: number }>('select max(id)::int as id from evaluation_runs')
        ).rows[0]!.id;
        expect(await resultsOf(newest)).toBe(reference);
        expect(auditsNow).toBe(audits + 1);
      }
    }
    f.arm(calls + 1);
    const last = await evaluate();
    expect(await resultsOf(last.id)).toBe(reference);
    console.log(`evaluation: ${calls} database calls, commit at ${commitAt}`);
    await f.database.close();
  });
});
