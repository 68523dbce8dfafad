/** The plan API contract (规划目标, domain guide §7): periods, targets and their assessment. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../../platform/contract';
import { MetricKeySchema, SourceSchema, YearSchema } from '../metrics/metrics.schemas';
import { COMPARATORS, FREQUENCIES, PROJECTION_METHODS, STATUSES, TARGET_KINDS } from './core/targets';

// ---- Periods ----

export const PeriodSchema = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  /** The document the targets come from. */
  source: Type.String(),
  /** Id of the period whose targets were copied, or null. */
  copiedFrom: Nullable(Type.Integer()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
});
export type Period = Static<typeof PeriodSchema>;

/** `GET /api/plan/periods`: each period with the number of its targets. */
export const PeriodSummarySchema = Type.Object({ ...PeriodSchema.properties, targets: Type.Integer() });
export type PeriodSummary = Static<typeof PeriodSummarySchema>;
export const PeriodListSchema = Type.Array(PeriodSummarySchema);

export const PeriodKeyParams = Type.Object(
  { key: Type.String({ maxLength: 32 }) },
  { additionalProperties: false },
);

export const PeriodBodySchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 32 }),
    nameZh: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.Optional(Type.String({ maxLength: 200 })),
    startYear: YearSchema,
    endYear: YearSchema,
    source: Type.Optional(Type.String({ maxLength: 500 })),
    /** Key of the period whose targets are copied; null for an empty period. */
    copyFrom: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  },
  { additionalProperties: false },
);
export type PeriodBody = Static<typeof PeriodBodySchema>;

// ---- Targets ----

const Milestones = Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), Type.Number());

/** A target as stored: its definition and the row's bookkeeping. */
export const TargetSchema = Type.Object({
  id: Type.Integer(),
  periodId: Type.Integer(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  metric: MetricKeySchema,
  comparator: OneOf(COMPARATORS),
  targetValue: Type.Number(),
  kind: OneOf(TARGET_KINDS),
  dueYear: Nullable(Type.Integer()),
  baselineYear: Nullable(Type.Integer()),
  baselineValue: Nullable(Type.Number()),
  /** Yearly milestones in the metric's unit: {"2023": 2.4e8, …}. */
  milestones: Milestones,
  ownerDepartment: Type.String(),
  frequency: OneOf(FREQUENCIES),
  warningRatio: Type.Number(),
  source: Type.String(),
  note: Type.String(),
  sort: Type.Integer(),
  version: Type.Integer(),
  updatedBy: Nullable(Type.Integer()),
  updatedAt: Type.String(),
});
export type Target = Static<typeof TargetSchema>;

export const PeriodDetailSchema = Type.Object({
  ...PeriodSchema.properties,
  targets: Type.Array(TargetSchema),
});
export type PeriodDetail = Static<typeof PeriodDetailSchema>;

const targetFields = {
  code: Type.String({ minLength: 1, maxLength: 16 }),
  nameZh: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  metric: MetricKeySchema,
  comparator: OneOf(COMPARATORS),
  targetValue: Type.Number(),
  kind: OneOf(TARGET_KINDS),
  dueYear: Type.Optional(Nullable(Type.Integer())),
  baselineYear: Type.Optional(Nullable(Type.Integer())),
  baselineValue: Type.Optional(Nullable(Type.Number())),
  milestones: Type.Optional(Milestones),
  ownerDepartment: Type.Optional(Type.String({ maxLength: 100 })),
  frequency: Type.Optional(OneOf(FREQUENCIES)),
  warningRatio: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  source: Type.Optional(Type.String({ maxLength: 500 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
/** What the target form sends (optional fields take their defaults). */
export const TargetBodySchema = Type.Object(targetFields, { additionalProperties: false });
export type TargetBody = Static<typeof TargetBodySchema>;
export const TargetUpdateBodySchema = Type.Object(
  { ...targetFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type TargetUpdateBody = Static<typeof TargetUpdateBodySchema>;

// ---- Assessment ----

export const ProjectionSchema = Type.Object({
  year: Type.Integer(),
  value: Type.Number(),
  method: OneOf(PROJECTION_METHODS),
  from: Type.Integer(),
  to: Type.Integer(),
});

export const AssessmentSchema = Type.Object({
  value: Nullable(Type.Number()),
  progress: Nullable(Type.Number()),
  progressFromBaseline: Nullable(Type.Number()),
  baseline: Type.Union([Type.Object({ year: Type.Integer(), value: Type.Number() }), Type.Null()]),
  dueYear: Type.Integer(),
  projection: Type.Union([ProjectionSchema, Type.Null()]),
  milestone: Type.Union([
    Type.Object({ year: Type.Integer(), value: Type.Number(), met: Type.Boolean() }),
    Type.Null(),
  ]),
  achieved: Type.Boolean(),
  /** The due year is over: the outcome is final (completed or not completed). */
  final: Type.Boolean(),
  status: OneOf(STATUSES),
});

/** A target assessed for a year in a scope. */
export const TargetCardSchema = Type.Object({
  target: TargetSchema,
  /** false: not assessed in this scope (a platform is assessed on rates, not on city totals). */
  applies: Type.Boolean(),
  assessment: AssessmentSchema,
  /** The metric's value every year of the period (and the year before): the sparkline. */
  series: Type.Array(Type.Object({ year: Type.Integer(), value: Nullable(Type.Number()) })),
  source: SourceSchema,
  /** Reported-only metrics: how many platforms reported it this year. */
  reportedBy: Nullable(Type.Integer()),
  /** Platform scope: the city's value of the metric. */
  cityValue: Nullable(Type.Number()),
});
export type TargetCard = Static<typeof TargetCardSchema>;

export const AssessmentQuerySchema = Type.Object(
  {
    period: Type.Optional(Type.String({ maxLength: 32 })),
    year: Type.Optional(YearSchema),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AssessmentQuery = Static<typeof AssessmentQuerySchema>;

export const PlanAssessmentSchema = Type.Object({
  period: PeriodSchema,
  year: Type.Integer(),
  /** Years with data, ascending. */
  years: Type.Array(Type.Integer()),
  platformId: Nullable(Type.Integer()),
  cards: Type.Array(TargetCardSchema),
});
export type PlanAssessment = Static<typeof PlanAssessmentSchema>;
