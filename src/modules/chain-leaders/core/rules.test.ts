import { describe, expect, it } from 'vitest';
import {
  addTo,
  CHAIN_LEADER_OUTPUT,
  decisionAllowed,
  emptyCounts,
  grantDate,
  isCandidate,
  labelCountsIn,
  matchesKeyword,
  normaliseReason,
  statusOf,
  todayInChina,
} from './rules';

describe('chain-leader rules', () => {
  it('the line is 20 亿元 = 200,000 万元, included', () => {
    expect(CHAIN_LEADER_OUTPUT).toBe(200_000);
    expect(isCandidate(200_000)).toBe(true);
    expect(isCandidate(200_000.01)).toBe(true);
    expect(isCandidate(199_999.99)).toBe(false);
    expect(isCandidate(0)).toBe(false);
    expect(isCandidate(null)).toBe(false);
    expect(isCandidate(undefined)).toBe(false);
    expect(isCandidate(Number.NaN)).toBe(false);
  });

  it('a label counts for a year when granted by its last day, or without a date', () => {
    expect(labelCountsIn(null, 2022)).toBe(true);
    expect(labelCountsIn('2024-12-31', 2024)).toBe(true);
    expect(labelCountsIn('2024-01-01', 2024)).toBe(true);
    expect(labelCountsIn('2025-01-01', 2024)).toBe(false);
    expect(labelCountsIn('2023-06-30', 2025)).toBe(true);
  });

  it('status: the label wins; then the latest decision of the year; else pending', () => {
    expect(statusOf({ labelled: true, latestDecisionOfYear: null })).toBe('confirmed');
    expect(statusOf({ labelled: true, latestDecisionOfYear: 'declined' })).toBe('confirmed');
    expect(statusOf({ labelled: false, latestDecisionOfYear: 'declined' })).toBe('declined');
    // Confirmed once, label removed since (e.g. by an edit of the enterprise): pending again.
    expect(statusOf({ labelled: false, latestDecisionOfYear: 'confirmed' })).toBe('pending');
    expect(statusOf({ labelled: false, latestDecisionOfYear: null })).toBe('pending');
  });

  it('grant date: today during or before the year, the year’s last day once it is over', () => {
    expect(grantDate(2026, '2026-11-26')).toBe('2026-11-26');
    expect(grantDate(2025, '2026-11-26')).toBe('2025-12-31');
    expect(grantDate(2025, '2025-12-31')).toBe('2025-12-31');
    expect(grantDate(2025, '2026-01-01')).toBe('2025-12-31');
    expect(grantDate(2027, '2026-11-26')).toBe('2026-11-26');
  });

  it('grant date: an earlier grant is kept, a later one moved back', () => {
    expect(grantDate(2025, '2026-03-01', '2023-05-10')).toBe('2023-05-10');
    expect(grantDate(2024, '2026-03-01', '2025-04-01')).toBe('2024-12-31');
    expect(grantDate(2025, '2026-03-01', null)).toBeNull();
    expect(grantDate(2025, '2026-03-01', undefined)).toBe('2025-12-31');
  });

  it('a reason is trimmed and needs at least 2 characters', () => {
    expect(normaliseReason('  年产值超20亿，系统集成能力强  ')).toBe('年产值超20亿，系统集成能力强');
    expect(normaliseReason('链主')).toBe('链主');
    expect(normaliseReason(' 是 ')).toBeNull();
    expect(normaliseReason('   ')).toBeNull();
    expect(normaliseReason('')).toBeNull();
    expect(normaliseReason(undefined)).toBeNull();
    expect(normaliseReason('ok')).toBe('ok');
    // One character outside the BMP is one character, not two.
    expect(normaliseReason('𠀀')).toBeNull();
  });

  it('confirming needs a candidate; declining a candidate or a leader', () => {
    expect(decisionAllowed('confirmed', true, false)).toBe(true);
    expect(decisionAllowed('confirmed', false, true)).toBe(false);
    expect(decisionAllowed('declined', true, false)).toBe(true);
    expect(decisionAllowed('declined', false, true)).toBe(true);
    expect(decisionAllowed('declined', false, false)).toBe(false);
  });

  it('today is the date in China Standard Time', () => {
    expect(todayInChina(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(todayInChina(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('counts: candidates, statuses and confirmed leaders below the line', () => {
    const c = emptyCounts();
    addTo(c, { status: 'pending', belowThreshold: false });
    addTo(c, { status: 'declined', belowThreshold: false });
    addTo(c, { status: 'confirmed', belowThreshold: false });
    addTo(c, { status: 'confirmed', belowThreshold: true });
    expect(c).toEqual({ candidates: 3, confirmed: 2, pending: 1, declined: 1, belowThreshold: 1 });
  });

  it('keyword: part of the name, start of the USCC, pinyin initials', () => {
    const row = { name: '杭州链主科技有限公司', uscc: '91330100MA2ABCDE1X', nameInitials: 'hzlzkjyxgs' };
    expect(matchesKeyword(row, undefined)).toBe(true);
    expect(matchesKeyword(row, '  ')).toBe(true);
    expect(matchesKeyword(row, '链主')).toBe(true);
    expect(matchesKeyword(row, '91330100ma')).toBe(true);
    expect(matchesKeyword(row, 'MA2ABCDE')).toBe(false);
    expect(matchesKeyword(row, 'LZKJ')).toBe(true);
    expect(matchesKeyword(row, '宁波')).toBe(false);
  });
});
