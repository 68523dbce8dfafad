/** A scored member as a result object: standing, items, policies in yuan, flags. Pure. */
import type { Figures } from './indicators';
import type { Method } from './method';
import { policyEffect } from './policies';
import { roundTo } from './ranking';
import type {
  CohortScores,
  EvaluationFirm,
  FirmResult,
  ItemResult,
  MissingRule,
  ResultStatus,
  Scored,
} from './score';

const MISSING_RULES: readonly (MissingRule | null)[] = [null, 'cohort_average', 'zero', 'no_data'];

export function figuresOf(f: EvaluationFirm): Figures {
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

/** The items of member i, and its data-quality flags. */
function itemsOf(c: CohortScores, i: number) {
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
  return { items, flags };
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
  const { items, flags } = itemsOf(c, i);
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

/** A tenant merged into its landholder: listed in the landholder's cohort without a score. */
export function mergedResultOf(scored: Scored, t: Scored['mergedTenants'][number]): FirmResult {
  return {
    enterpriseId: t.firm.id,
    cohort: scored.cohorts[t.cohort]!.rule.key,
    status: 'merged',
    mergedInto: t.holderId,
    figures: figuresOf(t.firm),
    tenants: 0,
    items: [],
    itemsTotal: 0,
    adjustments: [],
    score: null,
    rank: null,
    cohortSize: 0,
    topPercent: null,
    class: null,
    policyClass: null,
    policies: { landUseTaxRelief: null, electricitySurcharge: null, energyQuota: null },
    flags: [],
  };
}

/** Every result in list order: cohort by cohort (by rank, then the unrated), then merged tenants. */
export function* results(scored: Scored): Generator<FirmResult> {
  for (const c of scored.cohorts) for (const i of c.order) yield resultOf(scored, c, i);
  for (const t of scored.mergedTenants) yield mergedResultOf(scored, t);
}
