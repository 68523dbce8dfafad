/** The contract of evaluation results: lists, scorecards, distribution, roll-ups, low-efficiency land. */
import { Type, type Static } from 'typebox';
import { errorResponses, IdParams, Nullable, Paging } from '../../../platform/http';
import type { Figures, IndicatorKey } from '../core/indicators';
import type { CohortSummary, MissingRule, PolicyEffect } from '../core/score';
import type { ResultDetail } from '../core/storage';
import { JsonOf, MethodClass, StringEnum, tags, Text, Typed, Year } from '../evaluation.schemas';
import type { RunStatus } from '../runs/core/workflow';

export const RESULT_STATUSES = ['rated', 'unrated', 'merged'] as const;

/** One enterprise's result row: the scoring outcome plus who it is and the figures lists show. */
export const Result = Type.Object({
  enterpriseId: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  industryClass: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String()),
  cohort: Type.String(),
  status: StringEnum(RESULT_STATUSES),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  cohortSize: Type.Integer(),
  topPercent: Nullable(Type.Number()),
  class: Nullable(Type.String()),
  policyClass: Nullable(Type.String()),
  landMu: Nullable(Type.Number()),
  tax: Nullable(Type.Number()),
  valueAdded: Nullable(Type.Number()),
  taxPerMu: Nullable(Type.Number()),
  flags: Type.Array(Type.String()),
  surchargeYuan: Nullable(Type.Number()),
  reliefYuan: Nullable(Type.Number()),
});
export type Result = Static<typeof Result>;

/** A result with its items and policies, in enterprise order (the CLI's `results`). */
export interface ResultWithItems extends ResultDetail {
  enterpriseId: number;
  uscc: string;
  name: string;
  platformId: number;
  cohort: string;
  status: string;
  score: number | null;
  rank: number | null;
  cohortSize: number;
  class: string | null;
  policyClass: string | null;
  flags: string[];
}

export const RESULT_SORTS = ['rank', 'score', 'name', 'taxPerMu'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

export const ResultsQuery = Type.Object(
  {
    cohort: Type.Optional(Type.String({ maxLength: 64 })),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** A class key, or '-' for results without a class (unrated, merged). */
    class: Type.Optional(Type.String({ maxLength: 16 })),
    /** Key industry code. */
    industry: Type.Optional(Type.String({ maxLength: 64 })),
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(StringEnum(RESULT_SORTS)),
    order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
    ...Paging,
  },
  { additionalProperties: false },
);
export type ResultsQuery = Static<typeof ResultsQuery>;
/** A results query with its defaults applied (rank order, page 1 of 20). */
export type ResultQuery = Omit<ResultsQuery, 'sort' | 'order' | 'page' | 'pageSize'> &
  Required<Pick<ResultsQuery, 'sort' | 'order' | 'page' | 'pageSize'>>;

export const ResultsPage = Type.Object({
  items: Type.Array(Result),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ResultsPage = Static<typeof ResultsPage>;

export const HistoryItem = Type.Object({
  year: Type.Integer(),
  runId: Type.Integer(),
  status: Typed<RunStatus>(Type.String()),
  score: Nullable(Type.Number()),
  class: Nullable(Type.String()),
  policyClass: Nullable(Type.String()),
  rank: Nullable(Type.Integer()),
  cohortSize: Type.Integer(),
});
export type HistoryItem = Static<typeof HistoryItem>;

export const ScoreItem = Type.Object({
  indicator: Typed<IndicatorKey>(Type.String()),
  value: Nullable(Type.Number()),
  benchmark: Nullable(Type.Number()),
  weight: Type.Number(),
  points: Type.Number(),
  capped: Type.Boolean(),
  missing: Typed<MissingRule | null>(Nullable(Type.String())),
});
export type ScoreItem = Static<typeof ScoreItem>;

/** One enterprise's scorecard in a run: its row, items, explanation and class history. */
export const Scorecard = Type.Object({
  ...Result.properties,
  run: Type.Object({
    id: Type.Integer(),
    year: Type.Integer(),
    version: Type.Integer(),
    status: Typed<RunStatus>(Type.String()),
    noticeEndsOn: Nullable(Type.String()),
    noticeEndedOn: Nullable(Type.String({ description: 'The notice ended early on this day' })),
    earlyEndReason: Nullable(Type.String()),
  }),
  mergedInto: Nullable(Type.Integer()),
  figures: JsonOf<Figures>(),
  tenants: Type.Integer(),
  items: Type.Array(ScoreItem),
  itemsTotal: Type.Number(),
  adjustments: Type.Array(Type.Object({ key: Type.String(), points: Type.Number() })),
  policies: JsonOf<PolicyEffect>(),
  cohortName: Type.Union([Text, Type.Null()]),
  cohortSummary: JsonOf<CohortSummary | null>(),
  classes: Type.Array(MethodClass),
  explanation: Type.Array(Text),
  history: Type.Array(HistoryItem),
});
export type Scorecard = Static<typeof Scorecard>;

export const DistributionQuery = Type.Object(
  {
    bins: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type DistributionQuery = Static<typeof DistributionQuery>;

export const DistributionCohort = Type.Object({
  cohort: Type.String(),
  rated: Type.Integer(),
  bins: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() })),
  cuts: Type.Array(
    Type.Object({
      class: Type.String(),
      minScore: Type.Number(),
      maxScore: Type.Number(),
      count: Type.Integer(),
    }),
  ),
});
export type DistributionCohort = Static<typeof DistributionCohort>;

export const RollupRow = Type.Object({
  /** null: the city (all platforms the user may see). */
  platformId: Nullable(Type.Integer()),
  platformName: Nullable(Type.String()),
  evaluated: Type.Integer(),
  classCounts: Type.Record(Type.String(), Type.Integer()),
  landMu: Type.Number(),
  tax: Type.Number(),
  valueAdded: Type.Number(),
  taxPerMu: Nullable(Type.Number()),
  valueAddedPerMu: Nullable(Type.Number()),
  shareAB: Nullable(Type.Number()),
  change: Type.Union([
    Type.Object({
      taxPerMu: Nullable(Type.Number()),
      valueAddedPerMu: Nullable(Type.Number()),
      shareAB: Nullable(Type.Number()),
    }),
    Type.Null(),
  ]),
});
export type RollupRow = Static<typeof RollupRow>;

export const Rollup = Type.Object({
  year: Type.Integer(),
  previousRunId: Nullable(Type.Integer()),
  classes: Type.Array(MethodClass),
  rows: Type.Array(RollupRow),
});
export type Rollup = Static<typeof Rollup>;

export const LowEfficiencyQuery = Type.Object(
  {
    taxPerMuFloor: Type.Optional(Type.Number({ minimum: 0, maximum: 10000 })),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type LowEfficiencyQuery = Static<typeof LowEfficiencyQuery>;

/** Why a firm is a low-efficiency candidate: the worst class, or tax per mu below the floor. */
export type LowEfficiencyReason = 'class' | 'tax_per_mu';

export const LowEfficiency = Type.Object({
  taxPerMuFloor: Type.Number(),
  landMu: Type.Number(),
  items: Type.Array(
    Type.Object({ ...Result.properties, reasons: Type.Array(Typed<LowEfficiencyReason>(Type.String())) }),
  ),
});
export type LowEfficiency = Static<typeof LowEfficiency>;

export const RunEnterpriseParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    enterpriseId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);

export const ScorecardQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });

export const resultsRoute = {
  tags,
  summary: 'Results of a run (scoped) / 评价结果',
  params: IdParams,
  querystring: ResultsQuery,
  response: { 200: ResultsPage, ...errorResponses },
};

export const resultRoute = {
  tags,
  summary: "An enterprise's scorecard in a run / 企业评价单",
  params: RunEnterpriseParams,
  response: { 200: Scorecard, ...errorResponses },
};

export const scorecardRoute = {
  tags,
  summary: "An enterprise's latest visible scorecard (or a year's) / 企业最新评价",
  params: IdParams,
  querystring: ScorecardQuery,
  response: { 200: Scorecard, ...errorResponses },
};

export const distributionRoute = {
  tags,
  summary: 'Score histogram per cohort with the class cut lines / 得分分布',
  params: IdParams,
  querystring: DistributionQuery,
  response: { 200: Type.Array(DistributionCohort), ...errorResponses },
};

export const rollupRoute = {
  tags,
  summary: 'Per platform and city: classes, tax and value added per mu, change on last year / 汇总',
  params: IdParams,
  response: { 200: Rollup, ...errorResponses },
};

export const lowEfficiencyRoute = {
  tags,
  summary: 'Low-efficiency candidates: worst class or tax per mu below a floor / 低效企业',
  params: IdParams,
  querystring: LowEfficiencyQuery,
  response: { 200: LowEfficiency, ...errorResponses },
};

export const noticeListRoute = {
  tags,
  summary: 'The notice list, one sheet per cohort (.xlsx) / 公示名单',
  params: IdParams,
  response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
};
