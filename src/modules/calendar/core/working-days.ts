/**
 * The working-day calendar (domain guide §11): Monday–Friday, minus public holidays, plus the
 * make-up working days (调休) the State Council announces each year. Pure: the calendar itself is
 * data (a table the task force edits); this module only does the arithmetic on it.
 *
 * Dates are calendar dates `YYYY-MM-DD` with no time zone: "today" is decided by the caller in the
 * configured zone (`platform/time-zone`).
 */

/** One year's exceptions to the Monday–Friday rule. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `holiday`: a weekday off; `workday`: a weekend day worked (调休). */
  kind: 'holiday' | 'workday';
  /** The holiday's name, e.g. 春节 (for a make-up day, the holiday it makes up for). */
  name: string;
}

export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function calendarOf(days: readonly CalendarDay[]): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'holiday' ? holidays : workdays).add(d.date);
  return { holidays, workdays };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: string): Date {
  if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a date: ${date}`);
  return d;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Monday–Friday unless a holiday; Saturday/Sunday only when listed as a make-up working day. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = parse(date).getUTCDay();
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekday !== 0 && weekday !== 6;
}

/**
 * "N working days after D": counting starts on the first working day after D, so the result is
 * the N-th working day strictly after `from`. N = 0 returns `from` itself.
 */
export function addWorkingDays(from: string, days: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
  const d = parse(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(iso(d), calendar)) left--;
  }
  return iso(d);
}

/**
 * The working days in (from, to]: how many working days it took from `from` to `to` (0 when `to`
 * is on or before `from`). `addWorkingDays(d, n)` = t implies `workingDaysBetween(d, t)` = n.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const d = parse(from);
  const end = parse(to);
  let n = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(iso(d), calendar)) n++;
  }
  return n;
}

function range(from: string, to: string, name: string, kind: CalendarDay['kind'] = 'holiday'): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const d = parse(from); iso(d) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push({ date: iso(d), kind, name });
  return out;
}

/**
 * The State Council's published schedules (domain guide §11), preloaded so a new installation
 * counts deadlines correctly; the task force adds each new year from the notice. Holidays list
 * every day off, weekends included, as the notices do; make-up days are the weekends worked.
 */
export const OFFICIAL_SCHEDULES: Readonly<Record<number, { source: string; days: readonly CalendarDay[] }>> =
  {
    2025: {
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
      days: [
        ...range('2025-01-01', '2025-01-01', '元旦'),
        ...range('2025-01-28', '2025-02-04', '春节'),
        { date: '2025-01-26', kind: 'workday', name: '春节' },
        { date: '2025-02-08', kind: 'workday', name: '春节' },
        ...range('2025-04-04', '2025-04-06', '清明节'),
        ...range('2025-05-01', '2025-05-05', '劳动节'),
        { date: '2025-04-27', kind: 'workday', name: '劳动节' },
        ...range('2025-05-31', '2025-06-02', '端午节'),
        ...range('2025-10-01', '2025-10-08', '国庆节、中秋节'),
        { date: '2025-09-28', kind: 'workday', name: '国庆节、中秋节' },
        { date: '2025-10-11', kind: 'workday', name: '国庆节、中秋节' },
      ],
    },
    2026: {
      source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
      days: [
        ...range('2026-01-01', '2026-01-03', '元旦'),
        { date: '2026-01-04', kind: 'workday', name: '元旦' },
        ...range('2026-02-15', '2026-02-23', '春节'),
        { date: '2026-02-14', kind: 'workday', name: '春节' },
        { date: '2026-02-28', kind: 'workday', name: '春节' },
        ...range('2026-04-04', '2026-04-06', '清明节'),
        ...range('2026-05-01', '2026-05-05', '劳动节'),
        { date: '2026-05-09', kind: 'workday', name: '劳动节' },
        ...range('2026-06-19', '2026-06-21', '端午节'),
        ...range('2026-09-25', '2026-09-27', '中秋节'),
        ...range('2026-10-01', '2026-10-07', '国庆节'),
        { date: '2026-09-20', kind: 'workday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节' },
      ],
    },
  };
