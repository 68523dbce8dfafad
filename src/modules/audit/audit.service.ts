import type { Database, Db, Tx } from '../../platform/db/client';
import { fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { chainAnchor, insertAudit, iterateAudit, iterateChain, listAudit } from './audit.repository';
import type { AuditFilter, AuditQuery, AuditRecord, ChainReport } from './audit.schemas';
import { ChainVerifier } from './core/chain';
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

/**
 * Walks the whole trail in id order and checks every link: streaming, one batch in memory at a
 * time. Stops at the first broken link.
 */
export async function verifyChain(db: Db): Promise<ChainReport> {
  const anchor = await chainAnchor(db);
  const verifier = new ChainVerifier(anchor);
  for await (const batch of iterateChain(db)) {
    if (!batch.every((row) => verifier.push(row))) break;
  }
  return {
    ok: verifier.broken === null,
    checked: verifier.checked,
    legacy: verifier.legacy,
    broken: verifier.broken,
    anchor,
  };
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

    /** The audit administrator verifies the hash chain; the outcome is itself recorded. */
    async verify(actor: Actor): Promise<ChainReport> {
      require(actor);
      const report = await verifyChain(db);
      await recordAudit(db, subjectOf(actor), {
        action: 'audit.verify',
        result: report.ok ? 'success' : 'failure',
        detail: { checked: report.checked, broken: report.broken },
      });
      return report;
    },

    /** Operator command (`yiyuan audit verify`): whoever runs it holds the database itself. */
    async verifyAsOperator(operator: AuditSubject): Promise<ChainReport> {
      const report = await verifyChain(db);
      await recordAudit(db, operator, {
        action: 'audit.verify',
        result: report.ok ? 'success' : 'failure',
        detail: { checked: report.checked, broken: report.broken },
      });
      return report;
    },

    /** Records an action that changes nothing (exports, reveals) in its own transaction. */
    async record(actor: Actor, entry: AuditEntry) {
      await recordAudit(db, subjectOf(actor), entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
