/**
 * The evaluation's services (methods, runs, results, objections) on a small generated city:
 * determinism, workflow, objections, scoping.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { testDatabase, testKeyRing } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { loadDemoCity } from '../demo/city/load';
import { seedDemo } from '../demo/demo.seed';
import { PRESETS } from './core/presets';
import { createEvaluationService, type EvaluationService } from './evaluation.service';

/** The four parts' use cases side by side (their names do not overlap). */
const useCases = (s: EvaluationService) => ({ ...s.methods, ...s.runs, ...s.results, ...s.objections });

let database: Database;
let ev: ReturnType<typeof useCases>;
const actors: Record<string, Actor> = {};
const YEAR = 2024;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    return `raw:${(error as Error).message}`;
  }
}

async function resultsOf(runId: number) {
  const { rows } = await database.pool.query(
    `select enterprise_id, platform_id, cohort, status, score::text, rank, cohort_size, class, policy_class,
            land_mu::text, tax::text, value_added::text, detail::text
       from evaluation_results where run_id = $1 order by enterprise_id`,
    [runId],
  );
  return rows;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  await loadDemoCity(database, { keys: testKeyRing(), scale: 400, seed: 11 });
  ev = useCases(createEvaluationService(database));
  const { rows } = await database.pool.query(
    'select id, username, role, platform_id, enterprise_id from users order by id',
  );
  for (const u of rows)
    actors[u.username] = {
      userId: u.id,
      username: u.username,
      role: u.role,
      platformId: u.platform_id,
      enterpriseId: u.enterprise_id,
      ip: null,
    };
  await ev.ensurePresets();
}, 120_000);

describe('evaluation runs', () => {
  it('installs the presets once, as version 1', async () => {
    expect(await ev.ensurePresets()).toBe(0);
    const methods = await ev.listMethods(actors.taskforce!);
    expect(methods.map((m) => `${m.key}@${m.version}`).sort()).toEqual(
      Object.keys(PRESETS)
        .map((k) => `${k}@1`)
        .sort(),
    );
  });

  it('is deterministic: same data and method give byte-identical results and the same input hash', async () => {
    const a = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' });
    const b = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' });
    expect(b.version).toBe(a.version + 1);
    expect(b.inputHash).toBe(a.inputHash);
    expect(b.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const ra = await resultsOf(a.id);
    expect(ra.length).toBeGreaterThan(100);
    expect(JSON.stringify(await resultsOf(b.id))).toBe(JSON.stringify(ra));
    await ev.discard(actors.taskforce!, b.id);
    expect(await code(ev.getRun(actors.taskforce!, b.id))).toBe('RUN_NOT_FOUND');
  });

  it('changes the input hash when a figure changes', async () => {
    const before = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' });
    await database.pool.query(
      'update enterprise_years set tax = tax + 1 where year = $1 and enterprise_id = (select min(enterprise_id) from enterprise_years where year = $1)',
      [YEAR],
    );
    const after = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' });
    expect(after.inputHash).not.toBe(before.inputHash);
    await ev.discard(actors.taskforce!, before.id);
    await ev.discard(actors.taskforce!, after.id);
  });

  it('only the task force runs evaluations', async () => {
    for (const who of ['leader', 'platform', 'enterprise'])
      expect(await code(ev.run(actors[who]!, { year: YEAR, method: 'huangyan-2022' }))).toBe('FORBIDDEN');
    expect(await code(ev.run(actors.taskforce!, { year: 1999, method: 'huangyan-2022' }))).toBe(
      'NO_EVALUATION_DATA',
    );
    expect(await code(ev.run(actors.taskforce!, { year: YEAR, method: 'no-such-method' }))).toBe(
      'METHOD_NOT_FOUND',
    );
  });
});

describe('workflow: draft → notice → objections → published', () => {
  let runId: number;
  const me = () => actors.enterprise!.enterpriseId!;

  it('hides a draft from the enterprise, shows its own scorecard once the notice starts', async () => {
    const run = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' });
    runId = run.id;
    expect(run.status).toBe('draft');
    expect(await code(ev.getRun(actors.enterprise!, runId))).toBe('RUN_NOT_FOUND');
    expect(await code(ev.result(actors.enterprise!, runId, me()))).toBe('RUN_NOT_FOUND');
    const noticed = await ev.startNotice(actors.taskforce!, runId, 5);
    expect(noticed.status).toBe('notice');
    expect(noticed.noticeEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const card = await ev.result(actors.enterprise!, runId, me());
    expect(card.enterpriseId).toBe(me());
    expect(card.items.length).toBeGreaterThan(0);
    expect(card.explanation.length).toBeGreaterThan(card.items.length - 1);
    // Never another enterprise's result: the list holds exactly its own row.
    const list = await ev.results(actors.enterprise!, runId, {
      sort: 'rank',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
    expect(list.items.map((r) => r.enterpriseId)).toEqual([me()]);
    const other = (
      await ev.results(actors.taskforce!, runId, { sort: 'rank', order: 'asc', page: 1, pageSize: 5 })
    ).items.find((r) => r.enterpriseId !== me())!;
    expect(await code(ev.result(actors.enterprise!, runId, other.enterpriseId))).toBe('RESULT_NOT_FOUND');
    expect(await code(ev.rollup(actors.enterprise!, runId))).toBe('FORBIDDEN');
  });

  it('takes an objection from the enterprise and blocks publication until it is decided', async () => {
    expect(await code(ev.fileObjection(actors.enterprise!, runId, '短'))).toBe('VALIDATION_FAILED');
    const o = await ev.fileObjection(
      actors.enterprise!,
      runId,
      '本企业 2024 年税收应为 520 万元，统计口径有误',
    );
    expect(o.status).toBe('pending');
    expect(await code(ev.fileObjection(actors.enterprise!, runId, '再次提出相同的异议内容'))).toBe(
      'OBJECTION_EXISTS',
    );
    expect(await code(ev.fileObjection(actors.taskforce!, runId, '专班不能代企业提出异议'))).toBe(
      'FORBIDDEN',
    );
    expect(await code(ev.publish(actors.taskforce!, runId))).toBe('OBJECTIONS_PENDING');
    expect(await code(ev.decideObjection(actors.taskforce!, o.id, 'accepted', ''))).toBe('VALIDATION_FAILED');
    expect(await code(ev.decideObjection(actors.enterprise!, o.id, 'accepted', '自己受理'))).toBe(
      'FORBIDDEN',
    );
    const decided = await ev.decideObjection(actors.taskforce!, o.id, 'accepted', '核实税务数据后更正');
    expect(decided).toMatchObject({ status: 'accepted', decisionReason: '核实税务数据后更正' });
    expect((await ev.objections(actors.enterprise!, runId)).map((x) => x.id)).toEqual([o.id]);
  });

  it('an accepted objection leads to corrected data and a new version with a reason', async () => {
    const before = await ev.result(actors.taskforce!, runId, me());
    await database.pool.query(
      'update enterprise_years set tax = 520 where enterprise_id = $1 and year = $2',
      [me(), YEAR],
    );
    expect(await code(ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022' }))).toBe(
      'REASON_REQUIRED',
    );
    const v2 = await ev.run(actors.taskforce!, {
      year: YEAR,
      method: 'huangyan-2022',
      reason: '异议受理：更正企业税收',
    });
    expect(v2.reason).toBe('异议受理：更正企业税收');
    const after = await ev.result(actors.taskforce!, v2.id, me());
    expect(after.figures).toMatchObject({ tax: 520 });
    expect(after.score).not.toBe(before.score);
    await ev.startNotice(actors.taskforce!, v2.id);
    // The older notice is superseded by the newer one.
    expect((await ev.getRun(actors.taskforce!, runId)).status).toBe('superseded');
    expect(await code(ev.publish(actors.taskforce!, v2.id))).toBe('NOTICE_NOT_OVER');
    const published = await ev.publish(actors.taskforce!, v2.id, {
      earlyReason: '异议已处理，专班决定提前结束公示',
    });
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    runId = v2.id;
  });

  it('a published run is immutable, in the service and in the database', async () => {
    expect(await code(ev.startNotice(actors.taskforce!, runId))).toBe('RUN_WRONG_STATUS');
    expect(await code(ev.discard(actors.taskforce!, runId))).toBe('RUN_WRONG_STATUS');
    expect(await code(ev.publish(actors.taskforce!, runId))).toBe('RUN_WRONG_STATUS');
    const attempts = [
      'update evaluation_results set score = 999 where run_id = $1',
      'delete from evaluation_results where run_id = $1',
      `update evaluation_runs set reason = 'x' where id = $1`,
      `update evaluation_runs set status = 'draft' where id = $1`,
      'delete from evaluation_runs where id = $1',
    ];
    for (const q of attempts)
      await expect(database.pool.query(q, [runId]), q).rejects.toThrow(/immutable|only draft/);
    await expect(database.pool.query('update evaluation_methods set name = $1', ['x'])).rejects.toThrow(
      /immutable/,
    );
  });

  it('corrections after publication are new versions; the older published run is superseded', async () => {
    const v3 = await ev.run(actors.taskforce!, { year: YEAR, method: 'huangyan-2022', reason: '发布后更正' });
    await ev.startNotice(actors.taskforce!, v3.id);
    await ev.publish(actors.taskforce!, v3.id, { earlyReason: '测试' });
    const old = await ev.getRun(actors.taskforce!, runId);
    expect(old).toMatchObject({ status: 'superseded', supersededBy: v3.id });
    runId = v3.id;
  });

  it('feeds escalation: a class D this year counts the D years before it', async () => {
    const prev = await ev.run(actors.taskforce!, { year: YEAR - 1, method: 'huangyan-2022' });
    await ev.startNotice(actors.taskforce!, prev.id);
    await ev.publish(actors.taskforce!, prev.id, { earlyReason: '测试' });
    const next = await ev.run(actors.taskforce!, {
      year: YEAR,
      method: 'huangyan-2022',
      reason: '按上年发布结果重算',
    });
    const { rows } = await database.pool.query(
      `select cur.enterprise_id, cur.class as now, old.class as before,
              (cur.detail->'x'->'e'->>1)::int as years
         from evaluation_results cur left join evaluation_results old on old.enterprise_id = cur.enterprise_id and old.run_id = $2
        where cur.run_id = $1 and cur.class = 'D'`,
      [next.id, prev.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.years).toBe(r.before === 'D' ? 2 : 1);
    await ev.discard(actors.taskforce!, next.id);
  });
});

describe('scoping and roll-ups', () => {
  it('platform admins see only their platform', async () => {
    const runs = await ev.listRuns(actors.taskforce!, YEAR);
    const run = runs.find((r) => r.status === 'published')!;
    const admin = actors.platform!;
    const list = await ev.results(admin, run.id, { sort: 'score', order: 'desc', page: 1, pageSize: 200 });
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((r) => r.platformId))).toEqual(new Set([admin.platformId]));
    const outside = (
      await ev.results(actors.taskforce!, run.id, { sort: 'rank', order: 'asc', page: 1, pageSize: 200 })
    ).items.find((r) => r.platformId !== admin.platformId)!;
    expect(await code(ev.result(admin, run.id, outside.enterpriseId))).toBe('RESULT_NOT_FOUND');
    const rollup = await ev.rollup(admin, run.id);
    expect(rollup.rows.filter((r) => r.platformId !== null).map((r) => r.platformId)).toEqual([
      admin.platformId,
    ]);
  });

  it('city roll-up: Σ tax ÷ Σ land over the evaluated firms, class counts, share of A+B, change on last year', async () => {
    const run = (await ev.listRuns(actors.taskforce!, YEAR)).find((r) => r.status === 'published')!;
    const { rows } = await database.pool.query(
      `select sum(tax)::float8 as tax, sum(land_mu)::float8 as land, count(*) filter (where class in ('A','B'))::int as ab,
              count(class)::int as classed, count(*) filter (where class = 'D')::int as d
         from evaluation_results where run_id = $1 and status <> 'merged'`,
      [run.id],
    );
    const expected = rows[0]!;
    const r = await ev.rollup(actors.leader!, run.id);
    const city = r.rows.find((x) => x.platformId === null)!;
    expect(city.taxPerMu).toBeCloseTo(expected.tax / expected.land, 9);
    expect(city.shareAB).toBeCloseTo(expected.ab / expected.classed, 12);
    expect(city.classCounts.D).toBe(expected.d);
    expect(r.previousRunId).not.toBeNull();
    expect(city.change).not.toBeNull();
    const platforms = r.rows.filter((x) => x.platformId !== null);
    expect(platforms.reduce((s, p) => s + p.evaluated, 0)).toBe(city.evaluated);
  });

  it('low-efficiency candidates are the worst class or below the tax-per-mu floor', async () => {
    const run = (await ev.listRuns(actors.taskforce!, YEAR)).find((r) => r.status === 'published')!;
    const out = await ev.lowEfficiency(actors.taskforce!, run.id, { taxPerMuFloor: 5 });
    expect(out.items.length).toBeGreaterThan(0);
    for (const i of out.items) expect(i.class === 'D' || (i.taxPerMu ?? 0) < 5).toBe(true);
    expect(out.landMu).toBeCloseTo(
      out.items.reduce((s, i) => s + (i.landMu ?? 0), 0),
      6,
    );
  });

  it('the histogram covers every rated firm and the cut lines follow the classes', async () => {
    const run = (await ev.listRuns(actors.taskforce!, YEAR)).find((r) => r.status === 'published')!;
    const dist = await ev.distribution(actors.taskforce!, run.id, { bins: 10 });
    for (const c of dist) {
      expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(c.rated);
      const order = c.cuts.map((x) => x.minScore);
      expect([...order].sort((a, b) => b - a)).toEqual(order);
    }
  });
});

describe('methods', () => {
  it('refuses an invalid method with the problems, saves a valid one as the next version', async () => {
    const bad = structuredClone(PRESETS['huangyan-2022']!) as unknown as Record<string, unknown>;
    (bad.cohorts as { indicators: { weight: number }[] }[])[0]!.indicators[0]!.weight = 0;
    try {
      await ev.createMethod(actors.taskforce!, { key: 'my-county', definition: bad });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('METHOD_INVALID');
      expect((error as AppError).details![0]!.field).toBe('/cohorts/0/indicators/0/weight');
    }
    const def = structuredClone(PRESETS['huangyan-2022']!);
    const v1 = await ev.createMethod(actors.taskforce!, {
      key: 'my-county',
      definition: def,
      basedOn: 'huangyan-2022@1',
    });
    def.cohorts[0]!.indicators[0]!.weight = 35;
    def.cohorts[0]!.indicators[1]!.weight = 15;
    const v2 = await ev.createMethod(actors.taskforce!, {
      key: 'my-county',
      definition: def,
      basedOn: 'my-county@1',
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.weightSums).toEqual([
      { cohort: 'above', sum: 100 },
      { cohort: 'below', sum: 100 },
    ]);
    expect(await code(ev.createMethod(actors.platform!, { key: 'x', definition: def }))).toBe('FORBIDDEN');
    const audit = await database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'evaluation.method.create'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(2);
  });
});

describe('the public notice counts working days on the calendar', () => {
  it('a notice started just before 国庆 2026 skips the holiday week and counts the make-up Saturday', async () => {
    const run = await ev.run(actors.taskforce!, {
      year: YEAR,
      method: 'huangyan-2022',
      reason: '公示期按工作日历',
    });
    // Tue 29 Sep + 7: 30 Sep; 1–7 Oct off; 8, 9, Sat 10 Oct (调休), 12, 13, 14 Oct.
    // Monday–Friday alone would have ended it on 8 Oct.
    const noticed = await ev.startNotice(actors.taskforce!, run.id, 7, '2026-09-29');
    expect(noticed.noticeEndsOn).toBe('2026-10-14');
    const audit = await database.pool.query(
      `select detail from audit_log where action = 'evaluation.notice' and object_id = $1`,
      [String(run.id)],
    );
    expect(audit.rows[0].detail).toMatchObject({ noticeEndsOn: '2026-10-14' });
    expect(audit.rows[0].detail.calendarMissingYears).toBeUndefined();
  });
});
