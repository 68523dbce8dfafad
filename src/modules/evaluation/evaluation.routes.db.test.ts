/** Evaluation routes through app.inject: roles, scoping, the notice list export, objections. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../../test/database';
import { asUsers } from '../../test/http';
import { loadDemoCity } from '../demo/city/load';
import { seedDemo } from '../demo/demo.seed';
import { seedDemoEvaluations } from '../demo/demo-evaluations';
import { PRESETS } from './core/presets';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let runId: number;
let mine: number; // the enterprise user's enterprise
let platformOfAdmin: number;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  await loadDemoCity(database, { keys: testKeyRing(), scale: 250, seed: 5 });
  let services;
  ({ app, services } = await buildApp(testConfig(), database));
  await services.evaluation.methods.ensurePresets();
  // Published 2021–2024, as `serve --demo` does: history and last year's comparison.
  await seedDemoEvaluations(services.evaluation);
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'enterprise', 'auditor']);
  const me = (await call('enterprise', 'GET', '/api/auth/me')).json();
  mine = me.user.enterpriseId;
  platformOfAdmin = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
}, 120_000);

describe('evaluation API', () => {
  it('lists methods with what they evaluate; a per-mu run refuses a platform method', async () => {
    const methods: { id: number; key: string; subject: string }[] = (
      await call('taskforce', 'GET', '/api/evaluation/methods')
    ).json();
    expect(methods.find((m) => m.key === 'platform-2022')?.subject).toBe('platform');
    expect(methods.find((m) => m.key === 'huangyan-2022')?.subject).toBe('enterprise');
    const run = await call('taskforce', 'POST', '/api/evaluation/runs', {
      year: 2025,
      methodId: methods.find((m) => m.key === 'platform-2022')!.id,
    });
    expect(run.statusCode).toBe(400);
    expect(run.json().error.code, run.body).toBe('METHOD_WRONG_SUBJECT');
  });

  it('serves the indicator catalogue, the presets and the method schema', async () => {
    const catalogue: { subject: string }[] = (
      await call('leader', 'GET', '/api/evaluation/indicators')
    ).json();
    expect(catalogue.filter((i) => i.subject === 'enterprise')).toHaveLength(8);
    expect(catalogue.filter((i) => i.subject === 'platform')).toHaveLength(15);
    const presets = (await call('taskforce', 'GET', '/api/evaluation/presets')).json();
    expect(Object.keys(presets).sort()).toEqual(Object.keys(PRESETS).sort());
    expect(presets['huangyan-2022'].cohorts[1].indicators[0].benchmark).toEqual({
      kind: 'fixed',
      value: 11.5932,
    });
    const schema = (await call('taskforce', 'GET', '/api/evaluation/method-schema')).json();
    expect(schema.$id).toBe('EvaluationMethod');
    expect((await call('auditor', 'GET', '/api/evaluation/methods')).statusCode).toBe(403);
  });

  it('saves methods for the task force only, with field-level problems', async () => {
    const definition = structuredClone(PRESETS['zhejiang-default']!);
    definition.cohorts[0]!.banding = { kind: 'percentile', bands: [{ class: 'A', upToPercent: 50 }] };
    const bad = await call('taskforce', 'POST', '/api/evaluation/methods', { key: 'route-test', definition });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('METHOD_INVALID');
    expect(bad.json().error.details[0]).toMatchObject({ field: '/cohorts/0/banding' });
    const good = await call('taskforce', 'POST', '/api/evaluation/methods', {
      key: 'route-test',
      definition: PRESETS['zhejiang-default'],
      basedOn: 'zhejiang-default@1',
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({
      key: 'route-test',
      version: 1,
      weightSums: [{ sum: 100 }, { sum: 100 }],
    });
    expect(
      (
        await call('platform', 'POST', '/api/evaluation/methods', {
          key: 'x',
          definition: PRESETS['zhejiang-default'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('runs an evaluation (task force), refuses others', async () => {
    const methods = (await call('taskforce', 'GET', '/api/evaluation/methods')).json();
    const methodId = methods.find((m: { key: string }) => m.key === 'huangyan-2022').id;
    expect((await call('leader', 'POST', '/api/evaluation/runs', { year: 2025, methodId })).statusCode).toBe(
      403,
    );
    // The enterprise confirms its 2025 figures, then flags one as wrong (一企一单).
    expect((await call('enterprise', 'POST', `/api/enterprises/${mine}/years/2025/confirm`)).statusCode).toBe(
      200,
    );
    const flag = await call('enterprise', 'POST', `/api/enterprises/${mine}/years/2025/flags`, {
      field: 'electricity',
      comment: '用电量应为 180 万千瓦时',
    });
    expect(flag.statusCode, flag.body).toBe(201);
    const res = await call('taskforce', 'POST', '/api/evaluation/runs', { year: 2025, methodId });
    expect(res.statusCode, res.body).toBe(201);
    runId = res.json().id;
    const { rows } = await database.pool.query(
      `select count(*)::int as n from evaluation_results res
         join enterprise_years y on y.enterprise_id = res.enterprise_id and y.year = 2025
        where res.run_id = $1 and y.confirmed_at is null`,
      [runId],
    );
    expect(res.json().summary.dataQuality).toEqual({ unconfirmed: rows[0].n, flagged: 1 });
    expect(rows[0].n).toBe(res.json().summary.evaluated - 1);
    expect(res.json()).toMatchObject({ status: 'draft', year: 2025, methodKey: 'huangyan-2022' });
    const page = (
      await call('taskforce', 'GET', `/api/evaluation/runs/${runId}/results?sort=score&order=desc&pageSize=5`)
    ).json();
    expect(page.items).toHaveLength(5);
    const scores = page.items.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const filtered = (
      await call(
        'taskforce',
        'GET',
        `/api/evaluation/runs/${runId}/results?cohort=below&class=A&pageSize=200`,
      )
    ).json();
    expect(
      filtered.items.every((r: { cohort: string; class: string }) => r.cohort === 'below' && r.class === 'A'),
    ).toBe(true);
  });

  it('hides a draft from the enterprise; the notice opens its own scorecard only', async () => {
    expect((await call('enterprise', 'GET', '/api/evaluation/runs?year=2025')).json()).toEqual([]);
    expect(
      (await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/results/${mine}`)).statusCode,
    ).toBe(404);
    const notice = await call('taskforce', 'POST', `/api/evaluation/runs/${runId}/notice`, {
      workingDays: 5,
    });
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json().status).toBe('notice');
    const card = await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/results/${mine}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().explanation.length).toBeGreaterThan(0);
    expect(card.json().history.map((h: { year: number }) => h.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const latest = await call('enterprise', 'GET', `/api/evaluation/scorecard/${mine}`);
    expect(latest.json().run.id).toBe(runId);
    const others = (await call('taskforce', 'GET', `/api/evaluation/runs/${runId}/results?pageSize=3`)).json()
      .items;
    const stranger = others.find((r: { enterpriseId: number }) => r.enterpriseId !== mine).enterpriseId;
    expect(
      (await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/results/${stranger}`)).statusCode,
    ).toBe(404);
    expect((await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/rollup`)).statusCode).toBe(403);
    const list = (
      await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/results?pageSize=200`)
    ).json();
    expect(list.items.map((r: { enterpriseId: number }) => r.enterpriseId)).toEqual([mine]);
  });

  it('platform admins get their platform only', async () => {
    const list = (await call('platform', 'GET', `/api/evaluation/runs/${runId}/results?pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((r: { platformId: number }) => r.platformId === platformOfAdmin)).toBe(true);
    const rollup = (await call('platform', 'GET', `/api/evaluation/runs/${runId}/rollup`)).json();
    expect(
      rollup.rows
        .filter((r: { platformId: number | null }) => r.platformId !== null)
        .map((r: { platformId: number }) => r.platformId),
    ).toEqual([platformOfAdmin]);
  });

  it('exports the notice list: one sheet per cohort with rank, name, USCC, score, class', async () => {
    const res = await call('leader', 'GET', `/api/evaluation/runs/${runId}/notice.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(PRESETS['huangyan-2022']!.cohorts.map((c) => c.name.zh));
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '排名',
      '企业名称',
      '统一社会信用代码',
      '所属园区',
      '综合得分',
      '评价等级',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^[0-9A-Z]{18}$/);
    const run = (await call('taskforce', 'GET', `/api/evaluation/runs/${runId}`)).json();
    const rated = run.summary.cohorts[0].rated;
    const unrated = run.summary.cohorts[0].size - rated;
    expect(sheet.rowCount).toBe(1 + rated + unrated);
  });

  it('objection: filed by the enterprise, decided by the task force, then publication', async () => {
    const filed = await call('enterprise', 'POST', `/api/evaluation/runs/${runId}/objections`, {
      reason: '用电量数据有误，应为 180 万千瓦时',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const blocked = await call('taskforce', 'POST', `/api/evaluation/runs/${runId}/publish`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('OBJECTIONS_PENDING');
    const decided = await call(
      'taskforce',
      'POST',
      `/api/evaluation/objections/${filed.json().id}/decision`,
      {
        decision: 'rejected',
        reason: '经核对供电部门数据，原数据无误',
      },
    );
    expect(decided.json()).toMatchObject({ status: 'rejected' });
    const early = await call('taskforce', 'POST', `/api/evaluation/runs/${runId}/publish`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOTICE_NOT_OVER');
    const published = await call('taskforce', 'POST', `/api/evaluation/runs/${runId}/publish`, {
      earlyReason: '异议已处理完毕，提前结束公示',
    });
    expect(published.json().status).toBe('published');
    // The early end is part of the run's record: the actual end, the reason, who decided.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(published.json()).toMatchObject({
      noticeEndedOn: today,
      earlyEndReason: '异议已处理完毕，提前结束公示',
      publishedByName: '市专班 演示',
    });
    expect(published.json().noticeEndsOn > today).toBe(true);
    // The enterprise is told the notice ended early, when and why.
    const card = (await call('enterprise', 'GET', `/api/evaluation/scorecard/${mine}`)).json();
    expect(card.run).toMatchObject({ noticeEndedOn: today, earlyEndReason: '异议已处理完毕，提前结束公示' });
    // The database refuses an early end without a reason.
    await expect(
      database.pool.query(
        `insert into evaluation_runs (year, version, method_id, input_hash, summary, notice_ended_on)
         select year, 99, method_id, input_hash, summary, current_date from evaluation_runs where id = $1`,
        [runId],
      ),
    ).rejects.toThrow(/evaluation_runs_early_end_reason/);
    expect((await call('taskforce', 'DELETE', `/api/evaluation/runs/${runId}`)).statusCode).toBe(409);
    const objections = (await call('enterprise', 'GET', `/api/evaluation/runs/${runId}/objections`)).json();
    expect(objections).toHaveLength(1);
    expect(objections[0].decisionReason).toBe('经核对供电部门数据，原数据无误');
  });

  it('roll-up, distribution and low-efficiency candidates', async () => {
    const rollup = (await call('leader', 'GET', `/api/evaluation/runs/${runId}/rollup`)).json();
    const city = rollup.rows.find((r: { platformId: number | null }) => r.platformId === null);
    expect(city.taxPerMu).toBeCloseTo(city.tax / city.landMu, 9);
    // Compared with 2024's published run.
    const previous = (
      await call('leader', 'GET', `/api/evaluation/runs/${rollup.previousRunId}/rollup`)
    ).json();
    const before = previous.rows.find((r: { platformId: number | null }) => r.platformId === null);
    expect(previous.year).toBe(2024);
    expect(city.change.taxPerMu).toBeCloseTo(city.taxPerMu - before.taxPerMu, 9);
    const dist = (await call('leader', 'GET', `/api/evaluation/runs/${runId}/distribution?bins=8`)).json();
    expect(dist[0].bins.length).toBeLessThanOrEqual(8);
    const low = (
      await call('leader', 'GET', `/api/evaluation/runs/${runId}/low-efficiency?taxPerMuFloor=3`)
    ).json();
    expect(low.taxPerMuFloor).toBe(3);
    for (const i of low.items) expect(i.reasons.length).toBeGreaterThan(0);
  });

  it('an enterprise marked 不定等级 is scored, not ranked or classed, and treated as B', async () => {
    const detail = (await call('taskforce', 'GET', `/api/enterprises/${mine}`)).json();
    const patched = await call('taskforce', 'PATCH', `/api/enterprises/${mine}`, {
      version: detail.version,
      ratingExemption: 'major_project',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().ratingExemption).toBe('major_project');
    const bad = await call('taskforce', 'PATCH', `/api/enterprises/${mine}`, {
      version: patched.json().version,
      ratingExemption: 'holiday',
    });
    expect(bad.statusCode).toBe(400);
    const methods = (await call('taskforce', 'GET', '/api/evaluation/methods')).json();
    const methodId = methods.find((m: { key: string }) => m.key === 'huangyan-2022').id;
    const run = await call('taskforce', 'POST', '/api/evaluation/runs', {
      year: 2025,
      methodId,
      reason: '重大项目在建，不定等级',
    });
    expect(run.statusCode, run.body).toBe(201);
    const card = (
      await call('taskforce', 'GET', `/api/evaluation/runs/${run.json().id}/results/${mine}`)
    ).json();
    expect(card).toMatchObject({ status: 'unrated', class: null, rank: null, policyClass: 'B' });
    expect(card.score).toBeGreaterThan(0);
    expect(card.explanation.at(-1).zh + card.explanation.map((l: { zh: string }) => l.zh).join('')).toMatch(
      /不定等级/,
    );
  });
});
