/**
 * The contract of the platform evaluation (plan §4.2): the platforms scored with a platform method,
 * leading parks, and the land and energy quota pools divided by score.
 */
import { Type, type Static } from 'typebox';
import { errorResponses, Nullable } from '../../platform/http';
import type { Dimension } from '../evaluation/core/indicators';
import type { ItemResult } from '../evaluation/core/score';

const tags = ['platform-evaluation'];
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
/** Any object, serialised with all its fields. */
const Open = Type.Object({}, { additionalProperties: true });
const OpenAs = <T>() => Type.Unsafe<T>(Open);

export interface MethodRef {
  id: number;
  key: string;
  version: number;
  name: { zh: string; en: string };
}

/** A year's pool as set by the task force (or the defaults). */
export interface PoolSettings {
  landMu: number;
  energyTce: number;
  /** Platforms scoring below this get no quota. */
  threshold: number;
  /** How many top-ranked platforms are named leading parks (领跑者). */
  leaders: number;
  /** The method version the pool uses; null: the preset platform-2022 (latest version). */
  methodId: number | null;
}

/** The allocation as confirmed (kept with the pool). */
export interface AllocationSnapshot {
  method: MethodRef;
  pool: { landMu: number; energyTce: number; threshold: number; leaders?: number };
  platforms: {
    platformId: number;
    name: string;
    score: number | null;
    rank: number | null;
    leader: boolean;
    landMu: number;
    energyTce: number;
  }[];
}

export interface QuotaPool extends PoolSettings {
  /** False: the year has no pool yet; the defaults are shown. */
  saved: boolean;
  confirmedAt: string | null;
  confirmedBy: number | null;
  confirmedByName: string | null;
  snapshot: AllocationSnapshot | null;
}

export interface QuotaShare {
  units: number;
  exact: number;
  eligible: boolean;
}

export interface PlatformScore {
  platformId: number;
  name: string;
  nameEn: string;
  score: number | null;
  rank: number | null;
  class: string | null;
  leader: boolean;
  dimensions: Record<Dimension, number>;
  items: (ItemResult & { dimension: Dimension | null })[];
  flags: string[];
  land: QuotaShare;
  energy: QuotaShare;
}

export const PlatformEvaluation = Type.Object({
  year: Type.Integer(),
  /** Years with platform figures, oldest first. */
  years: Type.Array(Type.Integer()),
  method: OpenAs<MethodRef>(),
  /** Indicators no platform has data for, and the factor the other items were scaled by. */
  noData: Type.Unsafe<{ indicators: string[]; rescale: number } | null>(Type.Union([Open, Type.Null()])),
  benchmarks: OpenAs<Record<string, number | null | undefined>>(),
  pool: OpenAs<QuotaPool>(),
  /** Ranked best first (a platform admin gets their own row only). */
  platforms: Type.Array(OpenAs<PlatformScore>()),
});
export type PlatformEvaluation = Static<typeof PlatformEvaluation>;

export const EvaluationQuery = Type.Object(
  { year: Type.Optional(Year), method: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

export const YearParams = Type.Object({ year: Year }, { additionalProperties: false });

export const PoolBody = Type.Object(
  {
    landMu: Type.Integer({ minimum: 0 }),
    energyTce: Type.Integer({ minimum: 0 }),
    threshold: Type.Number({ minimum: 0 }),
    leaders: Type.Integer({ minimum: 0 }),
    methodId: Nullable(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type PoolBody = Static<typeof PoolBody>;

export const evaluationRoute = {
  tags,
  summary: 'Platform evaluation of a year: scores, ranks, leading parks, quota allocation / 平台评价',
  description:
    'The platforms scored by the evaluation engine with a platform method (default `platform-2022`), ' +
    'the dimension subtotals, and the land and energy pools divided by score (largest remainder).',
  querystring: EvaluationQuery,
  response: { 200: PlatformEvaluation, ...errorResponses },
};

export const savePoolRoute = {
  tags,
  summary: "Set a year's quota pool (land 亩, energy tce, threshold, leading parks) / 设置指标池",
  params: YearParams,
  body: PoolBody,
  response: { 200: PlatformEvaluation, ...errorResponses },
};

export const confirmRoute = {
  tags,
  summary: "Confirm the year's allocation (kept as confirmed) / 确认分配方案",
  params: YearParams,
  response: { 200: PlatformEvaluation, ...errorResponses },
};

export const exportRoute = {
  tags,
  summary: 'Platform evaluation and quota allocation as .xlsx / 导出平台评价与指标分配',
  querystring: EvaluationQuery,
  produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};
