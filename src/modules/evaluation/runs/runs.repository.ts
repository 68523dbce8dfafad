/** SQL of evaluation runs: the runs, their workflow, and writing a run's results with COPY. */
import { sql, type SQL } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Tx } from '../../../platform/db/client';
import { ByteText } from '../core/byte-text';
import type { Scored } from '../core/score';
import { rowsByKey, writeStoredRow } from '../core/stored-rows';
import type { RunAudience, RunStatus } from './core/workflow';
import type { FirmMeta } from './run-input.repository';
import type { Run, RunSummary } from './runs.schemas';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const rowsOf = async (db: Db | Tx, query: SQL) => (await db.execute(query)).rows as Row[];

const runOf = (r: Row): Run => ({
  id: Number(r.id),
  year: Number(r.year),
  version: Number(r.version),
  methodId: Number(r.method_id),
  methodKey: String(r.method_key),
  methodVersion: Number(r.method_version),
  methodName: String(r.method_name),
  methodNameEn: String(r.method_name_en ?? ''),
  status: r.status as RunStatus,
  reason: String(r.reason ?? ''),
  inputHash: String(r.input_hash),
  summary: r.summary as RunSummary,
  createdBy: num(r.created_by),
  createdAt: iso(r.created_at)!,
  noticeStartedAt: iso(r.notice_started_at),
  noticeEndsOn: r.notice_ends_on ? String(r.notice_ends_on).slice(0, 10) : null,
  publishedAt: iso(r.published_at),
  publishedByName: r.published_by_name ? String(r.published_by_name) : null,
  noticeEndedOn: r.notice_ended_on ? String(r.notice_ended_on).slice(0, 10) : null,
  earlyEndReason: r.early_end_reason ? String(r.early_end_reason) : null,
  supersededBy: num(r.superseded_by),
  pendingObjections: Number(r.pending_objections ?? 0),
});

const RUN_SELECT = sql`select r.*, to_char(r.notice_ends_on, 'YYYY-MM-DD') as notice_ends_on,
  to_char(r.notice_ended_on, 'YYYY-MM-DD') as notice_ended_on,
  (select coalesce(nullif(u.display_name, ''), u.username) from users u where u.id = r.published_by) as published_by_name,
  m.key as method_key, m.version as method_version, m.name as method_name,
  m.definition->'name'->>'en' as method_name_en,
  (select count(*)::int from evaluation_objections o where o.run_id = r.id and o.status = 'pending') as pending_objections
  from evaluation_runs r join evaluation_methods m on m.id = r.method_id`;

/** The runs an audience sees (see `runAudience`). */
function visible(audience: RunAudience): SQL {
  return audience === 'noticed'
    ? sql`r.notice_started_at is not null`
    : audience === 'none'
      ? sql`false`
      : sql`true`;
}

export async function listRuns(db: Db | Tx, audience: RunAudience, year?: number): Promise<Run[]> {
  const where = year ? sql`r.year = ${year}` : sql`true`;
  return (
    await rowsOf(
      db,
      sql`${RUN_SELECT} where ${where} and ${visible(audience)} order by r.year desc, r.version desc`,
    )
  ).map(runOf);
}

/** A run the audience sees; `forUpdate` locks it until the transaction ends. */
export async function findRun(
  db: Db | Tx,
  audience: RunAudience,
  id: number,
  forUpdate = false,
): Promise<Run | null> {
  if (forUpdate) await db.execute(sql`select 1 from evaluation_runs where id = ${id} for update`);
  const rows = await rowsOf(db, sql`${RUN_SELECT} where r.id = ${id} and ${visible(audience)}`);
  return rows[0] ? runOf(rows[0]) : null;
}

/** The run of a year that counts: the published one, else the newest in notice, else the newest. */
export async function currentRunId(db: Db | Tx, audience: RunAudience, year: number): Promise<number | null> {
  const rows = await rowsOf(
    db,
    sql`select r.id from evaluation_runs r where r.year = ${year} and r.status <> 'superseded' and ${visible(audience)}
      order by case r.status when 'published' then 0 when 'notice' then 1 else 2 end, r.version desc limit 1`,
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/** A new draft run of the year, as its next version (serialised per year). */
export async function insertRun(
  tx: Tx,
  run: {
    year: number;
    methodId: number;
    reason: string;
    inputHash: string;
    summary: RunSummary;
    createdBy: number | null;
  },
): Promise<{ id: number; version: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(727410, ${run.year})`);
  const rows = await rowsOf(
    tx,
    sql`insert into evaluation_runs (year, version, method_id, reason, input_hash, summary, created_by)
       select ${run.year}, coalesce(max(version), 0) + 1, ${run.methodId}, ${run.reason}, ${run.inputHash},
         ${JSON.stringify(run.summary)}::jsonb, ${run.createdBy}
       from evaluation_runs where year = ${run.year}
     returning id, version`,
  );
  return { id: Number(rows[0]!.id), version: Number(rows[0]!.version) };
}

/** Adds to a draft run's summary (e.g. data quality and timings, known once results are written). */
export async function addToSummary(tx: Tx, id: number, extra: Partial<RunSummary>): Promise<void> {
  await tx.execute(
    sql`update evaluation_runs set summary = summary || ${JSON.stringify(extra)}::jsonb where id = ${id}`,
  );
}

const RESULT_COLUMNS = [
  'run_id',
  'enterprise_id',
  'platform_id',
  'industry_class',
  // The engine's stored columns (`writeStoredRow`):
  'cohort',
  'status',
  'score',
  'rank',
  'cohort_size',
  'top_percent',
  'class',
  'policy_class',
  'land_mu',
  'tax',
  'value_added',
  'flags',
  'surcharge_yuan',
  'relief_yuan',
  'detail',
].join(', ');

/** Bytes per chunk written to the COPY stream. */
const CHUNK_BYTES = 1 << 20;
const TAB = 9;

/** A value that may hold anything, as COPY text (the engine's own columns need no escaping). */
function writeText(out: ByteText, value: string | null) {
  if (value === null) return out.ascii('\\N');
  out.text(/[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escape) : value);
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (c: string) => ESCAPES[c]!;

/**
 * Writes a run's results with COPY, each row encoded straight into bytes as the engine's columns
 * give it, in key order: the primary key (run_id, enterprise_id), the table's one index, then
 * grows at its right edge. Returns the rows written.
 */
export async function insertResults(
  client: pg.PoolClient,
  runId: number,
  scored: Scored,
  meta: Map<number, FirmMeta>,
): Promise<number> {
  let written = 0;
  function* chunks() {
    const out = new ByteText(CHUNK_BYTES + (1 << 16));
    for (const row of rowsByKey(scored)) {
      const m = meta.get(row.enterpriseId)!;
      out.num(runId);
      out.byte(TAB);
      out.num(row.enterpriseId);
      out.byte(TAB);
      out.num(m.platformId);
      out.byte(TAB);
      writeText(out, m.industryClass);
      out.byte(TAB);
      writeStoredRow(out, scored, row);
      out.byte(10);
      written++;
      if (out.length >= CHUNK_BYTES) yield toBuffer(out.take());
    }
    if (out.length) yield toBuffer(out.take());
  }
  const stream = client.query(copyFrom(`copy evaluation_results (${RESULT_COLUMNS}) from stdin`));
  await pipeline(Readable.from(chunks()), stream);
  return written;
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function setRunStatus(
  tx: Tx,
  id: number,
  status: RunStatus,
  extra: {
    noticeEndsOn?: string;
    publishedBy?: number | null;
    supersededBy?: number;
    /** Published before the notice's end: that day and why. */
    endedEarly?: { on: string; reason: string };
  } = {},
): Promise<void> {
  await tx.execute(sql`update evaluation_runs set status = ${status},
      notice_started_at = case when ${status} = 'notice' then now() else notice_started_at end,
      notice_ends_on = coalesce(${extra.noticeEndsOn ?? null}::date, notice_ends_on),
      published_at = case when ${status} = 'published' then now() else published_at end,
      published_by = case when ${status} = 'published' then ${extra.publishedBy ?? null}::int else published_by end,
      notice_ended_on = coalesce(${extra.endedEarly?.on ?? null}::date, notice_ended_on),
      early_end_reason = coalesce(${extra.endedEarly?.reason ?? null}::text, early_end_reason),
      superseded_by = coalesce(${extra.supersededBy ?? null}::int, superseded_by)
    where id = ${id}`);
}

/** Deletes a draft run with its results. */
export async function deleteRun(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from evaluation_results where run_id = ${id}`);
  await tx.execute(sql`delete from evaluation_runs where id = ${id}`);
}

/** Runs of the year other than `id` in the given statuses, locked. */
export async function otherRuns(tx: Tx, year: number, id: number, statuses: RunStatus[]): Promise<number[]> {
  const rows = await rowsOf(
    tx,
    sql`select id from evaluation_runs where year = ${year} and id <> ${id}
          and status in (${sql.join(
            statuses.map((s) => sql`${s}`),
            sql`, `,
          )}) for update`,
  );
  return rows.map((r) => Number(r.id));
}

/** Whether any run exists at all. */
export async function anyRun(db: Db | Tx): Promise<boolean> {
  return (await rowsOf(db, sql`select exists (select 1 from evaluation_runs) as any`))[0]!.any === true;
}

/** Years with enterprise figures, oldest first (optionally only the generated demo city's). */
export async function yearsWithFigures(db: Db | Tx, demoOnly: boolean): Promise<number[]> {
  const rows = await rowsOf(
    db,
    sql`select distinct year from enterprise_years y join enterprises e on e.id = y.enterprise_id
      where ${demoOnly ? sql`e.is_demo` : sql`true`} order by year`,
  );
  return rows.map((r) => Number(r.year));
}
