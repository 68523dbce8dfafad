// Pure helpers of the platform evaluation page: indicator values by unit, design weights per
// dimension, the "no data yet" note, dimension full marks for the radar, and allocation totals.
// No React, no I/O (unit-tested in peFormat.test.ts).
import {
  DIMENSIONS,
  INDICATORS,
  type Dimension,
  type IndicatorKey,
} from '../../../modules/evaluation/core/indicators';
import type { PlatformItem, PlatformScore } from '../../api/platformEvaluation';
import { formatIn, formatPercent } from '../../lib/format';

export type Lang = 'zh-CN' | 'en';

const definition = (key: string) => INDICATORS[key as IndicatorKey] ?? null;

export type ValueKind = 'percent' | 'count' | 'flag' | 'number';

/** How a platform indicator's value reads: ratios as %, counts whole, 有=1 as yes/no, else decimals. */
export function valueKind(key: string): ValueKind {
  const d = definition(key);
  if (!d) return 'number';
  if (d.unitEn === 'ratio') return 'percent';
  if (d.unitEn === '1 = yes') return 'flag';
  if (d.decimals === 0) return 'count';
  return 'number';
}

const grouped = (value: number, decimals: number) => formatIn(value, '', { label: false, decimals });

/**
 * An indicator value (or benchmark) for display: 0.0612 → "6.12%", 106 → "106 家", 31.469 →
 * "31.47 万元/亩", 1 → "有". `withUnit` false leaves the unit off (tables with a unit column).
 */
export function formatIndicatorValue(
  key: string,
  value: number | null | undefined,
  lang: Lang,
  withUnit = true,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const d = definition(key);
  const kind = valueKind(key);
  if (kind === 'percent') return formatPercent(value);
  if (kind === 'flag') return value >= 1 ? (lang === 'en' ? 'yes' : '有') : lang === 'en' ? 'no' : '无';
  const unit = d ? (lang === 'en' ? d.unitEn : d.unitZh) : '';
  const text = kind === 'count' ? grouped(Math.round(value), 0) : grouped(value, d?.decimals ?? 2);
  return withUnit && unit ? `${text} ${unit}` : text;
}

/** The indicator's name in the language, or its key when unknown. */
export function indicatorName(key: string, lang: Lang): string {
  const d = definition(key);
  return d ? (lang === 'en' ? d.en : d.zh) : key;
}

/** Where a missing value will come from: a later feature (tickets …) or the platforms' reports. */
export function indicatorSource(key: string): 'computed' | 'reported' | 'later' | null {
  return definition(key)?.source ?? null;
}

const zeroByDimension = () => Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;

/** The method's design weight of each dimension (Σ weights of its indicators), from a platform's items. */
export function dimensionWeights(items: readonly Pick<PlatformItem, 'dimension' | 'weight'>[]) {
  const out = zeroByDimension();
  for (const i of items) if (i.dimension) out[i.dimension] += i.weight;
  for (const d of DIMENSIONS) out[d] = Math.round(out[d] * 1e6) / 1e6;
  return out;
}

export interface NoDataSummary {
  /** Dimensions with indicators nobody has data for, in dimension order. */
  byDimension: { dimension: Dimension; indicators: string[] }[];
  indicators: string[];
  /** Σ weights of all indicators, and of those with data: the rescale is total ÷ available. */
  totalWeight: number;
  availableWeight: number;
  rescale: number;
}

/** What the "no data yet" note says, or null when every indicator has data. */
export function noDataSummary(
  noData: { indicators: string[]; rescale: number } | null,
  items: readonly Pick<PlatformItem, 'indicator' | 'dimension' | 'weight'>[],
): NoDataSummary | null {
  if (!noData || noData.indicators.length === 0) return null;
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  const missingWeight = items
    .filter((i) => noData.indicators.includes(i.indicator))
    .reduce((s, i) => s + i.weight, 0);
  const byDimension = DIMENSIONS.map((dimension) => ({
    dimension,
    indicators: noData.indicators.filter((k) => definition(k)?.dimension === dimension),
  })).filter((g) => g.indicators.length > 0);
  return {
    byDimension,
    indicators: noData.indicators,
    totalWeight: Math.round(totalWeight * 1e6) / 1e6,
    availableWeight: Math.round((totalWeight - missingWeight) * 1e6) / 1e6,
    rescale: noData.rescale,
  };
}

/**
 * Full marks of each dimension as the year was scored: Σ weights of its indicators that have data,
 * times the rescale factor. They add up to the method's total (100): a dimension with no data has 0.
 */
export function dimensionFullMarks(
  items: readonly Pick<PlatformItem, 'indicator' | 'dimension' | 'weight'>[],
  noData: { indicators: string[]; rescale: number } | null,
): Record<Dimension, number> {
  const out = zeroByDimension();
  const rescale = noData?.rescale ?? 1;
  for (const i of items)
    if (i.dimension && !noData?.indicators.includes(i.indicator)) out[i.dimension] += i.weight * rescale;
  for (const d of DIMENSIONS) out[d] = Math.round(out[d] * 100) / 100;
  return out;
}

/** A dimension's weight as designed and as applied this year (after the rescale). */
export interface AppliedWeight {
  design: number;
  /** Σ weights of its indicators with data × the rescale: the most its points can be. */
  applied: number;
  /** The applied weight differs from the design (some indicators have no data). */
  scaled: boolean;
  /** The column's maximum to print: the applied weight, or a higher score (a cap above the weight). */
  max: number;
}

/**
 * The weight each dimension's points are counted against. A dimension scores against the weight
 * actually applied: "权重 32 → 46.38" when indicators without data were dropped and the rest scaled
 * up. The printed maximum is never below a score in the column.
 */
export function appliedWeights(
  items: readonly Pick<PlatformItem, 'indicator' | 'dimension' | 'weight'>[],
  noData: { indicators: string[]; rescale: number } | null,
  platforms: readonly { dimensions: Record<Dimension, number> }[],
): Record<Dimension, AppliedWeight> {
  const design = dimensionWeights(items);
  const full = dimensionFullMarks(items, noData);
  const out = {} as Record<Dimension, AppliedWeight>;
  for (const d of DIMENSIONS) {
    const best = Math.max(0, ...platforms.map((p) => p.dimensions[d] ?? 0));
    out[d] = {
      design: design[d],
      applied: full[d],
      scaled: Math.abs(full[d] - design[d]) >= 0.005,
      max: Math.max(full[d], Math.ceil(best * 100 - 1e-9) / 100),
    };
  }
  return out;
}

/** Radar value of a dimension: its points ÷ its full marks (null: nothing to score it on yet). */
export function dimensionRatio(points: number, full: number): number | null {
  return full > 0 ? Math.max(0, points / full) : null;
}

/** The radar's outer ring: 100%, or the best ratio rounded up to a quarter (caps allow 150%). */
export function radarMax(ratios: readonly (number | null)[]): number {
  const best = Math.max(1, ...ratios.map((r) => r ?? 0));
  return Math.ceil(best * 4 - 1e-9) / 4;
}

/** True when the platform received one of the units left after the whole parts (largest remainder). */
export function gotRemainderUnit(share: { units: number; exact: number }): boolean {
  return share.units > Math.floor(share.exact + 1e-9);
}

export interface AllocationTotals {
  eligible: number;
  landExact: number;
  landUnits: number;
  landRemainders: number;
  energyExact: number;
  energyUnits: number;
  energyRemainders: number;
}

export function allocationTotals(platforms: readonly PlatformScore[]): AllocationTotals {
  const t: AllocationTotals = {
    eligible: 0,
    landExact: 0,
    landUnits: 0,
    landRemainders: 0,
    energyExact: 0,
    energyUnits: 0,
    energyRemainders: 0,
  };
  for (const p of platforms) {
    if (p.land.eligible) t.eligible++;
    t.landExact += p.land.exact;
    t.landUnits += p.land.units;
    if (gotRemainderUnit(p.land)) t.landRemainders++;
    t.energyExact += p.energy.exact;
    t.energyUnits += p.energy.units;
    if (gotRemainderUnit(p.energy)) t.energyRemainders++;
  }
  return t;
}

/** "1,000 亩" / "50,000" … whole numbers grouped. */
export function formatUnits(n: number): string {
  return grouped(n, 0);
}

/** Exact shares with 2 decimals: 77.3499 → "77.35". */
export function formatExact(n: number): string {
  return grouped(n, 2);
}

/** A flag of a platform's result, explained: `missing:<indicator>` with the rule applied, `no_land`. */
export type FlagInfo =
  | { kind: 'missing'; indicator: string; rule: 'cohort_average' | 'zero' | 'no_data' | null }
  | { kind: 'no_land' }
  | { kind: 'other'; raw: string };

export function explainFlag(flag: string, items: readonly Pick<PlatformItem, 'indicator' | 'missing'>[]) {
  if (flag.startsWith('missing:')) {
    const indicator = flag.slice('missing:'.length);
    return {
      kind: 'missing',
      indicator,
      rule: items.find((i) => i.indicator === indicator)?.missing ?? null,
    } as FlagInfo;
  }
  if (flag === 'no_land') return { kind: 'no_land' } as FlagInfo;
  return { kind: 'other', raw: flag } as FlagInfo;
}

/** The positive integer in a search parameter, or undefined. */
export function intParam(raw: string | null): number | undefined {
  if (!raw || !/^[1-9][0-9]{0,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 2147483647 ? n : undefined;
}
