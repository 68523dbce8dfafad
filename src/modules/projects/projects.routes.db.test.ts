/**
 * Investment projects through app.inject: scope (a platform admin only its platform's projects,
 * others' are 404), stage changes submitted and approved (never by the submitter; the task force's
 * count at once; pending ones do not count for T6), rejection with a reason, the rules (forward only,
 * dates), optimistic versions, sealed and masked contacts, stalls and their notices, the Excel import
 * (task force → approved, platform admin → pending, rejected files with row errors) and 达产复核.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { zonedDate } from '../../platform/time-zone';
import { buildApp } from '../../server/app';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers, login, multipartFile } from '../../test/http';
import { DEMO_PASSWORD, DEMO_PLATFORMS, seedDemo } from '../demo/demo.seed';
import { insertUser } from '../users/users.service';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number;
let other: number;
let ownName: string;
let enterpriseId: number;

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;
const TODAY = zonedDate();
const YEAR = Number(TODAY.slice(0, 4));
const daysAgo = (n: number) => {
  const t = new Date(`${TODAY}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - n);
  return t.toISOString().slice(0, 10);
};
/** A date in this year at least `n` days before today when possible (else today). */
const thisYear = (n: number) => (daysAgo(n).startsWith(String(YEAR)) ? daysAgo(n) : TODAY);

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const project = (platformId: number, extra: Record<string, unknown> = {}) => ({
  name: '年产 5 万吨新材料项目',
  investorName: '上海某新材料有限公司',
  investorOrigin: '上海市',
  platformId,
  industryCode: 'new_materials',
  totalInvestment: 100_000,
  fixedAssetInvestment: 80_000,
  landMu: 100,
  source: 'chain',
  leadDate: thisYear(40),
  ...extra,
});

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  own = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[0]![0]]))[0].id;
  ownName = DEMO_PLATFORMS[0]![0];
  other = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[1]![0]]))[0].id;
  await database.transaction(async (tx) => {
    await insertUser(
      tx,
      { userId: null, username: 'system:test', ip: null },
      { username: 'platform-b', displayName: '平台管理员乙', role: 'platform_admin', platformId: own },
      { password: DEMO_PASSWORD, mustChangePassword: false },
    );
    await insertUser(
      tx,
      { userId: null, username: 'system:test', ip: null },
      { username: 'platform-other', displayName: '他园管理员', role: 'platform_admin', platformId: other },
      { password: DEMO_PASSWORD, mustChangePassword: false },
    );
  });
  call = await asUsers(app, [
    'taskforce',
    'leader',
    'platform',
    'platform-b',
    'platform-other',
    'enterprise',
  ]);
  [{ id: enterpriseId }] = await q(
    `insert into enterprises (uscc, name, platform_id, own_land_mu) values ('91330100MA2XM00011', '项目公司甲', $1, 50)
     returning id`,
    [own],
  );
  expect(login).toBeTypeOf('function');
});

describe('scope', () => {
  it('a platform admin adds projects on its own platform only', async () => {
    const mine = await ok('platform', 'POST', '/api/projects', project(own));
    expect(mine).toMatchObject({ stage: 'lead', status: 'active', sizeClass: 'major', platformId: own });
    expect(mine.code).toMatch(new RegExp(`^XM-${thisYear(40).slice(0, 4)}-\\d{5}$`));
    const refused = await call('platform', 'POST', '/api/projects', project(other));
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('PLATFORM_NOT_FOUND');
  });

  it('another platform’s project is 404 to a platform admin; the leader reads all; an enterprise nothing', async () => {
    const theirs = await ok('taskforce', 'POST', '/api/projects', project(other, { name: '他园项目' }));
    expect((await call('platform', 'GET', `/api/projects/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('platform', 'PUT', `/api/projects/${theirs.id}`, {
          ...project(other),
          leadDate: undefined,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const list = await ok('platform', 'GET', '/api/projects?pageSize=200');
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p: { platformId: number }) => p.platformId === own)).toBe(true);
    expect((await ok('leader', 'GET', `/api/projects/${theirs.id}`)).name).toBe('他园项目');
    expect((await call('leader', 'POST', '/api/projects', project(own))).statusCode).toBe(403);
    expect((await call('enterprise', 'GET', '/api/projects')).statusCode).toBe(403);
  });
});

describe('stage changes and approval', () => {
  let id: number;
  let version: number;

  it('a platform admin’s change waits; it does not count for T6 while pending', async () => {
    const p = await ok('platform', 'POST', '/api/projects', project(own, { name: '待审核项目' }));
    id = p.id;
    const before = (await ok('taskforce', 'GET', `/api/projects/stats?year=${YEAR}`)).city.majorSigned;
    const submitted = await ok('platform', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'signed',
      stageDate: thisYear(20),
    });
    expect(submitted).toMatchObject({ stage: 'lead', pendingStage: 'signed', signedOn: null });
    expect(submitted.changes[0]).toMatchObject({ status: 'pending', canDecide: false });
    expect((await ok('taskforce', 'GET', `/api/projects/stats?year=${YEAR}`)).city.majorSigned).toBe(before);
    const drill = await ok('taskforce', 'GET', `/api/projects?majorYear=${YEAR}&pageSize=200`);
    expect(drill.items.some((x: { id: number }) => x.id === id)).toBe(false);
    // One pending change per project.
    const second = await call('platform-b', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'construction',
      stageDate: thisYear(10),
    });
    expect(second.json().error.code).toBe('PROJECT_CHANGE_PENDING');
  });

  it('the submitter cannot approve it; another admin of the platform can, and T6 counts it', async () => {
    const detail = await ok('platform-b', 'GET', `/api/projects/${id}`);
    const changeId = detail.pendingChangeId;
    expect(detail.changes[0].canDecide).toBe(true);
    const own = await call('platform', 'POST', `/api/projects/${id}/stage-changes/${changeId}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('PROJECT_OWN_CHANGE');
    const stranger = await call(
      'platform-other',
      'POST',
      `/api/projects/${id}/stage-changes/${changeId}/approve`,
      {},
    );
    expect(stranger.statusCode).toBe(404);
    const before = (await ok('taskforce', 'GET', `/api/projects/stats?year=${YEAR}`)).city.majorSigned;
    const approved = await ok(
      'platform-b',
      'POST',
      `/api/projects/${id}/stage-changes/${changeId}/approve`,
      {},
    );
    expect(approved).toMatchObject({ stage: 'signed', stageDate: thisYear(20), signedOn: thisYear(20) });
    expect(approved.pendingChangeId).toBeNull();
    const stats = await ok('taskforce', 'GET', `/api/projects/stats?year=${YEAR}`);
    expect(stats.city.majorSigned).toBe(before + 1);
    const drill = await ok('taskforce', 'GET', `/api/projects?majorYear=${YEAR}&pageSize=200`);
    expect(drill.items.some((x: { id: number }) => x.id === id)).toBe(true);
    const [audit] = await q(
      `select action, username from audit_log where action = 'project.stage_approve' and object_id = $1`,
      [String(changeId)],
    );
    expect(audit).toEqual({ action: 'project.stage_approve', username: 'platform-b' });
    version = approved.version;
  });

  it('refuses going back, dates in the future or before the current stage', async () => {
    const back = await call('taskforce', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'negotiating',
      stageDate: TODAY,
    });
    expect(back.json().error.code).toBe('PROJECT_STAGE_BACKWARD');
    const future = await call('taskforce', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'construction',
      stageDate: `${YEAR + 1}-12-31`,
    });
    expect(future.json().error.code).toBe('PROJECT_STAGE_DATE_FUTURE');
    const early = await call('taskforce', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'construction',
      stageDate: daysAgo(400),
    });
    expect(early.json().error.code).toBe('PROJECT_STAGE_DATE_ORDER');
  });

  it('the task force’s change counts at once, skipping stages (no date for the skipped)', async () => {
    const moved = await ok('taskforce', 'POST', `/api/projects/${id}/stage-changes`, {
      stage: 'construction',
      stageDate: TODAY,
    });
    expect(moved).toMatchObject({ stage: 'construction', stageDate: TODAY, pendingChangeId: null });
    expect(moved.changes[0]).toMatchObject({ status: 'approved', origin: 'form' });
    const land = moved.timeline.find((s: { stage: string }) => s.stage === 'land_supplied');
    expect(land).toEqual({ stage: 'land_supplied', date: null, skipped: true });
    expect(moved.version).toBeGreaterThan(version);
  });

  it('a rejection needs a reason, and the rejected change does not move the project', async () => {
    const p = await ok('platform', 'POST', '/api/projects', project(own, { name: '退回项目' }));
    const s = await ok('platform', 'POST', `/api/projects/${p.id}/stage-changes`, {
      stage: 'negotiating',
      stageDate: TODAY,
    });
    const url = `/api/projects/${p.id}/stage-changes/${s.pendingChangeId}/reject`;
    expect((await call('taskforce', 'POST', url, {})).json().error.code).toBe('PROJECT_REASON_REQUIRED');
    const rejected = await ok('taskforce', 'POST', url, { reason: '缺少洽谈纪要' });
    expect(rejected).toMatchObject({ stage: 'lead', pendingChangeId: null });
    expect(rejected.changes[0]).toMatchObject({ status: 'rejected', decisionReason: '缺少洽谈纪要' });
    expect(
      (
        await call(
          'taskforce',
          'POST',
          `/api/projects/${p.id}/stage-changes/${s.pendingChangeId}/approve`,
          {},
        )
      ).json().error.code,
    ).toBe('PROJECT_CHANGE_DECIDED');
  });

  it('an edit with an old version is refused', async () => {
    const p = await ok('taskforce', 'GET', `/api/projects/${id}`);
    const body = { ...project(own, { name: '改名项目' }), version: p.version };
    delete (body as Record<string, unknown>).leadDate;
    expect((await ok('taskforce', 'PUT', `/api/projects/${id}`, body)).name).toBe('改名项目');
    const stale = await call('platform', 'PUT', `/api/projects/${id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('pending changes list: only what the caller may decide', async () => {
    const p = await ok('platform', 'POST', '/api/projects', project(own, { name: '列表项目' }));
    await ok('platform', 'POST', `/api/projects/${p.id}/stage-changes`, {
      stage: 'negotiating',
      stageDate: TODAY,
    });
    const mine = await ok('platform', 'GET', '/api/projects/pending-changes');
    expect(mine.items.some((c: { projectId: number }) => c.projectId === p.id)).toBe(false);
    const b = await ok('platform-b', 'GET', '/api/projects/pending-changes');
    expect(b.items.some((c: { projectId: number }) => c.projectId === p.id)).toBe(true);
    const stranger = await ok('platform-other', 'GET', '/api/projects/pending-changes');
    expect(stranger.items.some((c: { projectId: number }) => c.projectId === p.id)).toBe(false);
  });
});

describe('contacts', () => {
  it('phones are sealed at rest, masked in responses, revealed with an audit row', async () => {
    const p = await ok('platform', 'POST', '/api/projects', project(own, { name: '联系人项目' }));
    const withContact = await ok('platform', 'POST', `/api/projects/${p.id}/contacts`, {
      name: '李经理',
      title: '投资总监',
      phone: '13812345678',
    });
    expect(withContact.contacts[0]).toMatchObject({ name: '李经理', phone: '138****5678' });
    const [row] = await q('select phone_cipher, phone_index from project_contacts where project_id = $1', [
      p.id,
    ]);
    expect(Buffer.isBuffer(row.phone_cipher)).toBe(true);
    expect(row.phone_cipher.toString('latin1')).not.toContain('13812345678');
    const contactId = withContact.contacts[0].id;
    expect(
      (await call('platform-other', 'POST', `/api/projects/${p.id}/contacts/${contactId}/reveal`)).statusCode,
    ).toBe(404);
    const revealed = await ok('platform', 'POST', `/api/projects/${p.id}/contacts/${contactId}/reveal`);
    expect(revealed.phone).toBe('13812345678');
    const audits = await q(
      `select result from audit_log where action = 'project.contact_reveal' and object_id = $1 order by id`,
      [String(contactId)],
    );
    expect(audits.map((a) => a.result)).toEqual(['failure', 'success']);
  });
});

describe('documents', () => {
  it('accepts a PDF by its bytes, refuses other types, serves it back and deletes it (audited)', async () => {
    const p = await ok('platform', 'POST', '/api/projects', project(own, { name: '文件项目' }));
    const pdf = multipartFile(Buffer.from('%PDF-1.4 签约协议'), '投资协议.pdf');
    const up = await call('platform', 'POST', `/api/projects/${p.id}/documents`, pdf.body, pdf.headers);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '投资协议.pdf', fileType: 'pdf' });
    const exe = multipartFile(Buffer.from('MZ not a document'), '协议.pdf');
    const refused = await call('platform', 'POST', `/api/projects/${p.id}/documents`, exe.body, exe.headers);
    expect(refused.statusCode).toBe(415);
    const url = `/api/projects/${p.id}/documents/${up.json().id}`;
    const got = await call('leader', 'GET', url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await call('platform-other', 'GET', url)).statusCode).toBe(404);
    expect((await call('platform', 'DELETE', url)).statusCode).toBe(204);
    expect((await ok('platform', 'GET', `/api/projects/${p.id}`)).documents).toEqual([]);
    const audits = await q(
      `select action from audit_log where action like 'project.document_%' and detail->>'projectId' = $1 order by id`,
      [String(p.id)],
    );
    expect(audits.map((a) => a.action)).toEqual(['project.document_upload', 'project.document_delete']);
  });
});

describe('stalls', () => {
  it('lists stalled projects and notifies once per level', async () => {
    // A small project signed 150 days ago: the signed rule for small is 90 days (+30 escalation).
    const p = await ok(
      'taskforce',
      'POST',
      '/api/projects',
      project(own, {
        name: '停滞项目',
        totalInvestment: 5_000,
        fixedAssetInvestment: 4_000,
        leadDate: daysAgo(200),
      }),
    );
    await ok('taskforce', 'POST', `/api/projects/${p.id}/stage-changes`, {
      stage: 'signed',
      stageDate: daysAgo(150),
    });
    const stalls = await ok('platform', 'GET', '/api/projects/stalls');
    const mine = stalls.items.find((s: { id: number }) => s.id === p.id);
    expect(mine.stall).toEqual({ days: 150, maxDays: 90, level: 2 });
    expect(
      (await ok('platform-other', 'GET', '/api/projects/stalls')).items.some(
        (s: { id: number }) => s.id === p.id,
      ),
    ).toBe(false);
    const filtered = await ok('platform', 'GET', '/api/projects?stalled=true&pageSize=200');
    expect(filtered.items.some((s: { id: number }) => s.id === p.id)).toBe(true);

    const first = await services.projects.sweepStalls();
    expect(first.notified).toBeGreaterThan(0);
    const notices = await q(`select level from project_stall_notices where project_id = $1 order by level`, [
      p.id,
    ]);
    expect(notices.map((n) => n.level)).toEqual([1, 2]);
    const inbox = await q(
      `select u.role, n.kind from notifications n join users u on u.id = n.user_id
        where n.kind = 'project_stalled' and n.params->>'code' = $1 order by u.role`,
      [p.code],
    );
    expect(new Set(inbox.map((r) => r.role))).toEqual(new Set(['platform_admin', 'task_force']));
    const count = inbox.length;
    await services.projects.sweepStalls();
    const again = await q(
      `select count(*)::int as n from notifications where kind = 'project_stalled' and params->>'code' = $1`,
      [p.code],
    );
    expect(again[0].n).toBe(count);
  });

  it('the task force edits the rules; a platform admin may not', async () => {
    const body = { items: [{ stage: 'lead', sizeClass: 'small', maxDays: 60, escalateAfterDays: 15 }] };
    expect((await call('platform', 'PUT', '/api/projects/stall-rules', body)).statusCode).toBe(403);
    const rules = await ok('taskforce', 'PUT', '/api/projects/stall-rules', body);
    expect(rules.items).toContainEqual(body.items[0]);
    expect(rules.items).toHaveLength(21);
  });
});

async function workbook(rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('招商项目');
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importAs(who: string, rows: Record<string, unknown>[]) {
  const { body, headers } = multipartFile(await workbook(rows), '项目.xlsx');
  const res = await call(who, 'POST', '/api/projects/import', body, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const sheetRow = (code: string, extra: Record<string, unknown> = {}) => ({
  项目编号: code,
  项目名称: `导入项目 ${code}`,
  投资方名称: '杭州某投资有限公司',
  园区: ownName,
  产业: 'new_materials',
  '总投资（万元）': 150000,
  招商方式: '产业链招商',
  线索日期: daysAgo(100),
  签约日期: thisYear(5),
  ...extra,
});

describe('Excel import', () => {
  it('the template has the columns and an example row', async () => {
    const res = await call('platform', 'GET', '/api/projects/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('招商项目')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('项目编号');
    expect(String(sheet.getRow(2).getCell(2).value)).toContain('示例');
  });

  it('by the task force: stage dates count at once', async () => {
    const r = await importAs('taskforce', [sheetRow('XM-TF-00001')]);
    expect(r).toMatchObject({
      accepted: true,
      created: 1,
      approvedChanges: 1,
      pendingChanges: 0,
      errors: [],
    });
    const [p] = await q(`select stage, stage_date::text as d from projects where code = 'XM-TF-00001'`);
    expect(p).toEqual({ stage: 'signed', d: thisYear(5) });
    // Upsert by code: the second import updates.
    const again = await importAs('taskforce', [sheetRow('XM-TF-00001', { 项目名称: '改名的导入项目' })]);
    expect(again).toMatchObject({ accepted: true, created: 0, updated: 1, approvedChanges: 0 });
    expect((await q(`select name from projects where code = 'XM-TF-00001'`))[0].name).toBe('改名的导入项目');
  });

  it('by a platform admin: stage dates are submitted for approval', async () => {
    const r = await importAs('platform', [sheetRow('XM-PA-00001')]);
    expect(r).toMatchObject({ accepted: true, created: 1, approvedChanges: 0, pendingChanges: 1 });
    const [p] = await q(
      `select p.stage, c.stage as pending, c.origin from projects p
        join project_stage_changes c on c.project_id = p.id and c.status = 'pending' where p.code = 'XM-PA-00001'`,
    );
    expect(p).toEqual({ stage: 'lead', pending: 'signed', origin: 'import' });
  });

  it('a file with a bad row changes nothing and lists the row errors', async () => {
    const r = await importAs('taskforce', [
      sheetRow('XM-BAD-00001'),
      sheetRow('XM-BAD-00002', { 园区: '不存在的园区', '总投资（万元）': 'abc' }),
    ]);
    expect(r.accepted).toBe(false);
    expect(r.created).toBe(0);
    expect(r.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, column: '总投资（万元）' })]),
    );
    expect((await q(`select count(*)::int as n from projects where code like 'XM-BAD-%'`))[0].n).toBe(0);
    const r2 = await importAs('taskforce', [sheetRow('XM-BAD-00003', { 园区: '不存在的园区' })]);
    expect(r2.errors[0]).toMatchObject({ row: 2, column: '园区' });
    expect(r2.errors[0].zh).toContain('园区不存在');
    expect((await q(`select count(*)::int as n from projects where code like 'XM-BAD-%'`))[0].n).toBe(0);
  });

  it('a platform admin cannot import another platform’s projects', async () => {
    const r = await importAs('platform', [sheetRow('XM-PA-00002', { 园区: DEMO_PLATFORMS[1]![0] })]);
    expect(r.accepted).toBe(false);
    expect(r.errors[0]).toMatchObject({ row: 2, column: '园区' });
  });

  it('exports the filtered list', async () => {
    const res = await call('platform', 'GET', '/api/projects/export?stage=signed');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('招商项目')!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain('XM-TF-00001');
    expect(codes).not.toContain('XM-PA-00001');
  });
});

describe('达产复核', () => {
  it('checks the commitments against the enterprise’s figures of the full-production year', async () => {
    const fy = YEAR - 1;
    await q(
      `insert into enterprise_years (enterprise_id, year, revenue, tax, fixed_asset_investment) values ($1, $2, 30000, 2000, 22000)`,
      [enterpriseId, fy],
    );
    const p = await ok(
      'taskforce',
      'POST',
      '/api/projects',
      project(own, {
        name: '达产项目',
        enterpriseId,
        landMu: 50,
        fixedAssetInvestment: 20_000,
        committedIntensity: 500,
        committedOutputPerMu: 800,
        committedTaxPerMu: 40,
        fullProductionYear: fy,
        leadDate: daysAgo(30),
      }),
    );
    const list = await ok('platform', 'GET', `/api/projects/commitments?year=${fy}`);
    const row = list.items.find((r: { projectId: number }) => r.projectId === p.id);
    // own land 50 亩: output 30,000 / 50 = 600 (25 % short), tax 2,000 / 50 = 40 (met);
    // intensity: reported 22,000 / project land 50 = 440 (12 % short).
    expect(row.checks).toEqual([
      { commitment: 'intensity', committed: 500, actual: 440, shortfallPct: 12, met: false },
      { commitment: 'output_per_mu', committed: 800, actual: 600, shortfallPct: 25, met: false },
      { commitment: 'tax_per_mu', committed: 40, actual: 40, shortfallPct: 0, met: true },
    ]);
    expect(row).toMatchObject({ short: true, missingFigures: false, landMu: 50 });
    expect(list.shortLandMu).toBeGreaterThanOrEqual(50);
    expect(
      (await ok('platform-other', 'GET', `/api/projects/commitments?year=${fy}`)).items.some(
        (r: { projectId: number }) => r.projectId === p.id,
      ),
    ).toBe(false);
    const detail = await ok('platform', 'GET', `/api/projects/${p.id}`);
    expect(detail.commitments).toHaveLength(3);
  });
});

describe('funnel', () => {
  it('counts reached stages with conversions', async () => {
    const f = await ok('taskforce', 'GET', '/api/projects/funnel');
    expect(f.steps[0].stage).toBe('lead');
    expect(f.steps[0].reached).toBeGreaterThanOrEqual(f.steps[2].reached);
    expect(f.steps[2].conversion).toBeCloseTo(f.steps[2].reached / f.steps[1].reached, 10);
  });
});
