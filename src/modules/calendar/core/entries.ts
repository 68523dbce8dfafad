/**
 * The rules for what the task force enters in the working-day calendar, and which years a count
 * touches. Pure.
 */
import type { CalendarDay } from './working-days';

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export const NAME_MAX_LENGTH = 40;
export const SOURCE_MAX_LENGTH = 200;
/** The most working days one count may span (about four years). */
export const MAX_WORKING_DAYS = 1000;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** A field's problem, in the shape of the error catalogue's field errors. */
export interface EntryProblem {
  field: string;
  code: 'NOT_A_DATE' | 'OUTSIDE_YEAR' | 'WORKDAY_NOT_WEEKEND' | 'NAME_REQUIRED' | 'DUPLICATE_DATE';
  zh: string;
  en: string;
}

/** Whether `date` is a real calendar date written `YYYY-MM-DD`. */
export function isDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string): boolean => [0, 6].includes(weekdayOf(date));
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * What is wrong with one entry: a real date, in `year` when given; a make-up working day only on a
 * Saturday or Sunday (a weekday is a working day anyway); a name. A holiday may fall on any day
 * (the notices list every day off, weekends included).
 */
export function entryProblems(day: CalendarDay, field: string, year?: number): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!isDate(day.date))
    problems.push({
      field: `${field}.date`,
      code: 'NOT_A_DATE',
      zh: `${day.date} 不是有效日期（格式 YYYY-MM-DD）`,
      en: `${day.date} is not a date (YYYY-MM-DD)`,
    });
  else {
    if (year !== undefined && yearOf(day.date) !== year)
      problems.push({
        field: `${field}.date`,
        code: 'OUTSIDE_YEAR',
        zh: `${day.date} 不在 ${year} 年内`,
        en: `${day.date} is not in ${year}`,
      });
    if (day.kind === 'workday' && !isWeekend(day.date))
      problems.push({
        field: `${field}.kind`,
        code: 'WORKDAY_NOT_WEEKEND',
        zh: `${day.date} 是周一至周五，本来就是工作日：调休上班日只能是周六或周日`,
        en: `${day.date} is a weekday and a working day anyway: a make-up working day must be a Saturday or Sunday`,
      });
  }
  if (day.name.trim() === '')
    problems.push({
      field: `${field}.name`,
      code: 'NAME_REQUIRED',
      zh: '请填写节日名称（调休日填所调的节日）',
      en: 'Give the holiday’s name (for a make-up day, the holiday it makes up for)',
    });
  return problems;
}

/** The problems of a whole year's list: each entry's, and a date listed twice. */
export function yearProblems(days: readonly CalendarDay[], year: number): EntryProblem[] {
  const seen = new Set<string>();
  const problems: EntryProblem[] = [];
  days.forEach((d, i) => {
    problems.push(...entryProblems(d, `days.${i}`, year));
    if (seen.has(d.date))
      problems.push({
        field: `days.${i}.date`,
        code: 'DUPLICATE_DATE',
        zh: `${d.date} 重复出现`,
        en: `${d.date} is listed twice`,
      });
    seen.add(d.date);
  });
  return problems;
}

/**
 * The years a count of `days` working days from `from` can reach: from's year to the year by which
 * that many working days have certainly passed (at most 7/5 calendar days per working day, plus a
 * month of holidays a year).
 */
export function yearsReached(from: string, days: number): { fromYear: number; toYear: number } {
  const fromYear = yearOf(from);
  const calendarDays = Math.ceil((days * 7) / 5) + 7;
  const years = Math.ceil(calendarDays / (365 - 40));
  return { fromYear, toYear: fromYear + years };
}

/** The years from `fromYear` to `toYear` with no schedule entered (counted Monday–Friday only). */
export function missingYears(fromYear: number, toYear: number, entered: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!entered.has(y)) out.push(y);
  return out;
}
