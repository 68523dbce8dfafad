/**
 * Log hygiene (security checklist item 22): the server's own log output, captured at debug level
 * with request logging, while people log in (right and wrong passwords, a second factor), import a
 * workbook with a contact's phone, reveal and search for that number, change a password and reset
 * one. The log must hold none of the passwords, session cookies, CSRF tokens, one-time passwords,
 * TOTP secrets or codes, recovery codes, nor any whole mobile number; and CR/LF in values that
 * reach it (a username, a URL) arrive JSON-escaped, never as a line of their own.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import type { App } from '../platform/http';
import { testConfig, testDatabase } from '../test/database';
import { multipartFile } from '../test/http';
import { DEMO_PASSWORD, DEMO_PLATFORMS, demoUscc, seedDemo } from '../modules/demo/demo.seed';
import { ENTERPRISE_COLUMNS } from '../modules/imports/core/columns';
import { base32Decode, totp } from '../modules/auth/core/totp';
import { buildApp } from './app';

const PHONE = '13987654321';
const WRONG_PASSWORD = 'Wrong#Guess-4711';
const NEW_PASSWORD = 'Fresh#Secret-2026x';
const FORGED = 'fake log line {"level":50,"msg":"forged"}';

let database: Database;
let app: App;
const logged: string[] = [];
/** Every secret the flows below handle: none may appear in the log. */
const secrets = new Set<string>([DEMO_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD]);
/** Numeric secrets (codes): searched with digit boundaries, since timestamps are digits too. */
const codes = new Set<string>();

type Reply = Awaited<ReturnType<App['inject']>>;
const cookieOf = (res: Reply, name: string) => res.cookies.find((c) => c.name === name)?.value;

function remember(res: Reply) {
  for (const c of res.cookies) if (c.value) secrets.add(c.value);
  const body = res.headers['content-type']?.toString().includes('json') ? res.json() : null;
  if (body?.csrfToken) secrets.add(body.csrfToken);
  return res;
}

async function login(username: string, password: string, remoteAddress = '192.0.2.10') {
  return remember(
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-csrf-token': '1' },
      payload: { username, password },
    }),
  );
}

function sessionOf(res: Reply) {
  expect(res.statusCode, res.body).toBe(200);
  return {
    cookie: `yiyuan_session=${cookieOf(res, 'yiyuan_session')}`,
    'x-csrf-token': res.json().csrfToken,
  };
}

async function registry() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  const header = (key: string) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;
  ws.addRow(['uscc', 'name', 'platform', 'contactName', 'contactPhone'].map(header));
  ws.addRow([demoUscc('330110', 8801), '杭州日志卫生测试有限公司', DEMO_PLATFORMS[0]![0], '张三', PHONE]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function settle(session: Record<string, string>, id: number, until: string[]) {
  for (let i = 0; i < 400; i++) {
    const job = (await app.inject({ url: `/api/imports/${id}`, headers: session })).json();
    if (until.includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not settle`);
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  const base = testConfig({ logLevel: 'debug' });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  ({ app } = await buildApp(
    { ...base, security: { ...base.security, mfaRoles: ['security_admin'] } },
    database,
    { logStream: stream },
  ));

  // A login with a password, and failed ones (one with a username that tries to forge a line).
  const taskforce = sessionOf(await login('taskforce', DEMO_PASSWORD));
  expect((await login('taskforce', WRONG_PASSWORD)).statusCode).toBe(401);
  expect((await login(`a\r\n${FORGED}`, WRONG_PASSWORD)).statusCode).toBe(401);

  // The second factor: enrolment, then a login's second step.
  const sec = sessionOf(await login('secadmin', DEMO_PASSWORD));
  const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers: sec });
  expect(start.statusCode, start.body).toBe(200);
  const secret = start.json().secret as string;
  secrets.add(secret);
  secrets.add(start.json().uri);
  const key = base32Decode(secret);
  const first = totp(key, Date.now());
  codes.add(first);
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/confirm',
    headers: sec,
    payload: { code: first },
  });
  expect(confirm.statusCode, confirm.body).toBe(200);
  for (const c of confirm.json().recoveryCodes as string[]) secrets.add(c);
  const step1 = await login('secadmin', DEMO_PASSWORD, '192.0.2.11');
  expect(step1.json()).toEqual({ mfaRequired: true });
  const next = totp(key, Date.now() + 30_000);
  codes.add(next);
  const step2 = remember(
    await app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      remoteAddress: '192.0.2.11',
      headers: { 'x-csrf-token': '1', cookie: `yiyuan_mfa=${cookieOf(step1, 'yiyuan_mfa')}` },
      payload: { code: next },
    }),
  );
  const secadmin = sessionOf(step2);

  // An import of a workbook holding a contact's phone, committed.
  const { body, headers } = multipartFile(await registry());
  const upload = await app.inject({
    method: 'POST',
    url: '/api/imports?kind=enterprises',
    headers: { ...taskforce, ...headers },
    payload: body,
  });
  expect(upload.statusCode, upload.body).toBe(202);
  expect((await settle(taskforce, upload.json().id, ['ready', 'rejected', 'failed'])).status).toBe('ready');
  const commit = await app.inject({
    method: 'POST',
    url: `/api/imports/${upload.json().id}/commit`,
    headers: taskforce,
  });
  expect(commit.statusCode, commit.body).toBeLessThan(300);
  expect((await settle(taskforce, upload.json().id, ['succeeded', 'failed'])).status).toBe('succeeded');

  // The number revealed, and searched for (it travels in the URL's query).
  const [contact] = (
    await database.pool.query(
      `select c.id, c.enterprise_id from enterprise_contacts c join enterprises e on e.id = c.enterprise_id
        where e.name = '杭州日志卫生测试有限公司'`,
    )
  ).rows;
  const reveal = await app.inject({
    method: 'POST',
    url: `/api/enterprises/${contact.enterprise_id}/contacts/${contact.id}/reveal`,
    headers: taskforce,
  });
  expect(reveal.statusCode, reveal.body).toBe(200);
  expect(reveal.json().phone).toBe(PHONE);
  const search = await app.inject({ url: `/api/enterprises?keyword=${PHONE}`, headers: taskforce });
  expect(search.statusCode, search.body).toBe(200);
  expect(search.json().total).toBe(1);

  // A password change, and a reset to a one-time password that is then used and replaced.
  const leader = sessionOf(await login('leader', DEMO_PASSWORD));
  const change = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: leader,
    payload: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
  });
  expect(change.statusCode, change.body).toBeLessThan(300);
  const [platformUser] = (await database.pool.query(`select id from users where username = 'platform'`)).rows;
  const reset = await app.inject({
    method: 'POST',
    url: `/api/users/${platformUser.id}/reset-password`,
    headers: secadmin,
  });
  expect(reset.statusCode, reset.body).toBe(200);
  const oneTime = reset.json().oneTimePassword as string;
  secrets.add(oneTime);
  const forced = sessionOf(await login('platform', oneTime));
  const replaced = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: forced,
    payload: { currentPassword: oneTime, newPassword: `${NEW_PASSWORD}-p` },
  });
  expect(replaced.statusCode, replaced.body).toBeLessThan(300);
  secrets.add(`${NEW_PASSWORD}-p`);

  // CR/LF in a URL path, encoded and raw.
  await app.inject({ url: `/api/enterprises/%0d%0a${encodeURIComponent(FORGED)}`, headers: taskforce });
  await app
    .inject({ url: `/api/x\r\n${FORGED}`, headers: taskforce })
    .catch(() => undefined /* refused by the HTTP layer: nothing to log */);
  await new Promise((r) => setTimeout(r, 50));
}, 120_000);

describe('log hygiene', () => {
  it('the captured log is the request log of every step, at debug level', () => {
    const text = logged.join('');
    expect(text).toContain('"url":"/api/auth/login"');
    expect(text).toContain('"url":"/api/auth/mfa"');
    expect(text).toContain('/reveal"');
    expect(text).toContain('/reset-password"');
    expect(text).toContain('"url":"/api/imports?kind=enterprises"');
    expect(text).toMatch(/"statusCode":401/);
  });

  it('holds no password, session cookie, CSRF token, one-time password, TOTP secret or code, nor a whole mobile number', () => {
    const text = logged.join('');
    expect(secrets.size).toBeGreaterThan(20);
    const found = [...secrets].filter((s) => text.includes(s));
    for (const c of codes) if (new RegExp(`(?<!\\d)${c}(?!\\d)`).test(text)) found.push(c);
    for (const [n] of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) found.push(n);
    expect(found).toEqual([]);
    // The search shows the number masked.
    expect(text).toContain('keyword=139****4321');
  });

  it('CR/LF from a username or a URL arrive JSON-escaped: every line is one JSON record, none forged', () => {
    const lines = logged.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(line.startsWith('{'), line).toBe(true);
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toMatch(/^fake log line/);
    }
    expect(lines.filter((l) => (JSON.parse(l) as { msg?: string }).msg === 'forged')).toEqual([]);
    // The encoded path reached the log as it came, escaped where needed.
    expect(logged.join('')).toMatch(/%0d%0afake/);
  });
});
