/**
 * Platform evaluation routes through app.inject: ranking and quota totals, the pool's permissions
 * and validation, confirming, a platform admin's scope, the .xlsx export, the preset method.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../../test/database';
import { asUsers } from '../../test/http';
import { loadDemoCity } from '../demo/city/load';
import { seedDemo } from '../demo/demo.seed';
import { validateMethod } from '../evaluation/core/method';
import { DIMENSIONS } from '../evaluation/core/indicators';
import { PLATFORM_PRESET, PLATFORM_PRESET_KEY } from '../evaluation/core/platform-preset';
import { DEFAULT_POOL } from './core/pool';
import type { AllocationSnapshot, PlatformScore } from './platform-evaluation.schemas';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let platformOfAdmin: number;
let year: number;

interface Evaluation {
  year: number;
  years: number[];
  method: { id: number; key: string; version: number };
  noData: { indicators: string[]; rescale: number } | null;
  pool: {
    landMu: number;
    energyTce: number;
    threshold: number;
    leaders: number;
    methodId: number | null;
    saved: boolean;
    confirmedAt: string | null;
    confirmedBy: number | null;
    confirmedByName: string | null;
    snapshot: AllocationSnapshot | null;
  };
  platforms: PlatformScore[];
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** The invariants every evaluation answer keeps, whatever the pool. */
function expectConsistent(r: Evaluation) {
  const ranked = r.platforms.filter((p) => p.rank !== null);
  expect(ranked.length).toBeGreaterThan(1);
  // Ranked best first: ranks ascend, scores descend; equal scores share a rank.
  for (let i = 1; i < ranked.length; i++) {
    expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
    expect(ranked[i]!.score!).toBeLessThanOrEqual(ranked[i - 1]!.score!);
    if (ranked[i]!.score === ranked[i - 1]!.score) expect(ranked[i]!.rank).toBe(ranked[i - 1]!.rank);
  }
  const eligible = r.platforms.filter((p) => p.land.eligible);
  expect(sum(r.platforms.map((p) => p.land.units))).toBe(eligible.length ? r.pool.landMu : 0);
  expect(sum(r.platforms.map((p) => p.energy.units))).toBe(eligible.length ? r.pool.energyTce : 0);
  for (const p of r.platforms) {
    expect(p.land.eligible).toBe(p.score !== null && p.score >= r.pool.threshold && p.score > 0);
    if (!p.land.eligible) expect([p.land.units, p.energy.units]).toEqual([0, 0]);
    expect(p.leader).toBe(p.rank !== null && p.rank <= r.pool.leaders);
    // The four dimension subtotals make up the score (correction factor 1, no bonus items).
    expect(sum(DIMENSIONS.map((d) => p.dimensions[d]))).toBeCloseTo(p.score!, 1);
  }
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  await loadDemoCity(database, { keys: testKeyRing(), scale: 200, seed: 7 });
  let services;
  ({ app, services } = await buildApp(testConfig(), database));
  await services.evaluation.methods.ensurePresets();
  call = await asUsers(app, ['taskforce', 'leader', 'platform']);
  platformOfAdmin = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  year = (await call('taskforce', 'GET', '/api/platform-evaluation')).json().year;
}, 180_000);

describe('platform evaluation API', () => {
  it('the preset platform method is a valid method', () => {
    expect(validateMethod(PLATFORM_PRESET)).toEqual([]);
    expect(PLATFORM_PRESET.subject).toBe('platform');
  });

  it('ranks the platforms and divides the default pools exactly', async () => {
    const res = await call('leader', 'GET', '/api/platform-evaluation');
    expect(res.statusCode, res.body).toBe(200);
    const r: Evaluation = res.json();
    expect(r.years).toContain(r.year);
    expect(r.method.key).toBe(PLATFORM_PRESET_KEY);
    expect(r.pool).toMatchObject({ ...DEFAULT_POOL, saved: false, confirmedAt: null, snapshot: null });
    expect(r.platforms.length).toBeGreaterThan(10);
    expectConsistent(r);
    // 营商环境 from the demo requests received in the year: each platform's closure rate as the
    // requests table gives it (none in the year: the indicator drops out, the rest scaled up).
    const { rows } = await database.pool.query(
      `select platform_id, count(*) filter (where state in ('closed','rated'))::float / count(*) as rate
        from requests where extract(year from received_on) = $1 group by platform_id`,
      [r.year],
    );
    const rates = new Map(rows.map((x: { platform_id: number; rate: number }) => [x.platform_id, x.rate]));
    for (const p of r.platforms) {
      const item = p.items.find((i) => i.indicator === 'ticket_closure_rate')!;
      expect(item.dimension).toBe('business');
      if (!rates.size) expect(item).toMatchObject({ missing: 'no_data', points: 0 });
      else if (rates.has(p.platformId)) expect(item.value).toBeCloseTo(rates.get(p.platformId)!, 10);
      else expect(item.value).toBeNull();
    }
    if (!rates.size) expect(r.noData?.indicators).toContain('ticket_closure_rate');
    else expect(r.noData?.indicators ?? []).not.toContain('ticket_closure_rate');
  });

  it('refuses a method that evaluates enterprises', async () => {
    const res = await call('taskforce', 'GET', '/api/platform-evaluation?method=huangyan-2022');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('METHOD_WRONG_SUBJECT');
  });

  it('lets only the task force set the pool, and explains invalid settings per field', async () => {
    const pool = { landMu: 500, energyTce: 12_345, threshold: 70, leaders: 2, methodId: null };
    const leader = await call('leader', 'PUT', `/api/quota-pools/${year}`, pool);
    expect(leader.statusCode).toBe(403);
    expect(leader.json().error.code).toBe('FORBIDDEN');
    expect((await call('platform', 'PUT', `/api/quota-pools/${year}`, pool)).statusCode).toBe(403);

    const bad = await call('taskforce', 'PUT', `/api/quota-pools/${year}`, {
      ...pool,
      landMu: 20_000_000,
      threshold: 2000,
      leaders: 80,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('QUOTA_POOL_INVALID');
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['landMu', 'leaders', 'threshold']);
    // Shape errors (a negative or fractional pool) are refused by the schema, also per field.
    const negative = await call('taskforce', 'PUT', `/api/quota-pools/${year}`, { ...pool, landMu: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('landMu');

    // Nothing saved yet: the allocation of the default pool cannot be confirmed.
    const unsaved = await call('taskforce', 'POST', `/api/quota-pools/${year}/confirm`);
    expect(unsaved.statusCode).toBe(409);
    expect(unsaved.json().error).toMatchObject({
      code: 'QUOTA_POOL_NOT_SAVED',
      zh: expect.stringContaining('尚未设置'),
      en: expect.stringContaining('not been saved'),
    });
    expect((await call('leader', 'GET', '/api/platform-evaluation')).json().pool.confirmedAt).toBeNull();

    const ok = await call('taskforce', 'PUT', `/api/quota-pools/${year}`, pool);
    expect(ok.statusCode, ok.body).toBe(200);
    const r: Evaluation = ok.json();
    expect(r.pool).toMatchObject({ ...pool, saved: true, confirmedAt: null });
    expectConsistent(r);
    expect(sum(r.platforms.map((p) => p.land.units))).toBe(500);
    expect(sum(r.platforms.map((p) => p.energy.units))).toBe(12_345);
    expect(r.platforms.filter((p) => p.leader).length).toBeGreaterThanOrEqual(2);
  });

  it('confirms the allocation with a snapshot; saving the pool again clears it', async () => {
    expect((await call('leader', 'POST', `/api/quota-pools/${year}/confirm`)).statusCode).toBe(403);
    const res = await call('taskforce', 'POST', `/api/quota-pools/${year}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    const r: Evaluation = res.json();
    expect(r.pool.confirmedAt).not.toBeNull();
    expect(r.pool.confirmedByName).toBeTruthy();
    const snapshot = r.pool.snapshot!;
    expect(snapshot.method.key).toBe(PLATFORM_PRESET_KEY);
    expect(snapshot.pool).toMatchObject({ landMu: 500, energyTce: 12_345, threshold: 70 });
    expect(snapshot.platforms).toHaveLength(r.platforms.length);
    expect(sum(snapshot.platforms.map((p) => p.landMu))).toBe(500);
    expect(sum(snapshot.platforms.map((p) => p.energyTce))).toBe(12_345);
    for (const p of r.platforms) {
      const kept = snapshot.platforms.find((s) => s.platformId === p.platformId)!;
      expect([kept.landMu, kept.energyTce, kept.score]).toEqual([p.land.units, p.energy.units, p.score]);
    }

    // A platform admin reads their own row, of the evaluation and of the confirmed snapshot.
    const mine: Evaluation = (await call('platform', 'GET', '/api/platform-evaluation')).json();
    expect(mine.platforms.map((p) => p.platformId)).toEqual([platformOfAdmin]);
    expect(mine.pool.snapshot!.platforms.map((p) => p.platformId)).toEqual([platformOfAdmin]);
    const full = r.platforms.find((p) => p.platformId === platformOfAdmin)!;
    expect(mine.platforms[0]).toMatchObject({ score: full.score, rank: full.rank, land: full.land });

    const again = await call('taskforce', 'PUT', `/api/quota-pools/${year}`, {
      landMu: 500,
      energyTce: 12_345,
      threshold: 70,
      leaders: 2,
      methodId: null,
    });
    expect(again.json().pool).toMatchObject({ confirmedAt: null, snapshot: null, confirmedByName: null });
  });

  it('saving the default values still marks the pool as saved', async () => {
    const other = year - 1;
    const before: Evaluation = (
      await call('taskforce', 'GET', `/api/platform-evaluation?year=${other}`)
    ).json();
    expect(before.pool.saved).toBe(false);
    const res = await call('taskforce', 'PUT', `/api/quota-pools/${other}`, {
      ...DEFAULT_POOL,
      methodId: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pool.saved).toBe(true);
    const after: Evaluation = (await call('leader', 'GET', `/api/platform-evaluation?year=${other}`)).json();
    expect(after.pool.saved).toBe(true);
  });

  it('a threshold above every score leaves the pool undivided', async () => {
    const res = await call('taskforce', 'PUT', `/api/quota-pools/${year}`, {
      landMu: 100,
      energyTce: 100,
      threshold: 999,
      leaders: 3,
      methodId: null,
    });
    const r: Evaluation = res.json();
    expect(r.platforms.every((p) => !p.land.eligible && p.land.units === 0 && p.energy.units === 0)).toBe(
      true,
    );
  });

  it('exports the evaluation as .xlsx (a platform admin gets their row only)', async () => {
    const res = await call('taskforce', 'GET', `/api/platform-evaluation/export?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('排名');
    const all: Evaluation = (await call('taskforce', 'GET', `/api/platform-evaluation?year=${year}`)).json();
    expect(sheet.actualRowCount).toBe(all.platforms.length + 1);

    const own = await call('platform', 'GET', `/api/platform-evaluation/export?year=${year}`);
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(ownBook.worksheets[0]!.actualRowCount).toBe(2);
  });
});
