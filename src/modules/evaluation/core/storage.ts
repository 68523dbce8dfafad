/**
 * How a result is stored: its columns, and a compact JSON detail written straight from the
 * engine's columns (no per-firm objects) and expanded again, with the run's method and cohort
 * summary, into the explanation a scorecard shows. Pure. (`stored-rows.ts` writes the same
 * columns as COPY text for a run's bulk write.)
 *
 * Detail format 1: {p: points, m?: missing codes (1 cohort average, 2 zero),
 * c?: capped (1), t: items total, a?: [[adjustment key, points]], f: [land, tax, value added,
 * revenue, energy, emissions, employees, R&D, electricity], n: tenants, h?: merged into,
 * x: {l: [relief share, yuan] | null, e: [rate, consecutive years, yuan] | null,
 * q: [factor, quota tce, change tce] | null}}. Indicator values are not stored: they follow
 * exactly from the stored figures (the same division the engine made).
 */
import { ByteText } from './byte-text';
import { indicatorValue, type Figures } from './indicators';
import type { CohortRule, Method } from './method';
import { policyEffect } from './policies';
import { standingOf } from './results';
import type {
  CohortScores,
  CohortSummary,
  EvaluationFirm,
  FirmResult,
  ItemResult,
  MissingRule,
  PolicyEffect,
  Scored,
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
type Figure = Exclude<(typeof FIGURES)[number], 'land'>;

const COMMA = 44;

/** A number of the detail; null (or NaN) as JSON null. */
function jsonNum(out: ByteText, x: number | null | undefined): void {
  if (x === null || x === undefined || Number.isNaN(x)) out.ascii('null');
  else out.num(x);
}

/** What a stored row says about member i of a cohort, computed once for its columns and detail. */
export interface MemberFacts {
  firm: EvaluationFirm;
  /** The figures evaluated: the landholder's sums with merged tenants, else the firm's own. */
  source: EvaluationFirm | Figures;
  /** Land as the cohort counts it (NaN: none). */
  land: number;
  standing: ReturnType<typeof standingOf>;
  policies: PolicyEffect;
}

export function memberFacts(method: Method, c: CohortScores, i: number): MemberFacts {
  const firm = c.firms[i]!;
  const standing = standingOf(method, c, i);
  return {
    firm,
    source: c.merged.get(firm.id) ?? firm,
    land: c.land[i]!,
    standing,
    policies: policyEffect(method, firm, standing.policyClass),
  };
}

/** The data-quality flags of member i: `missing:<indicator>` per missing item, `no_land`. */
export function writeFlags(out: ByteText, c: CohortScores, i: number, land: number): void {
  let first = true;
  const indicators = c.rule.indicators;
  for (let r = 0; r < indicators.length; r++) {
    if (!c.missing[r]![i]) continue;
    if (!first) out.byte(COMMA);
    out.ascii('missing:');
    out.ascii(indicators[r]!.indicator);
    first = false;
  }
  if (land > 0) return;
  if (!first) out.byte(COMMA);
  out.ascii('no_land');
}

function writeList(out: ByteText, key: string, column: Float64Array[] | Uint8Array[], i: number): void {
  out.ascii(key);
  for (let r = 0; r < column.length; r++) {
    if (r) out.byte(COMMA);
    jsonNum(out, column[r]![i]!);
  }
  out.byte(93);
}

function writePolicies(out: ByteText, p: PolicyEffect): void {
  const { landUseTaxRelief: l, electricitySurcharge: e, energyQuota: q } = p;
  out.ascii('{"l":');
  if (l) {
    out.byte(91);
    out.num(l.share);
    out.byte(COMMA);
    out.num(l.yuan);
    out.byte(93);
  } else out.ascii('null');
  out.ascii(',"e":');
  if (e) {
    out.byte(91);
    out.num(e.yuanPerKwh);
    out.byte(COMMA);
    out.num(e.consecutiveYears);
    out.byte(COMMA);
    out.num(e.yuan);
    out.byte(93);
  } else out.ascii('null');
  out.ascii(',"q":');
  if (q) {
    out.byte(91);
    out.num(q.factor);
    out.byte(COMMA);
    jsonNum(out, q.quotaTce);
    out.byte(COMMA);
    jsonNum(out, q.changeTce);
    out.byte(93);
  } else out.ascii('null');
  out.byte(125);
}

/** The detail of member i (format 1). */
export function writeDetail(out: ByteText, c: CohortScores, i: number, facts: MemberFacts): void {
  const k = c.rule.indicators.length;
  let anyMissing = false;
  let anyCapped = false;
  for (let r = 0; r < k; r++) {
    if (c.missing[r]![i]) anyMissing = true;
    if (c.capped[r]![i]) anyCapped = true;
  }
  writeList(out, '{"p":[', c.points, i);
  if (anyMissing) writeList(out, ',"m":[', c.missing, i);
  if (anyCapped) writeList(out, ',"c":[', c.capped, i);
  out.ascii(',"t":');
  out.num(c.itemsTotal[i]!);
  const adjustments = c.adjustments[i];
  if (adjustments) {
    out.ascii(',"a":[');
    adjustments.forEach((a, j) => {
      out.ascii(j ? ',["' : '["');
      out.ascii(a.key);
      out.ascii('",');
      out.num(a.points);
      out.byte(93);
    });
    out.byte(93);
  }
  out.ascii(',"f":[');
  jsonNum(out, facts.land);
  for (let j = 1; j < FIGURES.length; j++) {
    out.byte(COMMA);
    jsonNum(out, facts.source[FIGURES[j] as Figure]);
  }
  out.ascii('],"n":');
  out.num(c.tenants[i]!);
  out.ascii(',"x":');
  writePolicies(out, facts.policies);
  out.byte(125);
}

/** The detail of a tenant merged into its landholder: its own figures, no items. */
export function writeMergedDetail(out: ByteText, t: Scored['mergedTenants'][number]): void {
  const f = t.firm;
  out.ascii('{"p":[],"t":0,"f":[');
  jsonNum(out, f.ownLandMu);
  for (let j = 1; j < FIGURES.length; j++) {
    out.byte(COMMA);
    jsonNum(out, f[FIGURES[j] as Figure]);
  }
  out.ascii('],"n":0,"h":');
  out.num(t.holderId);
  out.ascii(',"x":{"l":null,"e":null,"q":null}}');
}

const scratch = new ByteText();

function stored(method: Method, c: CohortScores, i: number): StoredResult {
  const facts = memberFacts(method, c, i);
  const { standing, policies, land, source } = facts;
  writeFlags(scratch, c, i, land);
  const flags = scratch.takeText();
  writeDetail(scratch, c, i, facts);
  return {
    enterpriseId: facts.firm.id,
    cohort: c.rule.key,
    status: standing.status,
    score: c.score[i]!,
    rank: standing.rank,
    cohortSize: c.summary.rated,
    class: standing.cls,
    policyClass: standing.policyClass,
    landMu: Number.isNaN(land) ? null : land,
    tax: source.tax,
    valueAdded: source.valueAdded,
    topPercent: standing.topPercent,
    flags,
    surchargeYuan: policies.electricitySurcharge?.yuan ?? null,
    reliefYuan: policies.landUseTaxRelief?.yuan ?? null,
    detail: scratch.takeText(),
  };
}

function storedMerged(scored: Scored, t: Scored['mergedTenants'][number]): StoredResult {
  const f = t.firm;
  const cohort = scored.cohorts[t.cohort]!;
  writeMergedDetail(scratch, t);
  return {
    enterpriseId: f.id,
    cohort: cohort.rule.key,
    status: 'merged',
    score: null,
    rank: null,
    cohortSize: cohort.summary.rated,
    class: null,
    policyClass: null,
    landMu: f.ownLandMu,
    tax: f.tax,
    valueAdded: f.valueAdded,
    topPercent: null,
    flags: '',
    surchargeYuan: null,
    reliefYuan: null,
    detail: scratch.takeText(),
  };
}

/** Every result of a scored run, stored form, in list order (cohorts by rank, then merged tenants). */
export function* storedResults(scored: Scored): Generator<StoredResult> {
  const { method } = scored;
  for (const c of scored.cohorts) for (const i of c.order) yield stored(method, c, i);
  for (const t of scored.mergedTenants) yield storedMerged(scored, t);
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
