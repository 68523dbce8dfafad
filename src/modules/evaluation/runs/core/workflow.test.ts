import { describe, expect, it } from 'vitest';
import { runAudience } from './workflow';

describe('who sees runs', () => {
  it('enterprises from the notice on, platform admins and the city all, nobody else none', () => {
    expect(runAudience({ kind: 'enterprise', enterpriseId: 3 })).toBe('noticed');
    expect(runAudience({ kind: 'commissioner', userId: 7 })).toBe('noticed');
    expect(runAudience({ kind: 'platform', platformId: 2 })).toBe('all');
    expect(runAudience({ kind: 'all' })).toBe('all');
    expect(runAudience({ kind: 'none' })).toBe('none');
  });
});
