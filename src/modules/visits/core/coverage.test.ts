import { describe, expect, it } from 'vitest';
import { coverage, periodOf } from './coverage';

describe('periodOf', () => {
  it.each([
    [2026, null, '2026-01-01', '2026-12-31'],
    [2026, 1, '2026-01-01', '2026-03-31'],
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2026, 2, '2026-04-01', '2026-06-30'],
    [2026, 3, '2026-07-01', '2026-09-30'],
    [2026, 4, '2026-10-01', '2026-12-31'],
  ])('%i Q%s runs %s to %s', (year, quarter, from, to) => {
    expect(periodOf(year, quarter)).toMatchObject({ year, quarter, from, to });
  });
});

describe('coverage', () => {
  // Commissioner 10 serves enterprises 1, 2, 3 (platform 1); commissioner 20 serves 4 (platform 1)
  // and 5, 6 (platform 2). Enterprise 7 has nobody and does not count.
  const assignments = [
    { enterpriseId: 1, platformId: 1, commissionerUserId: 10 },
    { enterpriseId: 2, platformId: 1, commissionerUserId: 10 },
    { enterpriseId: 3, platformId: 1, commissionerUserId: 10 },
    { enterpriseId: 4, platformId: 1, commissionerUserId: 20 },
    { enterpriseId: 5, platformId: 2, commissionerUserId: 20 },
    { enterpriseId: 6, platformId: 2, commissionerUserId: 20 },
  ];

  it('counts a commissioner’s own visits, and anyone’s for platforms and the total', () => {
    const visits = [
      { enterpriseId: 1, visitorUserId: 10 },
      { enterpriseId: 1, visitorUserId: 10 }, // twice: still one enterprise
      { enterpriseId: 2, visitorUserId: 99 }, // a department: the platform's, not commissioner 10's
      { enterpriseId: 5, visitorUserId: 20 },
      { enterpriseId: 7, visitorUserId: 20 }, // not assigned: not counted
    ];
    expect(coverage(assignments, visits)).toEqual({
      commissioners: [
        { commissionerUserId: 10, assigned: 3, visited: 1, share: 1 / 3 },
        { commissionerUserId: 20, assigned: 3, visited: 1, share: 1 / 3 },
      ],
      platforms: [
        { platformId: 1, assigned: 4, visited: 2, share: 0.5 },
        { platformId: 2, assigned: 2, visited: 1, share: 0.5 },
      ],
      total: { assigned: 6, visited: 3, share: 0.5 },
    });
  });

  it('has no share when nothing is assigned', () => {
    expect(coverage([], [{ enterpriseId: 1, visitorUserId: 10 }])).toEqual({
      commissioners: [],
      platforms: [],
      total: { assigned: 0, visited: 0, share: null },
    });
  });

  it('reaches 100% when every assigned enterprise had its commissioner', () => {
    const all = assignments.map((a) => ({
      enterpriseId: a.enterpriseId,
      visitorUserId: a.commissionerUserId,
    }));
    const c = coverage(assignments, all);
    expect(c.total).toEqual({ assigned: 6, visited: 6, share: 1 });
    expect(c.commissioners.map((x) => x.share)).toEqual([1, 1]);
  });
});
