/**
 * Benchmark: a full per-mu evaluation run (read, score, class, write results) on the 100,000-firm
 * demo city (`yiyuan demo --scale 100000`, seed 1), against a hand-written SQL statement that
 * computes the same totals, ranks and classes inside PostgreSQL, measured in the same process.
 * Also the pure scoring core alone (enterprise scores per second).
 *
 *   node --import tsx bench/evaluation.ts [scale]   (embedded PostgreSQL in a temp dir, or DATABASE_URL)
 *
 * Goals: run ≤ 3 × the SQL baseline (median of 3) and < 10 s; core ≥ 1,000,000 scores per second
 * (median of 5 runs, after a warm-up). Prints each measurement and whether each goal is met.
 * The SQL statement implements the published huangyan-2022 method (domain guide §5.3, Wenling
 * bands §5.4); the bench checks that its totals and classes agree with the engine's.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect, migrateDatabase, type Database } from '../src/platform/db/client';
import { openEmbedded } from '../src/platform/db/embedded';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { PiKeyRing } from '../src/platform/crypto/personal-info';
import { DEFAULT_DEMO_SEED, loadDemoCity } from '../src/modules/demo/city/load';
import { DEMO_EVALUATION_ACTOR as actor } from '../src/modules/demo/demo-evaluations';
import { createEvaluationService } from '../src/modules/evaluation/evaluation.service';
import { loadFirms } from '../src/modules/evaluation/runs/run-input.repository';
import { PRESETS } from '../src/modules/evaluation/core/presets';
import { evaluate, score } from '../src/modules/evaluation/core/score';

const SCALE = Number(process.argv[2] ?? 100_000);
const YEAR = 2025;
const REPEAT = 3;
/** Runs of the pure core whose median is its throughput. */
const CORE_RUNS = 5;
const METHOD = 'huangyan-2022';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

/** huangyan-2022 in one statement: indicators, missing-emissions average, totals, ranks, classes. */
const BASELINE_SQL = `
create temp table bench_totals as
with f as (
  select e.id,
    case when coalesce(e.scale_override, case when y.revenue >= 2000 then 'above' else 'below' end) = 'above' then 'above'
         when coalesce(e.own_land_mu, 0) >= 3 then 'below' end as cohort,
    e.own_land_mu::float8 as land, y.tax::float8 as tax, y.value_added::float8 as va, y.revenue::float8 as rev,
    y.energy_tce::float8 as energy, y.emissions::float8 as emis, y.employees::float8 as emp,
    y.rd_spending::float8 as rd, y.electricity::float8 as elec
  from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $1
), p as (
  select id, cohort,
    case when cohort = 'above' then
      coalesce(30 * tax / nullif(case when land > 0 then land end, 0) / 24.097, 0)
      + coalesce(20 * va / case when land > 0 then land end / 136.16, 0)
      + coalesce(20 * va / case when energy > 0 then energy end / 2.694, 0)
      + coalesce(10 * rd / case when rev > 0 then rev end / 0.0302, 0)
      + coalesce(10 * va / case when emp > 0 then emp end / 18.14, 0)
    else
      coalesce(50 * tax / case when land > 0 then land end / 11.5932, 0)
      + coalesce(50 * tax / case when elec > 0 then elec end / 0.2352, 0)
    end as base,
    case when cohort = 'above' then 10 * va / case when emis > 0 then emis end / 4929.81 end as emission_points
  from f where cohort is not null
), s as (
  select id, cohort,
    round((base + case when cohort = 'above'
      then coalesce(emission_points, avg(emission_points) over (partition by cohort), 0) else 0 end)::numeric, 2) as score
  from p
), r as (
  select id, cohort, score, rank() over (partition by cohort order by score desc) as rk, count(*) over (partition by cohort) as n
  from s
)
select id, cohort, score, rk,
  case when cohort = 'above' then
    case when rk <= floor(n * 0.20 + 0.5) then 'A' when rk <= floor(n * 0.80 + 0.5) then 'B'
         when rk <= floor(n * 0.95 + 0.5) then 'C' else 'D' end
  else
    case when rk <= floor(n * 0.05 + 0.5) then 'A' when rk <= floor(n * 0.75 + 0.5) then 'B'
         when rk <= floor(n * 0.95 + 0.5) then 'C' else 'D' end
  end as class
from r`;

type Evaluation = ReturnType<typeof createEvaluationService>;

async function openBenchDatabase(dir: string): Promise<Database> {
  const embedded = process.env.DATABASE_URL ? null : await openEmbedded(dir);
  return connect(process.env.DATABASE_URL ?? embedded!.url, embedded ? 'embedded' : 'external', embedded);
}

/** The demo city and last year's published run (the run reads real prior classes: escalation). */
async function prepare(database: Database, ev: Evaluation) {
  await migrateDatabase(database);
  await seedDemo(database);
  const [city, loadSeconds] = await time(() =>
    loadDemoCity(database, {
      scale: SCALE,
      seed: DEFAULT_DEMO_SEED,
      replace: true,
      keys: new PiKeyRing([randomBytes(32)]),
    }),
  );
  console.log(
    `demo city: ${city?.enterprises.toLocaleString('en')} enterprises loaded in ${loadSeconds.toFixed(1)} s`,
  );
  await ev.methods.ensurePresets();
  const prior = await ev.runs.run(actor, { year: YEAR - 1, method: METHOD });
  await ev.runs.startNotice(actor, prior.id);
  await ev.runs.publish(actor, prior.id, { earlyReason: 'benchmark' });
}

/** Firm by firm, the SQL statement's totals and classes against the run's stored results. */
async function checkAgreement(database: Database, runId: number, evaluated: number) {
  const { rows } = await database.pool.query(
    `select count(*)::int as n,
        count(*) filter (where abs(b.score - r.score) > 0.011)::int as score_diff,
        count(*) filter (where b.class is distinct from r.class)::int as class_diff
       from bench_totals b join evaluation_results r on r.enterprise_id = b.id and r.run_id = $1`,
    [runId],
  );
  const c = rows[0];
  console.log(
    `agreement with the SQL statement: ${c.n.toLocaleString('en')} firms, ${c.score_diff} totals and ${c.class_diff} classes differ`,
  );
  if (c.score_diff || c.class_diff || c.n !== evaluated) process.exitCode = 1;
}

/** The full run (read, score, class, write) and the SQL statement, alternately, REPEAT times. */
async function runAgainstSql(database: Database, ev: Evaluation) {
  const runTimes: number[] = [];
  const sqlTimes: number[] = [];
  let lastRun = 0;
  for (let i = 0; i < REPEAT; i++) {
    const [run, seconds] = await time(() => ev.runs.run(actor, { year: YEAR, method: METHOD }));
    runTimes.push(seconds);
    console.log(`  run ${i + 1}: ${seconds.toFixed(2)} s`, JSON.stringify(run.summary.timings ?? {}));
    if (lastRun) await ev.runs.discard(actor, lastRun);
    lastRun = run.id;
    await database.pool.query('drop table if exists bench_totals');
    const client = await database.pool.connect();
    const [, sqlSeconds] = await time(() => client.query(BASELINE_SQL, [YEAR])).finally(() =>
      client.release(),
    );
    sqlTimes.push(sqlSeconds);
    if (i === REPEAT - 1) await checkAgreement(database, run.id, run.summary.evaluated);
  }
  return { runTimes, sqlTimes };
}

/** The pure core alone on the same firms: steady-state throughput after a warm-up. */
async function coreThroughput(database: Database) {
  const { firms } = await database.transaction((_tx, client) => loadFirms(client, YEAR, ['D']));
  const method = PRESETS[METHOD]!;
  for (let i = 0; i < 3; i++) score(method, firms);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < CORE_RUNS; i++) {
    const used = process.cpuUsage();
    const t = performance.now();
    score(method, firms);
    wall.push((performance.now() - t) / 1000);
    const u = process.cpuUsage(used);
    cpu.push((u.user + u.system) / 1e6);
  }
  const [, objects] = await time(async () => evaluate(method, firms));
  return { firms: firms.length, wall, cpu, objects };
}

const list = (xs: number[]) => xs.map((t) => t.toFixed(2)).join(', ');
const goal = (met: boolean) => (met ? 'goal met' : 'goal NOT met');

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-bench-'));
  await fs.chmod(dir, 0o755);
  const database = await openBenchDatabase(dir);
  try {
    const ev = createEvaluationService(database);
    await prepare(database, ev);
    const { runTimes, sqlTimes } = await runAgainstSql(database, ev);
    const core = await coreThroughput(database);
    const run = median(runTimes);
    const base = median(sqlTimes);
    const ratio = run / base;
    const perSecond = core.firms / median(core.wall);
    console.log(`full run (read, score, class, write): median ${run.toFixed(2)} s of ${list(runTimes)}`);
    console.log(
      `SQL statement (same totals, ranks, classes): median ${base.toFixed(2)} s of ${list(sqlTimes)}`,
    );
    console.log(
      `ratio run / SQL: ${ratio.toFixed(2)} (goal ≤ 3: ${goal(ratio <= 3)}) · run ${run.toFixed(2)} s (goal < 10 s: ${goal(run < 10)})`,
    );
    console.log(
      `pure core (scores, ranks, classes), ${core.firms.toLocaleString('en')} firms, median of ${CORE_RUNS} runs: ` +
        `${(median(core.wall) * 1000).toFixed(0)} ms (of ${core.wall.map((t) => (t * 1000).toFixed(0)).join(', ')} ms) = ` +
        `${Math.round(perSecond).toLocaleString('en')} scores/s (goal ≥ 1,000,000: ${goal(perSecond >= 1_000_000)}); ` +
        `${Math.round(core.firms / median(core.cpu)).toLocaleString('en')} per CPU-second`,
    );
    console.log(
      `  with a result object per firm (items, policies in yuan): ${(core.objects * 1000).toFixed(0)} ms`,
    );
  } finally {
    await database.close({ stopEmbedded: true });
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
