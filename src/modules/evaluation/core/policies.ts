/**
 * Bonus and deduction rules, and what each policy of a method means for one firm in yuan
 * (domain guide §5.3, §5.5). Pure.
 */
import { M2_PER_MU } from './indicators';
import type { CohortRule, Condition, Method } from './method';
import { roundTo } from './ranking';
import type { EvaluationFirm, PolicyEffect } from './score';

function attribute(firm: EvaluationFirm, name: string, tenants: number, belowTenants: number): number | null {
  switch (name) {
    case 'ownLandMu':
      return firm.ownLandMu ?? 0;
    case 'tenants':
      return tenants;
    case 'belowScaleTenants':
      return belowTenants;
    case 'employees':
      return firm.employees;
    case 'tax':
      return firm.tax;
    case 'revenue':
      return firm.revenue;
    case 'output':
      return firm.output;
    default:
      return null;
  }
}

/** Does a condition of an adjustment hold for a firm? */
export function holds(c: Condition, firm: EvaluationFirm, tenants: number, belowTenants: number): boolean {
  if (c.attribute === 'label') return firm.labels.includes(c.value) === (c.op === 'has');
  if (c.attribute === 'scale') return firm.scale === c.value;
  const v = attribute(firm, c.attribute, tenants, belowTenants);
  if (v === null) return false;
  switch (c.op) {
    case 'gte':
      return v >= c.value;
    case 'gt':
      return v > c.value;
    case 'lte':
      return v <= c.value;
    case 'lt':
      return v < c.value;
    case 'eq':
      return v === c.value;
  }
}

/** The points an adjustment gives (before its sign): fixed, or per charged tenant. */
export function adjustmentPoints(
  p: CohortRule['adjustments'][number]['points'],
  tenants: number,
  belowTenants: number,
): number {
  if (p.kind === 'fixed') return p.points;
  const units = p.attribute === 'tenants' ? tenants : belowTenants;
  const charged = Math.max(0, units - p.free);
  if (charged === 0) return 0;
  const pts = p.first + (charged - 1) * p.each;
  return p.max != null ? Math.min(pts, p.max) : pts;
}

/** What each policy of the method means for one firm, in yuan (domain guide §5.5). */
export function policyEffect(method: Method, firm: EvaluationFirm, cls: string | null): PolicyEffect {
  const effect: PolicyEffect = { landUseTaxRelief: null, electricitySurcharge: null, energyQuota: null };
  if (cls === null) return effect;
  const { landUseTax, electricitySurcharge, energyQuota } = method.policies;
  if (landUseTax) {
    const share = landUseTax.reliefShare[cls] ?? 0;
    const yuan = (firm.ownLandMu ?? 0) * M2_PER_MU * landUseTax.yuanPerM2 * share;
    effect.landUseTaxRelief = { share, yuan: roundTo(yuan, 2) };
  }
  if (electricitySurcharge) effect.electricitySurcharge = surcharge(electricitySurcharge, firm, cls);
  if (energyQuota) {
    const factor = energyQuota.factor[cls] ?? 1;
    const quota = firm.energyTce === null ? null : roundTo(firm.energyTce * factor, 3);
    effect.energyQuota = {
      factor,
      quotaTce: quota,
      changeTce: quota === null ? null : roundTo(quota - firm.energyTce!, 3),
    };
  }
  return effect;
}

/** The surcharge rate of a class, escalated after consecutive years in it (published priors). */
function surcharge(
  rule: NonNullable<Method['policies']['electricitySurcharge']>,
  firm: EvaluationFirm,
  cls: string,
): NonNullable<PolicyEffect['electricitySurcharge']> {
  let consecutive = 1;
  for (const prior of firm.priorClasses) {
    if (prior !== cls) break;
    consecutive++;
  }
  let rate = rule.yuanPerKwh[cls] ?? 0;
  let reached = 0;
  for (const e of rule.escalation)
    if (e.class === cls && consecutive >= e.consecutiveYears && e.consecutiveYears > reached) {
      rate = e.yuanPerKwh;
      reached = e.consecutiveYears;
    }
  // Electricity is stored in 万kWh: × 10,000 kWh × 元/kWh.
  const yuan = (firm.electricity ?? 0) * 10000 * rate;
  return { yuanPerKwh: rate, consecutiveYears: consecutive, yuan: roundTo(yuan, 2) };
}
