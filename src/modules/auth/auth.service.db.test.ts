import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../platform/db/schema';
import type { Database } from '../../platform/db/client';
import { testConfig, testDatabase } from '../../test/database';
import { insertUser } from '../users/users.service';
import { createAuthService, type LoginResult } from './auth.service';

let database: Database;
const security = testConfig().security;
const cli = { userId: null, username: 'test', ip: null };
let clock = new Date('2026-06-01T08:00:00Z');
const now = () => clock;

beforeAll(async () => {
  database = await testDatabase();
  await insertUser(
    database.db,
    cli,
    { username: 'Alice', displayName: 'Alice', role: 'task_force' },
    { password: 'Str0ng#Pass', mustChangePassword: false },
  );
  await insertUser(
    database.db,
    cli,
    { username: 'newbie', displayName: 'New', role: 'leader' },
    { password: 'First#Time1' },
  );
});

const login = async (username: string, password: string) =>
  (await createAuthService(database, security, now).login({
    username,
    password,
    ip: '10.0.0.1',
    userAgent: 'test',
  })) as LoginResult;

async function auditRows(action: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe('login', () => {
  it('accepts the right password, case-insensitively for the username, and audits it', async () => {
    const before = (await auditRows('auth.login')).length;
    const result = await login('alice', 'Str0ng#Pass');
    expect(result.me.username).toBe('Alice');
    expect(Buffer.from(result.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const rows = await auditRows('auth.login');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ result: 'success', username: 'Alice', ip: '10.0.0.1' });
  });

  it('gives a new session id at every login and stores only its hash', async () => {
    const a = await login('Alice', 'Str0ng#Pass');
    const b = await login('Alice', 'Str0ng#Pass');
    expect(a.token).not.toBe(b.token);
    const ids = (await database.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(ids).not.toContain(a.token);
  });

  it('answers the same for unknown users and wrong passwords, and audits both', async () => {
    const unknown = await login('nobody', 'whatever').catch((e: { code: string }) => e.code);
    const wrong = await login('Alice', 'wrong').catch((e: { code: string }) => e.code);
    expect(unknown).toBe('INVALID_CREDENTIALS');
    expect(wrong).toBe('INVALID_CREDENTIALS');
    const failures = (await auditRows('auth.login')).filter((r) => r.result === 'failure');
    expect(failures.map((r) => r.detail?.reason)).toEqual(
      expect.arrayContaining(['unknown_user', 'wrong_password']),
    );
    expect(JSON.stringify(failures)).not.toContain('whatever');
  });

  it('locks the account after 5 consecutive failures for at least 10 minutes', async () => {
    await insertUser(
      database.db,
      cli,
      { username: 'bob', displayName: 'Bob', role: 'leader' },
      { password: 'Bob#Pass123', mustChangePassword: false },
    );
    for (let i = 0; i < 5; i++)
      await expect(login('bob', 'nope')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // Even the right password is refused while locked, with the same answer.
    await expect(login('bob', 'Bob#Pass123')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const [bob] = await database.db.select().from(users).where(eq(users.username, 'bob'));
    expect(bob!.lockedUntil!.getTime() - clock.getTime()).toBeGreaterThanOrEqual(10 * 60_000);
    clock = new Date(bob!.lockedUntil!.getTime() + 1000);
    await expect(login('bob', 'Bob#Pass123')).resolves.toMatchObject({ me: { username: 'bob' } });
  });

  it('counts only consecutive failures', async () => {
    await insertUser(
      database.db,
      cli,
      { username: 'carol', displayName: 'Carol', role: 'leader' },
      { password: 'Carol#Pass1', mustChangePassword: false },
    );
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await expect(login('carol', 'nope')).rejects.toBeTruthy();
      await expect(login('carol', 'Carol#Pass1')).resolves.toBeTruthy();
    }
  });

  it('refuses disabled accounts', async () => {
    await insertUser(
      database.db,
      cli,
      { username: 'dave', displayName: 'Dave', role: 'leader' },
      { password: 'Dave#Pass1', mustChangePassword: false },
    );
    await database.db.update(users).set({ disabledAt: clock }).where(eq(users.username, 'dave'));
    await expect(login('dave', 'Dave#Pass1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes', async () => {
    const auth = createAuthService(database, security, now);
    const { token } = await login('Alice', 'Str0ng#Pass');
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect(await auth.resolve(token, null)).not.toBeNull();
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await auth.resolve(token, null)).toBeNull();
  });

  it('ends after 8 hours even when active', async () => {
    const auth = createAuthService(database, security, now);
    const { token } = await login('Alice', 'Str0ng#Pass');
    // Active every 25 minutes (never idle for 30): still valid at 7 h 55 min, gone at 8 h 20 min.
    for (let i = 0; i < 19; i++) {
      clock = new Date(clock.getTime() + 25 * 60_000);
      expect(await auth.resolve(token, null)).not.toBeNull();
    }
    clock = new Date(clock.getTime() + 25 * 60_000);
    expect(await auth.resolve(token, null)).toBeNull();
  });

  it('logout ends the session and is audited', async () => {
    const auth = createAuthService(database, security, now);
    const { token } = await login('Alice', 'Str0ng#Pass');
    const view = (await auth.resolve(token, null))!;
    await auth.logout(view);
    expect(await auth.resolve(token, null)).toBeNull();
    expect((await auditRows('auth.logout')).length).toBeGreaterThan(0);
  });

  it('disabling a user ends their sessions', async () => {
    const auth = createAuthService(database, security, now);
    const { token } = await login('Alice', 'Str0ng#Pass');
    await database.db.update(users).set({ disabledAt: clock }).where(eq(users.username, 'Alice'));
    expect(await auth.resolve(token, null)).toBeNull();
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.username, 'Alice'));
  });
});

describe('password change', () => {
  it('forces a change at first login, takes the one-time password only once, and ends the session after it', async () => {
    const auth = createAuthService(database, security, now);
    const first = await login('newbie', 'First#Time1');
    expect(first.me.mustChangePassword).toBe(true);
    await expect(login('newbie', 'First#Time1')).rejects.toMatchObject({ code: 'ONE_TIME_PASSWORD_INVALID' });
    const view = (await auth.resolve(first.token, null))!;
    await expect(
      auth.changePassword(view, { currentPassword: 'First#Time1', newPassword: 'password', userAgent: null }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const changed = await auth.changePassword(view, {
      currentPassword: 'First#Time1',
      newPassword: 'Brand-New#2026',
      userAgent: null,
    });
    expect(changed.me.mustChangePassword).toBe(false);
    expect(await auth.resolve(first.token, null)).toBeNull();
    expect(await auth.resolve(changed.token, null)).not.toBeNull();
    await expect(login('newbie', 'Brand-New#2026')).resolves.toBeTruthy();
  });

  it('requires a change once the password is older than the configured age', async () => {
    await database.db
      .update(users)
      .set({ passwordChangedAt: new Date(clock.getTime() - 91 * 86_400_000) })
      .where(eq(users.username, 'Alice'));
    const result = await login('Alice', 'Str0ng#Pass');
    expect(result.me.mustChangePassword).toBe(true);
    await database.db.update(users).set({ passwordChangedAt: clock }).where(eq(users.username, 'Alice'));
  });

  it('stores argon2id hashes, never the password', async () => {
    const [alice] = await database.db.select().from(users).where(eq(users.username, 'Alice'));
    expect(alice!.passwordHash).toMatch(/^\$argon2id\$/);
    const dump = JSON.stringify(await database.db.execute(sql`select * from audit_log`));
    expect(dump).not.toContain('Str0ng#Pass');
  });
});

describe('audit trail', () => {
  const refusal = (query: Promise<unknown>) =>
    query.then(
      () => 'allowed',
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );

  it('is append-only: the application role may not update, delete or truncate it', async () => {
    expect(await refusal(database.db.execute(sql`update audit_log set action = 'x'`))).toMatch(
      /permission denied/,
    );
    expect(await refusal(database.db.execute(sql`delete from audit_log`))).toMatch(/permission denied/);
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/permission denied/);
  });

  it('is append-only even for the schema owner: the trigger refuses updates, deletes and truncation', async () => {
    const owner = database.owner.db;
    expect(await refusal(owner.execute(sql`update audit_log set action = 'x'`))).toMatch(/append-only/);
    expect(await refusal(owner.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await refusal(owner.execute(sql`truncate audit_log`))).toMatch(/append-only/);
  });
});
