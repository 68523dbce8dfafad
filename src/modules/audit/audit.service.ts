import path from 'node:path';
import type { Database, Db, Tx } from '../../platform/db/client';
import { forbidden } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import {
  chainAnchor,
  insertArchive,
  insertAudit,
  iterateArchivable,
  iterateAudit,
  iterateChain,
  listActors,
  listAudit,
  purgeArchived,
} from './audit.repository';
import { writeArchive } from './audit.archive';
import type { AuditActor, AuditFilter, AuditQuery, AuditRecord, ChainReport } from './audit.schemas';
import { ChainVerifier } from './core/chain';
import { subjectOf, type AuditEntry, type AuditSubject } from './core/audit';
import type { AuditAction } from './core/actions';
import type { Page } from '../../platform/contract';

export { subjectOf, type AuditAction, type AuditEntry, type AuditSubject };

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
    if (!can(actor, 'audit:read')) forbidden('audit:read');
  };

  return {
    async list(actor: Actor, query: AuditQuery): Promise<Page<AuditRecord>> {
      require(actor);
      return listAudit(db, query);
    },

    /** The accounts the actor filter offers (user name and display name). */
    async actors(actor: Actor): Promise<AuditActor[]> {
      require(actor);
      return listActors(db);
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

    /**
     * Operator command (`yiyuan audit archive --before DAY -o FILE`): writes the oldest rows older
     * than `before` (a prefix of the chain) to `file` with their hashes and the file's SM3 digest,
     * and records the archive so that `purge` may later remove exactly those rows.
     */
    async archive(operator: AuditSubject, before: Date, file: string) {
      const owner = database.owner.db;
      const anchor = await chainAnchor(owner);
      const written = await writeArchive(
        file,
        { before: before.toISOString(), anchor },
        iterateArchivable(owner, before),
      );
      const id = await insertArchive(owner, {
        before,
        firstId: written.firstId,
        lastId: written.lastId,
        lastHash: written.lastHash,
        rows: written.rows,
        file: path.basename(file),
        fileDigest: written.digest,
      });
      await recordAudit(owner, operator, {
        action: 'audit.archive',
        result: 'success',
        objectType: 'audit_archive',
        objectId: id,
        detail: {
          before: before.toISOString(),
          rows: written.rows,
          file: path.basename(file),
          sm3: written.digest,
        },
      });
      return { id, file, ...written };
    },

    /**
     * Operator command (`yiyuan audit purge`): removes archived rows older than the retention
     * (never fewer than 180 days, see config), keeping the chain verifiable from the anchor.
     */
    async purge(operator: AuditSubject, retentionDays: number, now = new Date()) {
      if (retentionDays < 180)
        throw new Error('Audit rows are kept at least 180 days (网络安全法第二十一条).');
      const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
      const result = await database.owner.transaction(async (tx) => {
        const purged = await purgeArchived(tx, cutoff);
        await recordAudit(tx, operator, {
          action: 'audit.purge',
          result: 'success',
          detail: { cutoff: cutoff.toISOString(), retentionDays, ...purged },
        });
        return purged;
      });
      return { cutoff: cutoff.toISOString(), ...result };
    },

    /** Records a request's outcome (downloads, refusals) for a signed-in actor or an anonymous caller. */
    async recordRequest(actor: Actor | null, ip: string, entry: AuditEntry) {
      await recordAudit(db, actor ? subjectOf(actor) : { userId: null, username: null, ip }, entry);
    },

    /** Records an action that changes nothing (exports, reveals) in its own transaction. */
    async record(actor: Actor, entry: AuditEntry) {
      await recordAudit(db, subjectOf(actor), entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
