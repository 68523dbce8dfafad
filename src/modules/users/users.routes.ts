import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  ScopeOptionsSchema,
  UserCreateSchema,
  UserListSchema,
  UserPatchSchema,
  UserSchema,
  UserWithPasswordSchema,
} from './users.schemas';
import { userListWorkbook } from './users.workbooks';

export function userRoutes(app: App, { services }: RouteDeps) {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List accounts (security administrator) / 用户列表',
        response: { 200: UserListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await services.users.list(actorOf(request)) }),
  );

  app.get(
    '/api/users/export.xlsx',
    { schema: { tags, summary: 'Export the account list as .xlsx (security administrator) / 导出用户列表' } },
    async (request, reply) => {
      const items = await services.users.export(actorOf(request));
      return sendWorkbook(reply, datedName('用户列表'), userListWorkbook(items));
    },
  );

  app.get(
    '/api/users/scope-options',
    {
      schema: {
        tags,
        summary:
          'Platforms and enterprises an account can be scoped to (security administrator) / 可关联的园区与企业',
        response: { 200: ScopeOptionsSchema, ...errorResponses },
      },
    },
    async (request) => services.users.scopeOptions(actorOf(request)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account with a one-time password (security administrator) / 新建用户',
        body: UserCreateSchema,
        response: { 201: UserWithPasswordSchema, ...errorResponses },
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
        summary:
          'Change name, role, scope or status; a role change or disabling ends its sessions (security administrator) / 修改用户',
        params: IdParams,
        body: UserPatchSchema,
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
        summary: 'Unlock an account locked after failed logins (security administrator) / 解锁',
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
        summary: 'Reset to a one-time password; its sessions end (security administrator) / 重置密码',
        params: IdParams,
        response: { 200: UserWithPasswordSchema, ...errorResponses },
      },
    },
    async (request) => services.users.resetPassword(actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-mfa',
    {
      schema: {
        tags,
        summary:
          'Remove the second factor (lost phone); it is set up again at the next login and its sessions end (security administrator) / 重置双因素认证',
        params: IdParams,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => services.users.resetMfa(actorOf(request), request.params.id),
  );
}
