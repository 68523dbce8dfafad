/**
 * Every metric on a small hand-built city whose expected numbers are worked out by hand below,
 * the reported-statistics override, sources, the cache, drill-down and scoping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { createMetricsService, type MetricsService } from './metrics.service';

let database: Database;
let metrics: MetricsService;
let P1: number;
let P2: number;
const ids: Record<string, number> = {};

const actor = (role: Actor['role'], platformId: number | null = null): Actor => ({
  userId: 1,
  username: role,
  role,
  platformId,
  enterpriseId: null,
  ip: null,
});
const taskforce = actor('task_force');

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `raw:${(error as Error).message}`;
  }
}

/*
 * P1 (strategic; leading: integrated_circuits, biomedicine)
 *   e1 3973 IC, own land 10 亩, labels high_tech 2023-11-01, chain_leader 2025-03-01
 *      2024: output 300000 revenue 290000 tax 500 VA 70000 energy 1000 R&D 12000 FAI 2000
 *      2025: output 330000 revenue 320000 tax 600 VA 80000 energy 1000 R&D 16000 FAI 2500
 *   e2 2710 biomedicine, land 20, tech_sme 2025-05-01
 *      2024: output 10000 revenue 9000 tax 200 VA 2500 energy 500 R&D 300 FAI 1000
 *      2025: output 12000 revenue 11000 tax 300 VA 3000 energy 450 R&D 400 FAI 1500
 *   e3 1311 (no key industry), land 5; 2025: output 1000 revenue 1500 (below scale) tax 50 VA 200
 *      energy 100, no R&D, no FAI
 * P2 (leading: smart_iot)
 *   e4 3973 IC, no own land; 2025: output 250000 revenue 240000 tax 1000 VA 60000 energy 2000
 *      R&D 5000 FAI 3000
 *   e5 2710 biomedicine, land 40, set above scale by hand; 2025: output 1200 revenue 1000 tax 80
 *      VA 300 energy 50 R&D 20 FAI 400
 *   reported 2025: output 260000 (overrides the computed 251200), majorProjects 3
 */
beforeAll(async () => {
  database = await testDatabase();
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const platform = async (name: string, strategic: boolean, leading: string[]) => {
    const { rows } = await q(
      `insert into platforms (name, type, district_code, is_strategic) values ($1, 'national_etdz', '330114', $2) returning id`,
      [name, strategic],
    );
    for (const [i, code] of leading.entries())
      await q('insert into platform_industries (platform_id, industry_code, rank) values ($1, $2, $3)', [
        rows[0].id,
        code,
        i + 1,
      ]);
    return rows[0].id as number;
  };
  P1 = await platform('平台一', true, ['integrated_circuits', 'biomedicine']);
  P2 = await platform('平台二', false, ['smart_iot']);
  const firm = async (
    key: string,
    platformId: number,
    cls: string,
    land: number | null,
    override: string | null,
  ) => {
    const { rows } = await q(
      `insert into enterprises (uscc, name, platform_id, industry_class, own_land_mu, scale_override)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [`TEST${key}`, `企业${key}`, platformId, cls, land, override],
    );
    ids[key] = rows[0].id;
  };
  await firm('e1', P1, '3973', 10, null);
  await firm('e2', P1, '2710', 20, null);
  await firm('e3', P1, '1311', 5, null);
  await firm('e4', P2, '3973', null, null);
  await firm('e5', P2, '2710', 40, 'above');
  const year = (key: string, y: number, v: (number | null)[]) =>
    q(
      `insert into enterprise_years (enterprise_id, year, output, revenue, tax, value_added, energy_tce, rd_spending,
         fixed_asset_investment) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [ids[key], y, ...v],
    );
  await year('e1', 2024, [300000, 290000, 500, 70000, 1000, 12000, 2000]);
  await year('e1', 2025, [330000, 320000, 600, 80000, 1000, 16000, 2500]);
  await year('e2', 2024, [10000, 9000, 200, 2500, 500, 300, 1000]);
  await year('e2', 2025, [12000, 11000, 300, 3000, 450, 400, 1500]);
  await year('e3', 2025, [1000, 1500, 50, 200, 100, null, null]);
  await year('e4', 2025, [250000, 240000, 1000, 60000, 2000, 5000, 3000]);
  await year('e5', 2025, [1200, 1000, 80, 300, 50, 20, 400]);
  const label = (key: string, l: string, on: string) =>
    q('insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, $2, $3)', [
      ids[key],
      l,
      on,
    ]);
  await label('e1', 'high_tech', '2023-11-01');
  await label('e1', 'chain_leader', '2025-03-01');
  await label('e2', 'tech_sme', '2025-05-01');
  await q(
    `insert into platform_year_stats (platform_id, year, figure, value, entered_by_name) values
     ($1, 2025, 'output', 260000, 'platform2'), ($1, 2025, 'majorProjects', 3, 'platform2')`,
    [P2],
  );
  metrics = createMetricsService(database);
}, 60_000);

describe('metrics on a hand-built city', () => {
  it('platform 1, 2025: every metric from its sums', async () => {
    const s = await metrics.snapshot();
    const { values: v, bases, sources } = metrics.platformValues(s, P1, 2025);
    expect(bases.output).toBe(343000); // 330000 + 12000 + 1000
    expect(bases.leadingOutput).toBe(342000); // e3 has no key industry
    expect(v.platform_output).toBe(343000);
    expect(v.leading_share).toBeCloseTo(342000 / 343000, 12);
    expect(v.above_scale_firms).toBe(2); // e3's revenue 1500 < 2000
    expect(v.tax_per_mu).toBeCloseTo(900 / 30, 12); // (600 + 300) ÷ (10 + 20)
    expect(v.rd_intensity).toBeCloseTo(16400 / 331000, 12);
    expect(v.investment_intensity).toBeCloseTo(4000 / 30, 12); // e3 has no FAI: its land is left out
    expect(v.energy_per_value_added).toBeCloseTo(1550 / 83200, 12);
    expect(v.output_growth).toBeCloseTo(343000 / 310000 - 1, 12);
    expect(v.above_scale_growth).toBe(0); // 2 → 2
    expect(v.fai_growth).toBeCloseTo(4000 / 3000 - 1, 12);
    expect(v.energy_intensity_decline).toBeCloseTo(1 - 1550 / 83200 / (1500 / 72500), 12);
    expect(v.chain_leader_candidates).toBe(1); // e1 ≥ 200000
    expect(v.chain_leaders).toBe(1);
    expect(v.high_tech_firms).toBe(1);
    expect(v.tech_smes).toBe(1);
    expect(v.major_projects).toBeNull(); // no project registry and nothing reported: no data, never 0
    expect(v.strategic_platforms).toBeNull(); // a city metric
    expect(sources.platform_output).toBe('computed');
  });

  it('platform 1, 2024: labels count only once granted', async () => {
    const s = await metrics.snapshot();
    const { values: v } = metrics.platformValues(s, P1, 2024);
    expect(v.chain_leaders).toBe(0); // granted 2025-03-01
    expect(v.tech_smes).toBe(0); // granted 2025-05-01
    expect(v.high_tech_firms).toBe(1);
    expect(v.output_growth).toBeNull(); // no 2023
  });

  it('platform 2, 2025: a reported figure overrides the computed one, and the source says so', async () => {
    const s = await metrics.snapshot();
    const row = metrics.platformRow(s, P2, 2025);
    expect(row.computed.output).toBe(251200);
    const { values: v, sources } = metrics.platformValues(s, P2, 2025);
    expect(v.platform_output).toBe(260000);
    expect(sources.platform_output).toBe('reported');
    expect(sources.leading_share).toBe('mixed'); // output reported, leading output computed
    expect(v.leading_share).toBe(0); // IC and biomedicine are not P2's leading industries
    expect(v.tax_per_mu).toBeCloseTo(80 / 40, 12); // e4 has no own land
    expect(v.above_scale_firms).toBe(2); // e5 set above scale by hand
    expect(v.investment_intensity).toBeCloseTo(400 / 40, 12);
    expect(v.major_projects).toBe(3);
    expect(sources.major_projects).toBe('reported');
  });

  it('the city, 2025: sums of the platforms, clusters from enterprise data', async () => {
    const s = await metrics.snapshot();
    const city = metrics.scopeValues(s, 2025, null);
    expect(city.values.platform_output).toBe(603000);
    expect(city.values.leading_share).toBeCloseTo(342000 / 603000, 12);
    expect(city.values.tax_per_mu).toBeCloseTo(980 / 70, 12);
    expect(city.values.rd_intensity).toBeCloseTo(21420 / 572000, 12);
    expect(city.values.investment_intensity).toBeCloseTo(4400 / 70, 12);
    expect(city.values.above_scale_firms).toBe(4);
    expect(city.values.chain_leader_candidates).toBe(2);
    expect(city.values.strategic_platforms).toBe(1);
    expect(city.values.major_projects).toBe(3);
    // T6 is computed (from the project registry), so it is no longer counted as reported-only.
    expect(city.reportedBy.major_projects).toBeUndefined();
    expect(city.values.public_service_coverage).toBeNull();
    expect(city.values.clusters_100bn).toBe(0); // 58 亿 and 1.32 亿 are far below 1,000 亿
    expect(s.industries.get(2025)).toEqual({ integrated_circuits: 580000, biomedicine: 13200 });
    expect(city.sources.platform_output).toBe('mixed');
    expect(city.sources.strategic_platforms).toBe('registry');
  });

  it('recomputes after a change to the data, and only then', async () => {
    const before = await metrics.snapshot();
    expect(await metrics.snapshot()).toBe(before); // cached
    await database.pool.query(
      'update enterprise_years set output = 331000 where enterprise_id = $1 and year = 2025',
      [ids.e1],
    );
    const after = await metrics.snapshot();
    expect(after.version).toBeGreaterThan(before.version);
    expect(metrics.platformValues(after, P1, 2025).values.platform_output).toBe(344000);
    await database.pool.query(
      'update enterprise_years set output = 330000 where enterprise_id = $1 and year = 2025',
      [ids.e1],
    );
  });

  it('drills down to the enterprises behind a number', async () => {
    const above = await metrics.drill(taskforce, { metric: 'above_scale_firms', year: 2025, platformId: P1 });
    expect(above.kind).toBe('enterprises');
    if (above.kind !== 'enterprises') return;
    expect(above.rows.map((r) => r.name)).toEqual(['企业e1', '企业e2']);
    const leaders = await metrics.drill(taskforce, { metric: 'chain_leaders', year: 2025 });
    expect(leaders.kind === 'enterprises' && leaders.rows.map((r) => r.id)).toEqual([ids.e1]);
    const candidates = await metrics.drill(taskforce, { metric: 'chain_leader_candidates', year: 2025 });
    expect(candidates.kind === 'enterprises' && candidates.total).toBe(2);
    const reported = await metrics.drill(taskforce, { metric: 'major_projects', year: 2025 });
    // T6 drills to the projects counted (none here) and shows the reported override.
    expect(reported.kind).toBe('projects');
    expect(reported.kind === 'projects' && reported.projects).toEqual([]);
    expect(reported.kind === 'projects' && reported.overrides.map((r) => [r.platformId, r.value])).toEqual([
      [P2, 3],
    ]);
    const output = await metrics.drill(taskforce, { metric: 'platform_output', year: 2025, platformId: P2 });
    expect(output.kind === 'enterprises' && output.overrides.map((o) => o.value)).toEqual([260000]);
    const clusters = await metrics.drill(taskforce, { metric: 'clusters_100bn', year: 2025 });
    expect(clusters.kind === 'industries' && clusters.industries.integrated_circuits).toBe(580000);
    const ic = await metrics.drill(taskforce, {
      metric: 'clusters_100bn',
      year: 2025,
      industry: 'integrated_circuits',
    });
    expect(ic.kind === 'enterprises' && ic.rows.map((r) => r.id).sort()).toEqual([ids.e1, ids.e4].sort());
  });

  it('scopes a platform admin to their platform and refuses roles without the cockpit', async () => {
    const admin = actor('platform_admin', P2);
    const mine = await metrics.overview(admin, 2025);
    expect(mine.scope).toEqual([P2]);
    expect(mine.current.values.platform_output).toBe(260000);
    expect(await code(metrics.overview(admin, 2025, P1))).toBe('PLATFORM_NOT_FOUND');
    expect(await code(metrics.drill(admin, { metric: 'platform_output', year: 2025, platformId: P1 }))).toBe(
      'PLATFORM_NOT_FOUND',
    );
    const drilled = await metrics.drill(admin, { metric: 'above_scale_firms', year: 2025 });
    expect(drilled.kind === 'enterprises' && drilled.rows.every((r) => r.platformId === P2)).toBe(true);
    expect(await code(metrics.overview(actor('enterprise'), 2025))).toBe('FORBIDDEN');
    expect(await code(metrics.overview(actor('commissioner'), 2025))).toBe('FORBIDDEN');
  });
});
