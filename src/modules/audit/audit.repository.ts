import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import pg from 'pg';
import type { Db, Tx } from '../../platform/db/client';
import { AUDIT_CHAIN_LOCK } from '../../platform/db/unit-of-work';
import { auditArchives, auditLog } from '../../platform/db/schema';
import type { Page } from '../../platform/contract';
import type { AuditEntry, AuditSubject } from './core/audit';
import { chainHash, GENESIS_HASH, type ChainedFields, type StoredRow } from './core/chain';
import type { AuditActor, AuditFilter, AuditObject, AuditQuery, AuditRecord } from './audit.schemas';

type AuditRow = typeof auditLog.$inferSelect;
type StoredFields = Omit<AuditRecord, 'actorName' | 'object'>;

const fieldsOf = (r: AuditRow): StoredFields => ({
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

/**
 * Writes one audit row inside the caller's transaction: if it fails, the change fails. The row is
 * chained to the newest one: the transaction takes the chain lock (kept until it commits or rolls
 * back), reads the newest hash, and inserts with the next id. Called with the pool (no
 * transaction), it opens its own.
 */
export async function insertAudit(tx: Db | Tx, subject: AuditSubject, entry: AuditEntry): Promise<void> {
  if ((tx as { $client?: unknown }).$client instanceof pg.Pool) {
    await tx.transaction((inner) => insertChained(inner as unknown as Tx, subject, entry));
    return;
  }
  await insertChained(tx, subject, entry);
}

async function insertChained(tx: Tx, subject: AuditSubject, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const head = await tx.execute<{ hash: string | null }>(
    sql`select hash from ${auditLog} order by id desc limit 1`,
  );
  const anchor = await tx.execute<{ hash: string | null }>(
    sql`select anchor_hash as hash from ${auditArchives} where anchor_hash is not null order by purged_through_id desc limit 1`,
  );
  const prevHash = head.rows[0]?.hash ?? anchor.rows[0]?.hash ?? GENESIS_HASH;
  const next = await tx.execute<{ id: number }>(sql`select nextval('audit_log_id_seq')::int8 as id`);
  // The hash covers the values exactly as they read back: milliseconds, the JSON as stored.
  const fields: ChainedFields = {
    id: Number(next.rows[0]!.id),
    at: new Date().toISOString(),
    userId: subject.userId,
    username: subject.username?.slice(0, 100) ?? null,
    ip: subject.ip,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    result: entry.result as string,
    detail: entry.detail ? (JSON.parse(JSON.stringify(entry.detail)) as Record<string, unknown>) : null,
  };
  await tx.insert(auditLog).values({
    ...fields,
    result: entry.result,
    at: new Date(fields.at),
    prevHash,
    hash: chainHash(prevHash, fields),
  });
}

/** Days are Beijing days: `from` counts from its midnight, `to` up to the next midnight. */
function auditWhere(q: AuditFilter) {
  const where: SQL[] = [];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.username) where.push(eq(auditLog.username, q.username));
  if (q.result) where.push(eq(auditLog.result, q.result));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.objectType) where.push(eq(auditLog.objectType, q.objectType));
  if (q.objectId) where.push(eq(auditLog.objectId, q.objectId));
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
  return { items: await withNames(db, items), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
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
    yield await withNames(db, rows);
    before = rows[rows.length - 1]!.id;
  }
}

type ObjectRef = { type: string; id: string };
type Resolved = AuditObject & ObjectRef;

/**
 * The rows with their actors' display names and their objects' names and codes, resolved in one
 * query for the whole page: each (type, id) is looked up in its own table; a deleted object
 * resolves to nothing.
 */
async function withNames(db: Db, rows: AuditRow[]): Promise<AuditRecord[]> {
  const refs = new Map<string, ObjectRef>();
  const add = (type: string | null, id: string | number | null) => {
    if (type !== null && id !== null) refs.set(`${type}\u0000${id}`, { type, id: String(id) });
  };
  for (const r of rows) {
    add(r.objectType, r.objectId);
    add('user', r.userId);
  }
  const resolved = new Map<string, Resolved>();
  if (refs.size) {
    const found = await db.execute<Resolved>(resolveSql([...refs.values()]));
    for (const o of found.rows) resolved.set(`${o.type}\u0000${o.id}`, o);
  }
  const objectOf = (type: string | null, id: string | null): AuditObject | null => {
    const o = type !== null && id !== null ? resolved.get(`${type}\u0000${id}`) : undefined;
    return o ? { name: o.name, nameEn: o.nameEn, code: o.code, params: o.params } : null;
  };
  return rows.map((r) => ({
    ...fieldsOf(r),
    actorName: r.userId === null ? null : (objectOf('user', String(r.userId))?.name ?? null),
    object: objectOf(r.objectType, r.objectId),
  }));
}

/** One statement: every reference joined to its own table (ids are checked before the cast). */
const resolveSql = (refs: ObjectRef[]) => sql`
  with refs as (
    select type, id, case when id ~ '^[0-9]{1,9}$' then id::int end as num,
           case when split_part(id, ':', 1) ~ '^[0-9]{1,9}$' then split_part(id, ':', 1)::int end as head
      from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r(type text, id text)
  )
  select refs.type, refs.id, x.name, x.name_en as "nameEn", x.code, x.params
    from refs cross join lateral (
      select u.display_name as name, null::text as name_en, u.username as code,
             jsonb_build_object('q', u.username) as params
        from users u where refs.type = 'user' and u.id = refs.num
      union all
      select p.name, nullif(p.name_en, ''), null, jsonb_build_object('id', p.id::text)
        from platforms p where refs.type = 'platform' and p.id = refs.num
      union all
      select e.name, null, e.uscc, jsonb_build_object('id', e.id::text)
        from enterprises e where refs.type = 'enterprise' and e.id = refs.num
      union all
      select e.name, null, e.uscc, jsonb_build_object('id', e.id::text)
        from enterprise_contacts c join enterprises e on e.id = c.enterprise_id
       where refs.type = 'enterprise_contact' and c.id = refs.num
      union all
      select m.name, null, m.key || ' v' || m.version, jsonb_build_object('id', m.id::text)
        from evaluation_methods m where refs.type = 'evaluation_method' and m.id = refs.num
      union all
      select m.name, null, r.year || ' v' || r.version, jsonb_build_object('id', r.id::text)
        from evaluation_runs r join evaluation_methods m on m.id = r.method_id
       where refs.type = 'evaluation_run' and r.id = refs.num
      union all
      select e.name, null, e.uscc,
             jsonb_build_object('id', o.run_id::text, 'enterpriseId', o.enterprise_id::text)
        from evaluation_objections o join enterprises e on e.id = o.enterprise_id
       where refs.type = 'evaluation_objection' and o.id = refs.num
      union all
      select j.file_name, null, '#' || j.id, jsonb_build_object('job', j.id::text)
        from import_jobs j where refs.type = 'import' and j.id = refs.num
      union all
      select pp.name_zh, nullif(pp.name_en, ''), pp.key, jsonb_build_object('period', pp.key)
        from plan_periods pp where refs.type = 'plan_period' and pp.id = refs.num
      union all
      select t.name_zh, nullif(t.name_en, ''), t.code, jsonb_build_object('period', pp.key)
        from plan_targets t join plan_periods pp on pp.id = t.period_id
       where refs.type = 'plan_target' and t.id = refs.num
      union all
      select ic.name_zh, nullif(ic.name_en, ''), ic.code, '{}'::jsonb
        from industry_classes ic where refs.type = 'industry_class' and ic.code = refs.id
      union all
      select p.name, nullif(p.name_en, ''), split_part(refs.id, ':', 2) || ' ' || split_part(refs.id, ':', 3),
             jsonb_build_object('id', p.id::text)
        from platforms p where refs.type = 'platform_year_stat' and p.id = refs.head
      union all
      select null, null, q.year::text, jsonb_build_object('year', q.year::text)
        from quota_pools q where refs.type = 'quota_pool' and q.year = refs.num
    ) x`;

/** The accounts the actor filter offers, by user name. */
export async function listActors(db: Db): Promise<AuditActor[]> {
  const rows = await db.execute<AuditActor>(
    sql`select username, display_name as "displayName" from users order by username`,
  );
  return rows.rows;
}

/** The anchor the oldest remaining row follows: the newest purged row's hash, or the genesis. */
export async function chainAnchor(db: Db): Promise<string> {
  const [row] = await db
    .select({ hash: auditArchives.anchorHash })
    .from(auditArchives)
    .where(isNotNull(auditArchives.anchorHash))
    .orderBy(desc(auditArchives.purgedThroughId))
    .limit(1);
  return row?.hash ?? GENESIS_HASH;
}

/** Every row in id order (the chain's order), in batches (keyset pagination), for the verifier. */
export async function* iterateChain(db: Db, batch = 10_000): AsyncGenerator<StoredRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    if (!rows.length) return;
    yield rows.map((r) => ({ ...fieldsOf(r), prevHash: r.prevHash, hash: r.hash }));
    after = rows[rows.length - 1]!.id;
  }
}

/** The oldest rows in id order while they are older than `before`: what an archive takes. */
export async function* iterateArchivable(db: Db, before: Date, batch = 10_000): AsyncGenerator<StoredRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    const firstRecent = rows.findIndex((r) => r.at >= before);
    const older = firstRecent < 0 ? rows : rows.slice(0, firstRecent);
    if (older.length) yield older.map((r) => ({ ...fieldsOf(r), prevHash: r.prevHash, hash: r.hash }));
    if (older.length < rows.length || rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

export interface ArchiveRecord {
  before: Date;
  firstId: number | null;
  lastId: number | null;
  lastHash: string | null;
  rows: number;
  file: string;
  fileDigest: string;
}

export async function insertArchive(db: Db, archive: ArchiveRecord): Promise<number> {
  const [row] = await db.insert(auditArchives).values(archive).returning({ id: auditArchives.id });
  return row!.id;
}

/**
 * Deletes the oldest rows that an archive holds and that are older than `cutoff` (a prefix of the
 * chain), and records the newest deleted row's hash as the anchor. Runs as the schema owner: the
 * append-only trigger lets such rows go only while `yiyuan.audit_purge` is on.
 */
export async function purgeArchived(
  tx: Tx,
  cutoff: Date,
): Promise<{ purged: number; throughId: number | null }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const archived = await tx.execute<{ id: number | null }>(
    sql`select max(last_id)::int8 as id from ${auditArchives}`,
  );
  const archivedThrough = Number(archived.rows[0]?.id ?? 0);
  // The prefix ends before the first row that is recent enough to keep or not archived yet.
  const stop = await tx.execute<{ id: number | null }>(
    sql`select min(id)::int8 as id from ${auditLog} where at >= ${cutoff.toISOString()} or id > ${archivedThrough}`,
  );
  const stopId = stop.rows[0]?.id === null || stop.rows[0]?.id === undefined ? null : Number(stop.rows[0].id);
  const last = await tx.execute<{ id: number; hash: string | null }>(
    stopId === null
      ? sql`select id::int8 as id, hash from ${auditLog} order by id desc limit 1`
      : sql`select id::int8 as id, hash from ${auditLog} where id < ${stopId} order by id desc limit 1`,
  );
  const through = last.rows[0];
  if (!through) return { purged: 0, throughId: null };
  await tx.execute(sql`set local yiyuan.audit_purge = 'on'`);
  const deleted = await tx.execute(sql`delete from ${auditLog} where id <= ${Number(through.id)}`);
  await tx.execute(sql`set local yiyuan.audit_purge = 'off'`);
  // Every archive the purge reached now records how far its rows are gone, and the anchor.
  await tx
    .update(auditArchives)
    .set({
      purgedAt: new Date(),
      purgedRows: sql`coalesce(${auditArchives.purgedRows}, 0) + ${deleted.rowCount ?? 0}`,
      purgedThroughId: Number(through.id),
      anchorHash: through.hash,
    })
    .where(
      and(
        lte(auditArchives.firstId, Number(through.id)),
        or(isNull(auditArchives.purgedThroughId), lt(auditArchives.purgedThroughId, Number(through.id))),
      ),
    );
  return { purged: deleted.rowCount ?? 0, throughId: Number(through.id) };
}
