/** Route tests for every API route, through app.inject on a real database. */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.seed';
import { testConfig, testDatabase } from '../test/database';
import { buildApp } from './app';
import { MIGRATIONS_FOLDER, type Database } from '../platform/db/client';
import { auditLog, platforms } from '../platform/db/schema';
import type { App } from '../platform/http';

let database: Database;
let app: App;
let ownPlatformId: number;
let otherPlatformId: number;
let enterprisePlatformId: number;

interface Session {
  cookie: string;
  csrf: string;
}
const sessions: Record<string, Session> = {};

async function login(username: string, password = DEMO_PASSWORD, target = app): Promise<Session> {
  const res = await target.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': '1' },
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'yiyuan_session')!;
  return { cookie: `yiyuan_session=${cookie.value}`, csrf: res.json().csrfToken };
}

function call(who: string | null, method: string, url: string, payload?: unknown) {
  const s = who ? sessions[who] : undefined;
  return app.inject({
    method: method as 'GET',
    url,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { 'x-csrf-token': 'x' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  for (const u of [
    'taskforce',
    'leader',
    'platform',
    'commissioner',
    'enterprise',
    'sysadmin',
    'secadmin',
    'auditor',
  ])
    sessions[u] = await login(u);
  const all = await database.db.select().from(platforms);
  const me = await call('platform', 'GET', '/api/auth/me');
  ownPlatformId = me.json().user.platformId;
  otherPlatformId = all.find((p) => p.id !== ownPlatformId)!.id;
  const ent = await call('enterprise', 'GET', '/api/platforms');
  enterprisePlatformId = ent.json().items[0].id;
});

describe('every route', () => {
  const PUBLIC = new Set(['POST /api/auth/login', 'POST /api/auth/mfa', 'GET /api/health']);

  it('answers 401 without a session (every route in the OpenAPI document)', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => [m.toUpperCase(), path] as const),
    );
    expect(routes.length).toBeGreaterThanOrEqual(19);
    for (const [method, path] of routes) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const res = await call(
        null,
        method,
        path.replace('{id}', String(ownPlatformId)),
        method === 'GET' ? undefined : {},
      );
      expect(res.statusCode, `${method} ${path}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('sends security headers and no-store on API responses', async () => {
    const res = await call('taskforce', 'GET', '/api/platforms');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-csrf-token': '1' },
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'yiyuan_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });
});

describe('health and docs', () => {
  it('reports the database and version', async () => {
    const res = await call(null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves OpenAPI JSON and the docs page', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.json().openapi).toMatch(/^3\./);
    expect(Object.keys(json.json().paths)).toContain('/api/platforms/{id}');
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API paths with the JSON 404', async () => {
    const res = await call('taskforce', 'GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'NOT_FOUND',
      zh: expect.any(String),
      en: expect.any(String),
    });
  });
});

describe('CSRF and request bodies', () => {
  it('rejects state changes without the session CSRF token', async () => {
    const s = sessions.taskforce!;
    const none = await app.inject({
      method: 'POST',
      url: `/api/platforms/${ownPlatformId}/archive`,
      headers: { cookie: s.cookie },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('CSRF_REJECTED');
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/platforms/${ownPlatformId}/archive`,
      headers: { cookie: s.cookie, 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await call('platform', 'PATCH', `/api/platforms/${ownPlatformId}`, {
      version: 1,
      isDemo: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'isDemo', code: 'UNKNOWN_FIELD' }),
    );
  });

  it('rejects __proto__ keys', async () => {
    const s = sessions.taskforce!;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/platforms/${ownPlatformId}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      payload: '{"version":1,"__proto__":{"isAdmin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('platforms', () => {
  it('task force and leader see all 16, platform admin only their own', async () => {
    for (const who of ['taskforce', 'leader']) {
      const res = await call(who, 'GET', '/api/platforms?pageSize=100');
      expect(res.json().total, who).toBe(16);
    }
    // A commissioner sees the platforms of its assigned enterprises: none here.
    expect((await call('commissioner', 'GET', '/api/platforms?pageSize=100')).json().total).toBe(0);
    const own = await call('platform', 'GET', '/api/platforms?pageSize=100');
    expect(own.json().total).toBe(1);
    expect(own.json().items.map((p: { id: number }) => p.id)).toEqual([ownPlatformId]);
    const filtered = await call('platform', 'GET', `/api/platforms?district=330108`);
    expect(filtered.json().total).toBe(0);
  });

  it('filters, sorts and pages', async () => {
    const byIndustry = await call('taskforce', 'GET', '/api/platforms?industry=biomedicine&pageSize=100');
    for (const p of byIndustry.json().items) expect(p.leadingIndustries).toContain('biomedicine');
    const page2 = await call(
      'taskforce',
      'GET',
      '/api/platforms?page=2&pageSize=5&sort=industrialLandMu&order=desc',
    );
    const items = page2.json().items as { industrialLandMu: number }[];
    expect(items).toHaveLength(5);
    expect([...items].sort((a, b) => b.industrialLandMu - a.industrialLandMu)).toEqual(items);
    const strategic = await call('taskforce', 'GET', '/api/platforms?strategic=true');
    expect(strategic.json().total).toBe(5);
    const keyword = await call('taskforce', 'GET', `/api/platforms?keyword=${encodeURIComponent('科技城')}`);
    expect(keyword.json().total).toBe(3);
    const byName = (await call('taskforce', 'GET', '/api/platforms?pageSize=3'))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(byName[0]).toBe('富阳经济技术开发区'); // pinyin order: fu < hang < jian …
    const badSort = await call('taskforce', 'GET', '/api/platforms?sort=password_hash');
    expect(badSort.statusCode).toBe(400);
  });

  it('answers 404 for a platform outside the scope, for reads and writes', async () => {
    expect((await call('platform', 'GET', `/api/platforms/${otherPlatformId}`)).statusCode).toBe(404);
    const patch = await call('platform', 'PATCH', `/api/platforms/${otherPlatformId}`, {
      version: 1,
      description: 'x',
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('PLATFORM_NOT_FOUND');
    expect((await call('platform', 'GET', `/api/platforms/${ownPlatformId}`)).statusCode).toBe(200);
    expect((await call('enterprise', 'GET', `/api/platforms/${enterprisePlatformId}`)).statusCode).toBe(200);
    const otherForEnterprise = enterprisePlatformId === ownPlatformId ? otherPlatformId : ownPlatformId;
    expect((await call('enterprise', 'GET', `/api/platforms/${otherForEnterprise}`)).statusCode).toBe(404);
    expect((await call('taskforce', 'GET', '/api/platforms/999999')).statusCode).toBe(404);
  });

  it('answers 403 to read-only roles and administrators on writes', async () => {
    const body = { version: 1, description: 'x' };
    for (const who of ['leader', 'commissioner', 'enterprise']) {
      expect((await call(who, 'PATCH', `/api/platforms/${ownPlatformId}`, body)).statusCode, who).toBe(403);
      expect((await call(who, 'POST', `/api/platforms/${ownPlatformId}/archive`)).statusCode, who).toBe(403);
    }
    expect((await call('platform', 'POST', `/api/platforms/${ownPlatformId}/archive`)).statusCode).toBe(403);
    for (const who of ['sysadmin', 'secadmin', 'auditor']) {
      expect((await call(who, 'GET', '/api/platforms')).statusCode, who).toBe(403);
    }
  });

  it('platform admin edits their own platform; the change is audited with before and after', async () => {
    const before = (await call('platform', 'GET', `/api/platforms/${ownPlatformId}`)).json();
    const res = await call('platform', 'PATCH', `/api/platforms/${ownPlatformId}`, {
      version: before.version,
      areaKm2: 532.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ areaKm2: 532.5, version: before.version + 1 });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'platform.update'));
    expect(audit.at(-1)).toMatchObject({
      objectId: String(ownPlatformId),
      username: 'platform',
      detail: { changes: { areaKm2: [before.areaKm2, 532.5] } },
    });
  });

  it('platform admin cannot set the strategic flag', async () => {
    const current = (await call('platform', 'GET', `/api/platforms/${ownPlatformId}`)).json();
    const res = await call('platform', 'PATCH', `/api/platforms/${ownPlatformId}`, {
      version: current.version,
      isStrategic: !current.isStrategic,
    });
    expect(res.statusCode).toBe(403);
    const same = await call('platform', 'PATCH', `/api/platforms/${ownPlatformId}`, {
      version: current.version,
      isStrategic: current.isStrategic,
    });
    expect(same.statusCode).toBe(200);
  });

  it('detects concurrent edits (409)', async () => {
    const current = (await call('taskforce', 'GET', `/api/platforms/${otherPlatformId}`)).json();
    expect(
      (
        await call('taskforce', 'PATCH', `/api/platforms/${otherPlatformId}`, {
          version: current.version,
          description: 'a',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await call('taskforce', 'PATCH', `/api/platforms/${otherPlatformId}`, {
      version: current.version,
      description: 'b',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('task force creates, validates, archives and restores', async () => {
    const input = {
      name: '测试新园区',
      type: 'provincial_etdz',
      districtCode: '330111',
      leadingIndustries: ['new_materials', 'green_energy'],
      areaKm2: 12.5,
      longitude: 119.9,
      latitude: 30.0,
    };
    const created = await call('taskforce', 'POST', '/api/platforms', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...input, isDemo: false, isStrategic: false, archivedAt: null });
    const dup = await call('taskforce', 'POST', '/api/platforms', input);
    expect(dup.statusCode).toBe(409);
    const invalid = await call('taskforce', 'POST', '/api/platforms', {
      ...input,
      name: '另一个',
      leadingIndustries: ['new_materials'],
      districtCode: '110101',
    });
    expect(invalid.statusCode).toBe(400);
    const fields = invalid.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['leadingIndustries', 'districtCode']));
    for (const d of invalid.json().error.details) {
      expect(d.zh).toBeTruthy();
      expect(d.en).toBeTruthy();
    }
    const id = created.json().id;
    // null stays null (not 0): a platform without coordinates or land figure.
    const cleared = await call('taskforce', 'PATCH', `/api/platforms/${id}`, {
      version: created.json().version,
      longitude: null,
      latitude: null,
      industrialLandMu: null,
      areaKm2: 0,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      longitude: null,
      latitude: null,
      industrialLandMu: null,
      areaKm2: 0,
    });
    const archived = await call('taskforce', 'POST', `/api/platforms/${id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await call('taskforce', 'GET', '/api/platforms?pageSize=100')).json().total).toBe(16);
    expect(
      (await call('taskforce', 'GET', '/api/platforms?pageSize=100&includeArchived=true')).json().total,
    ).toBe(17);
    const restored = await call('taskforce', 'POST', `/api/platforms/${id}/restore`);
    expect(restored.json().archivedAt).toBeNull();
    await call('taskforce', 'POST', `/api/platforms/${id}/archive`);
  });

  it('rolls the change back when its audit record cannot be written', async () => {
    const current = (await call('taskforce', 'GET', `/api/platforms/${otherPlatformId}`)).json();
    await database.owner.pool.query(
      `alter table audit_log add constraint test_refuse_platform_update check (action <> 'platform.update') not valid`,
    );
    try {
      const res = await call('taskforce', 'PATCH', `/api/platforms/${otherPlatformId}`, {
        version: current.version,
        description: 'never stored',
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('test_refuse_platform_update');
    } finally {
      await database.owner.pool.query('alter table audit_log drop constraint test_refuse_platform_update');
    }
    const after = (await call('taskforce', 'GET', `/api/platforms/${otherPlatformId}`)).json();
    expect(after.description).toBe(current.description);
    expect(after.version).toBe(current.version);
  });
});

describe('exports', () => {
  async function rows(res: { rawPayload: Buffer }) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const out: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  }

  it('exports platforms in scope only, with units in the headers', async () => {
    const all = await call('leader', 'GET', '/api/platforms/export.xlsx');
    expect(all.statusCode).toBe(200);
    const table = await rows(all);
    expect(table[0]).toContain('工业用地（亩）');
    expect(table).toHaveLength(17);
    const own = await rows(await call('platform', 'GET', '/api/platforms/export.xlsx'));
    expect(own).toHaveLength(2);
    expect((await call('auditor', 'GET', '/api/platforms/export.xlsx')).statusCode).toBe(403);
  });

  it('exports the account list for the security administrator only', async () => {
    expect((await call('taskforce', 'GET', '/api/users/export.xlsx')).statusCode).toBe(403);
    const table = await rows(await call('secadmin', 'GET', '/api/users/export.xlsx'));
    expect(table[0]).toContain('用户名');
    expect(table.map((r) => r[0])).toContain('taskforce');
    expect(JSON.stringify(table)).not.toMatch(/argon2/);
  });

  it('exports the audit trail for the audit administrator only', async () => {
    expect((await call('taskforce', 'GET', '/api/audit/export.xlsx')).statusCode).toBe(403);
    const res = await call('auditor', 'GET', '/api/audit/export.xlsx?action=auth.login');
    expect(res.statusCode).toBe(200);
    const table = await rows(res);
    expect(table.length).toBeGreaterThan(5);
    const [header, ...body] = table;
    const name = header!.indexOf('操作');
    const code = header!.indexOf('操作代码');
    expect(body.every((r) => r[code] === 'auth.login' && r[name] === '登录')).toBe(true);
  });
});

describe('reference data', () => {
  it('lists the seven key industries plus 其他, Hangzhou districts and roles', async () => {
    const res = (await call('leader', 'GET', '/api/reference')).json();
    expect(res.industries.filter((i: { isKey: boolean }) => i.isKey)).toHaveLength(7);
    expect(res.industries.map((i: { nameZh: string }) => i.nameZh)).toContain('其他');
    expect(res.districts).toHaveLength(13);
    expect(res.roles).toHaveLength(9);
  });
});

describe('accounts (security administrator)', () => {
  it('only the security administrator manages accounts', async () => {
    for (const who of ['taskforce', 'leader', 'platform', 'sysadmin', 'auditor']) {
      expect((await call(who, 'GET', '/api/users')).statusCode, who).toBe(403);
      expect(
        (await call(who, 'POST', '/api/users', { username: 'x1', displayName: 'x', role: 'leader' }))
          .statusCode,
        who,
      ).toBe(403);
    }
  });

  it('creates an account with a one-time password that must be changed at first login', async () => {
    const res = await call('secadmin', 'POST', '/api/users', {
      username: 'pa2',
      displayName: '园区二',
      role: 'platform_admin',
      platformId: otherPlatformId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({ username: 'pa2', mustChangePassword: true, platformId: otherPlatformId });
    const s = await login('pa2', oneTimePassword);
    sessions.pa2 = s;
    const blocked = await call('pa2', 'GET', '/api/platforms');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call('pa2', 'GET', '/api/auth/me')).statusCode).toBe(200);
    const changed = await call('pa2', 'POST', '/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'Second#Park-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const cookie = changed.cookies.find((c) => c.name === 'yiyuan_session')!;
    sessions.pa2 = { cookie: `yiyuan_session=${cookie.value}`, csrf: changed.json().csrfToken };
    const list = await call('pa2', 'GET', '/api/platforms');
    expect(list.json().items.map((p: { id: number }) => p.id)).toEqual([otherPlatformId]);
  });

  it('validates usernames, duplicates and scopes', async () => {
    const dup = await call('secadmin', 'POST', '/api/users', {
      username: 'TASKFORCE',
      displayName: 'x',
      role: 'leader',
    });
    expect(dup.statusCode).toBe(409);
    const scope = await call('secadmin', 'POST', '/api/users', {
      username: 'pa3',
      displayName: 'x',
      role: 'platform_admin',
    });
    expect(scope.statusCode).toBe(400);
    expect(scope.json().error.details[0].field).toBe('platformId');
    const bad = await call('secadmin', 'POST', '/api/users', {
      username: 'a b',
      displayName: 'x',
      role: 'leader',
    });
    expect(bad.statusCode).toBe(400);
    const role = await call('secadmin', 'POST', '/api/users', {
      username: 'r1',
      displayName: 'x',
      role: 'superuser',
    });
    expect(role.statusCode).toBe(400);
  });

  it('a role change ends the sessions of that account and is audited', async () => {
    const users = (await call('secadmin', 'GET', '/api/users')).json().items as {
      id: number;
      username: string;
    }[];
    const pa2 = users.find((u) => u.username === 'pa2')!;
    const res = await call('secadmin', 'PATCH', `/api/users/${pa2.id}`, { role: 'leader', platformId: null });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call('pa2', 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_change'));
    expect(audit.at(-1)?.detail).toMatchObject({
      before: { role: 'platform_admin' },
      after: { role: 'leader' },
    });
  });

  it('unlocks, resets passwords and disables', async () => {
    const users = (await call('secadmin', 'GET', '/api/users')).json().items as {
      id: number;
      username: string;
    }[];
    const pa2 = users.find((u) => u.username === 'pa2')!;
    for (let i = 0; i < 5; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-csrf-token': '1' },
        payload: { username: 'pa2', password: 'bad' },
      });
    const listed = (await call('secadmin', 'GET', '/api/users'))
      .json()
      .items.find((u: { id: number }) => u.id === pa2.id);
    expect(listed.lockedUntil).not.toBeNull();
    const unlocked = await call('secadmin', 'POST', `/api/users/${pa2.id}/unlock`);
    expect(unlocked.json().lockedUntil).toBeNull();
    const reset = await call('secadmin', 'POST', `/api/users/${pa2.id}/reset-password`);
    const s = await login('pa2', reset.json().oneTimePassword);
    expect(s.cookie).toBeTruthy();
    const disabled = await call('secadmin', 'PATCH', `/api/users/${pa2.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-csrf-token': '1' },
      payload: { username: 'pa2', password: reset.json().oneTimePassword },
    });
    expect(refused.statusCode).toBe(401);
    expect((await call('secadmin', 'POST', '/api/users/999999/unlock')).statusCode).toBe(404);
  });

  it('the security administrator cannot change their own role', async () => {
    const me = (await call('secadmin', 'GET', '/api/auth/me')).json().user;
    expect((await call('secadmin', 'PATCH', `/api/users/${me.id}`, { role: 'task_force' })).statusCode).toBe(
      403,
    );
  });

  it('scope options list platforms and enterprises', async () => {
    const res = (await call('secadmin', 'GET', '/api/users/scope-options')).json();
    expect(res.platforms.length).toBeGreaterThanOrEqual(16);
    expect(res.enterprises.length).toBeGreaterThanOrEqual(1);
  });
});

describe('audit log and system status', () => {
  it('the audit administrator reads logins both ways', async () => {
    expect((await call('taskforce', 'GET', '/api/audit')).statusCode).toBe(403);
    const res = await call('auditor', 'GET', '/api/audit?action=auth.login&pageSize=200');
    expect(res.statusCode).toBe(200);
    const results = new Set(res.json().items.map((r: { result: string }) => r.result));
    expect(results).toEqual(new Set(['success', 'failure']));
    const failures = await call('auditor', 'GET', '/api/audit?action=auth.login&result=failure');
    expect(failures.json().items.every((r: { result: string }) => r.result === 'failure')).toBe(true);
  });

  it('the system administrator sees system status', async () => {
    expect((await call('taskforce', 'GET', '/api/system')).statusCode).toBe(403);
    const res = await call('sysadmin', 'GET', '/api/system');
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
    expect(res.json()).toMatchObject({ migrations: journal.entries.length, counts: { platforms: 17 } });
  });
});

describe('logout', () => {
  it('ends the session', async () => {
    const s = await login('leader');
    sessions.temp = s;
    expect((await call('temp', 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call('temp', 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 past the per-minute limit', async () => {
    const { app: limited } = await buildApp(
      testConfig({ security: { ...testConfig().security, loginRateLimit: 3 } }),
      database,
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-csrf-token': '1' },
        payload: { username: 'leader', password: 'bad' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });
});
