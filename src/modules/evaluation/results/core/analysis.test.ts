import { describe, expect, it } from 'vitest';
import { histogram, lowEfficiencyReasons, rollupTotals, withChange, type RollupGroup } from './analysis';

describe('histogram', () => {
  it('spreads sorted scores over equal bins, the last one closed', () => {
    const bins = histogram([10, 20, 30, 40, 50], 4);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 2]);
    expect(bins[0]).toMatchObject({ from: 10, to: 20 });
    expect(bins[3]!.to).toBe(50);
  });
  it('one bin when every score is equal; none without scores', () => {
    expect(histogram([7, 7, 7], 10)).toEqual([{ from: 7, to: 7, count: 3 }]);
    expect(histogram([], 10)).toEqual([]);
  });
});

const group = (
  platformId: number,
  cls: string | null,
  firms: number,
  landMu: number,
  tax: number,
): RollupGroup => ({
  platformId,
  platformName: `P${platformId}`,
  class: cls,
  firms,
  landMu,
  tax,
  valueAdded: tax * 2,
});

describe('roll-up', () => {
  it('sums per platform and for the city: Σ tax ÷ Σ land, share of the top classes among the classed', () => {
    const rows = rollupTotals(
      [
        group(1, 'A', 2, 10, 50),
        group(1, 'D', 1, 10, 5),
        group(2, 'B', 3, 30, 60),
        group(2, null, 1, 10, 10),
      ],
      ['A', 'B'],
    );
    expect(rows.map((r) => r.platformId)).toEqual([1, 2, null]);
    const city = rows[2]!;
    expect(city).toMatchObject({ evaluated: 7, landMu: 60, tax: 125, classCounts: { A: 2, D: 1, B: 3 } });
    expect(city.taxPerMu).toBeCloseTo(125 / 60, 12);
    expect(city.shareAB).toBeCloseTo(5 / 6, 12);
    expect(rows[0]!.shareAB).toBeCloseTo(2 / 3, 12);
  });
  it('no land: no per-mu figures; no classed firm: no share', () => {
    const [p] = rollupTotals([group(1, null, 2, 0, 5)], ['A']);
    expect(p).toMatchObject({ taxPerMu: null, valueAddedPerMu: null, shareAB: null });
  });
  it('the change on last year, row by row; none for a row last year lacked', () => {
    const now = rollupTotals([group(1, 'A', 1, 10, 30), group(2, 'A', 1, 10, 20)], ['A']);
    const before = rollupTotals([group(1, 'A', 1, 10, 20)], ['A']);
    const rows = withChange(now, before);
    expect(rows[0]!.change!.taxPerMu).toBeCloseTo(1, 12);
    expect(rows[1]!.change).toBeNull();
    expect(rows[2]!.change!.taxPerMu).toBeCloseTo(0.5, 12);
  });
});

describe('low-efficiency reasons', () => {
  it.each([
    [{ class: 'D', taxPerMu: 0.5 }, ['class', 'tax_per_mu']],
    [{ class: 'D', taxPerMu: 3 }, ['class']],
    [{ class: 'B', taxPerMu: 0.5 }, ['tax_per_mu']],
    [{ class: null, taxPerMu: null }, []],
  ])('%o → %o', (r, reasons) => {
    expect(lowEfficiencyReasons(r, 'D', 1)).toEqual(reasons);
  });
});
