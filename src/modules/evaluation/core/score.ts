/**
 * The scoring engine of the per-mu evaluation (domain guide §5.3–§5.5): cohorts, indicator points,
 * missing-data rules, caps, bonus/deduction, correction factor, ranks, classes and what each policy
 * means in yuan. Pure and deterministic: the same firms and method give the same results, because
 * every sum runs in enterprise-id order and nothing depends on time or chance.
 */
import { INDICATORS, M2_PER_MU, type Figures, type IndicatorKey } from './indicators';
import type { RatingExemption } from '../../enterprises/core/codes';
import type { Banding, CohortRule, Condition, Method } from './method';

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

/** Round half away from zero at `decimals`, robust to binary noise (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f * (1 + 2e-15)) / f;
  return x < 0 ? -r : r;
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

function attribute(firm: EvaluationFirm, name: string, tenants: number, belowTenants: number): number | null {
  switch (name) {
    case 'ownLandMu':
      return firm.ownLandMu ?? 0;
    case 'tenants':
      return tenants;
    case 'belowScaleTenants':
      return belowTenants;
    case 'employees':
      return firm.employees;
    case 'tax':
      return firm.tax;
    case 'revenue':
      return firm.revenue;
    case 'output':
      return firm.output;
    default:
      return null;
  }
}

function holds(c: Condition, firm: EvaluationFirm, tenants: number, belowTenants: number): boolean {
  if (c.attribute === 'label') return firm.labels.includes(c.value) === (c.op === 'has');
  if (c.attribute === 'scale') return firm.scale === c.value;
  const v = attribute(firm, c.attribute, tenants, belowTenants);
  if (v === null) return false;
  switch (c.op) {
    case 'gte':
      return v >= c.value;
    case 'gt':
      return v > c.value;
    case 'lte':
      return v <= c.value;
    case 'lt':
      return v < c.value;
    case 'eq':
      return v === c.value;
  }
}

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

function median(sorted: number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Percentile band edges in ranks: the published shares of the cohort, rounded half up to whole
 * firms (so 100 firms with 20/80/95/100 give 20, 80, 95, 100). Null for score thresholds.
 */
function bandEdges(banding: Banding, rated: number): number[] | null {
  return banding.kind === 'percentile'
    ? banding.bands.map((b) => Math.floor((rated * b.upToPercent) / 100 + 0.5 + 1e-9))
    : null;
}

/** The band of a rank (percentile edges) or of a score (thresholds); the last band takes the rest. */
function bandIndex(banding: Banding, edges: number[] | null, rank: number, score: number): number {
  const last = banding.bands.length - 1;
  let band = 0;
  if (edges) {
    while (band < last && rank > edges[band]!) band++;
    return band;
  }
  const bands = banding.bands as { minScore?: number | null }[];
  while (band < last && !(bands[band]!.minScore == null || score >= bands[band]!.minScore!)) band++;
  return band;
}

/** Class of a firm from its competition rank (ties share the better rank) or its score. */
export function classOf(banding: Banding, rank: number, rated: number, score: number): string {
  return banding.bands[bandIndex(banding, bandEdges(banding, rated), rank, score)]!.class;
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

const MISSING_RULES: readonly (MissingRule | null)[] = [null, 'cohort_average', 'zero', 'no_data'];

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

/** Score every firm of one year with one method (columnar; see `evaluate` for result objects). */
export function score(method: Method, firms: readonly EvaluationFirm[]): Scored {
  let inOrder = true;
  for (let i = 1; i < firms.length && inOrder; i++) inOrder = firms[i - 1]!.id < firms[i]!.id;
  const sorted = inOrder ? firms : [...firms].sort((a, b) => a.id - b.id);
  // Landholders by id: a binary search in the id-ordered list (tenants are few; no map of all).
  const byId = {
    get(id: number): EvaluationFirm | undefined {
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
    },
    has(id: number): boolean {
      return this.get(id) !== undefined;
    },
  };
  const tenants = new Map<number, number>();
  const belowTenants = new Map<number, number>();
  for (const f of sorted) {
    if (f.landholderId === null || f.landholderId === f.id || !byId.has(f.landholderId)) continue;
    tenants.set(f.landholderId, (tenants.get(f.landholderId) ?? 0) + 1);
    if (f.scale === 'below') belowTenants.set(f.landholderId, (belowTenants.get(f.landholderId) ?? 0) + 1);
  }

  // Merge tenants into their landholder (a method option): their figures count on its land.
  const mergedInto = new Map<number, number>();
  const mergedFigures = new Map<number, Figures>();
  if (method.tenants === 'merge_with_landholder')
    for (const f of sorted) {
      if (!f.hasYear || f.landholderId === null || f.landholderId === f.id) continue;
      const holder = byId.get(f.landholderId);
      if (!holder?.hasYear || mergedInto.has(holder.id)) continue;
      const target = mergedFigures.get(holder.id) ?? { ...figuresOf(holder), land: holder.ownLandMu };
      for (const k of SUMMED) target[k] = add(target[k], f[k]);
      mergedFigures.set(holder.id, target);
      mergedInto.set(f.id, holder.id);
    }

  const members: EvaluationFirm[][] = method.cohorts.map(() => []);
  let noData = 0;
  let outOfScope = 0;
  for (const f of sorted) {
    if (!f.hasYear) {
      noData++;
      continue;
    }
    if (mergedInto.has(f.id)) continue;
    let ci = 0;
    while (ci < method.cohorts.length && !inCohort(method.cohorts[ci]!, f)) ci++;
    if (ci === method.cohorts.length) outOfScope++;
    else members[ci]!.push(f);
  }

  const cohorts = method.cohorts.map((rule, ci) =>
    scoreCohort(method, rule, members[ci]!, mergedFigures, tenants, belowTenants),
  );
  const mergedTenants: Scored['mergedTenants'] = [];
  if (mergedInto.size) {
    const cohortOf = new Map<number, number>();
    cohorts.forEach((c, ci) => c.firms.forEach((f) => cohortOf.set(f.id, ci)));
    for (const [tenantId, holderId] of mergedInto) {
      const ci = cohortOf.get(holderId);
      if (ci !== undefined) mergedTenants.push({ firm: byId.get(tenantId)!, holderId, cohort: ci });
    }
  }
  return { method, cohorts, mergedTenants, excluded: { noData, outOfScope } };
}

function figuresOf(f: EvaluationFirm): Figures {
  return {
    land: f.ownLandMu,
    tax: f.tax,
    valueAdded: f.valueAdded,
    revenue: f.revenue,
    energyTce: f.energyTce,
    emissions: f.emissions,
    employees: f.employees,
    rdSpending: f.rdSpending,
    electricity: f.electricity,
  };
}

const P = 1e6;
const round6 = (x: number) => Math.round(x * P) / P;

function scoreCohort(
  method: Method,
  rule: CohortRule,
  firms: EvaluationFirm[],
  mergedFigures: Map<number, Figures>,
  tenantCounts: Map<number, number>,
  belowTenantCounts: Map<number, number>,
): CohortScores {
  const n = firms.length;
  const k = rule.indicators.length;
  const land = new Float64Array(n);
  const tenants = new Int32Array(n);
  const merged = new Map<number, Figures>();
  const plotRatio = rule.leasedFloorPlotRatio ?? 0;
  const anyMerged = mergedFigures.size > 0;
  const anyTenants = tenantCounts.size > 0;
  for (let i = 0; i < n; i++) {
    const f = firms[i]!;
    if (anyMerged) {
      const m = mergedFigures.get(f.id);
      if (m) merged.set(f.id, m);
    }
    let l = f.ownLandMu ?? NaN;
    if (!(l > 0) && plotRatio > 0 && (f.leasedFloorM2 ?? 0) > 0) l = f.leasedFloorM2! / plotRatio / M2_PER_MU;
    land[i] = l;
    if (anyTenants) tenants[i] = tenantCounts.get(f.id) ?? 0;
  }
  // The figures the indicators need, as columns (NaN = missing), one column per field, read by
  // name (merged figures where a holder has them): each pass reads one property of every firm.
  const columns = new Map<string, Float64Array>();
  for (const ind of rule.indicators) {
    const def = INDICATORS[ind.indicator];
    for (const field of [def.numerator, def.denominator]) {
      if (field === null || field === 'land' || columns.has(field)) continue;
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const f = (anyMerged && merged.get(firms[i]!.id)) || firms[i]!;
        column[i] = (f as unknown as Record<string, number | null>)[field] ?? NaN;
      }
      columns.set(field, column);
    }
  }
  const column = (field: string): Float64Array => columns.get(field)!;
  const values: Float64Array[] = [];
  const points: Float64Array[] = [];
  const capped: Uint8Array[] = [];
  const missing: Uint8Array[] = [];
  const benchmarks: (number | null)[] = [];
  const summary: CohortSummary = {
    key: rule.key,
    size: n,
    rated: 0,
    benchmarks: {},
    ranges: {},
    classCounts: Object.fromEntries(method.classes.map((c) => [c.key, 0])),
    classScores: Object.fromEntries(method.classes.map((c) => [c.key, null])),
  };
  const itemsTotal = new Float64Array(n);
  const rescaling = method.noDataItems === 'rescale';
  const noDataKeys: IndicatorKey[] = [];
  let availableWeight = 0;
  for (let r = 0; r < k; r++) {
    const ind = rule.indicators[r]!;
    const def = INDICATORS[ind.indicator];
    const numerator = column(def.numerator);
    const denominator =
      def.denominator === null ? null : def.denominator === 'land' ? land : column(def.denominator);
    const v = new Float64Array(n);
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const den = denominator ? denominator[i]! : 1;
      const x = numerator[i]! / den;
      // NaN (a missing figure) propagates; a divisor ≤ 0 makes the value missing too.
      if (!(den > 0) || Number.isNaN(x)) v[i] = NaN;
      else {
        v[i] = x;
        sum += x;
        count++;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    let benchmark: number | null;
    if (ind.benchmark.kind === 'fixed') benchmark = ind.benchmark.value;
    else if (count === 0) benchmark = null;
    else if (ind.benchmark.kind === 'cohort_mean') benchmark = sum / count;
    else
      benchmark = median(
        Array.from(v)
          .filter((x) => !Number.isNaN(x))
          .sort((a, b) => a - b),
      );
    benchmarks.push(benchmark);
    summary.benchmarks[ind.indicator] = benchmark;
    summary.ranges[ind.indicator] = count ? { min, max } : null;
    const p = new Float64Array(n);
    const c = new Uint8Array(n);
    const m = new Uint8Array(n);
    const ratio = ind.scoring === 'ratio';
    const cap = ind.cap ?? Infinity;
    let pointsSum = 0;
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) continue;
      let pts = ratio
        ? benchmark
          ? (x / benchmark) * ind.weight
          : 0
        : (ind.weight * (20 + (max > min ? (80 * (x - min)) / (max - min) : 80))) / 100;
      if (pts > cap) {
        pts = cap;
        c[i] = 1;
      }
      pts = round6(pts);
      p[i] = pts;
      pointsSum += pts;
    }
    const useAverage = ind.missing === 'cohort_average' && count > 0;
    const average = count ? round6(pointsSum / count) : 0;
    const code = count === 0 && rescaling ? 3 : useAverage ? 1 : 2;
    if (code === 3) noDataKeys.push(ind.indicator);
    else availableWeight += ind.weight;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(v[i]!)) continue;
      m[i] = code;
      p[i] = useAverage ? average : 0;
    }
    for (let i = 0; i < n; i++) itemsTotal[i] = itemsTotal[i]! + p[i]!;
    values.push(v);
    points.push(p);
    capped.push(c);
    missing.push(m);
  }

  // Indicators without any data drop out; the others are scaled up to the full weight.
  if (noDataKeys.length && availableWeight > 0) {
    const totalWeight = rule.indicators.reduce((s, i) => s + i.weight, 0);
    const rescale = totalWeight / availableWeight;
    summary.noData = { indicators: noDataKeys, rescale };
    for (let i = 0; i < n; i++) itemsTotal[i] = itemsTotal[i]! * rescale;
  }
  const adjustments: CohortScores['adjustments'] = new Array(n);
  const scores = new Float64Array(n);
  const unrated = new Uint8Array(n);
  const rated: number[] = [];
  const exemptions = method.unrated.exemptions;
  const hasAdjustments = rule.adjustments.length > 0;
  const factor = rule.correctionFactor;
  const precision = method.scorePrecision;
  for (let i = 0; i < n; i++) {
    const f = firms[i]!;
    itemsTotal[i] = round6(itemsTotal[i]!);
    let bonus = 0;
    if (hasAdjustments)
      for (const a of rule.adjustments) {
        const bt = belowTenantCounts.size ? (belowTenantCounts.get(f.id) ?? 0) : 0;
        if (!a.when.every((cond) => holds(cond, f, tenants[i]!, bt))) continue;
        const pts = adjustmentPoints(a.points, tenants[i]!, bt);
        if (pts === 0) continue;
        const signed = a.effect === 'bonus' ? pts : -pts;
        (adjustments[i] ??= []).push({ key: a.key, points: signed });
        bonus += signed;
      }
    scores[i] = roundTo(itemsTotal[i]! * factor + bonus, precision);
    if (f.exemption && exemptions.includes(f.exemption)) unrated[i] = 1;
    else rated.push(i);
  }

  byScore(rated, scores, method.scorePrecision);
  const rank = new Int32Array(n);
  const classIndex = new Int16Array(n).fill(-1);
  const classKeys = method.classes.map((c) => c.key);
  const nr = rated.length;
  summary.rated = nr;
  // Class per rank: band edges once per cohort (percentile bands), or thresholds per score.
  const bandClass = rule.banding.bands.map((b) => classKeys.indexOf(b.class));
  const edges = bandEdges(rule.banding, nr);
  const counts = new Int32Array(classKeys.length);
  let current = 0;
  for (let j = 0; j < nr; j++) {
    const i = rated[j]!;
    const sc = scores[i]!;
    if (j === 0 || sc < scores[rated[j - 1]!]!) current = j + 1;
    rank[i] = current;
    const ci = bandClass[bandIndex(rule.banding, edges, current, sc)]!;
    classIndex[i] = ci;
    counts[ci]!++;
    // Rated firms come best first: a class's first score is its highest, its last the lowest.
    const key = classKeys[ci]!;
    const range = summary.classScores[key];
    if (!range) summary.classScores[key] = { min: sc, max: sc };
    else range.min = sc;
  }
  classKeys.forEach((key, ci) => (summary.classCounts[key] = counts[ci]!));
  const order = new Int32Array(n);
  order.set(rated);
  let at = nr;
  const unratedIdx: number[] = [];
  for (let i = 0; i < n; i++) if (unrated[i]) unratedIdx.push(i);
  unratedIdx.sort((a, b) => scores[b]! - scores[a]! || firms[a]!.id - firms[b]!.id);
  for (const i of unratedIdx) order[at++] = i;

  return {
    rule,
    summary,
    firms,
    merged,
    land,
    tenants,
    values,
    points,
    capped,
    missing,
    benchmarks,
    itemsTotal,
    adjustments,
    score: scores,
    rank,
    classIndex,
    unrated,
    order,
  };
}

/** Where member i stands: rated or not, rank, top percent, class and the class policies use. */
export function standingOf(method: Method, c: CohortScores, i: number) {
  const rank = c.rank[i]!;
  const cls = c.classIndex[i]! >= 0 ? method.classes[c.classIndex[i]!]!.key : null;
  return {
    status: (c.unrated[i] ? 'unrated' : 'rated') as ResultStatus,
    rank: rank || null,
    topPercent: rank ? roundTo((rank / c.summary.rated) * 100, 2) : null,
    cls,
    policyClass: c.unrated[i] ? method.unrated.treatAs : cls,
  };
}

/** The member at index i of a cohort as a result object (items, policies in yuan, flags). */
export function resultOf(scored: Scored, c: CohortScores, i: number): FirmResult {
  const method = scored.method;
  const f = c.firms[i]!;
  const m = c.merged.get(f.id);
  const l = c.land[i]!;
  const figures: Figures = m
    ? { ...m, land: Number.isNaN(l) ? null : l }
    : { ...figuresOf(f), land: Number.isNaN(l) ? null : l };
  const items: ItemResult[] = [];
  const flags: string[] = [];
  c.rule.indicators.forEach((ind, r) => {
    const v = c.values[r]![i]!;
    const miss = MISSING_RULES[c.missing[r]![i]!]!;
    items.push({
      indicator: ind.indicator,
      value: Number.isNaN(v) ? null : v,
      benchmark: ind.scoring === 'ratio' ? c.benchmarks[r]! : null,
      weight: ind.weight,
      points: c.points[r]![i]!,
      capped: c.capped[r]![i] === 1,
      missing: miss,
    });
    if (miss) flags.push(`missing:${ind.indicator}`);
  });
  if (!(l > 0)) flags.push('no_land');
  const { status, rank, topPercent, cls, policyClass } = standingOf(method, c, i);
  return {
    enterpriseId: f.id,
    cohort: c.rule.key,
    status,
    mergedInto: null,
    figures,
    tenants: c.tenants[i]!,
    items,
    itemsTotal: c.itemsTotal[i]!,
    adjustments: c.adjustments[i] ?? [],
    score: c.score[i]!,
    rank,
    cohortSize: c.summary.rated,
    topPercent,
    class: cls,
    policyClass,
    policies: policyEffect(method, f, policyClass),
    flags,
  };
}

function emptyResult(id: number, cohort: string, figures: Figures, tenants: number): FirmResult {
  return {
    enterpriseId: id,
    cohort,
    status: 'rated',
    mergedInto: null,
    figures,
    tenants,
    items: [],
    itemsTotal: 0,
    adjustments: [],
    score: 0,
    rank: null,
    cohortSize: 0,
    topPercent: null,
    class: null,
    policyClass: null,
    policies: { landUseTaxRelief: null, electricitySurcharge: null, energyQuota: null },
    flags: [],
  };
}

/** A tenant merged into its landholder: listed in the landholder's cohort without a score. */
export function mergedResultOf(scored: Scored, t: Scored['mergedTenants'][number]): FirmResult {
  return {
    ...emptyResult(t.firm.id, scored.cohorts[t.cohort]!.rule.key, figuresOf(t.firm), 0),
    status: 'merged',
    mergedInto: t.holderId,
    score: null,
  };
}

/** Every result in list order: cohort by cohort (by rank, then the unrated), then merged tenants. */
export function* results(scored: Scored): Generator<FirmResult> {
  for (const c of scored.cohorts) for (const i of c.order) yield resultOf(scored, c, i);
  for (const t of scored.mergedTenants) yield mergedResultOf(scored, t);
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

/**
 * Sorts member indexes (given in enterprise-id order) by score, best first, ties in id order.
 * Scores are rounded to `precision` decimals, so they pack with the position into one exact
 * integer key and a numeric typed-array sort does the work (a comparator sort of 100,000 items is
 * ten times slower); keys that would not stay exact fall back to the comparator.
 */
export function byScore(idx: number[], scores: Float64Array, precision: number): void {
  const n = idx.length;
  if (n < 2) return;
  const f = 10 ** precision;
  let maxS = -Infinity;
  let minS = Infinity;
  const ints = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = Math.round(scores[idx[j]!]! * f);
    ints[j] = v;
    if (v > maxS) maxS = v;
    if (v < minS) minS = v;
  }
  if ((maxS - minS + 1) * n >= 2 ** 52) {
    const pos = new Map(idx.map((i, j) => [i, j]));
    idx.sort((a, b) => scores[b]! - scores[a]! || pos.get(a)! - pos.get(b)!);
    return;
  }
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = (maxS - ints[j]!) * n + j;
  keys.sort();
  const copy = idx.slice();
  for (let j = 0; j < n; j++) idx[j] = copy[keys[j]! % n]!;
}

function adjustmentPoints(
  p: CohortRule['adjustments'][number]['points'],
  tenants: number,
  belowTenants: number,
): number {
  if (p.kind === 'fixed') return p.points;
  const units = p.attribute === 'tenants' ? tenants : belowTenants;
  const charged = Math.max(0, units - p.free);
  if (charged === 0) return 0;
  const pts = p.first + (charged - 1) * p.each;
  return p.max != null ? Math.min(pts, p.max) : pts;
}

/** What each policy of the method means for one firm, in yuan (domain guide §5.5). */
export function policyEffect(method: Method, firm: EvaluationFirm, cls: string | null): PolicyEffect {
  const effect: PolicyEffect = { landUseTaxRelief: null, electricitySurcharge: null, energyQuota: null };
  if (cls === null) return effect;
  const { landUseTax, electricitySurcharge, energyQuota } = method.policies;
  if (landUseTax) {
    const share = landUseTax.reliefShare[cls] ?? 0;
    const yuan = (firm.ownLandMu ?? 0) * M2_PER_MU * landUseTax.yuanPerM2 * share;
    effect.landUseTaxRelief = { share, yuan: roundTo(yuan, 2) };
  }
  if (electricitySurcharge) {
    let consecutive = 1;
    for (const prior of firm.priorClasses) {
      if (prior !== cls) break;
      consecutive++;
    }
    let rate = electricitySurcharge.yuanPerKwh[cls] ?? 0;
    let reached = 0;
    for (const e of electricitySurcharge.escalation)
      if (e.class === cls && consecutive >= e.consecutiveYears && e.consecutiveYears > reached) {
        rate = e.yuanPerKwh;
        reached = e.consecutiveYears;
      }
    // Electricity is stored in 万kWh: × 10,000 kWh × 元/kWh.
    const yuan = (firm.electricity ?? 0) * 10000 * rate;
    effect.electricitySurcharge = { yuanPerKwh: rate, consecutiveYears: consecutive, yuan: roundTo(yuan, 2) };
  }
  if (energyQuota) {
    const factor = energyQuota.factor[cls] ?? 1;
    const quota = firm.energyTce === null ? null : roundTo(firm.energyTce * factor, 3);
    effect.energyQuota = {
      factor,
      quotaTce: quota,
      changeTce: quota === null ? null : roundTo(quota - firm.energyTce!, 3),
    };
  }
  return effect;
}
