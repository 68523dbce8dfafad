/** SQL of objections (异议). */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client';
import { scopeSql } from '../../../platform/db/scope-sql';
import type { PlatformScope } from '../../../platform/scope';
import type { Decision } from './core/objections';
import type { Objection } from './objections.schemas';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, query: SQL) => (await db.execute(query)).rows as Row[];
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

const objectionOf = (r: Row): Objection => ({
  id: Number(r.id),
  runId: Number(r.run_id),
  enterpriseId: Number(r.enterprise_id),
  enterpriseName: String(r.enterprise_name),
  uscc: String(r.uscc),
  reason: String(r.reason),
  status: r.status as Objection['status'],
  filedBy: Number(r.filed_by),
  filedAt: iso(r.filed_at)!,
  decisionReason: (r.decision_reason as string | null) ?? null,
  decidedBy: r.decided_by === null || r.decided_by === undefined ? null : Number(r.decided_by),
  decidedAt: iso(r.decided_at),
});

const OBJECTION_SELECT = sql`select o.*, e.name as enterprise_name, e.uscc from evaluation_objections o
  join enterprises e on e.id = o.enterprise_id`;

/** A run's objections in scope (platform admins: of their platform's enterprises). */
export async function listObjections(db: Db | Tx, runId: number, scope: PlatformScope): Promise<Objection[]> {
  const scoped = scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`o.enterprise_id` });
  return (
    await rowsOf(
      db,
      sql`${OBJECTION_SELECT} where o.run_id = ${runId} and ${scoped} order by o.filed_at, o.id`,
    )
  ).map(objectionOf);
}

export async function findObjection(db: Db | Tx, id: number, forUpdate = false): Promise<Objection | null> {
  const rows = await rowsOf(
    db,
    sql`${OBJECTION_SELECT} where o.id = ${id} ${forUpdate ? sql`for update of o` : sql``}`,
  );
  return rows[0] ? objectionOf(rows[0]) : null;
}

/** Whether the enterprise has a result in the run (it may object only to its own). */
export async function hasResult(db: Db | Tx, runId: number, enterpriseId: number): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`select 1 from evaluation_results where run_id = ${runId} and enterprise_id = ${enterpriseId}`,
  );
  return rows.length > 0;
}

export async function pendingObjectionOf(db: Db | Tx, runId: number, enterpriseId: number): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`select id from evaluation_objections where run_id = ${runId} and enterprise_id = ${enterpriseId} and status = 'pending'`,
  );
  return rows.length > 0;
}

export async function insertObjection(
  tx: Tx,
  o: { runId: number; enterpriseId: number; reason: string; filedBy: number },
): Promise<number> {
  const rows = await rowsOf(
    tx,
    sql`insert into evaluation_objections (run_id, enterprise_id, reason, filed_by)
      values (${o.runId}, ${o.enterpriseId}, ${o.reason}, ${o.filedBy}) returning id`,
  );
  return Number(rows[0]!.id);
}

export async function decideObjection(
  tx: Tx,
  id: number,
  d: { status: Decision; reason: string; decidedBy: number },
): Promise<void> {
  await tx.execute(sql`update evaluation_objections set status = ${d.status}, decision_reason = ${d.reason},
    decided_by = ${d.decidedBy}, decided_at = now() where id = ${id}`);
}
