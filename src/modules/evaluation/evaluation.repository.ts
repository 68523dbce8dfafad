/** SQL of the evaluation feature: methods, runs, results, objections, roll-ups. */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Db, Tx } from '../../platform/db/client';
import { to as copyTo } from 'pg-copy-streams';
import { copyIterable, type CopyValue } from '../../platform/db/copy';
import type { RunStatus } from '../../platform/db/schema';
import type { PlatformScope } from '../auth/core/access';
import { effectiveScale } from '../enterprises/core/scale';
import type { RatingExemption } from '../enterprises/core/codes';
import type { EvaluationFirm, EvaluationOutcome } from './core/score';
import type { StoredResult } from './core/storage';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const rowsOf = async (db: Db | Tx, query: SQL) => (await db.execute(query)).rows as Row[];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------
// Methods

export interface MethodRow {
  id: number;
  key: string;
  version: number;
  name: string;
  hash: string;
  basedOn: string | null;
  note: string;
  createdBy: number | null;
  createdAt: string;
  runs: number;
  subject: 'enterprise' | 'platform';
}

const methodOf = (r: Row): MethodRow => ({
  id: Number(r.id),
  key: String(r.key),
  version: Number(r.version),
  name: String(r.name),
  hash: String(r.hash),
  basedOn: (r.based_on as string | null) ?? null,
  note: String(r.note ?? ''),
  createdBy: num(r.created_by),
  createdAt: iso(r.created_at)!,
  runs: Number(r.runs ?? 0),
  subject: r.subject === 'platform' ? 'platform' : 'enterprise',
});

const methodSelect = (
  withDefinition: boolean,
) => sql`select m.id, m.key, m.version, m.name, m.hash, m.based_on,
  m.note, m.created_by, m.created_at, coalesce(m.definition->>'subject', 'enterprise') as subject,
  ${withDefinition ? sql`m.definition,` : sql``}
  (select count(*)::int from evaluation_runs r where r.method_id = m.id) as runs
  from evaluation_methods m`;

export async function listMethods(db: Db | Tx): Promise<MethodRow[]> {
  return (await rowsOf(db, sql`${methodSelect(false)} order by m.key, m.version desc`)).map(methodOf);
}

export async function findMethod(
  db: Db | Tx,
  idOrKey: number | string,
): Promise<(MethodRow & { definition: unknown }) | null> {
  const where =
    typeof idOrKey === 'number'
      ? sql`m.id = ${idOrKey}`
      : sql`m.key = ${idOrKey} and m.version = (select max(version) from evaluation_methods where key = ${idOrKey})`;
  const rows = await rowsOf(db, sql`${methodSelect(true)} where ${where}`);
  const r = rows[0];
  return r ? { ...methodOf(r), definition: r.definition } : null;
}

export async function insertMethod(
  tx: Db | Tx,
  m: {
    key: string;
    name: string;
    definition: unknown;
    hash: string;
    basedOn: string | null;
    note: string;
    createdBy: number | null;
  },
): Promise<number> {
  const rows = await rowsOf(
    tx,
    sql`insert into evaluation_methods (key, version, name, definition, hash, based_on, note, created_by)
      select ${m.key}, coalesce(max(version), 0) + 1, ${m.name}, ${JSON.stringify(m.definition)}::jsonb, ${m.hash},
        ${m.basedOn}, ${m.note}, ${m.createdBy}
      from evaluation_methods where key = ${m.key}
      returning id`,
  );
  return Number(rows[0]!.id);
}

export async function methodKeys(db: Db | Tx): Promise<Set<string>> {
  return new Set(
    (await rowsOf(db, sql`select distinct key from evaluation_methods`)).map((r) => String(r.key)),
  );
}

// ---------------------------------------------------------------------------------------------
// Input of a run

export interface FirmMeta {
  platformId: number;
  industryClass: string | null;
}

/** Priors for the electricity escalation: classes of up to this many earlier published years. */
const PRIOR_YEARS = 10;

/**
 * Every enterprise with its figures for the year (or none), labels and the classes of earlier
 * published years; plus a SHA-256 over all of it, in enterprise order.
 */
export async function loadFirms(client: pg.PoolClient, year: number, historyClasses: readonly string[]) {
  if (!Number.isInteger(year)) throw new TypeError(`year ${year}`);
  const classList = historyClasses.filter((c) => /^[A-Za-z][A-Za-z0-9_]{0,15}$/.test(c));
  // COPY … TO STDOUT: one text stream, split here, is several times faster than 100,000 row
  // objects from the query protocol. The same text, hashed, is the run's input hash. Numerics
  // come as their exact text (Number() gives the nearest double, as a float8 cast would, without
  // PostgreSQL's numeric → text → float → text round trip); the sort stays in memory.
  await client.query(`set local work_mem = '64MB'`);
  const stream = client.query(
    copyTo(`copy (
      select e.id, e.scale_override, e.own_land_mu, e.leased_floor_m2, e.landholder_id,
        e.rating_exemption, e.platform_id, e.industry_class, (y.enterprise_id is not null)::int,
        y.tax, y.value_added, y.revenue, y.energy_tce, y.emissions,
        y.employees, y.rd_spending, y.electricity, y.output, l.labels,
        (y.confirmed_at is not null)::int
      from enterprises e
      left join enterprise_years y on y.enterprise_id = e.id and y.year = ${year}
      left join (select enterprise_id, string_agg(label, ',' order by label) as labels
                   from enterprise_labels group by enterprise_id) l on l.enterprise_id = e.id
      order by e.id) to stdout`),
  );
  const text = await streamText(stream);
  // Earlier published classes, only those with an escalation rule (e.g. D three years running).
  const priorText = classList.length
    ? await streamText(
        client.query(
          copyTo(`copy (
            select res.enterprise_id, r.year, res.class from evaluation_results res
              join evaluation_runs r on r.id = res.run_id
             where r.status = 'published' and r.year >= ${year - PRIOR_YEARS} and r.year < ${year}
               and res.class in (${classList.map((c) => `'${c}'`).join(',')})
             order by res.enterprise_id, r.year) to stdout`),
        ),
      )
    : '';
  const prior = new Map<number, (string | null)[]>();
  for (const line of priorText.split('\n')) {
    if (!line) continue;
    const [id, y, cls] = line.split('\t') as [string, string, string];
    const key = Number(id);
    const list = prior.get(key) ?? Array<string | null>(PRIOR_YEARS).fill(null);
    list[year - Number(y) - 1] = cls === '\\N' ? null : cls;
    prior.set(key, list);
  }
  const hash = createHash('sha256').update(text).update(priorText);
  const firms: EvaluationFirm[] = [];
  const meta = new Map<number, FirmMeta>();
  /** Enterprises whose figures of the year are not confirmed (一企一单), or flagged and unresolved. */
  const unconfirmed = new Set<number>();
  const flagged = new Set(
    (
      await client.query<{ enterprise_id: number }>(
        'select distinct enterprise_id from enterprise_year_flags where year = $1 and resolved_at is null',
        [year],
      )
    ).rows.map((r) => r.enterprise_id),
  );
  const numOrNull = (v: string) => (v === '\\N' ? null : Number(v));
  const textOrNull = (v: string) => (v === '\\N' ? null : v);
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const c = text.slice(at, end).split('\t');
    at = end + 1;
    const id = Number(c[0]);
    const revenue = numOrNull(c[11]!);
    firms.push({
      id,
      scale: effectiveScale(textOrNull(c[1]!) as 'above' | 'below' | null, revenue),
      ownLandMu: numOrNull(c[2]!),
      leasedFloorM2: numOrNull(c[3]!),
      landholderId: numOrNull(c[4]!),
      exemption: textOrNull(c[5]!) as RatingExemption | null,
      hasYear: c[8] === '1',
      tax: numOrNull(c[9]!),
      valueAdded: numOrNull(c[10]!),
      revenue,
      energyTce: numOrNull(c[12]!),
      emissions: numOrNull(c[13]!),
      employees: numOrNull(c[14]!),
      rdSpending: numOrNull(c[15]!),
      electricity: numOrNull(c[16]!),
      output: numOrNull(c[17]!),
      labels: c[18] === '\\N' ? [] : c[18]!.split(','),
      priorClasses: trimNulls(prior.get(id)),
    });
    meta.set(id, { platformId: Number(c[6]), industryClass: textOrNull(c[7]!) });
    if (c[19] === '0') unconfirmed.add(id);
  }
  return { firms, meta, unconfirmed, flagged, inputHash: hash.digest('hex') };
}

async function streamText(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function trimNulls(list: (string | null)[] | undefined): (string | null)[] {
  if (!list) return [];
  let end = list.length;
  while (end > 0 && list[end - 1] === null) end--;
  return list.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Runs

export interface RunRow {
  id: number;
  year: number;
  version: number;
  methodId: number;
  methodKey: string;
  methodVersion: number;
  methodName: string;
  status: RunStatus;
  reason: string;
  inputHash: string;
  summary: RunSummary;
  createdBy: number | null;
  createdAt: string;
  noticeStartedAt: string | null;
  noticeEndsOn: string | null;
  publishedAt: string | null;
  supersededBy: number | null;
  pendingObjections: number;
}

export interface RunSummary {
  cohorts: EvaluationOutcome['cohorts'];
  excluded: EvaluationOutcome['excluded'];
  evaluated: number;
  /** Evaluated firms whose figures are unconfirmed, or flagged by the enterprise and unresolved. */
  dataQuality?: { unconfirmed: number; flagged: number };
  /** Milliseconds per phase of the run (read, score, write with COPY). */
  timings?: { readMs: number; scoreMs: number; writeMs: number };
}

const runOf = (r: Row): RunRow => ({
  id: Number(r.id),
  year: Number(r.year),
  version: Number(r.version),
  methodId: Number(r.method_id),
  methodKey: String(r.method_key),
  methodVersion: Number(r.method_version),
  methodName: String(r.method_name),
  status: r.status as RunStatus,
  reason: String(r.reason ?? ''),
  inputHash: String(r.input_hash),
  summary: r.summary as RunSummary,
  createdBy: num(r.created_by),
  createdAt: iso(r.created_at)!,
  noticeStartedAt: iso(r.notice_started_at),
  noticeEndsOn: r.notice_ends_on ? String(r.notice_ends_on).slice(0, 10) : null,
  publishedAt: iso(r.published_at),
  supersededBy: num(r.superseded_by),
  pendingObjections: Number(r.pending_objections ?? 0),
});

const RUN_SELECT = sql`select r.*, to_char(r.notice_ends_on, 'YYYY-MM-DD') as notice_ends_on,
  m.key as method_key, m.version as method_version, m.name as method_name,
  (select count(*)::int from evaluation_objections o where o.run_id = r.id and o.status = 'pending') as pending_objections
  from evaluation_runs r join evaluation_methods m on m.id = r.method_id`;

/** Runs an actor may see: enterprises only those whose notice has started. */
function runVisibility(scope: PlatformScope): SQL {
  return scope.kind === 'enterprise'
    ? sql`r.notice_started_at is not null`
    : scope.kind === 'none'
      ? sql`false`
      : sql`true`;
}

export async function listRuns(db: Db | Tx, scope: PlatformScope, year?: number): Promise<RunRow[]> {
  const where = year ? sql`r.year = ${year}` : sql`true`;
  return (
    await rowsOf(
      db,
      sql`${RUN_SELECT} where ${where} and ${runVisibility(scope)} order by r.year desc, r.version desc`,
    )
  ).map(runOf);
}

export async function findRun(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
  forUpdate = false,
): Promise<RunRow | null> {
  if (forUpdate) await db.execute(sql`select 1 from evaluation_runs where id = ${id} for update`);
  const rows = await rowsOf(db, sql`${RUN_SELECT} where r.id = ${id} and ${runVisibility(scope)}`);
  return rows[0] ? runOf(rows[0]) : null;
}

/** The run of a year that counts: the published one, else the newest in notice, else the newest. */
export async function currentRunId(db: Db | Tx, scope: PlatformScope, year: number): Promise<number | null> {
  const rows = await rowsOf(
    db,
    sql`select r.id from evaluation_runs r where r.year = ${year} and r.status <> 'superseded' and ${runVisibility(scope)}
      order by case r.status when 'published' then 0 when 'notice' then 1 else 2 end, r.version desc limit 1`,
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function insertRun(
  client: pg.PoolClient,
  run: {
    year: number;
    methodId: number;
    reason: string;
    inputHash: string;
    summary: RunSummary;
    createdBy: number | null;
  },
): Promise<{ id: number; version: number }> {
  await client.query('select pg_advisory_xact_lock(727410, $1)', [run.year]);
  const { rows } = await client.query<{ id: number; version: number }>(
    `insert into evaluation_runs (year, version, method_id, reason, input_hash, summary, created_by)
       select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5::jsonb, $6 from evaluation_runs where year = $1
     returning id, version`,
    [run.year, run.methodId, run.reason, run.inputHash, JSON.stringify(run.summary), run.createdBy],
  );
  return rows[0]!;
}

const RESULT_COLUMNS = [
  'run_id',
  'enterprise_id',
  'platform_id',
  'industry_class',
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
];

/** Writes a run's results with COPY, one row at a time as `results` produces them. */
export async function insertResults(
  client: pg.PoolClient,
  runId: number,
  results: Iterable<StoredResult>,
  meta: Map<number, FirmMeta>,
): Promise<number> {
  function* rows(): Generator<CopyValue[]> {
    for (const r of results) {
      const m = meta.get(r.enterpriseId)!;
      yield [
        runId,
        r.enterpriseId,
        m.platformId,
        m.industryClass,
        r.cohort,
        r.status,
        r.score,
        r.rank,
        r.cohortSize,
        r.topPercent,
        r.class,
        r.policyClass,
        r.landMu,
        r.tax,
        r.valueAdded,
        `{${r.flags}}`,
        r.surchargeYuan,
        r.reliefYuan,
        r.detail,
      ];
    }
  }
  return copyIterable(client, 'evaluation_results', RESULT_COLUMNS, rows());
}

export async function setRunStatus(
  tx: Db | Tx,
  id: number,
  status: RunStatus,
  extra: { noticeEndsOn?: string; publishedBy?: number | null; supersededBy?: number } = {},
) {
  await tx.execute(sql`update evaluation_runs set status = ${status},
      notice_started_at = case when ${status} = 'notice' then now() else notice_started_at end,
      notice_ends_on = coalesce(${extra.noticeEndsOn ?? null}::date, notice_ends_on),
      published_at = case when ${status} = 'published' then now() else published_at end,
      published_by = case when ${status} = 'published' then ${extra.publishedBy ?? null}::int else published_by end,
      superseded_by = coalesce(${extra.supersededBy ?? null}::int, superseded_by)
    where id = ${id}`);
}

export async function deleteRun(tx: Db | Tx, id: number) {
  await tx.execute(sql`delete from evaluation_results where run_id = ${id}`);
  await tx.execute(sql`delete from evaluation_runs where id = ${id}`);
}

/** Runs of the year other than `id` in the given statuses. */
export async function otherRuns(tx: Db | Tx, year: number, id: number, statuses: RunStatus[]) {
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

// ---------------------------------------------------------------------------------------------
// Results

/** Results an actor may see (platform admins: results of their platform; enterprises: their own). */
export function resultScopeSql(scope: PlatformScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'platform':
      return sql`res.platform_id = ${scope.platformId}`;
    case 'enterprise':
      return sql`res.enterprise_id = ${scope.enterpriseId}`;
    case 'none':
      return sql`false`;
  }
}

export interface ResultQuery {
  cohort?: string;
  platformId?: number;
  class?: string;
  industry?: string;
  keyword?: string;
  sort: 'rank' | 'score' | 'name' | 'taxPerMu';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface ResultRow {
  enterpriseId: number;
  uscc: string;
  name: string;
  platformId: number;
  platformName: string;
  industryClass: string | null;
  keyIndustry: string | null;
  cohort: string;
  status: 'rated' | 'unrated' | 'merged';
  score: number | null;
  rank: number | null;
  cohortSize: number;
  topPercent: number | null;
  class: string | null;
  policyClass: string | null;
  landMu: number | null;
  tax: number | null;
  valueAdded: number | null;
  taxPerMu: number | null;
  flags: string[];
  surchargeYuan: number | null;
  reliefYuan: number | null;
}

const resultOf = (r: Row): ResultRow => ({
  enterpriseId: Number(r.enterprise_id),
  uscc: String(r.uscc),
  name: String(r.name),
  platformId: Number(r.platform_id),
  platformName: String(r.platform_name),
  industryClass: (r.industry_class as string | null) ?? null,
  keyIndustry: (r.key_industry as string | null) ?? null,
  cohort: String(r.cohort),
  status: r.status as ResultRow['status'],
  score: num(r.score),
  rank: num(r.rank),
  cohortSize: Number(r.cohort_size),
  topPercent: num(r.top_percent),
  class: (r.class as string | null) ?? null,
  policyClass: (r.policy_class as string | null) ?? null,
  landMu: num(r.land_mu),
  tax: num(r.tax),
  valueAdded: num(r.value_added),
  taxPerMu: num(r.tax_per_mu),
  flags: (r.flags as string[] | null) ?? [],
  surchargeYuan: num(r.surcharge_yuan),
  reliefYuan: num(r.relief_yuan),
});

const RESULT_SELECT = sql`select res.enterprise_id, e.uscc, e.name, res.platform_id, p.name as platform_name,
  res.industry_class, m.industry_code as key_industry, res.cohort, res.status, res.score, res.rank, res.cohort_size,
  res.top_percent, res.class, res.policy_class, res.land_mu, res.tax, res.value_added,
  case when res.land_mu > 0 then res.tax / res.land_mu end as tax_per_mu, res.flags, res.surcharge_yuan, res.relief_yuan
  from evaluation_results res
  join enterprises e on e.id = res.enterprise_id
  join platforms p on p.id = res.platform_id
  left join industry_class_mapping m on m.class_code = res.industry_class`;

function resultFilter(runId: number, scope: PlatformScope, q: Partial<ResultQuery>): SQL {
  const parts: SQL[] = [sql`res.run_id = ${runId}`, resultScopeSql(scope)];
  if (q.cohort) parts.push(sql`res.cohort = ${q.cohort}`);
  if (q.platformId) parts.push(sql`res.platform_id = ${q.platformId}`);
  if (q.class) parts.push(q.class === '-' ? sql`res.class is null` : sql`res.class = ${q.class}`);
  if (q.industry) parts.push(sql`m.industry_code = ${q.industry}`);
  if (q.keyword?.trim()) {
    const k = q.keyword.trim();
    parts.push(
      sql`(e.name ilike ${`%${escapeLike(k)}%`} or e.uscc ilike ${`${escapeLike(k.toUpperCase())}%`} or e.name_initials like ${`%${escapeLike(k.toLowerCase())}%`})`,
    );
  }
  return sql.join(parts, sql` and `);
}

export async function listResults(
  db: Db | Tx,
  runId: number,
  scope: PlatformScope,
  cohortOrder: string[],
  q: ResultQuery,
) {
  const where = resultFilter(runId, scope, q);
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const cohortPos = sql`array_position(${sql.param(cohortOrder)}::text[], res.cohort)`;
  const orderBy =
    q.sort === 'score'
      ? sql`res.score ${dir} nulls last, res.enterprise_id`
      : q.sort === 'name'
        ? sql`e.name ${dir}, res.enterprise_id`
        : q.sort === 'taxPerMu'
          ? sql`tax_per_mu ${dir} nulls last, res.enterprise_id`
          : sql`${cohortPos}, res.rank ${dir} nulls last, res.score desc nulls last, res.enterprise_id`;
  const [items, total] = await Promise.all([
    rowsOf(
      db,
      sql`${RESULT_SELECT} where ${where} order by ${orderBy} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rowsOf(
      db,
      sql`select count(*)::int as n from evaluation_results res
      join enterprises e on e.id = res.enterprise_id
      left join industry_class_mapping m on m.class_code = res.industry_class where ${where}`,
    ),
  ]);
  return { items: items.map(resultOf), total: Number(total[0]!.n), page: q.page, pageSize: q.pageSize };
}

export async function findResult(db: Db | Tx, runId: number, scope: PlatformScope, enterpriseId: number) {
  const rows = await rowsOf(
    db,
    sql`${RESULT_SELECT} where res.run_id = ${runId} and res.enterprise_id = ${enterpriseId} and ${resultScopeSql(scope)}`,
  );
  const r = rows[0];
  if (!r) return null;
  const detail = await rowsOf(
    db,
    sql`select detail from evaluation_results where run_id = ${runId} and enterprise_id = ${enterpriseId}`,
  );
  return { ...resultOf(r), detail: detail[0]!.detail };
}

/** An enterprise's class per year: the result of each year's current visible run. */
export async function classHistory(db: Db | Tx, enterpriseId: number, visibleOnly: boolean) {
  const rows = await rowsOf(
    db,
    sql`select distinct on (r.year) r.year, r.id as run_id, r.status, res.score, res.class, res.policy_class, res.rank, res.cohort_size
      from evaluation_results res join evaluation_runs r on r.id = res.run_id
      where res.enterprise_id = ${enterpriseId} and r.status <> 'superseded'
        and ${visibleOnly ? sql`r.notice_started_at is not null` : sql`true`}
      order by r.year, case r.status when 'published' then 0 when 'notice' then 1 else 2 end, r.version desc`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    runId: Number(r.run_id),
    status: r.status as RunStatus,
    score: num(r.score),
    class: (r.class as string | null) ?? null,
    policyClass: (r.policy_class as string | null) ?? null,
    rank: num(r.rank),
    cohortSize: Number(r.cohort_size),
  }));
}

/** Scores of a run's rated firms per cohort (for the histogram). */
export async function scoresByCohort(db: Db | Tx, runId: number, scope: PlatformScope, platformId?: number) {
  const rows = await rowsOf(
    db,
    sql`select res.cohort, array_agg(res.score::float8 order by res.score) as scores from evaluation_results res
      where res.run_id = ${runId} and res.status = 'rated' and ${resultScopeSql(scope)}
        and ${platformId ? sql`res.platform_id = ${platformId}` : sql`true`}
      group by res.cohort`,
  );
  return new Map(rows.map((r) => [String(r.cohort), (r.scores as number[]) ?? []]));
}

// ---------------------------------------------------------------------------------------------
// Roll-ups

export interface RollupRow {
  platformId: number | null;
  platformName: string | null;
  evaluated: number;
  classCounts: Record<string, number>;
  landMu: number;
  tax: number;
  valueAdded: number;
  taxPerMu: number | null;
  valueAddedPerMu: number | null;
  shareAB: number | null;
}

/**
 * Per platform and for everything in scope (platformId null): class counts, and Σ tax, Σ value
 * added ÷ Σ land over the evaluated firms (merged tenants count through their landholder).
 * `topClasses` are the classes whose share is reported (A and B in the usual scheme).
 */
export async function rollup(
  db: Db | Tx,
  runId: number,
  scope: PlatformScope,
  topClasses: readonly string[],
): Promise<RollupRow[]> {
  const rows = await rowsOf(
    db,
    sql`select res.platform_id, p.name as platform_name, res.class, count(*)::int as n,
        coalesce(sum(res.land_mu), 0)::float8 as land, coalesce(sum(res.tax), 0)::float8 as tax,
        coalesce(sum(res.value_added), 0)::float8 as value_added
      from evaluation_results res join platforms p on p.id = res.platform_id
      where res.run_id = ${runId} and res.status <> 'merged' and ${resultScopeSql(scope)}
      group by res.platform_id, p.name, res.class
      order by res.platform_id, res.class`,
  );
  const empty = (platformId: number | null, platformName: string | null) => ({
    platformId,
    platformName,
    evaluated: 0,
    classCounts: {} as Record<string, number>,
    landMu: 0,
    tax: 0,
    valueAdded: 0,
    classed: 0,
    top: 0,
  });
  const city = empty(null, null);
  const byPlatform = new Map<number, ReturnType<typeof empty>>();
  for (const r of rows) {
    const id = Number(r.platform_id);
    const p = byPlatform.get(id) ?? empty(id, String(r.platform_name));
    byPlatform.set(id, p);
    for (const acc of [p, city]) {
      const n = Number(r.n);
      acc.evaluated += n;
      acc.landMu += Number(r.land);
      acc.tax += Number(r.tax);
      acc.valueAdded += Number(r.value_added);
      if (r.class !== null) {
        const c = String(r.class);
        acc.classCounts[c] = (acc.classCounts[c] ?? 0) + n;
        acc.classed += n;
        if (topClasses.includes(c)) acc.top += n;
      }
    }
  }
  return [...byPlatform.values(), city].map(({ classed, top, ...a }) => ({
    ...a,
    taxPerMu: a.landMu > 0 ? a.tax / a.landMu : null,
    valueAddedPerMu: a.landMu > 0 ? a.valueAdded / a.landMu : null,
    shareAB: classed > 0 ? top / classed : null,
  }));
}

export interface LowEfficiencyQuery {
  /** Tax per mu below this (万元/亩) makes a candidate, besides the worst class. */
  taxPerMuFloor: number;
  worstClass: string;
  platformId?: number;
}

/** 低效用地 candidates (domain guide §5.7): the worst class, or tax per mu below the floor. */
export async function lowEfficiency(db: Db | Tx, runId: number, scope: PlatformScope, q: LowEfficiencyQuery) {
  const where = sql`res.run_id = ${runId} and ${resultScopeSql(scope)} and res.status <> 'merged' and res.land_mu > 0
    and ${q.platformId ? sql`res.platform_id = ${q.platformId}` : sql`true`}
    and (res.class = ${q.worstClass} or res.tax / res.land_mu < ${q.taxPerMuFloor})`;
  const rows = await rowsOf(
    db,
    sql`${RESULT_SELECT} where ${where} order by tax_per_mu asc nulls first, res.enterprise_id`,
  );
  const items = rows.map((r) => ({
    ...resultOf(r),
    reasons: [
      ...(r.class === q.worstClass ? ['class'] : []),
      ...(num(r.tax_per_mu) !== null && num(r.tax_per_mu)! < q.taxPerMuFloor ? ['tax_per_mu'] : []),
    ],
  }));
  return { items, landMu: items.reduce((s, i) => s + (i.landMu ?? 0), 0) };
}

// ---------------------------------------------------------------------------------------------
// Objections

export interface ObjectionRow {
  id: number;
  runId: number;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  filedBy: number;
  filedAt: string;
  decisionReason: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

const objectionOf = (r: Row): ObjectionRow => ({
  id: Number(r.id),
  runId: Number(r.run_id),
  enterpriseId: Number(r.enterprise_id),
  enterpriseName: String(r.enterprise_name),
  uscc: String(r.uscc),
  reason: String(r.reason),
  status: r.status as ObjectionRow['status'],
  filedBy: Number(r.filed_by),
  filedAt: iso(r.filed_at)!,
  decisionReason: (r.decision_reason as string | null) ?? null,
  decidedBy: num(r.decided_by),
  decidedAt: iso(r.decided_at),
});

const OBJECTION_SELECT = sql`select o.*, e.name as enterprise_name, e.uscc from evaluation_objections o
  join enterprises e on e.id = o.enterprise_id`;

export async function listObjections(db: Db | Tx, runId: number, scope: PlatformScope) {
  const scoped =
    scope.kind === 'enterprise'
      ? sql`o.enterprise_id = ${scope.enterpriseId}`
      : scope.kind === 'platform'
        ? sql`e.platform_id = ${scope.platformId}`
        : scope.kind === 'all'
          ? sql`true`
          : sql`false`;
  return (
    await rowsOf(
      db,
      sql`${OBJECTION_SELECT} where o.run_id = ${runId} and ${scoped} order by o.filed_at, o.id`,
    )
  ).map(objectionOf);
}

export async function findObjection(db: Db | Tx, id: number, forUpdate = false) {
  const rows = await rowsOf(
    db,
    sql`${OBJECTION_SELECT} where o.id = ${id} ${forUpdate ? sql`for update of o` : sql``}`,
  );
  return rows[0] ? objectionOf(rows[0]) : null;
}

export async function pendingObjectionOf(db: Db | Tx, runId: number, enterpriseId: number) {
  const rows = await rowsOf(
    db,
    sql`select id from evaluation_objections where run_id = ${runId} and enterprise_id = ${enterpriseId} and status = 'pending'`,
  );
  return rows.length > 0;
}

export async function insertObjection(
  db: Db | Tx,
  o: { runId: number; enterpriseId: number; reason: string; filedBy: number },
) {
  const rows = await rowsOf(
    db,
    sql`insert into evaluation_objections (run_id, enterprise_id, reason, filed_by)
      values (${o.runId}, ${o.enterpriseId}, ${o.reason}, ${o.filedBy}) returning id`,
  );
  return Number(rows[0]!.id);
}

export async function decideObjection(
  db: Db | Tx,
  id: number,
  d: { status: 'accepted' | 'rejected'; reason: string; decidedBy: number },
) {
  await db.execute(sql`update evaluation_objections set status = ${d.status}, decision_reason = ${d.reason},
    decided_by = ${d.decidedBy}, decided_at = now() where id = ${id}`);
}

/** Every result of a run with its items, in enterprise order (keyset batches), for the CLI. */
export async function* iterateResultItems(db: Db | Tx, runId: number, batch = 5000) {
  let after = 0;
  for (;;) {
    const rows = await rowsOf(
      db,
      sql`select res.enterprise_id, e.uscc, e.name, res.platform_id, res.cohort, res.status, res.score, res.rank,
          res.cohort_size, res.class, res.policy_class, res.detail, res.flags
        from evaluation_results res join enterprises e on e.id = res.enterprise_id
        where res.run_id = ${runId} and res.enterprise_id > ${after}
        order by res.enterprise_id limit ${batch}`,
    );
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.enterprise_id);
    yield rows.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      uscc: String(r.uscc),
      name: String(r.name),
      platformId: Number(r.platform_id),
      cohort: String(r.cohort),
      status: String(r.status),
      score: num(r.score),
      rank: num(r.rank),
      cohortSize: Number(r.cohort_size),
      class: (r.class as string | null) ?? null,
      policyClass: (r.policy_class as string | null) ?? null,
      detail: r.detail,
      flags: r.flags as string[],
    }));
    if (rows.length < batch) return;
  }
}
