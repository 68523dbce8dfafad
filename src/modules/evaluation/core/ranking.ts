/** Rounding, ranks and class bands of the scoring engine (domain guide §5.4). Pure. */
import type { Banding } from './method';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** Round half away from zero at `decimals`, robust to binary noise (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const f = decimals >= 0 && decimals < POW10.length ? POW10[decimals]! : 10 ** decimals;
  const r = Math.round(Math.abs(x) * f * (1 + 2e-15)) / f;
  return x < 0 ? -r : r;
}

/**
 * Percentile band edges in ranks: the published shares of the cohort, rounded half up to whole
 * firms (so 100 firms with 20/80/95/100 give 20, 80, 95, 100). Null for score thresholds.
 */
export function bandEdges(banding: Banding, rated: number): number[] | null {
  return banding.kind === 'percentile'
    ? banding.bands.map((b) => Math.floor((rated * b.upToPercent) / 100 + 0.5 + 1e-9))
    : null;
}

/** The band of a rank (percentile edges) or of a score (thresholds); the last band takes the rest. */
export function bandIndex(banding: Banding, edges: number[] | null, rank: number, score: number): number {
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

/**
 * Sorts member indexes (given in enterprise-id order) by score, best first, ties in id order.
 * Scores are rounded to `precision` decimals, so each is a whole number of hundredths (say): when
 * those span a range not much larger than the cohort, a counting sort does it in two passes;
 * otherwise they pack with the position into one exact integer key for a numeric typed-array sort
 * (a comparator sort of 100,000 items is ten times slower); keys that would not stay exact fall
 * back to the comparator.
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
  if (maxS - minS < 4 * n + 1024) return countingSort(idx, ints, maxS, maxS - minS + 1);
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

/** Stable counting sort of `idx` by `ints` descending (`ints[j]` belongs to `idx[j]`). */
function countingSort(idx: number[], ints: Float64Array, maxS: number, range: number): void {
  const n = idx.length;
  const start = new Int32Array(range + 1);
  for (let j = 0; j < n; j++) start[maxS - ints[j]! + 1]!++;
  for (let b = 1; b <= range; b++) start[b]! += start[b - 1]!;
  const copy = idx.slice();
  for (let j = 0; j < n; j++) idx[start[maxS - ints[j]!]!++] = copy[j]!;
}
