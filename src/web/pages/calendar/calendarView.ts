/** What the calendar page draws: a month's weeks and the runs of holidays and make-up days. Pure. */
import type { CalendarDay } from '../../api/calendar';

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date));

/**
 * The month's weeks, Monday first: each week seven dates, `null` before the 1st and after the
 * last day.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7;
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => isoDate(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export interface Run {
  from: string;
  to: string;
  kind: CalendarDay['kind'];
  name: string;
}

/** Consecutive dates of the same kind and name as one run ("1–7 Oct 国庆节"), by date. */
export function runsOf(days: readonly CalendarDay[]): Run[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const runs: Run[] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    const next = last && new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (last && next === d.date && last.kind === d.kind && last.name === d.name) last.to = d.date;
    else runs.push({ from: d.date, to: d.date, kind: d.kind, name: d.name });
  }
  return runs;
}

/** The runs that start in a month (1–12). */
export const runsInMonth = (runs: readonly Run[], month: number) =>
  runs.filter((r) => Number(r.from.slice(5, 7)) === month);

/** The years the selector offers: those entered, and last year to two years ahead. */
export function selectableYears(entered: readonly number[], thisYear: number): number[] {
  const set = new Set([...entered, thisYear - 1, thisYear, thisYear + 1, thisYear + 2]);
  return [...set].sort((a, b) => a - b);
}

/**
 * English names of the public holidays the State Council's notices use (our own short table; a
 * name the task force types that is not here is shown as typed).
 */
const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  '国庆节、中秋节': 'National Day and Mid-Autumn Festival',
};

/** A holiday's name in the UI language. */
export function holidayName(name: string, english: boolean): string {
  return english ? (HOLIDAY_NAMES_EN[name.trim()] ?? name) : name;
}
