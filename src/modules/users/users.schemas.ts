/** The account administration API contract (security administrator). */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import { ROLES } from '../auth/core/access';

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: OneOf(ROLES),
    platformId: Nullable(Type.Integer()),
    enterpriseId: Nullable(Type.Integer()),
    departmentId: Nullable(Type.Integer()),
    disabled: Type.Boolean(),
    /** Set while a lockout after repeated failed logins lasts (ISO 8601). */
    lockedUntil: Nullable(Type.String()),
    mustChangePassword: Type.Boolean(),
    /** A second factor (TOTP) is set up. */
    mfaEnabled: Type.Boolean(),
    lastLoginAt: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'User' },
);
/** An account as administrators see it (never its password hash). */
export type User = Static<typeof UserSchema>;

export const UserListSchema = Type.Object({ items: Type.Array(UserSchema) });
export type UserList = Static<typeof UserListSchema>;

export const UserWithPasswordSchema = Type.Object({ user: UserSchema, oneTimePassword: Type.String() });
/** A created or reset account with its one-time password (shown once, changed at first login). */
export type UserWithPassword = Static<typeof UserWithPasswordSchema>;

const ScopeId = Nullable(Type.Integer({ minimum: 1 }));

export const UserCreateSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.String({ maxLength: 100 }),
    role: OneOf(ROLES),
    platformId: Type.Optional(ScopeId),
    enterpriseId: Type.Optional(ScopeId),
    departmentId: Type.Optional(ScopeId),
  },
  { additionalProperties: false },
);
/** A new account: platform administrators need a platform, enterprise users an enterprise. */
export type UserCreate = Static<typeof UserCreateSchema>;

export const UserPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(OneOf(ROLES)),
    platformId: Type.Optional(ScopeId),
    enterpriseId: Type.Optional(ScopeId),
    departmentId: Type.Optional(ScopeId),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatchSchema>;

export const ScopeOptionsSchema = Type.Object({
  platforms: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  enterprises: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      uscc: Type.String(),
      platformId: Type.Integer(),
    }),
  ),
  departments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: Type.String() })),
});
/** The platforms, enterprises and departments an account can be scoped to. */
export type ScopeOptions = Static<typeof ScopeOptionsSchema>;
