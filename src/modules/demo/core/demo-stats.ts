/**
 * The demo city's reported statistics (统计上报数): the figures no enterprise record gives —
 * provincial+ innovation platforms (T7) and 双创 platforms (T8), and the
 * public-service platform flag (T12) — as each demo platform would report them. City totals per
 * year (illustrative, of the order of the plan's targets: some met, one at risk), divided among the
 * platforms by weight with the largest-remainder method so the platforms add up exactly. Pure.
 */
import type { BaseFigure } from '../../metrics/core/metrics';

export const DEMO_STAT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** City totals by year (same order as DEMO_STAT_YEARS). */
// T6 (new ≥ 10 亿 projects) is not reported: it is computed from the demo project registry.
export const DEMO_STAT_TOTALS: Record<'innovationPlatforms' | 'incubators', readonly number[]> = {
  // T7 (≥ 30): met in 2025.
  innovationPlatforms: [19, 22, 26, 29, 33],
  // T8 (≥ 300): met in 2025.
  incubators: [226, 249, 271, 293, 316],
};

/** Platforms with a comprehensive public-service platform by year (T12: all 16 by 2023). */
export const DEMO_SERVICE_PLATFORMS = [9, 13, 16, 16, 16] as const;

/** Whole shares of `total` proportional to `weights` (largest remainder; ties to the earlier). */
export function divide(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((s, v) => s + v, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

export interface DemoStat {
  /** Index into the platforms given. */
  platform: number;
  year: number;
  figure: BaseFigure;
  value: number;
}

/**
 * The reported figures of every platform and year. `weights`: one per platform (e.g. its
 * industrial land); the platforms that have a public-service platform first are the heaviest.
 */
export function demoStats(weights: readonly number[]): DemoStat[] {
  const out: DemoStat[] = [];
  const byWeight = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  DEMO_STAT_YEARS.forEach((year, y) => {
    for (const figure of ['innovationPlatforms', 'incubators'] as const)
      divide(DEMO_STAT_TOTALS[figure][y]!, weights).forEach((value, platform) =>
        out.push({ platform, year, figure, value }),
      );
    const served = new Set(byWeight.slice(0, DEMO_SERVICE_PLATFORMS[y]).map((p) => p.i));
    weights.forEach((_, platform) =>
      out.push({ platform, year, figure: 'publicServicePlatform', value: served.has(platform) ? 1 : 0 }),
    );
  });
  return out;
}
