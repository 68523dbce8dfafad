// Pure helpers of the evaluation pages: class colours, run grouping, default method, radar ratios,
// flags and changes. No React, no I/O (unit-tested in evaluationFormat.test.ts).
import type {
  DistributionCohort,
  EvaluationRun,
  MethodClass,
  ResultQuery,
  ResultSort,
} from '../../api/evaluation';
import type { MethodSummary } from '../../api/evaluationMethods';

import { formatIn, formatPercent } from '../../lib/format';

/** A route's numeric id ("12"), or undefined when it is not a positive integer. */
export function parseId(raw: string | undefined): number | undefined {
  return raw && /^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2147483647 ? Number(raw) : undefined;
}

/** antd tag colours and chart colours, best class first: A green, B blue, C orange, D red. */
const TAG_COLORS = ['green', 'blue', 'orange', 'red', 'purple', 'magenta', 'cyan', 'gold'];
const HEX_COLORS = ['#389e0d', '#1677ff', '#fa8c16', '#cf1322', '#722ed1', '#c41d7f', '#08979c', '#d4b106'];
const NAMED: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };

/** Position of a class in the palette: A–D by name, other keys by their place in the method. */
function paletteIndex(key: string, classes: readonly MethodClass[]): number {
  if (key in NAMED) return NAMED[key]!;
  const i = classes.findIndex((c) => c.key === key);
  return i < 0 ? TAG_COLORS.length - 1 : i % TAG_COLORS.length;
}

export function classTagColor(key: string, classes: readonly MethodClass[] = []): string {
  return TAG_COLORS[paletteIndex(key, classes)]!;
}

export function classHexColor(key: string, classes: readonly MethodClass[] = []): string {
  return HEX_COLORS[paletteIndex(key, classes)]!;
}

/** Runs newest year first, and inside a year the newest version first. */
export function sortRuns<T extends Pick<EvaluationRun, 'year' | 'version'>>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => b.year - a.year || b.version - a.version);
}

/** For sorted runs: how many rows the year cell spans (0 for the rows it covers). */
export function yearRowSpans(sorted: readonly Pick<EvaluationRun, 'year'>[]): number[] {
  return sorted.map((r, i) => {
    if (i > 0 && sorted[i - 1]!.year === r.year) return 0;
    let n = 1;
    while (sorted[i + n]?.year === r.year) n++;
    return n;
  });
}

/** A year that already has a notice or a published run takes a correction: the reason is required. */
export function correctionNeedsReason(runs: readonly Pick<EvaluationRun, 'year' | 'status'>[], year: number) {
  return runs.some((r) => r.year === year && (r.status === 'notice' || r.status === 'published'));
}

/**
 * The method version to offer first: the newest version of the method the latest year was
 * evaluated with; without runs, the newest version saved.
 */
export function defaultMethodId(
  methods: readonly MethodSummary[],
  runs: readonly Pick<EvaluationRun, 'year' | 'version' | 'methodKey'>[],
): number | undefined {
  const latestRun = sortRuns(runs)[0];
  const pool = latestRun ? methods.filter((m) => m.key === latestRun.methodKey) : [];
  if (pool.length > 0) return pool.reduce((a, b) => (b.version > a.version ? b : a)).id;
  return methods.length > 0 ? methods.reduce((a, b) => (b.id > a.id ? b : a)).id : undefined;
}

/** The year to evaluate first: the year after the latest evaluated one, never past `lastDataYear`. */
export function defaultRunYear(runs: readonly Pick<EvaluationRun, 'year'>[], lastDataYear: number): number {
  if (runs.length === 0) return lastDataYear;
  return Math.min(Math.max(...runs.map((r) => r.year)) + 1, lastDataYear);
}

/** Radar value: value ÷ benchmark, cut at `cap` (one huge indicator would flatten the others). */
export function benchmarkRatio(
  value: number | null,
  benchmark: number | null,
  cap = 3,
): { ratio: number | null; capped: boolean } {
  if (value === null || benchmark === null || !(benchmark > 0)) return { ratio: null, capped: false };
  const ratio = Math.max(0, value / benchmark);
  return ratio > cap ? { ratio: cap, capped: true } : { ratio, capped: false };
}

export type ParsedFlag =
  { kind: 'missing'; indicator: string } | { kind: 'no_land' } | { kind: 'other'; raw: string };

/** Data-quality flags of a result: `missing:<indicator>`, `no_land`, or anything newer as is. */
export function parseFlag(flag: string): ParsedFlag {
  if (flag.startsWith('missing:')) return { kind: 'missing', indicator: flag.slice('missing:'.length) };
  if (flag === 'no_land') return { kind: 'no_land' };
  return { kind: 'other', raw: flag };
}

/** Direction of a change on last year; tiny differences (rounding noise) count as none. */
export function changeDirection(
  delta: number | null | undefined,
  epsilon = 1e-9,
): 'up' | 'down' | 'flat' | null {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return null;
  if (delta > epsilon) return 'up';
  if (delta < -epsilon) return 'down';
  return 'flat';
}

/** The class a score falls in, from the cut lines (lowest score of each class). */
export function classOfScore(score: number, cuts: DistributionCohort['cuts']): string | null {
  const sorted = [...cuts].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((c) => score >= c.minScore)?.class ?? sorted[sorted.length - 1]?.class ?? null;
}

/** Cut lines worth drawing: the lowest score of every class but the lowest-scoring one. */
export function cutLines(cuts: DistributionCohort['cuts']): DistributionCohort['cuts'] {
  const sorted = [...cuts].sort((a, b) => b.minScore - a.minScore);
  return sorted.slice(0, -1);
}

/** Ratio 0.8243 → "82.43%" (the % format); `exact`: a setting as written (a 50% relief). */
export function formatShare(ratio: number | null | undefined, exact = false): string {
  return formatPercent(ratio, '—', exact);
}

/** Yuan, whole, grouped: 143840 → "143,840". */
export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return '—';
  return formatIn(yuan, '元', { label: false });
}

/** A number with a fixed count of decimals, grouped (indicator values in their own precision). */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  return formatIn(value, '', { label: false, decimals });
}

export const RESULT_PAGE_SIZES = [10, 20, 50, 100];
const RESULT_SORTS: ResultSort[] = ['rank', 'score', 'name', 'taxPerMu'];

/** The results table's filters, sort and page, read from the address (bad values ignored). */
export function parseResultQuery(params: URLSearchParams): ResultQuery {
  const int = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const sort = params.get('sort') as ResultSort;
  const pageSize = int('pageSize') ?? 20;
  return {
    cohort: params.get('cohort') || undefined,
    platformId: int('platformId'),
    class: params.get('class') || undefined,
    industry: params.get('industry') || undefined,
    keyword: params.get('keyword') || undefined,
    sort: RESULT_SORTS.includes(sort) ? sort : undefined,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: int('page') ?? 1,
    pageSize: RESULT_PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** Breaks a long chart label into two lines, at a space near the middle when there is one. */
export function wrapLabel(text: string, max = 8): string {
  if (text.length <= max) return text;
  const mid = Math.ceil(text.length / 2);
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length > 0) {
    const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
    return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
  }
  return `${text.slice(0, mid)}\n${text.slice(mid)}`;
}
