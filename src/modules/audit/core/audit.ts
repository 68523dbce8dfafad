/** What an audit row says: who did what to which object, and how it ended. Pure. */
import type { Actor } from '../../auth/core/access';
import type { AuditAction, AuditObjectType } from './actions';

/** How an audited action ended. */
export const AUDIT_RESULTS = ['success', 'failure'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  /** A code of the catalogue (`core/actions.ts`): it names the action in Chinese and English. */
  action: AuditAction;
  result: AuditResult;
  objectType?: AuditObjectType;
  objectId?: string | number;
  detail?: Record<string, unknown>;
}

/** Who did it: an actor, or (for logins) the name that was tried. */
export interface AuditSubject {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export const subjectOf = (actor: Actor): AuditSubject => ({
  userId: actor.userId,
  username: actor.username,
  ip: actor.ip,
});
