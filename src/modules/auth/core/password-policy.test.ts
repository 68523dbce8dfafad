import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  characterClasses,
  checkPassword,
  generatePassword,
  passwordExpired,
  type PasswordPolicy,
} from './password-policy';

const policy: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90 };

describe('password policy', () => {
  it.each([
    ['Short1!', 'alice', ['TOO_SHORT']],
    ['alllowercase', 'alice', ['TOO_FEW_CLASSES']],
    ['lowerUPPER', 'alice', ['TOO_FEW_CLASSES']],
    ['lower123UP', 'alice', []],
    ['Alice#2025x', 'alice', ['SAME_AS_USERNAME']],
    ['P@ssw0rd', 'alice', ['TOO_COMMON']],
    ['Admin@123', 'bob', ['TOO_COMMON']],
    ['Gx7#kq9!Lm', 'bob', []],
    ['长城-Great-Wall-2025', 'bob', []],
    ['A'.repeat(60) + 'b1!', 'bob', []],
    ['Ab1!' + 'x'.repeat(130), 'bob', ['TOO_LONG']],
  ] as const)('%s for %s → %j', (password, username, expected) => {
    expect(checkPassword(password, username, policy)).toEqual(expected);
  });

  it('accepts long passphrases of at least 64 characters', () => {
    const long = 'correct Horse battery staple 1 '.repeat(3);
    expect(long.length).toBeGreaterThanOrEqual(64);
    expect(checkPassword(long, 'bob', policy)).toEqual([]);
  });

  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB3')).toBe(3);
    expect(characterClasses('aB3$')).toBe(4);
  });

  it('is configurable: two classes allowed when the policy says so', () => {
    expect(checkPassword('lowerUPPER', 'alice', { ...policy, minClasses: 2 })).toEqual([]);
  });

  it('expires passwords after the configured age, never when 0', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(passwordExpired(changed, new Date('2026-03-31T00:00:00Z'), policy)).toBe(false);
    expect(passwordExpired(changed, new Date('2026-04-02T00:00:00Z'), policy)).toBe(true);
    expect(passwordExpired(changed, new Date('2036-01-01T00:00:00Z'), { ...policy, maxAgeDays: 0 })).toBe(
      false,
    );
  });

  it('generates one-time passwords that satisfy the strictest policy', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword((n) => randomBytes(n));
      expect(p).toHaveLength(16);
      expect(checkPassword(p, 'someone', { ...policy, minClasses: 4 })).toEqual([]);
    }
  });
});
