import { describe, expect, it } from 'vitest';
import { actionsOf, decisionOfAction, formatYi, parseQuery, toYi } from './chainLeadersFormat';

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
});
