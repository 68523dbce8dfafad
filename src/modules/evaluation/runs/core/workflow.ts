/** The evaluation workflow (domain guide §5.6): statuses, who sees a run, notice dates. Pure. */
import type { PlatformScope } from '../../../../platform/scope';

/** draft → notice (公示) → published; a newer noticed or published version supersedes a run. */
export const RUN_STATUSES = ['draft', 'notice', 'published', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The public notice typically runs 5–7 working days (counted on the working-day calendar). */
export const DEFAULT_NOTICE_WORKING_DAYS = 7;

/**
 * Which runs an actor may see: every run; only runs whose notice has started (enterprises and
 * service commissioners: never a draft); or none.
 */
export type RunAudience = 'all' | 'noticed' | 'none';

export function runAudience(scope: PlatformScope): RunAudience {
  switch (scope.kind) {
    case 'enterprise':
    case 'commissioner':
      return 'noticed';
    case 'none':
      return 'none';
    default:
      return 'all';
  }
}
