/** The working-day calendar API contract (domain guide §11): request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import {
  CALENDAR_KINDS,
  FIRST_YEAR,
  LAST_YEAR,
  MAX_WORKING_DAYS,
  NAME_MAX_LENGTH,
  SOURCE_MAX_LENGTH,
} from './core/entries';

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: FIRST_YEAR, maximum: LAST_YEAR });

export const CalendarDaySchema = Type.Object(
  {
    date: DateText,
    kind: OneOf(CALENDAR_KINDS, { description: 'holiday: a day off; workday: a weekend day worked (调休)' }),
    name: Type.String({
      maxLength: NAME_MAX_LENGTH,
      description: 'The holiday (for a make-up day, the one it makes up for)',
    }),
  },
  { additionalProperties: false },
);
export type CalendarDayEntry = Static<typeof CalendarDaySchema>;

export const YearParamsSchema = Type.Object({ year: Year }, { additionalProperties: false });
export const DateParamsSchema = Type.Object({ date: DateText }, { additionalProperties: false });

/** A year of the calendar: its notice and its days, or `entered: false` (counted Monday–Friday). */
export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  entered: Type.Boolean({
    description: 'false: no schedule yet; deadlines in the year count Monday–Friday only',
  }),
  source: Nullable(Type.String({ description: 'The State Council notice the days come from' })),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  /** Holidays and make-up working days, by date. */
  days: Type.Array(Type.Object({ date: Type.String(), kind: OneOf(CALENDAR_KINDS), name: Type.String() })),
});
export type CalendarYear = Static<typeof CalendarYearSchema>;

/** The years entered, and the years around today that are not (a warning). */
export const CalendarOverviewSchema = Type.Object({
  /** Today in the configured time zone. */
  today: Type.String(),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      source: Type.String(),
      holidays: Type.Integer(),
      workdays: Type.Integer(),
      updatedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  /** This year and next year when they have no schedule: deadlines there count Monday–Friday only. */
  missing: Type.Array(Type.Integer()),
});
export type CalendarOverview = Static<typeof CalendarOverviewSchema>;

export const SaveYearBodySchema = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: SOURCE_MAX_LENGTH }),
    /** Given: replaces the year's whole list; left out: only the source changes. */
    days: Type.Optional(Type.Array(CalendarDaySchema, { maxItems: 120 })),
  },
  { additionalProperties: false },
);
export type SaveYearBody = Static<typeof SaveYearBodySchema>;

export const SaveDayBodySchema = Type.Object(
  {
    kind: OneOf(CALENDAR_KINDS),
    name: Type.String({ maxLength: NAME_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type SaveDayBody = Static<typeof SaveDayBodySchema>;

export const AddWorkingDaysQuerySchema = Type.Object(
  { from: DateText, days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }) },
  { additionalProperties: false },
);
export type AddWorkingDaysQuery = Static<typeof AddWorkingDaysQuerySchema>;

/** "N working days after D". */
export const DueDateSchema = Type.Object({
  from: Type.String(),
  days: Type.Integer(),
  due: Type.String({ description: 'The N-th working day strictly after `from`' }),
  /** Years the count crossed with no schedule entered: counted Monday–Friday only. */
  missingYears: Type.Array(Type.Integer()),
});
export type DueDate = Static<typeof DueDateSchema>;
