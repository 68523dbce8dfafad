/** Working-day calendar queries: the years entered and their holidays and make-up working days. */
import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { calendarDays, calendarYears } from '../../platform/db/schema';
import type { CalendarDay } from './core/working-days';

export interface StoredYear {
  year: number;
  source: string;
  updatedAt: string;
}

const iso = (v: unknown) => new Date(v as string | Date).toISOString();

/**
 * The entered years from `fromYear` to `toYear` and all their days, in one query (years without
 * days come back with an empty list).
 */
export async function yearsWithDays(
  db: Db,
  fromYear: number,
  toYear: number,
): Promise<{ years: StoredYear[]; days: CalendarDay[] }> {
  const rows = await db
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      updatedAt: calendarYears.updatedAt,
      date: calendarDays.date,
      kind: calendarDays.kind,
      name: calendarDays.name,
    })
    .from(calendarYears)
    .leftJoin(calendarDays, eq(calendarDays.year, calendarYears.year))
    .where(between(calendarYears.year, fromYear, toYear))
    .orderBy(asc(calendarYears.year), asc(calendarDays.date));
  const years = new Map<number, StoredYear>();
  const days: CalendarDay[] = [];
  for (const r of rows) {
    if (!years.has(r.year))
      years.set(r.year, { year: r.year, source: r.source, updatedAt: iso(r.updatedAt) });
    if (r.date !== null) days.push({ date: r.date, kind: r.kind as CalendarDay['kind'], name: r.name ?? '' });
  }
  return { years: [...years.values()], days };
}

/** Every entered year with its counts of holidays and make-up working days. */
export async function yearList(
  db: Db,
): Promise<{ year: number; source: string; holidays: number; workdays: number; updatedAt: string }[]> {
  const rows = await db
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      updatedAt: calendarYears.updatedAt,
      holidays:
        sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'holiday')`.mapWith(
          Number,
        ),
      workdays:
        sql<number>`count(${calendarDays.date}) filter (where ${calendarDays.kind} = 'workday')`.mapWith(
          Number,
        ),
    })
    .from(calendarYears)
    .leftJoin(calendarDays, eq(calendarDays.year, calendarYears.year))
    .groupBy(calendarYears.year)
    .orderBy(asc(calendarYears.year));
  return rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) }));
}

/** The year's row, locked for the rest of the transaction; null when not entered. */
export async function lockYear(tx: Db, year: number): Promise<StoredYear | null> {
  const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
  return row ? { year: row.year, source: row.source, updatedAt: iso(row.updatedAt) } : null;
}

/** Creates the year or changes its source. */
export async function saveYear(tx: Db, year: number, source: string, userId: number | null): Promise<void> {
  await tx
    .insert(calendarYears)
    .values({ year, source, updatedBy: userId })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source, updatedBy: userId, updatedAt: sql`now()` },
    });
}

/** Marks the year changed (a day of it was added, edited or deleted). */
export async function touchYear(tx: Db, year: number, userId: number | null): Promise<void> {
  await tx
    .update(calendarYears)
    .set({ updatedBy: userId, updatedAt: sql`now()` })
    .where(eq(calendarYears.year, year));
}

/** Replaces the year's whole list; returns the list it had. */
export async function replaceDays(
  tx: Db,
  year: number,
  days: readonly CalendarDay[],
  userId: number | null,
): Promise<CalendarDay[]> {
  const before = await tx
    .delete(calendarDays)
    .where(eq(calendarDays.year, year))
    .returning({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name });
  if (days.length > 0)
    await tx.insert(calendarDays).values(days.map((d) => ({ ...d, year, updatedBy: userId })));
  return before
    .map((d) => ({ ...d, kind: d.kind as CalendarDay['kind'] }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The stored entry of a date, or null. */
export async function findDay(tx: Db, date: string): Promise<CalendarDay | null> {
  const [row] = await tx
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(eq(calendarDays.date, date));
  return row ? { ...row, kind: row.kind as CalendarDay['kind'] } : null;
}

/** Adds the date's entry or changes it. */
export async function saveDay(tx: Db, day: CalendarDay, year: number, userId: number | null): Promise<void> {
  await tx
    .insert(calendarDays)
    .values({ ...day, year, updatedBy: userId })
    .onConflictDoUpdate({
      target: calendarDays.date,
      set: { kind: day.kind, name: day.name, updatedBy: userId, updatedAt: sql`now()` },
    });
}

/** Deletes the date's entry; whether there was one. */
export async function deleteDay(tx: Db, date: string, year: number): Promise<boolean> {
  const gone = await tx
    .delete(calendarDays)
    .where(and(eq(calendarDays.date, date), eq(calendarDays.year, year)))
    .returning({ date: calendarDays.date });
  return gone.length > 0;
}
