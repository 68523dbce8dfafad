/** The audit trail as the audit administrator reads it: actors and objects by name and code. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import type { AuditRecord } from './audit.schemas';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let enterpriseId: number;
let platformId: number;
const uscc = demoUscc('330114', 811);

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'auditor', 'platform']);
  platformId = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  const res = await call('taskforce', 'POST', '/api/enterprises', {
    uscc,
    name: '杭州审计示例科技有限公司',
    platformId,
  });
  expect(res.statusCode, res.body).toBe(201);
  enterpriseId = res.json().id;
  const before = (await call('platform', 'GET', `/api/platforms/${platformId}`)).json();
  const patched = await call('platform', 'PATCH', `/api/platforms/${platformId}`, {
    version: before.version,
    areaKm2: 12.5,
  });
  expect(patched.statusCode, patched.body).toBe(200);
});

const list = async (query: string) => {
  const res = await call('auditor', 'GET', `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as AuditRecord[];
};

describe('GET /api/audit', () => {
  it('names the object of each row by name and code, with what its page opens with', async () => {
    const [created] = await list('action=enterprise.create');
    expect(created).toMatchObject({
      objectType: 'enterprise',
      objectId: String(enterpriseId),
      object: { name: '杭州审计示例科技有限公司', code: uscc, params: { id: String(enterpriseId) } },
    });
    const [updated] = await list('action=platform.update');
    expect(updated!.object).toMatchObject({ name: expect.any(String), params: { id: String(platformId) } });
    expect(updated!.object!.name).toMatch(/\p{Script=Han}/u);
  });

  it('names the actor by display name next to the account', async () => {
    const [created] = await list('action=enterprise.create');
    expect(created).toMatchObject({ username: 'taskforce', actorName: expect.any(String) });
    expect(created!.actorName).not.toBe('');
    // An account as the object: its display name, the user name as its code.
    const logins = await list('action=auth.login&username=auditor');
    expect(logins[0]!.object).toMatchObject({ code: 'auditor', params: { q: 'auditor' } });
    expect(logins[0]!.object!.name).toBe(logins[0]!.actorName);
  });

  it('resolves a whole page of mixed objects at once, and leaves unknown objects unnamed', async () => {
    const page = await list('pageSize=100');
    expect(page.length).toBeGreaterThan(10);
    for (const row of page.filter((r) => r.objectType === 'user' && r.objectId))
      expect(row.object?.code, `row ${row.id}`).toEqual(expect.any(String));
    for (const row of page.filter((r) => !r.objectType)) expect(row.object).toBeNull();
  });

  it("filters one object's history by type and id", async () => {
    const rows = await list(`objectType=enterprise&objectId=${enterpriseId}`);
    expect(rows.map((r) => r.action)).toEqual(['enterprise.create']);
  });

  it('offers the accounts to filter by, to the audit administrator only', async () => {
    expect((await call('taskforce', 'GET', '/api/audit/actors')).statusCode).toBe(403);
    const res = await call('auditor', 'GET', '/api/audit/actors');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      expect.arrayContaining([{ username: 'taskforce', displayName: expect.any(String) }]),
    );
  });
});
