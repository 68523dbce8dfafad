import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { auditLog } from '../../platform/db/schema';
import type { Page } from '../../platform/contract';
import type { AuditEntry, AuditSubject } from './core/audit';
import type { AuditFilter, AuditQuery, AuditRecord } from './audit.schemas';

type AuditRow = typeof auditLog.$inferSelect;

const recordOf = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at.toISOString(),
  userId: r.userId,
  username: r.username,
  ip: r.ip,
  action: r.action,
  objectType: r.objectType,
  objectId: r.objectId,
  result: r.result,
  detail: r.detail,
});

/** Writes one audit row inside the caller's transaction: if it fails, the change fails. */
export async function insertAudit(tx: Db | Tx, subject: AuditSubject, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: subject.userId,
    username: subject.username?.slice(0, 100) ?? null,
    ip: subject.ip,
    action: entry.action,
    result: entry.result,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    detail: entry.detail ?? null,
  });
}

/** Days are Beijing days: `from` counts from its midnight, `to` up to the next midnight. */
function auditWhere(q: AuditFilter) {
  const where: SQL[] = [];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.username) where.push(eq(auditLog.username, q.username));
  if (q.result) where.push(eq(auditLog.result, q.result));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) where.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return where.length ? and(...where) : undefined;
}

export async function listAudit(db: Db, q: AuditQuery): Promise<Page<AuditRecord>> {
  const condition = auditWhere(q);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { items: items.map(recordOf), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every matching row, newest first, in batches (keyset pagination) for streaming exports. */
export async function* iterateAudit(db: Db, q: AuditFilter, batch = 5000): AsyncGenerator<AuditRecord[]> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(auditWhere(q), lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(batch);
    if (!rows.length) return;
    yield rows.map(recordOf);
    before = rows[rows.length - 1]!.id;
  }
}
