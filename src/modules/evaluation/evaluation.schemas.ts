/** Pieces the evaluation's contracts share (methods, runs, results, objections). */
import { Type, type TSchema } from 'typebox';

export const tags = ['evaluation'];

/** Any JSON, serialised as it is. */
export const Json = Type.Unknown();

/** Any JSON on the wire (`{}`: serialised as it is), typed as `T` for the server and the web. */
export const JsonOf = <T>() => Type.Unsafe<T>(Type.Unknown());

/** A schema as it is on the wire, typed more precisely than the schema says (e.g. a code). */
export const Typed = <T>(schema: TSchema) => Type.Unsafe<T>(schema);

/** One of a vocabulary of codes: `{type: 'string', enum}` on the wire, the codes' union in code. */
export const StringEnum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const Text = Type.Object({ zh: Type.String(), en: Type.String() });

export const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

/** A class of a method: key and name. */
export const MethodClass = Type.Object({ key: Type.String(), name: Text });
