/** Quota allocation (largest remainder): exact totals, monotone, threshold, ties, worked examples. */
import { describe, expect, it } from 'vitest';
import { allocate, type Claimant } from './allocation';

/** A small seeded LCG (Numerical Recipes constants): the same cases on every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

const unitsOf = (pool: number, claimants: Claimant[], threshold: number) =>
  allocate(pool, claimants, threshold).map((a) => a.units);

describe('allocate: worked examples', () => {
  it('pool 10, scores 50/30/20: the shares are whole, 5/3/2, no remainder units', () => {
    const out = allocate(
      10,
      [
        { id: 1, score: 50 },
        { id: 2, score: 30 },
        { id: 3, score: 20 },
      ],
      0,
    );
    expect(out.map((a) => a.exact)).toEqual([5, 3, 2]);
    expect(out.map((a) => a.units)).toEqual([5, 3, 2]);
    expect(out.map((a) => a.remainderUnit)).toEqual([0, 0, 0]);
  });

  it('pool 10, scores 40/35/25: exact 4, 3.5, 2.5; the one unit left goes to the tie-winner 35', () => {
    // 40 + 35 + 25 = 100: exact shares 10 × 40/100 = 4, 10 × 35/100 = 3.5, 10 × 25/100 = 2.5.
    // Whole parts 4 + 3 + 2 = 9, so 1 unit is left. Remainders 0, 0.5, 0.5: the two halves tie,
    // and a tie goes to the higher score (35), so the result is 4 / 4 / 2.
    const out = allocate(
      10,
      [
        { id: 1, score: 40 },
        { id: 2, score: 35 },
        { id: 3, score: 25 },
      ],
      0,
    );
    expect(out.map((a) => a.exact)).toEqual([4, 3.5, 2.5]);
    expect(out.map((a) => a.units)).toEqual([4, 4, 2]);
    expect(out.map((a) => a.remainderUnit)).toEqual([0, 1, 0]);
  });

  it('pool 7, threshold 25: 20 is left out; 50/30 share 7 as 4.375 / 2.625 → 4 / 3', () => {
    // Eligible total 80: 7 × 50/80 = 4.375, 7 × 30/80 = 2.625. Whole parts 4 + 2 = 6, 1 left;
    // the larger remainder is 0.625 (score 30).
    const out = allocate(
      7,
      [
        { id: 1, score: 50 },
        { id: 2, score: 30 },
        { id: 3, score: 20 },
      ],
      25,
    );
    expect(out.map((a) => a.exact)).toEqual([4.375, 2.625, 0]);
    expect(out.map((a) => a.units)).toEqual([4, 3, 0]);
    expect(out.map((a) => a.eligible)).toEqual([true, true, false]);
  });

  it('pool 1000 among three equal scores: 334 / 333 / 333, the lowest id first', () => {
    const out = allocate(
      1000,
      [
        { id: 9, score: 80 },
        { id: 4, score: 80 },
        { id: 6, score: 80 },
      ],
      60,
    );
    expect(out.map((a) => [a.id, a.units])).toEqual([
      [9, 333],
      [4, 334],
      [6, 333],
    ]);
  });

  it('a score exactly at the threshold takes part; null and 0 never do', () => {
    const out = allocate(
      10,
      [
        { id: 1, score: 60 },
        { id: 2, score: 59.99 },
        { id: 3, score: null },
        { id: 4, score: 0 },
      ],
      60,
    );
    expect(out.map((a) => a.eligible)).toEqual([true, false, false, false]);
    expect(out.map((a) => a.units)).toEqual([10, 0, 0, 0]);
  });

  it('nobody eligible: everyone gets 0 (the pool stays undivided)', () => {
    const out = allocate(
      500,
      [
        { id: 1, score: 55 },
        { id: 2, score: 40 },
        { id: 3, score: null },
      ],
      60,
    );
    expect(out.every((a) => a.units === 0 && a.exact === 0 && !a.eligible)).toBe(true);
    expect(allocate(500, [], 60)).toEqual([]);
  });

  it('an empty pool gives nothing to anyone; a bad pool is refused', () => {
    expect(unitsOf(0, [{ id: 1, score: 90 }], 60)).toEqual([0]);
    expect(() => allocate(-1, [], 0)).toThrow(RangeError);
    expect(() => allocate(2.5, [], 0)).toThrow(RangeError);
  });
});

describe('allocate: properties over 1,000 seeded random cases', () => {
  const rnd = lcg(20250401);
  const cases = Array.from({ length: 1000 }, () => {
    const n = rnd.int(0, 24);
    const claimants: Claimant[] = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      // Scores in hundredths (as the engine rounds them), some missing, some tied on purpose.
      score: rnd.next() < 0.08 ? null : rnd.next() < 0.15 ? 75 : rnd.int(0, 11000) / 100,
    }));
    const pool = rnd.next() < 0.05 ? 0 : rnd.int(1, rnd.next() < 0.5 ? 60 : 100_000);
    const threshold = rnd.int(0, 90);
    return { pool, claimants, threshold };
  });

  it('adds up to exactly the pool whenever someone is eligible, else gives nothing', () => {
    for (const { pool, claimants, threshold } of cases) {
      const out = allocate(pool, claimants, threshold);
      const total = out.reduce((s, a) => s + a.units, 0);
      const anyEligible = out.some((a) => a.eligible);
      expect(total).toBe(anyEligible ? pool : 0);
      expect(out.every((a) => Number.isInteger(a.units) && a.units >= 0)).toBe(true);
      if (anyEligible) expect(out.reduce((s, a) => s + a.exact, 0)).toBeCloseTo(pool, 6);
    }
  });

  // Violations are collected and compared once: 1,000 cases × many pairs of expect() is slow.
  it('rounds each share down or up by one unit, and marks the units added', () => {
    const bad: unknown[] = [];
    for (const { pool, claimants, threshold } of cases)
      for (const a of allocate(pool, claimants, threshold)) {
        const floor = Math.floor(a.exact + 1e-9);
        if (a.units !== floor + a.remainderUnit || a.units - floor > 1) bad.push({ pool, a });
      }
    expect(bad).toEqual([]);
  });

  it('gives nothing to anyone under the threshold', () => {
    const bad: unknown[] = [];
    for (const { pool, claimants, threshold } of cases)
      allocate(pool, claimants, threshold).forEach((a, i) => {
        const s = claimants[i]!.score;
        const below = s === null || s < threshold || s <= 0;
        if (below ? a.eligible || a.units !== 0 : !a.eligible) bad.push({ pool, threshold, s, a });
      });
    expect(bad).toEqual([]);
  });

  it('is monotone: a higher score never gets fewer units; equal scores differ by at most 1', () => {
    const bad: unknown[] = [];
    let tiedPairs = 0;
    for (const { pool, claimants, threshold } of cases) {
      const out = allocate(pool, claimants, threshold);
      for (let i = 0; i < out.length; i++)
        for (let j = 0; j < out.length; j++) {
          if (i === j) continue;
          const si = claimants[i]!.score ?? -1;
          const sj = claimants[j]!.score ?? -1;
          const ui = out[i]!.units;
          const uj = out[j]!.units;
          if (si > sj && ui < uj) bad.push({ pool, threshold, si, sj, ui, uj });
          if (si === sj && si >= threshold && si > 0) {
            tiedPairs++;
            if (Math.abs(ui - uj) > 1) bad.push({ pool, threshold, si, ui, uj });
          }
        }
    }
    expect(bad).toEqual([]);
    // The generator ties scores on purpose (75): the tie rule is really exercised.
    expect(tiedPairs).toBeGreaterThan(100);
  });

  it('does not depend on the order the claimants come in', () => {
    for (const { pool, claimants, threshold } of cases.slice(0, 200)) {
      const byId = (list: Claimant[]) => new Map(allocate(pool, list, threshold).map((a) => [a.id, a.units]));
      expect(byId([...claimants].reverse())).toEqual(byId(claimants));
    }
  });
});
