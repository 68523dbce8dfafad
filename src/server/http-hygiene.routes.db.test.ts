/**
 * Web and HTTP hygiene over the whole route inventory (the OpenAPI document lists every route):
 * NUL characters (V10), CSRF and no writes on GET (checklist 42), CORS (43), security headers (44),
 * SQL sort allow-lists (46), generic errors in production (49), prototype pollution (50).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../modules/demo/demo.seed';
import { COLUMNS } from '../modules/imports/core/columns';
import type { Database } from '../platform/db/client';
import type { App } from '../platform/http';
import { testConfig, testDatabase } from '../test/database';
import { login, type Session } from '../test/http';
import { buildApp } from './app';

let database: Database;
let app: App;
let taskforce: Session;
let routes: (readonly [method: string, path: string])[];
const ids: Record<string, number> = {};

const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health']);

async function firstId(table: string): Promise<number> {
  // eslint-disable-next-line no-restricted-syntax -- table names of this file
  const r = await database.db.execute(sql.raw(`select min(id) as id from ${table}`));
  return Number((r.rows[0] as { id: unknown }).id ?? 1);
}

/** A route's path with real ids of the seeded city (`{id}` by the path's resource). */
function concrete(path: string): string {
  const idFor = (p: string) => {
    if (p.startsWith('/api/platforms')) return ids.platform;
    if (p.startsWith('/api/enterprises')) return ids.enterprise;
    if (p.startsWith('/api/evaluation/runs')) return ids.run;
    if (p.startsWith('/api/evaluation/methods')) return ids.method;
    if (p.startsWith('/api/users')) return ids.user;
    if (p.startsWith('/api/imports')) return ids.importJob;
    return 1;
  };
  return path
    .replace(/\{year\}/g, '2024')
    .replace(/\{enterpriseId\}/g, String(ids.enterprise))
    .replace(/\{[A-Za-z]+\}/g, () => String(idFor(path)));
}

function as(session: Session | null, method: string, url: string, extra: Record<string, unknown> = {}) {
  return app.inject({
    method: method as 'GET',
    url,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : { 'x-csrf-token': '1' },
    ...extra,
  });
}

/** Every table's rows, hashed; the audit trail and session bookkeeping are not application state. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'sessions') and table_name not like '\\_\\_%' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables.rows as { table_name: string }[]) {
    const r = await database.db.execute(
      // eslint-disable-next-line no-restricted-syntax -- table names from information_schema
      sql.raw(
        `select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from "${table_name}" t`,
      ),
    );
    out[table_name] = String((r.rows[0] as { f: string }).f);
  }
  return out;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  // A route for the forced-error test, registered before the app is ready.
  app.get('/api/test/forced-error', { config: { auth: 'public' } }, async () => {
    throw new Error('forced failure at /srv/yiyuan/src/secret.ts:42 (password=hunter2)');
  });
  taskforce = await login(app, 'taskforce');
  ids.platform = await firstId('platforms');
  ids.enterprise = await firstId('enterprises');
  ids.run = await firstId('evaluation_runs');
  ids.method = await firstId('evaluation_methods');
  ids.user = await firstId('users');
  ids.importJob = await firstId('import_jobs');
  const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(spec.paths)
    .filter(([path]) => !path.startsWith('/api/test/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path] as const));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('V10: a NUL character is a 400 on every route, never a 500', () => {
  it('the route inventory is the whole API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(80);
  });

  it('NUL in a JSON body string (every state-changing route, the login too)', async () => {
    const writes = routes.filter(([m]) => m !== 'GET');
    expect(writes.length).toBeGreaterThan(20);
    for (const [method, path] of writes) {
      const res = await as(PUBLIC.has(`${method} ${path}`) ? null : taskforce, method, concrete(path), {
        payload: { name: 'a\u0000b', username: 'taskforce\u0000', password: 'x\u0000' },
      });
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(400);
      expect(res.json().error.code, `${method} ${path}`).toBe('NUL_CHARACTER');
    }
  });

  it('the unauthenticated login answers 400 with the field, in both languages', async () => {
    const res = await as(null, 'POST', '/api/auth/login', {
      payload: { username: 'task\u0000force', password: 'whatever' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'NUL_CHARACTER',
      zh: expect.stringContaining('空字符'),
      en: expect.stringContaining('NUL'),
      details: [expect.objectContaining({ field: 'username', code: 'NUL_CHARACTER' })],
    });
  });

  it('NUL in a nested body key or value', async () => {
    const res = await as(taskforce, 'PATCH', `/api/platforms/${ids.platform}`, {
      payload: { version: 1, contacts: [{ ['na\u0000me']: 'x' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('contacts.0.na\u0000me');
  });

  it('NUL in the query string (every route)', async () => {
    for (const [method, path] of routes) {
      const url = `${concrete(path)}?search=%00&name=a%00b`;
      const res = await as(PUBLIC.has(`${method} ${path}`) ? null : taskforce, method, url, {
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code, `${method} ${path}`).toBe('NUL_CHARACTER');
      expect(res.json().error.details[0].field).toMatch(/^query\./);
    }
  });

  it('NUL in a path parameter (every route with one)', async () => {
    const withParams = routes.filter(([, p]) => p.includes('{'));
    expect(withParams.length).toBeGreaterThan(20);
    for (const [method, path] of withParams) {
      const url = path.replace(/\{[A-Za-z]+\}/g, 'a%00b');
      const res = await as(taskforce, method, url, method === 'GET' ? {} : { payload: {} });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code, `${method} ${path}`).toBe('NUL_CHARACTER');
      expect(res.json().error.details[0].field).toMatch(/^params\./);
    }
  });

  it('NUL in an uploaded file name is dropped, not stored', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(COLUMNS.enterprises.map((c) => c.header));
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await uploadWorkbook(content, 'bad\u0000name.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    const job = await settle(res.json().id);
    expect(job.fileName).toBe('badname.xlsx');
  });
});

/** Waits for an import's validation to end (it runs off the request). */
async function settle(id: number): Promise<{ status: string; fileName: string }> {
  for (let i = 0; i < 400; i++) {
    const job = (await as(taskforce, 'GET', `/api/imports/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

async function uploadWorkbook(content: Buffer, filename: string, kind = 'enterprises') {
  const boundary = '----yiyuan' + Date.now();
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}`,
    headers: {
      cookie: taskforce.cookie,
      'x-csrf-token': taskforce.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}

describe('42: CSRF and no writes on GET', () => {
  it('every state-changing route refuses a request without the CSRF header (a plain HTML form post)', async () => {
    for (const [method, path] of routes.filter(([m]) => m !== 'GET')) {
      const res = await app.inject({
        method: method as 'POST',
        url: concrete(path),
        headers: { cookie: taskforce.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=evil&version=1',
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code, `${method} ${path}`).toBe('CSRF_REJECTED');
    }
  });

  it('no GET route changes application data (every GET, as the task force, with real ids)', async () => {
    const before = await fingerprint();
    const gets = routes.filter(([m]) => m === 'GET');
    expect(gets.length).toBeGreaterThan(40);
    for (const [, path] of gets) {
      const res = await as(taskforce, 'GET', concrete(path));
      expect(res.statusCode, `GET ${path}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await fingerprint()).toEqual(before);
  });
});

describe('43: CORS is closed', () => {
  it('a foreign Origin gets no Access-Control-Allow-Origin, on requests and preflights', async () => {
    const evil = { origin: 'https://evil.example' };
    const get = await app.inject({
      method: 'GET',
      url: '/api/platforms',
      headers: { ...evil, cookie: taskforce.cookie },
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/platforms',
      headers: { ...evil, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).not.toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    const login = await as(null, 'POST', '/api/auth/login', {
      headers: { ...evil, 'x-csrf-token': '1' },
      payload: { username: 'leader', password: 'wrong-password-1A' },
    });
    expect(login.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('44: security headers', () => {
  const SECURITY_HEADERS = [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ];
  const snapshot = (headers: Record<string, unknown>) =>
    Object.fromEntries(SECURITY_HEADERS.map((h) => [h, headers[h]]));
  const EXPECTED = {
    'content-security-policy':
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };

  it('API responses: the header snapshot, no-store, JSON', async () => {
    for (const url of ['/api/platforms', '/api/auth/me', '/api/nothing-here']) {
      const res = await as(taskforce, 'GET', url);
      expect(snapshot(res.headers), url).toEqual(EXPECTED);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(String(res.headers['content-type']), url).toMatch(/^application\/json/);
    }
    // Errors and unauthenticated answers carry them too.
    const anonymous = await app.inject({ method: 'GET', url: '/api/platforms' });
    expect(anonymous.statusCode).toBe(401);
    expect(snapshot(anonymous.headers)).toEqual(EXPECTED);
    expect(anonymous.headers['cache-control']).toBe('no-store');
  });

  it('HTML responses (the web app’s routes): the same snapshot', async () => {
    const res = await app.inject({ method: 'GET', url: '/enterprises', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBeLessThan(500);
    expect(snapshot(res.headers)).toEqual(EXPECTED);
    // The built index.html is revalidated on every visit.
    if (res.statusCode === 200) expect(res.headers['cache-control']).toMatch(/no-cache|no-store/);
  });
});

describe('46: SQL injection through sort and filter', () => {
  it('a sort outside the allow-list is 400 on every list route that sorts', async () => {
    for (const url of [
      '/api/platforms?sort=name";drop table platforms--',
      '/api/enterprises?sort=name";drop table enterprises--',
      `/api/evaluation/runs/${ids.run}/results?sort=score%20desc;delete%20from%20users`,
      '/api/platforms?order=desc;drop',
    ]) {
      const res = await as(taskforce, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    expect((await as(taskforce, 'GET', '/api/platforms?pageSize=100')).json().total).toBeGreaterThan(0);
  });

  it('a search text with SQL in it is a parameter: it finds nothing and changes nothing', async () => {
    const before = await fingerprint();
    const res = await as(taskforce, 'GET', `/api/enterprises?keyword=${encodeURIComponent("x' or '1'='1")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('49: generic errors', () => {
  it('with NODE_ENV=production an unexpected error answers the catalogue’s INTERNAL, no stack or message', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const res = await app.inject({ method: 'GET', url: '/api/test/forced-error' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'INTERNAL', zh: expect.any(String), en: expect.any(String) },
    });
    expect(res.body).not.toMatch(/secret\.ts|hunter2|forced failure|\bat\s+\S+\s+\(|stack/i);
  });

  it('a malformed JSON body is a 400 that does not echo internals', async () => {
    const res = await as(taskforce, 'PATCH', `/api/platforms/${ids.platform}`, {
      headers: {
        cookie: taskforce.cookie,
        'x-csrf-token': taskforce.csrf,
        'content-type': 'application/json',
      },
      payload: '{"version":1,',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/node_modules|\bat\s+\S+\s+\(/);
  });
});

describe('50: prototype pollution', () => {
  it('__proto__ and constructor.prototype in JSON bodies are refused and pollute nothing', async () => {
    for (const payload of [
      '{"version":1,"__proto__":{"polluted":true}}',
      '{"version":1,"constructor":{"prototype":{"polluted":true}}}',
      '{"version":1,"contacts":[{"__proto__":{"polluted":true}}]}',
    ]) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/platforms/${ids.platform}`,
        headers: {
          cookie: taskforce.cookie,
          'x-csrf-token': taskforce.csrf,
          'content-type': 'application/json',
        },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(({} as Record<string, unknown>).polluted, payload).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('a sheet whose header row holds __proto__, constructor and prototype: unknown columns, nothing polluted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([...COLUMNS.enterprises.map((c) => c.header), '__proto__', 'constructor', 'prototype']);
    const res = await uploadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'proto.xlsx');
    expect(res.statusCode, res.body).toBeLessThan(500);
    const job = await settle(res.json().id);
    expect(job.status).toBe('rejected');
    expect(JSON.stringify(job)).toContain('UNKNOWN_COLUMN');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('deliverable 5: every workbook export carries the exporter’s watermark', () => {
  it('each .xlsx route stamps the page header, footer and document properties with name, account and Beijing time', async () => {
    const sessions: Record<string, Session> = {
      taskforce,
      secadmin: await login(app, 'secadmin'),
      auditor: await login(app, 'auditor'),
    };
    const names: Record<string, string> = {};
    for (const who of Object.keys(sessions))
      names[who] = (await as(sessions[who]!, 'GET', '/api/auth/me')).json().user.displayName;
    const exports = routes.filter(([m, p]) => m === 'GET' && /\.xlsx$|\/export$|\/template/.test(p));
    let stamped = 0;
    for (const [, path] of exports) {
      for (const who of Object.keys(sessions)) {
        const res = await as(sessions[who]!, 'GET', concrete(path));
        if (res.statusCode !== 200) continue;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const text = new RegExp(
          `导出人 ${names[who]} \\(${who}\\) \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 北京时间`,
        );
        for (const sheet of wb.worksheets) {
          expect(sheet.headerFooter.oddHeader, `${path} ${who}`).toMatch(text);
          expect(sheet.headerFooter.oddFooter, `${path} ${who}`).toMatch(text);
        }
        expect(wb.creator, path).toBe(`${names[who]} (${who})`);
        expect(wb.description, path).toMatch(text);
        stamped++;
        break;
      }
    }
    // The enterprise registry, account list, audit trail, import history and templates at least.
    expect(stamped).toBeGreaterThanOrEqual(5);
  });
});
