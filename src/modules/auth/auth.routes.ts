import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';
import { errorResponses } from '../../platform/contract';
import { fail } from '../../platform/errors';
import { isTls, type App, type RouteDeps } from '../../platform/http';
import type { LoginResult } from './auth.service';
import { MFA_CHALLENGE_MINUTES } from './auth.service';
import {
  LoginBodySchema,
  LoginResponseSchema,
  MfaConfirmBodySchema,
  MfaEnrolmentSchema,
  MfaVerifyBodySchema,
  NoContentSchema,
  PasswordChangeBodySchema,
  RecoveryCodesSchema,
  SessionResponseSchema,
} from './auth.schemas';

export const SESSION_COOKIE = 'yiyuan_session';
/** Carries a login between its password and its second factor (no session exists yet). */
export const MFA_COOKIE = 'yiyuan_mfa';

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
        summary:
          'Log in: sets the session cookie, answers the account and the CSRF token; for accounts with a second factor it answers {mfaRequired: true} and no session until POST /api/auth/mfa / 登录',
        body: LoginBodySchema,
        response: { 200: LoginResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if ('mfaChallenge' in result) {
        reply.setCookie(MFA_COOKIE, result.mfaChallenge, {
          httpOnly: true,
          sameSite: 'strict',
          secure: isTls(request, config),
          path: '/api/auth/mfa',
          maxAge: MFA_CHALLENGE_MINUTES * 60,
        });
        return { mfaRequired: true as const };
      }
      setSession(request, reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: {
        auth: 'public',
        rateLimit: { max: config.security.mfaRateLimit, timeWindow: 5 * 60_000 },
      },
      schema: {
        tags,
        summary:
          'Second step of a login: a code of the authenticator app or a recovery code; sets the session cookie / 双因素验证',
        body: MfaVerifyBodySchema,
        response: { 200: SessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.verifySecondFactor({
        challenge: request.cookies[MFA_COOKIE] ?? '',
        code: request.body.code,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.clearCookie(MFA_COOKIE, { path: '/api/auth/mfa' });
      setSession(request, reply, result);
      return { user: result.me, csrfToken: result.csrfToken };
    },
  );

  // Enrolment is open to a session that still needs it (level `password-change`: allowed before
  // the forced steps are done).
  app.post(
    '/api/auth/mfa/enrolment',
    {
      config: { auth: 'password-change' },
      schema: {
        tags,
        summary:
          'Start setting up an authenticator app: a new secret and its otpauth URI / 开始设置双因素认证',
        response: { 200: MfaEnrolmentSchema, ...errorResponses },
      },
    },
    async (request) => services.auth.startEnrolment(request.session ?? fail('UNAUTHENTICATED')),
  );

  app.post(
    '/api/auth/mfa/enrolment/confirm',
    {
      config: {
        auth: 'password-change',
        rateLimit: { max: config.security.mfaRateLimit, timeWindow: 5 * 60_000 },
      },
      schema: {
        tags,
        summary:
          'Confirm the authenticator app with its first code; answers 10 recovery codes, shown once / 确认双因素认证',
        body: MfaConfirmBodySchema,
        response: { 200: RecoveryCodesSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.auth.confirmEnrolment(request.session ?? fail('UNAUTHENTICATED'), request.body.code),
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
