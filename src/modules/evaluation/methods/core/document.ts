/** Method files: what `method export` writes and what `method import` accepts. Pure. */
import type { MethodExport, MethodVersion } from '../methods.schemas';

/** Method keys: lower-case letters, digits, `-` and `_`, starting with a letter or digit. */
export const METHOD_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A method version as a file (importable again). */
export function methodExport(m: MethodVersion): MethodExport {
  return {
    key: m.key,
    version: m.version,
    basedOn: m.basedOn,
    note: m.note,
    hash: m.hash,
    definition: m.definition,
  };
}

/**
 * What to save from an imported file: a bare method document, or an export (`{key, definition,
 * basedOn …}`). The key is the one asked for, else the export's, else the file's name.
 */
export function methodImport(
  parsed: unknown,
  options: { key?: string; fileName: string },
): { key: string; definition: unknown; basedOn: string | null } {
  const file = (parsed ?? {}) as Record<string, unknown>;
  const envelope = parsed !== null && typeof parsed === 'object' && 'definition' in file;
  const key =
    options.key ??
    (envelope && typeof file.key === 'string' ? file.key : options.fileName.replace(/\.json$/i, ''));
  return {
    key,
    definition: envelope ? file.definition : parsed,
    basedOn: envelope && typeof file.basedOn === 'string' ? file.basedOn : null,
  };
}

/** Stable JSON (keys sorted) for hashing and byte-identical exports. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}
