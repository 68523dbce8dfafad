import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES } from '../../../modules/calendar/core/working-days';
import { holidayName, monthWeeks, runsOf, runsInMonth, selectableYears } from './calendarView';

describe('calendar page view', () => {
  it('lays out a month Monday first (October 2026 starts on a Thursday)', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks[4]).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      null,
    ]);
    expect(monthWeeks(2026, 2).flat().filter(Boolean)).toHaveLength(28);
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('joins consecutive days of one holiday into a run, make-up days apart', () => {
    const runs = runsOf([
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-03', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
      { date: '2026-09-27', kind: 'holiday', name: '中秋节' },
      { date: '2026-09-26', kind: 'holiday', name: '中秋节' },
      { date: '2026-09-28', kind: 'holiday', name: '其他' },
    ]);
    expect(runs).toEqual([
      { from: '2026-09-26', to: '2026-09-27', kind: 'holiday', name: '中秋节' },
      { from: '2026-09-28', to: '2026-09-28', kind: 'holiday', name: '其他' },
      { from: '2026-10-01', to: '2026-10-03', kind: 'holiday', name: '国庆节' },
      { from: '2026-10-10', to: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
    expect(runsInMonth(runs, 10)).toHaveLength(2);
  });

  it('offers the years entered and last year to two years ahead', () => {
    expect(selectableYears([2025, 2026], 2026)).toEqual([2025, 2026, 2027, 2028]);
    expect(selectableYears([2020], 2026)).toEqual([2020, 2025, 2026, 2027, 2028]);
  });
});

describe('holiday names', () => {
  it('every holiday of the preloaded schedules has an English name', () => {
    const names = new Set(Object.values(OFFICIAL_SCHEDULES).flatMap((y) => y.days.map((d) => d.name)));
    for (const name of names) expect(holidayName(name, true), name).not.toMatch(/\p{Script=Han}/u);
    expect(holidayName('春节', false)).toBe('春节');
    expect(holidayName('厂庆日', true)).toBe('厂庆日');
  });
});
