import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { departments, enterprises, platforms, users } from '../../platform/db/schema';
import type { ScopeOptions, User } from './users.schemas';

/** An account as stored (the password hash included): for the service, never for a reply. */
export type UserRecord = typeof users.$inferSelect;

/** What the administrators may set on an account. */
export type UserFields = Pick<
  UserRecord,
  'displayName' | 'role' | 'platformId' | 'enterpriseId' | 'departmentId' | 'disabledAt' | 'updatedAt'
>;

/** The reply shape of an account: a lockout counts only while it lasts. */
export const userOf = (u: UserRecord, now = new Date()): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  platformId: u.platformId,
  enterpriseId: u.enterpriseId,
  departmentId: u.departmentId,
  disabled: u.disabledAt !== null,
  lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
  mustChangePassword: u.mustChangePassword,
  mfaEnabled: u.totpEnabledAt !== null,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.select().from(users).orderBy(asc(users.username))).map((u) => userOf(u));
}

/** An account by id, locked for the caller's transaction. */
export async function lockUser(tx: Tx, id: number): Promise<UserRecord | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row ?? null;
}

/** An account by login name (any case), locked for the caller's transaction. */
export async function lockUserByName(tx: Tx, username: string): Promise<UserRecord | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .for('update');
  return row ?? null;
}

export async function usernameTaken(tx: Db | Tx, username: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return rows.length > 0;
}

export async function insertUserRow(tx: Db | Tx, values: typeof users.$inferInsert): Promise<UserRecord> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function updateUserRow(tx: Tx, id: number, fields: UserFields): Promise<UserRecord> {
  const [row] = await tx.update(users).set(fields).where(eq(users.id, id)).returning();
  return row!;
}

/** Ends a lockout and forgets the failed attempts. */
export async function clearLockout(tx: Tx, id: number): Promise<UserRecord> {
  const [row] = await tx
    .update(users)
    .set({ lockedUntil: null, failedAttempts: 0 })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

/**
 * A new one-time password: valid until `expiresAt`, for one login, after which it must be changed;
 * a lockout ends with it. Who reset it and when stays on the account for its owner to see.
 */
export async function resetPasswordRow(
  tx: Tx,
  id: number,
  passwordHash: string,
  at: Date,
  reset: { by: string; expiresAt: Date },
): Promise<UserRecord> {
  const [row] = await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: at,
      lockedUntil: null,
      failedAttempts: 0,
      oneTimePasswordExpiresAt: reset.expiresAt,
      oneTimePasswordUsedAt: null,
      oneTimePasswordUsedIp: null,
      passwordResetAt: at,
      passwordResetBy: reset.by,
    })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function platformExists(tx: Db | Tx, id: number): Promise<boolean> {
  return (await tx.select({ id: platforms.id }).from(platforms).where(eq(platforms.id, id))).length > 0;
}

export async function enterpriseExists(tx: Db | Tx, id: number): Promise<boolean> {
  return (await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, id))).length > 0;
}

export async function departmentExists(tx: Db | Tx, id: number): Promise<boolean> {
  return (await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id))).length > 0;
}

export async function scopeOptions(db: Db): Promise<ScopeOptions> {
  const [p, e, d] = await Promise.all([
    db.select({ id: platforms.id, name: platforms.name }).from(platforms).orderBy(asc(platforms.name)),
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        uscc: enterprises.uscc,
        platformId: enterprises.platformId,
      })
      .from(enterprises)
      .orderBy(asc(enterprises.name))
      .limit(5000),
    db
      .select({ id: departments.id, name: departments.nameZh, nameEn: departments.nameEn })
      .from(departments)
      .orderBy(asc(departments.id)),
  ]);
  return { platforms: p, enterprises: e, departments: d };
}
