import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { enterprises, platforms, sessions, users } from '../../platform/db/schema';
import { ROLES, type Role } from '../auth/core/access';
import { AppError, fail, type FieldError } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, scopeProblems, type Actor } from '../auth/core/access';
import { generatePassword } from '../auth/core/password-policy';
import { hashPassword } from '../auth/passwords';

type UserRow = typeof users.$inferSelect;

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  platformId: number | null;
  enterpriseId: number | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  platformId?: number | null;
  enterpriseId?: number | null;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  platformId?: number | null;
  enterpriseId?: number | null;
  disabled?: boolean;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

export const viewOf = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  platformId: u.platformId,
  enterpriseId: u.enterpriseId,
  disabled: u.disabledAt !== null,
  lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
  mustChangePassword: u.mustChangePassword,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

const oneTimePassword = () => generatePassword((n) => randomBytes(n), 16);

async function scopeErrors(
  tx: Db | Tx,
  role: Role,
  platformId?: number | null,
  enterpriseId?: number | null,
) {
  const errors: FieldError[] = scopeProblems(role, platformId, enterpriseId).map((field) => ({
    field,
    code: 'SCOPE_MISMATCH',
    zh: field === 'platformId' ? '园区管理员必须且只能关联一个园区' : '企业用户必须且只能关联一家企业',
    en:
      field === 'platformId'
        ? 'Platform administrators need exactly one platform'
        : 'Enterprise users need exactly one enterprise',
  }));
  if (
    platformId &&
    !(await tx.select({ id: platforms.id }).from(platforms).where(eq(platforms.id, platformId))).length
  )
    errors.push({ field: 'platformId', code: 'UNKNOWN_PLATFORM', zh: '园区不存在', en: 'Unknown platform' });
  if (
    enterpriseId &&
    !(await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId)))
      .length
  )
    errors.push({
      field: 'enterpriseId',
      code: 'UNKNOWN_ENTERPRISE',
      zh: '企业不存在',
      en: 'Unknown enterprise',
    });
  return errors;
}

/**
 * Creates an account with a one-time password that must be changed at first login. Used by the
 * security administrator, by `yiyuan user create-admin` (subject: the CLI) and by the demo seed.
 */
export async function insertUser(
  tx: Db | Tx,
  subject: AuditSubject,
  input: NewUser,
  options: { password?: string; mustChangePassword?: boolean } = {},
): Promise<{ user: UserView; oneTimePassword: string }> {
  const errors: FieldError[] = [];
  if (!USERNAME_PATTERN.test(input.username))
    errors.push({
      field: 'username',
      code: 'INVALID_USERNAME',
      zh: '用户名为 3–32 位字母、数字、点、下划线或连字符，以字母或数字开头',
      en: 'Usernames are 3–32 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
    });
  if (!input.displayName.trim() || input.displayName.length > 50)
    errors.push({
      field: 'displayName',
      code: 'REQUIRED',
      zh: '请填写 1–50 个字符的姓名',
      en: 'Enter a name of 1–50 characters',
    });
  if (!ROLES.includes(input.role))
    errors.push({ field: 'role', code: 'UNKNOWN_ROLE', zh: '未知角色', en: 'Unknown role' });
  else errors.push(...(await scopeErrors(tx, input.role, input.platformId, input.enterpriseId)));
  if (errors.length) fail('VALIDATION_FAILED', errors);
  const taken = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (taken.length)
    throw new AppError('DUPLICATE_USERNAME', [
      { field: 'username', code: 'DUPLICATE_USERNAME', zh: '用户名已存在', en: 'Username taken' },
    ]);
  const password = options.password ?? oneTimePassword();
  const [row] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      platformId: input.platformId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChangePassword ?? true,
    })
    .returning();
  await recordAudit(tx, subject, {
    action: 'user.create',
    result: 'success',
    objectType: 'user',
    objectId: row!.id,
    detail: {
      username: row!.username,
      role: row!.role,
      platformId: row!.platformId,
      enterpriseId: row!.enterpriseId,
    },
  });
  return { user: viewOf(row!), oneTimePassword: password };
}

export function createUserService(db: Db) {
  const require = (actor: Actor) => {
    if (!can(actor, 'user:manage')) fail('FORBIDDEN');
  };
  const load = async (tx: Db | Tx, id: number) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    return row ?? fail('USER_NOT_FOUND');
  };

  return {
    async list(actor: Actor): Promise<UserView[]> {
      require(actor);
      return (await db.select().from(users).orderBy(asc(users.username))).map(viewOf);
    },

    async scopeOptions(actor: Actor) {
      require(actor);
      const [p, e] = await Promise.all([
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
      ]);
      return { platforms: p, enterprises: e };
    },

    async create(actor: Actor, input: NewUser) {
      require(actor);
      return db.transaction((tx) => insertUser(tx, subjectOf(actor), input));
    },

    async update(actor: Actor, id: number, patch: UserPatch): Promise<UserView> {
      require(actor);
      return db.transaction(async (tx) => {
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
        const errors = await scopeErrors(tx, role, platformId, enterpriseId);
        if (patch.displayName !== undefined && (!patch.displayName.trim() || patch.displayName.length > 50))
          errors.push({
            field: 'displayName',
            code: 'REQUIRED',
            zh: '请填写 1–50 个字符的姓名',
            en: 'Enter a name of 1–50 characters',
          });
        if (errors.length) fail('VALIDATION_FAILED', errors);
        if (id === actor.userId && (patch.role !== undefined || patch.disabled)) fail('FORBIDDEN');
        const disabledAt =
          patch.disabled === undefined
            ? current.disabledAt
            : patch.disabled
              ? (current.disabledAt ?? new Date())
              : null;
        const [row] = await tx
          .update(users)
          .set({
            displayName: patch.displayName?.trim() ?? current.displayName,
            role,
            platformId: platformId ?? null,
            enterpriseId: enterpriseId ?? null,
            disabledAt,
            updatedAt: new Date(),
          })
          .where(eq(users.id, id))
          .returning();
        const roleChanged =
          role !== current.role || platformId !== current.platformId || enterpriseId !== current.enterpriseId;
        // A changed role or a disabled account must not keep old sessions.
        if (roleChanged || disabledAt) await tx.delete(sessions).where(eq(sessions.userId, id));
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
              disabled: Boolean(current.disabledAt),
            },
            after: { role, platformId, enterpriseId, disabled: Boolean(disabledAt) },
          },
        });
        return viewOf(row!);
      });
    },

    async unlock(actor: Actor, id: number): Promise<UserView> {
      require(actor);
      return db.transaction(async (tx) => {
        await load(tx, id);
        const [row] = await tx
          .update(users)
          .set({ lockedUntil: null, failedAttempts: 0 })
          .where(eq(users.id, id))
          .returning();
        await recordAudit(tx, subjectOf(actor), {
          action: 'user.unlock',
          result: 'success',
          objectType: 'user',
          objectId: id,
        });
        return viewOf(row!);
      });
    },

    async resetPassword(actor: Actor, id: number) {
      require(actor);
      return db.transaction(async (tx) => {
        await load(tx, id);
        const password = oneTimePassword();
        const [row] = await tx
          .update(users)
          .set({
            passwordHash: await hashPassword(password),
            mustChangePassword: true,
            passwordChangedAt: new Date(),
            lockedUntil: null,
            failedAttempts: 0,
          })
          .where(eq(users.id, id))
          .returning();
        await tx.delete(sessions).where(eq(sessions.userId, id));
        await recordAudit(tx, subjectOf(actor), {
          action: 'user.password_reset',
          result: 'success',
          objectType: 'user',
          objectId: id,
        });
        return { user: viewOf(row!), oneTimePassword: password };
      });
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
