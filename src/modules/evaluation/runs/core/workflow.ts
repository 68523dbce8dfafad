/** The evaluation workflow (domain guide §5.6): statuses, who sees a run, notice dates. Pure. */
import type { PlatformScope } from '../../../../platform/scope';

/** draft → notice (公示) → published; a newer noticed or published version supersedes a run. */
export const RUN_STATUSES = ['draft', 'notice', 'published', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The public notice typically runs 5–7 working days. */
export const DEFAULT_NOTICE_WORKING_DAYS = 7;

/** The date `days` working days (Monday–Friday) after `from` (YYYY-MM-DD, UTC). */
export function addWorkingDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Which runs an actor may see: every run; only runs whose notice has started (enterprises: never
 * a draft); or none.
 */
export type RunAudience = 'all' | 'noticed' | 'none';

export function runAudience(scope: PlatformScope): RunAudience {
  return scope.kind === 'enterprise' ? 'noticed' : scope.kind === 'none' ? 'none' : 'all';
}
