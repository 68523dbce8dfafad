/** Import routes through app.inject: the annual export (roles, scope, audit), foreign files, the sheet read. */
import fs from 'node:fs/promises';
import os from 'node:os';
import ExcelJS from 'exceljs';
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
const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;

async function upload(who: string, kind: string, year: number | null, content: Buffer, filename: string) {
  const { body, headers } = multipartFile(content, filename);
  return call(who, 'POST', `/api/imports?kind=${kind}${year ? `&year=${year}` : ''}`, body, headers);
}
async function settle(who: string, id: number) {
  for (let i = 0; i < 200; i++) {
    const job = (await call(who, 'GET', `/api/imports/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
async function rowsOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'commissioner', 'sysadmin']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  other = (await call('taskforce', 'GET', '/api/platforms?pageSize=100'))
    .json()
    .items.find((p: { id: number }) => p.id !== own).id;
  for (const [uscc, name, platformId, revenue] of [
    [demoUscc('330114', 8101), '杭州导出甲有限公司', own, 1500],
    [demoUscc('330108', 8102), '杭州导出乙有限公司', other, 2500],
  ] as const) {
    const res = await call('taskforce', 'POST', '/api/enterprises', { uscc, name, platformId });
    expect(res.statusCode, res.body).toBe(201);
    const put = await call('taskforce', 'PUT', `/api/enterprises/${res.json().id}/years/2013`, { revenue });
    expect(put.statusCode, put.body).toBe(200);
  }
});

describe('GET /api/imports/years/:year/export.xlsx', () => {
  it('is refused to roles that may not read enterprises', async () => {
    for (const who of ['sysadmin'])
      expect((await call(who, 'GET', '/api/imports/years/2013/export.xlsx')).statusCode, who).toBe(403);
  });

  it('gives the task force every platform and a platform admin their own, in the template layout', async () => {
    const all = await call('taskforce', 'GET', '/api/imports/years/2013/export.xlsx');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('spreadsheetml');
    const sheet = await rowsOf(all.rawPayload);
    expect(sheet.name).toBe('年度数据');
    expect(sheet.rows[0]).toEqual(COLUMNS.annual.map((c) => c.header));
    const names = sheet.rows.slice(1).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(['杭州导出甲有限公司', '杭州导出乙有限公司']));
    const mine = await rowsOf(
      (await call('platform', 'GET', '/api/imports/years/2013/export.xlsx')).rawPayload,
    );
    const mineNames = mine.rows.slice(1).map((r) => r[1]);
    expect(mineNames).toContain('杭州导出甲有限公司');
    expect(mineNames).not.toContain('杭州导出乙有限公司');
    const audit = await database.pool.query(
      `select count(*)::int as n from audit_log where action = 'enterprise_year.export' and object_id = '2013'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('the download imports again over HTTP without changing anything', async () => {
    const exported = await call('platform', 'GET', '/api/imports/years/2013/export.xlsx');
    const job = await settle(
      'platform',
      (await upload('platform', 'annual', 2013, exported.rawPayload, 'export.xlsx')).json().id,
    );
    expect(job.status, JSON.stringify(job.problems)).toBe('ready');
    expect(job.sheet).toMatchObject({ name: '年度数据', reason: 'named' });
    await call('platform', 'POST', `/api/imports/${job.id}/commit`);
    expect(await settle('platform', job.id)).toMatchObject({
      status: 'succeeded',
      rowsInserted: 0,
      rowsUpdated: 0,
    });
  });
});

describe('uploads that are not .xlsx', () => {
  it('an .xls renamed .xlsx is rejected by its bytes with 不是有效的 .xlsx 文件 and what to do, in both languages', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('Workbook', 'utf16le'),
    ]);
    const job = await settle(
      'platform',
      (await upload('platform', 'annual', 2013, xls, '年度数据.xlsx')).json().id,
    );
    expect(job.status).toBe('rejected');
    expect(job.sheet).toBeNull();
    expect(job.problems[0]).toMatchObject({ code: 'NOT_XLSX', value: 'xls', row: 0 });
    expect(job.problems[0].zh).toMatch(/^不是有效的 \.xlsx 文件：这是 Excel 97–2003/);
    expect(job.problems[0].en).toMatch(
      /This is an Excel 97–2003 \.xls file; open it in Excel or WPS and save it/,
    );
  });

  it('a hidden first sheet is skipped and the job says which sheet was read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['x']);
    const ws = wb.addWorksheet('数据');
    ws.addRow([A('uscc'), A('year'), A('revenue')]);
    ws.addRow([demoUscc('330114', 8101), 2013, 1500]);
    const job = await settle(
      'platform',
      (await upload('platform', 'annual', 2013, Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx')).json()
        .id,
    );
    expect(job.status, JSON.stringify(job.problems)).toBe('ready');
    expect(job.sheet).toMatchObject({ name: '数据', reason: 'first-visible' });
    expect(job.sheet.en).toMatch(/hidden sheet\(s\) “隐藏” skipped/);
  });
});

describe('V16: what one upload request may carry', () => {
  const jobsOf = async () =>
    (await call('platform', 'GET', '/api/imports?pageSize=1')).json().total as number;
  const leftovers = async () =>
    (await fs.readdir(os.tmpdir())).filter((f) => f.startsWith('yiyuan-upload-')).length;

  it('a second file in the same request is refused with 400, before any job starts', async () => {
    const boundary = '----yiyuan-two';
    const part = (name: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.from('PK\x03\x04 not really a workbook'),
        Buffer.from('\r\n'),
      ]);
    const before = await jobsOf();
    const files = await leftovers();
    const res = await call(
      'platform',
      'POST',
      '/api/imports?kind=annual&year=2013',
      Buffer.concat([
        part('a.xlsx'),
        part('b.xlsx'),
        Buffer.from(`--${boundary}--\r\n`),
      ]) as unknown as string,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', code: 'ONE_FILE' });
    expect(res.json().error.details[0].zh).toContain('一次只能上传一个文件');
    expect(await jobsOf()).toBe(before);
    expect(await leftovers()).toBe(files);
  });

  it('a name that is not .xlsx (a renamed .png, an .xlsm, no extension) is refused with 400', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    for (const name of ['截图.png', '宏.xlsm', '年度数据.xls', 'noextension']) {
      const res = await upload('platform', 'annual', 2013, png, name);
      expect(res.statusCode, name).toBe(400);
      const detail = res.json().error.details[0];
      expect(detail).toMatchObject({ field: 'file', code: 'WRONG_EXTENSION' });
      expect(detail.zh).toContain('.xlsx');
      expect(detail.en).toContain('Only Excel workbooks (.xlsx)');
    }
  });

  it('a file over 20 MB is refused with 413 and leaves nothing behind', async () => {
    const files = await leftovers();
    const res = await upload('platform', 'annual', 2013, Buffer.alloc(21 * 1024 * 1024, 1), 'big.xlsx');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await leftovers()).toBe(files);
  });
});
