/** Sessions, login attempts and lockouts, and the password of an account. */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { mfaChallenges, mfaRecoveryCodes, sessions, users } from '../../platform/db/schema';

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

/** The first login with a one-time password uses it up. */
export async function markOneTimePasswordUsed(
  tx: Tx,
  id: number,
  at: Date,
  ip: string | null,
): Promise<void> {
  await tx
    .update(users)
    .set({ oneTimePasswordUsedAt: at, oneTimePasswordUsedIp: ip })
    .where(eq(users.id, id));
}

export type ChallengeRow = typeof mfaChallenges.$inferSelect;

export async function insertChallenge(tx: Tx, row: typeof mfaChallenges.$inferInsert): Promise<void> {
  await tx.insert(mfaChallenges).values(row);
}

/** A second-factor challenge with its account, locked for the caller's transaction. */
export async function lockChallenge(
  tx: Tx,
  id: string,
): Promise<{ challenge: ChallengeRow; account: Account } | null> {
  const [row] = await tx
    .select({ challenge: mfaChallenges, account: users })
    .from(mfaChallenges)
    .innerJoin(users, eq(users.id, mfaChallenges.userId))
    .where(eq(mfaChallenges.id, id))
    .for('update');
  return row ?? null;
}

export async function setChallengeFailures(tx: Tx, id: string, failures: number): Promise<void> {
  await tx.update(mfaChallenges).set({ failures }).where(eq(mfaChallenges.id, id));
}

export async function deleteChallenge(tx: Tx, id: string): Promise<void> {
  await tx.delete(mfaChallenges).where(eq(mfaChallenges.id, id));
}

export async function setTotpPending(tx: Tx, id: number, secret: Buffer): Promise<void> {
  await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, id));
}

/** The pending secret becomes the account's second factor; its first code's step is used up. */
export async function enableTotp(tx: Tx, id: number, secret: Buffer, at: Date, step: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: at, totpLastStep: step })
    .where(eq(users.id, id));
}

export async function setTotpLastStep(tx: Tx, id: number, step: number): Promise<void> {
  await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, id));
}

/** Removes the second factor, its recovery codes and pending challenges of an account. */
export async function clearSecondFactor(tx: Tx, id: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, id));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, id));
  await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, id));
}

export async function replaceRecoveryCodes(tx: Tx, userId: number, hashes: string[]): Promise<void> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses an unused recovery code of the account; false when there is none with that hash. */
export async function useRecoveryCode(tx: Tx, userId: number, codeHash: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length > 0;
}

export async function unusedRecoveryCodes(db: Db | Tx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Disables enabled accounts whose last login (or creation, if never) is before the cutoff. */
export async function disableDormant(
  tx: Tx,
  cutoff: Date,
  at: Date,
): Promise<{ id: number; username: string; lastLoginAt: Date | null }[]> {
  return tx
    .update(users)
    .set({ disabledAt: at, updatedAt: at })
    .where(and(isNull(users.disabledAt), sql`coalesce(${users.lastLoginAt}, ${users.createdAt}) < ${cutoff}`))
    .returning({ id: users.id, username: users.username, lastLoginAt: users.lastLoginAt });
}

/** Deletes sessions past their absolute end or idle since the cutoff, and stale challenges. */
export async function purgeStaleSessions(tx: Tx, at: Date, idleCutoff: Date): Promise<number> {
  const gone = await tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, at), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ id: sessions.id });
  await tx.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, at));
  return gone.length;
}
