// Class bands and percentages as the editor shows them. Pure.
import type { Banding } from '../../../modules/evaluation/core/method';

/** Rounds away binary noise (0.07 × 100 = 7.000000000000001). */
export function clean(value: number, decimals = 6): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A share (0.8) as a percentage (80). */
export function toPercent(share: number): number {
  return clean(share * 100);
}

/** A percentage (80) as a share (0.8). */
export function fromPercent(percent: number): number {
  return clean(percent / 100, 8);
}

/**
 * Each class's share of the cohort from cumulative "up to %" cut-offs counted from the top:
 * A 20, B 80, C 95, D 100 → A 20 · B 60 · C 15 · D 5. A missing or decreasing cut-off gives null.
 */
export function bandShares(
  bands: readonly { class: string; upToPercent: number | null }[],
): { class: string; share: number | null }[] {
  let previous: number | null = 0;
  return bands.map((b) => {
    const up = typeof b.upToPercent === 'number' ? b.upToPercent : null;
    const share = up !== null && previous !== null && up >= previous ? clean(up - previous) : null;
    previous = up;
    return { class: b.class, share };
  });
}

/** "A 20% · B 60% · C 15% · D 5%" ("?" for a share that cannot be told). */
export function formatShares(shares: readonly { class: string; share: number | null }[]): string {
  return shares.map((s) => `${s.class} ${s.share === null ? '?' : `${s.share}%`}`).join(' · ');
}

/**
 * The banding in the other kind, keeping the classes: percentile cut-offs evenly spread (the last
 * at 100), or score thresholds 90, 80, 70, … with no minimum for the last band.
 */
export function convertBanding(banding: Banding, kind: Banding['kind']): Banding {
  if (banding.kind === kind) return banding;
  const classes = banding.bands.map((b) => b.class);
  const n = classes.length;
  if (kind === 'percentile')
    return {
      kind,
      bands: classes.map((c, i) => ({
        class: c,
        upToPercent: i === n - 1 ? 100 : clean(((i + 1) / n) * 100, 2),
      })),
    };
  return {
    kind,
    bands: classes.map((c, i) => ({ class: c, minScore: i === n - 1 ? null : Math.max(90 - i * 10, 0) })),
  };
}
