/** Enterprise and import routes through app.inject: scope, roles, masking, export, upload → commit. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { sealPhone } from '../../platform/crypto/personal-info';
import { testConfig, testDatabase, testKeyRing } from '../../test/database';
import { asUsers, multipartFile } from '../../test/http';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { COLUMNS } from '../imports/core/columns';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number; // the platform admin's platform
let other: number;

async function create(uscc: string, name: string, platformId: number) {
  const res = await call('taskforce', 'POST', '/api/enterprises', {
    uscc,
    name,
    platformId,
    industryClass: '3973',
    ownLandMu: 20,
    labels: [{ label: 'high_tech', grantedOn: '2023-11-01' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'enterprise', 'commissioner', 'auditor']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  other = (await call('taskforce', 'GET', '/api/platforms?pageSize=100'))
    .json()
    .items.find((p: { id: number }) => p.id !== own).id;
});

describe('enterprise routes', () => {
  it('scopes lists and records: platform admin sees own platform only; others get 404', async () => {
    const mine = await create(demoUscc('330114', 501), '=HYPERLINK("http://x")钱塘企业', own);
    const theirs = await create(demoUscc('330108', 502), '滨江企业', other);
    const list = (await call('platform', 'GET', '/api/enterprises?pageSize=100')).json();
    expect(list.items.map((e: { id: number }) => e.id)).toContain(mine);
    expect(list.items.every((e: { platformId: number }) => e.platformId === own)).toBe(true);
    expect((await call('platform', 'GET', `/api/enterprises/${theirs}`)).statusCode).toBe(404);
    expect(
      (await call('platform', 'PATCH', `/api/enterprises/${theirs}`, { version: 1, address: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('platform', 'PUT', `/api/enterprises/${theirs}/years/2025`, { tax: 1 })).statusCode,
    ).toBe(404);
    expect((await call('taskforce', 'GET', `/api/enterprises/${theirs}`)).statusCode).toBe(200);
  });

  it('an edit of the record neither grants nor removes the chain-leader label (decided with a reason)', async () => {
    const id = await create(demoUscc('330114', 503), '钱塘链主候选企业', own);
    const labelsOf = async () =>
      (await call('taskforce', 'GET', `/api/enterprises/${id}`))
        .json()
        .labels.map((l: { label: string }) => l.label);
    const patched = await call('taskforce', 'PATCH', `/api/enterprises/${id}`, {
      version: 1,
      labels: [
        { label: 'high_tech', grantedOn: '2023-11-01' },
        { label: 'chain_leader', grantedOn: null },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await labelsOf()).toEqual(['high_tech']);
    await database.pool.query(
      `insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, 'chain_leader', '2025-03-01')`,
      [id],
    );
    const again = await call('taskforce', 'PATCH', `/api/enterprises/${id}`, { version: 2, labels: [] });
    expect(again.statusCode, again.body).toBe(200);
    expect(await labelsOf()).toEqual(['chain_leader']);
  });

  it('read-only roles get 403 on writes; a commissioner without assignments sees no enterprise', async () => {
    const id = (await call('taskforce', 'GET', '/api/enterprises?pageSize=1')).json().items[0].id;
    expect(
      (await call('leader', 'PATCH', `/api/enterprises/${id}`, { version: 1, address: 'x' })).statusCode,
    ).toBe(403);
    expect((await call('leader', 'PUT', `/api/enterprises/${id}/years/2025`, { tax: 1 })).statusCode).toBe(
      403,
    );
    const none = await call('commissioner', 'GET', '/api/enterprises');
    expect(none.statusCode).toBe(200);
    expect(none.json().total).toBe(0);
    expect((await call('commissioner', 'GET', `/api/enterprises/${id}`)).statusCode).toBe(404);
    expect(
      (await call('commissioner', 'PATCH', `/api/enterprises/${id}`, { version: 1, address: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await call('auditor', 'GET', '/api/enterprises')).statusCode).toBe(403);
  });

  it('validates USCC check characters and duplicates', async () => {
    const bad = await call('taskforce', 'POST', '/api/enterprises', {
      uscc: '91330100799655058C',
      name: 'x',
      platformId: own,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'uscc', code: 'USCC_CHECK' });
    const dup = await call('taskforce', 'POST', '/api/enterprises', {
      uscc: demoUscc('330114', 501),
      name: 'x',
      platformId: own,
    });
    expect(dup.statusCode).toBe(409);
  });

  it('finds enterprises by pinyin initials and filters by key industry and label', async () => {
    const byInitials = (await call('taskforce', 'GET', `/api/enterprises?keyword=bjqy`)).json();
    expect(byInitials.items.map((e: { name: string }) => e.name)).toEqual(['滨江企业']);
    const ic = (
      await call('taskforce', 'GET', '/api/enterprises?keyIndustry=integrated_circuits&label=high_tech')
    ).json();
    expect(ic.total).toBeGreaterThanOrEqual(2);
    expect(
      (await call('taskforce', 'GET', '/api/enterprises?industryClass=39')).json().total,
    ).toBeGreaterThanOrEqual(2);
  });

  it('year data: entered by the platform, confirmed and flagged by the enterprise (一企一单)', async () => {
    const me = (await call('enterprise', 'GET', '/api/auth/me')).json().user;
    const before = (await call('taskforce', 'GET', `/api/enterprises/${me.enterpriseId}`)).json();
    const put = await call('taskforce', 'PUT', `/api/enterprises/${me.enterpriseId}/years/2025`, {
      version: before.years.find((y: { year: number }) => y.year === 2025)?.version ?? 0,
      revenue: 3000,
      tax: 120,
      employees: 80,
    });
    expect(put.statusCode, put.body).toBe(200);
    const confirmed = await call(
      'enterprise',
      'POST',
      `/api/enterprises/${me.enterpriseId}/years/2025/confirm`,
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().confirmedAt).not.toBeNull();
    const flag = await call('enterprise', 'POST', `/api/enterprises/${me.enterpriseId}/years/2025/flags`, {
      field: 'tax',
      comment: '税收应为 118 万元',
    });
    expect(flag.statusCode).toBe(201);
    const detail = (await call('enterprise', 'GET', `/api/enterprises/${me.enterpriseId}`)).json();
    expect(detail.scale).toBe('above');
    expect(detail.years[0]).toMatchObject({ year: 2025, revenue: 3000 });
    expect(detail.flags[0]).toMatchObject({ field: 'tax' });
    const otherId = (await call('taskforce', 'GET', '/api/enterprises?keyword=bjqy')).json().items[0].id;
    expect(
      (await call('enterprise', 'POST', `/api/enterprises/${otherId}/years/2025/confirm`)).statusCode,
    ).toBe(404);
    // Editing a figure asks for a new confirmation.
    const edited = await call('taskforce', 'PUT', `/api/enterprises/${me.enterpriseId}/years/2025`, {
      version: confirmed.json().version,
      tax: 118,
    });
    expect(edited.json().confirmedAt).toBeNull();
  });

  it('the task force edits the class → key-industry mapping; enterprises follow; others may not', async () => {
    const before = (await call('taskforce', 'GET', '/api/industry-classes?keyword=3973&level=class')).json()
      .items[0];
    expect(before).toMatchObject({ code: '3973', keyIndustry: 'integrated_circuits' });
    expect(
      (await call('leader', 'PUT', '/api/industry-classes/3973/key-industry', { industryCode: 'smart_iot' }))
        .statusCode,
    ).toBe(403);
    const changed = await call('taskforce', 'PUT', '/api/industry-classes/3973/key-industry', {
      industryCode: 'artificial_intelligence',
    });
    expect(changed.json()).toEqual({ code: '3973', keyIndustry: 'artificial_intelligence' });
    const list = (await call('taskforce', 'GET', '/api/enterprises?industryClass=3973&pageSize=100')).json();
    expect(
      list.items.every((e: { keyIndustry: string }) => e.keyIndustry === 'artificial_intelligence'),
    ).toBe(true);
    expect(
      (await call('taskforce', 'PUT', '/api/industry-classes/3973/key-industry', { industryCode: 'steel' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('taskforce', 'PUT', '/api/industry-classes/9999/key-industry', { industryCode: null }))
        .statusCode,
    ).toBe(404);
    await call('taskforce', 'PUT', '/api/industry-classes/3973/key-industry', {
      industryCode: 'integrated_circuits',
    });
  });

  it('masks phone numbers in every response', async () => {
    const id = (await call('taskforce', 'GET', '/api/enterprises?keyword=bjqy')).json().items[0].id;
    const { phoneCipher, phoneIndex } = sealPhone(testKeyRing(), '13912345678');
    await database.pool.query(
      `insert into enterprise_contacts (enterprise_id, name, phone_cipher, phone_index) values ($1, '王五', $2, $3)`,
      [id, phoneCipher, phoneIndex],
    );
    const res = await call('taskforce', 'GET', `/api/enterprises/${id}`);
    expect(res.body).not.toContain('13912345678');
    expect(res.json().contacts[0].phone).toBe('139****5678');
  });

  it('exports the filtered list as .xlsx with formula-injection escaping and a safe file name', async () => {
    const res = await call('platform', 'GET', '/api/enterprises/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value));
    });
    expect(names).toContain('\'=HYPERLINK("http://x")钱塘企业');
    expect(names).not.toContain('滨江企业'); // out of the platform admin's scope
    const land = sheet.getRow(2).getCell(8).value;
    expect(typeof land).toBe('number');
  });
});

describe('imports over HTTP', () => {
  async function upload(
    who: string,
    kind: string,
    year: number | null,
    content: Buffer,
    filename = '数据.xlsx',
  ) {
    const { body, headers } = multipartFile(content, filename);
    return call(who, 'POST', `/api/imports?kind=${kind}${year ? `&year=${year}` : ''}`, body, headers);
  }
  async function waitFor(who: string, id: number) {
    for (let i = 0; i < 100; i++) {
      const job = (await call(who, 'GET', `/api/imports/${id}`)).json();
      if (!['validating', 'importing'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  }

  it('upload → validate → commit; a bad file is rejected with a downloadable report', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度数据');
    ws.addRow(COLUMNS.annual.map((c) => c.header));
    const uscc = demoUscc('330114', 501);
    ws.addRow([uscc, '', 2024, 100, 2500, 90]);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const started = await upload('platform', 'annual', 2024, good);
    expect(started.statusCode, started.body).toBe(202);
    const ready = await waitFor('platform', started.json().id);
    expect(ready.status, JSON.stringify(ready.problems)).toBe('ready');
    const commit = await call('platform', 'POST', `/api/imports/${ready.id}/commit`);
    expect(commit.statusCode).toBe(202);
    const done = await waitFor('platform', ready.id);
    expect(done).toMatchObject({ status: 'succeeded', rowsInserted: 1 });
    expect((await call('platform', 'POST', `/api/imports/${ready.id}/commit`)).statusCode).toBe(409);

    ws.addRow(['91330100799655058C', '', 2024, 1, 1, 1]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const rejected = await waitFor('platform', (await upload('platform', 'annual', 2024, bad)).json().id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.problems[0]).toMatchObject({ row: 3, code: 'USCC_CHECK' });
    const report = await call('platform', 'GET', `/api/imports/${rejected.id}/report.xlsx`);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(rb.worksheets[0]!.getRow(2).getCell(5).value).toBe('USCC_CHECK');
    // Someone else's import is not visible.
    expect((await call('leader', 'GET', `/api/imports/${rejected.id}`)).statusCode).toBe(403);
  });

  it('a platform admin cannot import data of another platform’s enterprises', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年度数据');
    ws.addRow(COLUMNS.annual.map((c) => c.header));
    ws.addRow([demoUscc('330108', 502), '', 2024, 100, 2500, 90]);
    const job = await waitFor(
      'platform',
      (await upload('platform', 'annual', 2024, Buffer.from(await wb.xlsx.writeBuffer()))).json().id,
    );
    expect(job.status).toBe('rejected');
    expect(job.problems[0].code).toBe('UNKNOWN_ENTERPRISE');
  });

  it('exports the import history of the user', async () => {
    const res = await call('platform', 'GET', '/api/imports/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(4);
    expect((await call('leader', 'GET', '/api/imports/export.xlsx')).statusCode).toBe(403);
  });

  it('serves templates', async () => {
    const res = await call('platform', 'GET', '/api/imports/templates/annual.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
