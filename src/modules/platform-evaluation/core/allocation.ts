/**
 * Quota incentives (plan §4.2, domain guide §6): a pool of whole units (亩 of land, tce of energy)
 * divided among platforms by evaluation score. Design: only platforms scoring at or above the
 * threshold take part; shares are proportional to score; whole units by the largest-remainder
 * method (Hamilton), so the pool adds up exactly. Pure.
 */

export interface Claimant {
  id: number;
  /** The evaluation score (null: not evaluated, no share). */
  score: number | null;
}

export interface Allocation {
  id: number;
  eligible: boolean;
  /** The exact proportional share (units, before rounding). */
  exact: number;
  units: number;
  /** 1 when the platform received one of the remainder units. */
  remainderUnit: 0 | 1;
}

/** Scores are compared in hundredths, so the arithmetic below is exact integer arithmetic. */
const SCALE = 100;

/**
 * Divides `pool` whole units among claimants scoring ≥ threshold, proportionally to score.
 * Remainder units go to the largest fractional parts; ties go to the higher score, then the lower
 * id. Properties (tested): the units add up to the pool whenever someone is eligible; nobody below
 * the threshold gets any; a higher score never gets fewer units.
 */
export function allocate(pool: number, claimants: readonly Claimant[], threshold: number): Allocation[] {
  if (!Number.isInteger(pool) || pool < 0) throw new RangeError('The pool must be a whole number ≥ 0');
  const weight = (c: Claimant) =>
    c.score !== null && c.score >= threshold && c.score > 0 ? Math.round(c.score * SCALE) : 0;
  const weights = claimants.map(weight);
  const total = weights.reduce((s, w) => s + w, 0);
  if (total * pool > Number.MAX_SAFE_INTEGER) throw new RangeError('The pool is too large to divide exactly');
  const out: Allocation[] = claimants.map((c, i) => {
    const w = weights[i]!;
    const units = total ? Math.floor((pool * w) / total) : 0;
    return { id: c.id, eligible: w > 0, exact: total ? (pool * w) / total : 0, units, remainderUnit: 0 };
  });
  if (!total) return out;
  // Exact remainders: (pool × w) mod total, integers.
  const order = claimants
    .map((c, i) => ({ i, rem: (pool * weights[i]!) % total, w: weights[i]!, id: c.id }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.rem - a.rem || b.w - a.w || a.id - b.id);
  let left = pool - out.reduce((s, a) => s + a.units, 0);
  for (const x of order) {
    if (left <= 0) break;
    out[x.i]!.units++;
    out[x.i]!.remainderUnit = 1;
    left--;
  }
  return out;
}
