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
  permissions: Type.Array(OneOf(PERMISSIONS)),
});
/** The logged-in account, with the permissions of its role. */
export type Me = Static<typeof MeSchema>;

export const SessionResponseSchema = Type.Object({ user: MeSchema, csrfToken: Type.String() });
/** The session's account and the token to send as X-CSRF-Token on state-changing requests. */
export type SessionResponse = Static<typeof SessionResponseSchema>;

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
