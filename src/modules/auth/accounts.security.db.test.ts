/**
 * One-time passwords (expiry, single use, the owner's notice, the audit link), dormant accounts and
 * stale sessions, with a fake clock.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { auditLog, sessions, users } from '../../platform/db/schema';
import { testConfig, testDatabase } from '../../test/database';
import { insertUser, createUserService } from '../users/users.service';
import { createAuthService, type LoginResult } from './auth.service';
import type { Actor } from './core/access';

let database: Database;
const security = testConfig().security;
const cli = { userId: null, username: 'test', ip: null };
let clock = new Date('2026-06-01T08:00:00Z');
const now = () => clock;
const hours = (n: number) => new Date(clock.getTime() + n * 3_600_000);
let secadmin: Actor;

beforeAll(async () => {
  database = await testDatabase();
  const { user } = await insertUser(
    database.db,
    cli,
    { username: 'secadmin', displayName: 'Sec', role: 'security_admin' },
    { password: 'Sec#Admin-2026', mustChangePassword: false },
  );
  secadmin = {
    userId: user.id,
    username: 'secadmin',
    role: 'security_admin',
    platformId: null,
    enterpriseId: null,
    ip: '10.9.9.9',
  };
});

const auth = () => createAuthService(database, security, now);
const usersService = () => createUserService(database, { oneTimePasswordHours: 24, now });
const login = async (username: string, password: string, ip = '10.0.0.1') =>
  (await auth().login({ username, password, ip, userAgent: 'test' })) as LoginResult;
const audits = (action: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

async function newUser(username: string) {
  const { user } = await insertUser(
    database.db,
    cli,
    { username, displayName: username, role: 'leader' },
    { password: 'Own#Password-1', mustChangePassword: false },
  );
  return user;
}

describe('one-time passwords (V6)', () => {
  it('expire after the configured hours', async () => {
    const user = await newUser('late');
    const { oneTimePassword } = await usersService().resetPassword(secadmin, user.id);
    clock = hours(24.1);
    await expect(login('late', oneTimePassword)).rejects.toMatchObject({ code: 'ONE_TIME_PASSWORD_INVALID' });
    const failure = (await audits('auth.login')).at(-1)!;
    expect(failure).toMatchObject({ result: 'failure', objectId: String(user.id) });
    expect(failure.detail).toMatchObject({ reason: 'one_time_password_invalid', expired: true });
  });

  it('work for one login, force a change, and tell the owner who reset them and when they were used', async () => {
    const user = await newUser('owner');
    const resetAt = clock;
    const { oneTimePassword } = await usersService().resetPassword(secadmin, user.id);
    const [reset] = (await audits('user.password_reset')).filter((r) => r.objectId === String(user.id));
    expect(reset).toMatchObject({ username: 'secadmin', result: 'success' });

    clock = hours(1);
    const first = await login('owner', oneTimePassword, '10.9.9.9');
    expect(first.me.mustChangePassword).toBe(true);
    expect(first.me.passwordReset).toEqual({
      at: resetAt.toISOString(),
      by: 'secadmin',
      usedAt: clock.toISOString(),
      usedIp: '10.9.9.9',
    });
    // The first login's audit row names the reset it used: the reset's author and time.
    const used = (await audits('auth.login'))
      .filter((r) => r.objectId === String(user.id) && r.result === 'success')
      .at(-1)!;
    expect(used.detail).toEqual({
      oneTimePassword: true,
      resetBy: 'secadmin',
      resetAt: resetAt.toISOString(),
    });
    expect(reset!.at.getTime()).toBeLessThanOrEqual(used.at.getTime());

    // Single use: a second login with it is refused, even within the 24 hours.
    await expect(login('owner', oneTimePassword)).rejects.toMatchObject({
      code: 'ONE_TIME_PASSWORD_INVALID',
    });

    // The owner, once back with their own password, still sees the notice.
    const view = (await auth().resolve(first.token, null))!;
    const changed = await auth().changePassword(view, {
      currentPassword: oneTimePassword,
      newPassword: 'Mine-Again#2026',
      userAgent: null,
    });
    expect(changed.me.mustChangePassword).toBe(false);
    const later = await login('owner', 'Mine-Again#2026');
    expect(later.me.passwordReset).toMatchObject({ by: 'secadmin', usedIp: '10.9.9.9' });
  });

  it('new accounts get a one-time password with the same expiry', async () => {
    const { oneTimePassword } = await usersService().create(secadmin, {
      username: 'fresh',
      displayName: 'Fresh',
      role: 'leader',
    });
    const [row] = await database.db.select().from(users).where(eq(users.username, 'fresh'));
    expect(row!.oneTimePasswordExpiresAt!.getTime() - clock.getTime()).toBe(24 * 3_600_000);
    clock = hours(25);
    await expect(login('fresh', oneTimePassword)).rejects.toMatchObject({
      code: 'ONE_TIME_PASSWORD_INVALID',
    });
  });
});

describe('dormant accounts and stale sessions (V16)', () => {
  it('disables accounts without a login for the configured days, audited, and they cannot log in', async () => {
    const idle = await newUser('idle');
    const active = await newUser('active');
    await database.db
      .update(users)
      .set({ lastLoginAt: new Date(clock.getTime() - 91 * 86_400_000) })
      .where(eq(users.id, idle.id));
    await database.db
      .update(users)
      .set({ lastLoginAt: new Date(clock.getTime() - 89 * 86_400_000) })
      .where(eq(users.id, active.id));
    const result = await auth().housekeeping();
    expect(result.disabled).toContain('idle');
    expect(result.disabled).not.toContain('active');
    const [row] = await database.db.select().from(users).where(eq(users.id, idle.id));
    expect(row!.disabledAt).toEqual(clock);
    const rows = (await audits('user.disable_dormant')).filter((r) => r.objectId === String(idle.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'system', result: 'success' });
    await expect(login('idle', 'Own#Password-1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(login('active', 'Own#Password-1')).resolves.toBeTruthy();
  });

  it('never disables anyone with 0 days', async () => {
    const sleeper = await newUser('sleeper');
    await database.db
      .update(users)
      .set({ lastLoginAt: new Date(clock.getTime() - 3000 * 86_400_000) })
      .where(eq(users.id, sleeper.id));
    const off = createAuthService(database, { ...security, dormantDays: 0 }, now);
    expect((await off.housekeeping()).disabled).not.toContain('sleeper');
  });

  it('purges idle and expired sessions and records how many', async () => {
    const user = await newUser('sessions');
    const { token } = await login('sessions', 'Own#Password-1');
    const live = await login('sessions', 'Own#Password-1');
    const count = async () =>
      (await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).length;
    expect(await count()).toBe(2);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await auth().resolve(live.token, null)).toBeNull();
    // Nobody came back with `token`: only the periodic job can remove it.
    const result = await auth().housekeeping();
    expect(result.sessionsPurged).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(0);
    expect(token).toBeTruthy();
    const purge = (await audits('auth.sessions_purge')).at(-1)!;
    expect(purge.detail).toMatchObject({ sessions: result.sessionsPurged });
  });
});
