/**
 * The metrics API contract (domain guide §6–§7): the catalogue, the values of a scope and year, a
 * platform-year's figures and the records behind a number.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import {
  BASE_FIGURES,
  FIGURE_KINDS,
  METRIC_FORMATS,
  METRIC_KEYS,
  METRIC_SCOPES,
  SOURCES,
} from './core/metrics';

/** An object with one property per code, each of the same schema (e.g. a value per metric). */
export const Keyed = <const K extends readonly string[], S extends TSchema>(keys: K, schema: S) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K[number], S>);

export const YearSchema = Type.Integer({ minimum: 1990, maximum: 2100 });
const Num = Nullable(Type.Number());
const PlatformIdQuery = Type.Integer({ minimum: 1 });

export const MetricKeySchema = OneOf(METRIC_KEYS);
export const BaseFigureSchema = OneOf(BASE_FIGURES);
export const SourceSchema = OneOf(SOURCES);

// ---- The catalogue ----

export const MetricInfoSchema = Type.Object({
  key: MetricKeySchema,
  zh: Type.String(),
  en: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  formulaZh: Type.String(),
  formulaEn: Type.String(),
  scope: OneOf(METRIC_SCOPES),
  format: OneOf(METRIC_FORMATS),
  figures: Type.Array(BaseFigureSchema),
});
/** A metric as the catalogue describes it (the definition without its compute function). */
export type MetricInfo = Static<typeof MetricInfoSchema>;

export const FigureInfoSchema = Type.Object({
  key: BaseFigureSchema,
  zh: Type.String(),
  en: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  kind: OneOf(FIGURE_KINDS),
});
export type FigureInfo = Static<typeof FigureInfoSchema>;

export const MetricCatalogueSchema = Type.Object({
  metrics: Type.Array(MetricInfoSchema),
  figures: Type.Array(FigureInfoSchema),
});
export type MetricCatalogue = Static<typeof MetricCatalogueSchema>;

// ---- Values ----

/** Base figures of a platform-year (or their sums): null = no data. */
export const BasesSchema = Keyed(BASE_FIGURES, Num);
export const MetricValuesSchema = Keyed(METRIC_KEYS, Num);
export type MetricValues = Static<typeof MetricValuesSchema>;
export const MetricSourcesSchema = Keyed(METRIC_KEYS, SourceSchema);

/** A reported figure that replaced (or supplied) a figure of a platform-year. */
export const OverrideSchema = Type.Object({
  figure: BaseFigureSchema,
  value: Type.Number(),
  by: Type.String(),
  at: Type.String(),
  note: Type.String(),
});

export const ScopeValuesSchema = Type.Object({
  year: Type.Integer(),
  values: MetricValuesSchema,
  sources: MetricSourcesSchema,
  /** City only: platforms that reported a figure of each reported-only metric. */
  reportedBy: Type.Partial(Keyed(METRIC_KEYS, Type.Integer())),
  bases: BasesSchema,
});
export type ScopeValues = Static<typeof ScopeValuesSchema>;

export const MetricsQuerySchema = Type.Object(
  { year: Type.Optional(YearSchema), platformId: Type.Optional(PlatformIdQuery) },
  { additionalProperties: false },
);
export type MetricsQuery = Static<typeof MetricsQuerySchema>;

export const MetricsOverviewSchema = Type.Object({
  year: Type.Integer(),
  /** Years with enterprise figures or reported statistics, ascending. */
  years: Type.Array(Type.Integer()),
  /** The platforms covered; null: the whole city. */
  scope: Nullable(Type.Array(Type.Integer())),
  current: ScopeValuesSchema,
});
export type MetricsOverview = Static<typeof MetricsOverviewSchema>;

export const PlatformYearQuerySchema = Type.Object(
  { year: YearSchema, platformId: PlatformIdQuery },
  { additionalProperties: false },
);

/** `GET /api/metrics/platform-year`: computed, reported and effective base figures. */
export const PlatformYearFiguresSchema = Type.Object({
  platformId: Type.Integer(),
  year: Type.Integer(),
  computed: BasesSchema,
  reported: BasesSchema,
  bases: BasesSchema,
  overrides: Type.Array(OverrideSchema),
});
export type PlatformYearFigures = Static<typeof PlatformYearFiguresSchema>;

// ---- Drill-down ----

export const DrillQuerySchema = Type.Object(
  {
    metric: MetricKeySchema,
    year: YearSchema,
    platformId: Type.Optional(PlatformIdQuery),
    industry: Type.Optional(Type.String({ maxLength: 32 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type DrillQuery = Static<typeof DrillQuerySchema>;

/** A platform as the metrics see it. */
export const PlatformInfoSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameEn: Type.String(),
  isStrategic: Type.Boolean(),
  archived: Type.Boolean(),
  industrialLandMu: Num,
  leadingIndustries: Type.Array(Type.String()),
});
export type PlatformInfo = Static<typeof PlatformInfoSchema>;

/** An enterprise-year behind a number. */
export const DrillRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  industryCode: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String()),
  leading: Type.Boolean(),
  above: Type.Boolean(),
  ownLandMu: Num,
  output: Num,
  revenue: Num,
  tax: Num,
  valueAdded: Num,
  energyTce: Num,
  rdSpending: Num,
  fixedAssetInvestment: Num,
});
export type DrillRow = Static<typeof DrillRowSchema>;

export const ReportedFigureSchema = Type.Object({ ...OverrideSchema.properties, platformId: Type.Integer() });
/** A reported figure with its platform. */
export type ReportedFigure = Static<typeof ReportedFigureSchema>;

export const DrillSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('enterprises'),
    total: Type.Integer(),
    rows: Type.Array(DrillRowSchema),
    overrides: Type.Array(ReportedFigureSchema),
  }),
  Type.Object({ kind: Type.Literal('platforms'), platforms: Type.Array(PlatformInfoSchema) }),
  Type.Object({ kind: Type.Literal('reported'), reported: Type.Array(ReportedFigureSchema) }),
  /** T6: the projects counted (≥ 10 亿元, signing approved in the year, not ended by 31 Dec). */
  Type.Object({
    kind: Type.Literal('projects'),
    projects: Type.Array(
      Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        platformId: Type.Integer(),
        platformName: Type.String(),
        industryCode: Type.String(),
        totalInvestment: Type.Number({ description: '万元' }),
        signedOn: Type.String({ format: 'date' }),
      }),
    ),
    overrides: Type.Array(ReportedFigureSchema),
  }),
  /** Output per key industry (万元). */
  Type.Object({ kind: Type.Literal('industries'), industries: Type.Record(Type.String(), Type.Number()) }),
]);
export type Drill = Static<typeof DrillSchema>;
