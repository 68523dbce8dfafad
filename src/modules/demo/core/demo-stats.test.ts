import { describe, expect, it } from 'vitest';
import { DEMO_SERVICE_PLATFORMS, DEMO_STAT_TOTALS, DEMO_STAT_YEARS, demoStats, divide } from './demo-stats';

describe('demo reported statistics', () => {
  it('divides a total by weight into whole shares that add up exactly', () => {
    expect(divide(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(divide(57, [62_000, 9800, 1500]).reduce((s, v) => s + v, 0)).toBe(57);
    expect(divide(5, [0, 0])).toEqual([0, 0]);
  });

  it('gives every platform and year each figure, adding up to the city totals', () => {
    const weights = Array.from({ length: 16 }, (_, i) => 1000 * (i + 1));
    const stats = demoStats(weights);
    // Innovation platforms, 双创 platforms and the public-service flag (T6 is computed from projects).
    expect(stats).toHaveLength(16 * DEMO_STAT_YEARS.length * 3);
    DEMO_STAT_YEARS.forEach((year, y) => {
      const sum = (figure: string) =>
        stats.filter((s) => s.year === year && s.figure === figure).reduce((t, s) => t + s.value, 0);
      for (const figure of Object.keys(DEMO_STAT_TOTALS) as (keyof typeof DEMO_STAT_TOTALS)[])
        expect(sum(figure)).toBe(DEMO_STAT_TOTALS[figure][y]);
      expect(sum('publicServicePlatform')).toBe(DEMO_SERVICE_PLATFORMS[y]);
    });
  });
});
