/** The authentication API contract: login, the current session, password change. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import { PERMISSIONS, ROLES } from './core/access';

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: OneOf(ROLES),
  platformId: Nullable(Type.Integer()),
  enterpriseId: Nullable(Type.Integer()),
  /** First login with a one-time password, or the password is older than the policy allows. */
  mustChangePassword: Type.Boolean(),
  /** The account has a confirmed second factor (TOTP). */
  mfaEnabled: Type.Boolean(),
  /** The role needs a second factor and none is set up yet: only enrolment is allowed. */
  mfaEnrolmentRequired: Type.Boolean(),
  /**
   * The last reset of this account's password by an administrator (who, when) and the first
   * login with the one-time password it produced (when, from where), so that a use of the
   * one-time password by someone else is visible to the owner.
   */
  passwordReset: Nullable(
    Type.Object({
      at: Type.String(),
      by: Type.String(),
      usedAt: Nullable(Type.String()),
      usedIp: Nullable(Type.String()),
    }),
  ),
  permissions: Type.Array(OneOf(PERMISSIONS)),
});
/** The logged-in account, with the permissions of its role. */
export type Me = Static<typeof MeSchema>;

export const SessionResponseSchema = Type.Object({ user: MeSchema, csrfToken: Type.String() });
/** The session's account and the token to send as X-CSRF-Token on state-changing requests. */
export type SessionResponse = Static<typeof SessionResponseSchema>;

export const MfaRequiredSchema = Type.Object({ mfaRequired: Type.Literal(true) });
/** The password was right; a second-factor code is awaited (POST /api/auth/mfa) — no session yet. */
export type MfaRequired = Static<typeof MfaRequiredSchema>;

export const LoginResponseSchema = Type.Union([SessionResponseSchema, MfaRequiredSchema]);
export type LoginResponse = Static<typeof LoginResponseSchema>;

export const MfaVerifyBodySchema = Type.Object(
  {
    /** A 6-digit code of the authenticator app, or one of the recovery codes. */
    code: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type MfaVerifyBody = Static<typeof MfaVerifyBodySchema>;

export const MfaEnrolmentSchema = Type.Object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: Type.String(),
  /** otpauth:// URI, shown as a QR code. */
  uri: Type.String(),
});
export type MfaEnrolment = Static<typeof MfaEnrolmentSchema>;

export const MfaConfirmBodySchema = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export type MfaConfirmBody = Static<typeof MfaConfirmBodySchema>;

export const RecoveryCodesSchema = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
/** Ten single-use recovery codes, shown once (stored only as hashes). */
export type RecoveryCodes = Static<typeof RecoveryCodesSchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

export const PasswordChangeBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBodySchema>;

/** Logout answers 204 with no body. */
export const NoContentSchema = Type.Null();
