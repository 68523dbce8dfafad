import { createHash, randomBytes } from 'node:crypto';
import type { SecurityConfig } from '../../platform/config';
import type { Database, Tx } from '../../platform/db/client';
import { AppError, fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import {
  deleteSession,
  deleteSessionsOf,
  findAccount,
  findAccountForLogin,
  findSession,
  insertSession,
  recordLogin,
  setLoginFailures,
  setPassword,
  touchSession,
  type Account,
} from './auth.repository';
import type { LoginBody, Me, PasswordChangeBody } from './auth.schemas';
import { permissionsOf, type Actor } from './core/access';
import {
  checkPassword,
  passwordExpired,
  passwordProblemsAsFieldErrors,
  type PasswordPolicy,
} from './core/password-policy';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords';

export { hashPassword };

/** A live session, as the request hook attaches it to a request. */
export interface SessionView {
  actor: Actor;
  me: Me;
  sessionId: string;
  csrfToken: string;
}

/** A new session: the cookie token (shown once, stored only as its hash) and the CSRF token. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  me: Me;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Ends every session of an account, inside the caller's transaction (a changed role, a disabled
 * account or a reset password must not keep old sessions).
 */
export async function endSessions(tx: Tx, userId: number): Promise<void> {
  await deleteSessionsOf(tx, userId);
}

export function policyOf(security: SecurityConfig): PasswordPolicy {
  return {
    minLength: security.passwordMinLength,
    minClasses: security.passwordMinClasses,
    maxAgeDays: security.passwordMaxAgeDays,
  };
}

export function createAuthService(
  database: Database,
  security: SecurityConfig,
  now: () => Date = () => new Date(),
) {
  const { db } = database;
  const policy = policyOf(security);

  const meOf = (u: Account): Me => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    platformId: u.platformId,
    enterpriseId: u.enterpriseId,
    mustChangePassword: u.mustChangePassword || passwordExpired(u.passwordChangedAt, now(), policy),
    permissions: [...permissionsOf(u.role)],
  });

  async function newSession(tx: Tx, userId: number, ip: string | null, userAgent: string | null) {
    const token = randomBytes(32).toString('base64url'); // 256 bits
    const csrfToken = randomBytes(24).toString('base64url');
    const at = now();
    await insertSession(tx, {
      id: sha256(token),
      userId,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + security.sessionAbsoluteHours * 3_600_000),
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  return {
    policy,

    async login(input: LoginBody & { ip: string | null; userAgent: string | null }): Promise<LoginResult> {
      const username = input.username.trim();
      const outcome = await database.transaction(async (tx) => {
        const user = await findAccountForLogin(tx, username);
        const failure = async (reason: string, extra: Record<string, unknown> = {}) => {
          await recordAudit(
            tx,
            { userId: user?.id ?? null, username, ip: input.ip },
            {
              action: 'auth.login',
              result: 'failure',
              objectType: 'user',
              objectId: user?.id,
              detail: { reason, ...extra },
            },
          );
          return null;
        };
        if (!user) {
          await burnVerifyTime(input.password);
          return failure('unknown_user');
        }
        if (user.disabledAt) {
          await burnVerifyTime(input.password);
          return failure('disabled');
        }
        if (user.lockedUntil && user.lockedUntil > now()) {
          await burnVerifyTime(input.password);
          return failure('locked', { lockedUntil: user.lockedUntil.toISOString() });
        }
        if (!(await verifyPassword(user.passwordHash, input.password))) {
          const attempts = user.failedAttempts + 1;
          const lock = attempts >= security.lockoutThreshold;
          await setLoginFailures(
            tx,
            user.id,
            lock ? 0 : attempts,
            lock ? new Date(now().getTime() + security.lockoutMinutes * 60_000) : user.lockedUntil,
          );
          return failure('wrong_password', { attempts, locked: lock });
        }
        const updated = await recordLogin(tx, user.id, now());
        const session = await newSession(tx, user.id, input.ip, input.userAgent);
        await recordAudit(
          tx,
          { userId: user.id, username: user.username, ip: input.ip },
          { action: 'auth.login', result: 'success', objectType: 'user', objectId: user.id },
        );
        return { ...session, me: meOf(updated) };
      });
      if (!outcome) throw new AppError('INVALID_CREDENTIALS');
      return outcome;
    },

    /** Resolves a cookie token to its live session, enforcing idle and absolute time-outs. */
    async resolve(token: string, ip: string | null): Promise<SessionView | null> {
      if (!token || token.length > 100) return null;
      const id = sha256(token);
      const found = await findSession(db, id);
      if (!found) return null;
      const { session, account: u } = found;
      const at = now();
      const idle = at.getTime() - session.lastSeenAt.getTime() > security.sessionIdleMinutes * 60_000;
      if (idle || at >= session.expiresAt || u.disabledAt) {
        await deleteSession(db, id);
        return null;
      }
      if (at.getTime() - session.lastSeenAt.getTime() > 15_000) await touchSession(db, id, at);
      return {
        actor: {
          userId: u.id,
          username: u.username,
          role: u.role,
          platformId: u.platformId,
          enterpriseId: u.enterpriseId,
          ip,
        },
        me: meOf(u),
        sessionId: id,
        csrfToken: session.csrfToken,
      };
    },

    async logout(view: SessionView): Promise<void> {
      await database.transaction(async (tx) => {
        await deleteSession(tx, view.sessionId);
        await recordAudit(tx, subjectOf(view.actor), {
          action: 'auth.logout',
          result: 'success',
          objectType: 'user',
          objectId: view.actor.userId,
        });
      });
    },

    /** Changes the actor's own password; every session of the user ends and a new one begins. */
    async changePassword(
      view: SessionView,
      input: PasswordChangeBody & { userAgent: string | null },
    ): Promise<LoginResult> {
      const user = await findAccount(db, view.actor.userId);
      if (!user) return fail('UNAUTHENTICATED');
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await recordAudit(db, subjectOf(view.actor), {
          action: 'auth.password_change',
          result: 'failure',
          objectType: 'user',
          objectId: user.id,
          detail: { reason: 'wrong_current_password' },
        });
        fail('VALIDATION_FAILED', [
          {
            field: 'currentPassword',
            code: 'WRONG_PASSWORD',
            zh: '当前密码不正确',
            en: 'The current password is wrong',
          },
        ]);
      }
      const problems = checkPassword(input.newPassword, user.username, policy);
      if (input.newPassword === input.currentPassword) {
        fail('VALIDATION_FAILED', [
          {
            field: 'newPassword',
            code: 'PASSWORD_UNCHANGED',
            zh: '新密码不能与当前密码相同',
            en: 'The new password must differ from the current one',
          },
        ]);
      }
      if (problems.length)
        fail('VALIDATION_FAILED', passwordProblemsAsFieldErrors('newPassword', problems, policy));
      const passwordHash = await hashPassword(input.newPassword);
      return database.transaction(async (tx) => {
        const updated = await setPassword(tx, user.id, passwordHash, now());
        await deleteSessionsOf(tx, user.id);
        const session = await newSession(tx, user.id, view.actor.ip, input.userAgent);
        await recordAudit(tx, subjectOf(view.actor), {
          action: 'auth.password_change',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
        });
        return { ...session, me: meOf(updated) };
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
