/** Sessions, login attempts and lockouts, and the password of an account. */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { sessions, users } from '../../platform/db/schema';

/** An account as authentication sees it (password hash and lockout state included). */
export type Account = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** The account of a login name (any case), locked for the login's transaction. */
export async function findAccountForLogin(tx: Tx, username: string): Promise<Account | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .for('update');
  return row ?? null;
}

export async function findAccount(db: Db | Tx, id: number): Promise<Account | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** A failed login: the count of consecutive failures, and the lockout it may start. */
export async function setLoginFailures(
  tx: Tx,
  id: number,
  failedAttempts: number,
  lockedUntil: Date | null,
): Promise<void> {
  await tx.update(users).set({ failedAttempts, lockedUntil }).where(eq(users.id, id));
}

/** A successful login clears the failures and any lockout. */
export async function recordLogin(tx: Tx, id: number, at: Date): Promise<Account> {
  const [row] = await tx
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function setPassword(tx: Tx, id: number, passwordHash: string, at: Date): Promise<Account> {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: at, updatedAt: at })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function insertSession(tx: Tx, session: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(session);
}

/** A session by its id (the token's hash) with its account. */
export async function findSession(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; account: Account } | null> {
  const [row] = await db
    .select({ session: sessions, account: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  return row ?? null;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db | Tx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOf(tx: Db | Tx, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
