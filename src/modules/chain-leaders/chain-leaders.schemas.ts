/** The chain-leaders API contract (链主企业, plan §3.1): request and response schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, Paging } from '../../platform/contract';
import { DECISIONS, REASON_MAX_LENGTH, STATUSES } from './core/rules';

/** One of the codes as `type: string` + `enum` (one validation error for a wrong code). */

const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const EnterpriseId = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const DecisionCodeSchema = OneOf(DECISIONS);
export const StatusSchema = OneOf(STATUSES);

/** A decision of the task force on an enterprise for a year. */
export const ChainLeaderDecisionSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Type.Integer(),
  year: Type.Integer(),
  decision: DecisionCodeSchema,
  reason: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedByName: Type.String(),
  decidedAt: Type.String({ format: 'date-time' }),
});
export type ChainLeaderDecision = Static<typeof ChainLeaderDecisionSchema>;

/** One enterprise of a year's list: a candidate, or a confirmed leader now below the line. */
export const ChainLeaderRowSchema = Type.Object({
  enterpriseId: Type.Integer(),
  name: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  industryClass: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String({ description: 'Key-industry code; null when the class is not mapped' })),
  output: Nullable(Type.Number({ description: 'Output of the year, 万元' })),
  belowThreshold: Type.Boolean({
    description: 'A confirmed leader whose output of the year is below 20 亿元',
  }),
  status: StatusSchema,
  grantedOn: Nullable(Type.String({ description: 'Label grant date (confirmed rows)' })),
  /** The latest decision for the year, else the enterprise's latest decision of any year. */
  latestDecision: Type.Union([ChainLeaderDecisionSchema, Type.Null()]),
});
export type ChainLeaderRow = Static<typeof ChainLeaderRowSchema>;

const counts = {
  candidates: Type.Integer(),
  confirmed: Type.Integer(),
  pending: Type.Integer(),
  declined: Type.Integer(),
  belowThreshold: Type.Integer(),
};

const filters = {
  year: Type.Optional(Year),
  platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Key-industry code. */
  industry: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(StatusSchema),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
};
/** The list's filters (also the export's); without `year`, the latest year with figures. */
export const ChainLeaderFiltersSchema = Type.Object(filters, { additionalProperties: false });
export type ChainLeaderFilters = Static<typeof ChainLeaderFiltersSchema>;
export const ChainLeaderListQuerySchema = Type.Object(
  { ...filters, ...Paging },
  { additionalProperties: false },
);
/** The list query with its paging defaults applied. */
export type ChainLeaderQuery = ChainLeaderFilters & { page: number; pageSize: number };

export const ChainLeaderListSchema = Type.Object({
  /** The year listed (the latest with figures when none was asked). */
  year: Type.Integer(),
  /** Years that have enterprise figures, oldest first. */
  years: Type.Array(Type.Integer()),
  /** The candidate line in 万元 (200,000 = 20 亿元). */
  threshold: Type.Number({ description: '万元' }),
  items: Type.Array(ChainLeaderRowSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ChainLeaderList = Static<typeof ChainLeaderListSchema>;

export const SummaryQuerySchema = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });

export const ChainLeaderSummarySchema = Type.Object({
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  threshold: Type.Number(),
  total: Type.Object(counts),
  /** Every active platform in scope (zeros included), and archived ones that have rows. */
  byPlatform: Type.Array(
    Type.Object({
      platformId: Type.Integer(),
      platformName: Type.String(),
      platformNameEn: Type.String(),
      ...counts,
    }),
  ),
  /** Every key industry, then others with rows; `industry` null: classes not mapped to one. */
  byIndustry: Type.Array(
    Type.Object({
      industry: Nullable(Type.String()),
      nameZh: Type.String(),
      nameEn: Type.String(),
      isKey: Type.Boolean(),
      ...counts,
    }),
  ),
});
export type ChainLeaderSummary = Static<typeof ChainLeaderSummarySchema>;

export const TrailQuerySchema = Type.Object(
  { enterpriseId: Type.Optional(EnterpriseId), year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type TrailQuery = Static<typeof TrailQuerySchema>;

/** A decision with its enterprise, for the decision trail. */
export const TrailItemSchema = Type.Object({
  ...ChainLeaderDecisionSchema.properties,
  enterpriseName: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
});
export type TrailItem = Static<typeof TrailItemSchema>;
export const TrailSchema = Type.Array(TrailItemSchema);

export const DecisionBodySchema = Type.Object(
  {
    enterpriseId: EnterpriseId,
    year: Year,
    decision: DecisionCodeSchema,
    reason: Type.String({ maxLength: REASON_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionBodySchema>;

export const DecisionResultSchema = Type.Object({
  decision: ChainLeaderDecisionSchema,
  /** The enterprise's row of the year after the decision (null: a revoked leader below the line). */
  item: Type.Union([ChainLeaderRowSchema, Type.Null()]),
});
export type DecisionResult = Static<typeof DecisionResultSchema>;

/** A workbook download (.xlsx). */
export const WorkbookFileSchema = Type.String({ format: 'binary' });
