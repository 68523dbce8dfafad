/**
 * Building blocks of every feature's HTTP contract (`<feature>.schemas.ts`): TypeBox helpers and
 * the shapes all features share. The web imports the *types* of contracts (never the schemas).
 */
import { Type, type Static, type TSchema } from 'typebox';

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
export type ErrorBody = Static<typeof ErrorSchema>;

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

export const SortOrder = Type.Union([Type.Literal('asc'), Type.Literal('desc')]);
export type SortOrder = Static<typeof SortOrder>;

/** One page of a list. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One of the codes (`['a', 'b'] as const` → 'a' | 'b'), as a plain `type: string` + `enum`: one
 * validation error for a wrong code, a plain string for the serialiser.
 */
export const OneOf = <const T extends readonly string[]>(codes: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...codes], ...options });

/** One of the codes, or null, as a plain `type: [string, null]` + `enum` (safe with coercion). */
export const NullableOneOf = <const T extends readonly string[]>(codes: T) =>
  Type.Unsafe<T[number] | null>({ type: ['string', 'null'], enum: [...codes, null] });
