/**
 * The scoring engine of the per-mu evaluation (domain guide §5.3–§5.5): cohorts, indicator points,
 * missing-data rules, caps, bonus/deduction, correction factor, ranks, classes and what each policy
 * means in yuan. Pure and deterministic: the same firms and method give the same results, because
 * every sum runs in enterprise-id order and nothing depends on time or chance.
 */
import { indicatorValue, M2_PER_MU, type Figures, type IndicatorKey } from './indicators';
import type { Banding, CohortRule, Condition, Exemption, IndicatorRule, Method } from './method';

export interface EvaluationFirm {
  id: number;
  scale: 'above' | 'below';
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  /** The enterprise whose parcel this one shares (a tenant of the landholder). */
  landholderId: number | null;
  labels: readonly string[];
  exemption: Exemption | null;
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

export type MissingRule = 'cohort_average' | 'zero';

export interface ItemResult {
  indicator: IndicatorKey;
  value: number | null;
  /** The benchmark used (ratio scoring), or null (min–max scoring, or no cohort values). */
  benchmark: number | null;
  weight: number;
  points: number;
  /** True when the cap cut the points. */
  capped: boolean;
  /** The missing-data rule applied, or null when the value was there. */
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

/** Class of a firm from its competition rank (ties share the better rank) or its score. */
export function classOf(banding: Banding, rank: number, rated: number, score: number): string {
  if (banding.kind === 'percentile') {
    for (const band of banding.bands) {
      // Band edges are the published shares of the cohort, rounded half up to whole firms.
      if (rank <= Math.floor((rated * band.upToPercent) / 100 + 0.5 + 1e-9)) return band.class;
    }
    return banding.bands[banding.bands.length - 1]!.class;
  }
  for (const band of banding.bands) if (band.minScore === null || score >= band.minScore) return band.class;
  return banding.bands[banding.bands.length - 1]!.class;
}

interface Work {
  firm: EvaluationFirm;
  figures: Figures;
  tenants: number;
  belowTenants: number;
  values: (number | null)[];
  result: FirmResult;
}

const SCALE_FIELDS = [
  'tax',
  'valueAdded',
  'revenue',
  'energyTce',
  'emissions',
  'employees',
  'rdSpending',
  'electricity',
] as const;

/** Score every firm of one year with one method. `firms` may come in any order. */
export function evaluate(method: Method, firms: readonly EvaluationFirm[]): EvaluationOutcome {
  const sorted = [...firms].sort((a, b) => a.id - b.id);
  const byId = new Map(sorted.map((f) => [f.id, f]));
  const tenants = new Map<number, number>();
  const belowTenants = new Map<number, number>();
  for (const f of sorted) {
    if (f.landholderId === null || f.landholderId === f.id || !byId.has(f.landholderId)) continue;
    tenants.set(f.landholderId, (tenants.get(f.landholderId) ?? 0) + 1);
    if (f.scale === 'below') belowTenants.set(f.landholderId, (belowTenants.get(f.landholderId) ?? 0) + 1);
  }

  // Merge tenants into their landholder (a method option): their figures count on its land.
  const merge = method.tenants === 'merge_with_landholder';
  const figuresOf = new Map<number, Figures>();
  const mergedInto = new Map<number, number>();
  for (const f of sorted) {
    if (!f.hasYear) continue;
    figuresOf.set(f.id, {
      land: f.ownLandMu,
      tax: f.tax,
      valueAdded: f.valueAdded,
      revenue: f.revenue,
      energyTce: f.energyTce,
      emissions: f.emissions,
      employees: f.employees,
      rdSpending: f.rdSpending,
      electricity: f.electricity,
    });
  }
  if (merge)
    for (const f of sorted) {
      const holder =
        f.landholderId !== null && f.landholderId !== f.id ? byId.get(f.landholderId) : undefined;
      const own = figuresOf.get(f.id);
      const target = holder ? figuresOf.get(holder.id) : undefined;
      if (!own || !target || mergedInto.has(holder!.id)) continue;
      for (const k of SCALE_FIELDS) target[k] = add(target[k], own[k]);
      mergedInto.set(f.id, holder!.id);
    }

  const results: FirmResult[] = [];
  const cohorts: CohortSummary[] = [];
  const members: Work[][] = method.cohorts.map(() => []);
  let noData = 0;
  let outOfScope = 0;
  for (const f of sorted) {
    if (!f.hasYear) {
      noData++;
      continue;
    }
    if (mergedInto.has(f.id)) continue;
    const ci = method.cohorts.findIndex((c) => inCohort(c, f));
    if (ci < 0) {
      outOfScope++;
      continue;
    }
    const cohort = method.cohorts[ci]!;
    const figures = figuresOf.get(f.id)!;
    if (!(figures.land! > 0) && cohort.leasedFloorPlotRatio && (f.leasedFloorM2 ?? 0) > 0)
      figures.land = f.leasedFloorM2! / cohort.leasedFloorPlotRatio / M2_PER_MU;
    const t = tenants.get(f.id) ?? 0;
    const bt = belowTenants.get(f.id) ?? 0;
    members[ci]!.push({
      firm: f,
      figures,
      tenants: t,
      belowTenants: bt,
      values: cohort.indicators.map((r) => indicatorValue(r.indicator, figures)),
      result: emptyResult(f.id, cohort.key, figures, t),
    });
  }

  method.cohorts.forEach((cohort, ci) => {
    const work = members[ci]!;
    cohorts.push(scoreCohort(method, cohort, work));
    for (const w of work) results.push(w.result);
  });

  // Merged tenants follow their landholder's cohort and carry no score of their own.
  const holderCohort = new Map(results.map((r) => [r.enterpriseId, r.cohort]));
  for (const [tenantId, holderId] of mergedInto) {
    const cohort = holderCohort.get(holderId);
    if (cohort === undefined) continue;
    const r = emptyResult(tenantId, cohort, figuresOf.get(tenantId)!, 0);
    r.status = 'merged';
    r.mergedInto = holderId;
    r.score = null;
    results.push(r);
  }
  return { results, cohorts, excluded: { noData, outOfScope } };
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

function scoreCohort(method: Method, cohort: CohortRule, work: Work[]): CohortSummary {
  const summary: CohortSummary = {
    key: cohort.key,
    size: work.length,
    rated: 0,
    benchmarks: {},
    ranges: {},
    classCounts: Object.fromEntries(method.classes.map((c) => [c.key, 0])),
    classScores: Object.fromEntries(method.classes.map((c) => [c.key, null])),
  };
  const P = 1e6;
  cohort.indicators.forEach((rule, ri) => {
    const present: number[] = [];
    for (const w of work) {
      const v = w.values[ri]!;
      if (v !== null) present.push(v);
    }
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of present) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const benchmark = benchmarkOf(rule, present, sum);
    summary.benchmarks[rule.indicator] = benchmark;
    summary.ranges[rule.indicator] = present.length ? { min, max } : null;
    let pointsSum = 0;
    let pointsCount = 0;
    const missingAt: Work[] = [];
    for (const w of work) {
      const v = w.values[ri]!;
      if (v === null) {
        missingAt.push(w);
        continue;
      }
      let points: number;
      if (rule.scoring === 'ratio') points = benchmark ? (v / benchmark) * rule.weight : 0;
      else points = (rule.weight * (20 + (max > min ? (80 * (v - min)) / (max - min) : 80))) / 100;
      let capped = false;
      if (rule.cap != null && points > rule.cap) {
        points = rule.cap;
        capped = true;
      }
      points = Math.round(points * P) / P;
      pointsSum += points;
      pointsCount++;
      w.result.items.push({
        indicator: rule.indicator,
        value: v,
        benchmark: rule.scoring === 'ratio' ? benchmark : null,
        weight: rule.weight,
        points,
        capped,
        missing: null,
      });
    }
    const average = pointsCount ? Math.round((pointsSum / pointsCount) * P) / P : 0;
    for (const w of missingAt) {
      const useAverage = rule.missing === 'cohort_average' && pointsCount > 0;
      w.result.items.push({
        indicator: rule.indicator,
        value: null,
        benchmark: rule.scoring === 'ratio' ? benchmark : null,
        weight: rule.weight,
        points: useAverage ? average : 0,
        capped: false,
        missing: useAverage ? 'cohort_average' : 'zero',
      });
      w.result.flags.push(`missing:${rule.indicator}`);
    }
  });

  // Items were appended indicator by indicator; keep them in the method's order per firm.
  const order = new Map(cohort.indicators.map((r, i) => [r.indicator, i]));
  const rated: Work[] = [];
  for (const w of work) {
    const r = w.result;
    if (missingAt(r)) r.items.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
    if (!(w.figures.land! > 0)) r.flags.push('no_land');
    let total = 0;
    for (const item of r.items) total += item.points;
    r.itemsTotal = Math.round(total * P) / P;
    let bonus = 0;
    for (const a of cohort.adjustments) {
      if (!a.when.every((c) => holds(c, w.firm, w.tenants, w.belowTenants))) continue;
      const pts = adjustmentPoints(a.points, w.tenants, w.belowTenants);
      if (pts === 0) continue;
      const signed = a.effect === 'bonus' ? pts : -pts;
      r.adjustments.push({ key: a.key, points: signed });
      bonus += signed;
    }
    r.score = roundTo(r.itemsTotal * cohort.correctionFactor + bonus, method.scorePrecision);
    if (w.firm.exemption && method.unrated.exemptions.includes(w.firm.exemption)) {
      r.status = 'unrated';
      r.policyClass = method.unrated.treatAs;
    } else rated.push(w);
  }

  rated.sort((a, b) => b.result.score! - a.result.score! || a.firm.id - b.firm.id);
  summary.rated = rated.length;
  let rank = 0;
  rated.forEach((w, i) => {
    const r = w.result;
    if (i === 0 || r.score! < rated[i - 1]!.result.score!) rank = i + 1;
    r.rank = rank;
    r.cohortSize = rated.length;
    r.topPercent = roundTo((rank / rated.length) * 100, 2);
    r.class = classOf(cohort.banding, rank, rated.length, r.score!);
    r.policyClass = r.class;
    summary.classCounts[r.class] = (summary.classCounts[r.class] ?? 0) + 1;
    const s = summary.classScores[r.class];
    summary.classScores[r.class] = s
      ? { min: Math.min(s.min, r.score!), max: Math.max(s.max, r.score!) }
      : { min: r.score!, max: r.score! };
  });
  for (const w of work) {
    w.result.cohortSize = rated.length;
    w.result.policies = policyEffect(method, w.firm, w.result.policyClass);
  }
  // Rated firms by rank, then the unrated, so a cohort reads like its published list.
  work.sort(
    (a, b) =>
      (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity) ||
      b.result.score! - a.result.score! ||
      a.firm.id - b.firm.id,
  );
  return summary;
}

const missingAt = (r: FirmResult) => r.items.some((i) => i.missing !== null);

function benchmarkOf(rule: IndicatorRule, present: number[], sum: number): number | null {
  switch (rule.benchmark.kind) {
    case 'fixed':
      return rule.benchmark.value;
    case 'cohort_mean':
      return present.length ? sum / present.length : null;
    case 'cohort_median':
      return present.length ? median([...present].sort((a, b) => a - b)) : null;
  }
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
