/** All SQL of imports: jobs, the reference data a file is checked against, and the writes (COPY included). */
import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { copyIterable, type CopyValue } from '../../platform/db/copy';
import type { SealedPhone } from '../../platform/crypto/personal-info';
import type { Db, Tx } from '../../platform/db/client';
import * as schema from '../../platform/db/schema';
import { scopeSql } from '../../platform/db/scope-sql';
import {
  enterpriseContacts,
  enterpriseLabels,
  enterprises,
  importChanges,
  importJobs,
  industryClasses,
  platforms,
} from '../../platform/db/schema';
import type { PlatformScope } from '../../platform/scope';
import type { Label } from '../enterprises/core/codes';
import { labelsAfterEdit, sameLabels } from '../enterprises/core/enterprise-rules';
import { pinyinInitials } from '../enterprises/core/pinyin';
import { YEAR_KEYS } from './core/columns';
import type { EnterpriseRecord } from './core/validate';

export type ImportJob = typeof importJobs.$inferSelect;
export type NewImportJob = typeof importJobs.$inferInsert;
export type JobPatch = Partial<NewImportJob>;

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Whether `error` (or its cause) is the violation of the one-running-import-per-user index. */
function isBusy(error: unknown): boolean {
  for (
    let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  )
    if (e.code === '23505' && e.constraint === 'import_jobs_one_running_per_user') return true;
  return false;
}

/** A new job; null when its user already has one being validated or written. */
export async function insertJob(db: Db, values: NewImportJob): Promise<ImportJob | null> {
  try {
    const [job] = await db.insert(importJobs).values(values).returning();
    return job!;
  } catch (error) {
    if (isBusy(error)) return null;
    throw error;
  }
}

export async function updateJob(db: Db | Tx, id: number, values: JobPatch): Promise<void> {
  await db.update(importJobs).set(values).where(eq(importJobs.id, id));
}

/** A job, of `userId` only unless null. */
export async function findJob(db: Db, id: number, userId: number | null): Promise<ImportJob | null> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), userId === null ? undefined : eq(importJobs.userId, userId)));
  return job ?? null;
}

/**
 * Moves a `ready` job to `importing`: 'claimed', 'not-ready' (already taken, or failed), or 'busy'
 * (its user has another import being validated or written).
 */
export async function claimReadyJob(
  db: Db,
  id: number,
  total: number,
): Promise<'claimed' | 'not-ready' | 'busy'> {
  try {
    const claimed = await db
      .update(importJobs)
      .set({ status: 'importing', progress: { phase: 'parsing', done: 0, total } })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, 'ready')))
      .returning({ id: importJobs.id });
    return claimed.length > 0 ? 'claimed' : 'not-ready';
  } catch (error) {
    if (isBusy(error)) return 'busy';
    throw error;
  }
}

export async function listJobs(db: Db, userId: number | null, page: number, pageSize: number) {
  const where = userId === null ? undefined : eq(importJobs.userId, userId);
  const items = await db
    .select()
    .from(importJobs)
    .where(where)
    .orderBy(desc(importJobs.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(importJobs).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Advisory-lock namespace of running import jobs (key 2 is the job id). */
const JOB_LOCK = 727401;

/**
 * Runs `change` (an insert or a claim of a job, returning it or null) and marks the job as running
 * in this process, in one transaction: a session advisory lock on a connection of its own, held
 * until `release`. Other processes see the job only with its lock; when this process dies (even by
 * kill -9) PostgreSQL drops its connection and with it the lock.
 */
export async function runningJob<T extends { id: number }>(
  pool: pg.Pool,
  change: (db: Db) => Promise<T | null>,
): Promise<{ job: T; release: () => Promise<void> } | null> {
  const client = await pool.connect();
  let job: T | null;
  try {
    await client.query('begin');
    job = await change(drizzle(client, { schema }));
    if (job) await client.query('select pg_advisory_lock($1, $2)', [JOB_LOCK, job.id]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    client.release(true);
    throw error;
  }
  if (!job) {
    client.release();
    return null;
  }
  let released = false;
  const id = job.id;
  const release = async () => {
    if (released) return;
    released = true;
    await client.query('select pg_advisory_unlock($1, $2)', [JOB_LOCK, id]).then(
      () => client.release(),
      () => client.release(true),
    );
  };
  return { job, release };
}

/**
 * Jobs whose process died (no live process holds their lock, see `holdJobLock`): marked failed
 * with `problem`; returns them. A job another live process is running is left alone.
 */
export async function failUnfinishedJobs(tx: Tx, problem: unknown): Promise<ImportJob[]> {
  return tx
    .update(importJobs)
    .set({ status: 'failed', finishedAt: new Date(), progress: null, problems: [problem], errorCount: 1 })
    .where(
      and(
        inArray(importJobs.status, ['validating', 'importing']),
        sql`pg_try_advisory_xact_lock(${JOB_LOCK}, ${importJobs.id}::int)`,
      ),
    )
    .returning();
}

/**
 * Finishes a running job; false when it was no longer running (another process declared it
 * interrupted), so an outcome is never written over another.
 */
export async function finishJob(db: Db | Tx, id: number, values: JobPatch): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set(values)
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['validating', 'importing'])))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

/** Validated uploads never confirmed within the retention: marked failed with `problem`; their ids. */
export async function expireReadyJobs(db: Db, before: Date, problem: unknown): Promise<number[]> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', finishedAt: new Date(), progress: null, problems: [problem], errorCount: 1 })
    .where(and(eq(importJobs.status, 'ready'), lt(importJobs.startedAt, before)))
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

/** Ids of jobs whose stored upload is still in use: being validated, waiting, or being written. */
export async function jobIdsHoldingUploads(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(inArray(importJobs.status, ['validating', 'ready', 'importing']));
  return rows.map((r) => r.id);
}

const inScope = (scope: PlatformScope) =>
  scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` });

/**
 * What a file is checked against: platforms, industry classes, the enterprises in scope, and —
 * with `outside` (registry imports) — the USCCs registered outside the scope, which such a file
 * may not touch.
 */
export async function loadReference(db: Db, scope: PlatformScope, outside: boolean) {
  const [ps, cls, es, foreign] = await Promise.all([
    db.select({ id: platforms.id, name: platforms.name }).from(platforms),
    db.select({ code: industryClasses.code }).from(industryClasses).where(eq(industryClasses.level, 'class')),
    db.execute<{ id: number; uscc: string; name: string; platform_id: number }>(
      sql`select e.id, e.uscc, e.name, e.platform_id from enterprises e where ${inScope(scope)}`,
    ),
    outside
      ? db.execute<{ uscc: string }>(sql`select e.uscc from enterprises e where not (${inScope(scope)})`)
      : { rows: [] },
  ]);
  return {
    platforms: ps,
    industryClasses: cls.map((c) => c.code),
    enterprises: es.rows.map((e) => ({
      id: Number(e.id),
      uscc: e.uscc,
      name: e.name,
      platformId: Number(e.platform_id),
    })),
    outsideScope: foreign.rows.map((r) => r.uscc),
  };
}

/** The first key of the advisory lock that serialises annual imports of one year (the year is the second). */
const ANNUAL_LOCK = 0x11_7e_a4;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const YEAR_COLUMNS = YEAR_KEYS.map(snake);

/**
 * Writes one year of figures as the rows arrive: `rows` yields [enterpriseId, year, …figures,
 * importId] per record. Imports of the same year are serialised (a transaction-level advisory
 * lock), so two first imports of a new year cannot both take the direct path. A year without any
 * figures yet goes straight into the table by COPY (one write pass); otherwise COPY into a
 * temporary table and an upsert that touches only rows whose values changed (their version is
 * bumped and their confirmation cleared). The enterprises changed are listed under `importId`.
 */
export async function writeAnnual(
  tx: Tx,
  client: pg.PoolClient,
  year: number,
  importId: number,
  rows: Iterable<CopyValue[]> | AsyncIterable<CopyValue[]>,
): Promise<WriteCounts> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ANNUAL_LOCK}, ${year})`);
  const existing = await tx.execute<{ any: boolean }>(
    sql`select exists (select 1 from enterprise_years where year = ${year}) as any`,
  );
  const direct = !existing.rows[0]!.any;
  const columns = ['enterprise_id', 'year', ...YEAR_COLUMNS, 'import_id'];
  if (direct) {
    const inserted = await copyIterable(client, 'enterprise_years', columns, rows);
    await tx.execute(sql`
      insert into import_changes (import_id, enterprise_id, uscc, name, change)
      select ${importId}, e.id, e.uscc, e.name, 'inserted'
        from enterprise_years y join enterprises e on e.id = y.enterprise_id
       where y.year = ${year} and y.import_id = ${importId}`);
    return { inserted, updated: 0, unchanged: 0 };
  }
  await tx.execute(
    // eslint-disable-next-line no-restricted-syntax -- column names from the YEAR_COLUMNS constant
    sql.raw(
      `create temp table import_years (enterprise_id int, year int, ${YEAR_COLUMNS.map((c) => `${c} numeric`).join(', ')}, import_id bigint) on commit drop`,
    ),
  );
  const total = await copyIterable(client, 'import_years', columns, rows);
  const cols = YEAR_COLUMNS.join(', ');
  const result = await tx.execute<{ inserted: boolean }>(
    // eslint-disable-next-line no-restricted-syntax -- column names from the YEAR_COLUMNS constant
    sql.raw(`with written as (
       insert into enterprise_years (enterprise_id, year, ${cols}, import_id, updated_at)
         select enterprise_id, year, ${cols}, import_id, now() from import_years
       on conflict (enterprise_id, year) do update set
         ${YEAR_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
         import_id = excluded.import_id, updated_at = now(), confirmed_at = null, confirmed_by = null,
         version = enterprise_years.version + 1
       where (${YEAR_COLUMNS.map((c) => `enterprise_years.${c}`).join(', ')}) is distinct from (${YEAR_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
       returning enterprise_id, (xmax = 0) as inserted),
     listed as (
       insert into import_changes (import_id, enterprise_id, uscc, name, change)
       select ${Number(importId)}, e.id, e.uscc, e.name, case when w.inserted then 'inserted' else 'updated' end
         from written w join enterprises e on e.id = w.enterprise_id)
     select inserted from written`),
  );
  const inserted = result.rows.filter((r) => r.inserted).length;
  const updated = result.rows.length - inserted;
  return { inserted, updated, unchanged: total - inserted - updated };
}

/** A row of a registry file that the importer may not write: out of scope, or a platform move. */
export interface WriteConflict {
  row: number;
  uscc: string;
  reason: 'outside_scope' | 'platform_move';
  platformId: number;
}

/**
 * Upserts registry rows on USCC inside `scope` only, then landholders, rating exemptions, labels
 * and contacts where the file has those columns. The enterprises the file names are locked first:
 * when one of them is outside the scope, or the file would move it to another platform, nothing is
 * written and the conflicts come back. Every enterprise that changes (profile, labels, exemption,
 * landholder or contact) gets its version bumped once and is listed in `import_changes` under
 * `importId`. The chain-leader label follows `labelsAfterEdit` (it is never set by a file).
 */
export async function writeEnterprises(
  tx: Tx,
  scope: PlatformScope,
  importId: number,
  records: EnterpriseRecord[],
  sealPhone: (phone: string) => SealedPhone,
): Promise<WriteCounts & { ids: number[]; conflicts: WriteConflict[] }> {
  // Every record of a file has the same columns.
  const options = { hasAddress: records[0]?.address !== undefined };
  const usccs = records.map((r) => r.uscc);
  const locked = await tx.execute<{ id: number; uscc: string; platform_id: number; in_scope: boolean }>(
    sql`select e.id, e.uscc, e.platform_id, ${inScope(scope)} as in_scope from enterprises e
         where e.uscc = any(${sql.param(usccs)}::text[]) order by e.id for update`,
  );
  const existing = new Map(locked.rows.map((r) => [r.uscc, r]));
  const conflicts: WriteConflict[] = [];
  for (const r of records) {
    const e = existing.get(r.uscc);
    if (!e) continue;
    if (!e.in_scope) conflicts.push({ row: r.row, uscc: r.uscc, reason: 'outside_scope', platformId: 0 });
    else if (Number(e.platform_id) !== r.platformId)
      conflicts.push({
        row: r.row,
        uscc: r.uscc,
        reason: 'platform_move',
        platformId: Number(e.platform_id),
      });
  }
  if (conflicts.length) return { inserted: 0, updated: 0, unchanged: 0, ids: [], conflicts };

  const inserted = new Set<number>();
  /** Enterprises changed by the profile upsert (their version is bumped there). */
  const bumped = new Set<number>();
  /** Enterprises changed otherwise (labels, exemption, landholder, contact). */
  const touched = new Set<number>();
  const ids = new Map<string, number>();
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500);
    const rows = await tx
      .insert(enterprises)
      .values(
        batch.map((r) => ({
          uscc: r.uscc,
          name: r.name,
          nameInitials: pinyinInitials(r.name),
          platformId: r.platformId,
          industryClass: r.industryClass,
          scaleOverride: r.scaleOverride,
          ownLandMu: r.ownLandMu,
          leasedFloorM2: r.leasedFloorM2,
          address: r.address ?? '',
        })),
      )
      .onConflictDoUpdate({
        target: enterprises.uscc,
        set: {
          name: sql`excluded.name`,
          nameInitials: sql`excluded.name_initials`,
          industryClass: sql`excluded.industry_class`,
          scaleOverride: sql`excluded.scale_override`,
          ownLandMu: sql`excluded.own_land_mu`,
          leasedFloorM2: sql`excluded.leased_floor_m2`,
          // Without an address column the stored address stays.
          address: options.hasAddress ? sql`excluded.address` : sql`${enterprises.address}`,
          version: sql`${enterprises.version} + 1`,
          updatedAt: new Date(),
        },
        // Never another platform's record, never a move (both were refused above; this holds
        // even if a caller skipped that check).
        setWhere: sql`${enterprises.platformId} = excluded.platform_id
          and ${scopeSql(scope, { platformId: enterprises.platformId, enterpriseId: enterprises.id })}
          and (${enterprises.name}, ${enterprises.industryClass}, ${enterprises.scaleOverride}, ${enterprises.ownLandMu}, ${enterprises.leasedFloorM2}, ${enterprises.address})
            is distinct from (excluded.name, excluded.industry_class, excluded.scale_override, excluded.own_land_mu, excluded.leased_floor_m2, ${options.hasAddress ? sql`excluded.address` : sql`${enterprises.address}`})`,
      })
      .returning({ id: enterprises.id, uscc: enterprises.uscc, inserted: sql<boolean>`xmax = 0` });
    for (const r of rows) {
      if (r.inserted) inserted.add(r.id);
      else bumped.add(r.id);
    }
  }
  // Bulk statements with array parameters: any number of rows, a handful of round trips.
  const byUscc = async (list: string[]) =>
    list.length
      ? await tx
          .select({ id: enterprises.id, uscc: enterprises.uscc })
          .from(enterprises)
          .where(sql`${enterprises.uscc} = any(${sql.param(list)}::text[])`)
      : [];
  for (const r of await byUscc(usccs)) ids.set(r.uscc, r.id);
  const idOf = (uscc: string) => ids.get(uscc)!;
  const note = (rows: { id: number }[]) => rows.forEach((r) => touched.add(Number(r.id)));
  // Landholders may be in the same file or already registered (in scope: checked by validation).
  const withLandholder = records.filter((r) => r.landholderUscc !== undefined);
  const outside = [
    ...new Set(withLandholder.map((r) => r.landholderUscc).filter((u): u is string => !!u && !ids.has(u))),
  ];
  for (const r of await byUscc(outside)) ids.set(r.uscc, r.id);
  if (withLandholder.length)
    note(
      (
        await tx.execute<{ id: number }>(sql`
        update enterprises e set landholder_id = v.landholder
          from unnest(${sql.param(withLandholder.map((r) => idOf(r.uscc)))}::int[],
                      ${sql.param(withLandholder.map((r) => (r.landholderUscc ? (ids.get(r.landholderUscc) ?? null) : null)))}::int[]) as v(id, landholder)
         where e.id = v.id and e.landholder_id is distinct from v.landholder
         returning e.id`)
      ).rows,
    );
  // Rating exemptions (不定等级): set for the enterprises whose file has the column.
  const withExemption = records.filter((r) => r.ratingExemption !== undefined);
  if (withExemption.length)
    note(
      (
        await tx.execute<{ id: number }>(sql`
        update enterprises e set rating_exemption = v.exemption
          from unnest(${sql.param(withExemption.map((r) => idOf(r.uscc)))}::int[],
                      ${sql.param(withExemption.map((r) => r.ratingExemption ?? null))}::text[]) as v(id, exemption)
         where e.id = v.id and e.rating_exemption is distinct from v.exemption
         returning e.id`)
      ).rows,
    );
  // Labels: replaced where the file has label columns and the result differs from what is stored.
  const labelled = records.filter((r) => r.labels !== null);
  if (labelled.length) {
    const current = new Map<number, { label: Label; grantedOn: string | null }[]>();
    const stored = await tx
      .select()
      .from(enterpriseLabels)
      .where(
        sql`${enterpriseLabels.enterpriseId} = any(${sql.param(labelled.map((r) => idOf(r.uscc)))}::int[])`,
      );
    for (const l of stored) {
      const list = current.get(l.enterpriseId) ?? [];
      list.push({ label: l.label, grantedOn: l.grantedOn });
      current.set(l.enterpriseId, list);
    }
    const changed = labelled
      .map((r) => {
        const id = idOf(r.uscc);
        const before = current.get(id) ?? [];
        return { id, labels: labelsAfterEdit(r.labels!, before), before };
      })
      .filter((c) => !sameLabels(c.labels, c.before));
    if (changed.length) {
      await tx.execute(
        sql`delete from enterprise_labels where enterprise_id = any(${sql.param(changed.map((c) => c.id))}::int[])`,
      );
      const rows = changed.flatMap((c) => c.labels.map((l) => ({ enterpriseId: c.id, ...l })));
      for (let i = 0; i < rows.length; i += 2000)
        await tx.insert(enterpriseLabels).values(rows.slice(i, i + 2000));
      changed.forEach((c) => touched.add(c.id));
    }
  }
  // Contacts: replaced by the file's one contact where it differs from what is stored.
  const contacts = records.filter((r) => r.contact !== null);
  if (contacts.length) {
    const stored = new Map<number, string[]>();
    for (const c of await tx
      .select()
      .from(enterpriseContacts)
      .where(
        sql`${enterpriseContacts.enterpriseId} = any(${sql.param(contacts.map((r) => idOf(r.uscc)))}::int[])`,
      )) {
      const list = stored.get(c.enterpriseId) ?? [];
      list.push(JSON.stringify([c.name, c.title, c.phoneIndex?.toString('hex') ?? null]));
      stored.set(c.enterpriseId, list);
    }
    // Personal information: only the sealed number and its keyed index reach the database; the
    // index (deterministic under the current key) tells an unchanged number without opening any.
    const sealed = new Map(contacts.map((r) => [r.uscc, sealPhone(r.contact!.phone)]));
    const changed = contacts.filter((r) => {
      const before = stored.get(idOf(r.uscc)) ?? [];
      const index = sealed.get(r.uscc)!.phoneIndex?.toString('hex') ?? null;
      return !(before.length === 1 && before[0] === JSON.stringify([r.contact!.name, '', index]));
    });
    if (changed.length) {
      await tx.execute(
        sql`delete from enterprise_contacts where enterprise_id = any(${sql.param(changed.map((r) => idOf(r.uscc)))}::int[])`,
      );
      const rows = changed.map((r) => ({
        enterpriseId: idOf(r.uscc),
        name: r.contact!.name,
        ...sealed.get(r.uscc)!,
      }));
      for (let i = 0; i < rows.length; i += 2000)
        await tx.insert(enterpriseContacts).values(rows.slice(i, i + 2000));
      changed.forEach((r) => touched.add(idOf(r.uscc)));
    }
  }
  // A change beside the profile bumps the version too (once), so a stale edit cannot wipe it.
  const bumpOnly = [...touched].filter((id) => !inserted.has(id) && !bumped.has(id));
  if (bumpOnly.length)
    await tx.execute(
      sql`update enterprises set version = version + 1, updated_at = now() where id = any(${sql.param(bumpOnly)}::int[])`,
    );
  const updated = [...bumped, ...bumpOnly];
  await recordChanges(tx, importId, [...inserted], 'inserted');
  await recordChanges(tx, importId, updated, 'updated');
  return {
    inserted: inserted.size,
    updated: updated.length,
    unchanged: records.length - inserted.size - updated.length,
    ids: [...ids.values()],
    conflicts: [],
  };
}

/** Lists enterprises an import changed (with their USCC and name as they are now). */
async function recordChanges(tx: Tx, importId: number, ids: number[], change: 'inserted' | 'updated') {
  if (!ids.length) return;
  await tx.execute(sql`
    insert into import_changes (import_id, enterprise_id, uscc, name, change)
    select ${importId}, e.id, e.uscc, e.name, ${change} from enterprises e
     where e.id = any(${sql.param(ids)}::int[])
    on conflict do nothing`);
}

/** The enterprises an import changed, by enterprise id, in pages of `batch`. */
export async function* iterateChanges(db: Db, importId: number, batch = 5000) {
  let last = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(importChanges)
      .where(and(eq(importChanges.importId, importId), sql`${importChanges.enterpriseId} > ${last}`))
      .orderBy(importChanges.enterpriseId)
      .limit(batch);
    if (!rows.length) return;
    yield rows;
    last = rows[rows.length - 1]!.enterpriseId;
  }
}

/** The first `n` enterprises an import changed, as `USCC 名称`, for the audit row. */
export async function firstChanges(db: Db | Tx, importId: number, n: number): Promise<string[]> {
  const rows = await db
    .select({ id: importChanges.enterpriseId, uscc: importChanges.uscc, change: importChanges.change })
    .from(importChanges)
    .where(eq(importChanges.importId, importId))
    .orderBy(importChanges.enterpriseId)
    .limit(n);
  return rows.map((r) => `${r.id}:${r.uscc}:${r.change}`);
}

export async function countChanges(db: Db | Tx, importId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(importChanges)
    .where(eq(importChanges.importId, importId));
  return row?.n ?? 0;
}
