import { Type } from '@fastify/type-provider-typebox';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { ROLES, type Role } from '../auth/core/access';
import { actorOf, errorResponses, IdParams, Nullable, type App, type RouteDeps } from '../../platform/http';
import { ROLE_NAMES } from '../auth/core/access';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { UserView } from './users.service';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r as Role)));
const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.String(),
    platformId: Nullable(Type.Integer()),
    enterpriseId: Nullable(Type.Integer()),
    disabled: Type.Boolean(),
    lockedUntil: Nullable(Type.String()),
    mustChangePassword: Type.Boolean(),
    lastLoginAt: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'User' },
);
const WithPassword = Type.Object({ user: UserSchema, oneTimePassword: Type.String() });

export function userRoutes(app: App, { services }: RouteDeps) {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List accounts / 用户列表',
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.users.list(actorOf(request)) }),
  );

  app.get(
    '/api/users/export.xlsx',
    { schema: { tags, summary: 'Export the account list as .xlsx / 导出用户列表' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const items = await services.users.list(actor);
      await services.audit.record(actor, {
        action: 'user.export',
        result: 'success',
        detail: { rows: items.length },
      });
      return sendWorkbook(
        reply,
        datedName('用户列表'),
        streamWorkbook<UserView>(
          {
            name: '用户列表',
            columns: [
              { header: '用户名', value: (u) => u.username },
              { header: '姓名', value: (u) => u.displayName },
              { header: '角色', width: 18, value: (u) => ROLE_NAMES[u.role].zh },
              { header: '园区 ID', value: (u) => u.platformId },
              { header: '企业 ID', value: (u) => u.enterpriseId },
              { header: '状态', value: (u) => (u.disabled ? '已停用' : u.lockedUntil ? '已锁定' : '正常') },
              { header: '须修改密码', value: (u) => (u.mustChangePassword ? '是' : '否') },
              { header: '最近登录（UTC）', width: 22, value: (u) => u.lastLoginAt },
              { header: '创建时间（UTC）', width: 22, value: (u) => u.createdAt },
            ],
          },
          once(items),
        ),
      );
    },
  );

  app.get(
    '/api/users/scope-options',
    {
      schema: {
        tags,
        summary: 'Platforms and enterprises an account can be scoped to / 可关联的园区与企业',
        response: {
          200: Type.Object({
            platforms: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
            enterprises: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                uscc: Type.String(),
                platformId: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.users.scopeOptions(actorOf(request)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account with a one-time password / 新建用户',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            displayName: Type.String({ maxLength: 100 }),
            role: RoleSchema,
            platformId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            enterpriseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithPassword, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.users.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, role, scope or status / 修改用户',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            platformId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            enterpriseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => services.users.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Unlock a locked account / 解锁',
        params: IdParams,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => services.users.unlock(actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Reset to a one-time password / 重置密码',
        params: IdParams,
        response: { 200: WithPassword, ...errorResponses },
      },
    },
    async (request) => services.users.resetPassword(actorOf(request), request.params.id),
  );
}
