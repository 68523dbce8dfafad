import { describe, expect, it } from 'vitest';
import { addWorkingDays, runAudience } from './workflow';

describe('notice dates', () => {
  it.each([
    ['2025-06-02', 5, '2025-06-09'], // Monday + 5 working days: the next Monday
    ['2025-06-06', 1, '2025-06-09'], // Friday + 1: Monday
    ['2025-06-07', 1, '2025-06-09'], // Saturday + 1: Monday
    ['2025-06-02', 7, '2025-06-11'],
    ['2024-12-31', 3, '2025-01-03'],
  ])('%s + %i working days = %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });
});

describe('who sees runs', () => {
  it('enterprises from the notice on, platform admins and the city all, nobody else none', () => {
    expect(runAudience({ kind: 'enterprise', enterpriseId: 3 })).toBe('noticed');
    expect(runAudience({ kind: 'platform', platformId: 2 })).toBe('all');
    expect(runAudience({ kind: 'all' })).toBe('all');
    expect(runAudience({ kind: 'none' })).toBe('none');
  });
});
