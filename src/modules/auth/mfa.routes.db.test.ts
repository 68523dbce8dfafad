/** The TOTP second factor through the HTTP API: enrolment, the second login step, replay, limits. */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MFA_ROLES } from '../../platform/config';
import type { Database } from '../../platform/db/client';
import { auditLog } from '../../platform/db/schema';
import type { App } from '../../platform/http';
import { buildApp } from '../../server/app';
import { testConfig, testDatabase } from '../../test/database';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed';
import { base32Decode, totp } from './core/totp';

let database: Database;
let app: App;
let secadminRecoveryCodes: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  const base = testConfig();
  ({ app } = await buildApp(
    { ...base, security: { ...base.security, mfaRoles: DEFAULT_MFA_ROLES } },
    database,
  ));
});

const cookieOf = (res: Awaited<ReturnType<App['inject']>>, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

async function passwordStep(username: string, remoteAddress: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-csrf-token': '1' },
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

const secondStep = (challenge: string | undefined, code: string, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/mfa',
    remoteAddress,
    headers: { 'x-csrf-token': '1', ...(challenge ? { cookie: `yiyuan_mfa=${challenge}` } : {}) },
    payload: { code },
  });

/** Logs in (enrolment required), enrols an authenticator and answers its secret and codes. */
async function enrol(username: string, remoteAddress: string) {
  const res = await passwordStep(username, remoteAddress);
  expect(res.json().user.mfaEnrolmentRequired).toBe(true);
  const session = {
    cookie: `yiyuan_session=${cookieOf(res, 'yiyuan_session')}`,
    'x-csrf-token': res.json().csrfToken,
  };
  // Nothing but the enrolment until it is done.
  const blocked = await app.inject({ url: '/api/platforms', remoteAddress, headers: session });
  expect(blocked.statusCode).toBe(403);
  expect(blocked.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
  const start = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/enrolment',
    remoteAddress,
    headers: session,
  });
  expect(start.statusCode, start.body).toBe(200);
  const { secret, uri } = start.json() as { secret: string; uri: string };
  expect(uri).toMatch(new RegExp(`^otpauth://totp/.*${username}\\?secret=${secret}`));
  const key = base32Decode(secret);
  const wrong = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/confirm',
    remoteAddress,
    headers: session,
    payload: { code: totp(key, Date.now() + 5 * 60_000) },
  });
  expect(wrong.statusCode).toBe(401);
  const firstCode = totp(key, Date.now());
  const ok = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/enrolment/confirm',
    remoteAddress,
    headers: session,
    payload: { code: firstCode },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  const { recoveryCodes } = ok.json() as { recoveryCodes: string[] };
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  // Afterwards the gate is open (what the role may do is the role's business).
  const after = await app.inject({ url: '/api/platforms', remoteAddress, headers: session });
  expect(after.json().error?.code).not.toBe('MFA_ENROLMENT_REQUIRED');
  return { key, firstCode, recoveryCodes, session };
}

describe('TOTP second factor (MFA)', () => {
  it('gives no session after the password alone; a code of the app completes the login once', async () => {
    const { key, firstCode, recoveryCodes } = await enrol('secadmin', '192.0.2.1');
    secadminRecoveryCodes = recoveryCodes;
    const res = await passwordStep('secadmin', '192.0.2.2');
    expect(res.json()).toEqual({ mfaRequired: true });
    expect(cookieOf(res, 'yiyuan_session')).toBeUndefined();
    const challenge = cookieOf(res, 'yiyuan_mfa');
    expect(challenge).toBeTruthy();
    // No challenge, no login.
    expect((await secondStep(undefined, totp(key, Date.now()), '192.0.2.2')).statusCode).toBe(401);
    // The code used at enrolment is spent (replay).
    const replay = await secondStep(challenge, firstCode, '192.0.2.2');
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('MFA_CODE_INVALID');
    const next = totp(key, Date.now() + 30_000);
    const ok = await secondStep(challenge, next, '192.0.2.2');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(cookieOf(ok, 'yiyuan_session')).toBeTruthy();
    expect(ok.json().user).toMatchObject({
      username: 'secadmin',
      mfaEnabled: true,
      mfaEnrolmentRequired: false,
    });
    // The same code in a new login is refused too.
    const again = await passwordStep('secadmin', '192.0.2.3');
    expect((await secondStep(cookieOf(again, 'yiyuan_mfa'), next, '192.0.2.3')).statusCode).toBe(401);
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.mfa'))
      .orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.result)).toEqual(['failure', 'success', 'failure']);
  });

  it('takes each recovery code once', async () => {
    const { recoveryCodes } = await enrol('sysadmin', '192.0.2.10');
    const first = await passwordStep('sysadmin', '192.0.2.11');
    const ok = await secondStep(cookieOf(first, 'yiyuan_mfa'), recoveryCodes[3]!.toUpperCase(), '192.0.2.11');
    expect(ok.statusCode, ok.body).toBe(200);
    const second = await passwordStep('sysadmin', '192.0.2.12');
    expect(
      (await secondStep(cookieOf(second, 'yiyuan_mfa'), recoveryCodes[3]!, '192.0.2.12')).statusCode,
    ).toBe(401);
  });

  it('answers 429 to the 6th code from one address within 5 minutes', async () => {
    await enrol('auditor', '192.0.2.20');
    const res = await passwordStep('auditor', '192.0.2.21');
    const challenge = cookieOf(res, 'yiyuan_mfa');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await secondStep(challenge, '000000', '192.0.2.21')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets the security administrator remove a user’s second factor (audited, sessions end)', async () => {
    const { session: userSession } = await enrol('taskforce', '192.0.2.30');
    const admin = await passwordStep('secadmin', '192.0.2.31');
    const users = await app.inject({ url: '/api/users', remoteAddress: '192.0.2.31', headers: {} });
    expect(users.statusCode).toBe(401);
    // secadmin has a second factor: finish the login with one of their recovery codes.
    const done = await secondStep(cookieOf(admin, 'yiyuan_mfa'), secadminRecoveryCodes[0]!, '192.0.2.31');
    expect(done.statusCode, done.body).toBe(200);
    const headers = {
      cookie: `yiyuan_session=${cookieOf(done, 'yiyuan_session')}`,
      'x-csrf-token': done.json().csrfToken,
    };
    const list = (await app.inject({ url: '/api/users', remoteAddress: '192.0.2.31', headers })).json() as {
      items: { id: number; username: string; mfaEnabled: boolean }[];
    };
    const target = list.items.find((u) => u.username === 'taskforce')!;
    expect(target.mfaEnabled).toBe(true);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/reset-mfa`,
      remoteAddress: '192.0.2.31',
      headers,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    expect((await app.inject({ url: '/api/auth/me', headers: userSession })).statusCode).toBe(401);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.mfa_reset'));
    expect(row).toMatchObject({ username: 'secadmin', objectId: String(target.id), result: 'success' });
    // Only the security administrator may.
    const other = await passwordStep('leader', '192.0.2.32');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/reset-mfa`,
      remoteAddress: '192.0.2.32',
      headers: {
        cookie: `yiyuan_session=${cookieOf(other, 'yiyuan_session')}`,
        'x-csrf-token': other.json().csrfToken,
      },
    });
    expect(refused.statusCode).toBe(403);
  });
});
