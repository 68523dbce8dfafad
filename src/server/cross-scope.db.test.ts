/**
 * The cross-scope test (security checklist items 11–14 and 42): every registered route × every
 * demo role, aimed at REAL records outside the role's scope — another platform's enterprise, its
 * year figures, a reported statistic, an import, an evaluation result, an objection, an account.
 *
 * Each route has a case: one or more probes, each a request with a valid body and the roles that
 * may make it. A role outside that list must get 403 (no permission) or 404 (out of scope, exactly
 * like a missing record) and nothing may change; a role in the list must get a 2xx (so the body is
 * valid and only scope or permission refuses the others). Every 2xx a platform administrator or an
 * enterprise user receives is searched for foreign platforms, enterprises and ids, JSON and
 * workbooks alike; list routes hold only rows in scope, and their totals count no more. No GET
 * changes data, whoever sends it. The route inventory comes from Fastify's `onRoute` hook, so a
 * new route without a case fails here.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import type { App } from '../platform/http';
import { testConfig, testDatabase, testKeyRing } from '../test/database';
import { login, type Session } from '../test/http';
import { loadDemoCity } from '../modules/demo/city/load';
import { DEMO_PASSWORD, DEMO_PLATFORMS, demoUscc, seedDemo } from '../modules/demo/demo.seed';
import { seedDemoEvaluations } from '../modules/demo/demo-evaluations';
import { COLUMNS } from '../modules/imports/core/columns';
import { PRESETS } from '../modules/evaluation/core/presets';
import { insertUser } from '../modules/users/users.service';
import { buildApp, type RouteEntry } from './app';
import { zonedDate } from '../platform/time-zone';

const ROLES = [
  'taskforce',
  'leader',
  'platform',
  'commissioner',
  'enterprise',
  'department',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
type Who = (typeof ROLES)[number];
const ALL: Who[] = [...ROLES];
const BUSINESS_READERS: Who[] = ['taskforce', 'leader', 'platform', 'commissioner', 'enterprise'];
/** The roles limited to part of the city: their replies are searched for foreign records. */
type Scoped = 'platform' | 'enterprise' | 'commissioner';
const isScoped = (who: Who): who is Scoped =>
  who === 'platform' || who === 'enterprise' || who === 'commissioner';

interface Probe {
  /** What the request aims at, for failure messages. */
  what: string;
  method: string;
  url: string;
  /** The body (built per request: versions and unique keys change as the run goes on). */
  body?: (who: Who) => unknown;
  headers?: Record<string, string>;
  /** The roles that may make this request: they get a 2xx; everyone else 403 or 404. */
  ok: Who[];
  /** Statuses besides 2xx an allowed role may get (a redirect). */
  okWith?: number[];
  /** Statuses a refused role may get instead of 403/404 (a file refused for its content). */
  refusedWith?: number[];
  /** The reply is the same fixed file for everyone (not searched for foreign names). */
  fixedContent?: boolean;
  /**
   * The route is rate-limited per address below the number of roles: each role sends from an
   * address of its own, so that only scope or permission refuses it.
   */
  ownAddress?: boolean;
  /** A further check of an allowed role's response. */
  check?: (who: Who, res: Reply) => void | Promise<void>;
}
interface Reply {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
  json: () => Json;
}
/** Replies are checked field by field at run time; their static type is left open. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let database: Database;
let app: App;
let routes: readonly RouteEntry[];
const sessions = {} as Record<Who, Session>;

/** Platforms: Q = the platform administrator's, B = the enterprise user's, C = neither. */
const P = { Q: 0, B: 0, C: 0 };
/**
 * Enterprises: own = the enterprise user's (in B, assigned to the commissioner), sib = another in B
 * (assigned to another commissioner), q = one in Q, c = one in C.
 */
const E = { own: 0, sib: 0, q: 0, c: 0 };
let year = 0; // the latest year with figures
let pastYear = 0; // a published evaluation year
const ids = {
  foreignUser: 0,
  leader: 0, // the demo city leader
  importOfTaskForce: 0,
  importOfPlatform: 0,
  runNotice: 0, // in notice, with objections
  runDraftForNotice: 0,
  runDraftForDiscard: 0,
  runToPublish: 0,
  objectionC: 0,
  method: 0,
  period: 0,
  periodToDelete: '',
  target: 0,
  targetToDelete: 0,
  contactC: { enterprise: 0, id: 0 }, // a contact of an enterprise in C
  contactQ: { enterprise: 0, id: 0 }, // a contact of an enterprise in Q
  commissioner: 0, // the demo commissioner (of B)
  otherCommissionerB: 0,
  commissionerQ: 0,
  commissionerQ2: 0,
  commissionerC: 0,
  visitC: 0,
  problemVisitC: 0,
  problemC: 0,
  visitSib: 0,
  /** Open flagged figures (数据反馈) of the enterprises in C, in Q and of the enterprise user. */
  flagC: 0,
  flagQ: 0,
  flagOwn: 0,
};
/** What each scoped role may see; anything else in its responses is a leak. */
const visible = {
  platform: { platforms: new Set<number>(), enterprises: new Set<number>() },
  enterprise: { platforms: new Set<number>(), enterprises: new Set<number>() },
  commissioner: { platforms: new Set<number>(), enterprises: new Set<number>() },
};
/** Names of foreign platforms (searched as text) and codes of foreign enterprises (as USCC tokens). */
const foreignNames = { platform: [] as string[], enterprise: [] as string[], commissioner: [] as string[] };
const foreignUsccs = {
  platform: new Set<string>(),
  enterprise: new Set<string>(),
  commissioner: new Set<string>(),
};
const USCC_TOKEN = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g;

function send(
  who: Who,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) {
  const s = sessions[who];
  return app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
    ...(remoteAddress ? { remoteAddress } : {}),
    ...(payload === undefined ? {} : { payload: payload as string }),
  }) as Promise<Reply>;
}

async function ok(who: Who, method: string, url: string, payload?: unknown): Promise<Json> {
  const res = await send(who, method, url, payload);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}

function multipart(content: Buffer, filename = 'data.xlsx') {
  const boundary = '----yiyuanCrossScope';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function sheet(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EH = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;

let serial = 7000;
const nextUscc = () => demoUscc('330109', serial++);

async function settleImport(who: Who, id: number) {
  for (let i = 0; i < 400; i++) {
    const job = (await send(who, 'GET', `/api/imports/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

/** A registry workbook of one new enterprise in the named platform. */
const registry = (platformName: string) =>
  sheet(
    [EH('uscc'), EH('name'), EH('platform')],
    [[nextUscc(), `杭州越界测试${serial}号有限公司`, platformName]],
  );

async function uploadRegistry(who: Who, platformName: string) {
  const { body, headers } = multipart(await registry(platformName));
  const res = await send(who, 'POST', '/api/imports?kind=enterprises', body, headers);
  expect(res.statusCode, res.body).toBe(202);
  return settleImport(who, res.json().id);
}

/** The text of a workbook: every cell of every sheet. */
async function workbookText(payload: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const parts: string[] = [];
  wb.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) => parts.push(JSON.stringify(row.values)));
  });
  return parts.join('\n');
}

/** Foreign platforms, enterprises or ids in a response to a scoped role (empty: no leak). */
async function leaks(who: Scoped, res: Reply): Promise<string[]> {
  const found: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  let text: string;
  if (type.includes('spreadsheetml')) text = await workbookText(res.rawPayload);
  else {
    text = res.body;
    if (type.includes('json') && text) {
      const walk = (v: unknown, path: string) => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            if (k === 'platformId' && typeof x === 'number' && !visible[who].platforms.has(x))
              found.push(`${path}.platformId=${x}`);
            if (k === 'enterpriseId' && typeof x === 'number' && !visible[who].enterprises.has(x))
              found.push(`${path}.enterpriseId=${x}`);
            walk(x, `${path}.${k}`);
          }
      };
      walk(JSON.parse(text), '$');
    }
  }
  for (const name of foreignNames[who]) if (text.includes(name)) found.push(name);
  for (const [code] of text.matchAll(USCC_TOKEN)) if (foreignUsccs[who].has(code)) found.push(code);
  return found;
}

async function snapshot() {
  const { rows } = await database.pool.query(
    `select (select version from data_version order by id limit 1) as data_version,
            (select coalesce(max(id), 0) from audit_log) as audit_id`,
  );
  return rows[0] as { data_version: string | null; audit_id: string };
}

/** Runs a probe for every role: refused roles first, then the allowed ones. */
async function runProbe(key: string, p: Probe): Promise<string[]> {
  const failures: string[] = [];
  const order = [...ALL.filter((w) => !p.ok.includes(w)), ...ALL.filter((w) => p.ok.includes(w))];
  for (const who of order) {
    const label = `${who} ${p.method} ${p.url} (${p.what})`;
    // A GET changes nothing for anyone (checklist item 42); a refused write changes nothing either.
    const before = p.method === 'GET' || !p.ok.includes(who) ? await snapshot() : null;
    const auditBefore = UNSAFE.has(p.method) && p.ok.includes(who) ? (await snapshot()).audit_id : null;
    const address = p.ownAddress ? `10.99.0.${ROLES.indexOf(who) + 1}` : undefined;
    const res = await send(who, p.method, p.url, p.body?.(who), p.headers, address);
    if (before && p.method === 'GET' && (await snapshot()).data_version !== before.data_version)
      failures.push(`${label}: a GET changed data`);
    if (p.ok.includes(who)) {
      if (res.statusCode >= 300 && !p.okWith?.includes(res.statusCode))
        failures.push(`${label}: expected 2xx, got ${res.statusCode} ${res.body}`);
      else {
        if (isScoped(who) && !p.fixedContent) {
          const leaked = await leaks(who, res);
          if (leaked.length) failures.push(`${label}: foreign data in the reply: ${leaked.join(', ')}`);
        }
        try {
          await p.check?.(who, res);
        } catch (error) {
          failures.push(`${label}: ${(error as Error).message}`);
        }
        if (auditBefore !== null) {
          // Checklist item 18: a successful state change leaves an audit row naming the action
          // and the actor (not only a download or refusal row). After the check, which waits for
          // work a route starts in the background (an import's validation or its writing).
          const { rows } = await database.pool.query(
            `select action from audit_log a join users u on u.id = a.user_id
              where a.id > $1 and a.username = $2 and u.username = $2
                and a.action not in ('data.export', 'access.denied') and a.action <> ''`,
            [auditBefore, who],
          );
          if (rows.length) audited.set(key, rows[0].action);
          else if (!AUDIT_EXEMPT[key])
            failures.push(`${label}: succeeded (${res.statusCode}) without an audit row naming ${who}`);
        }
      }
    } else {
      const allowed = [403, 404, ...(p.refusedWith ?? [])];
      if (!allowed.includes(res.statusCode))
        failures.push(
          `${label}: expected ${allowed.join('/')}, got ${res.statusCode} ${res.body.slice(0, 300)}`,
        );
      if (res.statusCode === 403 && res.json().error?.code !== 'FORBIDDEN')
        failures.push(`${label}: 403 with ${res.json().error?.code}`);
      if (before && p.method !== 'GET') {
        const after = await snapshot();
        if (after.data_version !== before.data_version) failures.push(`${label}: the data changed`);
        const { rows } = await database.pool.query(
          `select action from audit_log where id > $1 and result = 'success'`,
          [before.audit_id],
        );
        if (rows.length)
          failures.push(`${label}: audited as a success: ${rows.map((r) => r.action).join(', ')}`);
      }
    }
  }
  return failures;
}

/** Items of a list that a scoped role received must all be its own. */
const onlyOwn =
  (
    pick: (body: Json) => { platformId?: number; enterpriseId?: number; id?: number }[],
    by: 'platform' | 'enterprise' = 'platform',
  ) =>
  (who: Who, res: Reply) => {
    if (!isScoped(who)) return;
    const items = pick(res.json());
    for (const item of items) {
      const value = by === 'platform' ? item.platformId : (item.enterpriseId ?? item.id);
      const set = by === 'platform' ? visible[who].platforms : visible[who].enterprises;
      if (value === undefined || !set.has(value)) throw new Error(`foreign row ${JSON.stringify(item)}`);
    }
  };

const get = (what: string, url: string, okRoles: Who[], check?: Probe['check']): Probe => ({
  what,
  method: 'GET',
  url,
  ok: okRoles,
  check,
});

/** Every route's case. Order matters where a case changes state (archive before restore, logout last). */
const CASES: Record<string, () => Probe[]> = {
  'GET /api/health': () => [get('public health', '/api/health', ALL)],
  'POST /api/auth/login': () => [
    {
      what: 'log in as an account that does not exist',
      method: 'POST',
      url: '/api/auth/login',
      body: () => ({ username: 'nobody-here', password: 'Wrong#Password1' }),
      ok: [],
      refusedWith: [401],
    },
  ],
  'GET /api/auth/me': () => [get('own account', '/api/auth/me', ALL)],
  'POST /api/auth/password': () => [
    {
      what: 'change own password with a wrong current password',
      method: 'POST',
      url: '/api/auth/password',
      body: () => ({ currentPassword: 'Not#TheRight1', newPassword: 'Another#Secret-2026' }),
      ok: [],
      refusedWith: [400, 401],
    },
  ],
  'POST /api/auth/mfa': () => [
    {
      what: 'a second-factor code without a login waiting for it',
      method: 'POST',
      url: '/api/auth/mfa',
      body: () => ({ code: '123456' }),
      ok: [],
      refusedWith: [401],
      ownAddress: true,
    },
  ],
  'POST /api/auth/mfa/enrolment': () => [
    {
      what: 'start setting up own authenticator app',
      method: 'POST',
      url: '/api/auth/mfa/enrolment',
      ok: ALL,
      // Only the own account: the URI names it.
      check: (who, res) => {
        if (!decodeURIComponent(res.json().uri).includes(`:${who}?`))
          throw new Error(`the URI names another account: ${res.json().uri}`);
      },
    },
  ],
  'POST /api/auth/mfa/enrolment/confirm': () => [
    {
      what: 'confirm own authenticator app with a wrong code',
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      body: () => ({ code: '000000' }),
      ok: [],
      refusedWith: [400, 401],
      ownAddress: true,
    },
  ],
  'GET /api/reference': () => [get('reference data', '/api/reference', ALL)],

  // Platforms.
  'GET /api/platforms': () => [
    get(
      'platform list',
      '/api/platforms?pageSize=100',
      [...BUSINESS_READERS, 'commissioner'],
      onlyOwn((b) => b.items.map((p: { id: number }) => ({ platformId: p.id }))),
    ),
  ],
  'GET /api/platforms/export.xlsx': () => [
    get('platform export', '/api/platforms/export.xlsx', [...BUSINESS_READERS, 'commissioner']),
  ],
  'GET /api/platforms/:id': () => [
    get('platform C', `/api/platforms/${P.C}`, ['taskforce', 'leader']),
    get('platform B (the enterprise user’s)', `/api/platforms/${P.B}`, [
      'taskforce',
      'leader',
      'commissioner',
      'enterprise',
    ]),
  ],
  'POST /api/platforms': () => [
    {
      what: 'create a platform',
      method: 'POST',
      url: '/api/platforms',
      body: (who) => ({
        name: `越界测试园区-${who}`,
        type: 'provincial_etdz',
        districtCode: '330111',
        leadingIndustries: ['new_materials', 'green_energy'],
      }),
      ok: ['taskforce'],
    },
  ],
  'PATCH /api/platforms/:id': () => [
    {
      what: 'edit platform C',
      method: 'PATCH',
      url: `/api/platforms/${P.C}`,
      body: () => ({ version: platformVersion.C, description: 'cross-scope' }),
      ok: ['taskforce'],
      check: async () => void (platformVersion.C += 1),
    },
    {
      what: 'edit platform B',
      method: 'PATCH',
      url: `/api/platforms/${P.B}`,
      body: () => ({ version: platformVersion.B, description: 'cross-scope' }),
      ok: ['taskforce'],
      check: async () => void (platformVersion.B += 1),
    },
  ],

  // Enterprises.
  'GET /api/enterprises': () => [
    get('enterprise list', '/api/enterprises?pageSize=200', BUSINESS_READERS, async (who, res) => {
      onlyOwn((b) => b.items)(who, res);
      // The total counts the scope's enterprises, no more.
      const expected: Record<string, string> = {
        platform: `select count(*)::int as n from enterprises where platform_id = ${P.Q}`,
        enterprise: 'select 1 as n',
        commissioner: `select count(*)::int as n from commissioner_assignments
                        where commissioner_user_id = ${ids.commissioner} and ended_on is null`,
      };
      if (!expected[who]) return;
      const { rows } = await database.pool.query(expected[who]!);
      if (res.json().total !== rows[0].n) throw new Error(`total ${res.json().total}, in scope ${rows[0].n}`);
    }),
    get(
      'enterprise list filtered to platform C',
      `/api/enterprises?pageSize=200&platformId=${P.C}`,
      BUSINESS_READERS,
      async (who, res) => {
        if (isScoped(who) && res.json().total !== 0)
          throw new Error(`total ${res.json().total} for a foreign platform`);
      },
    ),
  ],
  'GET /api/enterprises/export.xlsx': () => [
    get('enterprise export', '/api/enterprises/export.xlsx', BUSINESS_READERS),
    get(
      'enterprise export of platform C',
      `/api/enterprises/export.xlsx?platformId=${P.C}`,
      BUSINESS_READERS,
    ),
  ],
  'GET /api/enterprises/:id': () => [
    get('enterprise in C', `/api/enterprises/${E.c}`, ['taskforce', 'leader']),
    get('sibling enterprise in B', `/api/enterprises/${E.sib}`, ['taskforce', 'leader']),
    get('enterprise in Q', `/api/enterprises/${E.q}`, ['taskforce', 'leader', 'platform']),
  ],
  'POST /api/enterprises': () => [
    {
      what: 'register an enterprise in platform C',
      method: 'POST',
      url: '/api/enterprises',
      body: () => ({ uscc: nextUscc(), name: `杭州越界登记${serial}有限公司`, platformId: P.C }),
      ok: ['taskforce'],
    },
  ],
  'PATCH /api/enterprises/:id': () => [
    {
      what: 'edit the enterprise in C',
      method: 'PATCH',
      url: `/api/enterprises/${E.c}`,
      body: () => ({ version: enterpriseVersion.c, address: '越界地址' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.c += 1),
    },
    {
      what: 'edit the enterprise in Q',
      method: 'PATCH',
      url: `/api/enterprises/${E.q}`,
      body: () => ({ version: enterpriseVersion.q, address: '越界地址' }),
      ok: ['taskforce', 'platform'],
      check: () => void (enterpriseVersion.q += 1),
    },
    {
      // Moving is its own route: an edit changing the platform is refused (400 USE_MOVE).
      what: 'move the enterprise in Q to platform C by an edit',
      method: 'PATCH',
      url: `/api/enterprises/${E.q}`,
      body: () => ({ version: enterpriseVersion.q, platformId: P.C }),
      ok: [],
      refusedWith: [400],
    },
    {
      what: 'edit the sibling enterprise in B',
      method: 'PATCH',
      url: `/api/enterprises/${E.sib}`,
      body: () => ({ version: enterpriseVersion.sib, address: '越界地址' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.sib += 1),
    },
  ],
  'POST /api/enterprises/:id/move': () => [
    {
      what: 'move the enterprise in Q to platform C',
      method: 'POST',
      url: `/api/enterprises/${E.q}/move`,
      body: () => ({ version: enterpriseVersion.q, platformId: P.C, reason: '越界测试' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.q += 1),
    },
    {
      what: 'move it back to platform Q (now in C)',
      method: 'POST',
      url: `/api/enterprises/${E.q}/move`,
      body: () => ({ version: enterpriseVersion.q, platformId: P.Q, reason: '越界测试' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.q += 1),
    },
    {
      what: 'move the sibling enterprise in B to platform Q',
      method: 'POST',
      url: `/api/enterprises/${E.sib}/move`,
      body: () => ({ version: enterpriseVersion.sib, platformId: P.Q, reason: '越界测试' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.sib += 1),
    },
    {
      what: 'move it back to platform B (now in Q)',
      method: 'POST',
      url: `/api/enterprises/${E.sib}/move`,
      body: () => ({ version: enterpriseVersion.sib, platformId: P.B, reason: '越界测试' }),
      ok: ['taskforce'],
      check: () => void (enterpriseVersion.sib += 1),
    },
  ],
  'POST /api/enterprises/:id/contacts/:contactId/reveal': () => {
    const reveal = (what: string, enterpriseId: number, contactId: number, okRoles: Who[]): Probe => ({
      what,
      method: 'POST',
      url: `/api/enterprises/${enterpriseId}/contacts/${contactId}/reveal`,
      ok: okRoles,
      check: (_who, res) => {
        if (res.json().contactId !== contactId) throw new Error(`another contact: ${res.body}`);
      },
    });
    return [
      reveal('a contact of an enterprise in C', ids.contactC.enterprise, ids.contactC.id, ['taskforce']),
      reveal('a contact of an enterprise in Q', ids.contactQ.enterprise, ids.contactQ.id, [
        'taskforce',
        'platform',
      ]),
      // A contact of C under the id of an enterprise in Q: no such contact, for anyone.
      reveal('a contact of C under an enterprise in Q', ids.contactQ.enterprise, ids.contactC.id, []),
    ];
  },
  'PUT /api/enterprises/:id/years/:year': () => [
    {
      what: 'year figures of the enterprise in C',
      method: 'PUT',
      url: `/api/enterprises/${E.c}/years/${year}`,
      body: () => ({ employees: 77, version: yearVersion.c }),
      ok: ['taskforce'],
      check: () => void (yearVersion.c += 1),
    },
    {
      what: 'year figures of the enterprise in Q',
      method: 'PUT',
      url: `/api/enterprises/${E.q}/years/${year}`,
      body: () => ({ employees: 77, version: yearVersion.q }),
      ok: ['taskforce', 'platform'],
      check: () => void (yearVersion.q += 1),
    },
  ],
  'POST /api/enterprises/:id/years/:year/confirm': () => [
    {
      what: 'confirm the figures of the enterprise in C',
      method: 'POST',
      url: `/api/enterprises/${E.c}/years/${year}/confirm`,
      ok: [],
    },
    {
      what: 'confirm the figures of the sibling in B',
      method: 'POST',
      url: `/api/enterprises/${E.sib}/years/${year}/confirm`,
      ok: [],
    },
    {
      what: 'confirm own figures',
      method: 'POST',
      url: `/api/enterprises/${E.own}/years/${year}/confirm`,
      ok: ['enterprise'],
    },
  ],
  'POST /api/enterprises/:id/years/:year/flags': () => {
    const body = () => ({ field: 'output', comment: '数字有误' });
    return [
      {
        what: 'flag a figure of the enterprise in C',
        method: 'POST',
        url: `/api/enterprises/${E.c}/years/${year}/flags`,
        body,
        ok: [],
      },
      {
        what: 'flag a figure of the sibling in B',
        method: 'POST',
        url: `/api/enterprises/${E.sib}/years/${year}/flags`,
        body,
        ok: [],
      },
      {
        what: 'flag an own figure',
        method: 'POST',
        url: `/api/enterprises/${E.own}/years/${year}/flags`,
        body,
        ok: ['enterprise'],
      },
    ];
  },

  // Each allowed role resolves the flag; the check reopens it for the next.
  'POST /api/enterprises/:id/flags/:flagId/resolve': () => {
    const body = () => ({ note: '已核对更正' });
    const reopen = (flag: () => number) => async () =>
      void (await database.pool.query(
        'update enterprise_year_flags set resolved_at = null, resolved_by = null, resolution = null where id = $1',
        [flag()],
      ));
    return [
      {
        what: 'resolve a flag of the enterprise in C',
        method: 'POST',
        url: `/api/enterprises/${E.c}/flags/${ids.flagC}/resolve`,
        body,
        ok: ['taskforce'],
        check: reopen(() => ids.flagC),
      },
      {
        what: 'resolve a flag of the enterprise in Q',
        method: 'POST',
        url: `/api/enterprises/${E.q}/flags/${ids.flagQ}/resolve`,
        body,
        ok: ['taskforce', 'platform'],
        check: reopen(() => ids.flagQ),
      },
      {
        what: 'resolve the flag of the enterprise in C named under the enterprise in Q',
        method: 'POST',
        url: `/api/enterprises/${E.q}/flags/${ids.flagC}/resolve`,
        body,
        ok: [],
      },
      {
        what: "resolve the enterprise user's own flag",
        method: 'POST',
        url: `/api/enterprises/${E.own}/flags/${ids.flagOwn}/resolve`,
        body,
        ok: ['taskforce'],
        check: reopen(() => ids.flagOwn),
      },
    ];
  },

  // Industry classes.
  // Service commissioners and visits: before any probe adds enterprises to the platforms.
  'GET /api/commissioners': () => [
    get('commissioner accounts', '/api/commissioners', ['taskforce', 'platform']),
  ],
  'GET /api/commissioners/assignments': () => [
    get(
      'assignments',
      '/api/commissioners/assignments?pageSize=200',
      ['taskforce', 'platform'],
      onlyOwn((b) => b.items),
    ),
    get(
      'assignments filtered to platform C',
      `/api/commissioners/assignments?platformId=${P.C}`,
      ['taskforce', 'platform'],
      (who, res) => {
        if (isScoped(who) && res.json().total !== 0) throw new Error(`total ${res.json().total}`);
      },
    ),
  ],
  'GET /api/commissioners/assignments/:enterpriseId': () => [
    get('commissioner of the enterprise in C', `/api/commissioners/assignments/${E.c}`, [
      'taskforce',
      'leader',
    ]),
    get('commissioner of the sibling in B', `/api/commissioners/assignments/${E.sib}`, [
      'taskforce',
      'leader',
    ]),
    get('own commissioner', `/api/commissioners/assignments/${E.own}`, [
      'taskforce',
      'leader',
      'commissioner',
      'enterprise',
    ]),
    get('commissioner of the enterprise in Q', `/api/commissioners/assignments/${E.q}`, [
      'taskforce',
      'leader',
      'platform',
    ]),
  ],
  'PUT /api/commissioners/assignments/:enterpriseId': () => [
    {
      what: 'give the enterprise in C to another of C’s commissioners',
      method: 'PUT',
      url: `/api/commissioners/assignments/${E.c}`,
      body: () => ({ commissionerUserId: ids.commissionerC, reason: '越界测试' }),
      ok: ['taskforce'],
    },
    {
      what: 'give the enterprise in Q to one of Q’s commissioners (each role another)',
      method: 'PUT',
      url: `/api/commissioners/assignments/${E.q}`,
      body: (who) => ({ commissionerUserId: who === 'platform' ? ids.commissionerQ : ids.commissionerQ2 }),
      ok: ['taskforce', 'platform'],
    },
    {
      what: 'give the enterprise in Q to a commissioner of B',
      method: 'PUT',
      url: `/api/commissioners/assignments/${E.q}`,
      body: () => ({ commissionerUserId: ids.otherCommissionerB }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/commissioners/bulk/preview': () => [
    get(
      'preview a bulk assignment of platform C',
      `/api/commissioners/bulk/preview?platformId=${P.C}`,
      ['taskforce', 'platform'],
      (who, res) => {
        if (isScoped(who) && res.json().matching !== 0) throw new Error(`matching ${res.body}`);
      },
    ),
  ],
  'POST /api/commissioners/bulk': () => [
    {
      what: 'bulk-assign platform C to one of C’s commissioners',
      method: 'POST',
      url: '/api/commissioners/bulk',
      body: () => ({ filter: { platformId: P.C, unassigned: true }, commissionerUserId: ids.commissionerC }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/commissioners/export': () => [
    get('assignment export', '/api/commissioners/export', ['taskforce', 'platform']),
  ],
  'POST /api/commissioners/import': () => [
    {
      what: 'import an assignment of the enterprise in C',
      method: 'POST',
      url: '/api/commissioners/import',
      ...uploadOf('assignmentOfC'),
      ok: ['taskforce'],
      // The platform administrator's rows name an enterprise and a commissioner outside its scope.
      refusedWith: [400],
      ownAddress: true,
    },
  ],

  // Visits.
  'GET /api/visits': () => [
    get(
      'visits',
      '/api/visits?pageSize=200',
      ['taskforce', 'platform', 'commissioner'],
      onlyOwn((b) => b.items, 'enterprise'),
    ),
    get(
      'visits of the enterprise in C',
      `/api/visits?enterpriseId=${E.c}`,
      ['taskforce', 'platform', 'commissioner'],
      (who, res) => {
        if (isScoped(who) && res.json().total !== 0) throw new Error(`total ${res.json().total}`);
      },
    ),
  ],
  'GET /api/visits/coverage': () => [
    get(
      'visit coverage',
      `/api/visits/coverage?year=${year}`,
      ['taskforce', 'platform', 'commissioner'],
      (who, res) => {
        if (who !== 'commissioner') return;
        const rows = res.json().commissioners as { commissionerUserId: number }[];
        if (rows.some((r) => r.commissionerUserId !== ids.commissioner))
          throw new Error(`other commissioners: ${res.body}`);
      },
    ),
  ],
  'GET /api/visits/:id': () => [
    get('a visit to the enterprise in C', `/api/visits/${ids.visitC}`, ['taskforce']),
    get('a visit to the sibling in B', `/api/visits/${ids.visitSib}`, ['taskforce']),
  ],
  'POST /api/visits': () => [
    {
      what: 'record a visit to the enterprise in C',
      method: 'POST',
      url: '/api/visits',
      body: () => ({
        enterpriseId: E.c,
        status: 'planned',
        plannedOn: '2026-02-01',
        visitorKind: 'department',
      }),
      ok: ['taskforce'],
    },
    {
      what: 'record a commissioner’s visit to the enterprise user’s enterprise',
      method: 'POST',
      url: '/api/visits',
      body: () => ({
        enterpriseId: E.own,
        status: 'planned',
        plannedOn: '2026-02-01',
        visitorKind: 'commissioner',
      }),
      ok: ['taskforce', 'commissioner'],
    },
  ],
  'PUT /api/visits/:id': () => [
    {
      what: 'edit the visit to the enterprise in C',
      method: 'PUT',
      url: `/api/visits/${ids.visitC}`,
      body: () => ({
        version: visitVersion.c,
        status: 'planned',
        plannedOn: '2026-01-06',
        visitorKind: 'department',
        notes: '越界测试',
      }),
      ok: ['taskforce'],
      check: () => void (visitVersion.c += 1),
    },
    {
      what: 'edit the visit to the sibling in B',
      method: 'PUT',
      url: `/api/visits/${ids.visitSib}`,
      body: () => ({
        version: visitVersion.sib,
        status: 'cancelled',
        plannedOn: '2026-01-06',
        visitorKind: 'commissioner',
      }),
      ok: ['taskforce'],
      check: () => void (visitVersion.sib += 1),
    },
  ],

  'GET /api/industry-classes': () => [
    get('industry classes', '/api/industry-classes?level=class', [...BUSINESS_READERS, 'commissioner']),
  ],
  'PUT /api/industry-classes/:code/key-industry': () => [
    {
      what: 'map an industry class',
      method: 'PUT',
      url: '/api/industry-classes/3973/key-industry',
      body: () => ({ industryCode: 'integrated_circuits' }),
      ok: ['taskforce'],
    },
  ],

  // Imports.
  'GET /api/imports/templates/:kind.xlsx': () => [
    // A fixed file: its example row names a demo platform, which is not data of anyone's scope.
    { ...get('registry template', '/api/imports/templates/enterprises.xlsx', ALL), fixedContent: true },
  ],
  'GET /api/imports/years/:year/export.xlsx': () => [
    get('a year of figures', `/api/imports/years/${year}/export.xlsx`, BUSINESS_READERS),
  ],
  'POST /api/imports': () => [
    {
      what: 'upload a registry row of platform C',
      method: 'POST',
      url: '/api/imports?kind=enterprises',
      ...uploadOf('foreignRegistry'),
      ok: ['taskforce', 'platform'],
      check: async (who, res) => {
        const job = await settleImport(who, res.json().id);
        const expected = who === 'platform' ? 'rejected' : 'ready';
        if (job.status !== expected) throw new Error(`the job is ${job.status}, expected ${expected}`);
      },
    },
  ],
  'GET /api/imports': () => [
    get('import history', '/api/imports?pageSize=100', ['taskforce', 'platform'], async (who, res) => {
      const jobIds = res.json().items.map((j: { id: number }) => j.id);
      if (who === 'platform' && jobIds.includes(ids.importOfTaskForce))
        throw new Error('the task force’s import is listed');
    }),
  ],
  'GET /api/imports/export.xlsx': () => [
    get('import history export', '/api/imports/export.xlsx', ['taskforce', 'platform']),
  ],
  'GET /api/imports/:id': () => [
    get('the task force’s import', `/api/imports/${ids.importOfTaskForce}`, ['taskforce']),
    get('the platform administrator’s import', `/api/imports/${ids.importOfPlatform}`, [
      'taskforce',
      'platform',
    ]),
  ],
  'GET /api/imports/:id/report.xlsx': () => [
    get('the task force’s import report', `/api/imports/${ids.importOfTaskForce}/report.xlsx`, ['taskforce']),
  ],
  'POST /api/imports/:id/commit': () => [
    {
      what: 'commit the task force’s import',
      method: 'POST',
      url: `/api/imports/${ids.importOfTaskForce}/commit`,
      ok: ['taskforce'],
      check: async (who, res) => void (await settleImport(who, res.json().id)),
    },
    {
      what: 'commit the platform administrator’s import',
      method: 'POST',
      url: `/api/imports/${ids.importOfPlatform}/commit`,
      ok: ['platform'],
      check: async (who, res) => void (await settleImport(who, res.json().id)),
    },
  ],
  // After the commits: the enterprises each import changed.
  'GET /api/imports/:id/changes.xlsx': () => [
    get('the task force’s import changes', `/api/imports/${ids.importOfTaskForce}/changes.xlsx`, [
      'taskforce',
    ]),
    get('the platform administrator’s import changes', `/api/imports/${ids.importOfPlatform}/changes.xlsx`, [
      'taskforce',
      'platform',
    ]),
  ],

  // Reported statistics.
  'GET /api/platform-stats/figures': () => [
    get('reportable figures (a fixed catalogue)', '/api/platform-stats/figures', ALL),
  ],
  'GET /api/platform-stats': () => [
    get(
      'reported figures',
      `/api/platform-stats?year=${year}`,
      ['taskforce', 'leader', 'platform'],
      onlyOwn((b) => b),
    ),
    get('reported figures of platform C', `/api/platform-stats?year=${year}&platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'PUT /api/platform-stats': () => [
    {
      what: 'report a figure of platform C',
      method: 'PUT',
      url: '/api/platform-stats',
      body: () => ({ platformId: P.C, year, figure: 'incubators', value: 5 }),
      ok: ['taskforce'],
    },
    {
      what: 'report a figure of platform Q',
      method: 'PUT',
      url: '/api/platform-stats',
      // A value of its own per role: writing the value already stored changes nothing.
      body: (who) => ({ platformId: P.Q, year, figure: 'incubators', value: who === 'platform' ? 6 : 8 }),
      ok: ['taskforce', 'platform'],
    },
  ],
  'PUT /api/platform-stats/batch': () => [
    {
      what: 'report figures of platform C',
      method: 'PUT',
      url: '/api/platform-stats/batch',
      body: () => ({ platformId: P.C, year, items: [{ figure: 'incubators', value: 7 }] }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/platform-stats': () => [
    {
      what: 'clear a reported figure of platform C',
      method: 'DELETE',
      url: '/api/platform-stats',
      body: () => ({ platformId: P.C, year, figure: 'incubators' }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/platform-stats/template': () => [
    get('reporting template', `/api/platform-stats/template?year=${year}`, ['taskforce', 'platform']),
  ],
  'POST /api/platform-stats/import': () => [
    {
      what: 'import reported figures naming platform C',
      method: 'POST',
      url: `/api/platform-stats/import?year=${year}`,
      ...uploadOf('statsOfC'),
      ok: ['taskforce'],
      refusedWith: [400],
    },
  ],

  // Metrics, cockpit, plan.
  'GET /api/metrics/catalogue': () => [get('metric catalogue', '/api/metrics/catalogue', ALL)],
  'GET /api/metrics': () => [
    get('metrics', `/api/metrics?year=${year}`, ['taskforce', 'leader', 'platform']),
    get('metrics of platform C', `/api/metrics?year=${year}&platformId=${P.C}`, ['taskforce', 'leader']),
  ],
  'GET /api/metrics/platform-year': () => [
    get('figures of platform C', `/api/metrics/platform-year?year=${year}&platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'GET /api/metrics/drill': () => [
    get('drill-down', `/api/metrics/drill?metric=tax_per_mu&year=${year}&pageSize=200`, [
      'taskforce',
      'leader',
      'platform',
    ]),
    get('drill-down into platform C', `/api/metrics/drill?metric=tax_per_mu&year=${year}&platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'GET /api/cockpit': () => [
    get('cockpit', `/api/cockpit?year=${year}`, ['taskforce', 'leader', 'platform']),
    get('cockpit of platform C', `/api/cockpit?year=${year}&platformId=${P.C}`, ['taskforce', 'leader']),
  ],
  'GET /api/plan/periods': () => [
    get('plan periods', '/api/plan/periods', ['taskforce', 'leader', 'platform']),
  ],
  'GET /api/plan/periods/:key': () => [
    get('a plan period', '/api/plan/periods/x-2031', ['taskforce', 'leader', 'platform']),
  ],
  'POST /api/plan/periods': () => [
    {
      what: 'create a plan period',
      method: 'POST',
      url: '/api/plan/periods',
      body: (who) => ({ key: `x-${who}`, nameZh: '越界测试期', startYear: 2031, endYear: 2035 }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/plan/periods/:key': () => [
    {
      what: 'delete a plan period',
      method: 'DELETE',
      url: `/api/plan/periods/${ids.periodToDelete}`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/plan/periods/:id/targets': () => [
    {
      what: 'add a target',
      method: 'POST',
      url: `/api/plan/periods/${ids.period}/targets`,
      body: (who) => newTarget(`A${ROLES.indexOf(who)}`),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/plan/targets/:id': () => [
    {
      what: 'edit a target',
      method: 'PUT',
      url: `/api/plan/targets/${ids.target}`,
      body: () => ({ ...newTarget('E1'), targetValue: 600, version: targetVersion.value }),
      ok: ['taskforce'],
      check: () => void (targetVersion.value += 1),
    },
  ],
  'DELETE /api/plan/targets/:id': () => [
    {
      what: 'delete a target',
      method: 'DELETE',
      url: `/api/plan/targets/${ids.targetToDelete}`,
      ok: ['taskforce'],
    },
  ],
  'GET /api/plan/assessment': () => [
    get('assessment', '/api/plan/assessment', ['taskforce', 'leader', 'platform']),
    get('assessment of platform C', `/api/plan/assessment?platformId=${P.C}`, ['taskforce', 'leader']),
  ],
  'GET /api/plan/assessment/export': () => [
    get('assessment export', '/api/plan/assessment/export', ['taskforce', 'leader', 'platform']),
    get('assessment export of platform C', `/api/plan/assessment/export?platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],

  // Platform evaluation and quotas.
  'GET /api/platform-evaluation': () => [
    get('platform evaluation', `/api/platform-evaluation?year=${year}`, ['taskforce', 'leader', 'platform']),
  ],
  'GET /api/platform-evaluation/export': () => [
    get('platform evaluation export', `/api/platform-evaluation/export?year=${year}`, [
      'taskforce',
      'leader',
      'platform',
    ]),
  ],
  'PUT /api/quota-pools/:year': () => [
    {
      what: 'set the quota pool',
      method: 'PUT',
      url: `/api/quota-pools/${year}`,
      body: () => ({ landMu: 500, energyTce: 12_345, threshold: 70, leaders: 2, methodId: null }),
      ok: ['taskforce'],
    },
  ],
  'POST /api/quota-pools/:year/confirm': () => [
    {
      what: 'confirm the quota pool',
      method: 'POST',
      url: `/api/quota-pools/${year}/confirm`,
      ok: ['taskforce'],
    },
  ],

  // Enterprise requests: each step aimed at a request of the enterprise in C (the platform
  // administrator's, the enterprise user's and the department's are elsewhere).
  'GET /api/requests': () => [
    get(
      'requests',
      '/api/requests?pageSize=200',
      REQUEST_READERS,
      onlyOwn((b) => b.items),
    ),
    get(
      'requests',
      '/api/requests?pageSize=200',
      REQUEST_READERS,
      onlyOwn((b) => b.items, 'enterprise'),
    ),
  ],
  'GET /api/requests/stats': () => [get('request figures', '/api/requests/stats', REQUEST_READERS)],
  'GET /api/requests/metrics': () => [
    get(
      'service metrics',
      '/api/requests/metrics',
      REQUEST_READERS.filter((w) => w !== 'enterprise'),
      (who, res) => {
        onlyOwn((b) => b.platforms as { platformId: number }[])(who, res);
        const body = res.json();
        if (
          who === 'commissioner' &&
          body.commissioners.some((c: Json) => c.commissionerUserId !== ids.commissioner)
        )
          throw new Error(`other commissioners: ${res.body}`);
        if (who === 'department' && (body.platforms.length || body.commissioners.length))
          throw new Error(`a department sees platforms or commissioners: ${res.body}`);
      },
    ),
  ],
  'POST /api/visits/:id/problems/:problemId/request': () => [
    {
      what: 'turn the problem of a visit in C into a request',
      method: 'POST',
      url: `/api/visits/${ids.problemVisitC}/problems/${ids.problemC}/request`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/requests': () => [
    {
      what: 'raise a request for the enterprise in C',
      method: 'POST',
      url: '/api/requests',
      body: () => ({ enterpriseId: E.c, category: 'land', title: '越界测试', description: '越界测试诉求' }),
      ok: ['taskforce'],
    },
    {
      what: 'raise a request for the enterprise in Q',
      method: 'POST',
      url: '/api/requests',
      body: () => ({ enterpriseId: E.q, category: 'land', title: '越界测试', description: '越界测试诉求' }),
      ok: ['taskforce', 'platform'],
    },
    {
      what: 'raise a request for oneself',
      method: 'POST',
      url: '/api/requests',
      body: () => ({ enterpriseId: E.own, category: 'land', title: '越界测试', description: '越界测试诉求' }),
      ok: ['taskforce', 'commissioner', 'enterprise'],
    },
  ],
  'GET /api/requests/:id': () => [
    get('a request in C', `/api/requests/${R.accept!.id}`, ['taskforce', 'leader']),
    get('a request handed to the department', `/api/requests/${R.transfer!.id}`, [
      'taskforce',
      'leader',
      'department',
    ]),
    // Handed to the demo department, which therefore sees it too.
    get("the enterprise user's request", `/api/requests/${R.rate!.id}`, [
      'taskforce',
      'leader',
      'commissioner',
      'enterprise',
      'department',
    ]),
  ],
  ...Object.fromEntries(
    (
      [
        ['accept', { complexity: 'complex' }, ['taskforce']],
        ['assign', { assigneeKind: 'platform' }, ['taskforce']],
        ['transfer', { assigneeKind: 'platform', note: '越界测试转办' }, ['taskforce']],
        ['start', {}, ['taskforce']],
        ['answer', { note: '越界测试答复' }, ['taskforce']],
        ['close', {}, ['taskforce']],
        ['suspend', { note: '越界测试挂起' }, ['taskforce']],
        ['resume', {}, ['taskforce']],
        ['rate', { rating: 'satisfied' }, ['enterprise']],
      ] as [string, Record<string, unknown>, Who[]][]
    ).map(([action, body, okRoles]) => [
      `POST /api/requests/:id/${action}`,
      () => [
        {
          what: `${action} a request`,
          method: 'POST',
          url: `/api/requests/${R[action]!.id}/${action}`,
          body: () => ({ version: R[action]!.version, ...body }),
          ok: okRoles,
        } satisfies Probe,
      ],
    ]),
  ),
  'POST /api/requests/:id/attachments': () => [
    {
      what: 'attach a PDF to a request in C',
      method: 'POST',
      url: `/api/requests/${R.accept!.id}/attachments`,
      body: () => multipart(Buffer.from('%PDF-1.4 cross-scope'), 'a.pdf').body,
      headers: multipart(Buffer.from('%PDF-1.4 cross-scope'), 'a.pdf').headers,
      ok: ['taskforce'],
    },
  ],
  'GET /api/requests/:id/attachments/:attachmentId': () => [
    {
      ...get(
        'an attachment of a request in C',
        `/api/requests/${R.accept!.id}/attachments/${R.attachment!.id}`,
        ['taskforce', 'leader'],
      ),
      fixedContent: true,
    },
  ],
  'GET /api/request-categories': () => [
    get('request categories', '/api/request-categories', REQUEST_READERS),
  ],
  'POST /api/request-categories': () => [
    {
      what: 'add a request category',
      method: 'POST',
      url: '/api/request-categories',
      body: () => ({
        code: `x_${++categorySerial}`,
        nameZh: '越界测试',
        nameEn: 'Test',
        slaSimpleDays: 2,
        slaComplexDays: 5,
        active: true,
      }),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/request-categories/:code': () => [
    {
      what: 'edit a request category',
      method: 'PUT',
      url: '/api/request-categories/other',
      body: () => ({ nameZh: '其他', nameEn: 'Other', slaSimpleDays: 1, slaComplexDays: 4, active: true }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/departments': () => [get('departments', '/api/departments', [...REQUEST_READERS, 'secadmin'])],
  'POST /api/departments': () => [
    {
      what: 'add a department',
      method: 'POST',
      url: '/api/departments',
      body: () => ({
        code: 'x_test',
        nameZh: '越界测试局',
        nameEn: 'Test bureau',
        kind: 'city',
        active: true,
      }),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/departments/:id': () => [
    {
      what: 'edit a department',
      method: 'PUT',
      url: `/api/departments/${R.department!.id}`,
      body: () => ({
        code: 'tjj',
        nameZh: '市统计局',
        nameEn: 'Municipal Statistics Bureau',
        kind: 'city',
        active: true,
      }),
      ok: ['taskforce'],
    },
  ],

  // Tasks and meetings: the demo department's task, the platform administrator's platform's,
  // platform C's; meetings are the task force's and the leaders'.
  'GET /api/tasks': () => [
    get(
      'tasks',
      '/api/tasks?pageSize=200',
      TASK_READERS,
      // A platform administrator lists only its own platform's tasks.
      onlyOwn((b) =>
        (b.items as { ownerKind: string; ownerId: number }[]).map((t) => ({
          platformId: t.ownerKind === 'platform' ? t.ownerId : undefined,
        })),
      ),
    ),
  ],
  'GET /api/tasks/my-platforms': () => [get("a leader's platforms", '/api/tasks/my-platforms', TASK_READERS)],
  'POST /api/tasks': () => [
    {
      what: 'create a task for a department',
      method: 'POST',
      url: '/api/tasks',
      body: () => ({
        title: '越界测试任务',
        description: '',
        sourceKind: 'plan',
        planRef: '§3.3',
        ownerKind: 'department',
        ownerId: T.kjj!.id,
        dueWorkingDays: 5,
      }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/tasks/:id': () => [
    get('a task of platform C', `/api/tasks/${T.supervise!.id}`, ['taskforce', 'leader']),
    get("the department's task", `/api/tasks/${T.report!.id}`, ['taskforce', 'leader', 'department']),
    get("the platform's task", `/api/tasks/${T.complete!.id}`, ['taskforce', 'leader', 'platform']),
  ],
  ...Object.fromEntries(
    (
      [
        ['report', { note: '越界测试进展', percent: 30 }, ['department']],
        ['milestone', {}, ['department']],
        ['complete', {}, ['platform']],
        ['review', { note: '同意' }, ['taskforce']],
        ['return', { note: '越界测试退回' }, ['taskforce']],
        ['supervise', { note: '越界测试督办' }, ['taskforce']],
      ] as [string, Record<string, unknown>, Who[]][]
    ).map(([action, body, okRoles]) => [
      `POST /api/tasks/:id/${action}`,
      () => [
        {
          what: `${action} a task`,
          method: 'POST',
          url: `/api/tasks/${T[action]!.id}/${action}`,
          body: () => ({
            version: T[action]!.version,
            ...body,
            ...(action === 'milestone' ? { milestoneId: T.milestone!.milestoneId } : {}),
          }),
          ok: okRoles,
        } satisfies Probe,
      ],
    ]),
  ),
  // Investment projects: platform C's (read, edit, move, decide, contacts, documents) and the lists.
  'GET /api/projects': () => [
    get(
      'projects',
      '/api/projects?pageSize=200',
      PROJECT_READERS,
      onlyOwn((b) => b.items as { platformId: number }[]),
    ),
    get('projects of platform C', `/api/projects?platformId=${P.C}`, PROJECT_READERS, (who, res) => {
      if (who === 'platform') expect(res.json().total).toBe(0);
    }),
  ],
  'POST /api/projects': () => [
    {
      what: 'add a project in platform C',
      method: 'POST',
      url: '/api/projects',
      body: () => projectBody(P.C, '越界新增项目'),
      ok: ['taskforce'],
    },
  ],
  'GET /api/projects/pending-changes': () => [
    get('pending stage changes', '/api/projects/pending-changes', ['taskforce', 'platform'], (who, res) => {
      if (who === 'platform') expect(res.json().items).toEqual([]);
    }),
  ],
  'GET /api/projects/stalls': () => [
    get(
      'stalled projects',
      '/api/projects/stalls',
      PROJECT_READERS,
      onlyOwn((b) => b.items as { platformId: number }[]),
    ),
  ],
  'GET /api/projects/stall-rules': () => [get('stall rules', '/api/projects/stall-rules', PROJECT_READERS)],
  'PUT /api/projects/stall-rules': () => [
    {
      what: 'edit the stall rules',
      method: 'PUT',
      url: '/api/projects/stall-rules',
      body: () => ({ items: [{ stage: 'lead', sizeClass: 'major', maxDays: 200, escalateAfterDays: 30 }] }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/projects/funnel': () => [get('the funnel', '/api/projects/funnel', PROJECT_READERS)],
  'GET /api/projects/stats': () => [
    get(
      'project statistics',
      '/api/projects/stats',
      PROJECT_READERS,
      onlyOwn((b) => b.platforms as { platformId: number }[]),
    ),
  ],
  'GET /api/projects/commitments': () => [
    get(
      '达产复核',
      '/api/projects/commitments',
      PROJECT_READERS,
      onlyOwn((b) => b.items as { platformId: number }[]),
    ),
  ],
  'GET /api/projects/template': () => [get('the import template', '/api/projects/template', PROJECT_WRITERS)],
  'POST /api/projects/import': () => [
    {
      what: 'import a project of platform C',
      method: 'POST',
      url: '/api/projects/import',
      body: () => multipart(PJ.workbook!, '项目.xlsx').body,
      headers: multipart(PJ.workbook!, '项目.xlsx').headers,
      ok: PROJECT_WRITERS,
      ownAddress: true,
      // The platform administrator's file is refused row by row (another platform): nothing changes.
      check: (who, res) => expect(res.json().accepted).toBe(who === 'taskforce'),
    },
  ],
  'GET /api/projects/export': () => [
    {
      ...get('export the projects', `/api/projects/export?platformId=${P.C}`, PROJECT_READERS),
      ownAddress: true,
    },
  ],
  'GET /api/projects/:id': () => [
    get('a project of platform C', `/api/projects/${PJ.c!.id}`, ['taskforce', 'leader']),
  ],
  'PUT /api/projects/:id': () => [
    {
      what: 'edit a project of platform C',
      method: 'PUT',
      url: `/api/projects/${PJ.c!.id}`,
      body: () => ({ ...projectBody(P.C, '越界测试项目C（改）'), version: PJ.c!.version }),
      ok: ['taskforce'],
      check: (_who, res) => {
        PJ.c!.version = res.json().version;
      },
    },
  ],
  'POST /api/projects/:id/stage-changes': () => [
    {
      what: 'move a project of platform C',
      method: 'POST',
      url: `/api/projects/${PJ.c!.id}/stage-changes`,
      body: () => ({ stage: 'negotiating', stageDate: zonedDate() }),
      ok: ['taskforce'],
    },
  ],
  'POST /api/projects/:id/stage-changes/:changeId/approve': () => [
    {
      what: 'approve a stage change in platform C',
      method: 'POST',
      url: `/api/projects/${PJ.approve!.id}/stage-changes/${PJ.approve!.changeId}/approve`,
      body: () => ({}),
      ok: ['taskforce'],
    },
  ],
  'POST /api/projects/:id/stage-changes/:changeId/reject': () => [
    {
      what: 'reject a stage change in platform C',
      method: 'POST',
      url: `/api/projects/${PJ.reject!.id}/stage-changes/${PJ.reject!.changeId}/reject`,
      body: () => ({ reason: '越界测试退回' }),
      ok: ['taskforce'],
    },
  ],
  'POST /api/projects/:id/contacts': () => [
    {
      what: 'add a contact to a project of platform C',
      method: 'POST',
      url: `/api/projects/${PJ.c!.id}/contacts`,
      body: () => ({ name: '越界联系人', phone: '13900002222' }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/projects/:id/contacts/:contactId': () => [
    {
      what: 'delete a contact of a project of platform C',
      method: 'DELETE',
      url: `/api/projects/${PJ.c!.id}/contacts/${PJ.contactDel!.id}`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/projects/:id/contacts/:contactId/reveal': () => [
    {
      what: 'reveal a contact of a project of platform C',
      method: 'POST',
      url: `/api/projects/${PJ.c!.id}/contacts/${PJ.contact!.id}/reveal`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/projects/:id/documents': () => [
    {
      what: 'upload a document to a project of platform C',
      method: 'POST',
      url: `/api/projects/${PJ.c!.id}/documents`,
      body: () => multipart(Buffer.from('%PDF-1.4 cross-scope'), 'a.pdf').body,
      headers: multipart(Buffer.from('%PDF-1.4 cross-scope'), 'a.pdf').headers,
      ok: ['taskforce'],
    },
  ],
  'GET /api/projects/:id/documents/:documentId': () => [
    {
      ...get(
        'a document of a project of platform C',
        `/api/projects/${PJ.c!.id}/documents/${PJ.document!.id}`,
        ['taskforce', 'leader'],
      ),
      fixedContent: true,
    },
  ],
  'DELETE /api/projects/:id/documents/:documentId': () => [
    {
      what: 'delete a document of a project of platform C',
      method: 'DELETE',
      url: `/api/projects/${PJ.c!.id}/documents/${PJ.documentDel!.id}`,
      ok: ['taskforce'],
    },
  ],
  'GET /api/meetings': () => [get('meetings', '/api/meetings', ['taskforce', 'leader'])],
  'GET /api/meetings/:id': () => [
    get('a meeting', `/api/meetings/${T.meeting!.id}`, ['taskforce', 'leader']),
  ],
  'POST /api/meetings': () => [
    {
      what: 'record a meeting',
      method: 'POST',
      url: '/api/meetings',
      body: () => meetingBody('越界测试会议'),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/meetings/:id': () => [
    {
      what: 'edit a meeting',
      method: 'PUT',
      url: `/api/meetings/${T.meeting!.id}`,
      body: () => ({ ...meetingBody('越界测试会议（改）'), version: T.meeting!.version }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/departments/:id/users': () => [
    get("a department's accounts", `/api/departments/${T.kjj!.id}/users`, ['taskforce']),
  ],
  'GET /api/leader-platforms': () => [get('leader pairings', '/api/leader-platforms', ['taskforce'])],
  'POST /api/leader-platforms': () => [
    {
      what: 'pair the leader with platform C',
      method: 'POST',
      url: '/api/leader-platforms',
      body: () => ({ leaderUserId: ids.leader, platformId: P.C, fromOn: '2026-01-01' }),
      ok: ['taskforce'],
    },
  ],
  'POST /api/leader-platforms/:id/end': () => [
    {
      what: 'end a pairing',
      method: 'POST',
      url: `/api/leader-platforms/${T.pairing!.id}/end`,
      body: () => ({ toOn: '2026-06-30' }),
      ok: ['taskforce'],
    },
  ],

  // Chain leaders.
  'GET /api/chain-leaders': () => [
    get(
      'chain-leader candidates',
      `/api/chain-leaders?year=${year}&pageSize=200`,
      ['taskforce', 'leader', 'platform'],
      onlyOwn((b) => b.items),
    ),
  ],
  'GET /api/chain-leaders/summary': () => [
    get('chain-leader summary', `/api/chain-leaders/summary?year=${year}`, [
      'taskforce',
      'leader',
      'platform',
    ]),
  ],
  'GET /api/chain-leaders/decisions': () => [
    get('decision trail', '/api/chain-leaders/decisions', ['taskforce', 'leader', 'platform']),
    get('decision trail of the enterprise in C', `/api/chain-leaders/decisions?enterpriseId=${E.c}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'POST /api/chain-leaders/decisions': () => [
    {
      what: 'decide on the enterprise in C',
      method: 'POST',
      url: '/api/chain-leaders/decisions',
      body: () => ({ enterpriseId: E.c, year, decision: 'declined', reason: '越界测试' }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/chain-leaders/export': () => [
    get('chain-leader export', `/api/chain-leaders/export?year=${year}`, ['taskforce', 'leader', 'platform']),
  ],

  // Industrial-chain map: the task force, leaders and platform admins read (an admin only its own
  // platform's figures, targets and links); the task force edits maps; admins write their targets.
  'GET /api/chain-map/industries': () => [
    get('chain-map industries', '/api/chain-map/industries', CM_READERS),
  ],
  'GET /api/chain-map/view': () => [
    get('chain map', '/api/chain-map/view?industry=integrated_circuits', CM_READERS),
    get('chain map of platform C', `/api/chain-map/view?industry=integrated_circuits&platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'GET /api/chain-map/node': () => [
    get(
      'a node',
      `/api/chain-map/node?industry=${CM.industry}&node=${CM.node}`,
      CM_READERS,
      onlyOwn((b) => [...b.enterprises.map((e: Json) => ({ platformId: e.platformId })), ...b.targets]),
    ),
    get(
      'a node in platform C',
      `/api/chain-map/node?industry=${CM.industry}&node=${CM.node}&platformId=${P.C}`,
      ['taskforce', 'leader'],
    ),
  ],
  'GET /api/chain-map/maps': () => [
    get('map versions', '/api/chain-map/maps?industry=biomedicine', CM_READERS),
  ],
  'GET /api/chain-map/maps/:id': () => [get('a map version', `/api/chain-map/maps/${CM.mapId}`, CM_READERS)],
  'GET /api/chain-map/maps/:id/workbook': () => [
    get('a map workbook', `/api/chain-map/maps/${CM.mapId}/workbook`, CM_READERS),
  ],
  'PUT /api/chain-map/draft': () => [
    {
      what: 'save a draft map',
      method: 'PUT',
      url: '/api/chain-map/draft',
      body: () => ({ industryCode: 'new_materials', nodes: CM.nodes }),
      ok: ['taskforce'],
    },
  ],
  'POST /api/chain-map/import': () => [
    {
      what: 'import a map workbook',
      method: 'POST',
      url: '/api/chain-map/import?industry=green_energy',
      ...uploadOf('chainMap'),
      ok: ['taskforce'],
      ownAddress: true,
    },
  ],
  'POST /api/chain-map/maps/:id/publish': () => [
    {
      what: 'publish a draft map',
      method: 'POST',
      url: `/api/chain-map/maps/${CM.draftId}/publish`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/chain-map/placements': () => [
    {
      what: 'place the enterprise in C on a node',
      method: 'POST',
      url: '/api/chain-map/placements',
      body: () => ({
        industryCode: 'integrated_circuits',
        nodeCode: 'IC-M01',
        enterpriseId: E.c,
        mode: 'include',
      }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/chain-map/placements/:id': () => [
    {
      what: 'remove a placement in C',
      method: 'DELETE',
      url: `/api/chain-map/placements/${CM.placementC}`,
      ok: ['taskforce'],
    },
  ],
  'GET /api/chain-map/targets': () => [
    get(
      'targets',
      '/api/chain-map/targets',
      CM_READERS,
      onlyOwn((b) => b.items),
    ),
    get('targets of platform C', `/api/chain-map/targets?platformId=${P.C}`, ['taskforce', 'leader']),
  ],
  'POST /api/chain-map/targets': () => [
    {
      what: 'a target for platform C',
      method: 'POST',
      url: '/api/chain-map/targets',
      body: () => cmTarget(P.C),
      ok: ['taskforce'],
    },
    {
      what: 'a target for platform Q',
      method: 'POST',
      url: '/api/chain-map/targets',
      body: () => cmTarget(P.Q),
      ok: ['taskforce', 'platform'],
    },
  ],
  'PUT /api/chain-map/targets/:id': () => [
    {
      what: 'edit a target of platform C',
      method: 'PUT',
      url: `/api/chain-map/targets/${CM.targetC.id}`,
      body: () => ({ ...cmTarget(P.C), status: 'contacting', version: CM.targetC.version }),
      ok: ['taskforce'],
      check: () => void (CM.targetC.version += 1),
    },
  ],
  'GET /api/chain-map/roadmap': () => [
    get('own roadmap', `/api/chain-map/roadmap?platformId=${P.Q}`, CM_READERS),
    get('roadmap of platform C', `/api/chain-map/roadmap?platformId=${P.C}`, ['taskforce', 'leader']),
  ],
  'GET /api/chain-map/roadmap/workbook': () => [
    get('own roadmap workbook', `/api/chain-map/roadmap/workbook?platformId=${P.Q}`, CM_READERS),
    get('roadmap workbook of C', `/api/chain-map/roadmap/workbook?platformId=${P.C}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'GET /api/chain-map/partners': () => [
    get("a leader's partners in Q", `/api/chain-map/partners?leaderId=${CM.leaderQ}`, CM_READERS),
    get("a leader's partners in C", `/api/chain-map/partners?leaderId=${CM.leaderC}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'POST /api/chain-map/partners': () => [
    {
      what: 'link a partner to the leader in C',
      method: 'POST',
      url: '/api/chain-map/partners',
      body: () => ({ leaderEnterpriseId: CM.leaderC, partnerName: '越界测试配套企业', relation: 'supplier' }),
      ok: ['taskforce'],
    },
    {
      what: 'link a partner to the leader in Q',
      method: 'POST',
      url: '/api/chain-map/partners',
      body: () => ({ leaderEnterpriseId: CM.leaderQ, partnerName: '越界测试客户', relation: 'customer' }),
      ok: ['taskforce', 'platform'],
    },
  ],
  'DELETE /api/chain-map/partners/:id': () => [
    {
      what: 'unlink a partner in C',
      method: 'DELETE',
      url: `/api/chain-map/partners/${CM.partnerC}`,
      ok: ['taskforce'],
    },
  ],

  // Working-day calendar: every logged-in role reads, only the task force edits.
  'GET /api/calendar': () => [get('calendar years', '/api/calendar', ALL)],
  'GET /api/calendar/years/:year': () => [get('a calendar year', '/api/calendar/years/2026', ALL)],
  'GET /api/calendar/add-working-days': () => [
    get('working-day count', '/api/calendar/add-working-days?from=2026-09-29&days=7', ALL),
  ],
  'PUT /api/calendar/years/:year': () => [
    {
      what: 'enter a year',
      method: 'PUT',
      url: '/api/calendar/years/2027',
      body: () => ({ source: '国务院办公厅关于2027年部分节假日安排的通知' }),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/calendar/days/:date': () => [
    {
      what: 'add a holiday',
      method: 'PUT',
      url: '/api/calendar/days/2026-03-11',
      body: () => ({ kind: 'holiday', name: '越界测试' }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/calendar/days/:date': () => [
    { what: 'delete a holiday', method: 'DELETE', url: '/api/calendar/days/2026-03-11', ok: ['taskforce'] },
  ],

  // Per-mu evaluation.
  'GET /api/evaluation/indicators': () => [get('indicators', '/api/evaluation/indicators', ALL)],
  'GET /api/evaluation/method-schema': () => [get('method schema', '/api/evaluation/method-schema', ALL)],
  'GET /api/evaluation/presets': () => [get('presets', '/api/evaluation/presets', ALL)],
  'GET /api/evaluation/methods': () => [get('methods', '/api/evaluation/methods', BUSINESS_READERS)],
  'GET /api/evaluation/methods/:id': () => [
    get('a method', `/api/evaluation/methods/${ids.method}`, BUSINESS_READERS),
  ],
  'POST /api/evaluation/methods': () => [
    {
      what: 'save a method',
      method: 'POST',
      url: '/api/evaluation/methods',
      body: (who) => ({ key: `cross-${who}`, definition: PRESETS['zhejiang-default'] }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/evaluation/runs': () => [get('runs', '/api/evaluation/runs', BUSINESS_READERS)],
  'POST /api/evaluation/runs': () => [
    {
      what: 'start a run',
      method: 'POST',
      url: '/api/evaluation/runs',
      body: () => ({ year, methodId: ids.method, reason: '越界测试' }),
      ok: ['taskforce'],
    },
  ],
  'GET /api/evaluation/runs/:id': () => [
    get('a run in notice', `/api/evaluation/runs/${ids.runNotice}`, BUSINESS_READERS),
  ],
  'DELETE /api/evaluation/runs/:id': () => [
    {
      what: 'discard a draft run',
      method: 'DELETE',
      url: `/api/evaluation/runs/${ids.runDraftForDiscard}`,
      ok: ['taskforce'],
    },
  ],
  'GET /api/evaluation/runs/:id/results': () => [
    get(
      'results',
      `/api/evaluation/runs/${ids.runNotice}/results?pageSize=200`,
      BUSINESS_READERS,
      async (who, res) => {
        onlyOwn((b) => b.items)(who, res);
        if (!isScoped(who)) return;
        // The total counts the results in scope, no more.
        const { rows } = await database.pool.query(
          `select count(*)::int as n from evaluation_results r join enterprises e on e.id = r.enterprise_id
            where r.run_id = $1 and ${
              who === 'platform'
                ? 'e.platform_id = $2'
                : who === 'enterprise'
                  ? 'e.id = $2'
                  : `e.id in (select enterprise_id from commissioner_assignments
                               where commissioner_user_id = $2 and ended_on is null)`
            }`,
          [ids.runNotice, who === 'platform' ? P.Q : who === 'enterprise' ? E.own : ids.commissioner],
        );
        if (res.json().total !== rows[0].n)
          throw new Error(`total ${res.json().total}, in scope ${rows[0].n}`);
      },
    ),
    get(
      'results filtered to platform C',
      `/api/evaluation/runs/${ids.runNotice}/results?platformId=${P.C}`,
      BUSINESS_READERS,
      async (who, res) => {
        if (isScoped(who) && res.json().total !== 0)
          throw new Error(`total ${res.json().total} for a foreign platform`);
      },
    ),
  ],
  'GET /api/evaluation/runs/:id/results/:enterpriseId': () => [
    get('the result of the enterprise in C', `/api/evaluation/runs/${ids.runNotice}/results/${E.c}`, [
      'taskforce',
      'leader',
    ]),
    get('the result of the sibling in B', `/api/evaluation/runs/${ids.runNotice}/results/${E.sib}`, [
      'taskforce',
      'leader',
    ]),
    get('own result', `/api/evaluation/runs/${ids.runNotice}/results/${E.own}`, [
      'taskforce',
      'leader',
      'commissioner',
      'enterprise',
    ]),
  ],
  'GET /api/evaluation/scorecard/:id': () => [
    get('the scorecard of the enterprise in C', `/api/evaluation/scorecard/${E.c}?year=${pastYear}`, [
      'taskforce',
      'leader',
    ]),
    get('own scorecard', `/api/evaluation/scorecard/${E.own}?year=${pastYear}`, [
      'taskforce',
      'leader',
      'commissioner',
      'enterprise',
    ]),
    get('the scorecard of the sibling in B', `/api/evaluation/scorecard/${E.sib}?year=${pastYear}`, [
      'taskforce',
      'leader',
    ]),
  ],
  'GET /api/evaluation/runs/:id/distribution': () => [
    // The cut lines and counts are the run's published summary (also on every scorecard); the
    // histogram holds the scores in scope only.
    get(
      'distribution',
      `/api/evaluation/runs/${ids.runNotice}/distribution`,
      BUSINESS_READERS,
      async (who, res) => {
        if (who !== 'enterprise') return;
        const binned = res
          .json()
          .reduce(
            (n: number, c: { bins: { count: number }[] }) => n + c.bins.reduce((m, b) => m + b.count, 0),
            0,
          );
        if (binned > 1) throw new Error(`${binned} scores binned for one enterprise`);
      },
    ),
    // A platform outside the scope filters like a missing one: nothing in the histogram.
    get(
      'distribution of platform C',
      `/api/evaluation/runs/${ids.runNotice}/distribution?platformId=${P.C}`,
      BUSINESS_READERS,
      async (who, res) => {
        if (isScoped(who) && res.json().some((c: { bins: unknown[] }) => c.bins.length))
          throw new Error('scores of platform C in the histogram');
      },
    ),
  ],
  'GET /api/evaluation/runs/:id/rollup': () => [
    get('rollup', `/api/evaluation/runs/${ids.runNotice}/rollup`, ['taskforce', 'leader', 'platform']),
  ],
  'GET /api/evaluation/runs/:id/low-efficiency': () => [
    get('low-efficiency list', `/api/evaluation/runs/${ids.runNotice}/low-efficiency`, [
      'taskforce',
      'leader',
      'platform',
    ]),
    get(
      'low-efficiency list of platform C',
      `/api/evaluation/runs/${ids.runNotice}/low-efficiency?platformId=${P.C}`,
      ['taskforce', 'leader', 'platform'],
      async (who, res) => {
        if (who === 'platform' && res.json().items.length)
          throw new Error('enterprises of platform C listed');
      },
    ),
  ],
  'GET /api/evaluation/runs/:id/notice.xlsx': () => [
    get('notice list', `/api/evaluation/runs/${ids.runNotice}/notice.xlsx`, BUSINESS_READERS),
  ],
  'GET /api/evaluation/runs/:id/objections': () => [
    get(
      'objections',
      `/api/evaluation/runs/${ids.runNotice}/objections`,
      BUSINESS_READERS,
      onlyOwn((b) => b, 'enterprise'),
    ),
  ],
  'POST /api/evaluation/runs/:id/objections': () => [
    {
      what: 'object to own result',
      method: 'POST',
      url: `/api/evaluation/runs/${ids.runNotice}/objections`,
      body: () => ({ reason: '越界测试：数据有误' }),
      ok: ['enterprise'],
    },
  ],
  'POST /api/evaluation/objections/:id/decision': () => [
    {
      what: 'decide the objection of the enterprise in C',
      method: 'POST',
      url: `/api/evaluation/objections/${ids.objectionC}/decision`,
      body: () => ({ decision: 'rejected', reason: '越界测试' }),
      ok: ['taskforce'],
    },
  ],

  // Notice and publication change which runs are current: after every read of the run in notice.
  'POST /api/evaluation/runs/:id/notice': () => [
    {
      what: 'start the notice of a draft run',
      method: 'POST',
      url: `/api/evaluation/runs/${ids.runDraftForNotice}/notice`,
      body: () => ({}),
      ok: ['taskforce'],
    },
  ],
  'POST /api/evaluation/runs/:id/publish': () => [
    {
      what: 'publish a run',
      method: 'POST',
      url: `/api/evaluation/runs/${ids.runToPublish}/publish`,
      body: () => ({ earlyReason: '越界测试' }),
      ok: ['taskforce'],
    },
  ],

  // Accounts, audit, system.
  'GET /api/users': () => [get('accounts', '/api/users', ['secadmin'])],
  'GET /api/users/export.xlsx': () => [get('account export', '/api/users/export.xlsx', ['secadmin'])],
  'GET /api/users/scope-options': () => [get('scope options', '/api/users/scope-options', ['secadmin'])],
  'POST /api/users': () => [
    {
      what: 'create an account',
      method: 'POST',
      url: '/api/users',
      body: (who) => ({ username: `cross-${who}`, displayName: '越界测试', role: 'leader' }),
      ok: ['secadmin'],
    },
  ],
  'PATCH /api/users/:id': () => [
    {
      what: 'rename another account',
      method: 'PATCH',
      url: `/api/users/${ids.foreignUser}`,
      body: () => ({ displayName: '越界测试改名' }),
      ok: ['secadmin'],
    },
    {
      what: 'give another account the platform administrator role of Q',
      method: 'PATCH',
      url: `/api/users/${ids.foreignUser}`,
      body: () => ({ role: 'platform_admin', platformId: P.Q, enterpriseId: null }),
      ok: ['secadmin'],
    },
  ],
  'POST /api/users/:id/unlock': () => [
    {
      what: 'unlock another account',
      method: 'POST',
      url: `/api/users/${ids.foreignUser}/unlock`,
      ok: ['secadmin'],
    },
  ],
  'POST /api/users/:id/reset-password': () => [
    {
      what: 'reset another account’s password',
      method: 'POST',
      url: `/api/users/${ids.foreignUser}/reset-password`,
      ok: ['secadmin'],
    },
  ],
  'POST /api/users/:id/reset-mfa': () => [
    {
      what: 'remove another account’s second factor',
      method: 'POST',
      url: `/api/users/${ids.foreignUser}/reset-mfa`,
      ok: ['secadmin'],
    },
  ],
  'GET /api/audit': () => [get('audit trail', '/api/audit', ['auditor'])],
  'GET /api/audit/actors': () => [get('accounts in the audit trail', '/api/audit/actors', ['auditor'])],
  'POST /api/audit/verify': () => [
    {
      what: 'verify the audit trail',
      method: 'POST',
      url: '/api/audit/verify',
      ok: ['auditor'],
      ownAddress: true,
    },
  ],
  'GET /api/audit/export.xlsx': () => [get('audit export', '/api/audit/export.xlsx', ['auditor'])],
  'GET /api/system': () => [get('system status', '/api/system', ['sysadmin'])],

  // Platform archive and restore change what everyone sees: last but one.
  'POST /api/platforms/:id/archive': () => [
    { what: 'archive platform C', method: 'POST', url: `/api/platforms/${P.C}/archive`, ok: ['taskforce'] },
  ],
  'POST /api/platforms/:id/restore': () => [
    { what: 'restore platform C', method: 'POST', url: `/api/platforms/${P.C}/restore`, ok: ['taskforce'] },
  ],

  // API documentation (served by @fastify/swagger-ui).
  'GET /api/docs': () => [get('docs page', '/api/docs', ALL)],
  'HEAD /api/docs/': () => [{ what: 'docs page', method: 'HEAD', url: '/api/docs/', ok: ALL }],
  'GET /api/docs/json': () => [get('OpenAPI JSON', '/api/docs/json', ALL)],
  'GET /api/docs/yaml': () => [get('OpenAPI YAML', '/api/docs/yaml', ALL)],
  'GET /api/docs/static/index.html': () => [
    { ...get('docs page (redirects to the docs root)', '/api/docs/static/index.html', ALL), okWith: [302] },
  ],
  'GET /api/docs/static/swagger-initializer.js': () => [
    get('docs script', '/api/docs/static/swagger-initializer.js', ALL),
  ],
  // Notifications: an inbox is its owner's alone; webhooks are the task force's.
  'GET /api/notifications': () => [
    get('own notifications', '/api/notifications', ALL, async (who, res) => {
      const foreign = res.json().items.filter((n: { id: number }) => n.id === N.taskforce);
      if (who !== 'taskforce' && foreign.length) throw new Error("the task force's notification was listed");
    }),
  ],
  'GET /api/notifications/unread-count': () => [get('unread count', '/api/notifications/unread-count', ALL)],
  'POST /api/notifications/:id/read': () => [
    {
      what: "mark the task force's notification read",
      method: 'POST',
      url: `/api/notifications/${N.taskforce}/read`,
      ok: ['taskforce'],
    },
  ],
  'POST /api/notifications/read-all': () => [
    { what: 'mark all own notifications read', method: 'POST', url: '/api/notifications/read-all', ok: ALL },
  ],
  'GET /api/webhooks': () => [get('webhooks', '/api/webhooks', ['taskforce'])],
  'POST /api/webhooks': () => [
    {
      what: 'add a webhook for a department',
      method: 'POST',
      url: '/api/webhooks',
      body: () => ({ target: 'department', targetId: N.department, url: 'https://robot.example.org/send' }),
      ok: ['taskforce'],
    },
  ],
  'PUT /api/webhooks/:id': () => [
    {
      what: 'edit a webhook',
      method: 'PUT',
      url: `/api/webhooks/${N.webhook}`,
      body: () => ({ version: 1, enabled: false }),
      ok: ['taskforce'],
    },
  ],
  'DELETE /api/webhooks/:id': () => [
    { what: 'delete a webhook', method: 'DELETE', url: `/api/webhooks/${N.doomed}`, ok: ['taskforce'] },
  ],
  'GET /api/webhooks/deliveries': () => [
    get('webhook deliveries', '/api/webhooks/deliveries', ['taskforce']),
  ],
  'POST /api/webhooks/deliveries/:id/retry': () => [
    {
      what: 'retry a failed delivery',
      method: 'POST',
      url: `/api/webhooks/deliveries/${N.delivery}/retry`,
      ok: ['taskforce'],
    },
  ],
  'GET /api/docs/static/*': () => [get('docs assets', '/api/docs/static/index.css', ALL)],

  // Ends every session: last.
  'POST /api/auth/logout': () => [{ what: 'log out', method: 'POST', url: '/api/auth/logout', ok: ALL }],
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The action of an audit row each state-changing route wrote when it succeeded in this run. */
const audited = new Map<string, string>();
/**
 * State-changing routes whose success is not made here, with where their audit rows are proven
 * instead. Nothing else may succeed without an audit row naming the actor: a new route that does
 * fails its case above, and one whose case never succeeds fails the inventory check below.
 */
const AUDIT_EXEMPT: Record<string, string> = {
  // Succeeding needs the account's password or code and would change the sessions this run uses:
  // each is made to succeed in audit-writes.db.test.ts, which checks its audit row.
  'POST /api/auth/login': 'audit-writes.db.test.ts',
  'POST /api/auth/password': 'audit-writes.db.test.ts',
  'POST /api/auth/mfa': 'audit-writes.db.test.ts',
  'POST /api/auth/mfa/enrolment/confirm': 'audit-writes.db.test.ts',
};

/** Routes that exist only in some builds (the web application's files when it is built). */
const OPTIONAL = new Set(['GET /*']);

const platformVersion = { B: 0, C: 0 };
const enterpriseVersion = { c: 0, sib: 0, q: 0 };
/** Versions of the year figures the PUT probes send: every write of a year bumps its version. */
const yearVersion = { c: 0, q: 0 };
/** The stored version of an enterprise's figures of `year` (0: it has none yet). */
async function storedYearVersion(enterpriseId: number): Promise<number> {
  const { rows } = await database.pool.query(
    'select version from enterprise_years where enterprise_id = $1 and year = $2',
    [enterpriseId, year],
  );
  return rows[0]?.version ?? 0;
}
const targetVersion = { value: 0 };
const visitVersion = { c: 1, sib: 1 };
const uploads: Record<string, Buffer> = {};
function uploadOf(name: string) {
  const part = () => multipart(uploads[name]!);
  return { body: () => part().body, headers: part().headers };
}
/** Requests of the enterprise in C at each state a step starts from, and the enterprise user's closed one. */
const R: Record<string, { id: number; version: number }> = {};
/** A notification of the task force's, webhooks (one to edit, one to delete) and a failed delivery. */
const N = { taskforce: 0, department: 0, webhook: 0, doomed: 0, delivery: 0 };
const REQUEST_READERS: Who[] = [
  'taskforce',
  'leader',
  'platform',
  'commissioner',
  'enterprise',
  'department',
];
let categorySerial = 0;
/** Tasks at each state a step starts from, a meeting, a pairing and a department (for its users). */
const T: Record<string, { id: number; version: number; milestoneId?: number }> = {};
const TASK_READERS: Who[] = ['taskforce', 'leader', 'platform', 'department'];
/** Projects of platform C (to read, edit, move; with pending changes to decide), contacts, documents. */
const PJ: Record<string, { id: number; version: number; changeId?: number } | undefined> & {
  workbook?: Buffer;
} = {};
const PROJECT_READERS: Who[] = ['taskforce', 'leader', 'platform'];
const PROJECT_WRITERS: Who[] = ['taskforce', 'platform'];
const projectBody = (platformId: number, name: string) => ({
  name,
  investorName: '越界投资方',
  platformId,
  industryCode: 'new_materials',
  totalInvestment: 120000,
  source: 'chain',
});
const meetingBody = (title: string) => ({
  title,
  heldOn: '2026-03-02',
  host: '市政府',
  place: '会议室',
  attendees: { departmentIds: [], platformIds: [], others: [] },
  summary: '',
  decisions: ['越界测试决定'],
});
const newTarget = (code: string) => ({
  code,
  nameZh: '越界测试目标',
  metric: 'investment_intensity',
  comparator: 'gte',
  targetValue: 500,
  kind: 'level',
  dueYear: null,
  baselineYear: 2025,
  baselineValue: null,
  milestones: {},
  ownerDepartment: '市发改委',
  frequency: 'yearly',
  warningRatio: 0.85,
  source: '测试',
  note: '',
  sort: 90,
});

/** The chain map's records: a leader in Q and in C, a target and a link in C, a placement, a draft. */
const CM = {
  industry: 'integrated_circuits',
  node: 'IC-M02',
  mapId: 0,
  draftId: 0,
  nodes: [] as Json[],
  placementC: 0,
  targetC: { id: 0, version: 1 },
  partnerC: 0,
  leaderQ: 0,
  leaderC: 0,
};
const CM_READERS: Who[] = ['taskforce', 'leader', 'platform'];
const cmTarget = (platformId: number) => ({
  industryCode: 'integrated_circuits',
  nodeCode: 'IC-U01',
  platformId,
  name: '越界测试招商目标',
  origin: '上海市',
});

async function setUpChainMap(q: (text: string, params?: unknown[]) => Promise<Json[]>) {
  const industries = (await ok('taskforce', 'GET', '/api/chain-map/industries')).items as Json[];
  const byCode = (code: string) => industries.find((i) => i.code === code);
  CM.mapId = byCode('biomedicine').currentMapId;
  CM.nodes = (
    await ok('taskforce', 'GET', `/api/chain-map/maps/${byCode('new_materials').currentMapId}`)
  ).nodes;
  const ai = await ok(
    'taskforce',
    'GET',
    `/api/chain-map/maps/${byCode('artificial_intelligence').currentMapId}`,
  );
  CM.draftId = (
    await ok('taskforce', 'PUT', '/api/chain-map/draft', {
      industryCode: 'artificial_intelligence',
      nodes: ai.nodes,
    })
  ).map.id;
  uploads.chainMap = (
    await send('taskforce', 'GET', `/api/chain-map/maps/${byCode('green_energy').currentMapId}/workbook`)
  ).rawPayload;
  // Confirmed chain leaders (the label) in Q and in C (not the enterprise in C the decisions decline).
  const second = async (platformId: number, not: number) =>
    (
      await q('select id from enterprises where platform_id = $1 and id <> $2 order by id limit 1', [
        platformId,
        not,
      ])
    )[0].id as number;
  CM.leaderQ = await second(P.Q, E.q);
  CM.leaderC = await second(P.C, E.c);
  for (const id of [CM.leaderQ, CM.leaderC])
    await q(
      `insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, 'chain_leader', null) on conflict do nothing`,
      [id],
    );
  CM.placementC = (
    await ok('taskforce', 'POST', '/api/chain-map/placements', {
      industryCode: 'integrated_circuits',
      nodeCode: 'IC-M02',
      enterpriseId: CM.leaderC,
      mode: 'include',
    })
  ).id;
  const target = await ok('taskforce', 'POST', '/api/chain-map/targets', cmTarget(P.C));
  CM.targetC = { id: target.id, version: target.version };
  CM.partnerC = (
    await ok('taskforce', 'POST', '/api/chain-map/partners', {
      leaderEnterpriseId: CM.leaderC,
      partnerName: '越界测试供应商',
      relation: 'supplier',
    })
  ).id;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  await loadDemoCity(database, { scale: 60, seed: 3, keys: testKeyRing() });
  let services;
  ({ app, services, routes } = await buildApp(testConfig(), database));
  await services.evaluation.methods.ensurePresets();
  const published = await seedDemoEvaluations(services.evaluation);
  pastYear = published.at(-1)!;

  const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;
  const platformId = async (name: string) =>
    (await q('select id from platforms where name = $1', [name]))[0].id as number;
  P.Q = await platformId(DEMO_PLATFORMS[0]![0]);
  P.B = await platformId(DEMO_PLATFORMS[1]![0]);
  P.C = await platformId(DEMO_PLATFORMS[2]![0]);
  year = (await q('select max(year)::int as y from enterprise_years'))[0].y;

  // A second enterprise user, in platform C: the owner of the foreign objection.
  const [cEnterprise] = await q(
    `select e.id from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $2
      where e.platform_id = $1 order by e.id limit 1`,
    [P.C, year],
  );
  E.c = cEnterprise.id;
  await database.transaction(async (tx) => {
    const seeder = { userId: null, username: 'system:test', ip: null };
    const user = await insertUser(
      tx,
      seeder,
      { username: 'enterprise-c', displayName: '企业C', role: 'enterprise', enterpriseId: E.c },
      { password: DEMO_PASSWORD, mustChangePassword: false },
    );
    ids.foreignUser = user.user.id;
  });
  for (const who of ROLES) sessions[who] = await login(app, who);
  const foreignEnterpriseUser = await login(app, 'enterprise-c');

  E.own = (await ok('enterprise', 'GET', '/api/auth/me')).user.enterpriseId;
  E.sib = (
    await q(
      `select e.id from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $3
        where e.platform_id = $1 and e.id <> $2 order by e.id limit 1`,
      [P.B, E.own, year],
    )
  )[0].id;
  E.q = (await q('select id from enterprises where platform_id = $1 order by id limit 1', [P.Q]))[0].id;
  // The demo commissioner (of B) serves the enterprise user's enterprise, not the sibling.
  const account = async (username: string) =>
    (await q('select id from users where username = $1', [username]))[0].id;
  ids.commissioner = await account('commissioner');
  ids.otherCommissionerB = await account('zy-02-2');
  ids.commissionerQ = await account('zy-01-1');
  ids.commissionerQ2 = await account('zy-01-2');
  ids.commissionerC = await account('zy-03-2');
  await ok('taskforce', 'PUT', `/api/commissioners/assignments/${E.own}`, {
    commissionerUserId: ids.commissioner,
  });
  await ok('taskforce', 'PUT', `/api/commissioners/assignments/${E.sib}`, {
    commissionerUserId: ids.otherCommissionerB,
  });
  // A visit to an enterprise in C and one to the sibling in B (not the commissioner's).
  ids.visitC = (
    await ok('taskforce', 'POST', '/api/visits', {
      enterpriseId: E.c,
      status: 'planned',
      plannedOn: '2026-01-05',
      visitorKind: 'department',
    })
  ).id;
  const problemVisit = await ok('taskforce', 'POST', '/api/visits', {
    enterpriseId: E.c,
    status: 'done',
    plannedOn: '2026-01-05',
    doneOn: '2026-01-05',
    visitorKind: 'department',
    problems: [{ text: '越界测试问题', category: 'finance' }],
  });
  ids.problemVisitC = problemVisit.id;
  ids.problemC = problemVisit.problems[0].id;
  ids.visitSib = (
    await ok('taskforce', 'POST', '/api/visits', {
      enterpriseId: E.sib,
      status: 'planned',
      plannedOn: '2026-01-05',
      visitorKind: 'commissioner',
    })
  ).id;
  // The enterprise in C is a chain-leader candidate (output ≥ 20 亿元).
  await ok('taskforce', 'PUT', `/api/enterprises/${E.c}/years/${year}`, {
    output: 250_000,
    version: await storedYearVersion(E.c),
  });
  // The enterprise user's own figures, so it can confirm, flag and be evaluated.
  await ok('taskforce', 'PUT', `/api/enterprises/${E.own}/years/${year}`, {
    output: 12000,
    revenue: 11000,
    tax: 600,
    valueAdded: 3000,
    employees: 120,
    version: await storedYearVersion(E.own),
  });

  // Flagged figures to resolve (raised by the enterprises; written here as rows).
  const flagOf = async (enterpriseId: number) =>
    (
      await q(
        `insert into enterprise_year_flags (enterprise_id, year, field, comment, created_by)
         values ($1, $2, 'tax', '越界测试反馈', $3) returning id`,
        [enterpriseId, year, ids.foreignUser],
      )
    )[0].id as number;
  ids.flagC = await flagOf(E.c);
  ids.flagQ = await flagOf(E.q);
  ids.flagOwn = await flagOf(E.own);

  // Requests of the enterprise in C at the state each step starts from (the transfer's handed to
  // the demo department), and the enterprise user's own request, closed.
  const departments: { id: number; code: string }[] = (await ok('taskforce', 'GET', '/api/departments'))
    .items;
  const jxj = departments.find((d) => d.code === 'jxj')!.id;
  R.department = { id: departments.find((d) => d.code === 'tjj')!.id, version: 0 };
  const STEPS: [string, Record<string, unknown>][] = [
    ['accept', { complexity: 'simple' }],
    ['assign', { assigneeKind: 'department', assigneeId: jxj }],
    ['start', {}],
    ['answer', { note: '已答复' }],
    ['close', {}],
  ];
  const raised = async (
    enterpriseId: number,
    steps: number,
    extra: [string, Record<string, unknown>][] = [],
  ) => {
    let r = await ok('taskforce', 'POST', '/api/requests', {
      enterpriseId,
      category: 'energy',
      title: '越界测试诉求',
      description: '越界测试',
    });
    for (const [action, body] of [...STEPS.slice(0, steps), ...extra])
      r = await ok('taskforce', 'POST', `/api/requests/${r.id}/${action}`, { version: r.version, ...body });
    return { id: r.id as number, version: r.version as number };
  };
  R.accept = await raised(E.c, 0);
  R.assign = await raised(E.c, 1);
  R.transfer = await raised(E.c, 2);
  R.start = await raised(E.c, 2, [['transfer', { assigneeKind: 'platform', note: '交园区办理' }]]);
  R.answer = await raised(E.c, 2, [
    ['transfer', { assigneeKind: 'platform', note: '交园区办理' }],
    ['start', {}],
  ]);
  R.close = await raised(E.c, 2, [
    ['transfer', { assigneeKind: 'platform', note: '交园区办理' }],
    ['start', {}],
    ['answer', { note: '已答复' }],
  ]);
  R.suspend = await raised(E.c, 1);
  R.resume = await raised(E.c, 1, [['suspend', { note: '等待材料' }]]);
  R.rate = await raised(E.own, 5);
  N.taskforce = (
    await q(
      `insert into notifications (user_id, kind, params, link) values ($1, 'task_supervised', '{"title":"越界测试任务"}', null)
        returning id`,
      [(await q(`select id from users where username = 'taskforce'`))[0].id],
    )
  )[0].id;
  N.department = departments.find((d) => d.code === 'kjj')!.id;
  N.webhook = (
    await ok('taskforce', 'POST', '/api/webhooks', {
      target: 'department',
      targetId: departments.find((d) => d.code === 'czj')!.id,
      url: 'https://robot.example.org/edit',
    })
  ).id;
  N.doomed = (
    await ok('taskforce', 'POST', '/api/webhooks', {
      target: 'platform',
      targetId: P.B,
      url: 'https://robot.example.org/doomed',
    })
  ).id;
  N.delivery = (
    await q(
      `insert into webhook_deliveries (webhook_id, kind, payload, status, attempts, last_error)
        values ($1, 'assigned', '{"msgtype":"markdown","markdown":{"title":"t","text":"t"}}', 'failed', 5, 'HTTP 500')
        returning id`,
      [N.webhook],
    )
  )[0].id;
  const { body: pdf, headers: pdfHeaders } = multipart(Buffer.from('%PDF-1.4 test'), 'a.pdf');
  R.attachment = {
    id: (await send('taskforce', 'POST', `/api/requests/${R.accept.id}/attachments`, pdf, pdfHeaders)).json()
      .id,
    version: 0,
  };

  // Tasks: the department's (to report on, with a milestone), the platform administrator's
  // platform's (to complete), platform C's (to supervise), completed ones (to review, to return).
  const kjj = departments.find((d) => d.code === 'kjj')!.id;
  T.kjj = { id: kjj, version: 0 };
  const meeting = await ok('taskforce', 'POST', '/api/meetings', meetingBody('越界测试专班会议'));
  T.meeting = { id: meeting.id, version: meeting.version };
  const task = async (ownerKind: string, ownerId: number, extra: Record<string, unknown> = {}) =>
    ok('taskforce', 'POST', '/api/tasks', {
      title: '越界测试任务',
      description: '',
      sourceKind: 'meeting',
      decisionId: meeting.decisions[0].id,
      ownerKind,
      ownerId,
      dueWorkingDays: 10,
      ...extra,
    });
  const tReport = await task('department', jxj);
  T.report = { id: tReport.id, version: tReport.version };
  const tMilestone = await task('department', jxj, { milestones: [{ title: '节点', dueOn: '2099-01-01' }] });
  T.milestone = { id: tMilestone.id, version: tMilestone.version, milestoneId: tMilestone.milestones[0].id };
  const tComplete = await task('platform', P.Q);
  T.complete = { id: tComplete.id, version: tComplete.version };
  const tSupervise = await task('platform', P.C);
  T.supervise = { id: tSupervise.id, version: tSupervise.version };
  for (const step of ['review', 'return']) {
    const t = await task('department', jxj);
    const done = await ok('department', 'POST', `/api/tasks/${t.id}/complete`, { version: t.version });
    T[step] = { id: t.id, version: done.version };
  }
  ids.leader = (await q(`select id from users where username = 'leader'`))[0].id;
  const pairing = await ok('taskforce', 'POST', '/api/leader-platforms', {
    leaderUserId: ids.leader,
    platformId: P.Q,
    fromOn: '2026-01-01',
  });
  T.pairing = { id: pairing.id, version: 0 };

  // Projects: platform C's, with a contact and a document (and one of each to delete), two with a
  // pending change (to approve, to reject); one of platform Q; the workbook the import probe sends.
  const pc = await ok('taskforce', 'POST', '/api/projects', projectBody(P.C, '越界测试项目C'));
  PJ.c = { id: pc.id, version: pc.version };
  await ok('platform', 'POST', '/api/projects', projectBody(P.Q, '越界测试项目Q'));
  for (const step of ['approve', 'reject']) {
    const p = await ok('taskforce', 'POST', '/api/projects', projectBody(P.C, `越界待审项目${step}`));
    const [c] = await q(
      `insert into project_stage_changes (project_id, from_stage, stage, stage_date, status, submitted_by_name)
        values ($1, 'lead', 'negotiating', $2, 'pending', 'C园管理员') returning id`,
      [p.id, p.stageDate],
    );
    PJ[step] = { id: p.id, version: 0, changeId: c.id };
  }
  for (const key of ['contact', 'contactDel']) {
    const d = await ok('taskforce', 'POST', `/api/projects/${pc.id}/contacts`, {
      name: `越界项目联系人${key}`,
      phone: '13900001111',
    });
    PJ[key] = { id: d.contacts.at(-1).id, version: 0 };
  }
  for (const key of ['document', 'documentDel']) {
    const { body, headers } = multipart(Buffer.from('%PDF-1.4 project'), 'p.pdf');
    PJ[key] = {
      id: (await send('taskforce', 'POST', `/api/projects/${pc.id}/documents`, body, headers)).json().id,
      version: 0,
    };
  }
  PJ.c.version = (await ok('taskforce', 'GET', `/api/projects/${pc.id}`)).version;
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('招商项目');
    ws.addRow(['项目编号', '项目名称', '投资方名称', '园区', '产业', '总投资（万元）', '招商方式']);
    ws.addRow([
      'XM-CS-00001',
      '越界导入项目',
      '越界投资方',
      DEMO_PLATFORMS[2]![0],
      'new_materials',
      120000,
      '产业链招商',
    ]);
    PJ.workbook = Buffer.from(await wb.xlsx.writeBuffer());
  }

  // What each scoped role may see, and the foreign names and codes that must never reach it.
  const platforms = await q('select id, name, name_en from platforms');
  const enterprises = await q('select id, uscc, name, platform_id from enterprises');
  visible.platform.platforms.add(P.Q);
  for (const e of enterprises) if (e.platform_id === P.Q) visible.platform.enterprises.add(e.id);
  visible.enterprise.platforms.add(P.B);
  visible.enterprise.enterprises.add(E.own);
  visible.commissioner.platforms.add(P.B);
  for (const r of await q(
    'select enterprise_id from commissioner_assignments where commissioner_user_id = $1 and ended_on is null',
    [ids.commissioner],
  ))
    visible.commissioner.enterprises.add(r.enterprise_id);
  for (const who of ['platform', 'enterprise', 'commissioner'] as const) {
    for (const p of platforms)
      if (!visible[who].platforms.has(p.id))
        foreignNames[who].push(p.name, ...(p.name_en ? [p.name_en] : []));
    for (const e of enterprises) if (!visible[who].enterprises.has(e.id)) foreignUsccs[who].add(e.uscc);
  }

  // Versions the edit probes send.
  platformVersion.C = (await ok('taskforce', 'GET', `/api/platforms/${P.C}`)).version;
  platformVersion.B = (await ok('taskforce', 'GET', `/api/platforms/${P.B}`)).version;
  enterpriseVersion.c = (await ok('taskforce', 'GET', `/api/enterprises/${E.c}`)).version;
  enterpriseVersion.sib = (await ok('taskforce', 'GET', `/api/enterprises/${E.sib}`)).version;
  enterpriseVersion.q = (await ok('taskforce', 'GET', `/api/enterprises/${E.q}`)).version;
  yearVersion.c = await storedYearVersion(E.c);
  yearVersion.q = await storedYearVersion(E.q);

  // Contacts whose numbers the reveal probes ask for.
  const contactIn = async (platform: number) => {
    const [row] = await q(
      `select c.id, c.enterprise_id from enterprise_contacts c join enterprises e on e.id = c.enterprise_id
        where e.platform_id = $1 order by c.id limit 1`,
      [platform],
    );
    expect(row, `a contact in platform ${platform}`).toBeDefined();
    return { enterprise: row.enterprise_id as number, id: row.id as number };
  };
  ids.contactC = await contactIn(P.C);
  ids.contactQ = await contactIn(P.Q);

  // Imports: one ready job of the task force, one of the platform administrator.
  ids.importOfTaskForce = (await uploadRegistry('taskforce', DEMO_PLATFORMS[2]![0])).id;
  ids.importOfPlatform = (await uploadRegistry('platform', DEMO_PLATFORMS[0]![0])).id;
  uploads.foreignRegistry = await registry(DEMO_PLATFORMS[2]![0]);
  const cUscc = (await q('select uscc from enterprises where id = $1', [E.c]))[0].uscc;
  uploads.assignmentOfC = await sheet(['统一社会信用代码', '服务专员账号'], [[cUscc, 'zy-03-3']]);
  // A reported statistic of platform C, and a workbook naming it.
  await ok('taskforce', 'PUT', '/api/platform-stats', {
    platformId: P.C,
    year,
    figure: 'incubators',
    value: 3,
  });
  uploads.statsOfC = (await send('taskforce', 'GET', `/api/platform-stats/template?year=${year}`)).rawPayload;

  // Evaluation: a run in notice with an objection of the enterprise in C, and runs to act on.
  const methods: { id: number; key: string }[] = await ok('taskforce', 'GET', '/api/evaluation/methods');
  ids.method = methods.find((m) => m.key === 'huangyan-2022')!.id;
  const newRun = async () =>
    (
      await ok('taskforce', 'POST', '/api/evaluation/runs', {
        year,
        methodId: ids.method,
        reason: '越界测试',
      })
    ).id as number;
  ids.runNotice = await newRun();
  await ok('taskforce', 'POST', `/api/evaluation/runs/${ids.runNotice}/notice`, {});
  const objection = await app.inject({
    method: 'POST',
    url: `/api/evaluation/runs/${ids.runNotice}/objections`,
    headers: { cookie: foreignEnterpriseUser.cookie, 'x-csrf-token': foreignEnterpriseUser.csrf },
    payload: { reason: '企业C的异议' },
  });
  expect(objection.statusCode, objection.body).toBe(201);
  ids.objectionC = objection.json().id;
  // One notice per year: the run to publish re-evaluates the earliest published year.
  ids.runToPublish = (
    await ok('taskforce', 'POST', '/api/evaluation/runs', {
      year: published[0],
      methodId: ids.method,
      reason: '越界测试',
    })
  ).id;
  await ok('taskforce', 'POST', `/api/evaluation/runs/${ids.runToPublish}/notice`, {});
  ids.runDraftForNotice = await newRun();
  ids.runDraftForDiscard = await newRun();

  // Plan: a period with a target to edit and one to delete, and a period to delete.
  const period = await ok('taskforce', 'POST', '/api/plan/periods', {
    key: 'x-2031',
    nameZh: '越界测试期',
    startYear: 2031,
    endYear: 2035,
  });
  ids.period = period.id;
  const target = await ok('taskforce', 'POST', `/api/plan/periods/${ids.period}/targets`, newTarget('E1'));
  ids.target = target.id;
  targetVersion.value = target.version;
  ids.targetToDelete = (
    await ok('taskforce', 'POST', `/api/plan/periods/${ids.period}/targets`, newTarget('D1'))
  ).id;
  ids.periodToDelete = 'x-2036';
  await ok('taskforce', 'POST', '/api/plan/periods', {
    key: 'x-2036',
    nameZh: '待删除',
    startYear: 2036,
    endYear: 2040,
  });
  await setUpChainMap(q);
}, 180_000);

describe('cross-scope: every route × every role with foreign ids', () => {
  it('every registered route has a cross-scope case', () => {
    // Fastify adds a HEAD route beside each GET route (the same handler): those need no case.
    const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
    const registered = new Set<string>();
    for (const r of routes)
      if (!(r.method === 'HEAD' && gets.has(r.url))) registered.add(`${r.method} ${r.url}`);
    const missing = [...registered].filter((k) => !CASES[k] && !OPTIONAL.has(k));
    expect(missing.map((k) => `route ${k} has no cross-scope case`)).toEqual([]);
    const stale = Object.keys(CASES).filter((k) => !registered.has(k));
    expect(stale.map((k) => `cross-scope case ${k} has no route`)).toEqual([]);
    expect(registered.size).toBeGreaterThan(80);
  });

  for (const key of Object.keys(CASES))
    it(key, async () => {
      const failures: string[] = [];
      for (const probe of CASES[key]!()) failures.push(...(await runProbe(key, probe)));
      expect(failures).toEqual([]);
    });

  // Runs after every route's case (tests of a file run in order).
  it('every state-changing route that succeeded wrote an audit row naming the action and the actor', () => {
    const unsafe = [
      ...new Set(routes.filter((r) => UNSAFE.has(r.method)).map((r) => `${r.method} ${r.url}`)),
    ];
    expect(unsafe.length).toBeGreaterThan(40);
    const unaudited = unsafe.filter((k) => !audited.has(k) && !AUDIT_EXEMPT[k]);
    expect(unaudited.map((k) => `${k} never succeeded with an audit row and is not exempt`)).toEqual([]);
    const staleExemptions = Object.keys(AUDIT_EXEMPT).filter((k) => audited.has(k) || !unsafe.includes(k));
    expect(staleExemptions).toEqual([]);
  });
});
