import type { Db } from '../../server/db/client';
import { fail } from '../../server/errors';
import { can, type Actor } from '../auth/core/access';
import { listAudit, type AuditQuery } from './audit.repository';

export function createAuditService(db: Db) {
  return {
    async list(actor: Actor, query: AuditQuery) {
      if (!can(actor, 'audit:read')) fail('FORBIDDEN');
      return listAudit(db, query);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
