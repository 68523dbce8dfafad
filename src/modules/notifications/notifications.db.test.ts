/**
 * Notifications on real PostgreSQL: request steps notify the right users in the step's own
 * transaction; a failing notification never blocks the step; deadline notices are given once; the
 * inbox is each user's own; webhooks reach a local receiver signed, retry after a 500, and end
 * failed after their last attempt while the step itself stands.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { DEMO_DEPARTMENT, seedDemo } from '../demo/demo.seed';
import { MAX_ATTEMPTS, robotSign } from './core/notifications';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let ownEnterprise: number;
let jxj: number;

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}

async function through(who: string, id: number, steps: [string, Record<string, unknown>][]) {
  let r = await ok(who, 'GET', `/api/requests/${id}`);
  for (const [action, body] of steps)
    r = await ok(who, 'POST', `/api/requests/${id}/${action}`, { version: r.version, ...body });
  return r;
}

/** A request of the demo enterprise, accepted and handed to the demo department. */
async function assignedRequest(title = '融资对接') {
  const created = await ok('enterprise', 'POST', '/api/requests', {
    category: 'finance',
    title,
    description: '希望对接银行贷款',
  });
  return through('taskforce', created.id, [
    ['accept', {}],
    ['assign', { assigneeKind: 'department', assigneeId: jxj }],
  ]);
}

/** Who got which kinds of notification about a request: username → kinds. */
async function recipients(requestId: number): Promise<Record<string, string[]>> {
  const rows = await q(
    `select u.username, n.kind from notifications n join users u on u.id = n.user_id
      where n.request_id = $1 order by n.id`,
    [requestId],
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.username] ??= []).push(r.kind);
  return out;
}

// A local robot: records what it receives and answers with the next queued status.
const received: { url: string; body: unknown }[] = [];
let answers: number[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ url: req.url ?? '', body: JSON.parse(body) });
    const status = answers.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { error: 'down' }));
  });
});
let receiverUrl = '';
const SECRET = 'SECtest-secret-0123456789';

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'platform', 'commissioner', 'enterprise', 'department']);
  ownEnterprise = (await q(`select enterprise_id from users where username = 'enterprise'`))[0].enterprise_id;
  jxj = (await q('select id from departments where code = $1', [DEMO_DEPARTMENT]))[0].id;
  // The demo commissioner serves the demo enterprise.
  await q(
    `insert into commissioner_assignments (enterprise_id, commissioner_user_id, started_on)
      select $1, id, current_date from users where username = 'commissioner'`,
    [ownEnterprise],
  );
  // An administrator of the demo enterprise's own platform (the demo one administers another).
  await q(
    `insert into users (username, display_name, role, platform_id, password_hash)
      select 'binjiang-admin', '滨江管理员', 'platform_admin', platform_id, 'x' from enterprises where id = $1`,
    [ownEnterprise],
  );
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/robot/send?access_token=tok`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('a request step notifies', () => {
  it('the department on 交办, the enterprise on 反馈 and 办结, the handler on 评价, the commissioner throughout', async () => {
    const r = await assignedRequest();
    expect(await recipients(r.id)).toEqual({
      commissioner: ['progress', 'progress', 'progress'],
      department: ['assigned'],
    });
    const [assigned] = await q(
      `select n.params, n.link from notifications n join users u on u.id = n.user_id
        where u.username = 'department' and n.request_id = $1`,
      [r.id],
    );
    expect(assigned).toEqual({
      params: { code: r.code, title: '融资对接', dueOn: r.dueOn, assignee: '市经信局' },
      link: `/requests/${r.id}`,
    });
    const closed = await through('department', r.id, [
      ['start', {}],
      ['answer', { note: '已对接银行' }],
      ['close', {}],
    ]);
    await ok('enterprise', 'POST', `/api/requests/${r.id}/rate`, {
      version: closed.version,
      rating: 'satisfied',
    });
    const got = await recipients(r.id);
    expect(got.enterprise).toEqual(['answered', 'closed']);
    // The department is not told of its own steps, only of the rating.
    expect(got.department).toEqual(['assigned', 'rated']);
    expect(got.commissioner).toHaveLength(7);
    expect(got.taskforce).toBeUndefined();
  });

  it('in the step’s own transaction: a step that rolls back leaves no notification', async () => {
    const r = await assignedRequest('回滚测试');
    const before = await q('select count(*)::int as n from notifications where request_id = $1', [r.id]);
    const department = (await q(`select * from users where username = 'department'`))[0];
    const actor = {
      userId: department.id,
      username: 'department',
      role: 'department' as const,
      platformId: null,
      enterpriseId: null,
      departmentId: jxj,
      ip: null,
    };
    await expect(
      database.transaction(async (tx) => {
        await services.requests.stepIn(tx, actor as never, r.id, 'start', { version: r.version });
        // Visible inside the step's transaction …
        const inside = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from notifications where request_id = ${r.id}`,
        );
        expect(inside.rows[0]!.n).toBeGreaterThan(before[0].n);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // … and gone with it.
    expect((await q('select count(*)::int as n from notifications where request_id = $1', [r.id]))[0].n).toBe(
      before[0].n,
    );
  });

  it('a failing notification never blocks the step', async () => {
    const r = await assignedRequest('通知失败也办理');
    // As the database's owner: the application's login may not alter tables.
    const url = new URL(inject('adminUrl'));
    url.pathname = `/${(await q('select current_database() as d'))[0].d}`;
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    await owner.query('alter table notifications add constraint refuse_all check (false) not valid');
    try {
      const started = await through('department', r.id, [['start', {}]]);
      expect(started.state).toBe('in_progress');
      expect(started.events.at(-1).step).toBe('start');
      expect(await recipients(r.id)).toEqual({
        commissioner: ['progress', 'progress', 'progress'],
        department: ['assigned'],
      });
    } finally {
      await owner.query('alter table notifications drop constraint refuse_all');
      await owner.end();
    }
  });
});

describe('deadline notices', () => {
  it('due soon once, then overdue and 督办 level 1 to the platform, each once', async () => {
    const r = await assignedRequest('到期提醒');
    const tf = (await q(`select * from users where username = 'taskforce'`))[0];
    const actor = { userId: tf.id, username: 'taskforce', role: 'task_force' as const, ip: null } as never;
    // On the due day it is due within one working day.
    await services.requests.list(actor, { page: 1, pageSize: 20 }, r.dueOn);
    await services.requests.list(actor, { page: 1, pageSize: 20 }, r.dueOn);
    expect((await recipients(r.id)).department).toEqual(['assigned', 'due_soon']);
    expect(
      (await q('select kind from request_notices where request_id = $1', [r.id])).map((x) => x.kind),
    ).toEqual(['due_soon']);
    // The next working day it is late: overdue to the department, 督办 to the platform's administrators.
    const late = await services.requests.addWorkingDays(r.dueOn, 1);
    await services.requests.list(actor, { page: 1, pageSize: 20 }, late);
    await services.requests.get(actor, r.id, late);
    const got = await recipients(r.id);
    expect(got.department).toEqual(['assigned', 'due_soon', 'overdue']);
    expect(got['binjiang-admin']).toEqual(['escalated']);
    expect(got.platform).toBeUndefined(); // another platform's administrator
    expect(got.commissioner).toEqual(expect.arrayContaining(['due_soon', 'overdue', 'escalated']));
    // More than three working days late: 市级督办 to the task force.
    const later = await services.requests.addWorkingDays(r.dueOn, 4);
    await services.requests.list(actor, { page: 1, pageSize: 20 }, later);
    const [escalated] = await q(
      `select n.params from notifications n join users u on u.id = n.user_id
        where n.request_id = $1 and n.kind = 'escalated' and u.username = 'taskforce'`,
      [r.id],
    );
    expect(escalated.params.level).toBe(2);
  });
});

describe('the inbox', () => {
  it('lists, counts and marks only the caller’s own notifications', async () => {
    await assignedRequest('收件箱');
    const unread = (await ok('department', 'GET', '/api/notifications/unread-count')).unread;
    expect(unread).toBeGreaterThan(0);
    const page = await ok('department', 'GET', '/api/notifications?unread=true&pageSize=5');
    expect(page.total).toBe(unread);
    expect(page.items[0]).toMatchObject({
      kind: 'assigned',
      readAt: null,
      link: expect.stringMatching(/^\/requests\/\d+$/),
    });
    const own = page.items[0].id;
    // Another user's notification behaves exactly like a missing one.
    expect((await call('enterprise', 'POST', `/api/notifications/${own}/read`)).statusCode).toBe(404);
    expect(
      (await ok('enterprise', 'GET', '/api/notifications')).items.map((n: { id: number }) => n.id),
    ).not.toContain(own);
    const read = await ok('department', 'POST', `/api/notifications/${own}/read`);
    expect(read.readAt).not.toBeNull();
    expect((await ok('department', 'GET', '/api/notifications/unread-count')).unread).toBe(unread - 1);
    expect((await ok('department', 'POST', '/api/notifications/read-all')).marked).toBe(unread - 1);
    expect((await ok('department', 'GET', '/api/notifications/unread-count')).unread).toBe(0);
  });
});

describe('department webhooks', () => {
  let webhookId: number;

  it('only the task force configures them; only http(s) addresses; the secret is never returned', async () => {
    const body = { target: 'department', targetId: jxj, url: receiverUrl, secret: SECRET };
    expect((await call('platform', 'POST', '/api/webhooks', body)).statusCode).toBe(403);
    expect((await call('department', 'GET', '/api/webhooks')).statusCode).toBe(403);
    const bad = await call('taskforce', 'POST', '/api/webhooks', { ...body, url: 'file:///etc/passwd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'url', code: 'SCHEME' });
    const created = await ok('taskforce', 'POST', '/api/webhooks', body);
    webhookId = created.id;
    expect(created).toMatchObject({ target: 'department', targetId: jxj, hasSecret: true, enabled: true });
    expect(created.url).not.toContain('tok');
    expect(JSON.stringify(await ok('taskforce', 'GET', '/api/webhooks'))).not.toContain(SECRET);
    const audit = await q(`select detail::text as d from audit_log where action = 'webhook.create'`);
    expect(audit[0].d).not.toContain(SECRET);
    expect(audit[0].d).not.toContain('tok');
    const sealed = await q('select secret_cipher from webhooks where id = $1', [webhookId]);
    expect(sealed[0].secret_cipher.toString('latin1')).not.toContain(SECRET);
  });

  it('a 交办 reaches the robot as a signed markdown message', async () => {
    received.length = 0;
    const r = await assignedRequest('推送测试');
    expect(received).toHaveLength(0); // queued, not sent during the step
    const run = await services.notifications.deliverDue();
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: `【新交办】诉求 ${r.code}`, text: expect.stringContaining('- 标题：推送测试') },
    });
    const url = new URL(received[0]!.url, 'http://x');
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('access_token')).toBe('tok');
    const timestamp = Number(url.searchParams.get('timestamp'));
    expect(Math.abs(Date.now() - timestamp)).toBeLessThan(60_000);
    expect(url.searchParams.get('sign')).toBe(robotSign(timestamp, SECRET));
    const [d] = (await ok('taskforce', 'GET', '/api/webhooks/deliveries')).items;
    expect(d).toMatchObject({
      status: 'sent',
      attempts: 1,
      responseCode: 200,
      lastError: null,
      kind: 'assigned',
    });
  });

  it('a 500 is retried later, then sent', async () => {
    received.length = 0;
    answers = [500];
    await assignedRequest('先失败后成功');
    expect(await services.notifications.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [pending] = (await ok('taskforce', 'GET', '/api/webhooks/deliveries?status=pending')).items;
    expect(pending).toMatchObject({ attempts: 1, responseCode: 500, lastError: 'HTTP 500' });
    const wait = new Date(pending.nextAttemptAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(20_000); // 30 s after the first failure
    expect(await services.notifications.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not yet
    await q(`update webhook_deliveries set next_attempt_at = now() where id = $1`, [pending.id]);
    expect(await services.notifications.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    const [sent] = (await q('select status, attempts from webhook_deliveries where id = $1', [
      pending.id,
    ])) as {
      status: string;
      attempts: number;
    }[];
    expect(sent).toEqual({ status: 'sent', attempts: 2 });
  });

  it('a dead robot ends failed after the last attempt, the step stands, and 重试 queues it again', async () => {
    // A port nothing listens on.
    const dead = http.createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const hook = (await ok('taskforce', 'GET', '/api/webhooks')).find(
      (w: { id: number }) => w.id === webhookId,
    );
    await ok('taskforce', 'PUT', `/api/webhooks/${webhookId}`, {
      version: hook.version,
      url: `http://127.0.0.1:${port}/robot/send`,
      enabled: true,
    });
    const r = await assignedRequest('接收端失联');
    expect(r.state).toBe('assigned');
    const [{ id }] = await q('select id from webhook_deliveries where request_id = $1', [r.id]);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const run = await services.notifications.deliverDue();
      expect(run).toEqual(
        i < MAX_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 },
      );
      await q(`update webhook_deliveries set next_attempt_at = now() where id = $1 and status = 'pending'`, [
        id,
      ]);
    }
    const failed = (await ok('taskforce', 'GET', '/api/webhooks/deliveries?status=failed')).items;
    expect(failed.map((d: { id: number }) => d.id)).toContain(id);
    expect(failed[0]).toMatchObject({
      attempts: MAX_ATTEMPTS,
      responseCode: null,
      lastError: expect.any(String),
    });
    expect((await ok('taskforce', 'GET', '/api/webhooks'))[0]).toMatchObject({ failed: 1, hasSecret: true });
    // The request went on regardless.
    expect((await ok('department', 'GET', `/api/requests/${r.id}`)).state).toBe('assigned');
    // 重试: back in the queue with fresh attempts (only the task force).
    expect((await call('department', 'POST', `/api/webhooks/deliveries/${id}/retry`)).statusCode).toBe(403);
    const retried = await ok('taskforce', 'POST', `/api/webhooks/deliveries/${id}/retry`);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    const sentId = (await q(`select id from webhook_deliveries where status = 'sent' limit 1`))[0].id;
    expect((await call('taskforce', 'POST', `/api/webhooks/deliveries/${sentId}/retry`)).statusCode).toBe(
      409,
    );
  });
});
