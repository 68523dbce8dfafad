/**
 * The OpenAPI document declares 3.0.3, whose Schema Object is a subset of JSON Schema draft 4/5;
 * the contracts (TypeBox) speak JSON Schema 2020-12. This turns the 2020-12 forms into their 3.0.3
 * equivalents, so standard validators and client generators read the document (docs/api.md):
 * numeric `exclusiveMinimum`/`exclusiveMaximum` → `minimum`/`maximum` + boolean flag; `const` →
 * a one-value `enum`; a `type` array with "null" → one type + `nullable: true`; `$id`, `$schema`
 * and an `examples` array (not 3.0 keywords) dropped. Pure.
 */
type Json = unknown;

function convertSchema(node: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = toOpenApi30(value);
  for (const [bound, flag] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    const v = out[flag];
    if (typeof v === 'number') {
      // x > a and x ≥ b: the stricter of the two.
      const other = out[bound];
      const stricter = typeof other !== 'number' || (bound === 'minimum' ? v >= other : v <= other);
      if (stricter) {
        out[bound] = v;
        out[flag] = true;
      } else delete out[flag];
    }
  }
  if ('const' in out && (out.const === null || typeof out.const !== 'object')) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < out.type.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      if (types.length > 1) out.anyOf = types.map((type) => ({ type }));
    }
  }
  delete out.$id;
  delete out.$schema;
  // JSON Schema's array of examples (a media type's `examples` map stays).
  if (Array.isArray(out.examples)) delete out.examples;
  return out;
}

/** The document (or any part of it) with every schema in OpenAPI 3.0.3 form. */
export function toOpenApi30<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n: Json) => toOpenApi30(n)) as T;
  if (node === null || typeof node !== 'object') return node;
  return convertSchema(node as Record<string, Json>) as T;
}
