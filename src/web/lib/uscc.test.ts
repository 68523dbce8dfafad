import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckChar, usccProblem } from './uscc';

describe('USCC check character (GB 32100-2015)', () => {
  it('accepts the domain guide examples', () => {
    for (const code of ['91330000733796106P', '914403001922038216', '9144030071526726XG']) {
      expect(isValidUscc(code)).toBe(true);
    }
  });

  it('names the expected check character of a wrong code', () => {
    expect(usccProblem('914403001922038217')).toEqual({ kind: 'check', expected: '6' });
    expect(usccProblem('91330100799655058C')).toEqual({ kind: 'check', expected: 'B' });
    expect(usccCheckChar('91330100799655058')).toBe('B');
  });

  it('reports length and characters outside the alphabet', () => {
    expect(usccProblem('9133')).toEqual({ kind: 'length' });
    expect(usccProblem('91330000733796106I')).toEqual({ kind: 'characters', invalid: 'I' });
    expect(usccProblem('9133000073379610OS')).toEqual({ kind: 'characters', invalid: 'OS' });
  });

  it('normalises case and spaces', () => {
    expect(normalizeUscc(' 9144 0300 7152 6726xg ')).toBe('9144030071526726XG');
  });
});
