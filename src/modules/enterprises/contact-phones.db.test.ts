/**
 * Contact phone numbers as personal information (security checklist 15, 16, 25): written sealed by
 * the registry import, masked in every response for every role, shown whole only through the
 * audited, rate-limited reveal, absent in clear from the table and from a backup, found by their
 * keyed index, and still readable after a key rotation.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Services } from '../../server/services';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { PiKeyRing, openPhone, sealPhone } from '../../platform/crypto/personal-info';
import { testConfig, testDatabase, testKeyRing, TEST_PI_KEY } from '../../test/database';
import { asUsers } from '../../test/http';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { ENTERPRISE_COLUMNS } from '../imports/core/columns';
import { createPersonalInfoService } from '../personal-info/personal-info.service';
import type { Actor } from '../auth/core/access';

const PHONE_A = '13912345678';
const PHONE_B = '18667781234';
/** The digits as ASCII, hex-encoded: how a clear value would look inside a bytea dump. */
const hexOf = (s: string) => Buffer.from(s).toString('hex');
const USERS = [
  'taskforce',
  'leader',
  'platform',
  'commissioner',
  'enterprise',
  'sysadmin',
  'secadmin',
  'auditor',
];
const TASK_FORCE: Actor = {
  userId: 0,
  username: 'system:test',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-pi-'));
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));
/** Enterprise A is on the platform admin's platform, B on another one. */
let a: { id: number; contactId: number };
let b: { id: number; contactId: number };

async function registry(rows: { uscc: string; name: string; platform: string; phone: string }[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  const header = (key: string) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;
  ws.addRow(['uscc', 'name', 'platform', 'contactName', 'contactPhone'].map(header));
  for (const r of rows) ws.addRow([r.uscc, r.name, r.platform, '联系人', r.phone]);
  const file = path.join(tmp, `registry-${Date.now()}.xlsx`);
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function contactOf(enterpriseId: number) {
  const { rows } = await database.pool.query<{ id: number }>(
    'select id from enterprise_contacts where enterprise_id = $1',
    [enterpriseId],
  );
  return rows[0]!.id;
}

async function auditRows(action: string) {
  const { rows } = await database.pool.query(
    `select user_id, username, object_type, object_id, result, detail from audit_log where action = $1 order by id`,
    [action],
  );
  return rows;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  call = await asUsers(app, USERS);
  const own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId as number;
  const platforms = (await call('taskforce', 'GET', '/api/platforms?pageSize=100')).json().items as {
    id: number;
    name: string;
  }[];
  const mine = platforms.find((p) => p.id === own)!;
  const other = platforms.find((p) => p.id !== own)!;
  const file = await registry([
    { uscc: demoUscc('330114', 811), name: '隐私测试甲公司', platform: mine.name, phone: PHONE_A },
    { uscc: demoUscc('330108', 812), name: '隐私测试乙公司', platform: other.name, phone: `+86 ${PHONE_B}` },
  ]);
  const job = await services.imports.importNow(TASK_FORCE, {
    kind: 'enterprises',
    year: null,
    file,
    fileName: 'registry.xlsx',
  });
  expect(job.job.status, JSON.stringify(job)).toBe('succeeded');
  const idOf = async (name: string) =>
    (await call('taskforce', 'GET', `/api/enterprises?keyword=${encodeURIComponent(name)}`)).json().items[0]
      .id as number;
  const ida = await idOf('隐私测试甲公司');
  const idb = await idOf('隐私测试乙公司');
  a = { id: ida, contactId: await contactOf(ida) };
  b = { id: idb, contactId: await contactOf(idb) };
});

describe('contact phones at rest (checklist 25)', () => {
  it('the import stores only sealed bytes: no digits in any column, and they open to the number', async () => {
    const { rows } = await database.pool.query<{ json: string; phone_cipher: Buffer; phone_index: Buffer }>(
      'select row_to_json(c)::text as json, phone_cipher, phone_index from enterprise_contacts c where enterprise_id = any($1) order by id',
      [[a.id, b.id]],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      for (const phone of [PHONE_A, PHONE_B, PHONE_A.slice(3, 7), PHONE_B.slice(3, 7)]) {
        expect(row.json).not.toContain(phone);
        expect(row.json).not.toContain(hexOf(phone));
        expect(row.phone_cipher.toString('latin1')).not.toContain(phone);
      }
      expect(row.phone_cipher[0]).toBe(1);
      expect(row.phone_index).toHaveLength(32);
    }
    expect(openPhone(testKeyRing(), rows[0]!.phone_cipher)).toBe(PHONE_A);
    expect(openPhone(testKeyRing(), rows[1]!.phone_cipher)).toBe(`+86 ${PHONE_B}`);
    // The table has no clear phone column left.
    const columns = await database.pool.query(
      "select column_name from information_schema.columns where table_name = 'enterprise_contacts' order by 1",
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual([
      'enterprise_id',
      'id',
      'name',
      'phone_cipher',
      'phone_index',
      'title',
    ]);
  });

  it('a backup of the database holds the sealed bytes, never the digits', async () => {
    const file = path.join(tmp, 'backup.gz');
    await services.system.backup({ userId: null, username: 'system:test', ip: null }, file);
    const text = gunzipSync(await fs.readFile(file)).toString('latin1');
    expect(text).toContain('enterprise_contacts');
    for (const phone of [PHONE_A, PHONE_B]) {
      expect(text).not.toContain(phone);
      expect(text).not.toContain(hexOf(phone));
    }
  });

  it('the registry export carries no phone number, whole or masked', async () => {
    const res = await call('taskforce', 'GET', '/api/enterprises/export.xlsx?keyword=隐私测试');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.join('\n')).toContain('隐私测试甲公司');
    for (const part of [PHONE_A, PHONE_B, PHONE_A.slice(-4), PHONE_B.slice(-4)])
      expect(cells.join('\n')).not.toContain(part);
  });

  it('finds an enterprise by its contact’s whole number (keyed index), in any notation', async () => {
    for (const keyword of [PHONE_B, `+86-${PHONE_B}`, '186 6778 1234']) {
      const res = await call('taskforce', 'GET', `/api/enterprises?keyword=${encodeURIComponent(keyword)}`);
      expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    }
    // Part of a number finds nothing (an index matches whole values only), scope still applies.
    expect((await call('taskforce', 'GET', '/api/enterprises?keyword=18667781')).json().total).toBe(0);
    expect((await call('platform', 'GET', `/api/enterprises?keyword=${PHONE_B}`)).json().total).toBe(0);
  });
});

describe('masking and reveal (checklist 15, 16)', () => {
  it('every role that may read the enterprise gets the number masked; the others get 403/404', async () => {
    const expected: Record<string, number> = {
      taskforce: 200,
      leader: 200,
      platform: 200,
      // Not assigned to this commissioner: like a missing enterprise.
      commissioner: 404,
      enterprise: 404,
      sysadmin: 403,
      secadmin: 403,
      auditor: 403,
    };
    for (const who of USERS) {
      const res = await call(who, 'GET', `/api/enterprises/${a.id}`);
      expect(res.statusCode, who).toBe(expected[who]);
      expect(res.body).not.toContain(PHONE_A);
      if (res.statusCode === 200) expect(res.json().contacts[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      const list = await call(who, 'GET', '/api/enterprises?keyword=隐私测试');
      expect(list.body).not.toContain(PHONE_A);
      expect(list.body).not.toContain(PHONE_B);
    }
    expect((await call('taskforce', 'GET', `/api/enterprises/${a.id}`)).json().contacts[0].phone).toBe(
      '139****5678',
    );
  });

  it('the task force and the platform admin in scope see the number whole, each reveal audited', async () => {
    const before = (await auditRows('contact.reveal')).length;
    const url = (e: { id: number; contactId: number }) =>
      `/api/enterprises/${e.id}/contacts/${e.contactId}/reveal`;
    const tf = await call('taskforce', 'POST', url(b));
    expect(tf.statusCode, tf.body).toBe(200);
    expect(tf.json()).toEqual({ contactId: b.contactId, phone: `+86 ${PHONE_B}` });
    const pa = await call('platform', 'POST', url(a));
    expect(pa.json()).toEqual({ contactId: a.contactId, phone: PHONE_A });
    const rows = (await auditRows('contact.reveal')).slice(before);
    const taskforceId = (await call('taskforce', 'GET', '/api/auth/me')).json().user.id;
    expect(rows[0]).toMatchObject({
      user_id: taskforceId,
      username: 'taskforce',
      object_type: 'enterprise_contact',
      object_id: String(b.contactId),
      result: 'success',
      detail: { enterpriseId: b.id, contactId: b.contactId },
    });
    expect(rows[1]).toMatchObject({
      username: 'platform',
      object_id: String(a.contactId),
      result: 'success',
    });
    // The trail never holds the number.
    expect(JSON.stringify(rows)).not.toContain(PHONE_B.slice(3));
  });

  it('refuses every other role (403) and out-of-scope or missing contacts (404), audited as failures', async () => {
    const before = (await auditRows('contact.reveal')).length;
    const url = (e: { id: number; contactId: number }) =>
      `/api/enterprises/${e.id}/contacts/${e.contactId}/reveal`;
    for (const who of ['leader', 'commissioner', 'enterprise', 'sysadmin', 'secadmin', 'auditor']) {
      const res = await call(who, 'POST', url(a));
      expect(res.statusCode, who).toBe(403);
      expect(res.body).not.toContain(PHONE_A);
    }
    const outOfScope = await call('platform', 'POST', url(b));
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().error.code).toBe('CONTACT_NOT_FOUND');
    // A contact of another enterprise under this enterprise's id.
    expect(
      (await call('taskforce', 'POST', `/api/enterprises/${a.id}/contacts/${b.contactId}/reveal`)).statusCode,
    ).toBe(404);
    const rows = (await auditRows('contact.reveal')).slice(before);
    expect(rows.map((r) => [r.username, r.result, r.detail.reason])).toEqual([
      ['leader', 'failure', 'forbidden'],
      ['commissioner', 'failure', 'forbidden'],
      ['enterprise', 'failure', 'forbidden'],
      ['sysadmin', 'failure', 'forbidden'],
      ['secadmin', 'failure', 'forbidden'],
      ['auditor', 'failure', 'forbidden'],
      ['platform', 'failure', 'not_found'],
      ['taskforce', 'failure', 'not_found'],
    ]);
  });

  it('a value altered in the database is refused on reveal (500, audited) and shown as unreadable', async () => {
    const sealed = sealPhone(testKeyRing(), '13000000000');
    sealed.phoneCipher![30]! ^= 0xff;
    const { rows } = await database.pool.query<{ id: number }>(
      "insert into enterprise_contacts (enterprise_id, name, phone_cipher, phone_index) values ($1, '篡改', $2, $3) returning id",
      [a.id, sealed.phoneCipher, sealed.phoneIndex],
    );
    const id = rows[0]!.id;
    const res = await call('taskforce', 'POST', `/api/enterprises/${a.id}/contacts/${id}/reveal`);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('PERSONAL_INFO_UNREADABLE');
    expect((await auditRows('contact.reveal')).at(-1)).toMatchObject({
      result: 'failure',
      detail: { reason: 'unreadable:tampered' },
    });
    const detail = (await call('taskforce', 'GET', `/api/enterprises/${a.id}`)).json();
    expect(detail.contacts.find((c: { id: number }) => c.id === id).phone).toBe('***********');
    await database.pool.query('delete from enterprise_contacts where id = $1', [id]);
  });

  it('reveals are rate-limited per account', async () => {
    const base = testConfig();
    const { app: limited } = await buildApp(
      testConfig({ security: { ...base.security, revealRateLimit: 3 } }),
      database,
    );
    const as = await asUsers(limited, ['taskforce', 'platform']);
    const url = `/api/enterprises/${a.id}/contacts/${a.contactId}/reveal`;
    for (let i = 0; i < 3; i++) expect((await as('taskforce', 'POST', url)).statusCode).toBe(200);
    const fourth = await as('taskforce', 'POST', url);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.body).not.toContain(PHONE_A);
    // Another account is not held back by the first one's reveals.
    expect((await as('platform', 'POST', url)).statusCode).toBe(200);
    await limited.close();
  });
});

describe('key rotation (yiyuan keys rotate)', () => {
  it('re-seals every value under the new key, is restartable, and everything still opens', async () => {
    const newKey = randomBytes(32);
    const rotated = new PiKeyRing([newKey, Buffer.from(TEST_PI_KEY, 'base64')]);
    const personalInfo = createPersonalInfoService(database, () => rotated);
    const subject = { userId: null, username: 'system:cli', ip: null };
    const before = await personalInfo.status();
    expect(before.sealedByKey).toEqual({ [testKeyRing().current.id]: 2 });
    const progress: number[] = [];
    const result = await personalInfo.rotate(subject, (done) => progress.push(done));
    expect(result).toMatchObject({
      keyId: rotated.current.id,
      total: 2,
      resealed: 2,
      alreadyCurrent: 0,
      unreadable: [],
    });
    expect(progress.at(-1)).toBe(2);
    // Only the new key is needed now.
    const onlyNew = new PiKeyRing([newKey]);
    const { rows } = await database.pool.query<{ phone_cipher: Buffer }>(
      'select phone_cipher from enterprise_contacts where enterprise_id = any($1) order by id',
      [[a.id, b.id]],
    );
    expect(rows.map((r) => openPhone(onlyNew, r.phone_cipher))).toEqual([PHONE_A, `+86 ${PHONE_B}`]);
    expect(() => openPhone(testKeyRing(), rows[0]!.phone_cipher)).toThrow(/unknown_key/);
    // Run again (as after an interruption): nothing left to do.
    expect(await personalInfo.rotate(subject)).toMatchObject({ resealed: 0, alreadyCurrent: 2 });
    expect((await personalInfo.status()).sealedByKey).toEqual({ [rotated.current.id]: 2 });
    const audit = await auditRows('personal_info.rotate');
    expect(audit.at(-2)).toMatchObject({
      username: 'system:cli',
      result: 'success',
      detail: { resealed: 2 },
    });
    expect(await auditRows('personal_info.rotate_start')).toHaveLength(2);
  });

  it('seals clear numbers an older database still holds, and drops their column', async () => {
    await database.owner.pool.query('alter table enterprise_contacts add column phone_clear_pending text');
    await database.owner.pool.query(
      "insert into enterprise_contacts (enterprise_id, name, phone_clear_pending) values ($1, '旧数据', '13700001111')",
      [a.id],
    );
    const personalInfo = createPersonalInfoService(database, testKeyRing);
    expect(await personalInfo.sealLegacy({ userId: null, username: 'system:startup', ip: null })).toBe(1);
    const { rows } = await database.pool.query<{ phone_cipher: Buffer; json: string }>(
      "select phone_cipher, row_to_json(c)::text as json from enterprise_contacts c where name = '旧数据'",
    );
    expect(openPhone(testKeyRing(), rows[0]!.phone_cipher)).toBe('13700001111');
    expect(rows[0]!.json).not.toContain('13700001111');
    expect((await personalInfo.status()).clearValuesPending).toBe(false);
    expect(await personalInfo.sealLegacy({ userId: null, username: 'system:startup', ip: null })).toBe(0);
    expect((await auditRows('personal_info.seal_legacy'))[0]).toMatchObject({ detail: { sealed: 1 } });
  });
});
