/**
 * Imports and data integrity through app.inject: a registry import stays inside the importer's
 * scope and never moves an enterprise (the move is its own task-force action), the audit row names
 * every enterprise changed, the chain-leader label is never set by a file, and every write path
 * bumps the version the edits check.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers, multipartFile } from '../../test/http';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { COLUMNS } from './core/columns';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number;
let other: number;
let ownName: string;
let otherName: string;
const E = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;

async function registry(rows: unknown[][], header = [E('uscc'), E('name'), E('platform')]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(who: string, kind: string, year: number | null, content: Buffer) {
  const { body, headers } = multipartFile(content);
  return call(who, 'POST', `/api/imports?kind=${kind}${year ? `&year=${year}` : ''}`, body, headers);
}

async function settle(who: string, id: number) {
  for (let i = 0; i < 400; i++) {
    const job = (await call(who, 'GET', `/api/imports/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** Upload, wait for validation, and commit when it passed; the job as it ended. */
async function importFile(who: string, content: Buffer, kind = 'enterprises', year: number | null = null) {
  const started = await upload(who, kind, year, content);
  expect(started.statusCode, started.body).toBe(202);
  const checked = await settle(who, started.json().id);
  if (checked.status !== 'ready') return checked;
  const commit = await call(who, 'POST', `/api/imports/${checked.id}/commit`);
  expect(commit.statusCode, commit.body).toBe(202);
  return settle(who, checked.id);
}

async function create(uscc: string, name: string, platformId: number, labels: unknown[] = []) {
  const res = await call('taskforce', 'POST', '/api/enterprises', { uscc, name, platformId, labels });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

const get = async (id: number) => (await call('taskforce', 'GET', `/api/enterprises/${id}`)).json();

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'platform', 'auditor']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  const platforms = (await call('taskforce', 'GET', '/api/platforms?pageSize=100')).json().items as {
    id: number;
    name: string;
  }[];
  other = platforms.find((p) => p.id !== own)!.id;
  ownName = platforms.find((p) => p.id === own)!.name;
  otherName = platforms.find((p) => p.id === other)!.name;
});

describe('V1: a registry import stays inside the importer’s scope', () => {
  it('a platform admin’s row naming another platform’s enterprise is a row error; that enterprise is untouched', async () => {
    const uscc = demoUscc('330108', 9101);
    const foreign = await create(uscc, '杭州外园区甲有限公司', other);
    const before = await get(foreign.id);
    // The platform column names the admin's own platform: the only check the old import made.
    const job = await importFile('platform', await registry([[uscc, '被改名的企业', ownName]]));
    expect(job.status).toBe('rejected');
    expect(job.problems[0]).toMatchObject({ row: 2, code: 'ENTERPRISE_OUT_OF_SCOPE', value: uscc });
    expect(job.problems[0].zh).toContain('迁移园区');
    expect(job.problems[0].en).toContain('Move to another platform');
    const after = await get(foreign.id);
    expect(after).toMatchObject({ platformId: other, name: '杭州外园区甲有限公司', version: before.version });
  });

  it('a task-force import that would move an enterprise to another platform is a row error pointing to the move action', async () => {
    const uscc = demoUscc('330108', 9102);
    const e = await create(uscc, '杭州待迁企业有限公司', other);
    const job = await importFile('taskforce', await registry([[uscc, '杭州待迁企业有限公司', ownName]]));
    expect(job.status).toBe('rejected');
    expect(job.problems[0]).toMatchObject({ code: 'PLATFORM_MOVE', value: uscc });
    expect(job.problems[0].zh).toContain(otherName);
    expect(job.problems[0].zh).toContain('迁移园区');
    expect((await get(e.id)).platformId).toBe(other);
  });

  it('the write itself refuses an out-of-scope enterprise even when validation missed it', async () => {
    // The enterprise appears on the other platform after the file was validated (ready).
    const uscc = demoUscc('330114', 9103);
    const started = await upload(
      'platform',
      'enterprises',
      null,
      await registry([[uscc, '杭州新企业', ownName]]),
    );
    const ready = await settle('platform', started.json().id);
    expect(ready.status).toBe('ready');
    const foreign = await create(uscc, '杭州抢先登记企业', other);
    await call('platform', 'POST', `/api/imports/${ready.id}/commit`);
    const done = await settle('platform', ready.id);
    expect(done.status).toBe('rejected');
    expect(done.problems[0].code).toBe('ENTERPRISE_OUT_OF_SCOPE');
    expect(await get(foreign.id)).toMatchObject({ platformId: other, name: '杭州抢先登记企业' });
  });

  it('moving is a task-force action with version and reason, audited with from and to; an edit cannot move', async () => {
    const e = await create(demoUscc('330114', 9104), '杭州迁移企业有限公司', own);
    const body = { version: e.version, platformId: other, reason: '企业整体迁入新园区' };
    expect((await call('platform', 'POST', `/api/enterprises/${e.id}/move`, body)).statusCode).toBe(403);
    const patch = await call('taskforce', 'PATCH', `/api/enterprises/${e.id}`, {
      version: e.version,
      platformId: other,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0]).toMatchObject({ field: 'platformId', code: 'USE_MOVE' });
    const stale = await call('taskforce', 'POST', `/api/enterprises/${e.id}/move`, {
      ...body,
      version: e.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const moved = await call('taskforce', 'POST', `/api/enterprises/${e.id}/move`, body);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ platformId: other, version: e.version + 1 });
    const audit = (await call('auditor', 'GET', '/api/audit?action=enterprise.move')).json().items;
    expect(audit[0]).toMatchObject({ objectId: String(e.id), result: 'success' });
    expect(audit[0].detail).toMatchObject({
      from: { platformId: own, name: ownName },
      to: { platformId: other, name: otherName },
      reason: '企业整体迁入新园区',
    });
    // Now outside the platform admin's scope.
    expect((await call('platform', 'GET', `/api/enterprises/${e.id}`)).statusCode).toBe(404);
  });

  it('the audit row names every enterprise changed, and the import history downloads the list', async () => {
    const [a, b, c] = [9105, 9106, 9107].map((n) => demoUscc('330114', n));
    const kept = await create(c!, '杭州不变企业有限公司', own);
    const job = await importFile(
      'platform',
      await registry([
        [a, '杭州新增甲有限公司', ownName],
        [b, '杭州新增乙有限公司', ownName],
        [c, '杭州不变企业有限公司', ownName],
      ]),
    );
    expect(job).toMatchObject({ status: 'succeeded', rowsInserted: 2, rowsUpdated: 0 });
    const rows = await database.db.execute<{ id: string; detail: Record<string, unknown> }>(
      sql`select id, detail from audit_log where action = 'import.enterprises' and object_id = ${String(job.id)}`,
    );
    const changed = rows.rows[0]!.detail.changedEnterprises as {
      count: number;
      list: string;
      first: string[];
    };
    expect(changed.count).toBe(2);
    expect(changed.list).toBe(`import_changes:${job.id}`);
    expect(changed.first.map((s) => s.split(':')[1]).sort()).toEqual([a, b].sort());
    const file = await call('platform', 'GET', `/api/imports/${job.id}/changes.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const listed: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) listed.push(`${String(row.getCell(2).value)}:${String(row.getCell(4).value)}`);
    });
    expect(listed.sort()).toEqual([`${a}:新增`, `${b}:新增`].sort());
    expect(listed.some((l) => l.startsWith(c!))).toBe(false);
    expect((await get(kept.id)).version).toBe(kept.version);
  });
});

describe('V8: the chain-leader label follows one rule for edits and imports', () => {
  it('an import neither grants nor removes the chain-leader label', async () => {
    const header = [E('uscc'), E('name'), E('platform'), E('label:chain_leader'), E('label:high_tech')];
    const plain = await create(demoUscc('330114', 9108), '杭州普通企业有限公司', own);
    const leader = await create(demoUscc('330114', 9109), '杭州链主企业有限公司', own);
    await database.db.execute(
      sql`insert into enterprise_labels (enterprise_id, label, granted_on) values (${leader.id}, 'chain_leader', '2024-01-01')`,
    );
    const job = await importFile(
      'platform',
      await registry(
        [
          [demoUscc('330114', 9108), '杭州普通企业有限公司', ownName, '是', '2023-11-01'],
          [demoUscc('330114', 9109), '杭州链主企业有限公司', ownName, '', ''],
        ],
        header,
      ),
    );
    expect(job.status, JSON.stringify(job.problems)).toBe('succeeded');
    const labels = async (id: number) =>
      ((await get(id)).labels as { label: string }[]).map((l) => l.label).sort();
    expect(await labels(plain.id)).toEqual(['high_tech']);
    expect(await labels(leader.id)).toEqual(['chain_leader']);
  });
});

describe('every write path bumps the version it checks', () => {
  it('a stale edit after a label-only import is refused (409) instead of wiping the labels', async () => {
    const e = await create(demoUscc('330114', 9110), '杭州标签企业有限公司', own);
    const read = await get(e.id);
    const header = [E('uscc'), E('name'), E('platform'), E('label:high_tech'), E('ratingExemption')];
    const job = await importFile(
      'platform',
      await registry(
        [[demoUscc('330114', 9110), '杭州标签企业有限公司', ownName, '2024-05-01', '初创企业']],
        header,
      ),
    );
    expect(job).toMatchObject({ status: 'succeeded', rowsUpdated: 1 });
    const after = await get(e.id);
    expect(after.version).toBe(read.version + 1);
    expect(after.ratingExemption).toBe('startup');
    const stale = await call('platform', 'PATCH', `/api/enterprises/${e.id}`, {
      version: read.version,
      labels: [],
      ratingExemption: null,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await get(e.id)).labels).toEqual([{ label: 'high_tech', grantedOn: '2024-05-01' }]);
  });

  it('two concurrent year-figure edits with the same version: one wins, the other gets 409', async () => {
    const e = await create(demoUscc('330114', 9111), '杭州年度企业有限公司', own);
    const first = await call('platform', 'PUT', `/api/enterprises/${e.id}/years/2024`, {
      revenue: 1000,
      tax: 50,
    });
    expect(first.statusCode, first.body).toBe(200);
    const version = first.json().version as number;
    const [x, y] = await Promise.all([
      call('platform', 'PUT', `/api/enterprises/${e.id}/years/2024`, { version, revenue: 1200, tax: 50 }),
      call('taskforce', 'PUT', `/api/enterprises/${e.id}/years/2024`, { version, revenue: 1000, tax: 60 }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const lost = x.statusCode === 409 ? x : y;
    expect(lost.json().error.details[0]).toMatchObject({ field: 'version', code: 'STALE' });
    expect(lost.json().error.details[0].zh).toContain('刷新');
    // A stale write (no version, or an old one) never reverts the winner's figure.
    expect(
      (await call('platform', 'PUT', `/api/enterprises/${e.id}/years/2024`, { tax: 1 })).statusCode,
    ).toBe(409);
    const year = (await get(e.id)).years.find((r: { year: number }) => r.year === 2024);
    expect(year.version).toBe(version + 1);
    expect([year.revenue, year.tax]).toEqual(x.statusCode === 200 ? [1200, 50] : [1000, 60]);
  });

  it('an annual import bumps the year’s version: an edit that read the old one is refused', async () => {
    const uscc = demoUscc('330114', 9112);
    const e = await create(uscc, '杭州年度导入企业有限公司', own);
    const put = await call('platform', 'PUT', `/api/enterprises/${e.id}/years/2023`, { revenue: 10 });
    const v = put.json().version as number;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度数据');
    ws.addRow(COLUMNS.annual.map((c) => c.header));
    ws.addRow([uscc, '', 2023, 100, 2500, 90]);
    const job = await importFile('platform', Buffer.from(await wb.xlsx.writeBuffer()), 'annual', 2023);
    expect(job.status, JSON.stringify(job.problems)).toBe('succeeded');
    const year = (await get(e.id)).years.find((r: { year: number }) => r.year === 2023);
    expect(year.version).toBe(v + 1);
    const stale = await call('platform', 'PUT', `/api/enterprises/${e.id}/years/2023`, {
      version: v,
      revenue: 11,
    });
    expect(stale.statusCode).toBe(409);
  });
});
