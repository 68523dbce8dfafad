/**
 * No NUL characters in requests. PostgreSQL cannot store U+0000 in text, so a NUL anywhere in a
 * JSON body, a query string or a path parameter used to reach the database and fail as a 500 —
 * even on the unauthenticated login. One hook, before validation, answers 400 NUL_CHARACTER for
 * every route and names where the character was.
 */
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';

const MAX_DEPTH = 64;

/** The path of the first string or key holding U+0000 (`name`, `items.3.label`), or null. */
export function findNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNul(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function nulGuard(app: App) {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['query', request.query],
      ['', request.body],
    ];
    for (const [prefix, value] of parts) {
      const at = findNul(value, prefix);
      if (at === null) continue;
      const field = at || prefix || 'body';
      throw new AppError('NUL_CHARACTER', [
        {
          field,
          code: 'NUL_CHARACTER',
          zh: `${field} 含有空字符（\\0）`,
          en: `${field} contains a NUL character (\\0)`,
        },
      ]);
    }
  });
}
