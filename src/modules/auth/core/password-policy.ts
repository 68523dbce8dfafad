/** Password rules (security guide: MLPS practice). Pure: no I/O. */
import type { FieldError } from '../../../platform/errors';
import { isCommonPassword } from './common-passwords';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password needs. */
  minClasses: number;
  /** Passwords older than this must be changed; 0 = never. */
  maxAgeDays: number;
}

export const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem =
  'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'SAME_AS_USERNAME' | 'TOO_COMMON';

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

export function checkPassword(password: string, username: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('TOO_SHORT');
  if ([...password].length > MAX_PASSWORD_LENGTH) problems.push('TOO_LONG');
  if (characterClasses(password) < policy.minClasses) problems.push('TOO_FEW_CLASSES');
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name && (lower === name || lower.includes(name) || lower === [...name].reverse().join('')))
    problems.push('SAME_AS_USERNAME');
  if (isCommonPassword(password)) problems.push('TOO_COMMON');
  return problems;
}

export function passwordProblemsAsFieldErrors(
  field: string,
  problems: PasswordProblem[],
  policy: PasswordPolicy,
): FieldError[] {
  const text: Record<PasswordProblem, [string, string]> = {
    TOO_SHORT: [`密码至少 ${policy.minLength} 位`, `At least ${policy.minLength} characters`],
    TOO_LONG: [`密码最多 ${MAX_PASSWORD_LENGTH} 位`, `At most ${MAX_PASSWORD_LENGTH} characters`],
    TOO_FEW_CLASSES: [
      `须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      `Use at least ${policy.minClasses} of: lowercase, uppercase, digits, symbols`,
    ],
    SAME_AS_USERNAME: ['密码不能包含用户名', 'The password must not contain the username'],
    TOO_COMMON: ['该密码过于常见，请换一个', 'This password is too common; choose another'],
  };
  return problems.map((code) => ({ field, code: `PASSWORD_${code}`, zh: text[code][0], en: text[code][1] }));
}

export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}

/** A random password that satisfies any policy (used for one-time passwords). */
export function generatePassword(random: (n: number) => Uint8Array, length = 16): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+-=@_'];
  const all = sets.join('');
  const bytes = random(length + sets.length);
  const chars = sets.map((set, i) => set[bytes[i]! % set.length]!);
  for (let i = sets.length; i < length; i++) chars.push(all[bytes[i]! % all.length]!);
  // Shuffle so the class-guaranteeing characters are not always first.
  const order = random(chars.length);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = order[i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
