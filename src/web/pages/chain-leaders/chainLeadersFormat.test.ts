import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  confirmationDates,
  decidedOnIfDifferent,
  decisionOfAction,
  formatYi,
  parseQuery,
  toYi,
} from './chainLeadersFormat';

describe('chain-leader page helpers', () => {
  it('shows 万元 in 亿元 with two decimals', () => {
    expect(toYi(200_000)).toBe(20);
    expect(toYi(null)).toBeNull();
    expect(formatYi(200_000)).toBe('20.00');
    expect(formatYi(1_234_567.8)).toBe('123.46');
    expect(formatYi(199_999.99)).toBe('20.00');
    expect(formatYi(undefined)).toBe('—');
  });

  it('reads the query from the address, dropping what is malformed', () => {
    expect(parseQuery(new URLSearchParams(''))).toEqual({
      year: undefined,
      platformId: undefined,
      industry: undefined,
      status: undefined,
      keyword: undefined,
      page: 1,
      pageSize: 20,
    });
    expect(
      parseQuery(
        new URLSearchParams(
          'year=2024&platformId=3&industry=biomedicine&status=pending&keyword=%20杭州%20&page=2&pageSize=50',
        ),
      ),
    ).toEqual({
      year: 2024,
      platformId: 3,
      industry: 'biomedicine',
      status: 'pending',
      keyword: '杭州',
      page: 2,
      pageSize: 50,
    });
    const bad = parseQuery(new URLSearchParams('year=1800&platformId=-1&status=maybe&page=0&pageSize=37'));
    expect(bad).toMatchObject({
      year: undefined,
      platformId: undefined,
      status: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it('offers confirm/decline to candidates, revoke to leaders, nothing to others', () => {
    expect(actionsOf({ status: 'pending', belowThreshold: false })).toEqual(['confirm', 'decline']);
    expect(actionsOf({ status: 'declined', belowThreshold: false })).toEqual(['confirm']);
    expect(actionsOf({ status: 'confirmed', belowThreshold: false })).toEqual(['revoke']);
    expect(actionsOf({ status: 'confirmed', belowThreshold: true })).toEqual(['revoke']);
    expect(actionsOf({ status: 'pending', belowThreshold: true })).toEqual([]);
    expect(decisionOfAction('revoke')).toBe('declined');
    expect(decisionOfAction('confirm')).toBe('confirmed');
  });

  it('says when a confirmation is for a past year: the label date and the decision day differ', () => {
    expect(confirmationDates(2026, '2026-12-02')).toEqual({
      pastYear: false,
      grantedOn: '2026-12-02',
      decidedOn: '2026-12-02',
    });
    expect(confirmationDates(2025, '2026-12-02')).toEqual({
      pastYear: true,
      grantedOn: '2025-12-31',
      decidedOn: '2026-12-02',
    });
  });

  it('shows the decision day next to a label dated at the end of a past year', () => {
    const decision = {
      id: 1,
      enterpriseId: 1,
      year: 2025,
      decision: 'confirmed' as const,
      reason: '产业链带动作用明显',
      decidedBy: 2,
      decidedByName: '市专班',
      // 2026-12-02 09:30 in Beijing.
      decidedAt: '2026-12-02T01:30:00.000Z',
    };
    const row = { status: 'confirmed' as const, grantedOn: '2025-12-31', latestDecision: decision };
    expect(decidedOnIfDifferent(row)).toBe('2026-12-02');
    // 2025-04-15 17:00 UTC is 2025-04-16 in Beijing: the same day as the label.
    expect(
      decidedOnIfDifferent({
        ...row,
        grantedOn: '2025-04-16',
        latestDecision: { ...decision, decidedAt: '2025-04-15T17:00:00.000Z' },
      }),
    ).toBeNull();
    expect(decidedOnIfDifferent({ ...row, status: 'pending' })).toBeNull();
  });
});
