/** The cockpit and metrics routes through app.inject: contents, honesty about missing data, scoping. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../../test/database';
import { asUsers } from '../../test/http';
import { loadDemoCity } from '../demo/city/load';
import { seedDemo } from '../demo/demo.seed';
import { BASE_FIGURES, METRIC_KEYS } from '../metrics/core/metrics';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let adminPlatform: number;

interface Card {
  target: { code: string; metric: string };
  applies: boolean;
  assessment: { value: number | null; status: string; projection: { method: string } | null };
  series: { year: number; value: number | null }[];
  source: string;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  await loadDemoCity(database, { keys: testKeyRing(), scale: 250, seed: 5 });
  let services;
  ({ app, services } = await buildApp(testConfig(), database));
  await services.evaluation.methods.ensurePresets();
  await services.targets.ensurePlan();
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'enterprise', 'commissioner', 'auditor']);
  adminPlatform = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
}, 120_000);

describe('cockpit API', () => {
  it('shows every target with a value or an honest "no data", and the platforms and clusters', async () => {
    const res = await call('taskforce', 'GET', '/api/cockpit?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2025);
    expect(body.period.key).toBe('2022-2025');
    const cards: Card[] = body.targets;
    expect(cards.map((c) => c.target.code)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
      'Z1',
      'Z2',
      'Z3',
    ]);
    for (const c of cards) {
      if (c.assessment.value === null) expect(c.assessment.status).toBe('no_data');
      else expect(['on_track', 'at_risk', 'off_track']).toContain(c.assessment.status);
      expect(c.series.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    }
    const byCode = Object.fromEntries(cards.map((c) => [c.target.code, c]));
    for (const code of ['T7', 'T8', 'T12']) expect(byCode[code]!.assessment.value).toBeNull();
    // T6 is computed from the demo project registry (nothing reported).
    expect(byCode.T6!.source).toBe('computed');
    expect(byCode.T6!.assessment.value).toBeGreaterThan(0);
    expect(byCode.T1!.assessment.projection?.method).toBe('latest'); // 2025 is the due year
    expect(byCode.T3!.source).toBe('registry');
    expect(body.platforms).toHaveLength(16);
    expect(body.clusters.map((c: { code: string }) => c.code).sort()).toEqual(
      [
        'artificial_intelligence',
        'biomedicine',
        'green_energy',
        'high_end_equipment',
        'integrated_circuits',
        'new_materials',
        'smart_iot',
      ].sort(),
    );
    expect(body.clusterLines).toEqual({ hundredBillion: 10_000_000, trillion: 100_000_000 });
    // The cluster count agrees with the bars.
    const over = body.clusters.filter((c: { output: number }) => c.output >= 10_000_000).length;
    expect(byCode.T4!.assessment.value).toBe(over);
  });

  it('projects level targets by the linear trend before the due year', async () => {
    const body = (await call('leader', 'GET', '/api/cockpit?year=2023')).json();
    const t9: Card = body.targets.find((c: Card) => c.target.code === 'T9');
    expect(t9.assessment.projection).toMatchObject({ method: 'linear_trend', from: 2021, to: 2023 });
  });

  it("gives a platform admin their own platform's cockpit, and nobody else's", async () => {
    const res = await call('platform', 'GET', '/api/cockpit?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.platformId).toBe(adminPlatform);
    expect(body.platforms.map((p: { id: number }) => p.id)).toEqual([adminPlatform]);
    expect(body.clusters).toEqual([]);
    const cards: Card[] = body.targets;
    expect(cards.find((c) => c.target.code === 'T1')!.applies).toBe(false); // a city total
    expect(cards.find((c) => c.target.code === 'Z1')!.applies).toBe(true); // tax per mu: a rate
    const other = adminPlatform === 1 ? 2 : 1;
    expect((await call('platform', 'GET', `/api/cockpit?platformId=${other}`)).statusCode).toBe(404);
    expect(
      (await call('platform', 'GET', `/api/metrics/platform-year?platformId=${other}&year=2025`)).statusCode,
    ).toBe(404);
    const city = (
      await call('taskforce', 'GET', `/api/cockpit?year=2025&platformId=${adminPlatform}`)
    ).json();
    expect(city.platformId).toBe(adminPlatform);
  });

  it('refuses roles without the cockpit', async () => {
    for (const who of ['enterprise', 'commissioner', 'auditor'])
      expect((await call(who, 'GET', '/api/cockpit')).statusCode, who).toBe(403);
  });

  it('drills down from a number to its records', async () => {
    const res = await call(
      'taskforce',
      'GET',
      '/api/metrics/drill?metric=above_scale_firms&year=2025&pageSize=5',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kind).toBe('enterprises');
    expect(body.rows).toHaveLength(5);
    const cockpit = (await call('taskforce', 'GET', '/api/cockpit?year=2025')).json();
    expect(body.total).toBe(cockpit.summary.above_scale_firms);
    const platforms = (
      await call('taskforce', 'GET', '/api/metrics/drill?metric=strategic_platforms&year=2025')
    ).json();
    expect(platforms.kind).toBe('platforms');
    expect(platforms.platforms).toHaveLength(cockpit.summary.strategic_platforms);
  });

  it('answers every metrics route within its contract (strict responses)', async () => {
    const catalogue = await call('leader', 'GET', '/api/metrics/catalogue');
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    expect(catalogue.json().metrics).toHaveLength(METRIC_KEYS.length);
    expect(catalogue.json().figures).toHaveLength(BASE_FIGURES.length);

    const cockpit = (await call('taskforce', 'GET', '/api/cockpit?year=2025')).json();
    const city = await call('taskforce', 'GET', '/api/metrics?year=2025');
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json()).toMatchObject({ year: 2025, scope: null, current: { year: 2025 } });
    expect(city.json().current.values).toEqual(cockpit.summary);
    const mine = await call('platform', 'GET', '/api/metrics?year=2025');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().scope).toEqual([adminPlatform]);

    const figures = await call(
      'platform',
      'GET',
      `/api/metrics/platform-year?platformId=${adminPlatform}&year=2025`,
    );
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json()).toMatchObject({ platformId: adminPlatform, year: 2025, overrides: [] });
    expect(Object.keys(figures.json().bases).sort()).toEqual([...BASE_FIGURES].sort());

    const drill = (metric: string, extra = '') =>
      call('taskforce', 'GET', `/api/metrics/drill?metric=${metric}&year=2025${extra}`);
    const reported = await drill('major_projects');
    expect(reported.statusCode, reported.body).toBe(200);
    // T6 drills to the projects it counts (computed from the registry), with no overrides here.
    expect(reported.json()).toMatchObject({ kind: 'projects', overrides: [] });
    expect(reported.json().projects.length).toBeGreaterThan(0);
    const industries = await drill('clusters_100bn');
    expect(industries.statusCode, industries.body).toBe(200);
    expect(industries.json().kind).toBe('industries');
    const cluster = cockpit.clusters[0];
    expect(industries.json().industries[cluster.code]).toBe(cluster.output);
    const firms = await drill('clusters_100bn', `&industry=${cluster.code}&pageSize=3`);
    expect(firms.statusCode, firms.body).toBe(200);
    expect(firms.json()).toMatchObject({ kind: 'enterprises', overrides: [] });
    expect(firms.json().rows).toHaveLength(3);
    expect((await drill('no_such_metric')).statusCode).toBe(400);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of [
      '/api/cockpit',
      '/api/metrics/drill',
      '/api/plan/assessment',
      '/api/platform-evaluation',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
