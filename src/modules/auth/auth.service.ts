import { openTotpSecret, sealTotpSecret, type PiKeyRing } from '../../platform/crypto/personal-info';
import { createHash, randomBytes } from 'node:crypto';
import type { SecurityConfig } from '../../platform/config';
import type { Database, Tx } from '../../platform/db/client';
import { AppError, fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import {
  clearSecondFactor,
  deleteChallenge,
  deleteSession,
  deleteSessionsOf,
  disableDormant,
  enableTotp,
  findAccount,
  findAccountForLogin,
  findSession,
  insertChallenge,
  insertSession,
  lockChallenge,
  markOneTimePasswordUsed,
  purgeStaleSessions,
  recordLogin,
  replaceRecoveryCodes,
  setChallengeFailures,
  setLoginFailures,
  setPassword,
  setTotpLastStep,
  setTotpPending,
  touchSession,
  useRecoveryCode,
  type Account,
} from './auth.repository';
import type { LoginBody, Me, MfaEnrolment, PasswordChangeBody, RecoveryCodes } from './auth.schemas';
import {
  base32Decode,
  base32Encode,
  normaliseRecoveryCode,
  otpauthUri,
  recoveryCode,
  verifyTotp,
} from './core/totp';
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

/** The password was right and a second factor is awaited: the challenge cookie's token. */
export interface MfaPending {
  mfaChallenge: string;
}

export type LoginOutcome = LoginResult | MfaPending;

/** How long the second factor may take after the password (minutes). */
export const MFA_CHALLENGE_MINUTES = 5;
/** Failed codes per challenge before it ends (the password must be given again). */
export const MFA_CHALLENGE_FAILURES = 5;
export const TOTP_ISSUER = '一园 Yiyuan';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Ends every session of an account, inside the caller's transaction (a changed role, a disabled
 * account or a reset password must not keep old sessions).
 */
export async function endSessions(tx: Tx, userId: number): Promise<void> {
  await deleteSessionsOf(tx, userId);
}

/**
 * Removes an account's second factor (recovery codes and pending challenges included) and ends its
 * sessions, inside the caller's transaction; the caller records the audit row.
 */
export async function resetSecondFactor(tx: Tx, userId: number): Promise<void> {
  await clearSecondFactor(tx, userId);
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
  /** The personal-information key ring, which seals the TOTP secrets (read when first needed). */
  keys: () => PiKeyRing = () => {
    throw new Error('The TOTP secrets need the personal-information key ring');
  },
) {
  const { db } = database;
  const policy = policyOf(security);
  const mfaRoles = security.mfaRoles ?? [];

  const meOf = (u: Account): Me => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    platformId: u.platformId,
    enterpriseId: u.enterpriseId,
    mustChangePassword: u.mustChangePassword || passwordExpired(u.passwordChangedAt, now(), policy),
    mfaEnabled: u.totpEnabledAt !== null,
    mfaEnrolmentRequired: u.totpEnabledAt === null && mfaRoles.includes(u.role),
    passwordReset:
      u.passwordResetAt && u.passwordResetBy
        ? {
            at: u.passwordResetAt.toISOString(),
            by: u.passwordResetBy,
            usedAt: u.oneTimePasswordUsedAt?.toISOString() ?? null,
            usedIp: u.oneTimePasswordUsedIp,
          }
        : null,
    permissions: [...permissionsOf(u.role)],
  });

  /** What a login's audit row says about a one-time password it used (links it to the reset). */
  const oneTimeDetail = (u: Account) =>
    u.mustChangePassword
      ? {
          oneTimePassword: true,
          resetBy: u.passwordResetBy,
          resetAt: u.passwordResetAt?.toISOString() ?? null,
        }
      : {};

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

    async login(input: LoginBody & { ip: string | null; userAgent: string | null }): Promise<LoginOutcome> {
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
          return reason === 'one_time_password_invalid' ? ('ONE_TIME_PASSWORD_INVALID' as const) : null;
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
        if (user.mustChangePassword) {
          // A one-time password works for one login, and only until it expires.
          const expired = user.oneTimePasswordExpiresAt !== null && user.oneTimePasswordExpiresAt <= now();
          if (user.oneTimePasswordUsedAt || expired)
            return failure('one_time_password_invalid', {
              ...oneTimeDetail(user),
              usedAt: user.oneTimePasswordUsedAt?.toISOString() ?? null,
              expired,
            });
          await markOneTimePasswordUsed(tx, user.id, now(), input.ip);
        }
        if (user.totpEnabledAt) {
          // Right password, second factor awaited: a challenge, no session.
          const token = randomBytes(32).toString('base64url');
          await insertChallenge(tx, {
            id: sha256(token),
            userId: user.id,
            createdAt: now(),
            expiresAt: new Date(now().getTime() + MFA_CHALLENGE_MINUTES * 60_000),
            ip: input.ip,
          });
          await recordAudit(
            tx,
            { userId: user.id, username: user.username, ip: input.ip },
            {
              action: 'auth.login',
              result: 'success',
              objectType: 'user',
              objectId: user.id,
              detail: { stage: 'password', secondFactor: 'required', ...oneTimeDetail(user) },
            },
          );
          return { mfaChallenge: token };
        }
        const updated = await recordLogin(tx, user.id, now());
        const session = await newSession(tx, user.id, input.ip, input.userAgent);
        await recordAudit(
          tx,
          { userId: user.id, username: user.username, ip: input.ip },
          {
            action: 'auth.login',
            result: 'success',
            objectType: 'user',
            objectId: user.id,
            ...(user.mustChangePassword ? { detail: oneTimeDetail(user) } : {}),
          },
        );
        return { ...session, me: meOf(updated) };
      });
      if (outcome === 'ONE_TIME_PASSWORD_INVALID') throw new AppError('ONE_TIME_PASSWORD_INVALID');
      if (!outcome) throw new AppError('INVALID_CREDENTIALS');
      return outcome;
    },

    /**
     * The second step of a login: a TOTP code (each works once) or an unused recovery code. Five
     * wrong codes end the challenge; consecutive failures count towards the account's lockout.
     */
    async verifySecondFactor(input: {
      challenge: string;
      code: string;
      ip: string | null;
      userAgent: string | null;
    }): Promise<LoginResult> {
      if (!input.challenge || input.challenge.length > 100) return fail('UNAUTHENTICATED');
      const id = sha256(input.challenge);
      const outcome = await database.transaction(async (tx) => {
        const found = await lockChallenge(tx, id);
        if (!found) return 'UNAUTHENTICATED' as const;
        const { challenge, account: user } = found;
        const subject = { userId: user.id, username: user.username, ip: input.ip };
        const at = now();
        if (challenge.expiresAt <= at || user.disabledAt || !user.totpSecret) {
          await deleteChallenge(tx, id);
          return 'UNAUTHENTICATED' as const;
        }
        if (user.lockedUntil && user.lockedUntil > at) {
          await deleteChallenge(tx, id);
          await recordAudit(tx, subject, {
            action: 'auth.mfa',
            result: 'failure',
            objectType: 'user',
            objectId: user.id,
            detail: { reason: 'locked' },
          });
          return 'MFA_CODE_INVALID' as const;
        }
        const code = input.code.replace(/\s/g, '');
        let method: 'totp' | 'recovery_code' | null = null;
        if (/^\d{6}$/.test(code)) {
          const step = verifyTotp(
            base32Decode(openTotpSecret(keys(), user.totpSecret)),
            code,
            at.getTime(),
            user.totpLastStep,
          );
          if (step !== null) {
            await setTotpLastStep(tx, user.id, step);
            method = 'totp';
          }
        } else if (await useRecoveryCode(tx, user.id, sha256(normaliseRecoveryCode(code)), at)) {
          method = 'recovery_code';
        }
        if (!method) {
          const failures = challenge.failures + 1;
          const attempts = user.failedAttempts + 1;
          const lock = attempts >= security.lockoutThreshold;
          await setLoginFailures(
            tx,
            user.id,
            lock ? 0 : attempts,
            lock ? new Date(at.getTime() + security.lockoutMinutes * 60_000) : user.lockedUntil,
          );
          if (failures >= MFA_CHALLENGE_FAILURES || lock) await deleteChallenge(tx, id);
          else await setChallengeFailures(tx, id, failures);
          await recordAudit(tx, subject, {
            action: 'auth.mfa',
            result: 'failure',
            objectType: 'user',
            objectId: user.id,
            detail: { reason: 'wrong_code', failures, attempts, locked: lock },
          });
          return 'MFA_CODE_INVALID' as const;
        }
        await deleteChallenge(tx, id);
        const updated = await recordLogin(tx, user.id, at);
        const session = await newSession(tx, user.id, input.ip, input.userAgent);
        await recordAudit(tx, subject, {
          action: 'auth.mfa',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
          detail: { method },
        });
        return { ...session, me: meOf(updated) };
      });
      if (typeof outcome === 'string') throw new AppError(outcome);
      return outcome;
    },

    /** Starts (or restarts) the set-up of an authenticator app: a new secret awaiting a first code. */
    async startEnrolment(view: SessionView): Promise<MfaEnrolment> {
      return database.transaction(async (tx) => {
        const user = (await findAccount(tx, view.actor.userId)) ?? fail('UNAUTHENTICATED');
        if (user.totpEnabledAt) fail('MFA_ALREADY_ENABLED');
        const secret = base32Encode(randomBytes(20));
        await setTotpPending(tx, user.id, sealTotpSecret(keys(), secret));
        await recordAudit(tx, subjectOf(view.actor), {
          action: 'auth.mfa_enrol_start',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
        });
        return { secret, uri: otpauthUri(TOTP_ISSUER, user.username, secret) };
      });
    },

    /** Confirms the set-up with a first code; answers ten recovery codes, shown only now. */
    async confirmEnrolment(view: SessionView, code: string): Promise<RecoveryCodes> {
      const outcome = await database.transaction(async (tx) => {
        const user = (await findAccount(tx, view.actor.userId)) ?? fail('UNAUTHENTICATED');
        if (user.totpEnabledAt) fail('MFA_ALREADY_ENABLED');
        const pending = user.totpPendingSecret ?? fail('MFA_NOT_STARTED');
        const step = verifyTotp(base32Decode(openTotpSecret(keys(), pending)), code, now().getTime(), null);
        if (step === null) {
          await recordAudit(tx, subjectOf(view.actor), {
            action: 'auth.mfa_enrol',
            result: 'failure',
            objectType: 'user',
            objectId: user.id,
            detail: { reason: 'wrong_code' },
          });
          return null;
        }
        await enableTotp(tx, user.id, pending, now(), step);
        const codes = Array.from({ length: 10 }, () => recoveryCode(randomBytes(12)));
        await replaceRecoveryCodes(
          tx,
          user.id,
          codes.map((c) => sha256(normaliseRecoveryCode(c))),
        );
        await recordAudit(tx, subjectOf(view.actor), {
          action: 'auth.mfa_enrol',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
        });
        return { recoveryCodes: codes };
      });
      return outcome ?? fail('MFA_CODE_INVALID');
    },

    /**
     * Housekeeping (at start and periodically): disables accounts without a login for
     * `dormantDays` and deletes stale sessions and challenges; both audited.
     */
    async housekeeping(): Promise<{ disabled: string[]; sessionsPurged: number }> {
      const at = now();
      return database.transaction(async (tx) => {
        const system = { userId: null, username: 'system', ip: null };
        let disabled: { id: number; username: string; lastLoginAt: Date | null }[] = [];
        if (security.dormantDays > 0) {
          disabled = await disableDormant(tx, new Date(at.getTime() - security.dormantDays * 86_400_000), at);
          for (const u of disabled) {
            await deleteSessionsOf(tx, u.id);
            await recordAudit(tx, system, {
              action: 'user.disable_dormant',
              result: 'success',
              objectType: 'user',
              objectId: u.id,
              detail: {
                username: u.username,
                lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
                dormantDays: security.dormantDays,
              },
            });
          }
        }
        const sessionsPurged = await purgeStaleSessions(
          tx,
          at,
          new Date(at.getTime() - security.sessionIdleMinutes * 60_000),
        );
        if (sessionsPurged > 0)
          await recordAudit(tx, system, {
            action: 'auth.sessions_purge',
            result: 'success',
            detail: { sessions: sessionsPurged },
          });
        return { disabled: disabled.map((u) => u.username), sessionsPurged };
      });
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
          departmentId: u.departmentId,
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
