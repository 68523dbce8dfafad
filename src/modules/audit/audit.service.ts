import type { Database, Db, Tx } from '../../platform/db/client';
import { fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { insertAudit, iterateAudit, listAudit } from './audit.repository';
import type { AuditFilter, AuditQuery, AuditRecord } from './audit.schemas';
import { subjectOf, type AuditEntry, type AuditSubject } from './core/audit';
import type { Page } from '../../platform/contract';

export { subjectOf, type AuditEntry, type AuditSubject };

/**
 * Writes one audit row inside the caller's transaction: if it fails, the change fails. Every
 * module records its actions through this function.
 */
export async function recordAudit(tx: Db | Tx, subject: AuditSubject, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, subject, entry);
}

export function createAuditService(database: Database) {
  const { db } = database;
  const require = (actor: Actor) => {
    if (!can(actor, 'audit:read')) fail('FORBIDDEN');
  };

  return {
    async list(actor: Actor, query: AuditQuery): Promise<Page<AuditRecord>> {
      require(actor);
      return listAudit(db, query);
    },

    /**
     * The filtered trail for a download: checks access and records the export before the first
     * row is read, then yields the rows in batches, newest first.
     */
    async export(actor: Actor, filter: AuditFilter): Promise<AsyncIterable<AuditRecord[]>> {
      require(actor);
      await recordAudit(db, subjectOf(actor), {
        action: 'audit.export',
        result: 'success',
        detail: { filters: filter },
      });
      return iterateAudit(db, filter);
    },

    /** Records an action that changes nothing (exports, reveals) in its own transaction. */
    async record(actor: Actor, entry: AuditEntry) {
      await recordAudit(db, subjectOf(actor), entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
