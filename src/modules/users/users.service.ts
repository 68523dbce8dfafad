import { randomBytes } from 'node:crypto';
import type { Database, Db, Tx } from '../../platform/db/client';
import { AppError, fail, type FieldError, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { endSessions, hashPassword, resetSecondFactor } from '../auth/auth.service';
import { can, ROLES, scopeProblems, type Actor, type Role } from '../auth/core/access';
import { generatePassword } from '../auth/core/password-policy';
import {
  clearLockout,
  departmentExists,
  enterpriseExists,
  insertUserRow,
  listUsers,
  lockUser,
  lockUserByName,
  platformExists,
  resetPasswordRow,
  scopeOptions,
  updateUserRow,
  userOf,
  usernameTaken,
} from './users.repository';
import type { ScopeOptions, User, UserCreate, UserPatch, UserWithPassword } from './users.schemas';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

const oneTimePassword = () => generatePassword((n) => randomBytes(n), 16);

const nameError: FieldError = {
  field: 'displayName',
  code: 'REQUIRED',
  zh: '请填写 1–50 个字符的姓名',
  en: 'Enter a name of 1–50 characters',
};
const badName = (name: string) => !name.trim() || name.length > 50;

async function scopeErrors(
  tx: Db | Tx,
  role: Role,
  platformId?: number | null,
  enterpriseId?: number | null,
  departmentId?: number | null,
) {
  const messages: Record<string, { zh: string; en: string }> = {
    platformId: {
      zh: '园区管理员必须且只能关联一个园区；服务专员可关联一个园区；其他角色不关联园区',
      en: 'Platform administrators need exactly one platform; commissioners may have one; other roles none',
    },
    enterpriseId: {
      zh: '企业用户必须且只能关联一家企业',
      en: 'Enterprise users need exactly one enterprise',
    },
    departmentId: {
      zh: '部门用户必须且只能关联一个部门',
      en: 'Department users need exactly one department',
    },
  };
  const errors: FieldError[] = scopeProblems(role, platformId, enterpriseId, departmentId).map((field) => ({
    field,
    code: 'SCOPE_MISMATCH',
    ...messages[field]!,
  }));
  if (departmentId && !(await departmentExists(tx, departmentId)))
    errors.push({
      field: 'departmentId',
      code: 'UNKNOWN_DEPARTMENT',
      zh: '部门不存在',
      en: 'Unknown department',
    });
  if (platformId && !(await platformExists(tx, platformId)))
    errors.push({ field: 'platformId', code: 'UNKNOWN_PLATFORM', zh: '园区不存在', en: 'Unknown platform' });
  if (enterpriseId && !(await enterpriseExists(tx, enterpriseId)))
    errors.push({
      field: 'enterpriseId',
      code: 'UNKNOWN_ENTERPRISE',
      zh: '企业不存在',
      en: 'Unknown enterprise',
    });
  return errors;
}

/**
 * Creates an account with a one-time password that must be changed at first login, inside the
 * caller's transaction. Used by the security administrator, by `yiyuan user create-admin` and by
 * the demo seed (which sets a known password).
 */
export async function insertUser(
  tx: Db | Tx,
  subject: AuditSubject,
  input: UserCreate,
  options: {
    password?: string;
    mustChangePassword?: boolean;
    /** When a one-time password stops working (default: 24 hours from now). */
    oneTimePasswordExpiresAt?: Date;
  } = {},
): Promise<UserWithPassword> {
  const errors: FieldError[] = [];
  if (!USERNAME_PATTERN.test(input.username))
    errors.push({
      field: 'username',
      code: 'INVALID_USERNAME',
      zh: '用户名为 3–32 位字母、数字、点、下划线或连字符，以字母或数字开头',
      en: 'Usernames are 3–32 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
    });
  if (badName(input.displayName)) errors.push(nameError);
  if (!ROLES.includes(input.role))
    errors.push({ field: 'role', code: 'UNKNOWN_ROLE', zh: '未知角色', en: 'Unknown role' });
  else
    errors.push(
      ...(await scopeErrors(tx, input.role, input.platformId, input.enterpriseId, input.departmentId)),
    );
  if (errors.length) fail('VALIDATION_FAILED', errors);
  if (await usernameTaken(tx, input.username))
    throw new AppError('DUPLICATE_USERNAME', [
      { field: 'username', code: 'DUPLICATE_USERNAME', zh: '用户名已存在', en: 'Username taken' },
    ]);
  const password = options.password ?? oneTimePassword();
  const row = await insertUserRow(tx, {
    username: input.username,
    displayName: input.displayName.trim(),
    role: input.role,
    platformId: input.platformId ?? null,
    enterpriseId: input.enterpriseId ?? null,
    departmentId: input.departmentId ?? null,
    passwordHash: await hashPassword(password),
    mustChangePassword: options.mustChangePassword ?? true,
    oneTimePasswordExpiresAt:
      (options.mustChangePassword ?? true)
        ? (options.oneTimePasswordExpiresAt ?? new Date(Date.now() + 24 * 3_600_000))
        : null,
  });
  await recordAudit(tx, subject, {
    action: 'user.create',
    result: 'success',
    objectType: 'user',
    objectId: row.id,
    detail: {
      username: row.username,
      role: row.role,
      platformId: row.platformId,
      enterpriseId: row.enterpriseId,
      departmentId: row.departmentId,
    },
  });
  return { user: userOf(row), oneTimePassword: password };
}

/** Ends a lockout (web and CLI alike), with its audit row, inside the caller's transaction. */
async function unlockAccount(tx: Tx, subject: AuditSubject, id: number): Promise<User> {
  const row = await clearLockout(tx, id);
  await recordAudit(tx, subject, {
    action: 'user.unlock',
    result: 'success',
    objectType: 'user',
    objectId: id,
  });
  return userOf(row);
}

/** Removes an account's second factor and ends its sessions, with its audit row. */
async function resetMfaOf(tx: Tx, subject: AuditSubject, id: number): Promise<User> {
  await resetSecondFactor(tx, id);
  await recordAudit(tx, subject, {
    action: 'user.mfa_reset',
    result: 'success',
    objectType: 'user',
    objectId: id,
  });
  return userOf((await lockUser(tx, id))!);
}

export function createUserService(
  database: Database,
  options: { oneTimePasswordHours: number; now?: () => Date } = { oneTimePasswordHours: 24 },
) {
  const { db } = database;
  const now = options.now ?? (() => new Date());
  const otpExpiry = () => new Date(now().getTime() + options.oneTimePasswordHours * 3_600_000);
  const require = (actor: Actor) => {
    if (!can(actor, 'user:manage')) forbidden('user:manage');
  };
  const load = async (tx: Tx, id: number) => (await lockUser(tx, id)) ?? fail('USER_NOT_FOUND');

  return {
    async list(actor: Actor): Promise<User[]> {
      require(actor);
      return listUsers(db);
    },

    /** The account list for a download, recorded in the audit trail. */
    async export(actor: Actor): Promise<User[]> {
      require(actor);
      const items = await listUsers(db);
      await recordAudit(db, subjectOf(actor), {
        action: 'user.export',
        result: 'success',
        detail: { rows: items.length },
      });
      return items;
    },

    async scopeOptions(actor: Actor): Promise<ScopeOptions> {
      require(actor);
      return scopeOptions(db);
    },

    async create(actor: Actor, input: UserCreate): Promise<UserWithPassword> {
      require(actor);
      return database.transaction((tx) =>
        insertUser(tx, subjectOf(actor), input, { oneTimePasswordExpiresAt: otpExpiry() }),
      );
    },

    async update(actor: Actor, id: number, patch: UserPatch): Promise<User> {
      require(actor);
      return database.transaction(async (tx) => {
        const current = await load(tx, id);
        const role = patch.role ?? current.role;
        const platformId =
          patch.platformId !== undefined
            ? patch.platformId
            : role === 'platform_admin'
              ? current.platformId
              : null;
        const enterpriseId =
          patch.enterpriseId !== undefined
            ? patch.enterpriseId
            : role === 'enterprise'
              ? current.enterpriseId
              : null;
        const departmentId =
          patch.departmentId !== undefined
            ? patch.departmentId
            : role === 'department'
              ? current.departmentId
              : null;
        const errors = await scopeErrors(tx, role, platformId, enterpriseId, departmentId);
        if (patch.displayName !== undefined && badName(patch.displayName)) errors.push(nameError);
        if (errors.length) fail('VALIDATION_FAILED', errors);
        if (id === actor.userId && (patch.role !== undefined || patch.disabled)) fail('FORBIDDEN');
        const disabledAt =
          patch.disabled === undefined
            ? current.disabledAt
            : patch.disabled
              ? (current.disabledAt ?? new Date())
              : null;
        const row = await updateUserRow(tx, id, {
          displayName: patch.displayName?.trim() ?? current.displayName,
          role,
          platformId: platformId ?? null,
          enterpriseId: enterpriseId ?? null,
          departmentId: departmentId ?? null,
          disabledAt,
          updatedAt: new Date(),
        });
        const roleChanged =
          role !== current.role ||
          platformId !== current.platformId ||
          enterpriseId !== current.enterpriseId ||
          departmentId !== current.departmentId;
        // A changed role or a disabled account must not keep old sessions.
        if (roleChanged || disabledAt) await endSessions(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: roleChanged
            ? 'user.role_change'
            : patch.disabled !== undefined
              ? patch.disabled
                ? 'user.disable'
                : 'user.enable'
              : 'user.update',
          result: 'success',
          objectType: 'user',
          objectId: id,
          detail: {
            before: {
              role: current.role,
              platformId: current.platformId,
              enterpriseId: current.enterpriseId,
              departmentId: current.departmentId,
              disabled: Boolean(current.disabledAt),
            },
            after: { role, platformId, enterpriseId, departmentId, disabled: Boolean(disabledAt) },
          },
        });
        return userOf(row);
      });
    },

    async unlock(actor: Actor, id: number): Promise<User> {
      require(actor);
      return database.transaction(async (tx) => {
        await load(tx, id);
        return unlockAccount(tx, subjectOf(actor), id);
      });
    },

    async resetPassword(actor: Actor, id: number): Promise<UserWithPassword> {
      require(actor);
      return database.transaction(async (tx) => {
        await load(tx, id);
        const password = oneTimePassword();
        const expiresAt = otpExpiry();
        const row = await resetPasswordRow(tx, id, await hashPassword(password), now(), {
          by: actor.username,
          expiresAt,
        });
        await endSessions(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'user.password_reset',
          result: 'success',
          objectType: 'user',
          objectId: id,
          detail: { username: row.username, expiresAt: expiresAt.toISOString() },
        });
        return { user: userOf(row), oneTimePassword: password };
      });
    },

    /** Removes a user's second factor (lost phone): they set it up again at the next login. */
    async resetMfa(actor: Actor, id: number): Promise<User> {
      require(actor);
      return database.transaction(async (tx) => {
        await load(tx, id);
        return resetMfaOf(tx, subjectOf(actor), id);
      });
    },

    /**
     * Operator commands (`yiyuan user …`): whoever runs them holds the server's database
     * configuration, so no role is checked (the first administrator is created this way); the
     * audit trail names `operator`.
     */
    operator: {
      async create(operator: AuditSubject, input: UserCreate): Promise<UserWithPassword> {
        return database.transaction((tx) =>
          insertUser(tx, operator, input, { oneTimePasswordExpiresAt: otpExpiry() }),
        );
      },

      /** Removes the second factor of the account with this login name; null when there is none. */
      async resetMfa(operator: AuditSubject, username: string): Promise<User | null> {
        return database.transaction(async (tx) => {
          const found = await lockUserByName(tx, username);
          return found ? resetMfaOf(tx, operator, found.id) : null;
        });
      },

      async list(): Promise<User[]> {
        return listUsers(db);
      },

      /** Ends the lockout of the account with this login name (any case); null when there is none. */
      async unlock(operator: AuditSubject, username: string): Promise<User | null> {
        return database.transaction(async (tx) => {
          const found = await lockUserByName(tx, username);
          return found ? unlockAccount(tx, operator, found.id) : null;
        });
      },
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
