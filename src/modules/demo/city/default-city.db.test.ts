/**
 * The default demo city (`serve --demo`: DEFAULT_DEMO_SCALE, DEFAULT_DEMO_SEED, with the demo
 * platforms' reported statistics) is at the plan's scale: the cockpit shows targets met, at risk and
 * behind, and the city's 规上 count, output and labels are of the order of the plan's figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import type { Database } from '../../../platform/db/client';
import type { App } from '../../../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../../../test/database';
import { asUsers } from '../../../test/http';
import { WAN_YI } from '../../metrics/core/metrics';
import { seedDemoStats } from '../demo-stats';
import { DEFAULT_DEMO_SCALE, DEFAULT_DEMO_SEED, loadDemoCity, type DemoCityResult } from './load';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let loaded: DemoCityResult;

interface Card {
  target: { code: string; targetValue: number };
  assessment: { value: number | null; status: string; achieved: boolean };
}

beforeAll(async () => {
  database = await testDatabase();
  loaded = (await loadDemoCity(database, {
    keys: testKeyRing(),
    scale: DEFAULT_DEMO_SCALE,
    seed: DEFAULT_DEMO_SEED,
  }))!;
  let services;
  ({ app, services } = await buildApp(testConfig(), database));
  await services.targets.ensurePlan();
  await seedDemoStats(services);
  call = await asUsers(app, ['taskforce']);
}, 300_000);

describe('the default demo city', () => {
  it('is a city of the plan’s scale: 规上 firms, output and labels of the order of T1, T9–T11', async () => {
    expect(DEFAULT_DEMO_SCALE).toBeGreaterThanOrEqual(20_000);
    // T9 (> 5,500 规上), T10 (> 6,000 high-tech), T11 (12,000 sci-tech SMEs): within ±25%.
    expect(loaded.aboveScale).toBeGreaterThan(5500 * 0.75);
    expect(loaded.aboveScale).toBeLessThan(5500 * 1.25);
    expect(loaded.labels.high_tech).toBeGreaterThan(6000 * 0.75);
    expect(loaded.labels.high_tech).toBeLessThan(6000 * 1.25);
    expect(loaded.labels.tech_sme).toBeGreaterThan(12_000 * 0.75);
    expect(loaded.labels.tech_sme).toBeLessThan(12_000 * 1.25);
    // 规上 count grows over the period.
    expect(loaded.aboveScaleByYear[2021]!).toBeLessThan(loaded.aboveScaleByYear[2025]!);
    const summary = (await call('taskforce', 'GET', '/api/cockpit?year=2025')).json().summary;
    // T1: 3 万亿元 of output (stored in 万元).
    expect(summary.platform_output / (3 * WAN_YI)).toBeGreaterThan(0.75);
    expect(summary.platform_output / (3 * WAN_YI)).toBeLessThan(1.25);
    // The generated city's 规上 firms, and the seeded demo enterprise.
    expect(summary.above_scale_firms - loaded.aboveScaleByYear[2025]!).toBeGreaterThanOrEqual(0);
    expect(summary.above_scale_firms - loaded.aboveScaleByYear[2025]!).toBeLessThanOrEqual(1);
  });

  it('shows a realistic mix on the cockpit: targets among T1–T12 met, at risk and behind, none without data', async () => {
    const res = await call('taskforce', 'GET', '/api/cockpit?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const cards: Card[] = res.json().targets;
    const plan = cards.filter((c) => /^T\d+$/.test(c.target.code));
    expect(plan).toHaveLength(12);
    const status = Object.fromEntries(plan.map((c) => [c.target.code, c.assessment.status]));
    const count = (s: string) => plan.filter((c) => c.assessment.status === s).length;
    expect(count('no_data'), JSON.stringify(status)).toBe(0);
    expect(plan.filter((c) => c.assessment.achieved).length, JSON.stringify(status)).toBeGreaterThan(0);
    expect(count('at_risk'), JSON.stringify(status)).toBeGreaterThan(0);
    expect(count('off_track'), JSON.stringify(status)).toBeGreaterThan(0);
    // Not everything behind: at most a third of the plan's targets.
    expect(count('off_track'), JSON.stringify(status)).toBeLessThanOrEqual(4);
  });

  it('enters the reported statistics once: a second run changes nothing', async () => {
    const { services } = await buildApp(testConfig(), database);
    expect(await seedDemoStats(services)).toBe(0);
  });

  it('holds the demo investment pipeline: T6 computed from it near the plan’s bar, stalls, pending changes, 达产复核', async () => {
    const [{ n }] = (await database.pool.query('select count(*)::int as n from projects where is_demo')).rows;
    expect(n).toBeGreaterThan(380);
    const res = await call('taskforce', 'GET', '/api/plan/assessment?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const t6 = res.json().cards.find((c: { target: { code: string } }) => c.target.code === 'T6');
    expect(t6.source).toBe('computed');
    expect(t6.assessment.value).toBeGreaterThan(50);
    expect(t6.assessment.value).toBeLessThan(70);
    const stats = (await call('taskforce', 'GET', '/api/projects/stats?year=2025')).json();
    expect(stats.city.majorSigned).toBe(t6.assessment.value);
    expect(stats.city.stalled).toBeGreaterThan(10);
    expect(stats.city.pending).toBeGreaterThan(3);
    const commitments = (await call('taskforce', 'GET', '/api/projects/commitments?shortOnly=true')).json();
    expect(commitments.items.length).toBeGreaterThan(3);
    expect(commitments.shortLandMu).toBeGreaterThan(0);
  });
});
