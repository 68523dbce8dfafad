/** What an audit row says: who did what to which object, and how it ended. Pure. */
import type { Actor } from '../../auth/core/access';

export interface AuditEntry {
  action: string;
  result: 'success' | 'failure';
  objectType?: string;
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
