/**
 * Service metrics (服务成效) and a visit's problem turned into a request, through app.inject on a
 * hand-built year of requests (raised and stepped through the requests service on given days):
 * the figures per platform, department and commissioner, each role's rows, the request list's
 * filters behind each row, and the platform evaluation's 营商环境 values.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { buildApp } from '../../server/app';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import type { Actor } from '../auth/core/access';
import { DEMO_DEPARTMENT, DEMO_PLATFORMS, seedDemo } from '../demo/demo.seed';
import type { RequestAction } from './core/requests';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let qiantang: number;
let binjiang: number;
let qEnterprise: number;
let bEnterprise: number;
let jxj: number;
let kjj: number;
let commissioner: number;
const code: Record<string, number> = {};
const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

const taskForce = (): Actor => ({
  userId: 0,
  username: 'system:test',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
});
const enterpriseActor = (enterpriseId: number): Actor => ({
  ...taskForce(),
  role: 'enterprise',
  enterpriseId,
});

type Step = [RequestAction, string, Record<string, unknown>?];

/** Raises a request on `receivedOn` and takes the steps on their days. */
async function build(enterpriseId: number, receivedOn: string, steps: Step[]): Promise<number> {
  const r = services.requests;
  return database.transaction(async (tx) => {
    const id = await r.createIn(
      tx,
      taskForce(),
      { enterpriseId, category: 'finance', title: '融资对接', description: '希望对接银行贷款' },
      { today: receivedOn },
    );
    for (const [action, day, body] of steps) {
      const version = Number(
        (await tx.execute(sql`select version from requests where id = ${id}`)).rows[0]!.version,
      );
      const actor = action === 'rate' ? enterpriseActor(enterpriseId) : taskForce();
      await r.stepIn(tx, actor, id, action, { version, note: '处理意见', ...body }, { today: day });
    }
    return id;
  });
}

const handled = (dept: number, answerOn: string, closeOn: string): Step[] => [
  ['assign', answerOn, { assigneeKind: 'department', assigneeId: dept }],
  ['start', answerOn],
  ['answer', answerOn],
  ['close', closeOn],
];

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  await services.evaluation.methods.ensurePresets();
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'commissioner', 'enterprise', 'department']);
  const platformId = async (name: string) =>
    (await q('select id from platforms where name = $1', [name]))[0].id;
  qiantang = await platformId(DEMO_PLATFORMS[0]![0]);
  binjiang = await platformId(DEMO_PLATFORMS[1]![0]);
  bEnterprise = (await q(`select enterprise_id from users where username = 'enterprise'`))[0].enterprise_id;
  qEnterprise = (
    await q(
      `insert into enterprises (uscc, name, platform_id) values ('91330114MA2XXXXX2B', '钱塘服务成效测试企业', $1) returning id`,
      [qiantang],
    )
  )[0].id;
  // Both platforms have a year of figures (the platform evaluation scores platforms with data).
  await q(
    `insert into enterprise_years (enterprise_id, year, output, revenue, tax) values ($1, 2025, 50000, 52000, 1200), ($2, 2025, 30000, 31000, 800)`,
    [qEnterprise, bEnterprise],
  );
  jxj = (await q('select id from departments where code = $1', [DEMO_DEPARTMENT]))[0].id;
  kjj = (await q(`select id from departments where code = 'kjj'`))[0].id;
  commissioner = (await q(`select id from users where username = 'commissioner'`))[0].id;
  const assigned = await call('taskforce', 'PUT', `/api/commissioners/assignments/${bEnterprise}`, {
    commissionerUserId: commissioner,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);

  // 2025-03-03 is a Monday (no holiday that month).
  // Q1: simple (due 03-04), closed 03-04 on time, 满意.
  code.q1 = await build(qEnterprise, '2025-03-03', [
    ['accept', '2025-03-03', { complexity: 'simple' }],
    ...handled(jxj, '2025-03-03', '2025-03-04'),
    ['rate', '2025-03-05', { rating: 'satisfied' }],
  ]);
  // Q2: complex (due 03-06), closed 03-10 late, 基本满意.
  code.q2 = await build(qEnterprise, '2025-03-03', [
    ['accept', '2025-03-03', { complexity: 'complex' }],
    ...handled(jxj, '2025-03-04', '2025-03-10'),
    ['rate', '2025-03-11', { rating: 'basically_satisfied' }],
  ]);
  // Q3: accepted, never closed: overdue and escalated.
  code.q3 = await build(qEnterprise, '2025-03-03', [['accept', '2025-03-03', { complexity: 'simple' }]]);
  // B1: closed 03-06, 不满意 on Fri 03-07 reopens it (due Mon 03-10), closed again 03-10 on time.
  code.b1 = await build(bEnterprise, '2025-03-05', [
    ['accept', '2025-03-05', { complexity: 'simple' }],
    ...handled(kjj, '2025-03-05', '2025-03-06'),
    ['rate', '2025-03-07', { rating: 'dissatisfied' }],
    ['answer', '2025-03-10'],
    ['close', '2025-03-10'],
  ]);
}, 180_000);

const figures = (r: Record<string, unknown>) => ({
  received: r.received,
  closed: r.closed,
  closureRate: r.closureRate,
  onTimeRate: r.onTimeRate,
  averageDaysToClose: r.averageDaysToClose,
  satisfactionShare: r.satisfactionShare,
  overdue: r.overdue,
  escalated: r.escalated,
});

describe('service metrics', () => {
  it('gives the task force every platform, department and commissioner, hand-computed', async () => {
    const res = await call('taskforce', 'GET', '/api/requests/metrics?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    const platform = (id: number) => m.platforms.find((p: { platformId: number }) => p.platformId === id);
    // Qiantang: 3 received, 2 closed, 1 of them on time; both rated satisfied; days 1 and 5.
    expect(figures(platform(qiantang))).toEqual({
      received: 3,
      closed: 2,
      closureRate: 2 / 3,
      onTimeRate: 0.5,
      averageDaysToClose: 3,
      satisfactionShare: 1,
      overdue: 1,
      escalated: 1,
    });
    // Binjiang: closed once after 不满意 (3 working days from 03-05 to 03-10), rated 不满意.
    expect(figures(platform(binjiang))).toEqual({
      received: 1,
      closed: 1,
      closureRate: 1,
      onTimeRate: 1,
      averageDaysToClose: 3,
      satisfactionShare: 0,
      overdue: 0,
      escalated: 0,
    });
    expect(platform(binjiang).coverage).toEqual({ assigned: 1, visited: 0, share: 0 });
    const dept = (id: number) => m.departments.find((d: { departmentId: number }) => d.departmentId === id);
    expect(figures(dept(jxj))).toMatchObject({
      received: 2,
      closed: 2,
      onTimeRate: 0.5,
      satisfactionShare: 1,
    });
    expect(figures(dept(kjj))).toMatchObject({ received: 1, closed: 1, satisfactionShare: 0 });
    expect(m.commissioners).toHaveLength(1);
    expect(m.commissioners[0]).toMatchObject({ commissionerUserId: commissioner, received: 1, closed: 1 });
    expect(m.total).toMatchObject({ received: 4, closed: 3, closureRate: 0.75 });
  });

  it('gives each role only its rows; an enterprise none', async () => {
    const platform = (await call('platform', 'GET', '/api/requests/metrics?year=2025')).json();
    expect(platform.platforms.map((p: { platformId: number }) => p.platformId)).toEqual([qiantang]);
    expect(platform.total.received).toBe(3);
    const department = (await call('department', 'GET', '/api/requests/metrics?year=2025')).json();
    expect(department.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([jxj]);
    expect([department.platforms, department.commissioners]).toEqual([[], []]);
    const own = (await call('commissioner', 'GET', '/api/requests/metrics?year=2025')).json();
    expect(own.commissioners.map((c: { commissionerUserId: number }) => c.commissionerUserId)).toEqual([
      commissioner,
    ]);
    expect([own.platforms, own.departments]).toEqual([[], []]);
    expect((await call('leader', 'GET', '/api/requests/metrics?year=2025')).json().total.received).toBe(4);
    expect((await call('enterprise', 'GET', '/api/requests/metrics?year=2025')).statusCode).toBe(403);
  });

  it('drills down: the request list takes the platform, department and commissioner of a row', async () => {
    const ids = async (query: string) =>
      (await call('taskforce', 'GET', `/api/requests?year=2025&${query}`))
        .json()
        .items.map((r: { id: number }) => r.id)
        .sort();
    expect(await ids(`platformId=${qiantang}`)).toEqual([code.q1, code.q2, code.q3].sort());
    expect(await ids(`departmentId=${jxj}`)).toEqual([code.q1, code.q2].sort());
    expect(await ids(`commissionerUserId=${commissioner}`)).toEqual([code.b1]);
  });

  it('feeds the platform evaluation’s 营商环境 indicators per platform and year', async () => {
    const r = (await call('taskforce', 'GET', '/api/platform-evaluation?year=2025')).json();
    const items = (id: number) =>
      Object.fromEntries(
        r.platforms
          .find((p: { platformId: number }) => p.platformId === id)
          .items.map((i: { indicator: string; value: number | null }) => [i.indicator, i.value]),
      );
    expect(items(qiantang)).toMatchObject({
      ticket_closure_rate: 2 / 3,
      ticket_on_time_rate: 0.5,
      service_satisfaction: 1,
    });
    expect(items(binjiang)).toMatchObject({
      ticket_closure_rate: 1,
      ticket_on_time_rate: 1,
      service_satisfaction: 0,
    });
    // A platform with no request in the year has no value (the preset scores it zero).
    const other = r.platforms.find(
      (p: { platformId: number }) => p.platformId !== qiantang && p.platformId !== binjiang,
    );
    if (other)
      expect(
        other.items.find((i: { indicator: string }) => i.indicator === 'ticket_closure_rate')?.value ?? null,
      ).toBeNull();
  });
});

describe('a visit’s problem becomes a request in one step', () => {
  it('raises it with the problem’s category, the visit’s enterprise and recorder; once only', async () => {
    const visit = await call('commissioner', 'POST', '/api/visits', {
      enterpriseId: bEnterprise,
      status: 'done',
      plannedOn: '2026-01-05',
      doneOn: '2026-01-05',
      visitorKind: 'commissioner',
      problems: [{ text: '厂房扩建审批进度慢，希望协调', category: 'approvals' }],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const v = visit.json();
    const problemId = v.problems[0].id;
    // Another platform's administrator cannot see the visit.
    expect(
      (await call('platform', 'POST', `/api/visits/${v.id}/problems/${problemId}/request`)).statusCode,
    ).toBe(404);
    const res = await call('taskforce', 'POST', `/api/visits/${v.id}/problems/${problemId}/request`);
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    const recorder = (await q(`select display_name from users where username = 'commissioner'`))[0]
      .display_name;
    expect(request).toMatchObject({
      enterpriseId: bEnterprise,
      category: 'approval',
      channel: 'commissioner',
      raisedByName: recorder,
      description: '厂房扩建审批进度慢，希望协调',
      state: 'submitted',
    });
    expect((await q('select request_id from visit_problems where id = $1', [problemId]))[0].request_id).toBe(
      request.id,
    );
    const again = await call('commissioner', 'POST', `/api/visits/${v.id}/problems/${problemId}/request`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VISIT_PROBLEM_ALREADY_RAISED');
    expect(
      await q(`select action from audit_log where action = 'visit.problem_to_request' and object_id = $1`, [
        String(v.id),
      ]),
    ).toHaveLength(1);
    // The visit shows the link.
    const after = (await call('commissioner', 'GET', `/api/visits/${v.id}`)).json();
    expect(after.problems[0].requestId).toBe(request.id);
  });
});
