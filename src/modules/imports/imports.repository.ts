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
  importJobs,
  industryClasses,
  platforms,
} from '../../platform/db/schema';
import type { PlatformScope } from '../../platform/scope';
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

export async function insertJob(db: Db, values: NewImportJob): Promise<ImportJob> {
  const [job] = await db.insert(importJobs).values(values).returning();
  return job!;
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

/** Moves a `ready` job to `importing`; false when it was not ready (already taken, or failed). */
export async function claimReadyJob(db: Db, id: number, total: number): Promise<{ id: number } | null> {
  const [claimed] = await db
    .update(importJobs)
    .set({ status: 'importing', progress: { phase: 'parsing', done: 0, total } })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'ready')))
    .returning({ id: importJobs.id });
  return claimed ?? null;
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

/** What a file is checked against: platforms, industry classes, the enterprises in scope. */
export async function loadReference(db: Db, scope: PlatformScope) {
  const [ps, cls, es] = await Promise.all([
    db.select({ id: platforms.id, name: platforms.name }).from(platforms),
    db.select({ code: industryClasses.code }).from(industryClasses).where(eq(industryClasses.level, 'class')),
    db.execute<{ id: number; uscc: string; name: string }>(
      sql`select e.id, e.uscc, e.name from enterprises e where ${scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` })}`,
    ),
  ]);
  return {
    platforms: ps,
    industryClasses: cls.map((c) => c.code),
    enterprises: es.rows.map((e) => ({ id: Number(e.id), uscc: e.uscc, name: e.name })),
  };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const YEAR_COLUMNS = YEAR_KEYS.map(snake);

/**
 * Writes one year of figures as the rows arrive: `rows` yields [enterpriseId, year, …figures,
 * importId] per record. A year without any figures yet goes straight into the table by COPY (one
 * write pass);
 * otherwise COPY into a temporary table and an upsert that touches only rows whose values changed.
 */
export async function writeAnnual(
  tx: Tx,
  client: pg.PoolClient,
  year: number,
  rows: Iterable<CopyValue[]> | AsyncIterable<CopyValue[]>,
): Promise<WriteCounts> {
  const existing = await tx.execute<{ any: boolean }>(
    sql`select exists (select 1 from enterprise_years where year = ${year}) as any`,
  );
  const direct = !existing.rows[0]!.any;
  const columns = ['enterprise_id', 'year', ...YEAR_COLUMNS, 'import_id'];
  if (direct) {
    const inserted = await copyIterable(client, 'enterprise_years', columns, rows);
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
    sql.raw(`insert into enterprise_years (enterprise_id, year, ${cols}, import_id, updated_at)
       select enterprise_id, year, ${cols}, import_id, now() from import_years
     on conflict (enterprise_id, year) do update set
       ${YEAR_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
       import_id = excluded.import_id, updated_at = now(), confirmed_at = null, confirmed_by = null
     where (${YEAR_COLUMNS.map((c) => `enterprise_years.${c}`).join(', ')}) is distinct from (${YEAR_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
     returning (xmax = 0) as inserted`),
  );
  const inserted = result.rows.filter((r) => r.inserted).length;
  const updated = result.rows.length - inserted;
  return { inserted, updated, unchanged: total - inserted - updated };
}

/**
 * Upserts registry rows on USCC (only rows whose values change), then landholders, rating
 * exemptions, labels and contacts where the file has those columns. Returns the counts and the
 * ids of the enterprises written.
 */
export async function writeEnterprises(
  tx: Tx,
  records: EnterpriseRecord[],
  sealPhone: (phone: string) => SealedPhone,
): Promise<WriteCounts & { ids: number[] }> {
  // Every record of a file has the same columns.
  const options = { hasAddress: records[0]?.address !== undefined };
  let inserted = 0;
  let updated = 0;
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
          platformId: sql`excluded.platform_id`,
          industryClass: sql`excluded.industry_class`,
          scaleOverride: sql`excluded.scale_override`,
          ownLandMu: sql`excluded.own_land_mu`,
          leasedFloorM2: sql`excluded.leased_floor_m2`,
          // Without an address column the stored address stays.
          address: options.hasAddress ? sql`excluded.address` : sql`${enterprises.address}`,
          version: sql`${enterprises.version} + 1`,
          updatedAt: new Date(),
        },
        setWhere: sql`(${enterprises.name}, ${enterprises.platformId}, ${enterprises.industryClass}, ${enterprises.scaleOverride}, ${enterprises.ownLandMu}, ${enterprises.leasedFloorM2}, ${enterprises.address})
            is distinct from (excluded.name, excluded.platform_id, excluded.industry_class, excluded.scale_override, excluded.own_land_mu, excluded.leased_floor_m2, ${options.hasAddress ? sql`excluded.address` : sql`${enterprises.address}`})`,
      })
      .returning({ id: enterprises.id, uscc: enterprises.uscc, inserted: sql<boolean>`xmax = 0` });
    for (const r of rows) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  // Bulk statements with array parameters: any number of rows, a handful of round trips.
  const byUscc = async (usccs: string[]) =>
    usccs.length
      ? await tx
          .select({ id: enterprises.id, uscc: enterprises.uscc })
          .from(enterprises)
          .where(sql`${enterprises.uscc} = any(${sql.param(usccs)}::text[])`)
      : [];
  for (const r of await byUscc(records.map((r) => r.uscc))) ids.set(r.uscc, r.id);
  // Landholders may be in the same file or already registered.
  const withLandholder = records.filter((r) => r.landholderUscc !== undefined);
  const outside = [
    ...new Set(withLandholder.map((r) => r.landholderUscc).filter((u): u is string => !!u && !ids.has(u))),
  ];
  for (const r of await byUscc(outside)) ids.set(r.uscc, r.id);
  if (withLandholder.length)
    await tx.execute(sql`
        update enterprises e set landholder_id = v.landholder
          from unnest(${sql.param(withLandholder.map((r) => ids.get(r.uscc)!))}::int[],
                      ${sql.param(withLandholder.map((r) => (r.landholderUscc ? (ids.get(r.landholderUscc) ?? null) : null)))}::int[]) as v(id, landholder)
         where e.id = v.id and e.landholder_id is distinct from v.landholder`);
  // Rating exemptions (不定等级): set for the enterprises whose file has the column.
  const withExemption = records.filter((r) => r.ratingExemption !== undefined);
  if (withExemption.length)
    await tx.execute(sql`
        update enterprises e set rating_exemption = v.exemption
          from unnest(${sql.param(withExemption.map((r) => ids.get(r.uscc)!))}::int[],
                      ${sql.param(withExemption.map((r) => r.ratingExemption ?? null))}::text[]) as v(id, exemption)
         where e.id = v.id and e.rating_exemption is distinct from v.exemption`);
  // Labels and contacts: replaced for the enterprises whose file has those columns.
  const labelled = records.filter((r) => r.labels !== null);
  if (labelled.length) {
    await tx.execute(
      sql`delete from enterprise_labels where enterprise_id = any(${sql.param(labelled.map((r) => ids.get(r.uscc)!))}::int[])`,
    );
    const rows = labelled.flatMap((r) => r.labels!.map((l) => ({ enterpriseId: ids.get(r.uscc)!, ...l })));
    for (let i = 0; i < rows.length; i += 2000)
      await tx.insert(enterpriseLabels).values(rows.slice(i, i + 2000));
  }
  const contacts = records.filter((r) => r.contact !== null);
  if (contacts.length) {
    await tx.execute(
      sql`delete from enterprise_contacts where enterprise_id = any(${sql.param(contacts.map((r) => ids.get(r.uscc)!))}::int[])`,
    );
    const rows = contacts.map((r) => ({
      enterpriseId: ids.get(r.uscc)!,
      name: r.contact!.name,
      // Personal information: only the sealed number and its keyed index reach the database.
      ...sealPhone(r.contact!.phone),
    }));
    for (let i = 0; i < rows.length; i += 2000)
      await tx.insert(enterpriseContacts).values(rows.slice(i, i + 2000));
  }
  return { inserted, updated, unchanged: records.length - inserted - updated, ids: [...ids.values()] };
}
