/** Reading the audit trail: filters (days in Beijing time), pages, and the recorded export. */
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { createAuditService } from './audit.service';

let database: Database;
let audit: ReturnType<typeof createAuditService>;
const auditor: Actor = {
  userId: 7,
  username: 'auditor',
  role: 'audit_admin',
  platformId: null,
  enterpriseId: null,
  ip: '10.1.1.1',
};

beforeAll(async () => {
  database = await testDatabase();
  audit = createAuditService(database);
  await database.db.insert(auditLog).values([
    // 2026-03-01 23:30 in Beijing is still 1 March there, though 15:30 UTC.
    { at: new Date('2026-03-01T15:30:00Z'), username: 'a', action: 'auth.login', result: 'success' },
    // 2026-03-02 00:30 in Beijing: 2 March there, 1 March in UTC.
    { at: new Date('2026-03-01T16:30:00Z'), username: 'a', action: 'auth.login', result: 'failure' },
    {
      at: new Date('2026-03-02T04:00:00Z'),
      userId: 3,
      username: 'b',
      ip: '10.0.0.2',
      action: 'platform.update',
      objectType: 'platform',
      objectId: '5',
      result: 'success',
      detail: { changes: { name: ['旧', '新'] } },
    },
  ]);
});

const all = { page: 1, pageSize: 50 };

describe('list', () => {
  it('answers the contract shape, newest first', async () => {
    const page = await audit.list(auditor, all);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(page.items.map((r) => r.action)).toEqual(['platform.update', 'auth.login', 'auth.login']);
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      at: '2026-03-02T04:00:00.000Z',
      userId: 3,
      username: 'b',
      // No account 3 and no platform 5 in this database: nothing to name them by.
      actorName: null,
      ip: '10.0.0.2',
      action: 'platform.update',
      objectType: 'platform',
      objectId: '5',
      object: null,
      result: 'success',
      detail: { changes: { name: ['旧', '新'] } },
    });
  });

  it('filters by action, user, result and Beijing days', async () => {
    const count = async (q: object) => (await audit.list(auditor, { ...all, ...q })).total;
    expect(await count({ action: 'auth.login' })).toBe(2);
    expect(await count({ username: 'b' })).toBe(1);
    expect(await count({ result: 'failure' })).toBe(1);
    expect(await count({ from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(await count({ from: '2026-03-02' })).toBe(2);
    expect(await count({ to: '2026-02-28' })).toBe(0);
  });

  it('pages', async () => {
    const second = await audit.list(auditor, { page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
  });

  it('is for the audit administrator only', async () => {
    await expect(audit.list({ ...auditor, role: 'system_admin' }, all)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('export', () => {
  it('is refused to others before anything is recorded', async () => {
    await expect(audit.export({ ...auditor, role: 'task_force' }, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'audit.export'))).toEqual([]);
  });

  it('records itself with its filters, then yields the matching rows', async () => {
    const batches = await audit.export(auditor, { action: 'auth.login' });
    const [recorded] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.export'))
      .orderBy(desc(auditLog.id));
    expect(recorded).toMatchObject({
      username: 'auditor',
      ip: '10.1.1.1',
      detail: { filters: { action: 'auth.login' } },
    });
    const rows = [];
    for await (const batch of batches) rows.push(...batch);
    expect(rows.map((r) => r.result)).toEqual(['failure', 'success']);
  });
});
