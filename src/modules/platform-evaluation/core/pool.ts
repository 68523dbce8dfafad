/** The quota pool of the platform evaluation (plan §4.2): defaults and what a valid pool is. Pure. */
import type { PoolSettings } from '../platform-evaluation.schemas';

/** Quota pool defaults (design) when the task force has not set the year's pool. */
export const DEFAULT_POOL = { landMu: 1000, energyTce: 50000, threshold: 50, leaders: 3 };

export interface PoolProblem {
  field: string;
  code: 'QUOTA_POOL_INVALID';
  zh: string;
  en: string;
}

/** Everything wrong with a pool's settings (empty: valid). */
export function poolProblems(input: PoolSettings): PoolProblem[] {
  const problems: PoolProblem[] = [];
  const add = (field: string, zh: string, en: string) =>
    problems.push({ field, code: 'QUOTA_POOL_INVALID', zh, en });
  const whole = (v: number) => Number.isInteger(v) && v >= 0 && v <= 10_000_000;
  if (!whole(input.landMu))
    add('landMu', '用地指标应为 0–1000 万之间的整数（亩）', 'Land: a whole number of mu');
  if (!whole(input.energyTce))
    add('energyTce', '用能指标应为整数（吨标准煤）', 'Energy: a whole number of tce');
  if (!(input.threshold >= 0 && input.threshold <= 1000))
    add('threshold', '门槛分应在 0–1000 之间', 'Threshold: 0–1000');
  if (!(Number.isInteger(input.leaders) && input.leaders >= 0 && input.leaders <= 50))
    add('leaders', '领跑者个数应为 0–50 的整数', 'Leading parks: 0–50');
  return problems;
}
