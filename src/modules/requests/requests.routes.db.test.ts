/**
 * Enterprise requests through app.inject: the closed loop end to end, refused steps (409), scope
 * (an enterprise only its own, a platform administrator only its platform's, a department only
 * what is handed to it; 404 outside), version conflicts, audit rows, attachments, escalation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers, multipartFile } from '../../test/http';
import { zonedDate } from '../../platform/time-zone';
import { DEMO_DEPARTMENT, DEMO_PLATFORMS, seedDemo } from '../demo/demo.seed';
import { CLI_ACTOR } from '../../cli/actor';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let ownEnterprise: number; // the demo enterprise user's (in Binjiang)
let qiantangEnterprise: number; // in the platform administrator's platform
let jxj: number; // the demo department
let kjj: number; // another department

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

const step = (who: string, id: number, action: string, body: Record<string, unknown>) =>
  call(who, 'POST', `/api/requests/${id}/${action}`, body);

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function raise(who: string, enterpriseId?: number, category = 'finance') {
  return ok(who, 'POST', '/api/requests', {
    ...(enterpriseId ? { enterpriseId } : {}),
    category,
    title: '融资对接',
    description: '希望对接银行贷款',
    urgency: 'urgent',
  });
}

async function through(who: string, id: number, steps: [string, Record<string, unknown>][]) {
  let r = await ok(who, 'GET', `/api/requests/${id}`);
  for (const [action, body] of steps)
    r = await ok(who, 'POST', `/api/requests/${id}/${action}`, { version: r.version, ...body });
  return r;
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  call = await asUsers(app, [
    'taskforce',
    'leader',
    'platform',
    'commissioner',
    'enterprise',
    'department',
    'auditor',
    'zy-02-2',
  ]);
  ownEnterprise = (await q(`select enterprise_id from users where username = 'enterprise'`))[0].enterprise_id;
  const qiantang = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[0]![0]]))[0].id;
  qiantangEnterprise = (
    await q(
      `insert into enterprises (uscc, name, platform_id) values ('91330114MA2XXXXX1A', '钱塘诉求测试企业', $1) returning id`,
      [qiantang],
    )
  )[0].id;
  jxj = (await q('select id from departments where code = $1', [DEMO_DEPARTMENT]))[0].id;
  kjj = (await q(`select id from departments where code = 'kjj'`))[0].id;
});

describe('the closed loop', () => {
  it('raise → accept → assign → start → answer → close → rate, with a timeline and audit rows', async () => {
    const today = zonedDate();
    const created = await raise('enterprise');
    expect(created).toMatchObject({
      code: expect.stringMatching(/^QS-\d{4}-\d{6}$/),
      enterpriseId: ownEnterprise,
      state: 'submitted',
      channel: 'enterprise',
      urgency: 'urgent',
      receivedOn: today,
      actions: [],
    });
    const accepted = await through('taskforce', created.id, [['accept', { complexity: 'complex' }]]);
    expect(accepted.dueOn).toBe(await services.requests.addWorkingDays(today, 3));
    expect(accepted.actions).toEqual(['assign', 'suspend']);
    const assigned = await through('taskforce', created.id, [
      ['assign', { assigneeKind: 'department', assigneeId: jxj }],
    ]);
    expect(assigned).toMatchObject({
      state: 'assigned',
      assigneeKind: 'department',
      assigneeId: jxj,
      assigneeName: '市经信局',
    });
    // The department sees it and takes the handling steps.
    const mine = await ok('department', 'GET', '/api/requests');
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([created.id]);
    const atDepartment = await ok('department', 'GET', `/api/requests/${created.id}`);
    expect(atDepartment.actions).toEqual(['start', 'suspend']);
    const closed = await through('department', created.id, [
      ['start', {}],
      ['answer', { note: '已对接杭州银行，授信 500 万元' }],
      ['close', {}],
    ]);
    expect(closed).toMatchObject({
      state: 'closed',
      closedOn: today,
      onTime: true,
      answer: '已对接杭州银行，授信 500 万元',
    });
    const enterpriseView = await ok('enterprise', 'GET', `/api/requests/${created.id}`);
    expect(enterpriseView.actions).toEqual(['rate']);
    const rated = await through('enterprise', created.id, [
      ['rate', { rating: 'satisfied', note: '很及时' }],
    ]);
    expect(rated).toMatchObject({ state: 'rated', rating: 'satisfied', ratingComment: '很及时' });
    expect(rated.events.map((e: { step: string }) => e.step)).toEqual([
      'create',
      'accept',
      'assign',
      'start',
      'answer',
      'close',
      'rate',
    ]);
    const audit = await q(
      `select action, username from audit_log where object_type = 'request' and object_id = $1 order by id`,
      [String(created.id)],
    );
    expect(audit).toEqual([
      { action: 'request.create', username: 'enterprise' },
      { action: 'request.accept', username: 'taskforce' },
      { action: 'request.assign', username: 'taskforce' },
      { action: 'request.start', username: 'department' },
      { action: 'request.answer', username: 'department' },
      { action: 'request.close', username: 'department' },
      { action: 'request.rate', username: 'enterprise' },
    ]);
  });

  it('不满意 reopens it to 处置 with the same assignee', async () => {
    const r = await raise('enterprise');
    await through('taskforce', r.id, [
      ['accept', {}],
      ['assign', { assigneeKind: 'department', assigneeId: jxj }],
    ]);
    await through('department', r.id, [
      ['start', {}],
      ['answer', { note: '已答复' }],
      ['close', {}],
    ]);
    const reopened = await through('enterprise', r.id, [
      ['rate', { rating: 'dissatisfied', note: '没有解决' }],
    ]);
    expect(reopened).toMatchObject({
      state: 'in_progress',
      rating: 'dissatisfied',
      closedOn: null,
      assigneeId: jxj,
    });
  });

  it('transfer needs a reason; suspension needs one and resume returns to the state before', async () => {
    const r = await raise('platform', qiantangEnterprise);
    expect(r.channel).toBe('platform');
    const assigned = await through('platform', r.id, [
      ['accept', {}],
      ['assign', { assigneeKind: 'department', assigneeId: jxj }],
    ]);
    const noReason = await step('platform', r.id, 'transfer', {
      version: assigned.version,
      assigneeKind: 'department',
      assigneeId: kjj,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REQUEST_NOTE_REQUIRED');
    const moved = await through('platform', r.id, [
      ['transfer', { assigneeKind: 'department', assigneeId: kjj, note: '属科技局职责' }],
    ]);
    expect(moved).toMatchObject({ state: 'assigned', assigneeId: kjj });
    expect(moved.events.at(-1)).toMatchObject({ step: 'transfer', note: '属科技局职责' });
    // Handed away: the first department no longer sees it.
    expect((await call('department', 'GET', `/api/requests/${r.id}`)).statusCode).toBe(404);
    const suspended = await through('platform', r.id, [['suspend', { note: '等待企业补充材料' }]]);
    expect(suspended).toMatchObject({ state: 'suspended', suspendedFrom: 'assigned' });
    const resumed = await through('platform', r.id, [['resume', {}]]);
    expect(resumed).toMatchObject({ state: 'assigned', suspendedFrom: null, dueOn: suspended.dueOn });
  });
});

describe('refused steps', () => {
  it('a step the state does not allow is 409 REQUEST_STEP_REFUSED; a party not allowed is 403', async () => {
    const r = await raise('enterprise');
    const close = await step('taskforce', r.id, 'close', { version: r.version });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('REQUEST_STEP_REFUSED');
    const rate = await step('enterprise', r.id, 'rate', { version: r.version, rating: 'satisfied' });
    expect(rate.statusCode).toBe(409);
    // The enterprise may not accept its own request, the leader takes no steps.
    expect((await step('enterprise', r.id, 'accept', { version: r.version })).statusCode).toBe(403);
    expect((await step('leader', r.id, 'accept', { version: r.version })).statusCode).toBe(403);
    // The demo commissioner is not this enterprise's commissioner (yet): out of its scope.
    expect((await step('commissioner', r.id, 'accept', { version: r.version })).statusCode).toBe(404);
    // Nothing was written for the refusals.
    const rows = await q(`select action from audit_log where object_type = 'request' and object_id = $1`, [
      String(r.id),
    ]);
    expect(rows.map((x) => x.action)).toEqual(['request.create']);
  });

  it('two handlers cannot double-step: the second gets 409 VERSION_CONFLICT', async () => {
    const r = await raise('enterprise');
    const [a, b] = await Promise.all([
      step('taskforce', r.id, 'accept', { version: r.version }),
      step('platform', r.id, 'accept', { version: r.version }).catch(() => null),
    ]);
    expect(a.statusCode).toBe(200);
    // The platform administrator does not see a Binjiang request at all.
    expect(b!.statusCode).toBe(404);
    const again = await step('taskforce', r.id, 'assign', { version: r.version, assigneeKind: 'platform' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('the commissioner dispatches its enterprises’ requests', () => {
  it('accepts, hands to a department and transfers; may not handle or close; only while current', async () => {
    const users = await q(`select id, username from users where username in ('commissioner', 'zy-02-2')`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id as number;
    const assign = (commissionerUserId: number) =>
      ok('taskforce', 'PUT', `/api/commissioners/assignments/${ownEnterprise}`, {
        commissionerUserId,
        reason: '诉求测试',
      });
    await assign(idOf('commissioner'));
    const r = await raise('enterprise');
    const seen = await ok('commissioner', 'GET', `/api/requests/${r.id}`);
    expect(seen.actions).toEqual(['accept']);
    const assigned = await through('commissioner', r.id, [
      ['accept', { complexity: 'simple' }],
      ['assign', { assigneeKind: 'department', assigneeId: jxj }],
    ]);
    expect(assigned).toMatchObject({ state: 'assigned', assigneeId: jxj, actions: ['transfer'] });
    const transferred = await through('commissioner', r.id, [
      ['transfer', { assigneeKind: 'department', assigneeId: kjj, note: '属科技局职责' }],
    ]);
    expect(transferred).toMatchObject({ state: 'assigned', assigneeId: kjj });
    // Handling is the department's: the commissioner may not start, suspend or close.
    for (const action of ['start', 'suspend'])
      expect(
        (await step('commissioner', r.id, action, { version: transferred.version, note: '试一下' }))
          .statusCode,
      ).toBe(403);
    const events = await q(
      `select action as step, actor_name from request_events where request_id = $1 order by id`,
      [r.id],
    );
    expect(events.map((e) => e.step)).toEqual(['create', 'accept', 'assign', 'transfer']);
    expect(events[1].actor_name).toBe('服务专员 演示');
    const audit = await q(
      `select action, username from audit_log where object_type = 'request' and object_id = $1 order by id`,
      [String(r.id)],
    );
    expect(audit.slice(1)).toEqual([
      { action: 'request.accept', username: 'commissioner' },
      { action: 'request.assign', username: 'commissioner' },
      { action: 'request.transfer', username: 'commissioner' },
    ]);
    // Once the enterprise has another commissioner, the former one no longer sees its requests.
    const other = await raise('enterprise');
    await assign(idOf('zy-02-2'));
    expect((await step('commissioner', other.id, 'accept', { version: other.version })).statusCode).toBe(404);
    expect((await call('commissioner', 'GET', `/api/requests/${other.id}`)).statusCode).toBe(404);
    await ok('zy-02-2', 'GET', `/api/requests/${other.id}`);
    await ok('taskforce', 'PUT', `/api/commissioners/assignments/${ownEnterprise}`, {
      commissionerUserId: null,
      reason: '测试结束',
    });
  });
});

describe('scope', () => {
  it('an enterprise sees only its own; a platform administrator only its platform’s; 404 outside', async () => {
    const own = await raise('enterprise');
    const inQiantang = await raise('taskforce', qiantangEnterprise);
    const idsOf = async (who: string) =>
      (await ok(who, 'GET', '/api/requests?pageSize=200')).items.map((i: { id: number }) => i.id) as number[];
    expect(await idsOf('enterprise')).toContain(own.id);
    expect(await idsOf('enterprise')).not.toContain(inQiantang.id);
    expect(await idsOf('platform')).toContain(inQiantang.id);
    expect(await idsOf('platform')).not.toContain(own.id);
    expect((await call('platform', 'GET', `/api/requests/${own.id}`)).statusCode).toBe(404);
    expect((await call('enterprise', 'GET', `/api/requests/${inQiantang.id}`)).statusCode).toBe(404);
    expect((await call('department', 'GET', `/api/requests/${inQiantang.id}`)).statusCode).toBe(404);
    // Raising for another enterprise is out of scope too.
    const foreign = await call('enterprise', 'POST', '/api/requests', {
      enterpriseId: qiantangEnterprise,
      category: 'land',
      title: 'x',
      description: 'y',
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await call('platform', 'POST', '/api/requests', {
          enterpriseId: ownEnterprise,
          category: 'land',
          title: 'x',
          description: 'y',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('department', 'POST', '/api/requests', {
          enterpriseId: ownEnterprise,
          category: 'land',
          title: 'x',
          description: 'y',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('auditor', 'GET', '/api/requests')).statusCode).toBe(403);
  });
});

describe('attachments', () => {
  it('accepts a PDF by its bytes, refuses other types (415) and files over 10 MB (413)', async () => {
    const r = await raise('enterprise');
    const pdf = multipartFile(Buffer.from('%PDF-1.7\n...'), '营业执照.pdf');
    const added = await call(
      'enterprise',
      'POST',
      `/api/requests/${r.id}/attachments`,
      pdf.body,
      pdf.headers,
    );
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ fileName: '营业执照.pdf', fileType: 'pdf', size: 12 });
    // An executable named .pdf is refused by its bytes.
    const exe = multipartFile(Buffer.from('MZ\x90\x00 not a pdf'), 'fake.pdf');
    const refused = await call(
      'enterprise',
      'POST',
      `/api/requests/${r.id}/attachments`,
      exe.body,
      exe.headers,
    );
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const big = multipartFile(
      Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(10 * 1024 * 1024)]),
      'big.pdf',
    );
    const tooBig = await call(
      'enterprise',
      'POST',
      `/api/requests/${r.id}/attachments`,
      big.body,
      big.headers,
    );
    expect(tooBig.statusCode).toBe(413);
    const detail = await ok('enterprise', 'GET', `/api/requests/${r.id}`);
    expect(detail.attachments).toHaveLength(1);
    const download = await call('enterprise', 'GET', `/api/requests/${r.id}/attachments/${added.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body).toBe('%PDF-1.7\n...');
    expect(
      (await call('platform', 'GET', `/api/requests/${r.id}/attachments/${added.json().id}`)).statusCode,
    ).toBe(404);
    const audit = await q(
      `select action from audit_log where object_type = 'request' and object_id = $1 and action = 'request.attach'`,
      [String(r.id)],
    );
    expect(audit).toHaveLength(1);
  });
});

describe('escalation, figures and the export', () => {
  it('overdue requests escalate to the platform, then the city; the figures count them', async () => {
    // Raised on Mon 3 Mar 2025 (simple: due Tue 4 Mar), checked on later days.
    const id = await database.transaction((tx) =>
      services.requests.createIn(
        tx,
        { ...CLI_ACTOR },
        {
          enterpriseId: qiantangEnterprise,
          category: 'talent',
          title: '人才公寓',
          description: '申请人才公寓',
        },
        { today: '2025-03-03' },
      ),
    );
    expect(await services.requests.escalateOverdue('2025-03-04')).toBe(0);
    expect(await services.requests.escalateOverdue('2025-03-05')).toBe(1);
    let [row] = await q('select escalation_level from requests where id = $1', [id]);
    expect(row.escalation_level).toBe(1);
    // 5, 6, 7, 10 Mar: four working days late → the city.
    await services.requests.escalateOverdue('2025-03-10');
    [row] = await q('select escalation_level from requests where id = $1', [id]);
    expect(row.escalation_level).toBe(2);
    const events = await q(
      `select action, detail from request_events where request_id = $1 and action = 'escalate' order by id`,
      [id],
    );
    expect(events.map((e) => e.detail.level)).toEqual([1, 2]);
    const audit = await q(
      `select username from audit_log where action = 'request.escalate' and object_id = $1`,
      [String(id)],
    );
    expect(audit).toEqual([{ username: 'system:escalation' }, { username: 'system:escalation' }]);
    const stats = await services.requests.stats(CLI_ACTOR, 2025, '2025-03-10');
    expect(stats).toMatchObject({
      year: 2025,
      received: 1,
      closed: 0,
      overdue: 1,
      escalated: 1,
      provincialBar: 0.9997,
    });
    const rows = await services.requests.exportRows(CLI_ACTOR, 2025);
    expect(rows).toEqual([
      {
        id: 'QS-2025-000001',
        uscc: '91330114MA2XXXXX1A',
        category: 'talent',
        state: 'submitted',
        receivedOn: '2025-03-03',
        dueOn: '2025-03-04',
        closedOn: null,
        onTime: null,
        rating: null,
      },
    ]);
  });

  it('lists filter overdue, escalated and chain leaders apart', async () => {
    const overdue = await ok('taskforce', 'GET', '/api/requests?overdue=true&year=2026&pageSize=200');
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const escalated = await ok('taskforce', 'GET', '/api/requests?escalated=true&pageSize=200');
    expect(escalated.items.every((i: { escalationLevel: number }) => i.escalationLevel > 0)).toBe(true);
    const leaders = await ok('taskforce', 'GET', '/api/requests?chainLeader=true');
    expect(leaders.total).toBe(0);
  });
});

describe('categories and departments', () => {
  it('the eight categories and the departments are preloaded; the task force edits them with audit rows', async () => {
    const cats = await ok('enterprise', 'GET', '/api/request-categories');
    expect(cats.items.map((c: { nameZh: string }) => c.nameZh)).toEqual([
      '用地',
      '用能',
      '融资',
      '人才',
      '审批',
      '政策',
      '基础设施',
      '其他',
    ]);
    expect(
      cats.items.every(
        (c: { slaSimpleDays: number; slaComplexDays: number }) =>
          c.slaSimpleDays === 1 && c.slaComplexDays === 3,
      ),
    ).toBe(true);
    const edited = await ok('taskforce', 'PUT', '/api/request-categories/land', {
      nameZh: '用地',
      nameEn: 'Land',
      slaSimpleDays: 2,
      slaComplexDays: 5,
      active: true,
    });
    expect(edited.slaComplexDays).toBe(5);
    expect(
      (
        await call('platform', 'PUT', '/api/request-categories/land', {
          nameZh: '用地',
          nameEn: 'Land',
          slaSimpleDays: 2,
          slaComplexDays: 5,
          active: true,
        })
      ).statusCode,
    ).toBe(403);
    const deps = await ok('department', 'GET', '/api/departments');
    expect(deps.items[0]).toMatchObject({ nameZh: '市发改委', isLead: true });
    expect(deps.items.map((d: { nameZh: string }) => d.nameZh)).toEqual(
      expect.arrayContaining([
        '市经信局',
        '市科技局',
        '市财政局',
        '市商务局',
        '市自然资源和规划局',
        '市人力社保局',
        '市市场监管局',
      ]),
    );
    const added = await ok('taskforce', 'POST', '/api/departments', {
      code: 'xihu',
      nameZh: '西湖区政府',
      nameEn: 'Xihu District Government',
      kind: 'district',
      active: true,
    });
    expect(added.kind).toBe('district');
    const audit = await q(
      `select action from audit_log where action in ('request.category_update', 'department.create')`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['department.create', 'request.category_update']);
  });

  it('the security administrator creates a department user, who needs a department', async () => {
    const sec = await asUsers(app, ['secadmin']);
    const missing = await sec('secadmin', 'POST', '/api/users', {
      username: 'dept2',
      displayName: '科技局用户',
      role: 'department',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('departmentId');
    const created = await sec('secadmin', 'POST', '/api/users', {
      username: 'dept2',
      displayName: '科技局用户',
      role: 'department',
      departmentId: kjj,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user.departmentId).toBe(kjj);
  });
});
