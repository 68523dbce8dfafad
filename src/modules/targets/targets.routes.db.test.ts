/** Plan periods and targets through app.inject: the preloaded plan, copying a period, editing, roles, scope. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../../test/database';
import { asUsers } from '../../test/http';
import { loadDemoCity } from '../demo/city/load';
import type { Services } from '../../server/services';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number; // the platform administrator's platform
let other: number; // another platform

interface TargetJson {
  id: number;
  periodId: number;
  code: string;
  metric: string;
  comparator: string;
  targetValue: number;
  kind: string;
  dueYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  milestones: Record<string, number>;
  warningRatio: number;
  version: number;
}

interface CardJson {
  target: TargetJson;
  applies: boolean;
  assessment: {
    value: number | null;
    status: string;
    achieved: boolean;
    final: boolean;
    projection: { year: number; value: number; method: string; from: number; to: number } | null;
  };
  cityValue: number | null;
  source: string;
}

const CODES = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'Z1', 'Z2', 'Z3'];

const period = async (key: string, who = 'taskforce') => {
  const res = await call(who, 'GET', `/api/plan/periods/${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; key: string; copiedFrom: number | null; targets: TargetJson[] };
};
const byCode = (targets: TargetJson[]) => new Map(targets.map((t) => [t.code, t]));

/** A valid new target for the 2026–2030 period; `extra` overrides fields. */
const newTarget = (extra: Record<string, unknown> = {}) => ({
  code: 'N1',
  nameZh: '开发区投资强度',
  nameEn: 'Investment intensity',
  metric: 'investment_intensity',
  comparator: 'gte',
  targetValue: 500,
  kind: 'level',
  dueYear: null,
  baselineYear: 2025,
  baselineValue: null,
  milestones: { '2027': 420 },
  ownerDepartment: '市发改委',
  frequency: 'yearly',
  warningRatio: 0.85,
  source: '测试',
  note: '',
  sort: 20,
  ...extra,
});

beforeAll(async () => {
  database = await testDatabase();
  await loadDemoCity(database, { keys: testKeyRing(), scale: 200, seed: 9 });
  ({ app, services } = await buildApp(testConfig(), database));
  expect(await services.targets.ensurePlan()).toBe(true);
  call = await asUsers(app, ['taskforce', 'leader', 'platform']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  const { rows } = await database.pool.query('select id from platforms where id <> $1 order by id limit 1', [
    own,
  ]);
  other = rows[0].id;
}, 180_000);

describe('plan API', () => {
  it('preloads the 2022–2025 plan with T1–T12 and the 2023 zone targets Z1–Z3, once', async () => {
    expect(await services.targets.ensurePlan()).toBe(false);
    const periods = (await call('leader', 'GET', '/api/plan/periods')).json();
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      key: '2022-2025',
      startYear: 2022,
      endYear: 2025,
      copiedFrom: null,
      targets: 15,
    });
    expect(periods[0].source).toContain('杭政办函〔2022〕69号');

    const p = await period('2022-2025', 'leader');
    expect(p.targets.map((t) => t.code)).toEqual(CODES);
    const t = byCode(p.targets);
    expect(t.get('T1')).toMatchObject({ metric: 'platform_output', comparator: 'gte', targetValue: 3e8 });
    expect(t.get('T2')).toMatchObject({ metric: 'leading_share', targetValue: 0.6 });
    expect(t.get('T6')).toMatchObject({
      comparator: 'gt',
      targetValue: 60,
      kind: 'annual',
      baselineYear: null,
    });
    expect(t.get('T9')).toMatchObject({ comparator: 'gt', targetValue: 5500 });
    expect(t.get('T12')).toMatchObject({ metric: 'public_service_coverage', targetValue: 1, dueYear: 2023 });
    expect(t.get('Z1')).toMatchObject({ metric: 'tax_per_mu', comparator: 'gte', targetValue: 40 });
    expect(t.get('Z2')).toMatchObject({ metric: 'rd_intensity', comparator: 'gte', targetValue: 0.038 });
    expect(t.get('Z3')).toMatchObject({
      metric: 'fai_growth',
      comparator: 'gte',
      targetValue: 0.1,
      kind: 'annual',
    });
    for (const x of p.targets) expect(x).toMatchObject({ periodId: p.id, version: 1, warningRatio: 0.9 });
    // By numeric id as well as by key
    expect((await period(String(p.id))).key).toBe('2022-2025');
    expect((await call('leader', 'GET', '/api/plan/periods/1999-2000')).json().error.code).toBe(
      'PERIOD_NOT_FOUND',
    );
  });

  it('assesses every target for the city with values, projections and statuses', async () => {
    const res = await call('leader', 'GET', '/api/plan/assessment?period=2022-2025&year=2023');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ year: 2023, platformId: null, period: { key: '2022-2025' } });
    expect(a.years).toContain(2023);
    const cards: CardJson[] = a.cards;
    expect(cards.map((c) => c.target.code)).toEqual(CODES);
    expect(cards.every((c) => c.applies)).toBe(true);
    const t9 = cards.find((c) => c.target.code === 'T9')!;
    expect(t9.assessment.value).toBeGreaterThan(0);
    expect(t9.assessment.projection).toMatchObject({
      year: 2025,
      method: 'linear_trend',
      from: 2021,
      to: 2023,
    });
    // Annual targets are judged on the year's value
    const z3 = cards.find((c) => c.target.code === 'Z3')!;
    if (z3.assessment.value !== null)
      expect(z3.assessment.projection).toMatchObject({ year: 2023, method: 'latest' });
    // Reported-only metrics nobody reported: no data
    expect(cards.find((c) => c.target.code === 'T7')!.assessment.status).toBe('no_data');
    // Without a year: the latest year with data inside the period
    const latest = (await call('leader', 'GET', '/api/plan/assessment')).json();
    expect(latest.period.key).toBe('2022-2025');
    expect(latest.year).toBe(Math.min(Math.max(...latest.years), 2025));
  });

  it('creates the next period copying the targets: baselines at 2025 with its values, milestones dropped', async () => {
    // A milestone on the old T2 first (it must not be copied)
    const old = byCode((await period('2022-2025')).targets);
    const t2 = old.get('T2')!;
    const edit = await call('taskforce', 'PUT', `/api/plan/targets/${t2.id}`, {
      ...newTarget(),
      code: 'T2',
      nameZh: '主导产业占比',
      metric: 'leading_share',
      targetValue: 0.6,
      baselineYear: 2021,
      milestones: { '2023': 0.55, '2024': 0.58 },
      warningRatio: 0.9,
      sort: 2,
      version: t2.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ milestones: { '2023': 0.55, '2024': 0.58 }, version: 2 });

    const city2025 = (
      await call('taskforce', 'GET', '/api/plan/assessment?period=2022-2025&year=2025')
    ).json();
    const value2025 = new Map<string, number | null>(
      city2025.cards.map((c: CardJson) => [c.target.code, c.assessment.value]),
    );

    const res = await call('taskforce', 'POST', '/api/plan/periods', {
      key: '2026-2030',
      nameZh: '产业平台发展目标（2026—2030年）',
      startYear: 2026,
      endYear: 2030,
      copyFrom: '2022-2025',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    const fromId = (await period('2022-2025')).id;
    expect(created).toMatchObject({
      key: '2026-2030',
      startYear: 2026,
      endYear: 2030,
      copiedFrom: fromId,
      nameEn: '',
    });
    const copied: TargetJson[] = created.targets;
    expect(copied.map((t) => t.code)).toEqual(CODES);
    for (const t of copied) {
      const before = old.get(t.code)!;
      expect(t.periodId).toBe(created.id);
      expect(t.id).not.toBe(before.id);
      expect(t).toMatchObject({
        metric: before.metric,
        comparator: before.comparator,
        targetValue: before.targetValue,
        kind: before.kind,
        dueYear: null,
        milestones: {},
        version: 1,
      });
      if (t.kind === 'annual') expect(t).toMatchObject({ baselineYear: null, baselineValue: null });
      else {
        expect(t.baselineYear).toBe(2025);
        expect(t.baselineValue).toBe(value2025.get(t.code) ?? null);
      }
    }
    expect(byCode(copied).get('T1')!.baselineValue).toBeGreaterThan(0);
    // The old period is untouched
    expect(byCode((await period('2022-2025')).targets).get('T12')!.dueYear).toBe(2023);
    const periods = (await call('leader', 'GET', '/api/plan/periods')).json();
    expect(periods.map((p: { key: string; targets: number }) => [p.key, p.targets])).toEqual([
      ['2022-2025', 15],
      ['2026-2030', 15],
    ]);
    const { rows } = await database.pool.query(
      `select username, detail from audit_log where action = 'plan.period.create'`,
    );
    expect(rows).toEqual([
      { username: 'taskforce', detail: { key: '2026-2030', copiedFrom: fromId, targets: 15 } },
    ]);
  });

  it('refuses a second period with the same key, and impossible years', async () => {
    const dup = await call('taskforce', 'POST', '/api/plan/periods', {
      key: '2026-2030',
      nameZh: '重复',
      startYear: 2026,
      endYear: 2030,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PERIOD_EXISTS');
    const backwards = await call('taskforce', 'POST', '/api/plan/periods', {
      key: '2031-2027',
      nameZh: '倒置',
      startYear: 2031,
      endYear: 2027,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([expect.objectContaining({ field: 'endYear' })]);
    const missing = await call('taskforce', 'POST', '/api/plan/periods', {
      key: '2031-2035',
      nameZh: '不存在的来源',
      startYear: 2031,
      endYear: 2035,
      copyFrom: '1990-1995',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PERIOD_NOT_FOUND');
    // An empty period
    const empty = await call('taskforce', 'POST', '/api/plan/periods', {
      key: 'empty-2031',
      nameZh: '空白规划期',
      startYear: 2031,
      endYear: 2035,
      copyFrom: null,
    });
    expect(empty.statusCode, empty.body).toBe(201);
    expect(empty.json()).toMatchObject({ copiedFrom: null, targets: [] });
    // A period created by mistake can be deleted (not by a leader); it is gone afterwards.
    const mistake = await call('taskforce', 'POST', '/api/plan/periods', {
      key: 'mistake-2041',
      nameZh: '误建',
      startYear: 2041,
      endYear: 2045,
    });
    expect(mistake.statusCode).toBe(201);
    expect((await call('leader', 'DELETE', '/api/plan/periods/mistake-2041')).statusCode).toBe(403);
    expect((await call('taskforce', 'DELETE', '/api/plan/periods/mistake-2041')).statusCode).toBe(204);
    expect((await call('taskforce', 'GET', '/api/plan/periods/mistake-2041')).statusCode).toBe(404);
  });

  it('adds, edits (with versions) and deletes a target', async () => {
    const next = await period('2026-2030');
    const res = await call('taskforce', 'POST', `/api/plan/periods/${next.id}/targets`, newTarget());
    expect(res.statusCode, res.body).toBe(201);
    const n1: TargetJson = res.json();
    expect(n1).toMatchObject({
      periodId: next.id,
      code: 'N1',
      targetValue: 500,
      milestones: { '2027': 420 },
      warningRatio: 0.85,
      version: 1,
    });

    const dup = await call('taskforce', 'POST', `/api/plan/periods/${next.id}/targets`, newTarget());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('TARGET_CODE_EXISTS');
    // The same code in another period is fine
    const elsewhere = await call(
      'taskforce',
      'POST',
      `/api/plan/periods/${(await period('empty-2031')).id}/targets`,
      {
        ...newTarget(),
        milestones: {},
        baselineYear: null,
      },
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);

    const edited = await call('taskforce', 'PUT', `/api/plan/targets/${n1.id}`, {
      ...newTarget({ targetValue: 520, dueYear: 2028, milestones: {} }),
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ targetValue: 520, dueYear: 2028, milestones: {}, version: 2 });

    // Someone saving on the version they read before that edit: refused, nothing changes
    const stale = await call('taskforce', 'PUT', `/api/plan/targets/${n1.id}`, {
      ...newTarget({ targetValue: 999 }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const stored = byCode((await period('2026-2030')).targets).get('N1')!;
    expect(stored).toMatchObject({ targetValue: 520, version: 2 });

    const clash = await call('taskforce', 'PUT', `/api/plan/targets/${n1.id}`, {
      ...newTarget({ code: 'T1' }),
      version: 2,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('TARGET_CODE_EXISTS');

    const { rows } = await database.pool.query(
      `select action, detail from audit_log where action like 'plan.target.%' and object_id = $1 order by id`,
      [String(n1.id)],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'plan.target.create',
      'plan.target.update',
    ]);
    expect(rows[1].detail).toMatchObject({
      before: { targetValue: 500 },
      after: { targetValue: 520, dueYear: 2028 },
    });

    expect((await call('taskforce', 'DELETE', `/api/plan/targets/${n1.id}`)).statusCode).toBe(204);
    expect(byCode((await period('2026-2030')).targets).has('N1')).toBe(false);
    const again = await call('taskforce', 'DELETE', `/api/plan/targets/${n1.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('TARGET_NOT_FOUND');
    const gone = await call('taskforce', 'PUT', `/api/plan/targets/${n1.id}`, { ...newTarget(), version: 2 });
    expect(gone.statusCode).toBe(404);
  });

  it('names the fields of invalid targets in both languages', async () => {
    const id = (await period('2026-2030')).id;
    const post = (body: Record<string, unknown>) =>
      call('taskforce', 'POST', `/api/plan/periods/${id}/targets`, newTarget({ code: 'BAD', ...body }));
    const fieldsOf = async (body: Record<string, unknown>) => {
      const res = await post(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      const details: { field: string; zh: string; en: string }[] = res.json().error.details;
      for (const d of details) {
        expect(d.zh).toBeTruthy();
        expect(d.en).toBeTruthy();
      }
      return details.map((d) => d.field);
    };
    expect(await fieldsOf({ metric: 'gdp_per_capita' })).toEqual(['metric']);
    expect(await fieldsOf({ dueYear: 2031 })).toEqual(['dueYear']);
    expect(await fieldsOf({ dueYear: 2025 })).toEqual(['dueYear']);
    expect(await fieldsOf({ warningRatio: 1.2 })).toEqual(['warningRatio']);
    expect(await fieldsOf({ warningRatio: 0 })).toEqual(['warningRatio']);
    expect(await fieldsOf({ milestones: { '2024': 1 } })).toEqual(['milestones']);
    expect(await fieldsOf({ baselineYear: 2031 })).toEqual(['baselineYear']);
    expect(await fieldsOf({ code: 'a b' })).toEqual(['code']);
    const due = await post({ dueYear: 2031 });
    expect(due.json().error.details[0]).toMatchObject({
      zh: '完成年份应在规划期内',
      en: 'The due year must be within the period',
    });
    // Several problems at once
    expect((await fieldsOf({ dueYear: 2040, baselineYear: 2040 })).sort()).toEqual([
      'baselineYear',
      'dueYear',
    ]);
    // Nothing was stored
    expect(byCode((await period('2026-2030')).targets).has('BAD')).toBe(false);
  });

  it('lets leaders and platform administrators read but not write', async () => {
    const p = await period('2026-2030', 'leader');
    const t1 = byCode(p.targets).get('T1')!;
    for (const who of ['leader', 'platform']) {
      expect((await call(who, 'GET', '/api/plan/periods')).statusCode).toBe(200);
      expect((await call(who, 'GET', '/api/plan/periods/2026-2030')).statusCode).toBe(200);
      expect((await call(who, 'GET', '/api/plan/assessment?period=2026-2030')).statusCode).toBe(200);
      const writes = [
        await call(who, 'POST', '/api/plan/periods', {
          key: 'x-2036',
          nameZh: 'x',
          startYear: 2036,
          endYear: 2040,
        }),
        await call(who, 'POST', `/api/plan/periods/${p.id}/targets`, newTarget({ code: 'X1' })),
        await call(who, 'PUT', `/api/plan/targets/${t1.id}`, {
          ...newTarget({ code: 'T1', metric: 'platform_output', targetValue: 1 }),
          version: t1.version,
        }),
        await call(who, 'DELETE', `/api/plan/targets/${t1.id}`),
      ];
      for (const res of writes) {
        expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    const after = byCode((await period('2026-2030')).targets).get('T1')!;
    expect(after).toMatchObject({ targetValue: 3e8, version: t1.version });
    expect((await call('leader', 'GET', '/api/plan/periods')).json()).toHaveLength(3);
  });

  it("assesses a platform administrator's own platform only: rates apply, totals do not", async () => {
    const city = (await call('taskforce', 'GET', '/api/plan/assessment?period=2022-2025&year=2025')).json();
    const cityValue = new Map<string, number | null>(
      city.cards.map((c: CardJson) => [c.target.code, c.assessment.value]),
    );
    for (const url of [
      '/api/plan/assessment?period=2022-2025&year=2025',
      `/api/plan/assessment?period=2022-2025&year=2025&platformId=${own}`,
    ]) {
      const res = await call('platform', 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json();
      expect(a.platformId).toBe(own);
      const cards = new Map<string, CardJson>(a.cards.map((c: CardJson) => [c.target.code, c]));
      // Totals (output, counts, city-only metrics): not assessed for a platform, the city's value alongside
      for (const code of ['T1', 'T3', 'T4', 'T5', 'T6', 'T9', 'T10', 'T11']) {
        const c = cards.get(code)!;
        expect(c.applies, code).toBe(false);
        expect(c.assessment.status, code).toBe('no_data');
        expect(c.cityValue, code).toBe(cityValue.get(code) ?? null);
      }
      // Rates: assessed on the platform's own figures
      for (const code of ['T2', 'Z1', 'Z2', 'Z3']) expect(cards.get(code)!.applies, code).toBe(true);
      expect(cards.get('T1')!.assessment.value).toBeGreaterThan(0);
      expect(cards.get('T1')!.assessment.value!).toBeLessThan(cityValue.get('T1')!);
    }
    const foreign = await call('platform', 'GET', `/api/plan/assessment?platformId=${other}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('PLATFORM_NOT_FOUND');
    expect(
      (await call('platform', 'GET', `/api/plan/assessment/export?period=2022-2025&platformId=${other}`))
        .statusCode,
    ).toBe(404);
    // The task force may look at any platform
    const chosen = (await call('taskforce', 'GET', `/api/plan/assessment?platformId=${other}`)).json();
    expect(chosen.platformId).toBe(other);
    expect((await call('taskforce', 'GET', '/api/plan/assessment?platformId=999999')).statusCode).toBe(404);
  });

  it("reads the period's last year as final once it is over: 滞后 becomes 未完成", async () => {
    // The plan runs 2022–2025; today is after 2025.
    const last: CardJson[] = (
      await call('leader', 'GET', '/api/plan/assessment?period=2022-2025&year=2025')
    ).json().cards;
    const assessed = last.filter((c) => c.assessment.status !== 'no_data');
    expect(assessed.length).toBeGreaterThan(0);
    for (const c of assessed) expect(c.assessment.final, c.target.code).toBe(true);
    const earlier: CardJson[] = (
      await call('leader', 'GET', '/api/plan/assessment?period=2022-2025&year=2024')
    ).json().cards;
    // …except a target due earlier (T12: 2023).
    for (const c of earlier) expect(c.assessment.final, c.target.code).toBe(c.target.dueYear === 2023);
    // The export says the same.
    const res = await call('leader', 'GET', '/api/plan/assessment/export?period=2022-2025&year=2025');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('状态') + 1;
    const statuses = new Map<unknown, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) statuses.set(row.getCell(1).value, row.getCell(col).value);
    });
    for (const c of assessed)
      expect(statuses.get(c.target.code), c.target.code).toBe(c.assessment.achieved ? '已完成' : '未完成');
    expect([...statuses.values()]).not.toContain('滞后');
  });

  it('exports the assessment as .xlsx', async () => {
    const res = await call('leader', 'GET', '/api/plan/assessment/export?period=2022-2025&year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('2024年目标监测');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['编号', '目标', '指标', '单位', '目标值', '2024年值']);
    const rows = new Map<unknown, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(row.getCell(1).value, (row.values as unknown[]).slice(1));
    });
    expect([...rows.keys()]).toEqual(CODES);
    // Values in the unit the sheet names: ratios in %, amounts in 万元
    const cards: CardJson[] = (
      await call('leader', 'GET', '/api/plan/assessment?period=2022-2025&year=2024')
    ).json().cards;
    const t2 = cards.find((c) => c.target.code === 'T2')!;
    expect(rows.get('T2')!.slice(3, 6)).toEqual([
      '%',
      60,
      Number((t2.assessment.value! * 100).toPrecision(12)),
    ]);
    expect(rows.get('Z2')!.slice(3, 5)).toEqual(['%', 3.8]);
    expect(rows.get('T1')!.slice(3, 5)).toEqual(['万元', 3e8]);
    expect(rows.get('T7')![5]).toBe('暂无数据');
  });
});
