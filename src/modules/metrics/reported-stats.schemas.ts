/** The reported-statistics API contract (统计上报数): request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/contract';
import { BASE_FIGURES } from './core/metrics';
import { AMOUNT_DECIMALS, NOTE_MAX, YEAR_MAX, YEAR_MIN } from './core/reported';
import { BaseFigureSchema, FigureInfoSchema } from './metrics.schemas';

const PlatformId = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Year = Type.Integer({ minimum: YEAR_MIN, maximum: YEAR_MAX });
/** Checked by the service (STAT_INVALID with field details), so the schema only asks for the type. */
const YearInput = Type.Integer({ description: `${YEAR_MIN}–${YEAR_MAX}` });
const FigureInput = Type.String({
  maxLength: 64,
  description: `One of: ${BASE_FIGURES.join(', ')}`,
});
const VALUE_RULE = `By the figure's kind: amount ≥ 0 with up to ${AMOUNT_DECIMALS} decimals, count a whole number ≥ 0, flag 0 or 1`;
const ValueInput = Type.Number({ description: VALUE_RULE });
const NoteInput = Type.String({
  description: `At most ${NOTE_MAX} characters; omitted: the stored note is kept`,
});

/** A figure that can be reported, with its kind and unit. */
export const ReportableFigureSchema = Type.Object({
  ...FigureInfoSchema.properties,
  reportedOnly: Type.Boolean(),
});
export type ReportableFigure = Static<typeof ReportableFigureSchema>;
export const ReportableFiguresSchema = Type.Array(ReportableFigureSchema);

/** One reported figure. */
export const ReportedStatSchema = Type.Object({
  platformId: Type.Integer(),
  platformName: Type.String(),
  year: Type.Integer(),
  figure: BaseFigureSchema,
  value: Type.Number(),
  note: Type.String(),
  enteredBy: Nullable(Type.Integer()),
  enteredByName: Type.String(),
  enteredAt: Type.String({ format: 'date-time' }),
});
export type ReportedStat = Static<typeof ReportedStatSchema>;
export const ReportedStatListSchema = Type.Array(ReportedStatSchema);

const counts = {
  set: Type.Integer({ description: 'figures set or changed' }),
  cleared: Type.Integer({ description: 'overrides removed' }),
  unchanged: Type.Integer({ description: 'items equal to what was stored' }),
};
export const ChangeCountsSchema = Type.Object(counts);
export type ChangeCounts = Static<typeof ChangeCountsSchema>;

const keyFields = { platformId: PlatformId, year: YearInput, figure: FigureInput };
/** Which figure of which platform-year. */
export const StatKeySchema = Type.Object(keyFields, { additionalProperties: false });
export type StatKey = Static<typeof StatKeySchema>;

export const StatListQuerySchema = Type.Object(
  { year: Year, platformId: Type.Optional(PlatformId) },
  { additionalProperties: false },
);
export type StatListQuery = Static<typeof StatListQuerySchema>;

export const StatSetBodySchema = Type.Object(
  {
    ...keyFields,
    // Nullable so that a null is refused as missing, not coerced to 0.
    value: Nullable(ValueInput),
    note: Type.Optional(NoteInput),
  },
  { additionalProperties: false },
);
export type StatSetBody = Static<typeof StatSetBodySchema>;
export const StatSetResultSchema = Type.Object({ ...ReportedStatSchema.properties, changed: Type.Boolean() });
export type StatSetResult = Static<typeof StatSetResultSchema>;

/** The key of the figure to clear, in the query string (or in the body). */
export const StatClearQuerySchema = Type.Object(
  {
    platformId: Type.Optional(PlatformId),
    year: Type.Optional(YearInput),
    figure: Type.Optional(FigureInput),
  },
  { additionalProperties: false },
);
export type StatClearQuery = Static<typeof StatClearQuerySchema>;
export const StatClearBodySchema = Type.Union([StatKeySchema, Type.Null()]);
export const StatClearResultSchema = Type.Object({
  cleared: Type.Boolean({ description: 'false: there was no reported figure' }),
});
export type StatClearResult = Static<typeof StatClearResultSchema>;

export const StatsBatchItemSchema = Type.Object(
  {
    figure: FigureInput,
    value: Nullable(Type.Number({ description: `${VALUE_RULE}; null clears` })),
    note: Type.Optional(NoteInput),
  },
  { additionalProperties: false },
);
export type StatsBatchItem = Static<typeof StatsBatchItemSchema>;
export const StatsBatchBodySchema = Type.Object(
  { platformId: PlatformId, year: YearInput, items: Type.Array(StatsBatchItemSchema, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type StatsBatchBody = Static<typeof StatsBatchBodySchema>;
export const StatsBatchResultSchema = Type.Object({
  platformId: Type.Integer(),
  platformName: Type.String(),
  year: Type.Integer(),
  ...counts,
  items: Type.Array(ReportedStatSchema, {
    description: 'every reported figure of the platform-year after the change',
  }),
});
export type StatsBatchResult = Static<typeof StatsBatchResultSchema>;

/** A workbook download (.xlsx). */
export const WorkbookFileSchema = Type.String({ format: 'binary' });

export const StatsYearQuerySchema = Type.Object({ year: Year }, { additionalProperties: false });
export const StatsImportResultSchema = Type.Object({
  year: Type.Integer(),
  platforms: Type.Integer(),
  ...counts,
});
export type StatsImportResult = Static<typeof StatsImportResultSchema>;
