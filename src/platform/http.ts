/** Shared pieces of the HTTP layer: the typed app, route-level access, shared schemas. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Actor } from '../modules/auth/core/access';
import type { SessionView } from '../modules/auth/auth.service';
import type { Config } from './config';
import { fail } from './errors';
import type { Services } from '../server/services';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** How a route is protected: `public` (no session), `session` (default), `password-change`. */
export type RouteAuth = 'public' | 'session' | 'password-change';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionView | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

export interface RouteDeps {
  services: Services;
  /** Requests per minute per client address on the import and export routes. */
  rateLimits: { imports: number; exports: number };
}

/** HSTS for a year, subdomains included (MLPS 8.1.4.1 c; ASVS 3.4.1). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether a request reached us over TLS: forced by YIYUAN_COOKIE_SECURE, or https as Fastify sees
 * it (X-Forwarded-Proto counts only from a trusted proxy).
 */
export function isTls(request: FastifyRequest, config: Pick<Config, 'cookieSecure'>): boolean {
  return config.cookieSecure || request.protocol === 'https';
}

export function actorOf(request: FastifyRequest): Actor {
  return request.session?.actor ?? fail('UNAUTHENTICATED');
}

export { ErrorSchema, errorResponses, Nullable, IdParams, Paging } from './contract';
