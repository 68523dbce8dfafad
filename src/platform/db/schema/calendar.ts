import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A year of the working-day calendar (domain guide §11): entered once its State Council notice is
 * out. A year without a row counts Monday–Friday only, and the calendar says so.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    /** The notice the year's days come from (e.g. 国办发明电〔2024〕12号). */
    source: text('source').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_years_year', sql`${t.year} between 2000 and 2100`)],
);

/** One exception to Monday–Friday: a public holiday, or a weekend day worked (调休). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_days_year').on(t.year),
    check('calendar_days_kind', sql`${t.kind} in ('holiday', 'workday')`),
    check('calendar_days_in_year', sql`extract(year from ${t.date}) = ${t.year}`),
    check(
      'calendar_days_workday_weekend',
      sql`${t.kind} <> 'workday' or extract(isodow from ${t.date}) in (6, 7)`,
    ),
  ],
);
