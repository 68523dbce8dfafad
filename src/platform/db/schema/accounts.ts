import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, enterprises } from './enterprises';
import { platforms } from './platforms';
import { departments } from './requests';
import type { Role } from '../../../modules/auth/core/access';

/**
 * One role per account: the three MLPS administrator roles can therefore never be combined.
 * A one-time password (new account, reset) expires and works for one login; who reset it and when
 * that login happened stay on the account for its owner to see. The TOTP second factor: the
 * confirmed secret, one awaiting confirmation, and the last time step used (a code works once).
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    platformId: integer('platform_id').references(() => platforms.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** A department user's department (部门用户). */
    departmentId: integer('department_id').references(() => departments.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    oneTimePasswordExpiresAt: timestamp('one_time_password_expires_at', { withTimezone: true }),
    oneTimePasswordUsedAt: timestamp('one_time_password_used_at', { withTimezone: true }),
    oneTimePasswordUsedIp: text('one_time_password_used_ip'),
    passwordResetAt: timestamp('password_reset_at', { withTimezone: true }),
    passwordResetBy: text('password_reset_by'),
    /** The TOTP secret (and one being set up), sealed like personal information (SM4 + HMAC-SM3). */
    totpSecret: bytea('totp_secret_sealed'),
    totpPendingSecret: bytea('totp_pending_secret_sealed'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_lower_unique').on(sql`lower(${t.username})`),
    check(
      'users_role_valid',
      sql`${t.role} in ('task_force','leader','platform_admin','commissioner','enterprise','department','system_admin','security_admin','audit_admin')`,
    ),
    // A platform admin has a platform; a service commissioner may have one (its platform's own).
    check(
      'users_platform_scope',
      sql`(${t.role} = 'platform_admin' and ${t.platformId} is not null) or (${t.role} <> 'platform_admin' and (${t.role} = 'commissioner' or ${t.platformId} is null))`,
    ),
    check('users_enterprise_scope', sql`(${t.role} = 'enterprise') = (${t.enterpriseId} is not null)`),
    check('users_department_scope', sql`(${t.role} = 'department') = (${t.departmentId} is not null)`),
  ],
);

/** Server-side sessions; `id` is the SHA-256 of the cookie token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Recovery codes of the second factor: SHA-256 of each (they are random), each used once. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * A login whose password was right and whose second factor is awaited: no session exists yet.
 * `id` is the SHA-256 of the challenge cookie's token.
 */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(0),
    ip: text('ip'),
  },
  (t) => [index('mfa_challenges_user_idx').on(t.userId)],
);
