import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarOf,
  isWorkingDay,
  OFFICIAL_SCHEDULES,
  workingDaysBetween,
} from './working-days';

const official = calendarOf(Object.values(OFFICIAL_SCHEDULES).flatMap((y) => y.days));
const plain = calendarOf([]);

describe('working days', () => {
  it.each([
    // [from, n, expected, why]
    ['2026-12-02', 1, '2026-12-03', 'a Wednesday: the next day'],
    ['2026-12-04', 1, '2026-12-07', 'a Friday: over the weekend'],
    ['2026-12-05', 1, '2026-12-07', 'a Saturday: counting starts on the first working day after'],
    ['2026-12-02', 0, '2026-12-02', 'zero days is the day itself'],
    ['2026-09-30', 1, '2026-10-08', '国庆 1–7 Oct off'],
    ['2026-10-08', 2, '2026-10-10', 'Sat 10 Oct 2026 is a make-up working day'],
    ['2026-02-13', 1, '2026-02-14', 'Sat 14 Feb 2026 worked before 春节'],
    ['2026-02-14', 1, '2026-02-24', '春节 15–23 Feb off'],
    ['2026-02-24', 4, '2026-02-28', 'Sat 28 Feb 2026 worked'],
    ['2025-01-24', 1, '2025-01-26', 'Sun 26 Jan 2025 worked'],
    ['2025-01-27', 1, '2025-02-05', '春节 28 Jan–4 Feb 2025 off'],
    ['2025-09-26', 1, '2025-09-28', 'Sun 28 Sep 2025 worked'],
    ['2025-09-30', 1, '2025-10-09', '国庆·中秋 1–8 Oct 2025 off'],
    ['2025-09-30', 3, '2025-10-11', 'then Sat 11 Oct 2025 worked'],
    ['2025-12-31', 1, '2026-01-04', 'across the year: 元旦 1–3 Jan 2026 off, Sun 4 Jan worked'],
    ['2025-12-31', 2, '2026-01-05', 'then Monday 5 Jan'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from as string, n as number, official)).toBe(expected);
    expect(workingDaysBetween(from as string, expected as string, official)).toBe(n);
  });

  it('seven working days of notice from a Monday in a plain week end on the next Wednesday', () => {
    expect(addWorkingDays('2026-11-30', 7, plain)).toBe('2026-12-09');
  });

  it('weekends are off and weekdays on, unless the calendar says otherwise', () => {
    expect(isWorkingDay('2026-12-05', official)).toBe(false);
    expect(isWorkingDay('2026-10-10', official)).toBe(true);
    expect(isWorkingDay('2026-10-01', official)).toBe(false);
    expect(isWorkingDay('2026-12-02', official)).toBe(true);
  });

  it('counts nothing backwards and refuses malformed input', () => {
    expect(workingDaysBetween('2026-12-09', '2026-12-02', official)).toBe(0);
    expect(() => addWorkingDays('2026-02-30', 1, official)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', -1, official)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', 1.5, official)).toThrow(RangeError);
  });

  it('the official schedules have the published number of make-up days and no date twice', () => {
    for (const [year, count] of [
      [2025, 5],
      [2026, 6],
    ] as const) {
      const days = OFFICIAL_SCHEDULES[year]!.days;
      expect(days.filter((d) => d.kind === 'workday')).toHaveLength(count);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const d of days.filter((x) => x.kind === 'workday'))
        expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
  });
});
