/**
 * How a result is stored: its columns, and a compact JSON detail written straight from the
 * engine's columns (no per-firm objects) and expanded again, with the run's method and cohort
 * summary, into the explanation a scorecard shows. Pure.
 *
 * Detail format 1: {p: points, m?: missing codes (1 cohort average, 2 zero),
 * c?: capped (1), t: items total, a?: [[adjustment key, points]], f: [land, tax, value added,
 * revenue, energy, emissions, employees, R&D, electricity], n: tenants, h?: merged into,
 * x: {l: [relief share, yuan] | null, e: [rate, consecutive years, yuan] | null,
 * q: [factor, quota tce, change tce] | null}}. Indicator values are not stored: they follow
 * exactly from the stored figures (the same division the engine made).
 */
import { indicatorValue, type Figures } from './indicators';
import type { CohortRule, Method } from './method';
import {
  policyEffect,
  standingOf,
  type CohortScores,
  type CohortSummary,
  type FirmResult,
  type ItemResult,
  type MissingRule,
  type PolicyEffect,
  type Scored,
} from './score';

/** A stored result's columns, in `RESULT_COLUMNS` order after run_id, platform and industry. */
export interface StoredResult {
  enterpriseId: number;
  cohort: string;
  status: FirmResult['status'];
  score: number | null;
  rank: number | null;
  cohortSize: number;
  class: string | null;
  policyClass: string | null;
  landMu: number | null;
  tax: number | null;
  valueAdded: number | null;
  topPercent: number | null;
  /** Data-quality flags as a PostgreSQL array literal body, e.g. `missing:tax_per_mu,no_land`. */
  flags: string;
  surchargeYuan: number | null;
  reliefYuan: number | null;
  detail: string;
}

/** What a scorecard shows beyond the columns (see FirmResult). */
export type ResultDetail = Pick<
  FirmResult,
  'mergedInto' | 'figures' | 'tenants' | 'items' | 'itemsTotal' | 'adjustments' | 'policies'
>;

const MISSING: readonly (MissingRule | null)[] = [null, 'cohort_average', 'zero', 'no_data'];
const FIGURES = [
  'land',
  'tax',
  'valueAdded',
  'revenue',
  'energyTce',
  'emissions',
  'employees',
  'rdSpending',
  'electricity',
] as const satisfies readonly (keyof Figures)[];

const num = (x: number) => (Number.isNaN(x) ? 'null' : String(x));
const opt = (x: number | null | undefined) => (x === null || x === undefined ? 'null' : String(x));

function policiesJson(p: PolicyEffect): string {
  const l = p.landUseTaxRelief ? `[${p.landUseTaxRelief.share},${p.landUseTaxRelief.yuan}]` : 'null';
  const e = p.electricitySurcharge
    ? `[${p.electricitySurcharge.yuanPerKwh},${p.electricitySurcharge.consecutiveYears},${p.electricitySurcharge.yuan}]`
    : 'null';
  const q = p.energyQuota
    ? `[${p.energyQuota.factor},${opt(p.energyQuota.quotaTce)},${opt(p.energyQuota.changeTce)}]`
    : 'null';
  return `{"l":${l},"e":${e},"q":${q}}`;
}

/** Every result of a scored run, stored form, in list order (cohorts by rank, then merged tenants). */
export function* storedResults(scored: Scored): Generator<StoredResult> {
  const { method } = scored;
  for (const c of scored.cohorts) for (const i of c.order) yield stored(method, c, i);
  for (const t of scored.mergedTenants) {
    const f = t.firm;
    const figures = FIGURES.map((k) => opt(k === 'land' ? f.ownLandMu : f[k])).join(',');
    yield {
      enterpriseId: f.id,
      cohort: scored.cohorts[t.cohort]!.rule.key,
      status: 'merged',
      score: null,
      rank: null,
      cohortSize: scored.cohorts[t.cohort]!.summary.rated,
      class: null,
      policyClass: null,
      landMu: f.ownLandMu,
      tax: f.tax,
      valueAdded: f.valueAdded,
      topPercent: null,
      flags: '',
      surchargeYuan: null,
      reliefYuan: null,
      detail: `{"p":[],"t":0,"f":[${figures}],"n":0,"h":${t.holderId},"x":{"l":null,"e":null,"q":null}}`,
    };
  }
}

function stored(method: Method, c: CohortScores, i: number): StoredResult {
  const f = c.firms[i]!;
  const src = c.merged.get(f.id) ?? f;
  const k = c.rule.indicators.length;
  let p = '';
  let m = '';
  let cap = '';
  let anyMissing = false;
  let anyCapped = false;
  const flags: string[] = [];
  for (let r = 0; r < k; r++) {
    const sep = r ? ',' : '';
    p += sep + num(c.points[r]![i]!);
    const mc = c.missing[r]![i]!;
    m += sep + mc;
    cap += sep + c.capped[r]![i]!;
    if (mc) {
      anyMissing = true;
      flags.push(`missing:${c.rule.indicators[r]!.indicator}`);
    }
    if (c.capped[r]![i]) anyCapped = true;
  }
  const land = c.land[i]!;
  if (!(land > 0)) flags.push('no_land');
  const figures = [
    num(land),
    ...FIGURES.slice(1).map((key) => opt(src[key as Exclude<typeof key, 'land'>])),
  ].join(',');
  const { status, rank, topPercent, cls, policyClass } = standingOf(method, c, i);
  const policies = policyEffect(method, f, policyClass);
  const adj = c.adjustments[i];
  const detail =
    `{"p":[${p}]${anyMissing ? `,"m":[${m}]` : ''}${anyCapped ? `,"c":[${cap}]` : ''}` +
    `,"t":${c.itemsTotal[i]}${adj ? `,"a":${JSON.stringify(adj.map((a) => [a.key, a.points]))}` : ''}` +
    `,"f":[${figures}],"n":${c.tenants[i]},"x":${policiesJson(policies)}}`;
  return {
    enterpriseId: f.id,
    cohort: c.rule.key,
    status,
    score: c.score[i]!,
    rank,
    cohortSize: c.summary.rated,
    class: cls,
    policyClass,
    landMu: Number.isNaN(land) ? null : land,
    tax: src.tax,
    valueAdded: src.valueAdded,
    topPercent,
    flags: flags.join(','),
    surchargeYuan: policies.electricitySurcharge?.yuan ?? null,
    reliefYuan: policies.landUseTaxRelief?.yuan ?? null,
    detail,
  };
}

interface Compact {
  p: number[];
  m?: number[];
  c?: number[];
  t: number;
  a?: [string, number][];
  f: (number | null)[];
  n: number;
  h?: number;
  x: {
    l: [number, number] | null;
    e: [number, number, number] | null;
    q: [number, number | null, number | null] | null;
  };
}

/** A stored detail, expanded with its cohort's rule and summary into what a scorecard shows. */
export function expandDetail(
  raw: unknown,
  rule: CohortRule | undefined,
  summary: CohortSummary | undefined,
): ResultDetail {
  const d = raw as Compact;
  const figures = Object.fromEntries(FIGURES.map((k, j) => [k, d.f[j] ?? null])) as unknown as Figures;
  const items: ItemResult[] = (rule?.indicators ?? []).slice(0, d.p.length).map((ind, r) => ({
    indicator: ind.indicator,
    value: indicatorValue(ind.indicator, figures),
    benchmark: ind.scoring === 'ratio' ? (summary?.benchmarks[ind.indicator] ?? null) : null,
    weight: ind.weight,
    points: d.p[r]!,
    capped: d.c?.[r] === 1,
    missing: MISSING[d.m?.[r] ?? 0] ?? null,
  }));
  return {
    mergedInto: d.h ?? null,
    figures,
    tenants: d.n,
    items,
    itemsTotal: d.t,
    adjustments: (d.a ?? []).map(([key, points]) => ({ key, points })),
    policies: {
      landUseTaxRelief: d.x.l ? { share: d.x.l[0], yuan: d.x.l[1] } : null,
      electricitySurcharge: d.x.e
        ? { yuanPerKwh: d.x.e[0], consecutiveYears: d.x.e[1], yuan: d.x.e[2] }
        : null,
      energyQuota: d.x.q ? { factor: d.x.q[0], quotaTce: d.x.q[1], changeTce: d.x.q[2] } : null,
    },
  };
}
