/** Account administration: the operator commands (`yiyuan user …`) and the audit rows they leave. */
import { desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../platform/db/schema';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { createUserService } from './users.service';

let database: Database;
let service: ReturnType<typeof createUserService>;
const operator = { userId: null, username: 'system:cli', ip: null };
const securityAdmin: Actor = {
  userId: 424242,
  username: 'sec',
  role: 'security_admin',
  platformId: null,
  enterpriseId: null,
  ip: '10.0.0.9',
};

beforeAll(async () => {
  database = await testDatabase();
  service = createUserService(database);
});

const lastAudit = async (action: string) =>
  (
    await database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id))
  )[0];

describe('operator commands', () => {
  it('create the first administrator with a one-time password, audited as the operator', async () => {
    const { user, oneTimePassword } = await service.operator.create(operator, {
      username: 'root-sec',
      displayName: '安全管理员',
      role: 'security_admin',
    });
    expect(user).toMatchObject({ username: 'root-sec', role: 'security_admin', mustChangePassword: true });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);
    expect(await lastAudit('user.create')).toMatchObject({
      userId: null,
      username: 'system:cli',
      objectId: String(user.id),
      result: 'success',
    });
    await expect(
      service.operator.create(operator, { username: 'ROOT-SEC', displayName: 'x', role: 'audit_admin' }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_USERNAME' });
  });

  it('list every account in the contract shape (no password hash)', async () => {
    const list = await service.operator.list();
    expect(list.map((u) => u.username)).toContain('root-sec');
    expect(Object.keys(list[0]!).sort()).toEqual(
      [
        'createdAt',
        'departmentId',
        'disabled',
        'displayName',
        'enterpriseId',
        'id',
        'lastLoginAt',
        'lockedUntil',
        'mfaEnabled',
        'mustChangePassword',
        'platformId',
        'role',
        'username',
      ].sort(),
    );
  });

  it('unlock by login name in any case, and leave an audit row', async () => {
    await database.db
      .update(users)
      .set({ failedAttempts: 3, lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.username, 'root-sec'));
    expect(
      (await service.operator.list()).find((u) => u.username === 'root-sec')?.lockedUntil,
    ).not.toBeNull();
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const unlocked = await service.operator.unlock(operator, 'Root-Sec');
    expect(unlocked).toMatchObject({ username: 'root-sec', lockedUntil: null });
    const [row] = await database.db.select().from(users).where(eq(users.username, 'root-sec'));
    expect(row).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(await lastAudit('user.unlock')).toMatchObject({
      userId: null,
      username: 'system:cli',
      objectType: 'user',
      objectId: String(unlocked!.id),
    });
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('answer null for an unknown name, and write nothing', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(await service.operator.unlock(operator, 'nobody')).toBeNull();
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('the security administrator', () => {
  it('exports the account list, recorded with the number of rows', async () => {
    const items = await service.export(securityAdmin);
    expect(items.map((u) => u.username)).toContain('root-sec');
    expect(await lastAudit('user.export')).toMatchObject({
      username: 'sec',
      ip: '10.0.0.9',
      detail: { rows: items.length },
    });
  });

  it('is the only role that may manage accounts', async () => {
    const taskForce: Actor = { ...securityAdmin, role: 'task_force' };
    await expect(service.list(taskForce)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.export(taskForce)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
