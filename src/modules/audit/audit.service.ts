import type { Db } from '../../platform/db/client';
import { fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import {
  iterateAudit,
  listAudit,
  recordAudit,
  subjectOf,
  type AuditEntry,
  type AuditQuery,
} from './audit.repository';

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
