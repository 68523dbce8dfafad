/** System status, and the operator's backup and restore (`yiyuan db …`) with their audit rows. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { insertUser } from '../users/users.service';
import { createSystemService } from './system.service';

let source: Database;
let target: Database;
let dir: string;
const operator = { userId: null, username: 'system:cli', ip: null };
const actor = (role: Actor['role']): Actor => ({
  userId: 1,
  username: role,
  role,
  platformId: null,
  enterpriseId: null,
  ip: null,
});

beforeAll(async () => {
  source = await testDatabase();
  target = await testDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-system-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const lastAudit = async (database: Database, action: string) =>
  (
    await database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id))
  )[0];

describe('status', () => {
  it('is for the system administrator only, and counts what is stored', async () => {
    const system = createSystemService(source);
    await expect(system.status(actor('task_force'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const status = await system.status(actor('system_admin'));
    expect(status).toMatchObject({ database: { mode: 'external' }, counts: { users: 0, sessions: 0 } });
    expect(status.migrations).toBeGreaterThan(0);
    expect(await system.health()).toMatchObject({ status: 'ok', database: 'up' });
  });
});

describe('backup and restore (operator)', () => {
  it('record each in the audit trail under the operator, with the file name only', async () => {
    const system = createSystemService(source);
    expect(await system.hasAccounts()).toBe(false);
    await insertUser(source.db, operator, { username: 'keeper', displayName: 'Keeper', role: 'leader' });
    expect(await system.hasAccounts()).toBe(true);

    const file = path.join(dir, 'nightly.yiyuan.gz');
    const written = await system.backup(operator, file);
    expect(written.tables.find((t) => t.name === 'users')?.rows).toBe(1);
    expect(await lastAudit(source, 'db.backup')).toMatchObject({
      userId: null,
      username: 'system:cli',
      result: 'success',
      detail: { file: 'nightly.yiyuan.gz' },
    });

    const restoring = createSystemService(target);
    expect(await restoring.hasAccounts()).toBe(false);
    await restoring.restore(operator, file);
    expect(await restoring.hasAccounts()).toBe(true);
    expect(await lastAudit(target, 'db.restore')).toMatchObject({
      username: 'system:cli',
      detail: { file: 'nightly.yiyuan.gz' },
    });
  });
});
