// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last one a check
// character over the first 17 (domain guide §2). Client-side mirror; the server has the final word.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

/** The check character for the first 17 characters, or null when they are not 17 valid characters. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== USCC_LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

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
  const expected = usccCheckChar(code.slice(0, USCC_LENGTH - 1));
  if (expected !== null && expected !== code[USCC_LENGTH - 1]) return { kind: 'check', expected };
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
