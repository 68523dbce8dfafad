/**
 * Tasks and meetings through app.inject: a meeting's decision becomes a task, the owner reports
 * and completes, the task force reviews; scope (a department only its own tasks, a platform
 * administrator only its platform's, enterprises and commissioners nothing); completed late against
 * the working-day calendar; supervision on read and by hand; leader pairings as a filter; audit rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { zonedDate } from '../../platform/time-zone';
import { DEMO_DEPARTMENT, DEMO_PLATFORMS, seedDemo } from '../demo/demo.seed';
import type { Actor } from '../auth/core/access';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let jxj: number;
let kjj: number;
let qiantang: number;
let other: number;
let decisionIds: number[];
let meetingId: number;

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const plusDays = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

async function newTask(
  ownerKind: 'department' | 'platform',
  ownerId: number,
  extra: Record<string, unknown> = {},
) {
  return ok('taskforce', 'POST', '/api/tasks', {
    title: '推进园区标准地改革',
    description: '',
    sourceKind: 'plan',
    planRef: '§3.3',
    ownerKind,
    ownerId,
    dueOn: plusDays(zonedDate(), 10),
    ...extra,
  });
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'commissioner', 'enterprise', 'department']);
  jxj = (await q('select id from departments where code = $1', [DEMO_DEPARTMENT]))[0].id;
  kjj = (await q(`select id from departments where code = 'kjj'`))[0].id;
  qiantang = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[0]![0]]))[0].id;
  other = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[1]![0]]))[0].id;
});

describe('a meeting decision becomes a task and goes round the loop', () => {
  it('the task force records a meeting with decisions', async () => {
    const m = await ok('taskforce', 'POST', '/api/meetings', {
      title: '2026年第一次产业平台工作专班会议',
      heldOn: zonedDate(),
      host: '市政府副市长',
      place: '市行政中心 3 号会议室',
      attendees: { departmentIds: [jxj, kjj], platformIds: [qiantang], others: ['市政府副秘书长'] },
      summary: '研究部署年度工作',
      decisions: ['经信局牵头制定亩均评价结果应用办法', '科技局推进创新平台建设'],
    });
    expect(m.decisions.map((d: { text: string }) => d.text)).toEqual([
      '经信局牵头制定亩均评价结果应用办法',
      '科技局推进创新平台建设',
    ]);
    meetingId = m.id;
    decisionIds = m.decisions.map((d: { id: number }) => d.id);
    const [audit] = await q(`select action from audit_log where object_type = 'meeting' and object_id = $1`, [
      String(m.id),
    ]);
    expect(audit?.action).toBe('meeting.create');
  });

  it('decision → task → progress → complete → review, audited', async () => {
    const t = await ok('taskforce', 'POST', '/api/tasks', {
      title: '制定亩均评价结果应用办法',
      description: '',
      sourceKind: 'meeting',
      decisionId: decisionIds[0],
      ownerKind: 'department',
      ownerId: jxj,
      dueWorkingDays: 5,
      milestones: [{ title: '形成初稿', dueOn: plusDays(zonedDate(), 3) }],
    });
    expect(t).toMatchObject({
      code: expect.stringMatching(/^RW-\d{4}-\d{4}$/),
      state: 'received',
      meetingId,
      ownerKind: 'department',
      ownerId: jxj,
      dueWorkingDays: 5,
      actions: ['supervise'],
    });
    expect(t.dueOn).toBe(await services.requests.addWorkingDays(zonedDate(), 5));
    const meeting = await ok('taskforce', 'GET', `/api/meetings/${meetingId}`);
    expect(meeting.decisions[0].taskIds).toEqual([t.id]);

    let d = await ok('department', 'GET', `/api/tasks/${t.id}`);
    expect(d.actions).toEqual(['report', 'milestone', 'complete']);
    d = await ok('department', 'POST', `/api/tasks/${t.id}/report`, {
      version: d.version,
      note: '已形成初稿',
      percent: 40,
    });
    expect(d).toMatchObject({ state: 'in_progress', percent: 40 });
    expect(d.progress[0]).toMatchObject({ text: '已形成初稿', percent: 40, actorName: '市经信局 演示' });
    d = await ok('department', 'POST', `/api/tasks/${t.id}/milestone`, {
      version: d.version,
      milestoneId: d.milestones[0].id,
    });
    expect(d.milestones[0].doneOn).toBe(zonedDate());
    d = await ok('department', 'POST', `/api/tasks/${t.id}/complete`, { version: d.version });
    expect(d).toMatchObject({ state: 'completed', percent: 100, completedOn: zonedDate() });
    // The department may not review; the task force does.
    expect(
      (await call('department', 'POST', `/api/tasks/${t.id}/review`, { version: d.version })).statusCode,
    ).toBe(403);
    d = await ok('taskforce', 'POST', `/api/tasks/${t.id}/review`, { version: d.version, note: '同意' });
    expect(d).toMatchObject({ state: 'reviewed', reviewedOn: zonedDate(), actions: [] });
    const actions = (
      await q(`select action from audit_log where object_type = 'task' and object_id = $1 order by id`, [
        String(t.id),
      ])
    ).map((r) => r.action);
    expect(actions).toEqual(['task.create', 'task.report', 'task.milestone', 'task.complete', 'task.review']);
  });

  it('refuses steps out of turn (409), stale versions and notes too short', async () => {
    const t = await newTask('department', jxj);
    expect(
      (await call('taskforce', 'POST', `/api/tasks/${t.id}/review`, { version: t.version })).statusCode,
    ).toBe(409);
    expect(
      (
        await call('department', 'POST', `/api/tasks/${t.id}/report`, {
          version: t.version + 1,
          note: '推进中',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await call('department', 'POST', `/api/tasks/${t.id}/report`, { version: t.version, note: '好' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('taskforce', 'POST', `/api/tasks/${t.id}/complete`, { version: t.version })).statusCode,
    ).toBe(403);
  });

  it('refuses a task with both or neither deadline, or a missing decision', async () => {
    const base = { title: 'x', description: '', ownerKind: 'department', ownerId: jxj };
    expect(
      (await call('taskforce', 'POST', '/api/tasks', { ...base, sourceKind: 'plan', planRef: '§1' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('taskforce', 'POST', '/api/tasks', { ...base, sourceKind: 'meeting', dueWorkingDays: 3 }))
        .statusCode,
    ).toBe(400);
  });
});

describe('completed late, derived from the deadline and the calendar', () => {
  it('completing after the deadline is 逾期完成; returned and completed again stays late', async () => {
    const today = zonedDate();
    const t = await newTask('department', jxj, { dueOn: today });
    const later = plusDays(today, 2);
    const actor = (await q(`select id, department_id from users where username = 'department'`))[0];
    const dept: Actor = {
      userId: actor.id,
      username: 'department',
      role: 'department',
      platformId: null,
      enterpriseId: null,
      departmentId: actor.department_id,
      ip: null,
    };
    const d = await services.tasks.step(dept, t.id, 'complete', { version: t.version }, later);
    expect(d).toMatchObject({ state: 'completed_late', completedOn: later });
    const r = await ok('taskforce', 'POST', `/api/tasks/${t.id}/return`, {
      version: d.version,
      note: '材料不全',
    });
    expect(r).toMatchObject({ state: 'in_progress', completedOn: null, reviewNote: '材料不全' });
  });
});

describe('supervision', () => {
  it('an overdue open task is supervised on read, once per level; by hand with a note', async () => {
    const t = await newTask('department', kjj);
    await q(`update tasks set due_on = $2::date - 10, assigned_on = $2::date - 20 where id = $1`, [
      t.id,
      zonedDate(),
    ]);
    const list = await ok('taskforce', 'GET', `/api/tasks?overdue=true&pageSize=200`);
    const row = list.items.find((i: { id: number }) => i.id === t.id);
    expect(row).toMatchObject({ overdue: true, supervisionLevel: 2 });
    await ok('taskforce', 'GET', `/api/tasks/${t.id}`);
    let d = await ok('taskforce', 'GET', `/api/tasks/${t.id}`);
    expect(d.supervisions).toHaveLength(1);
    expect(d.supervisions[0]).toMatchObject({ level: 2, automatic: true });
    d = await ok('taskforce', 'POST', `/api/tasks/${t.id}/supervise`, {
      version: d.version,
      note: '请于本周内报送进展',
    });
    expect(d.supervisions[0]).toMatchObject({
      automatic: false,
      note: '请于本周内报送进展',
      actorName: '市专班 演示',
    });
    const audit = await q(
      `select action from audit_log where object_type = 'task' and object_id = $1 order by id`,
      [String(t.id)],
    );
    expect(audit.map((r) => r.action)).toEqual(['task.create', 'task.escalate', 'task.supervise']);
  });

  it('supervision reaches the owner department’s inbox: on read and by hand, not the one who supervised', async () => {
    const t = await newTask('department', jxj);
    await q(`update tasks set due_on = $2::date - 1, assigned_on = $2::date - 20 where id = $1`, [
      t.id,
      zonedDate(),
    ]);
    const inbox = async (who: string) =>
      (await ok(who, 'GET', '/api/notifications?pageSize=100')).items.filter(
        (n: { kind: string; params: { code?: string } }) =>
          n.kind === 'task_supervised' && n.params.code === t.code,
      );
    const d = await ok('taskforce', 'GET', `/api/tasks/${t.id}`);
    expect(d.supervisionLevel).toBe(1);
    const first = await inbox('department');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ link: `/tasks?task=${t.id}`, params: { level: 1, title: t.title } });
    const supervised = await ok('taskforce', 'POST', `/api/tasks/${t.id}/supervise`, {
      version: d.version,
      note: '请尽快推进',
    });
    expect(supervised.supervisions[0]).toMatchObject({ automatic: false, note: '请尽快推进' });
    expect(await inbox('department')).toHaveLength(2);
    expect(await inbox('taskforce')).toHaveLength(0);
  });
});

describe('scope', () => {
  it('a department sees only its own tasks, a platform only its platform’s; 404 outside', async () => {
    const mine = await newTask('department', jxj);
    const theirs = await newTask('department', kjj);
    const platformTask = await newTask('platform', qiantang);
    const otherPlatform = await newTask('platform', other);
    const dept = await ok('department', 'GET', '/api/tasks?pageSize=200');
    expect(
      dept.items.every(
        (i: { ownerKind: string; ownerId: number }) => i.ownerKind === 'department' && i.ownerId === jxj,
      ),
    ).toBe(true);
    expect(dept.items.some((i: { id: number }) => i.id === mine.id)).toBe(true);
    expect((await call('department', 'GET', `/api/tasks/${theirs.id}`)).statusCode).toBe(404);
    const plat = await ok('platform', 'GET', '/api/tasks?pageSize=200');
    expect(plat.items.map((i: { id: number }) => i.id)).toContain(platformTask.id);
    expect(
      plat.items.every(
        (i: { ownerId: number; ownerKind: string }) => i.ownerKind === 'platform' && i.ownerId === qiantang,
      ),
    ).toBe(true);
    expect((await call('platform', 'GET', `/api/tasks/${otherPlatform.id}`)).statusCode).toBe(404);
    const p = await ok('platform', 'GET', `/api/tasks/${platformTask.id}`);
    expect(p.actions).toEqual(['report', 'milestone', 'complete']);
    // The leader reads all and takes no step.
    const l = await ok('leader', 'GET', `/api/tasks/${theirs.id}`);
    expect(l.actions).toEqual([]);
    expect(
      (await call('leader', 'POST', `/api/tasks/${theirs.id}/report`, { version: l.version, note: '推进中' }))
        .statusCode,
    ).toBe(403);
    for (const who of ['enterprise', 'commissioner']) {
      expect((await call(who, 'GET', '/api/tasks')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/meetings')).statusCode).toBe(403);
    }
    expect((await call('department', 'GET', '/api/meetings')).statusCode).toBe(403);
    expect((await call('department', 'POST', '/api/tasks', {})).statusCode).toBe(400);
  });
});

describe('city leaders paired with platforms', () => {
  it('the task force pairs; the leader filters its requests and tasks and sees its platforms’ counts', async () => {
    const leaderId = (await q(`select id from users where username = 'leader'`))[0].id;
    const list0 = await ok('taskforce', 'GET', '/api/leader-platforms');
    expect(list0.leaders.map((l: { id: number }) => l.id)).toContain(leaderId);
    const p = await ok('taskforce', 'POST', '/api/leader-platforms', {
      leaderUserId: leaderId,
      platformId: qiantang,
      fromOn: plusDays(zonedDate(), -30),
    });
    expect(p).toMatchObject({ platformId: qiantang, toOn: null });
    const taskforceId = (await q(`select id from users where username = 'taskforce'`))[0].id;
    expect(
      (
        await call('taskforce', 'POST', '/api/leader-platforms', {
          leaderUserId: taskforceId,
          platformId: qiantang,
          fromOn: zonedDate(),
        })
      ).statusCode,
    ).toBe(400);
    const paired = await ok('leader', 'GET', '/api/tasks?paired=true&pageSize=200');
    expect(paired.total).toBeGreaterThan(0);
    expect(
      paired.items.every(
        (i: { ownerKind: string; ownerId: number }) => i.ownerKind === 'platform' && i.ownerId === qiantang,
      ),
    ).toBe(true);
    const all = await ok('leader', 'GET', '/api/tasks?pageSize=200');
    expect(all.total).toBeGreaterThan(paired.total);
    const reqs = await ok('leader', 'GET', '/api/requests?paired=true&pageSize=200');
    expect(reqs.items.every((i: { platformId: number }) => i.platformId === qiantang)).toBe(true);
    const mine = await ok('leader', 'GET', '/api/tasks/my-platforms');
    expect(mine.items).toEqual([
      expect.objectContaining({ platformId: qiantang, openTasks: expect.any(Number) }),
    ]);
    expect(mine.items[0].openTasks).toBeGreaterThan(0);
    // Not the leader's scope: another platform's task is still readable.
    const ended = await ok('taskforce', 'POST', `/api/leader-platforms/${p.id}/end`, {
      toOn: plusDays(zonedDate(), -1),
    });
    expect(ended.toOn).toBe(plusDays(zonedDate(), -1));
    expect((await ok('leader', 'GET', '/api/tasks/my-platforms')).items).toEqual([]);
    expect((await call('leader', 'GET', '/api/leader-platforms')).statusCode).toBe(403);
  });
});

describe('departments', () => {
  it('the task force edits the short name and lead flag and sees a department’s users', async () => {
    const d = await ok('taskforce', 'PUT', `/api/departments/${kjj}`, {
      code: 'kjj',
      nameZh: '市科技局',
      nameEn: 'Municipal Science and Technology Bureau',
      shortName: '科技',
      kind: 'city',
      isLead: false,
      active: true,
    });
    expect(d).toMatchObject({ shortName: '科技', isLead: false });
    const users = await ok('taskforce', 'GET', `/api/departments/${jxj}/users`);
    expect(users.items.map((u: { username: string }) => u.username)).toContain('department');
    expect((await call('department', 'GET', `/api/departments/${jxj}/users`)).statusCode).toBe(403);
  });
});
