import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';
import { errorResponses } from '../../platform/contract';
import { fail } from '../../platform/errors';
import { isTls, type App, type RouteDeps } from '../../platform/http';
import type { LoginResult } from './auth.service';
import {
  LoginBodySchema,
  NoContentSchema,
  PasswordChangeBodySchema,
  SessionResponseSchema,
} from './auth.schemas';

export const SESSION_COOKIE = 'yiyuan_session';

export function authRoutes(app: App, { services }: RouteDeps, config: Config) {
  const tags = ['auth'];
  const setSession = (request: FastifyRequest, reply: FastifyReply, result: LoginResult) =>
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: isTls(request, config),
      path: '/',
      maxAge: config.security.sessionAbsoluteHours * 3600,
    });

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: config.security.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Log in: sets the session cookie, answers the account and the CSRF token / 登录',
        body: LoginBodySchema,
        response: { 200: SessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSession(request, reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'password-change' },
      schema: {
        tags,
        summary: 'Log out: ends the session / 退出登录',
        response: { 204: NoContentSchema, ...errorResponses },
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
        tags,
        summary: 'Current account, its permissions and the CSRF token / 当前用户',
        response: { 200: SessionResponseSchema, ...errorResponses },
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
        tags,
        summary: 'Change own password: every session ends and a new one begins / 修改密码',
        body: PasswordChangeBodySchema,
        response: { 200: SessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.changePassword(request.session ?? fail('UNAUTHENTICATED'), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSession(request, reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );
}
