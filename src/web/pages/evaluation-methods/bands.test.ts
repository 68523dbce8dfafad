import { describe, expect, it } from 'vitest';
import { bandShares, convertBanding, formatShares, fromPercent, toPercent } from './bands';

describe('class bands', () => {
  it('turns cumulative cut-offs into shares (Wenling 2022)', () => {
    const shares = bandShares([
      { class: 'A', upToPercent: 20 },
      { class: 'B', upToPercent: 80 },
      { class: 'C', upToPercent: 95 },
      { class: 'D', upToPercent: 100 },
    ]);
    expect(formatShares(shares)).toBe('A 20% · B 60% · C 15% · D 5%');
  });

  it('cannot tell the share after a missing or decreasing cut-off', () => {
    const shares = bandShares([
      { class: 'A', upToPercent: 30 },
      { class: 'B', upToPercent: 20 },
      { class: 'C', upToPercent: null },
      { class: 'D', upToPercent: 100 },
    ]);
    expect(shares.map((s) => s.share)).toEqual([30, null, null, null]);
    expect(formatShares(shares)).toBe('A 30% · B ? · C ? · D ?');
  });

  it('keeps the classes when switching between percentiles and thresholds', () => {
    const percentile = {
      kind: 'percentile' as const,
      bands: ['A', 'B', 'C'].map((c, i) => ({ class: c, upToPercent: [10, 50, 100][i]! })),
    };
    expect(convertBanding(percentile, 'threshold')).toEqual({
      kind: 'threshold',
      bands: [
        { class: 'A', minScore: 90 },
        { class: 'B', minScore: 80 },
        { class: 'C', minScore: null },
      ],
    });
    expect(convertBanding(convertBanding(percentile, 'threshold'), 'percentile')).toEqual({
      kind: 'percentile',
      bands: [
        { class: 'A', upToPercent: 33.33 },
        { class: 'B', upToPercent: 66.67 },
        { class: 'C', upToPercent: 100 },
      ],
    });
  });

  it('converts shares and percentages without binary noise', () => {
    expect(toPercent(0.07)).toBe(7);
    expect(fromPercent(7)).toBe(0.07);
    expect(toPercent(0.8)).toBe(80);
  });
});
