/**
 * T6 (major_projects) computed from the project registry on a hand-built set: approved vs pending
 * signings, exactly 10 亿 vs just below, 31 Dec vs 1 Jan, projects ended in the year; a platform's
 * reported figure still overrides with the source shown; the drill-down lists the projects counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { createMetricsService, type MetricsService } from './metrics.service';

let database: Database;
let metrics: MetricsService;
let P1: number;
let P2: number;

const taskforce: Actor = {
  userId: 1,
  username: 'tf',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/*
 * P1, signings of 2025 (万元; ✓ counted for 2025):
 *   A 150000 signed 2025-03-01 approved            ✓
 *   B 100000 signed 2025-12-31 approved            ✓ (exactly 10 亿, last day)
 *   C  99999.99 signed 2025-06-01 approved         ✗ (below 10 亿)
 *   D 200000 signing 2025-04-01 pending            ✗ (not approved)
 *   E 300000 signing 2025-05-01 rejected           ✗
 *   F 120000 signed 2026-01-01 approved            ✗ (next year; counts for 2026)
 *   G 120000 signed 2025-02-01, dropped 2025-10-01 ✗ (ended in the year)
 *   H 120000 signed 2025-05-01, lost 2026-02-01    ✓ (ended after the year)
 * → P1 2025 = 3, P1 2026 = 1 (F).
 * P2: I 500000 signed 2025-07-01 approved (computed 1), reported 2025 = 5 (overrides).
 * → city 2025 = 3 + 5 = 8.
 */
beforeAll(async () => {
  database = await testDatabase();
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const platform = async (name: string) =>
    (
      await q(
        `insert into platforms (name, type, district_code) values ($1, 'national_etdz', '330114') returning id`,
        [name],
      )
    ).rows[0].id as number;
  P1 = await platform('T6甲园');
  P2 = await platform('T6乙园');
  let n = 0;
  const project = async (
    platformId: number,
    total: number,
    change: { date: string; status: string } | null,
    end: { status: string; date: string } | null = null,
  ) => {
    n++;
    const { rows } = await q(
      `insert into projects (code, name, investor_name, platform_id, industry_code, total_investment, source,
         stage, stage_date, status, end_date, end_reason)
       values ($1, $2, '外地投资方', $3, 'new_materials', $4, 'chain', $5, $6, $7, $8, $9) returning id`,
      [
        `XM-T6-${String(n).padStart(5, '0')}`,
        `项目${n}`,
        platformId,
        total,
        change?.status === 'approved' ? 'signed' : 'lead',
        change?.status === 'approved' ? change.date : '2024-01-01',
        end?.status ?? 'active',
        end?.date ?? null,
        end ? '外迁' : null,
      ],
    );
    if (change)
      await q(
        `insert into project_stage_changes (project_id, from_stage, stage, stage_date, status, decision_reason)
         values ($1, 'lead', 'signed', $2, $3, $4)`,
        [rows[0].id, change.date, change.status, change.status === 'rejected' ? '材料不全' : null],
      );
  };
  await project(P1, 150000, { date: '2025-03-01', status: 'approved' });
  await project(P1, 100000, { date: '2025-12-31', status: 'approved' });
  await project(P1, 99999.99, { date: '2025-06-01', status: 'approved' });
  await project(P1, 200000, { date: '2025-04-01', status: 'pending' });
  await project(P1, 300000, { date: '2025-05-01', status: 'rejected' });
  await project(P1, 120000, { date: '2026-01-01', status: 'approved' });
  await project(
    P1,
    120000,
    { date: '2025-02-01', status: 'approved' },
    { status: 'dropped', date: '2025-10-01' },
  );
  await project(
    P1,
    120000,
    { date: '2025-05-01', status: 'approved' },
    { status: 'lost', date: '2026-02-01' },
  );
  await project(P2, 500000, { date: '2025-07-01', status: 'approved' });
  await q(
    `insert into platform_year_stats (platform_id, year, figure, value, entered_by_name)
     values ($1, 2025, 'majorProjects', 5, '乙园管理员')`,
    [P2],
  );
  metrics = createMetricsService(database);
}, 60_000);

describe('T6 computed from the project registry', () => {
  it('counts approved signings of ≥ 10 亿 in the year, not ended by 31 Dec', async () => {
    const s = await metrics.snapshot();
    const p1 = metrics.platformValues(s, P1, 2025);
    expect(p1.values.major_projects).toBe(3);
    expect(p1.sources.major_projects).toBe('computed');
    expect(metrics.platformValues(s, P1, 2026).values.major_projects).toBe(1);
    expect(metrics.platformValues(s, P1, 2024).values.major_projects).toBeNull(); // no row that year
  });

  it('a reported figure overrides the computed one, and the source says so', async () => {
    const s = await metrics.snapshot();
    const row = metrics.platformRow(s, P2, 2025);
    expect(row.computed.majorProjects).toBe(1);
    const p2 = metrics.platformValues(s, P2, 2025);
    expect(p2.values.major_projects).toBe(5);
    expect(p2.sources.major_projects).toBe('reported');
    const city = metrics.scopeValues(s, 2025, null);
    expect(city.values.major_projects).toBe(8);
    expect(city.sources.major_projects).toBe('mixed');
  });

  it('drills down to the projects counted, with the override', async () => {
    const d = await metrics.drill(taskforce, { metric: 'major_projects', year: 2025 });
    expect(d.kind).toBe('projects');
    if (d.kind !== 'projects') return;
    expect(d.projects.map((p) => p.code)).toEqual([
      'XM-T6-00001',
      'XM-T6-00008',
      'XM-T6-00009',
      'XM-T6-00002',
    ]);
    expect(d.overrides.map((o) => [o.platformId, o.value])).toEqual([[P2, 5]]);
    const p1 = await metrics.drill(taskforce, { metric: 'major_projects', year: 2025, platformId: P1 });
    expect(p1.kind === 'projects' && p1.projects.length).toBe(3);
  });

  it('an approval moves the data version: the pending signing then counts', async () => {
    const before = await metrics.snapshot();
    await database.pool.query(
      `update project_stage_changes set status = 'approved' where status = 'pending' and stage = 'signed'`,
    );
    const after = await metrics.snapshot();
    expect(after.version).toBeGreaterThan(before.version);
    expect(metrics.platformValues(after, P1, 2025).values.major_projects).toBe(4);
  });
});
