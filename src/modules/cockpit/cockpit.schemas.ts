/** The cockpit API contract (驾驶舱): the page in one answer. */
import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/contract';
import { PLATFORM_METRICS } from '../metrics/core/metrics';
import { Keyed, MetricValuesSchema, SourceSchema, YearSchema } from '../metrics/metrics.schemas';
import { PeriodSchema, TargetCardSchema } from '../targets/targets.schemas';

export const CockpitQuerySchema = Type.Object(
  {
    year: Type.Optional(YearSchema),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
    period: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type CockpitQuery = Static<typeof CockpitQuerySchema>;

/** A platform in the ranking table and the bubble chart. */
export const CockpitPlatformSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameEn: Type.String(),
  isStrategic: Type.Boolean(),
  leadingIndustries: Type.Array(Type.String()),
  /** Enterprise land (亩). */
  land: Nullable(Type.Number()),
  values: Keyed(PLATFORM_METRICS, Nullable(Type.Number())),
  sources: Keyed(PLATFORM_METRICS, SourceSchema),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  leader: Type.Boolean(),
});
export type CockpitPlatform = Static<typeof CockpitPlatformSchema>;

/** A key industry's city-wide output (万元) in the year and the years before. */
export const ClusterSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  output: Type.Number(),
  series: Type.Array(Type.Object({ year: Type.Integer(), output: Type.Number() })),
});
export type Cluster = Static<typeof ClusterSchema>;

export const CockpitEvaluationSchema = Type.Object({
  method: Type.Object({
    id: Type.Integer(),
    key: Type.String(),
    version: Type.Integer(),
    name: Type.Object({ zh: Type.String(), en: Type.String() }),
  }),
  /** How many top platforms are named "leading park" (领跑者). */
  leaders: Type.Integer(),
});

export const CockpitSchema = Type.Object({
  year: Type.Integer(),
  /** Years with data, ascending. */
  years: Type.Array(Type.Integer()),
  period: PeriodSchema,
  platformId: Nullable(Type.Integer()),
  dataVersion: Type.Integer(),
  targets: Type.Array(TargetCardSchema),
  summary: MetricValuesSchema,
  platforms: Type.Array(CockpitPlatformSchema),
  /** Key industries, largest first (city scope only). */
  clusters: Type.Array(ClusterSchema),
  /** Cluster scales of T4 / T5 (万元). */
  clusterLines: Type.Object({ hundredBillion: Type.Number(), trillion: Type.Number() }),
  evaluation: Type.Union([CockpitEvaluationSchema, Type.Null()]),
});
export type Cockpit = Static<typeof CockpitSchema>;
