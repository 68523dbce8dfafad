import type { Db, Tx } from '../../platform/db/client';
import { fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { iterateAudit, listAudit, recordAudit as insertAudit, type AuditQuery } from './audit.repository';
import { subjectOf, type AuditEntry, type AuditSubject } from './core/audit';

export { subjectOf, type AuditEntry, type AuditSubject };

/**
 * Writes one audit row inside the caller's transaction: if it fails, the change fails. Every
 * module records its actions through this function.
 */
export async function recordAudit(tx: Db | Tx, subject: AuditSubject, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, subject, entry);
}

export function createAuditService(db: Db) {
  return {
    async list(actor: Actor, query: AuditQuery) {
      if (!can(actor, 'audit:read')) fail('FORBIDDEN');
      return listAudit(db, query);
    },

    /** Checks access now (not when the first row is read), then yields the rows in batches. */
    export(actor: Actor, query: Omit<AuditQuery, 'page' | 'pageSize'>) {
      if (!can(actor, 'audit:read')) fail('FORBIDDEN');
      return iterateAudit(db, query);
    },

    /** Records an action that changes nothing (exports, reveals) in its own transaction. */
    async record(actor: Actor, entry: AuditEntry) {
      await recordAudit(db, subjectOf(actor), entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
