/** 规上 / 规下 (domain guide §4). Pure. */
import type { Scale } from './codes';

/** Annual main-business revenue at or above this (万元) makes an industrial enterprise 规上. */
export const ABOVE_SCALE_REVENUE = 2000;

/** The set scale wins; otherwise the latest year's revenue decides; no data → 规下. */
export function effectiveScale(override: Scale | null, latestRevenue: number | null): Scale {
  if (override) return override;
  return latestRevenue !== null && latestRevenue >= ABOVE_SCALE_REVENUE ? 'above' : 'below';
}
