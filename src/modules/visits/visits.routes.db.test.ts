/** Visits through app.inject: who records which visits, marking done with problems, scope, coverage. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { zonedDate } from '../../platform/time-zone';
import { buildApp } from '../../server/app';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { DEMO_PLATFORMS, demoUscc, seedDemo } from '../demo/demo.seed';
import { addDays } from '../demo/core/demo-services';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
const e: Record<string, number> = {};
const user: Record<string, number> = {};
const today = zonedDate();
const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  const platformId = async (name: string) =>
    (await q('select id from platforms where name = $1', [name]))[0].id;
  const qiantang = await platformId(DEMO_PLATFORMS[0]![0]);
  const binjiang = await platformId(DEMO_PLATFORMS[1]![0]);
  let serial = 8300;
  for (const [key, platform] of [
    ['b1', binjiang],
    ['b2', binjiang],
    ['q1', qiantang],
  ] as const) {
    const [row] = await q(
      `insert into enterprises (uscc, name, platform_id) values ($1, $2, $3) returning id`,
      [demoUscc('330114', serial++), `走访测试企业${key}`, platform],
    );
    e[key] = row.id;
  }
  for (const u of ['commissioner', 'zy-02-2', 'zy-01-1'])
    user[u] = (await q('select id from users where username = $1', [u]))[0].id;
  call = await asUsers(app, ['taskforce', 'platform', 'commissioner', 'enterprise']);
  await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.b1}`, {
    commissionerUserId: user.commissioner,
  });
  await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.b2}`, {
    commissionerUserId: user['zy-02-2'],
  });
  await call('taskforce', 'PUT', `/api/commissioners/assignments/${e.q1}`, {
    commissionerUserId: user['zy-01-1'],
  });
}, 120_000);

const plan = (enterpriseId: number, extra: Record<string, unknown> = {}) => ({
  enterpriseId,
  status: 'planned',
  plannedOn: today,
  visitorKind: 'commissioner',
  ...extra,
});

describe('visits', () => {
  let visitId = 0;

  it('a commissioner records its own visits to its own enterprises only', async () => {
    let res = await call('commissioner', 'POST', '/api/visits', plan(e.b1!, { participants: '园区经发局' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      visitorKind: 'commissioner',
      visitorUserId: user.commissioner,
      status: 'planned',
    });
    visitId = res.json().id;
    res = await call('commissioner', 'POST', '/api/visits', plan(e.b2!));
    expect(res.statusCode).toBe(404);
    res = await call('commissioner', 'POST', '/api/visits', plan(e.b1!, { visitorKind: 'department' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('OWN_VISITS_ONLY');
    res = await call('enterprise', 'POST', '/api/visits', plan(e.b1!));
    expect(res.statusCode).toBe(403);
    // Others record any kind; a commissioner visit defaults to the current commissioner.
    res = await call('platform', 'POST', '/api/visits', plan(e.q1!));
    expect(res.json().visitorUserId).toBe(user['zy-01-1']);
    res = await call('platform', 'POST', '/api/visits', plan(e.b1!));
    expect(res.statusCode).toBe(404);
  });

  it('marks a visit done with problems found (each kept for a request); dates and versions checked', async () => {
    const body = {
      version: 1,
      status: 'done',
      plannedOn: today,
      doneOn: today,
      visitorKind: 'commissioner',
      notes: '了解扩产计划',
      problems: [
        { text: '扩产需新增用地', category: 'land' },
        { text: '用电增容', category: 'energy' },
      ],
    };
    let res = await call('commissioner', 'PUT', `/api/visits/${visitId}`, {
      ...body,
      doneOn: addDays(today, 1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('IN_FUTURE');
    res = await call('commissioner', 'PUT', `/api/visits/${visitId}`, { ...body, doneOn: null });
    expect(res.json().error.details[0].code).toBe('REQUIRED');
    res = await call('commissioner', 'PUT', `/api/visits/${visitId}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', doneOn: today, version: 2 });
    expect(
      res.json().problems.map((p: { category: string; requestId: null }) => [p.category, p.requestId]),
    ).toEqual([
      ['land', null],
      ['energy', null],
    ]);
    res = await call('commissioner', 'PUT', `/api/visits/${visitId}`, body);
    expect(res.statusCode).toBe(409);
    const audit = await q(
      `select action from audit_log where object_type = 'visit' and object_id = $1 order by id`,
      [String(visitId)],
    );
    expect(audit.map((r) => r.action)).toEqual(['visit.create', 'visit.update']);
  });

  it('lists and reads only visits in scope', async () => {
    const mine = (await call('commissioner', 'GET', '/api/visits')).json();
    expect(mine.items.map((v: { enterpriseId: number }) => v.enterpriseId)).toEqual([e.b1]);
    const platform = (await call('platform', 'GET', '/api/visits')).json();
    expect(platform.items.map((v: { enterpriseId: number }) => v.enterpriseId)).toEqual([e.q1]);
    expect((await call('platform', 'GET', `/api/visits/${visitId}`)).statusCode).toBe(404);
    expect((await call('taskforce', 'GET', `/api/visits/${visitId}`)).statusCode).toBe(200);
  });

  it('computes coverage per commissioner and platform for the quarter', async () => {
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const res = await call('taskforce', 'GET', `/api/visits/coverage?year=${year}&quarter=${quarter}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    // Only b1 had a done visit (by its commissioner); q1's is still planned.
    expect(
      c.commissioners.find((r: { commissionerUserId: number }) => r.commissionerUserId === user.commissioner),
    ).toMatchObject({
      assigned: 1,
      visited: 1,
      share: 1,
    });
    expect(c.total).toEqual({ assigned: 3, visited: 1, share: 1 / 3 });
    const mine = (await call('commissioner', 'GET', `/api/visits/coverage?year=${year}`)).json();
    expect(mine.commissioners).toHaveLength(1);
    expect(mine.total).toEqual({ assigned: 1, visited: 1, share: 1 });
  });
});
