/**
 * One cohort scored column by column (domain guide §5.3–§5.4): land, indicator values, points with
 * benchmarks, caps and missing-data rules, totals with correction and adjustments, ranks, classes
 * and the list order. Index i is the i-th member in enterprise-id order. Pure.
 */
import { INDICATORS, M2_PER_MU, type Figures, type IndicatorKey } from './indicators';
import type { CohortRule, IndicatorRule, Method } from './method';
import { adjustmentPoints, holds } from './policies';
import { bandEdges, bandIndex, byScore, roundTo } from './ranking';
import type { CohortScores, CohortSummary, EvaluationFirm } from './score';

const P = 1e6;
const round6 = (x: number) => Math.round(x * P) / P;

/** Tenant counts per landholder: all tenants, and the below-scale ones. */
export interface TenantCounts {
  all: Map<number, number>;
  below: Map<number, number>;
}

export function scoreCohort(
  method: Method,
  rule: CohortRule,
  firms: EvaluationFirm[],
  mergedFigures: Map<number, Figures>,
  tenantCounts: TenantCounts,
): CohortScores {
  const { land, tenants, merged } = landOf(rule, firms, mergedFigures, tenantCounts.all);
  const summary = emptySummary(method, rule, firms.length);
  const items = scoreItems(method, rule, firms, merged, land, summary);
  const totals = totalScores(method, rule, firms, items.itemsTotal, tenants, tenantCounts.below);
  const { rank, classIndex } = rankAndClass(method, rule, totals.scores, totals.rated, summary);
  const order = listOrder(firms, totals.scores, totals.rated, totals.unrated);
  return {
    rule,
    summary,
    firms,
    merged,
    land,
    tenants,
    ...items,
    adjustments: totals.adjustments,
    score: totals.scores,
    rank,
    classIndex,
    unrated: totals.unrated,
    order,
  };
}

/** Land as the cohort counts it (own land, or leased floor space converted), and tenant counts. */
function landOf(
  rule: CohortRule,
  firms: EvaluationFirm[],
  mergedFigures: Map<number, Figures>,
  tenantCounts: Map<number, number>,
) {
  const n = firms.length;
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
  return { land, tenants, merged };
}

function emptySummary(method: Method, rule: CohortRule, n: number): CohortSummary {
  return {
    key: rule.key,
    size: n,
    rated: 0,
    benchmarks: {},
    ranges: {},
    classCounts: Object.fromEntries(method.classes.map((c) => [c.key, 0])),
    classScores: Object.fromEntries(method.classes.map((c) => [c.key, null])),
  };
}

/**
 * One figure of every firm as a column (NaN = missing). The enterprise figures are read each by
 * its own loop (one property, one object shape: several times faster than reading by name);
 * other fields (a platform's figures) by name.
 */
function firmColumn(firms: EvaluationFirm[], field: string): Float64Array {
  const n = firms.length;
  const c = new Float64Array(n);
  switch (field) {
    case 'tax':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.tax ?? NaN;
      break;
    case 'valueAdded':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.valueAdded ?? NaN;
      break;
    case 'revenue':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.revenue ?? NaN;
      break;
    case 'energyTce':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.energyTce ?? NaN;
      break;
    case 'emissions':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.emissions ?? NaN;
      break;
    case 'employees':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.employees ?? NaN;
      break;
    case 'rdSpending':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.rdSpending ?? NaN;
      break;
    case 'electricity':
      for (let i = 0; i < n; i++) c[i] = firms[i]!.electricity ?? NaN;
      break;
    default:
      for (let i = 0; i < n; i++) c[i] = (firms[i] as unknown as Record<string, number | null>)[field] ?? NaN;
  }
  return c;
}

/**
 * The figures the indicators need, as columns (NaN = missing), one column per field; a
 * landholder with merged tenants counts their summed figures.
 */
function figureColumns(
  rule: CohortRule,
  firms: EvaluationFirm[],
  merged: Map<number, Figures>,
): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  for (const ind of rule.indicators) {
    const def = INDICATORS[ind.indicator];
    for (const field of [def.numerator, def.denominator]) {
      if (field === null || field === 'land' || columns.has(field)) continue;
      const column = firmColumn(firms, field);
      if (merged.size)
        for (let i = 0; i < firms.length; i++) {
          const m = merged.get(firms[i]!.id);
          if (m) column[i] = (m as unknown as Record<string, number | null>)[field] ?? NaN;
        }
      columns.set(field, column);
    }
  }
  return columns;
}

/** Every indicator's values and points, and the items total per member (before correction). */
function scoreItems(
  method: Method,
  rule: CohortRule,
  firms: EvaluationFirm[],
  merged: Map<number, Figures>,
  land: Float64Array,
  summary: CohortSummary,
) {
  const n = firms.length;
  const columns = figureColumns(rule, firms, merged);
  const column = (field: string): Float64Array => columns.get(field)!;
  const out = {
    values: [] as Float64Array[],
    points: [] as Float64Array[],
    capped: [] as Uint8Array[],
    missing: [] as Uint8Array[],
    benchmarks: [] as (number | null)[],
    itemsTotal: new Float64Array(n),
  };
  const rescaling = method.noDataItems === 'rescale';
  const noDataKeys: IndicatorKey[] = [];
  let availableWeight = 0;
  for (const ind of rule.indicators) {
    const def = INDICATORS[ind.indicator];
    const denominator =
      def.denominator === null ? null : def.denominator === 'land' ? land : column(def.denominator);
    const values = indicatorValues(column(def.numerator), denominator, n);
    const benchmark = benchmarkOf(ind, values);
    out.benchmarks.push(benchmark);
    summary.benchmarks[ind.indicator] = benchmark;
    summary.ranges[ind.indicator] = values.count ? { min: values.min, max: values.max } : null;
    const item = indicatorPoints(ind, values, benchmark, rescaling);
    if (item.code === 3) noDataKeys.push(ind.indicator);
    else availableWeight += ind.weight;
    const total = out.itemsTotal;
    for (let i = 0; i < n; i++) total[i] = total[i]! + item.points[i]!;
    out.values.push(values.v);
    out.points.push(item.points);
    out.capped.push(item.capped);
    out.missing.push(item.missing);
  }
  // Indicators without any data drop out; the others are scaled up to the full weight.
  if (noDataKeys.length && availableWeight > 0) {
    const totalWeight = rule.indicators.reduce((s, i) => s + i.weight, 0);
    const rescale = totalWeight / availableWeight;
    summary.noData = { indicators: noDataKeys, rescale };
    for (let i = 0; i < n; i++) out.itemsTotal[i] = out.itemsTotal[i]! * rescale;
  }
  return out;
}

interface IndicatorValues {
  /** Per member; NaN = missing. */
  v: Float64Array;
  sum: number;
  count: number;
  min: number;
  max: number;
}

function indicatorValues(
  numerator: Float64Array,
  denominator: Float64Array | null,
  n: number,
): IndicatorValues {
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
  return { v, sum, count, min, max };
}

function median(sorted: number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function benchmarkOf(ind: IndicatorRule, values: IndicatorValues): number | null {
  if (ind.benchmark.kind === 'fixed') return ind.benchmark.value;
  if (values.count === 0) return null;
  if (ind.benchmark.kind === 'cohort_mean') return values.sum / values.count;
  return median(
    Array.from(values.v)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b),
  );
}

/**
 * Points of one indicator: ratio or min–max scoring, the cap, and for members without a value the
 * missing-data rule. Code 0 present, 1 cohort average, 2 zero, 3 no data in the cohort (rescaled away).
 */
function indicatorPoints(
  ind: IndicatorRule,
  values: IndicatorValues,
  benchmark: number | null,
  rescaling: boolean,
) {
  const { v, count, min, max } = values;
  const n = v.length;
  const points = new Float64Array(n);
  const capped = new Uint8Array(n);
  const missing = new Uint8Array(n);
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
      capped[i] = 1;
    }
    pts = round6(pts);
    points[i] = pts;
    pointsSum += pts;
  }
  const useAverage = ind.missing === 'cohort_average' && count > 0;
  const average = count ? round6(pointsSum / count) : 0;
  const code = count === 0 && rescaling ? 3 : useAverage ? 1 : 2;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(v[i]!)) continue;
    missing[i] = code;
    points[i] = useAverage ? average : 0;
  }
  return { points, capped, missing, code };
}

/** Totals: items × correction factor + adjustments, rounded; who is rated and who is not. */
function totalScores(
  method: Method,
  rule: CohortRule,
  firms: EvaluationFirm[],
  itemsTotal: Float64Array,
  tenants: Int32Array,
  belowTenantCounts: Map<number, number>,
) {
  const n = firms.length;
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
    if (hasAdjustments) {
      const bt = belowTenantCounts.size ? (belowTenantCounts.get(f.id) ?? 0) : 0;
      const applied = adjustmentsOf(rule, f, tenants[i]!, bt);
      if (applied) {
        adjustments[i] = applied;
        for (const a of applied) bonus += a.points;
      }
    }
    scores[i] = roundTo(itemsTotal[i]! * factor + bonus, precision);
    if (f.exemption && exemptions.includes(f.exemption)) unrated[i] = 1;
    else rated.push(i);
  }
  byScore(rated, scores, precision);
  return { adjustments, scores, unrated, rated };
}

/** The bonus and deduction rules that apply to a firm, with signed points (undefined: none). */
function adjustmentsOf(rule: CohortRule, f: EvaluationFirm, tenants: number, belowTenants: number) {
  let applied: { key: string; points: number }[] | undefined;
  for (const a of rule.adjustments) {
    if (!a.when.every((cond) => holds(cond, f, tenants, belowTenants))) continue;
    const pts = adjustmentPoints(a.points, tenants, belowTenants);
    if (pts === 0) continue;
    (applied ??= []).push({ key: a.key, points: a.effect === 'bonus' ? pts : -pts });
  }
  return applied;
}

/** Competition ranks (ties share the better rank) and classes of the rated, best first. */
function rankAndClass(
  method: Method,
  rule: CohortRule,
  scores: Float64Array,
  rated: number[],
  summary: CohortSummary,
) {
  const n = scores.length;
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
  return { rank, classIndex };
}

/** Member indexes in list order: the rated by rank, then the unrated by score. */
function listOrder(firms: EvaluationFirm[], scores: Float64Array, rated: number[], unrated: Uint8Array) {
  const n = firms.length;
  const order = new Int32Array(n);
  order.set(rated);
  let at = rated.length;
  const unratedIdx: number[] = [];
  for (let i = 0; i < n; i++) if (unrated[i]) unratedIdx.push(i);
  unratedIdx.sort((a, b) => scores[b]! - scores[a]! || firms[a]!.id - firms[b]!.id);
  for (const i of unratedIdx) order[at++] = i;
  return order;
}
