/** Shared pieces of the HTTP layer: the typed app, route-level access, shared schemas. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
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
}

export function actorOf(request: FastifyRequest): Actor {
  return request.session?.actor ?? fail('UNAUTHENTICATED');
}

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({ field: Type.String(), code: Type.String(), zh: Type.String(), en: Type.String() }),
        ),
      ),
    }),
  },
  { $id: 'Error' },
);

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
} as const;

/**
 * `T | null` as one JSON-schema type list (`type: ['number', 'null']`), not an anyOf: with type
 * coercion on (needed for query strings), Ajv would otherwise turn `null` into `0`.
 */
export const Nullable = <T extends TSchema & { type: string }>(t: T) =>
  Type.Unsafe<Static<T> | null>({ ...t, type: [t.type, 'null'] });
export const IdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 2147483647 }) },
  { additionalProperties: false },
);
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
