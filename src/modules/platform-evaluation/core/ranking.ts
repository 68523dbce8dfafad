/**
 * The platform ranking (plan §4.2): each platform's engine result with its dimension subtotals,
 * leading parks and its shares of the land and energy pools, best first. Pure.
 */
import { DIMENSIONS, INDICATORS, type Dimension } from '../../evaluation/core/indicators';
import type { CohortSummary, FirmResult } from '../../evaluation/core/score';
import type { PlatformScore, PoolSettings } from '../platform-evaluation.schemas';
import { allocate } from './allocation';

export interface RankedPlatform {
  id: number;
  name: string;
  nameEn: string;
}

/** The four dimension subtotals of a result (items × the no-data rescale), to two decimals. */
function dimensionsOf(result: FirmResult | undefined, rescale: number) {
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  const items = (result?.items ?? []).map((it) => {
    const dimension = INDICATORS[it.indicator].dimension ?? null;
    if (dimension) dimensions[dimension] += it.points * rescale;
    return { ...it, dimension };
  });
  for (const d of DIMENSIONS) dimensions[d] = Math.round(dimensions[d] * 100) / 100;
  return { dimensions, items };
}

/** Every platform with its score, rank, class, leading-park flag, dimensions and quota shares. */
export function rankPlatforms(
  platforms: readonly RankedPlatform[],
  results: readonly FirmResult[],
  cohort: CohortSummary | undefined,
  pool: PoolSettings,
): PlatformScore[] {
  const byId = new Map(results.map((r) => [r.enterpriseId, r]));
  const claimants = platforms.map((p) => ({ id: p.id, score: byId.get(p.id)?.score ?? null }));
  const land = allocate(pool.landMu, claimants, pool.threshold);
  const energy = allocate(pool.energyTce, claimants, pool.threshold);
  const rows: PlatformScore[] = platforms.map((p, i) => {
    const r = byId.get(p.id);
    return {
      platformId: p.id,
      name: p.name,
      nameEn: p.nameEn,
      score: r?.score ?? null,
      rank: r?.rank ?? null,
      class: r?.class ?? null,
      leader: r?.rank != null && r.rank <= pool.leaders,
      ...dimensionsOf(r, cohort?.noData?.rescale ?? 1),
      flags: r?.flags ?? [],
      land: { units: land[i]!.units, exact: land[i]!.exact, eligible: land[i]!.eligible },
      energy: { units: energy[i]!.units, exact: energy[i]!.exact, eligible: energy[i]!.eligible },
    };
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.platformId - b.platformId);
}
