/**
 * Audit of state changes (security checklist item 18), for the routes the cross-scope run cannot
 * make succeed without spending the session it runs on (its AUDIT_EXEMPT list names these): a
 * login with the right password, the second step with a code, confirming an authenticator app,
 * a password change. Each success must leave an audit row naming the action and the account.
 * Every other state-changing route is checked over the route inventory by
 * `cross-scope.db.test.ts` › every state-changing route that succeeded wrote an audit row …
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import type { App } from '../platform/http';
import { testConfig, testDatabase } from '../test/database';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.seed';
import { base32Decode, totp } from '../modules/auth/core/totp';
import { buildApp } from './app';

let database: Database;
let app: App;
type Reply = Awaited<ReturnType<App['inject']>>;
const cookieOf = (res: Reply, name: string) => res.cookies.find((c) => c.name === name)?.value;
const sessionOf = (res: Reply) => ({
  cookie: `yiyuan_session=${cookieOf(res, 'yiyuan_session')}`,
  'x-csrf-token': res.json().csrfToken as string,
});
const passwordStep = (username: string, password = DEMO_PASSWORD) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': '1' },
    payload: { username, password },
  });
let secret = '';

/** Each route's success, driven by hand: the account it acts as, and the request that succeeds. */
const FIXTURES: Record<string, { as: string; run: () => Promise<Reply> }> = {
  'POST /api/auth/login': { as: 'leader', run: () => passwordStep('leader') },
  'POST /api/auth/mfa/enrolment/confirm': {
    as: 'secadmin',
    run: async () => {
      const session = sessionOf(await passwordStep('secadmin'));
      const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers: session });
      secret = start.json().secret;
      return app.inject({
        method: 'POST',
        url: '/api/auth/mfa/enrolment/confirm',
        headers: session,
        payload: { code: totp(base32Decode(secret), Date.now()) },
      });
    },
  },
  'POST /api/auth/mfa': {
    as: 'secadmin',
    run: async () => {
      const step1 = await passwordStep('secadmin');
      expect(step1.json()).toEqual({ mfaRequired: true });
      return app.inject({
        method: 'POST',
        url: '/api/auth/mfa',
        headers: { 'x-csrf-token': '1', cookie: `yiyuan_mfa=${cookieOf(step1, 'yiyuan_mfa')}` },
        payload: { code: totp(base32Decode(secret), Date.now() + 30_000) },
      });
    },
  },
  'POST /api/auth/password': {
    as: 'platform',
    run: async () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: sessionOf(await passwordStep('platform')),
        payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Audit#Written-2026' },
      }),
  },
};

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  const base = testConfig();
  ({ app } = await buildApp(
    { ...base, security: { ...base.security, mfaRoles: ['security_admin'] } },
    database,
  ));
});

const lastAuditId = async () =>
  Number((await database.pool.query('select coalesce(max(id), 0) as id from audit_log')).rows[0].id);

describe('audit of the routes the cross-scope run cannot make succeed', () => {
  // In the table's order: the second step needs the app confirmed before it.
  it.each(Object.keys(FIXTURES))(
    '%s writes an audit row naming the action and the actor on success',
    async (route) => {
      const fixture = FIXTURES[route]!;
      const before = await lastAuditId();
      const res = await fixture.run();
      expect(res.statusCode, res.body).toBeLessThan(300);
      const { rows } = await database.pool.query(
        `select a.action, a.result from audit_log a join users u on u.id = a.user_id
          where a.id > $1 and a.username = $2 and u.username = $2 and a.result = 'success'
            and a.action not in ('data.export', 'access.denied') order by a.id`,
        [before, fixture.as],
      );
      expect(rows.map((r) => r.action).filter((a: string) => a.startsWith('auth.')).length).toBeGreaterThan(
        0,
      );
    },
  );
});
