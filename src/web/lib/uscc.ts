// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last one a check
// character over the first 17 (domain guide §2). Client-side mirror; the server has the final word.

import { USCC_ALPHABET, usccCheckCharacter } from '../../modules/enterprises/core/uscc';

// The check-character rule is the server's own pure core; this file adds what a form needs.
export { USCC_ALPHABET, usccCheckCharacter as usccCheckChar };
export const USCC_LENGTH = 18;

export type UsccProblem =
  { kind: 'length' } | { kind: 'characters'; invalid: string } | { kind: 'check'; expected: string };

/** Upper-cases and drops spaces, as typed or pasted codes often carry them. */
export function normalizeUscc(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with a (normalised) code, or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== USCC_LENGTH) return { kind: 'length' };
  const invalid = [...new Set([...code].filter((c) => !USCC_ALPHABET.includes(c)))].join('');
  if (invalid) return { kind: 'characters', invalid };
  const expected = usccCheckCharacter(code.slice(0, USCC_LENGTH - 1));
  if (expected !== null && expected !== code[USCC_LENGTH - 1]) return { kind: 'check', expected };
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
