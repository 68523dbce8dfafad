import type { Db } from '../../server/db/client';
import { fail } from '../../server/errors';
import { can, type Actor } from '../auth/core/access';
import { listAudit, recordAudit, subjectOf, type AuditEntry, type AuditQuery } from './audit.repository';

export function createAuditService(db: Db) {
  return {
    async list(actor: Actor, query: AuditQuery) {
      if (!can(actor, 'audit:read')) fail('FORBIDDEN');
      return listAudit(db, query);
    },

    /** Records an action that changes nothing (exports, reveals) in its own transaction. */
    async record(actor: Actor, entry: AuditEntry) {
      await recordAudit(db, subjectOf(actor), entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
