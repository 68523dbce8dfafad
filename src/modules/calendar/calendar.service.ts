/**
 * The working-day calendar (domain guide §11): the task force enters each year's holidays and
 * make-up working days from the State Council's notice; every deadline counted in working days
 * (the evaluation's public notice, SLAs, task deadlines) reads them through the functions here.
 */
import type { Database, Db } from '../../platform/db/client';
import { fail, forbidden } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, type Actor } from '../auth/core/access';
import * as repo from './calendar.repository';
import type { CalendarOverview, CalendarYear, DueDate, SaveDayBody, SaveYearBody } from './calendar.schemas';
import { entryProblems, isDate, missingYears, yearOf, yearProblems, yearsReached } from './core/entries';
import {
  addWorkingDays as addDays,
  calendarOf,
  workingDaysBetween as daysBetween,
  type CalendarDay,
  type WorkingCalendar,
} from './core/working-days';

/** A working calendar read from the data, and the years in its range that have no schedule. */
export interface LoadedCalendar {
  calendar: WorkingCalendar;
  /** Years of the range with no schedule entered: counted Monday–Friday only. */
  missingYears: number[];
}

/**
 * The working calendar of the years `fromYear`–`toYear`, in one query, inside the caller's
 * transaction (or on the pool). Years not entered count Monday–Friday and are listed.
 */
export async function workingCalendarIn(db: Db, fromYear: number, toYear: number): Promise<LoadedCalendar> {
  const { years, days } = await repo.yearsWithDays(db, fromYear, toYear);
  return {
    calendar: calendarOf(days),
    missingYears: missingYears(fromYear, toYear, new Set(years.map((y) => y.year))),
  };
}

const notADate = (field: string, value: string) =>
  fail('CALENDAR_DAY_INVALID', [
    {
      field,
      code: 'NOT_A_DATE',
      zh: `${value} 不是有效日期（格式 YYYY-MM-DD）`,
      en: `${value} is not a date (YYYY-MM-DD)`,
    },
  ]);

/**
 * "N working days after D" (the N-th working day strictly after `from`) on the calendar data, in
 * the caller's transaction; `missingYears`: the years the count crossed without a schedule.
 */
export async function addWorkingDaysIn(db: Db, from: string, days: number): Promise<DueDate> {
  if (!isDate(from)) notADate('from', from);
  const { fromYear } = yearsReached(from, days);
  let { toYear } = yearsReached(from, days);
  for (;;) {
    const loaded = await workingCalendarIn(db, fromYear, toYear);
    const due = addDays(from, days, loaded.calendar);
    // The estimate of the years reached is generous; should a count run past it, read further.
    if (yearOf(due) <= toYear)
      return { from, days, due, missingYears: loaded.missingYears.filter((y) => y <= yearOf(due)) };
    toYear = yearOf(due) + 1;
  }
}

/** The working days in (from, to] on the calendar data, in the caller's transaction. */
export async function workingDaysBetweenIn(
  db: Db,
  from: string,
  to: string,
): Promise<{ workingDays: number; missingYears: number[] }> {
  if (!isDate(from)) notADate('from', from);
  if (!isDate(to)) notADate('to', to);
  const fromYear = yearOf(from);
  const toYear = Math.max(fromYear, yearOf(to));
  const loaded = await workingCalendarIn(db, fromYear, toYear);
  return { workingDays: daysBetween(from, to, loaded.calendar), missingYears: loaded.missingYears };
}

const userOf = (actor: Actor) => (actor.userId > 0 ? actor.userId : null);
const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);

/** What changed between two lists of a year: dates added, removed and changed. */
function changes(before: readonly CalendarDay[], after: readonly CalendarDay[]) {
  const old = new Map(before.map((d) => [d.date, d]));
  const now = new Map(after.map((d) => [d.date, d]));
  return {
    added: after.filter((d) => !old.has(d.date)).map((d) => d.date),
    removed: before.filter((d) => !now.has(d.date)).map((d) => d.date),
    changed: after
      .filter(
        (d) => old.has(d.date) && (old.get(d.date)!.kind !== d.kind || old.get(d.date)!.name !== d.name),
      )
      .map((d) => d.date),
  };
}

export function createCalendarService(database: Database) {
  const { db } = database;
  const requireWrite = (actor: Actor) => {
    if (!can(actor, 'calendar:write')) forbidden('calendar:write');
  };

  async function yearOfCalendar(dbOrTx: Db, year: number): Promise<CalendarYear> {
    const { years, days } = await repo.yearsWithDays(dbOrTx, year, year);
    const entry = years[0];
    return {
      year,
      entered: entry !== undefined,
      source: entry?.source ?? null,
      updatedAt: entry?.updatedAt ?? null,
      days,
    };
  }

  return {
    /** The years entered and this year and next when they are not. Every logged-in user may read. */
    async overview(today: string = zonedDate()): Promise<CalendarOverview> {
      const years = await repo.yearList(db);
      const thisYear = yearOf(today);
      return {
        today,
        years,
        missing: missingYears(thisYear, thisYear + 1, new Set(years.map((y) => y.year))),
      };
    },

    /** One year: its source and days, or `entered: false`. Every logged-in user may read. */
    year: (year: number): Promise<CalendarYear> => yearOfCalendar(db, year),

    /** Sets a year's source (entering the year when new); with `days`, replaces its whole list. */
    async saveYear(actor: Actor, year: number, body: SaveYearBody): Promise<CalendarYear> {
      requireWrite(actor);
      const source = body.source.trim();
      const days = body.days?.map((d) => ({ ...d, name: d.name.trim() })).sort(byDate);
      const problems = [
        ...(source === ''
          ? [
              {
                field: 'source',
                code: 'SOURCE_REQUIRED',
                zh: '请填写国务院通知的名称或文号',
                en: 'Give the State Council notice’s title or number',
              },
            ]
          : []),
        ...(body.days ? yearProblems(body.days, year) : []),
      ];
      if (problems.length > 0) fail('CALENDAR_DAY_INVALID', problems);
      return database.transaction(async (tx) => {
        const before = await repo.lockYear(tx, year);
        await repo.saveYear(tx, year, source, userOf(actor));
        const replaced = days ? await repo.replaceDays(tx, year, days, userOf(actor)) : null;
        await recordAudit(tx, subjectOf(actor), {
          action: 'calendar.year_save',
          result: 'success',
          objectType: 'calendar_year',
          objectId: year,
          detail: {
            year,
            source,
            ...(before === null ? { entered: true } : { previousSource: before.source }),
            ...(days && replaced ? { days: days.length, ...changes(replaced, days) } : {}),
          },
        });
        return yearOfCalendar(tx, year);
      });
    },

    /** Adds a holiday or make-up working day on `date`, or changes the one there. */
    async saveDay(actor: Actor, date: string, body: SaveDayBody): Promise<CalendarYear> {
      requireWrite(actor);
      const day: CalendarDay = { date, kind: body.kind, name: body.name.trim() };
      const problems = entryProblems(day, 'day');
      if (problems.length > 0) fail('CALENDAR_DAY_INVALID', problems);
      const year = yearOf(date);
      return database.transaction(async (tx) => {
        if (!(await repo.lockYear(tx, year))) fail('CALENDAR_YEAR_NOT_ENTERED');
        const previous = await repo.findDay(tx, date);
        await repo.saveDay(tx, day, year, userOf(actor));
        await repo.touchYear(tx, year, userOf(actor));
        await recordAudit(tx, subjectOf(actor), {
          action: 'calendar.day_save',
          result: 'success',
          objectType: 'calendar_day',
          objectId: date,
          detail: { date, kind: day.kind, name: day.name, previous },
        });
        return yearOfCalendar(tx, year);
      });
    },

    /** Removes the entry of `date` (the date counts Monday–Friday again). */
    async deleteDay(actor: Actor, date: string): Promise<CalendarYear> {
      requireWrite(actor);
      if (!isDate(date)) fail('CALENDAR_DAY_NOT_FOUND');
      const year = yearOf(date);
      return database.transaction(async (tx) => {
        await repo.lockYear(tx, year);
        const previous = await repo.findDay(tx, date);
        if (!previous || !(await repo.deleteDay(tx, date, year))) return fail('CALENDAR_DAY_NOT_FOUND');
        await repo.touchYear(tx, year, userOf(actor));
        await recordAudit(tx, subjectOf(actor), {
          action: 'calendar.day_delete',
          result: 'success',
          objectType: 'calendar_day',
          objectId: date,
          detail: { date, kind: previous.kind, name: previous.name },
        });
        return yearOfCalendar(tx, year);
      });
    },

    // For other modules (requests, tasks, SLAs): reading the calendar needs no permission.

    /** The working calendar of the years `fromYear`–`toYear` (one query). */
    workingCalendar: (fromYear: number, toYear: number) => workingCalendarIn(db, fromYear, toYear),
    /** "N working days after D" with the years crossed that have no schedule. */
    addWorkingDays: (from: string, days: number) => addWorkingDaysIn(db, from, days),
    /** The working days in (from, to]. */
    workingDaysBetween: (from: string, to: string) => workingDaysBetweenIn(db, from, to),
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
