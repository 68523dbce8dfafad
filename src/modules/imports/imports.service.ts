/**
 * Imports of enterprise registries and annual figures from Excel: parse safely, validate every row,
 * then write all-or-nothing in one transaction (idempotent upserts on USCC / USCC + year), with an
 * import-history row and an audit record.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Tx } from '../../platform/db/client';
import {
  enterpriseContacts,
  enterpriseLabels,
  enterprises,
  importJobs,
  industryClasses,
  platforms,
  type ImportStatus,
} from '../../platform/db/schema';
import { fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor } from '../auth/core/access';
import { pinyinInitials } from '../enterprises/core/pinyin';
import { enterpriseScopeSql, refreshScale } from '../enterprises/enterprises.repository';
import type { ImportKind } from './core/columns';
import type { Problem } from './core/problems';
import {
  validateAnnual,
  validateEnterprises,
  type AnnualRecord,
  type EnterpriseRecord,
  type ImportReference,
} from './core/validate';
import { parseWorkbook } from './parse';
import { YEAR_KEYS } from './core/columns';

export type ImportJob = typeof importJobs.$inferSelect;

export interface ImportRequest {
  kind: ImportKind;
  year: number | null;
  file: string;
  fileName: string;
}

export interface ImportOutcome {
  job: ImportJob;
  problems: Problem[];
}

const PROBLEMS_KEPT = 5000;

export function createImportService(database: Database, dataDir: string) {
  const { db } = database;

  async function reference(actor: Actor): Promise<ImportReference> {
    const scope = platformScope(actor);
    const ps = await db.select({ id: platforms.id, name: platforms.name }).from(platforms);
    const cls = await db
      .select({ code: industryClasses.code })
      .from(industryClasses)
      .where(eq(industryClasses.level, 'class'));
    const es = await db.execute<{ id: number; uscc: string; name: string }>(
      sql`select e.id, e.uscc, e.name from enterprises e where ${enterpriseScopeSql(scope)}`,
    );
    return {
      platformsByName: new Map(ps.map((p) => [p.name, p.id])),
      allowedPlatformIds:
        scope.kind === 'all' ? null : new Set(scope.kind === 'platform' ? [scope.platformId] : []),
      industryClasses: new Set(cls.map((c) => c.code)),
      enterprisesByUscc: new Map(es.rows.map((e) => [e.uscc, { id: Number(e.id), name: e.name }])),
    };
  }

  async function setJob(id: number, values: Partial<typeof importJobs.$inferInsert>) {
    await db.update(importJobs).set(values).where(eq(importJobs.id, id));
  }

  function throttle(id: number) {
    let last = 0;
    return (phase: string, done: number, total: number | null) => {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      void setJob(id, { progress: { phase, done, total } }).catch(() => {});
    };
  }

  /** Parses and validates; returns the records when there is no error. */
  async function check(
    actor: Actor,
    request: ImportRequest,
    jobId: number,
    onProgress?: (phase: string, done: number, total: number | null) => void,
  ) {
    const report = onProgress ?? throttle(jobId);
    // Reference data loads while the worker parses.
    const refPromise = reference(actor);
    refPromise.catch(() => {});
    const parsed = await parseWorkbook(request.file, {
      onRows: (done, total) => report('parsing', done, total),
    });
    if (!parsed.ok)
      return { problems: parsed.problems, records: [] as (AnnualRecord | EnterpriseRecord)[], rowsTotal: 0 };
    report('validating', 0, parsed.sheet.rows.length);
    const ref = await refPromise;
    return request.kind === 'annual'
      ? validateAnnual(parsed.sheet, request.year!, ref)
      : validateEnterprises(parsed.sheet, ref);
  }

  async function start(actor: Actor, request: ImportRequest): Promise<ImportJob> {
    if (!can(actor, 'import:run')) fail('FORBIDDEN');
    if (request.kind === 'annual' && !request.year)
      fail('VALIDATION_FAILED', [
        { field: 'year', code: 'REQUIRED', zh: '请选择数据年度', en: 'Choose the year' },
      ]);
    // Streamed: an oversized file is refused later by size, without being read into memory here.
    const hash = createHash('sha256');
    await pipeline(createReadStream(request.file), hash);
    const { size } = await fs.stat(request.file);
    const [job] = await db
      .insert(importJobs)
      .values({
        kind: request.kind,
        year: request.kind === 'annual' ? request.year : null,
        fileName: path.basename(request.fileName).slice(0, 200),
        sha256: hash.digest('hex'),
        sizeBytes: size,
        userId: actor.userId,
        username: actor.username,
        status: 'validating',
        progress: { phase: 'parsing', done: 0, total: null },
      })
      .returning();
    return job!;
  }

  async function finishRejected(
    actor: Actor,
    job: ImportJob,
    problems: Problem[],
    rowsTotal: number,
    status: ImportStatus = 'rejected',
  ) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    await db.transaction(async (tx) => {
      await tx
        .update(importJobs)
        .set({
          status,
          finishedAt: new Date(),
          rowsTotal,
          errorCount: errors,
          warningCount: problems.length - errors,
          problems: problems.slice(0, PROBLEMS_KEPT),
          progress: null,
        })
        .where(eq(importJobs.id, job.id));
      await recordAudit(tx, subjectOf(actor), {
        action: `import.${job.kind}`,
        result: 'failure',
        objectType: 'import',
        objectId: job.id,
        detail: { file: job.fileName, sha256: job.sha256, errors },
      });
    });
  }

  /** Writes validated records and completes the job, all in one transaction. */
  async function write(
    actor: Actor,
    job: ImportJob,
    records: (AnnualRecord | EnterpriseRecord)[],
    problems: Problem[],
    rowsTotal: number,
  ) {
    await db.transaction(async (tx) => {
      const counts =
        job.kind === 'annual'
          ? await writeAnnual(tx, job.id, records as AnnualRecord[])
          : await writeEnterprises(tx, records as EnterpriseRecord[]);
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      await tx
        .update(importJobs)
        .set({
          status: 'succeeded',
          finishedAt: new Date(),
          rowsTotal,
          rowsInserted: counts.inserted,
          rowsUpdated: counts.updated,
          errorCount: 0,
          warningCount: warnings,
          problems: problems.slice(0, PROBLEMS_KEPT),
          progress: null,
        })
        .where(eq(importJobs.id, job.id));
      await recordAudit(tx, subjectOf(actor), {
        action: `import.${job.kind}`,
        result: 'success',
        objectType: 'import',
        objectId: job.id,
        detail: { file: job.fileName, sha256: job.sha256, year: job.year, ...counts },
      });
    });
  }

  async function writeAnnual(tx: Tx, importId: number, records: AnnualRecord[]) {
    const client = (tx as unknown as { session: { client: import('pg').PoolClient } }).session.client;
    const cols = YEAR_KEYS.map(snake);
    const year = records[0]?.year;
    const ids = [...new Set(records.map((r) => r.enterpriseId))];
    // First load of a year for these enterprises: COPY straight into the table (one write pass).
    // Otherwise COPY into a temporary table and upsert only the rows whose values changed.
    const existing = await client.query<{ n: number }>(
      'select count(*)::int as n from enterprise_years where year = $1 and enterprise_id = any($2::int[])',
      [year, ids],
    );
    const direct = existing.rows[0]!.n === 0;
    const target = direct ? 'enterprise_years' : 'import_years';
    if (!direct)
      await client.query(
        `create temp table import_years (enterprise_id int, year int, ${cols.map((c) => `${c} numeric`).join(', ')}) on commit drop`,
      );
    const copy = client.query(
      copyFrom(
        `copy ${target} (enterprise_id, year, ${cols.join(', ')}${direct ? ', import_id' : ''}) from stdin`,
      ),
    );
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    const suffix = direct ? `\t${importId}\n` : '\n';
    let chunk = '';
    for (const r of records) {
      chunk += `${r.enterpriseId}\t${r.year}\t${YEAR_KEYS.map((k) => (r.figures[k] === null ? '\\N' : String(r.figures[k]))).join('\t')}${suffix}`;
      if (chunk.length > 1 << 16) {
        if (!copy.write(chunk)) await once(copy, 'drain');
        chunk = '';
      }
    }
    copy.end(chunk);
    await done;
    let inserted = records.length;
    let updated = 0;
    if (!direct) {
      const result = await client.query<{ inserted: boolean }>(
        `insert into enterprise_years (enterprise_id, year, ${cols.join(', ')}, import_id, updated_at)
           select enterprise_id, year, ${cols.join(', ')}, $1, now() from import_years
         on conflict (enterprise_id, year) do update set
           ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
           import_id = excluded.import_id, updated_at = now(), confirmed_at = null, confirmed_by = null
         where (${cols.map((c) => `enterprise_years.${c}`).join(', ')}) is distinct from (${cols.map((c) => `excluded.${c}`).join(', ')})
         returning (xmax = 0) as inserted`,
        [importId],
      );
      inserted = result.rows.filter((r) => r.inserted).length;
      updated = result.rows.length - inserted;
    }
    await refreshScale(tx, ids);
    return { inserted, updated, unchanged: records.length - inserted - updated };
  }

  async function writeEnterprises(tx: Tx, records: EnterpriseRecord[]) {
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
            address: r.address,
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
            address: sql`excluded.address`,
            version: sql`${enterprises.version} + 1`,
            updatedAt: new Date(),
          },
          setWhere: sql`(${enterprises.name}, ${enterprises.platformId}, ${enterprises.industryClass}, ${enterprises.scaleOverride}, ${enterprises.ownLandMu}, ${enterprises.leasedFloorM2}, ${enterprises.address})
            is distinct from (excluded.name, excluded.platform_id, excluded.industry_class, excluded.scale_override, excluded.own_land_mu, excluded.leased_floor_m2, excluded.address)`,
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
        phone: r.contact!.phone,
      }));
      for (let i = 0; i < rows.length; i += 2000)
        await tx.insert(enterpriseContacts).values(rows.slice(i, i + 2000));
    }
    await refreshScale(tx, [...ids.values()]);
    return { inserted, updated, unchanged: records.length - inserted - updated };
  }

  return {
    /** CLI: parse, validate and (when clean) write in one call. */
    async importNow(
      actor: Actor,
      request: ImportRequest,
      onProgress?: (phase: string, done: number, total: number | null) => void,
    ): Promise<ImportOutcome> {
      const job = await start(actor, request);
      try {
        const { problems, records, rowsTotal } = await check(actor, request, job.id, onProgress);
        if (problems.some((p) => p.severity === 'error')) {
          await finishRejected(actor, job, problems, rowsTotal);
        } else {
          onProgress?.('writing', 0, records.length);
          await write(actor, job, records, problems, rowsTotal);
        }
        const [final] = await db.select().from(importJobs).where(eq(importJobs.id, job.id));
        return { job: final!, problems };
      } catch (error) {
        await finishRejected(actor, job, [], 0, 'failed').catch(() => {});
        throw error;
      }
    },

    /** Web: store the upload, validate in the background; the job answers progress and problems. */
    async upload(actor: Actor, request: ImportRequest): Promise<ImportJob> {
      const job = await start(actor, request);
      const stored = path.join(dataDir, 'imports', `${job.id}.xlsx`);
      await fs.mkdir(path.dirname(stored), { recursive: true });
      await fs.copyFile(request.file, stored);
      void (async () => {
        try {
          const { problems, rowsTotal } = await check(actor, { ...request, file: stored }, job.id);
          if (problems.some((p) => p.severity === 'error')) {
            await finishRejected(actor, job, problems, rowsTotal);
            await fs.rm(stored, { force: true });
          } else {
            await setJob(job.id, {
              status: 'ready',
              rowsTotal,
              errorCount: 0,
              warningCount: problems.length,
              problems: problems.slice(0, PROBLEMS_KEPT),
              progress: null,
            });
          }
        } catch {
          await finishRejected(actor, job, [], 0, 'failed').catch(() => {});
        }
      })();
      return job;
    },

    /** Web: writes a validated upload (validated again against the data as it is now). */
    async commit(actor: Actor, id: number): Promise<ImportJob> {
      if (!can(actor, 'import:run')) fail('FORBIDDEN');
      const [job] = await db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, id), eq(importJobs.userId, actor.userId)));
      if (!job) return fail('IMPORT_NOT_FOUND');
      const claimed = await db
        .update(importJobs)
        .set({ status: 'importing', progress: { phase: 'parsing', done: 0, total: job.rowsTotal } })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, 'ready')))
        .returning();
      if (!claimed.length) fail('IMPORT_NOT_READY');
      const stored = path.join(dataDir, 'imports', `${id}.xlsx`);
      void (async () => {
        try {
          const request: ImportRequest = {
            kind: job.kind,
            year: job.year,
            file: stored,
            fileName: job.fileName,
          };
          const { problems, records, rowsTotal } = await check(actor, request, id);
          if (problems.some((p) => p.severity === 'error'))
            await finishRejected(actor, job, problems, rowsTotal);
          else {
            await setJob(id, { progress: { phase: 'writing', done: 0, total: records.length } });
            await write(actor, job, records, problems, rowsTotal);
          }
        } catch {
          await finishRejected(actor, job, [], 0, 'failed').catch(() => {});
        } finally {
          await fs.rm(stored, { force: true });
        }
      })();
      return { ...job, status: 'importing' };
    },

    async get(actor: Actor, id: number): Promise<ImportJob> {
      if (!can(actor, 'import:run')) fail('FORBIDDEN');
      const [job] = await db
        .select()
        .from(importJobs)
        .where(
          and(
            eq(importJobs.id, id),
            actor.role === 'task_force' ? undefined : eq(importJobs.userId, actor.userId),
          ),
        );
      return job ?? fail('IMPORT_NOT_FOUND');
    },

    async history(actor: Actor, page: number, pageSize: number) {
      if (!can(actor, 'import:run')) fail('FORBIDDEN');
      const where = actor.role === 'task_force' ? undefined : eq(importJobs.userId, actor.userId);
      const items = await db
        .select()
        .from(importJobs)
        .where(where)
        .orderBy(desc(importJobs.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(importJobs).where(where);
      return { items, total: total?.n ?? 0, page, pageSize };
    },

    /** Jobs cut off by a restart are marked failed at start-up. */
    async failInterrupted() {
      await db
        .update(importJobs)
        .set({ status: 'failed', finishedAt: new Date(), progress: null })
        .where(inArray(importJobs.status, ['validating', 'importing']));
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
