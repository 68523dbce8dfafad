import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL, poolProblems } from './pool';

describe('quota pool settings', () => {
  it('the defaults are valid', () => {
    expect(poolProblems({ ...DEFAULT_POOL, methodId: null })).toEqual([]);
  });
  it.each([
    [{ landMu: 1.5 }, 'landMu'],
    [{ energyTce: -1 }, 'energyTce'],
    [{ threshold: 1001 }, 'threshold'],
    [{ leaders: 51 }, 'leaders'],
  ])('%o is refused on %s', (change, field) => {
    const problems = poolProblems({ ...DEFAULT_POOL, methodId: null, ...change });
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.code).toBe('QUOTA_POOL_INVALID');
  });
});
