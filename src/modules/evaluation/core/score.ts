/**
 * The scoring engine of the per-mu evaluation (domain guide §5.3–§5.5): cohorts, indicator points,
 * missing-data rules, caps, bonus/deduction, correction factor, ranks, classes and what each policy
 * means in yuan. Pure and deterministic: the same firms and method give the same results, because
 * every sum runs in enterprise-id order and nothing depends on time or chance.
 *
 * This file holds the engine's vocabulary and `score` (firms → cohorts); `cohort.ts` scores one
 * cohort, `ranking.ts` ranks and bands, `policies.ts` adjustments and policies, `results.ts` turns
 * a scored member into a result object.
 */
import type { RatingExemption } from '../../enterprises/core/codes';
import { scoreCohort, type TenantCounts } from './cohort';
import type { Figures, IndicatorKey } from './indicators';
import type { CohortRule, Method } from './method';
import { figuresOf, results } from './results';

export { byScore, classOf, roundTo } from './ranking';
export { policyEffect } from './policies';
export { mergedResultOf, resultOf, results, standingOf } from './results';

export interface EvaluationFirm {
  id: number;
  scale: 'above' | 'below';
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  /** The enterprise whose parcel this one shares (a tenant of the landholder). */
  landholderId: number | null;
  labels: readonly string[];
  exemption: RatingExemption | null;
  /** False: no figures for the year; the firm is left out (not in production, no data). */
  hasYear: boolean;
  tax: number | null;
  valueAdded: number | null;
  revenue: number | null;
  energyTce: number | null;
  emissions: number | null;
  employees: number | null;
  rdSpending: number | null;
  electricity: number | null;
  output: number | null;
  /** Classes of earlier years, the year before first (published results; null: not rated). */
  priorClasses: readonly (string | null)[];
}

export type MissingRule = 'cohort_average' | 'zero' | 'no_data';

export interface ItemResult {
  indicator: IndicatorKey;
  value: number | null;
  /** The benchmark used (ratio scoring), or null (min–max scoring, or no cohort values). */
  benchmark: number | null;
  weight: number;
  points: number;
  /** True when the cap cut the points. */
  capped: boolean;
  /**
   * The missing-data rule applied, or null when the value was there; no_data: nobody in the cohort
   * has a value and the method rescales the other items (noDataItems: rescale).
   */
  missing: MissingRule | null;
}

export interface PolicyEffect {
  landUseTaxRelief: { share: number; yuan: number } | null;
  electricitySurcharge: { yuanPerKwh: number; consecutiveYears: number; yuan: number } | null;
  energyQuota: { factor: number; quotaTce: number | null; changeTce: number | null } | null;
}

export type ResultStatus = 'rated' | 'unrated' | 'merged';

export interface FirmResult {
  enterpriseId: number;
  cohort: string;
  status: ResultStatus;
  /** For a tenant merged into its landholder: the landholder. */
  mergedInto: number | null;
  /** Figures evaluated (after merging tenants into a landholder); land as the cohort counts it. */
  figures: Figures;
  tenants: number;
  items: ItemResult[];
  /** Σ item points, before the correction factor. */
  itemsTotal: number;
  adjustments: { key: string; points: number }[];
  /** The total, rounded to the method's precision; null for merged tenants. */
  score: number | null;
  rank: number | null;
  /** Rated firms in the cohort. */
  cohortSize: number;
  /** rank ÷ cohort size × 100: "top 12.5%". */
  topPercent: number | null;
  class: string | null;
  /** The class policies use: the class, or the unrated treatment. */
  policyClass: string | null;
  policies: PolicyEffect;
  /** Data-quality flags, e.g. `missing:value_added_per_emission`, `no_land`. */
  flags: string[];
}

export interface CohortSummary {
  key: string;
  size: number;
  rated: number;
  benchmarks: Partial<Record<IndicatorKey, number | null>>;
  ranges: Partial<Record<IndicatorKey, { min: number; max: number } | null>>;
  classCounts: Record<string, number>;
  /** Lowest and highest score in each class: the cut lines of the histogram. */
  classScores: Record<string, { min: number; max: number } | null>;
  /** Indicators nobody in the cohort has a value for, and the factor on the other items (1: none). */
  noData?: { indicators: IndicatorKey[]; rescale: number };
}

export interface EvaluationOutcome {
  results: FirmResult[];
  cohorts: CohortSummary[];
  /** Firms without figures for the year, or in no cohort. */
  excluded: { noData: number; outOfScope: number };
}

/**
 * One cohort's scores, column by column (index i = the i-th member in enterprise-id order): the
 * engine's working form, fast to compute and to write. `resultOf` turns a member into a FirmResult.
 */
export interface CohortScores {
  rule: CohortRule;
  summary: CohortSummary;
  firms: EvaluationFirm[];
  /** Summed figures of landholders with merged tenants (others use the firm's own). */
  merged: Map<number, Figures>;
  land: Float64Array;
  tenants: Int32Array;
  /** [indicator][member]; NaN = missing. */
  values: Float64Array[];
  points: Float64Array[];
  capped: Uint8Array[];
  /** 0 present, 1 cohort average, 2 zero, 3 no data in the cohort (rescaled away). */
  missing: Uint8Array[];
  benchmarks: (number | null)[];
  itemsTotal: Float64Array;
  adjustments: ({ key: string; points: number }[] | undefined)[];
  score: Float64Array;
  /** 0: not ranked (unrated). */
  rank: Int32Array;
  /** Index into method.classes; -1: no class. */
  classIndex: Int16Array;
  unrated: Uint8Array;
  /** Member indexes in list order: by rank, then the unrated. */
  order: Int32Array;
}

export interface Scored {
  method: Method;
  cohorts: CohortScores[];
  /** Tenants merged into their landholder: (tenant, landholder, landholder's cohort index). */
  mergedTenants: { firm: EvaluationFirm; holderId: number; cohort: number }[];
  excluded: EvaluationOutcome['excluded'];
}

/** Does a cohort's filter admit a firm? */
export function inCohort(cohort: CohortRule, firm: EvaluationFirm): boolean {
  const f = cohort.filter;
  const land = firm.ownLandMu ?? 0;
  if (f.scale && firm.scale !== f.scale) return false;
  if (f.minOwnLandMu !== undefined && !(land >= f.minOwnLandMu)) return false;
  if (f.maxOwnLandMu !== undefined && !(land < f.maxOwnLandMu)) return false;
  if (f.leasingOnly === true) {
    const leases = (firm.leasedFloorM2 ?? 0) > 0 || firm.landholderId !== null;
    if (land > 0 || !leases) return false;
  }
  if (f.leasingOnly === false && !(land > 0)) return false;
  return true;
}

/** Figures summed from a landholder and its merged tenants. */
const SUMMED = [
  'tax',
  'valueAdded',
  'revenue',
  'energyTce',
  'emissions',
  'employees',
  'rdSpending',
  'electricity',
] as const;

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/** Firms by id: a binary search in the id-ordered list (tenants are few; no map of all). */
function idIndex(sorted: readonly EvaluationFirm[]) {
  return (id: number): EvaluationFirm | undefined => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = sorted[mid]!.id;
      if (v === id) return sorted[mid];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

type Lookup = ReturnType<typeof idIndex>;

/** How many firms name each landholder, all and below scale. */
function countTenants(sorted: readonly EvaluationFirm[], byId: Lookup): TenantCounts {
  const all = new Map<number, number>();
  const below = new Map<number, number>();
  for (const f of sorted) {
    if (f.landholderId === null || f.landholderId === f.id || byId(f.landholderId) === undefined) continue;
    all.set(f.landholderId, (all.get(f.landholderId) ?? 0) + 1);
    if (f.scale === 'below') below.set(f.landholderId, (below.get(f.landholderId) ?? 0) + 1);
  }
  return { all, below };
}

/** Tenants merged into their landholder (a method option): their figures count on its land. */
function mergeTenants(method: Method, sorted: readonly EvaluationFirm[], byId: Lookup) {
  const mergedInto = new Map<number, number>();
  const mergedFigures = new Map<number, Figures>();
  if (method.tenants !== 'merge_with_landholder') return { mergedInto, mergedFigures };
  for (const f of sorted) {
    if (!f.hasYear || f.landholderId === null || f.landholderId === f.id) continue;
    const holder = byId(f.landholderId);
    if (!holder?.hasYear || mergedInto.has(holder.id)) continue;
    const target = mergedFigures.get(holder.id) ?? { ...figuresOf(holder), land: holder.ownLandMu };
    for (const k of SUMMED) target[k] = add(target[k], f[k]);
    mergedFigures.set(holder.id, target);
    mergedInto.set(f.id, holder.id);
  }
  return { mergedInto, mergedFigures };
}

/** A cohort's filter with every field present (one object shape: fast to test). */
interface Filter {
  scale: string | null;
  hasMin: boolean;
  min: number;
  hasMax: boolean;
  max: number;
  /** leasingOnly: undefined, true or false. */
  leasing: 0 | 1 | 2;
}

const filterOf = ({ filter: f }: CohortRule): Filter => ({
  scale: f.scale ?? null,
  hasMin: f.minOwnLandMu !== undefined,
  min: f.minOwnLandMu ?? 0,
  hasMax: f.maxOwnLandMu !== undefined,
  max: f.maxOwnLandMu ?? 0,
  leasing: f.leasingOnly === undefined ? 0 : f.leasingOnly ? 1 : 2,
});

/** `inCohort`, on a prepared filter. */
function admits(f: Filter, firm: EvaluationFirm): boolean {
  const land = firm.ownLandMu ?? 0;
  if (f.scale !== null && firm.scale !== f.scale) return false;
  if (f.hasMin && !(land >= f.min)) return false;
  if (f.hasMax && !(land < f.max)) return false;
  if (f.leasing === 1) {
    const leases = (firm.leasedFloorM2 ?? 0) > 0 || firm.landholderId !== null;
    if (land > 0 || !leases) return false;
  }
  if (f.leasing === 2 && !(land > 0)) return false;
  return true;
}

/** Members of each cohort (the first whose filter fits), and the firms left out. */
function assignCohorts(method: Method, sorted: readonly EvaluationFirm[], mergedInto: Map<number, number>) {
  const members: EvaluationFirm[][] = method.cohorts.map(() => []);
  const filters = method.cohorts.map(filterOf);
  const anyMerged = mergedInto.size > 0;
  let noData = 0;
  let outOfScope = 0;
  for (const f of sorted) {
    if (!f.hasYear) {
      noData++;
      continue;
    }
    if (anyMerged && mergedInto.has(f.id)) continue;
    let ci = 0;
    while (ci < filters.length && !admits(filters[ci]!, f)) ci++;
    if (ci === method.cohorts.length) outOfScope++;
    else members[ci]!.push(f);
  }
  return { members, excluded: { noData, outOfScope } };
}

/** Score every firm of one year with one method (columnar; see `evaluate` for result objects). */
export function score(method: Method, firms: readonly EvaluationFirm[]): Scored {
  let inOrder = true;
  for (let i = 1; i < firms.length && inOrder; i++) inOrder = firms[i - 1]!.id < firms[i]!.id;
  const sorted = inOrder ? firms : [...firms].sort((a, b) => a.id - b.id);
  const byId = idIndex(sorted);
  const tenants = countTenants(sorted, byId);
  const { mergedInto, mergedFigures } = mergeTenants(method, sorted, byId);
  const { members, excluded } = assignCohorts(method, sorted, mergedInto);
  const cohorts = method.cohorts.map((rule, ci) =>
    scoreCohort(method, rule, members[ci]!, mergedFigures, tenants),
  );
  const mergedTenants: Scored['mergedTenants'] = [];
  if (mergedInto.size) {
    const cohortOf = new Map<number, number>();
    cohorts.forEach((c, ci) => c.firms.forEach((f) => cohortOf.set(f.id, ci)));
    for (const [tenantId, holderId] of mergedInto) {
      const ci = cohortOf.get(holderId);
      if (ci !== undefined) mergedTenants.push({ firm: byId(tenantId)!, holderId, cohort: ci });
    }
  }
  return { method, cohorts, mergedTenants, excluded };
}

/** Score every firm of one year with one method and return result objects. */
export function evaluate(method: Method, firms: readonly EvaluationFirm[]): EvaluationOutcome {
  const scored = score(method, firms);
  return {
    results: [...results(scored)],
    cohorts: scored.cohorts.map((c) => c.summary),
    excluded: scored.excluded,
  };
}
