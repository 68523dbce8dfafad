import { describe, expect, it } from 'vitest';
import { addDays, demoAssignments, demoCommissioners, demoVisits } from './demo-services';

describe('demo services', () => {
  it('gives each platform three commissioners, the demo login on the second platform', () => {
    const people = demoCommissioners(3);
    expect(people).toHaveLength(9);
    expect(people.filter((p) => p.username === 'commissioner')).toEqual([
      { username: 'commissioner', displayName: '服务专员 演示', platformIndex: 1 },
    ]);
    expect(new Set(people.map((p) => p.username)).size).toBe(9);
  });

  it('assigns every enterprise of a platform with commissioners, in turn by id', () => {
    const pairs = demoAssignments(
      [
        { id: 5, platformId: 1 },
        { id: 2, platformId: 1 },
        { id: 9, platformId: 1 },
        { id: 3, platformId: 2 },
        { id: 4, platformId: 3 },
      ],
      new Map([
        [1, [100, 101]],
        [2, [200]],
      ]),
    );
    expect(pairs).toEqual([
      { enterpriseId: 2, commissionerUserId: 100 },
      { enterpriseId: 3, commissionerUserId: 200 },
      { enterpriseId: 5, commissionerUserId: 101 },
      { enterpriseId: 9, commissionerUserId: 100 },
    ]);
  });

  it('makes a deterministic year of visits, none done after today', () => {
    const pairs = Array.from({ length: 2000 }, (_, i) => ({ enterpriseId: i + 1, commissionerUserId: 7 }));
    const a = demoVisits(pairs, '2026-06-30', 1);
    expect(demoVisits(pairs, '2026-06-30', 1)).toEqual(a);
    expect(a.length).toBeGreaterThan(300);
    expect(a.length).toBeLessThan(700);
    for (const v of a) {
      if (v.status === 'done') {
        expect(v.doneOn! <= '2026-06-30' && v.doneOn! >= addDays('2026-06-30', -364)).toBe(true);
      } else expect(v.doneOn).toBeNull();
    }
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
