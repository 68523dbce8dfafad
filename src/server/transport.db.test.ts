/**
 * The HTTP edge: which proxies are believed (X-Forwarded-For/-Proto), HSTS and Secure cookies over
 * TLS, and who may read the API documents.
 */
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.seed';
import { loadConfig, type Config } from '../platform/config';
import type { Database } from '../platform/db/client';
import { auditLog } from '../platform/db/schema';
import { login } from '../test/http';
import { testConfig, testDatabase } from '../test/database';
import { buildApp } from './app';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
});

/** The test configuration with some variables of the environment set. */
function configWith(env: Record<string, string>): Config {
  const base = testConfig();
  const derived = loadConfig({ ...env, YIYUAN_MFA_ROLES: 'none' });
  return {
    ...base,
    trustedProxies: derived.trustedProxies,
    apiDocs: derived.apiDocs,
    cookieSecure: derived.cookieSecure,
    security: { ...base.security, loginRateLimit: derived.security.loginRateLimit },
  };
}

const badLogin = (
  app: Awaited<ReturnType<typeof buildApp>>['app'],
  headers: Record<string, string>,
  remoteAddress: string,
) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-csrf-token': '1', ...headers },
    payload: { username: 'nobody-here', password: 'wrong-password' },
  });

async function lastLoginAddress(): Promise<string | null> {
  const [row] = await database.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.login'))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.ip ?? null;
}

describe('trusted proxies (V12)', () => {
  it('ignores X-Forwarded-For from a peer that is not a configured proxy (audit address and rate limit)', async () => {
    const { app } = await buildApp(
      configWith({ YIYUAN_TRUST_PROXY: 'true', YIYUAN_LOGIN_RATE_LIMIT: '3' }),
      database,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await badLogin(app, { 'x-forwarded-for': `198.51.100.${i + 1}` }, '203.0.113.7');
      statuses.push(res.statusCode);
      if (i === 0) expect(await lastLoginAddress()).toBe('203.0.113.7');
    }
    // A fresh forged address per request does not reset the limit: the 4th is refused.
    expect(statuses).toEqual([401, 401, 401, 429]);
    await app.close();
  });

  it('believes X-Forwarded-For from a configured proxy (loopback, or a listed CIDR)', async () => {
    const local = await buildApp(configWith({ YIYUAN_TRUST_PROXY: 'true' }), database);
    await badLogin(local.app, { 'x-forwarded-for': '198.51.100.20' }, '127.0.0.1');
    expect(await lastLoginAddress()).toBe('198.51.100.20');
    await local.app.close();

    const listed = await buildApp(configWith({ YIYUAN_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1' }), database);
    await badLogin(listed.app, { 'x-forwarded-for': '198.51.100.21' }, '10.20.30.40');
    expect(await lastLoginAddress()).toBe('198.51.100.21');
    // The loopback is not trusted when a list is given and does not include it.
    await badLogin(listed.app, { 'x-forwarded-for': '198.51.100.22' }, '127.0.0.1');
    expect(await lastLoginAddress()).toBe('127.0.0.1');
    await listed.app.close();
  });

  it('refuses a malformed proxy list at start', () => {
    expect(() => loadConfig({ YIYUAN_TRUSTED_PROXIES: '10.0.0.0/40,proxy.example' })).toThrow(
      /YIYUAN_TRUSTED_PROXIES/,
    );
  });
});

describe('TLS: HSTS and Secure cookies (V14)', () => {
  const loginAs = (
    app: Awaited<ReturnType<typeof buildApp>>['app'],
    headers: Record<string, string>,
    remoteAddress = '127.0.0.1',
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-csrf-token': '1', ...headers },
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });

  it('sends HSTS (1 year, subdomains) and a Secure cookie behind a trusted TLS proxy', async () => {
    const { app } = await buildApp(configWith({ YIYUAN_TRUST_PROXY: 'true' }), database);
    const res = await loginAs(app, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    const hsts = String(res.headers['strict-transport-security']);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
    expect(res.cookies.find((c) => c.name === 'yiyuan_session')!.secure).toBe(true);
    // Any response over TLS carries it, not only the login.
    const health = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(health.headers['strict-transport-security']).toBe(hsts);
    await app.close();
  });

  it('sends neither over plain HTTP, nor when an untrusted client claims https', async () => {
    const { app } = await buildApp(configWith({ YIYUAN_TRUST_PROXY: 'true' }), database);
    for (const res of [
      await loginAs(app, {}),
      await loginAs(app, { 'x-forwarded-proto': 'https' }, '203.0.113.8'),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.cookies.find((c) => c.name === 'yiyuan_session')!.secure).toBeFalsy();
    }
    await app.close();
  });

  it('YIYUAN_COOKIE_SECURE=true forces both (TLS terminated elsewhere without X-Forwarded-Proto)', async () => {
    const { app } = await buildApp(configWith({ YIYUAN_COOKIE_SECURE: 'true' }), database);
    const res = await loginAs(app, {});
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.cookies.find((c) => c.name === 'yiyuan_session')!.secure).toBe(true);
    await app.close();
  });
});

describe('API documents (V13)', () => {
  it('need a login by default', async () => {
    const config = configWith({});
    expect(config.apiDocs).toBe('login');
    const { app } = await buildApp(config, database);
    for (const url of ['/api/docs/json', '/api/docs/', '/api/docs']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('openapi');
    }
    const session = await login(app, 'leader');
    const res = await app.inject({ url: '/api/docs/json', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    await app.close();
  });

  it('are hidden entirely with YIYUAN_API_DOCS=off and open with public', async () => {
    const off = await buildApp(configWith({ YIYUAN_API_DOCS: 'off' }), database);
    const session = await login(off.app, 'leader');
    const hidden = await off.app.inject({ url: '/api/docs/json', headers: { cookie: session.cookie } });
    expect(hidden.statusCode).toBe(404);
    await off.app.close();
    const open = await buildApp(configWith({ YIYUAN_API_DOCS: 'public' }), database);
    expect((await open.app.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
    await open.app.close();
  });
});
