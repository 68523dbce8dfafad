import { describe, expect, it } from 'vitest';
import { byScore, roundTo } from './ranking';

/** Best first, ties in the given (enterprise-id) order: what every path of byScore must give. */
const reference = (idx: number[], scores: Float64Array) =>
  idx
    .map((i, j) => ({ i, j }))
    .sort((a, b) => scores[b.i]! - scores[a.i]! || a.j - b.j)
    .map((x) => x.i);

describe('byScore', () => {
  let seed = 3;
  const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;

  it.each([
    ['scores close together (counting sort)', 100],
    ['scores far apart (packed keys)', 1e7],
    ['scores too far apart to pack (comparator)', 1e13],
  ])('%s', (_, spread) => {
    for (const n of [2, 7, 1000, 20_000]) {
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) scores[i] = roundTo(next() * spread - spread / 10, 2);
      if (n > 10) scores[3] = scores[5]!; // a tie
      const idx = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 1);
      const expected = reference(idx, scores);
      byScore(idx, scores, 2);
      expect(idx).toEqual(expected);
    }
  });
});
