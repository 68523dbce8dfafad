/**
 * Analysis of a run's results (domain guide §5.7): the score histogram, the roll-up per platform
 * and for the city, the change on last year, and why a firm is a low-efficiency candidate. Pure.
 */

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width histogram of sorted scores; the last bin includes its upper edge. */
export function histogram(sorted: readonly number[], bins: number): Bin[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (max === min) return [{ from: min, to: max, count: sorted.length }];
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const s of sorted) out[Math.min(bins - 1, Math.floor((s - min) / width))]!.count++;
  return out;
}

/** Evaluated firms of one platform and one class (null: no class), with their sums. */
export interface RollupGroup {
  platformId: number;
  platformName: string;
  class: string | null;
  firms: number;
  landMu: number;
  tax: number;
  valueAdded: number;
}

export interface RollupTotals {
  /** null: everything in scope (the city). */
  platformId: number | null;
  platformName: string | null;
  evaluated: number;
  classCounts: Record<string, number>;
  landMu: number;
  tax: number;
  valueAdded: number;
  taxPerMu: number | null;
  valueAddedPerMu: number | null;
  shareAB: number | null;
}

/**
 * Per platform (in the groups' order) and for everything (last): class counts, and Σ tax, Σ value
 * added ÷ Σ land. `topClasses` are the classes whose share is reported (A and B usually).
 */
export function rollupTotals(groups: readonly RollupGroup[], topClasses: readonly string[]): RollupTotals[] {
  const empty = (platformId: number | null, platformName: string | null) => ({
    platformId,
    platformName,
    evaluated: 0,
    classCounts: {} as Record<string, number>,
    landMu: 0,
    tax: 0,
    valueAdded: 0,
    classed: 0,
    top: 0,
  });
  const city = empty(null, null);
  const byPlatform = new Map<number, ReturnType<typeof empty>>();
  for (const g of groups) {
    const p = byPlatform.get(g.platformId) ?? empty(g.platformId, g.platformName);
    byPlatform.set(g.platformId, p);
    for (const acc of [p, city]) {
      acc.evaluated += g.firms;
      acc.landMu += g.landMu;
      acc.tax += g.tax;
      acc.valueAdded += g.valueAdded;
      if (g.class !== null) {
        acc.classCounts[g.class] = (acc.classCounts[g.class] ?? 0) + g.firms;
        acc.classed += g.firms;
        if (topClasses.includes(g.class)) acc.top += g.firms;
      }
    }
  }
  return [...byPlatform.values(), city].map(({ classed, top, ...a }) => ({
    ...a,
    taxPerMu: a.landMu > 0 ? a.tax / a.landMu : null,
    valueAddedPerMu: a.landMu > 0 ? a.valueAdded / a.landMu : null,
    shareAB: classed > 0 ? top / classed : null,
  }));
}

const delta = (a: number | null, b: number | null | undefined) => (a === null || b == null ? null : a - b);

/** Each row with its change on the same row of the previous year (null: no such row). */
export function withChange(rows: readonly RollupTotals[], previous: readonly RollupTotals[]) {
  const prevOf = new Map(previous.map((p) => [p.platformId, p]));
  return rows.map((r) => {
    const p = prevOf.get(r.platformId);
    return {
      ...r,
      change: p
        ? {
            taxPerMu: delta(r.taxPerMu, p.taxPerMu),
            valueAddedPerMu: delta(r.valueAddedPerMu, p.valueAddedPerMu),
            shareAB: delta(r.shareAB, p.shareAB),
          }
        : null,
    };
  });
}

/** Why a result is a low-efficiency candidate (低效用地 §5.7): the worst class, tax per mu below the floor. */
export function lowEfficiencyReasons(
  r: { class: string | null; taxPerMu: number | null },
  worstClass: string,
  taxPerMuFloor: number,
): ('class' | 'tax_per_mu')[] {
  return [
    ...(r.class === worstClass ? (['class'] as const) : []),
    ...(r.taxPerMu !== null && r.taxPerMu < taxPerMuFloor ? (['tax_per_mu'] as const) : []),
  ];
}
