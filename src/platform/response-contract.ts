/**
 * Which fields of a reply the response schema would silently drop. The serialiser writes only the
 * properties a schema names, so a field a service returns but the contract lacks never reaches
 * the client. `droppedFields` finds them; the server checks every reply with it when
 * `YIYUAN_STRICT_RESPONSES` is on (tests and browser journeys), turning drift into a failure.
 */

type Schema = Record<string, unknown>;
export type SchemaRefs = Map<string, Schema>;

const MAX_ITEMS = 200;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v)
  );
}

function resolve(schema: Schema, refs: SchemaRefs): Schema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const id = (s.$ref as string).replace(/#$/, '');
    const found = refs.get(id);
    if (!found) return {};
    s = found;
  }
  return s;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (v instanceof Date) return 'string';
  return typeof v;
}

/** Whether a union branch can describe the value at all (by its declared JSON type). */
function fits(schema: Schema, value: unknown): boolean {
  const declared = schema.type;
  if (declared === undefined) return true;
  const types = Array.isArray(declared) ? declared : [declared];
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** Paths (e.g. `items[3].score`) of the values the schema would drop; empty when none. */
export function droppedFields(
  schema: unknown,
  value: unknown,
  refs: SchemaRefs = new Map(),
  path = '',
): string[] {
  if (!isPlainObject(schema) || value === undefined || value === null) return [];
  const s = resolve(schema, refs);
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    let best: string[] | null = null;
    for (const b of branches) {
      if (!fits(resolve(b, refs), value)) continue;
      const d = droppedFields(b, value, refs, path);
      if (d.length === 0) return [];
      if (!best || d.length < best.length) best = d;
    }
    return best ?? [];
  }
  if (Array.isArray(s.allOf))
    return (s.allOf as Schema[]).flatMap((b) => droppedFields(b, value, refs, path));
  if (Array.isArray(value)) {
    const items = s.items;
    if (!isPlainObject(items)) return [];
    const out: string[] = [];
    for (let i = 0; i < Math.min(value.length, MAX_ITEMS); i++)
      out.push(...droppedFields(items, value[i], refs, `${path}[${i}]`));
    return out;
  }
  if (!isPlainObject(value)) return [];
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const patterns = (s.patternProperties ?? {}) as Record<string, Schema>;
  const additional = s.additionalProperties;
  const named = Object.keys(properties).length > 0 || Object.keys(patterns).length > 0;
  // An object schema without named properties (Type.Unknown, Type.Any, a free object) keeps all.
  if (!named && additional !== false) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const at = path ? `${path}.${key}` : key;
    if (key in properties) {
      out.push(...droppedFields(properties[key], v, refs, at));
      continue;
    }
    const pattern = Object.keys(patterns).find((p) => new RegExp(p).test(key));
    if (pattern) {
      out.push(...droppedFields(patterns[pattern], v, refs, at));
      continue;
    }
    if (isPlainObject(additional)) out.push(...droppedFields(additional, v, refs, at));
    else if (additional !== true) out.push(at);
  }
  return out;
}
