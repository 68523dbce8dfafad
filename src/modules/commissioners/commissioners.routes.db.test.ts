/**
 * Commissioner assignments through app.inject: assign, reassign with dated history, at most one
 * current, the platform admin's limits, bulk by filter, the Excel import, and what a commissioner
 * then sees (its enterprises and nothing else).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { zonedDate } from '../../platform/time-zone';
import { buildApp } from '../../server/app';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers, multipartFile } from '../../test/http';
import { DEMO_PLATFORMS, demoUscc, seedDemo } from '../demo/demo.seed';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let qiantang: number;
let binjiang: number;
const user: Record<string, number> = {};
/** q1–q4: enterprises of 钱塘 (the platform admin's); b1, b2: of 滨江 (the demo commissioner's). */
const e: Record<string, number> = {};
const uscc: Record<string, string> = {};
const today = zonedDate();

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务专员分配');
  ws.addRow(['统一社会信用代码', '企业名称', '服务专员账号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  const platformId = async (name: string) =>
    (await q('select id from platforms where name = $1', [name]))[0].id;
  qiantang = await platformId(DEMO_PLATFORMS[0]![0]);
  binjiang = await platformId(DEMO_PLATFORMS[1]![0]);
  let serial = 8100;
  for (const [key, platform, scale] of [
    ['q1', qiantang, 'above'],
    ['q2', qiantang, 'above'],
    ['q3', qiantang, 'below'],
    ['q4', qiantang, 'below'],
    ['b1', binjiang, 'below'],
    ['b2', binjiang, 'below'],
  ] as const) {
    uscc[key] = demoUscc('330114', serial++);
    const [row] = await q(
      `insert into enterprises (uscc, name, platform_id, scale, industry_class) values ($1, $2, $3, $4, '2710') returning id`,
      [uscc[key], `专员测试企业${key}`, platform, scale],
    );
    e[key] = row.id;
  }
  for (const u of ['commissioner', 'zy-01-1', 'zy-01-2', 'zy-02-2'])
    user[u] = (await q('select id from users where username = $1', [u]))[0].id;
  call = await asUsers(app, ['taskforce', 'platform', 'commissioner', 'zy-01-1', 'enterprise', 'leader']);
}, 120_000);

const current = (id: number) =>
  q(
    'select commissioner_user_id, started_on::text, ended_on::text from commissioner_assignments where enterprise_id = $1 order by id',
    [id],
  );

describe('commissioner assignment', () => {
  it('assigns, reassigns (ending the current one the same day) and keeps the history', async () => {
    let res = await call('platform', 'PUT', `/api/commissioners/assignments/${e.q1}`, {
      commissionerUserId: user['zy-01-1'],
      reason: '首次分配',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().current).toMatchObject({
      commissionerUserId: user['zy-01-1'],
      startedOn: today,
      endedOn: null,
    });
    res = await call('platform', 'PUT', `/api/commissioners/assignments/${e.q1}`, {
      commissionerUserId: user['zy-01-2'],
      reason: '调整分工',
    });
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.items).toHaveLength(2);
    expect(h.current).toMatchObject({
      commissionerUserId: user['zy-01-2'],
      reason: '调整分工',
      endedOn: null,
    });
    expect(h.items[1]).toMatchObject({ commissionerUserId: user['zy-01-1'], endedOn: today });
    expect(await current(e.q1!)).toEqual([
      { commissioner_user_id: user['zy-01-1'], started_on: today, ended_on: today },
      { commissioner_user_id: user['zy-01-2'], started_on: today, ended_on: null },
    ]);
    // The same commissioner again changes nothing.
    res = await call('platform', 'PUT', `/api/commissioners/assignments/${e.q1}`, {
      commissionerUserId: user['zy-01-2'],
    });
    expect(res.json().items).toHaveLength(2);
    const audit = await q(
      `select action from audit_log where object_type = 'enterprise' and object_id = $1 order by id`,
      [String(e.q1)],
    );
    expect(audit.map((r) => r.action)).toEqual(['commissioner.assign', 'commissioner.assign']);
  });

  it('unassigns with null, and the database keeps at most one current assignment', async () => {
    await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.q4}`, {
      commissionerUserId: user['zy-01-1'],
    });
    const res = await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.q4}`, {
      commissionerUserId: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().current).toBeNull();
    await q(
      `insert into commissioner_assignments (enterprise_id, commissioner_user_id, started_on) values ($1, $2, $3)`,
      [e.q4, user['zy-01-1'], today],
    );
    await expect(
      q(
        `insert into commissioner_assignments (enterprise_id, commissioner_user_id, started_on) values ($1, $2, $3)`,
        [e.q4, user['zy-01-2'], today],
      ),
    ).rejects.toThrow(/commissioner_assignments_current_unique/);
    await q('delete from commissioner_assignments where enterprise_id = $1', [e.q4]);
  });

  it('refuses a platform admin outside its platform: enterprises and commissioners alike', async () => {
    let res = await call('platform', 'PUT', `/api/commissioners/assignments/${e.b1}`, {
      commissionerUserId: user['zy-01-1'],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
    res = await call('platform', 'PUT', `/api/commissioners/assignments/${e.q2}`, {
      commissionerUserId: user.commissioner,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COMMISSIONER_NOT_FOUND');
    // Not a commissioner account at all.
    const leader = (await q(`select id from users where username = 'leader'`))[0].id;
    res = await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.q2}`, {
      commissionerUserId: leader,
    });
    expect(res.json().error.code).toBe('COMMISSIONER_NOT_FOUND');
    // Commissioners, leaders and enterprises do not assign.
    for (const who of ['commissioner', 'leader', 'enterprise']) {
      res = await call(who, 'PUT', `/api/commissioners/assignments/${e.b1}`, {
        commissionerUserId: user.commissioner,
      });
      expect(res.statusCode, who).toBe(403);
    }
    // The platform admin picks only its own platform's commissioners.
    const list = (await call('platform', 'GET', '/api/commissioners')).json() as { platformId: number }[];
    expect(list.length).toBe(3);
    expect(list.every((c) => c.platformId === qiantang)).toBe(true);
  });

  it('bulk-assigns by filter with a preview count (unassigned only)', async () => {
    let res = await call(
      'platform',
      'GET',
      `/api/commissioners/bulk/preview?platformId=${qiantang}&unassigned=true&to=${user['zy-01-1']}`,
    );
    expect(res.json()).toEqual({ matching: 3, changing: 3 }); // q2, q3, q4 (q1 is assigned)
    res = await call('platform', 'GET', `/api/commissioners/bulk/preview?platformId=${qiantang}`);
    expect(res.json()).toEqual({ matching: 4, changing: 4 });
    res = await call(
      'platform',
      'GET',
      `/api/commissioners/bulk/preview?platformId=${qiantang}&scale=below&unassigned=true`,
    );
    expect(res.json().matching).toBe(2);
    res = await call('platform', 'POST', '/api/commissioners/bulk', {
      filter: { scale: 'below', unassigned: true },
      commissionerUserId: user['zy-01-1'],
      reason: '按规模分配',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Only 钱塘's (b1, b2 are below scale too but outside the platform admin's scope).
    expect(res.json()).toEqual({ assigned: 2, ended: 0, unchanged: 0 });
    expect((await current(e.b1!)).length).toBe(0);
    const list = await call(
      'platform',
      'GET',
      `/api/commissioners/assignments?commissionerUserId=${user['zy-01-1']}`,
    );
    expect(
      list
        .json()
        .items.map((r: { enterpriseId: number }) => r.enterpriseId)
        .sort(),
    ).toEqual([e.q3, e.q4].sort());
    const unassigned = await call('platform', 'GET', '/api/commissioners/assignments?unassigned=true');
    expect(unassigned.json().items.map((r: { enterpriseId: number }) => r.enterpriseId)).toEqual([e.q2]);
  });

  it('imports USCC → commissioner all or nothing, naming each bad row', async () => {
    const bad = multipartFile(
      await workbook([
        [uscc.q2!, '', 'zy-01-2'],
        [uscc.b1!, '', 'zy-01-1'], // another platform's enterprise
        ['91330100XXXXXXXXXX', '', 'zy-01-1'], // unknown
        [uscc.q3!, '', 'commissioner'], // another platform's commissioner
      ]),
    );
    let res = await call('platform', 'POST', '/api/commissioners/import', bad.body, bad.headers);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('ASSIGNMENT_IMPORT_INVALID');
    expect(res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['rows/3/统一社会信用代码', 'UNKNOWN_ENTERPRISE'],
      ['rows/4/统一社会信用代码', 'UNKNOWN_ENTERPRISE'],
      ['rows/5/服务专员账号', 'UNKNOWN_COMMISSIONER'],
    ]);
    expect((await current(e.q2!)).length).toBe(0);
    const good = multipartFile(
      await workbook([
        [uscc.q2!, '', 'ZY-01-2'],
        [uscc.q3!, '', 'zy-01-2'],
      ]),
    );
    res = await call('platform', 'POST', '/api/commissioners/import', good.body, good.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2, assigned: 2, ended: 1, unchanged: 0 });
    const exported = await call('platform', 'GET', '/api/commissioners/export');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain(uscc.q2);
    expect(text).not.toContain(uscc.b1);
  });

  it('a commissioner reads exactly its assigned enterprises', async () => {
    await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.b1}`, {
      commissionerUserId: user.commissioner,
    });
    await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.b2}`, {
      commissionerUserId: user['zy-02-2'],
    });
    const own = (
      await q(
        `select enterprise_id from commissioner_assignments where commissioner_user_id = $1 and ended_on is null`,
        [user.commissioner],
      )
    ).map((r) => r.enterprise_id);
    expect(own).toContain(e.b1);
    const list = await call('commissioner', 'GET', '/api/enterprises?pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((r: { id: number }) => r.id)
        .sort(),
    ).toEqual(own.sort());
    expect((await call('commissioner', 'GET', `/api/enterprises/${e.b1}`)).statusCode).toBe(200);
    for (const other of [e.b2, e.q1])
      expect((await call('commissioner', 'GET', `/api/enterprises/${other}`)).statusCode).toBe(404);
    // Its platforms: those of its enterprises.
    const platforms = await call('commissioner', 'GET', '/api/platforms?pageSize=100');
    expect(platforms.json().items.map((p: { id: number }) => p.id)).toEqual([binjiang]);
    // No cockpit.
    expect((await call('commissioner', 'GET', '/api/cockpit')).statusCode).toBe(403);
    // Reassigned away: gone at once.
    await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.b1}`, {
      commissionerUserId: user['zy-02-2'],
    });
    expect((await call('commissioner', 'GET', `/api/enterprises/${e.b1}`)).statusCode).toBe(404);
    // The history stays readable to whoever reads the enterprise.
    const history = await call('leader', 'GET', `/api/commissioners/assignments/${e.b1}`);
    expect(history.json().items.map((i: { commissionerUserId: number }) => i.commissionerUserId)).toEqual([
      user['zy-02-2'],
      user.commissioner,
    ]);
  });
});
