// Method documents as files: export names and contents, and reading an imported file. Pure except
// `downloadJson`, which hands a file to the browser.

/** `<key>-v<version>.json`. */
export function exportFileName(key: string, version: number): string {
  return `${key}-v${version}.json`;
}

/** The document as exported: indented JSON with a final newline. */
export function exportText(definition: unknown): string {
  return JSON.stringify(definition, null, 2) + '\n';
}

/** The method key an exported file's name suggests: "my-district-v3.json" → "my-district". */
export function keyFromFileName(fileName: string): string | undefined {
  const base = fileName.replace(/\.json$/i, '').replace(/-v\d+$/, '');
  const key = base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64);
  return key || undefined;
}

export type ImportedMethod =
  { ok: true; definition: unknown; key?: string } | { ok: false; reason: 'json' | 'notObject' };

/**
 * Reads an imported file: a bare method document (as exported), or a method version as the API
 * returns it ({ key, definition, … }). Whether it is a valid method is for the editor to show.
 */
export function readMethodFile(text: string, fileName: string): ImportedMethod {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'notObject' };
  const record = value as Record<string, unknown>;
  if (record.definition && typeof record.definition === 'object' && !Array.isArray(record.definition)) {
    const key = typeof record.key === 'string' ? record.key : keyFromFileName(fileName);
    return { ok: true, definition: record.definition, ...(key ? { key } : {}) };
  }
  const key = keyFromFileName(fileName);
  return { ok: true, definition: value, ...(key ? { key } : {}) };
}

/** Saves text as a file through the browser. */
export function downloadJson(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
