/**
 * TOTP secrets at rest (security checklist items 8 and 25): sealed with SM4-CBC + HMAC-SM3 under
 * the personal-information key ring like the contact phones, never in clear in the database;
 * a login with a code still works, and so it does after `yiyuan keys rotate` re-sealed them.
 * A database from before sealing has its clear secrets sealed at start-up (migration 0014).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTotpSecret, PiKeyRing } from '../../platform/crypto/personal-info';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { buildApp } from '../../server/app';
import { testConfig, testDatabase, testKeyRing, TEST_PI_KEY } from '../../test/database';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed';
import { createPersonalInfoService } from '../personal-info/personal-info.service';
import { base32Decode, base32Encode, totp } from './core/totp';

const MIGRATION = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../platform/db/migrations/0014_totp_sealed.sql',
);
const SUBJECT = { userId: null, username: 'system:cli', ip: null };

let database: Database;
let secret = '';

type Reply = Awaited<ReturnType<App['inject']>>;
const cookieOf = (res: Reply, name: string) => res.cookies.find((c) => c.name === name)?.value;
const appWith = async (keys: string) => {
  const base = testConfig({ personalInfo: { keys, keyFile: null } });
  return (await buildApp({ ...base, security: { ...base.security, mfaRoles: ['security_admin'] } }, database))
    .app;
};

/** The whole users row as text, and its sealed secret. */
async function stored() {
  const { rows } = await database.pool.query(
    `select row_to_json(u)::text as text, totp_secret_sealed as sealed, totp_pending_secret_sealed as pending
       from users u where username = 'secadmin'`,
  );
  return rows[0] as { text: string; sealed: Buffer | null; pending: Buffer | null };
}

/** The password step and then a code of the app (a step ahead: each step is taken once). */
async function loginWithCode(app: App, offsetSteps: number) {
  const step1 = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': '1' },
    payload: { username: 'secadmin', password: DEMO_PASSWORD },
  });
  expect(step1.json()).toEqual({ mfaRequired: true });
  return app.inject({
    method: 'POST',
    url: '/api/auth/mfa',
    headers: { 'x-csrf-token': '1', cookie: `yiyuan_mfa=${cookieOf(step1, 'yiyuan_mfa')}` },
    payload: { code: totp(base32Decode(secret), Date.now() + offsetSteps * 30_000) },
  });
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
});

describe('TOTP secrets sealed at rest', () => {
  it('after enrolment the database holds no base32 secret, only a sealed value that opens to it', async () => {
    const app = await appWith(TEST_PI_KEY);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-csrf-token': '1' },
      payload: { username: 'secadmin', password: DEMO_PASSWORD },
    });
    const session = {
      cookie: `yiyuan_session=${cookieOf(res, 'yiyuan_session')}`,
      'x-csrf-token': res.json().csrfToken,
    };
    const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers: session });
    secret = start.json().secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const pending = await stored();
    expect(pending.text).not.toContain(secret);
    expect(pending.pending!.toString('latin1')).not.toContain(secret);
    expect(openTotpSecret(testKeyRing(), pending.pending!)).toBe(secret);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      headers: session,
      payload: { code: totp(base32Decode(secret), Date.now()) },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const enabled = await stored();
    expect(enabled.text).not.toContain(secret);
    expect(enabled.sealed!.toString('latin1')).not.toContain(secret);
    expect(enabled.pending).toBeNull();
    expect(openTotpSecret(testKeyRing(), enabled.sealed!)).toBe(secret);
    // The columns of the clear secrets are gone.
    expect(enabled.text).not.toMatch(/"totp_secret"|"totp_pending_secret"/);
  });

  it('a login with a code of the app still works', async () => {
    const ok = await loginWithCode(await appWith(TEST_PI_KEY), 1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(cookieOf(ok, 'yiyuan_session')).toBeTruthy();
  });

  it('key rotation re-seals the secret under the new key and the login keeps working', async () => {
    const newKey = randomBytes(32);
    const rotated = new PiKeyRing([newKey, Buffer.from(TEST_PI_KEY, 'base64')]);
    const result = await createPersonalInfoService(database, () => rotated).rotate(SUBJECT);
    expect(result).toMatchObject({ totpResealed: 1, totpUnreadable: [] });
    const onlyNew = new PiKeyRing([newKey]);
    const { sealed } = await stored();
    expect(openTotpSecret(onlyNew, sealed!)).toBe(secret);
    expect(() => openTotpSecret(testKeyRing(), sealed!)).toThrow(/unknown_key/);
    // The server with only the new key: the second factor still works (the step the earlier
    // login used is freed, so the test need not wait for the next 30 s window).
    await database.pool.query(`update users set totp_last_step = null where username = 'secadmin'`);
    const ok = await loginWithCode(await appWith(newKey.toString('base64')), 1);
    expect(ok.statusCode, ok.body).toBe(200);
    // Run again: nothing left to re-seal.
    expect(await createPersonalInfoService(database, () => rotated).rotate(SUBJECT)).toMatchObject({
      totpResealed: 0,
    });
  });

  it('migration 0014 moves clear secrets aside; start-up seals them and drops the clear columns', async () => {
    const old = await testDatabase();
    await seedDemo(old);
    const clear = base32Encode(randomBytes(20));
    await old.owner.pool.query(`
      alter table users drop column totp_secret_sealed, drop column totp_pending_secret_sealed,
        add column totp_secret text, add column totp_pending_secret text`);
    await old.owner.pool.query(
      `update users set totp_secret = $1, totp_enabled_at = now() where username = 'auditor'`,
      [clear],
    );
    for (const statement of fs.readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint'))
      await old.owner.pool.query(statement);
    const service = createPersonalInfoService(old, testKeyRing);
    expect(await service.sealLegacyTotp(SUBJECT)).toBe(1);
    const { rows } = await old.pool.query(
      `select row_to_json(u)::text as text, totp_secret_sealed as sealed from users u where username = 'auditor'`,
    );
    expect(rows[0].text).not.toContain(clear);
    expect(openTotpSecret(testKeyRing(), rows[0].sealed)).toBe(clear);
    expect(rows[0].text).not.toContain('clear_pending');
    expect(await service.sealLegacyTotp(SUBJECT)).toBe(0);
  });
});
