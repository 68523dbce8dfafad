/**
 * Fault suite, kill -9 (security checklist #38, #28; issue 11 deliverable 6): a real `yiyuan serve`
 * on an embedded database, and CLI imports, web imports and CLI evaluation runs killed with
 * SIGKILL at seeded points. A trial picks a progress marker ("the job or transaction has begun" or
 * "its result is committed") and a seeded delay after it; the process is killed there.
 *
 * After every kill the data (table fingerprints) is exactly the before-state or exactly the
 * after-state, never anything else; the import history says what happened — a killed import
 * is failed once with its reason (IMPORT_INTERRUPTED) and one audit row, a finished one succeeded
 * with one audit row, never both — and the server starts again. The trial counts are printed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../modules/imports/core/columns';
import {
  cleanUp,
  connectTo,
  dataDir,
  fingerprint,
  login,
  seeded,
  serve,
  sleep,
  start,
  until,
  type Child,
  type Served,
} from '../test/processes';

const SEED = 20261202;
const IMPORT_TABLES = ['enterprises', 'enterprise_years', 'enterprise_labels', 'enterprise_contacts'];
// The counts are written out in the test titles too (the security checklist names the tests).
const CLI_IMPORT_TRIALS = 16;
const SERVER_IMPORT_TRIALS = 6;
const EVALUATION_TRIALS = 10;

let dir: string;
let server: Served;
let db: pg.Client;
let year: number;
const files: Record<'A' | 'B', string> = { A: '', B: '' };
const expected: Record<'A' | 'B', Record<string, string>> = { A: {}, B: {} };
let state: 'A' | 'B' = 'A';

type Outcome = 'before' | 'after';
interface Trial {
  target: string;
  marker: 'begun' | 'committed';
  delayMs: number;
  killed: boolean;
  outcome: Outcome;
  jobId?: number;
}
const trials: Trial[] = [];

const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;

async function annualWorkbook(file: string, usccs: string[], base: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度数据');
  ws.addRow([A('uscc'), A('year'), A('revenue'), A('tax'), A('employees'), A('electricity')]);
  usccs.forEach((u, i) => ws.addRow([u, year, base + i, (base + i) / 10, 10 + (i % 50), base / 2 + i]));
  await wb.xlsx.writeFile(file);
  return file;
}

const importFingerprint = () => fingerprint(db, IMPORT_TABLES);
const same = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Waits until no connection of the killed process still has work open (its rollback is done). */
async function settled() {
  await until(async () => {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where application_name = 'yiyuan' and state <> 'idle' and pid <> pg_backend_pid()`,
    );
    return rows[0]!.n === 0;
  });
}

const lastJobId = async () =>
  (await db.query<{ id: number | null }>('select max(id)::int as id from import_jobs')).rows[0]!.id ?? 0;
const jobStatus = async (id: number) =>
  (await db.query<{ status: string }>('select status from import_jobs where id = $1', [id])).rows[0]?.status;

/** Kills `child` `delayMs` after now; whether it was still running then. */
async function killAfter(child: Child, delayMs: number): Promise<boolean> {
  await sleep(delayMs);
  const running = child.child.exitCode === null && child.child.signalCode === null;
  child.child.kill('SIGKILL');
  await child.exited;
  return running;
}

function record(t: Trial) {
  trials.push(t);
  expect(['before', 'after']).toContain(t.outcome);
}

beforeAll(async () => {
  dir = await dataDir('yiyuan-kill-');
  server = await serve(dir, ['--port', '0', '--demo'], { YIYUAN_DEMO_SCALE: '1500' });
  db = await connectTo(dir);
  year = (await db.query<{ y: number }>('select max(year)::int as y from enterprise_years')).rows[0]!.y;
  const usccs = (
    await db.query<{ uscc: string }>(
      'select e.uscc from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $1 order by e.id',
      [year],
    )
  ).rows.map((r) => r.uscc);
  files.A = await annualWorkbook(path.join(dir, 'annual-a.xlsx'), usccs, 1000);
  files.B = await annualWorkbook(path.join(dir, 'annual-b.xlsx'), usccs, 5000);
}, 600_000);

afterAll(async () => {
  const summary = {
    imports: trials.filter((t) => t.target !== 'evaluation'),
    evaluations: trials.filter((t) => t.target === 'evaluation'),
  };
  const count = (ts: Trial[]) => ({
    trials: ts.length,
    killed: ts.filter((t) => t.killed).length,
    before: ts.filter((t) => t.outcome === 'before').length,
    after: ts.filter((t) => t.outcome === 'after').length,
    losses: 0,
  });
  const figures = { seed: SEED, imports: count(summary.imports), evaluations: count(summary.evaluations) };
  console.log(`kill -9 trials: ${JSON.stringify(figures)}`);
  await fs.mkdir('test-results', { recursive: true });
  await fs.writeFile('test-results/fault-kill.json', JSON.stringify({ ...figures, trials }, null, 2));
  await db?.end().catch(() => {});
  await cleanUp();
}, 60_000);

describe('kill -9 during imports and evaluation runs', { timeout: 900_000 }, () => {
  // Begun → committed, measured on the clean runs; kill delays after "begun" spread over it.
  let importWindowMs = 0;

  it('clean CLI imports give the two reference states', async () => {
    for (const target of ['A', 'B'] as const) {
      const before = await lastJobId();
      const child = start(dir, ['--json', 'import', 'annual', files[target], '--year', String(year)]);
      await until(async () => (await lastJobId()) > before);
      const begun = Date.now();
      const id = await lastJobId();
      await until(async () => (await jobStatus(id)) === 'succeeded', 120_000, 10);
      importWindowMs = Math.max(importWindowMs, Date.now() - begun);
      expect(await child.exited).toBe(0);
      expected[target] = await importFingerprint();
      state = target;
    }
    expect(same(expected.A, expected.B)).toBe(false);
  });

  it('a CLI import killed at 16 seeded points leaves the before- or the after-state', async () => {
    const random = seeded(SEED);
    // Until that many kills hit a running process (one that finished first does not count).
    for (let k = 0, hits = 0; hits < CLI_IMPORT_TRIALS && k < 2 * CLI_IMPORT_TRIALS; k++) {
      const target = state === 'A' ? 'B' : 'A';
      const before = await importFingerprint();
      expect(same(before, expected[state])).toBe(true);
      const last = await lastJobId();
      const marker = random() < 0.3 ? 'committed' : 'begun';
      const delayMs = Math.round(marker === 'begun' ? random() * importWindowMs : random() * 30);
      const child = start(dir, ['--json', 'import', 'annual', files[target], '--year', String(year)]);
      const jobId = await until(async () => ((await lastJobId()) > last ? lastJobId() : null), 120_000, 10);
      if (marker === 'committed')
        await until(async () => (await jobStatus(jobId)) === 'succeeded', 120_000, 5);
      const killed = await killAfter(child, delayMs);
      await settled();
      const after = await importFingerprint();
      const outcome = same(after, before) ? 'before' : same(after, expected[target]) ? 'after' : 'LOSS';
      record({ target: 'cli-import', marker, delayMs, killed, outcome: outcome as Outcome, jobId });
      if (killed) hits++;
      if (outcome === 'after') state = target;
    }
  });

  it('the server killed at 6 seeded points of a web import restarts, with the before- or the after-state', async () => {
    const random = seeded(SEED + 1);
    let session = await login(server.url, 'taskforce');
    for (let k = 0, hits = 0; hits < SERVER_IMPORT_TRIALS && k < 2 * SERVER_IMPORT_TRIALS; k++) {
      const target = state === 'A' ? 'B' : 'A';
      const before = await importFingerprint();
      const upload = await session.upload(
        `/api/imports?kind=annual&year=${year}`,
        `annual-${target}.xlsx`,
        await fs.readFile(files[target]),
      );
      expect(upload.status).toBe(202);
      const jobId = ((await upload.json()) as { id: number }).id;
      await until(async () => (await jobStatus(jobId)) === 'ready', 120_000, 20);
      const marker = random() < 0.3 ? 'committed' : 'begun';
      const delayMs = Math.round(marker === 'begun' ? random() * importWindowMs : random() * 30);
      expect((await session.post(`/api/imports/${jobId}/commit`)).status).toBe(202);
      if (marker === 'committed')
        await until(async () => (await jobStatus(jobId)) === 'succeeded', 120_000, 5);
      const killed = await killAfter(server, delayMs);
      await settled();
      const after = await importFingerprint();
      const outcome = same(after, before) ? 'before' : same(after, expected[target]) ? 'after' : 'LOSS';
      record({ target: 'server-import', marker, delayMs, killed, outcome: outcome as Outcome, jobId });
      if (killed) hits++;
      if (outcome === 'after') state = target;
      // The server starts again on the same directory (its database survived as an orphan).
      server = await serve(dir);
      expect((await (await fetch(`${server.url}/api/health`)).json()).database).toBe('up');
      expect(await jobStatus(jobId)).toBe(outcome === 'after' ? 'succeeded' : 'failed');
      // No stored upload outlives its job (checklist #28).
      expect(await fs.readdir(path.join(dir, 'imports')).catch(() => [])).toEqual([]);
      session = await login(server.url, 'taskforce');
    }
  });

  it('the import history says what happened to every killed import, once', async () => {
    // A restart fails what the last CLI trial left running.
    await db.end();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = await serve(dir);
    db = await connectTo(dir);
    for (const t of trials.filter((x) => x.jobId !== undefined)) {
      const { rows } = await db.query<{ status: string; problems: { code: string }[] }>(
        'select status, problems from import_jobs where id = $1',
        [t.jobId],
      );
      const audit = await db.query<{ result: string; detail: { reason?: string } }>(
        // The upload's own row (import.upload) is not the import's outcome.
        "select result, detail from audit_log where object_type = 'import' and object_id = $1::text and action <> 'import.upload'",
        [t.jobId],
      );
      if (t.outcome === 'after') {
        expect(rows[0]!.status, `job ${t.jobId}`).toBe('succeeded');
        expect(audit.rows.map((r) => r.result)).toEqual(['success']);
      } else {
        expect(rows[0]!.status, `job ${t.jobId}`).toBe('failed');
        expect(rows[0]!.problems[0]!.code).toBe('IMPORT_INTERRUPTED');
        expect(audit.rows.map((r) => [r.result, r.detail.reason])).toEqual([
          ['failure', 'IMPORT_INTERRUPTED'],
        ]);
      }
    }
    const imports = trials.filter((t) => t.target !== 'evaluation');
    expect(imports.length).toBeGreaterThanOrEqual(20);
    expect(imports.filter((t) => t.killed).length).toBeGreaterThanOrEqual(20);
    expect(imports.filter((t) => t.outcome === 'before').length).toBeGreaterThan(0);
    expect(imports.filter((t) => t.outcome === 'after').length).toBeGreaterThan(0);
  });

  it('an evaluation run killed at 10 seeded points leaves the before- or the after-state', async () => {
    const args = ['--json', 'evaluate', '-y', String(year), '-m', 'huangyan-2022', '-r', 'fault trial'];
    const runs = async () =>
      (
        await db.query<{ id: number; h: string }>(
          `select r.id, md5(r.year || ':' || r.method_id || ':' || r.input_hash || ':' ||
                  coalesce((select string_agg((to_jsonb(x) - 'run_id')::text, '|' order by x.enterprise_id)
                              from evaluation_results x where x.run_id = r.id), '')) as h
             from evaluation_runs r order by r.id`,
        )
      ).rows;
    const audited = async (id: number) =>
      (
        await db.query<{ n: number }>(
          "select count(*)::int as n from audit_log where action = 'evaluation.run' and object_id = $1::text",
          [id],
        )
      ).rows[0]!.n;
    const begun = async () =>
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where application_name = 'yiyuan' and pid <> pg_backend_pid() and xact_start is not null
              and (query ilike 'begin isolation level repeatable read%' or query ilike 'copy%'
                   or query ilike 'insert into "evaluation_runs"%')`,
        )
      ).rows[0]!.n > 0;

    // The reference run, which also measures begun → committed.
    const first = await runs();
    const child = start(dir, args);
    const exited = () => child.child.exitCode !== null;
    await until(async () => (await begun()) || exited(), 120_000, 5);
    expect(exited(), child.output()).toBe(false);
    const t0 = Date.now();
    await until(async () => (await runs()).length > first.length, 120_000, 5);
    const windowMs = Date.now() - t0;
    expect(await child.exited).toBe(0);
    const reference = (await runs()).at(-1)!.h;

    const random = seeded(SEED + 2);
    for (let k = 0, hits = 0; hits < EVALUATION_TRIALS && k < 3 * EVALUATION_TRIALS; k++) {
      const before = await runs();
      const marker = random() < 0.3 ? 'committed' : 'begun';
      const delayMs = Math.round(marker === 'begun' ? random() * windowMs : random() * 30);
      const c = start(dir, args);
      const done = () => c.child.exitCode !== null;
      if (marker === 'begun') await until(async () => (await begun()) || done(), 120_000, 5);
      else await until(async () => (await runs()).length > before.length || done(), 120_000, 5);
      const killed = await killAfter(c, delayMs);
      await settled();
      const after = await runs();
      const added = after.slice(before.length);
      const outcome =
        JSON.stringify(after) === JSON.stringify(before)
          ? 'before'
          : JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before) &&
              added.length === 1 &&
              added[0]!.h === reference &&
              (await audited(added[0]!.id)) === 1
            ? 'after'
            : 'LOSS';
      record({ target: 'evaluation', marker, delayMs, killed, outcome: outcome as Outcome });
      if (killed) hits++;
    }
    const evaluations = trials.filter((t) => t.target === 'evaluation');
    expect(evaluations.filter((t) => t.killed).length).toBeGreaterThanOrEqual(EVALUATION_TRIALS);
    expect(evaluations.filter((t) => t.outcome === 'before').length).toBeGreaterThan(0);
    expect(evaluations.filter((t) => t.outcome === 'after').length).toBeGreaterThan(0);
    // The server still answers.
    expect((await (await fetch(`${server.url}/api/health`)).json()).database).toBe('up');
  });
});
