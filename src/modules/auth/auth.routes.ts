import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../platform/config';
import { errorResponses, type App, type RouteDeps } from '../../platform/http';
import { fail } from '../../platform/errors';
import type { LoginResult } from './auth.service';

export const SESSION_COOKIE = 'yiyuan_session';

const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  platformId: Type.Union([Type.Integer(), Type.Null()]),
  enterpriseId: Type.Union([Type.Integer(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});
const SessionResponse = Type.Object({ user: Me, csrfToken: Type.String() });

export function authRoutes(app: App, { services }: RouteDeps, config: Config) {
  const setSession = (reply: FastifyReply, result: LoginResult) =>
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      maxAge: config.security.sessionAbsoluteHours * 3600,
    });

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: config.security.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Log in / 登录',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login({
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSession(reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'password-change' },
      schema: {
        tags: ['auth'],
        summary: 'Log out / 退出登录',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.auth.logout(request.session ?? fail('UNAUTHENTICATED'));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { auth: 'password-change' },
      schema: {
        tags: ['auth'],
        summary: 'Current user / 当前用户',
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const session = request.session ?? fail('UNAUTHENTICATED');
      return { user: session.me, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        auth: 'password-change',
        rateLimit: { max: config.security.loginRateLimit, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change own password / 修改密码',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.changePassword(request.session ?? fail('UNAUTHENTICATED'), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSession(reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );
}
