/** Chain-leader routes through app.inject: the candidate line, decisions, the label, roles, scope, export. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { DEMO_PLATFORMS, demoUscc, seedDemo } from '../demo/demo.seed';
import { todayInChina } from './core/rules';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let qiantang: number; // the platform admin's platform
let binjiang: number;
const ids: Record<string, number> = {};

const PAST = 2024;
const THIS_YEAR = Number(todayInChina().slice(0, 4));

interface Fixture {
  key: string;
  platform: () => number;
  industryClass: string | null;
  outputs: Record<number, number | null>;
  label?: string | null;
}

/**
 * A: exactly on the line (biomedicine); B: 0.01 万元 below it; C: another platform (green energy);
 * D: a leader since 2022 now below the line; E: a candidate of this year only (no key industry);
 * F: a candidate of 2024 whose label dates from 2025.
 */
const FIXTURES: Fixture[] = [
  { key: 'A', platform: () => qiantang, industryClass: '2710', outputs: { [PAST]: 200_000 } },
  { key: 'B', platform: () => qiantang, industryClass: '2710', outputs: { [PAST]: 199_999.99 } },
  { key: 'C', platform: () => binjiang, industryClass: '2530', outputs: { [PAST]: 350_000 } },
  {
    key: 'D',
    platform: () => qiantang,
    industryClass: '3911',
    outputs: { [PAST]: 150_000 },
    label: '2022-06-01',
  },
  {
    key: 'E',
    platform: () => binjiang,
    industryClass: null,
    outputs: { [PAST]: 100_000, [THIS_YEAR]: 250_000 },
  },
  {
    key: 'F',
    platform: () => qiantang,
    industryClass: '3911',
    outputs: { [PAST]: 300_000, 2025: 310_000 },
    label: '2025-03-01',
  },
];

async function labelOf(key: string) {
  const { rows } = await database.pool.query(
    `select granted_on::text as granted_on from enterprise_labels where enterprise_id = $1 and label = 'chain_leader'`,
    [ids[key]],
  );
  return rows[0] ? { grantedOn: rows[0].granted_on as string | null } : null;
}

async function auditActions(enterpriseKey: string) {
  const { rows } = await database.pool.query(
    `select action, detail from audit_log where object_type = 'enterprise' and object_id = $1 order by id`,
    [String(ids[enterpriseKey])],
  );
  return rows as { action: string; detail: Record<string, unknown> }[];
}

type Row = { enterpriseId: number; status: string; belowThreshold: boolean; output: number | null };
const listOf = async (who: string, query: string) => {
  const res = await call(who, 'GET', `/api/chain-leaders?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { year: number; years: number[]; total: number; items: Row[] };
};
const rowOf = (list: { items: Row[] }, key: string) => list.items.find((r) => r.enterpriseId === ids[key]);
const summaryOf = async (who: string, year: number) => {
  const res = await call(who, 'GET', `/api/chain-leaders/summary?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const decide = (who: string, key: string, year: number, decision: string, reason: unknown) =>
  call(who, 'POST', '/api/chain-leaders/decisions', { enterpriseId: ids[key], year, decision, reason });

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  const platformId = async (name: string) =>
    (await database.pool.query('select id from platforms where name = $1', [name])).rows[0].id as number;
  qiantang = await platformId(DEMO_PLATFORMS[0]![0]);
  binjiang = await platformId(DEMO_PLATFORMS[1]![0]);
  let serial = 9000;
  for (const f of FIXTURES) {
    const { rows } = await database.pool.query(
      `insert into enterprises (uscc, name, platform_id, industry_class) values ($1, $2, $3, $4) returning id`,
      [demoUscc('330114', serial++), `链主测试企业${f.key}`, f.platform(), f.industryClass],
    );
    ids[f.key] = rows[0].id;
    for (const [year, output] of Object.entries(f.outputs))
      await database.pool.query(
        `insert into enterprise_years (enterprise_id, year, output) values ($1, $2, $3)`,
        [ids[f.key], Number(year), output],
      );
    if (f.label !== undefined)
      await database.pool.query(
        `insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, 'chain_leader', $2)`,
        [ids[f.key], f.label],
      );
  }
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'enterprise', 'auditor']);
}, 120_000);

describe('chain-leader API', () => {
  it('candidates: output ≥ 200,000 万元 (the line included), plus confirmed leaders below it', async () => {
    const list = await listOf('taskforce', `year=${PAST}&pageSize=200`);
    expect(list.year).toBe(PAST);
    expect(list.years).toEqual([PAST, 2025, THIS_YEAR].filter((y, i, a) => a.indexOf(y) === i).sort());
    expect(rowOf(list, 'A')).toMatchObject({ status: 'pending', belowThreshold: false, output: 200_000 });
    expect(rowOf(list, 'B')).toBeUndefined();
    expect(rowOf(list, 'C')).toMatchObject({ status: 'pending', belowThreshold: false });
    expect(rowOf(list, 'D')).toMatchObject({ status: 'confirmed', belowThreshold: true, output: 150_000 });
    expect(rowOf(list, 'E')).toBeUndefined();
    // F's label dates from 2025: in 2024 it is a candidate still to be confirmed.
    expect(rowOf(list, 'F')).toMatchObject({ status: 'pending', belowThreshold: false });
    expect(list.items.map((r) => r.enterpriseId)).toEqual([ids.C, ids.F, ids.A, ids.D]);
    expect(list.total).toBe(4);
    const f2025 = await listOf('taskforce', 'year=2025');
    expect(rowOf(f2025, 'F')).toMatchObject({ status: 'confirmed' });
    // D has no 2025 figures: a leader all the same, below the line.
    expect(rowOf(f2025, 'D')).toMatchObject({ status: 'confirmed', belowThreshold: true, output: null });
    // Without a year: the latest year with figures.
    const latest = await listOf('taskforce', '');
    expect(latest.year).toBe(THIS_YEAR);
    expect(rowOf(latest, 'E')).toMatchObject({ status: 'pending' });
  });

  it('filters: status, platform, key industry, keyword; paging', async () => {
    const pending = await listOf('taskforce', `year=${PAST}&status=pending`);
    expect(pending.items.map((r) => r.enterpriseId).sort()).toEqual([ids.A, ids.C, ids.F].sort());
    const bin = await listOf('taskforce', `year=${PAST}&platformId=${binjiang}`);
    expect(bin.items.map((r) => r.enterpriseId)).toEqual([ids.C]);
    const bio = await listOf('taskforce', `year=${PAST}&industry=biomedicine`);
    expect(bio.items.map((r) => r.enterpriseId)).toEqual([ids.A]);
    const named = await listOf('taskforce', `year=${PAST}&keyword=${encodeURIComponent('测试企业C')}`);
    expect(named.items.map((r) => r.enterpriseId)).toEqual([ids.C]);
    const page2 = await listOf('taskforce', `year=${PAST}&page=2&pageSize=3`);
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((r) => r.enterpriseId)).toEqual([ids.D]);
    expect((await call('taskforce', 'GET', '/api/chain-leaders?status=maybe')).statusCode).toBe(400);
  });

  it('confirming grants the label (a past year: its last day) and moves the counts', async () => {
    const before = await summaryOf('taskforce', PAST);
    expect(before.total).toEqual({ candidates: 3, confirmed: 1, pending: 3, declined: 0, belowThreshold: 1 });
    const res = await decide('taskforce', 'A', PAST, 'confirmed', '  年产值达20亿元，系统集成能力强  ');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decision).toMatchObject({
      enterpriseId: ids.A,
      year: PAST,
      decision: 'confirmed',
      reason: '年产值达20亿元，系统集成能力强',
      decidedByName: '市专班 演示',
    });
    expect(res.json().item).toMatchObject({ status: 'confirmed', grantedOn: `${PAST}-12-31` });
    expect(await labelOf('A')).toEqual({ grantedOn: `${PAST}-12-31` });
    const after = await summaryOf('taskforce', PAST);
    expect(after.total).toEqual({ candidates: 3, confirmed: 2, pending: 2, declined: 0, belowThreshold: 1 });
    const q = after.byPlatform.find((p: { platformId: number }) => p.platformId === qiantang);
    expect(q).toMatchObject({ candidates: 2, confirmed: 2, pending: 1, belowThreshold: 1 });
    expect(after.byPlatform).toHaveLength(DEMO_PLATFORMS.length);
    const bio = after.byIndustry.find((i: { industry: string }) => i.industry === 'biomedicine');
    expect(bio).toMatchObject({ candidates: 1, confirmed: 1, pending: 0, isKey: true, nameZh: '生物医药' });
    expect(after.byIndustry.filter((i: { isKey: boolean }) => i.isKey)).toHaveLength(7);
    // The label is the one truth: the metrics' count of leaders in the year agrees.
    const { rows } = await database.pool.query(
      `select count(*)::int as n from enterprise_labels
        where label = 'chain_leader' and (granted_on is null or granted_on <= make_date($1, 12, 31))`,
      [PAST],
    );
    expect(rows[0].n).toBe(after.total.confirmed);
    const audit = await auditActions('A');
    expect(audit.at(-1)).toMatchObject({
      action: 'chain_leader.confirm',
      detail: { year: PAST, grantedOn: `${PAST}-12-31`, reason: '年产值达20亿元，系统集成能力强' },
    });
  });

  it('grant date: today for this year; an existing later grant moves back to the year’s end', async () => {
    const now = await decide('taskforce', 'E', THIS_YEAR, 'confirmed', '本年度产值达标，经专班研究确认');
    expect(now.statusCode, now.body).toBe(201);
    expect(await labelOf('E')).toEqual({ grantedOn: todayInChina() });
    // F holds a label from 2025-03-01; confirming it for 2024 makes it count for 2024 too.
    const back = await decide('taskforce', 'F', PAST, 'confirmed', '2024 年度补充认定');
    expect(back.statusCode, back.body).toBe(201);
    expect(await labelOf('F')).toEqual({ grantedOn: `${PAST}-12-31` });
    // Confirming again for a later year never takes the earlier year away.
    const again = await decide('taskforce', 'F', 2025, 'confirmed', '2025 年度继续确认');
    expect(again.statusCode, again.body).toBe(201);
    expect(await labelOf('F')).toEqual({ grantedOn: `${PAST}-12-31` });
    expect(rowOf(await listOf('taskforce', `year=${PAST}`), 'F')).toMatchObject({ status: 'confirmed' });
  });

  it('declining revokes the label; a revoked leader below the line leaves the list', async () => {
    const res = await decide('taskforce', 'A', PAST, 'declined', '经复核，产业链带动作用不足');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().item).toMatchObject({ status: 'declined', grantedOn: null });
    expect(await labelOf('A')).toBeNull();
    expect((await auditActions('A')).at(-1)).toMatchObject({
      action: 'chain_leader.decline',
      detail: { revoked: true, previousGrantedOn: `${PAST}-12-31` },
    });
    const trail = await call('taskforce', 'GET', `/api/chain-leaders/decisions?enterpriseId=${ids.A}`);
    expect(trail.statusCode).toBe(200);
    expect(trail.json().map((d: { decision: string }) => d.decision)).toEqual(['declined', 'confirmed']);
    expect(trail.json()[0]).toMatchObject({ enterpriseName: '链主测试企业A', platformId: qiantang });
    const list = await listOf('taskforce', `year=${PAST}`);
    expect(rowOf(list, 'A')).toMatchObject({ status: 'declined' });
    expect(rowOf(list, 'A')).toHaveProperty('latestDecision.reason', '经复核，产业链带动作用不足');

    const d = await decide('taskforce', 'D', PAST, 'declined', '产值已低于20亿元，撤销链主认定');
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().item).toBeNull();
    expect(await labelOf('D')).toBeNull();
    expect(rowOf(await listOf('taskforce', `year=${PAST}`), 'D')).toBeUndefined();
    const summary = await summaryOf('taskforce', PAST);
    expect(summary.total).toEqual({
      candidates: 3,
      confirmed: 1,
      pending: 1,
      declined: 1,
      belowThreshold: 0,
    });

    // A new confirmation overrides the decline.
    const again = await decide('taskforce', 'A', PAST, 'confirmed', '补充材料后重新确认');
    expect(again.json().item).toMatchObject({ status: 'confirmed' });
  });

  it('a reason of at least 2 characters is required; nothing is saved without one', async () => {
    const count = async () =>
      (await database.pool.query('select count(*)::int as n from chain_leader_decisions')).rows[0].n;
    const before = await count();
    for (const reason of ['', '   ', ' 是 ']) {
      const res = await decide('taskforce', 'C', PAST, 'confirmed', reason);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('DECISION_REASON_REQUIRED');
      expect(res.json().error.details[0]).toMatchObject({ field: 'reason' });
    }
    const missing = await call('taskforce', 'POST', '/api/chain-leaders/decisions', {
      enterpriseId: ids.C,
      year: PAST,
      decision: 'confirmed',
    });
    expect(missing.statusCode).toBe(400);
    const wrong = await decide('taskforce', 'C', PAST, 'maybe', '理由充分');
    expect(wrong.statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect(await labelOf('C')).toBeNull();
  });

  it('refuses a non-candidate (confirming, or declining one that holds no label)', async () => {
    const res = await decide('taskforce', 'B', PAST, 'confirmed', '差一点达到20亿元');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CHAIN_NOT_CANDIDATE');
    expect(await labelOf('B')).toBeNull();
    // E is a candidate this year, not in 2024.
    const e = await decide('taskforce', 'E', PAST, 'confirmed', '按2024年度认定');
    expect(e.json().error.code).toBe('CHAIN_NOT_CANDIDATE');
    const decline = await decide('taskforce', 'B', PAST, 'declined', '未达标准');
    expect(decline.json().error.code).toBe('CHAIN_NOT_CANDIDATE');
    const nobody = await call('taskforce', 'POST', '/api/chain-leaders/decisions', {
      enterpriseId: 2_000_000_000,
      year: PAST,
      decision: 'confirmed',
      reason: '不存在的企业',
    });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
  });

  it('a leader reads but cannot decide; enterprise users and administrators cannot read', async () => {
    expect((await call('leader', 'GET', `/api/chain-leaders?year=${PAST}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/chain-leaders/summary?year=${PAST}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', '/api/chain-leaders/decisions')).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/chain-leaders/export?year=${PAST}`)).statusCode).toBe(200);
    const res = await decide('leader', 'C', PAST, 'confirmed', '领导同意');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await decide('platform', 'A', PAST, 'declined', '园区不同意')).statusCode).toBe(403);
    expect((await call('enterprise', 'GET', '/api/chain-leaders')).statusCode).toBe(403);
    expect((await call('auditor', 'GET', '/api/chain-leaders/summary')).statusCode).toBe(403);
    expect(await labelOf('C')).toBeNull();
  });

  it('a platform administrator sees their own platform only', async () => {
    const list = await listOf('platform', `year=${PAST}&pageSize=200`);
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((r) => (r as Row & { platformId: number }).platformId === qiantang)).toBe(true);
    expect(rowOf(list, 'C')).toBeUndefined();
    expect((await listOf('platform', `year=${PAST}&platformId=${binjiang}`)).total).toBe(0);
    const summary = await summaryOf('platform', PAST);
    expect(summary.byPlatform.map((p: { platformId: number }) => p.platformId)).toEqual([qiantang]);
    expect(summary.total.candidates).toBe(2);
    const own = await call('platform', 'GET', `/api/chain-leaders/decisions?enterpriseId=${ids.A}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().length).toBeGreaterThan(0);
    const other = await call('platform', 'GET', `/api/chain-leaders/decisions?enterpriseId=${ids.E}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
    const all = await call('platform', 'GET', '/api/chain-leaders/decisions');
    expect(all.json().every((d: { platformId: number }) => d.platformId === qiantang)).toBe(true);
    expect(all.json().some((d: { enterpriseId: number }) => d.enterpriseId === ids.E)).toBe(false);
  });

  it('documents every route in OpenAPI under the chain-leaders tag', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const ops = [
      ['/api/chain-leaders', 'get'],
      ['/api/chain-leaders/summary', 'get'],
      ['/api/chain-leaders/decisions', 'get'],
      ['/api/chain-leaders/decisions', 'post'],
      ['/api/chain-leaders/export', 'get'],
    ] as const;
    for (const [path, method] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.tags).toEqual(['chain-leaders']);
      expect(op.summary).toBeTruthy();
    }
  });

  it('exports the list as .xlsx, output in 亿元', async () => {
    const res = await call('taskforce', 'GET', `/api/chain-leaders/export?year=${PAST}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `${PAST}年度链主企业候选名单`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '企业名称',
      '统一社会信用代码',
      '所属园区',
      '重点产业',
      `${PAST}年工业总产值（亿元）`,
      '状态',
      '产值低于20亿元',
      '认定日期',
      '最近决定',
      '决定人',
      '决定时间',
      '理由',
    ]);
    const list = await listOf('taskforce', `year=${PAST}&pageSize=200`);
    expect(sheet.rowCount).toBe(1 + list.total);
    const rowA = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '链主测试企业A')!;
    expect(rowA.getCell(4).value).toBe('生物医药');
    expect(rowA.getCell(5).value).toBe(20);
    expect(rowA.getCell(6).value).toBe('已确认');
    const scoped = await call('platform', 'GET', `/api/chain-leaders/export?year=${PAST}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(scoped.rawPayload as unknown as ArrayBuffer);
    const names = wb2.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).not.toContain('链主测试企业C');
  });
});
