/** SQL of evaluation results: scoped lists, one result, class history, histograms, roll-ups. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client';
import { scopeSql } from '../../../platform/db/scope-sql';
import type { PlatformScope } from '../../../platform/scope';
import type { RunStatus } from '../runs/core/workflow';
import type { RollupGroup } from './core/analysis';
import type { HistoryItem, Result, ResultQuery } from './results.schemas';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const rowsOf = async (db: Db | Tx, query: SQL) => (await db.execute(query)).rows as Row[];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Results an actor may see (platform admins: results of their platform; enterprises: their own). */
const scoped = (scope: PlatformScope) =>
  scopeSql(scope, { platformId: sql`res.platform_id`, enterpriseId: sql`res.enterprise_id` });

const resultOf = (r: Row): Result => ({
  enterpriseId: Number(r.enterprise_id),
  uscc: String(r.uscc),
  name: String(r.name),
  platformId: Number(r.platform_id),
  platformName: String(r.platform_name),
  industryClass: (r.industry_class as string | null) ?? null,
  keyIndustry: (r.key_industry as string | null) ?? null,
  cohort: String(r.cohort),
  status: r.status as Result['status'],
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
  const parts: SQL[] = [sql`res.run_id = ${runId}`, scoped(scope)];
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

function resultOrder(q: ResultQuery, cohortOrder: string[]): SQL {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const cohortPos = sql`array_position(${sql.param(cohortOrder)}::text[], res.cohort)`;
  return q.sort === 'score'
    ? sql`res.score ${dir} nulls last, res.enterprise_id`
    : q.sort === 'name'
      ? sql`e.name ${dir}, res.enterprise_id`
      : q.sort === 'taxPerMu'
        ? sql`tax_per_mu ${dir} nulls last, res.enterprise_id`
        : sql`${cohortPos}, res.rank ${dir} nulls last, res.score desc nulls last, res.enterprise_id`;
}

/** A page of a run's results in scope; `cohortOrder` orders the cohorts of a rank listing. */
export async function listResults(
  db: Db | Tx,
  runId: number,
  scope: PlatformScope,
  cohortOrder: string[],
  q: ResultQuery,
) {
  const where = resultFilter(runId, scope, q);
  const [items, total] = await Promise.all([
    rowsOf(
      db,
      sql`${RESULT_SELECT} where ${where} order by ${resultOrder(q, cohortOrder)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
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

/** One enterprise's result in a run, in scope, with its stored detail. */
export async function findResult(db: Db | Tx, runId: number, scope: PlatformScope, enterpriseId: number) {
  const rows = await rowsOf(
    db,
    sql`${RESULT_SELECT} where res.run_id = ${runId} and res.enterprise_id = ${enterpriseId} and ${scoped(scope)}`,
  );
  const r = rows[0];
  if (!r) return null;
  const detail = await rowsOf(
    db,
    sql`select detail from evaluation_results where run_id = ${runId} and enterprise_id = ${enterpriseId}`,
  );
  return { ...resultOf(r), detail: detail[0]!.detail };
}

/** An enterprise's class per year: the result of each year's current (visible) run. */
export async function classHistory(
  db: Db | Tx,
  enterpriseId: number,
  noticedOnly: boolean,
): Promise<HistoryItem[]> {
  const rows = await rowsOf(
    db,
    sql`select distinct on (r.year) r.year, r.id as run_id, r.status, res.score, res.class, res.policy_class, res.rank, res.cohort_size
      from evaluation_results res join evaluation_runs r on r.id = res.run_id
      where res.enterprise_id = ${enterpriseId} and r.status <> 'superseded'
        and ${noticedOnly ? sql`r.notice_started_at is not null` : sql`true`}
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

/** Scores of a run's rated firms per cohort, ascending (for the histogram). */
export async function scoresByCohort(
  db: Db | Tx,
  runId: number,
  scope: PlatformScope,
  platformId?: number,
): Promise<Map<string, number[]>> {
  const rows = await rowsOf(
    db,
    sql`select res.cohort, array_agg(res.score::float8 order by res.score) as scores from evaluation_results res
      where res.run_id = ${runId} and res.status = 'rated' and ${scoped(scope)}
        and ${platformId ? sql`res.platform_id = ${platformId}` : sql`true`}
      group by res.cohort`,
  );
  return new Map(rows.map((r) => [String(r.cohort), (r.scores as number[]) ?? []]));
}

/** Evaluated firms per platform and class, with Σ land, tax, value added (merged tenants count through their landholder). */
export async function rollupGroups(db: Db | Tx, runId: number, scope: PlatformScope): Promise<RollupGroup[]> {
  const rows = await rowsOf(
    db,
    sql`select res.platform_id, p.name as platform_name, res.class, count(*)::int as n,
        coalesce(sum(res.land_mu), 0)::float8 as land, coalesce(sum(res.tax), 0)::float8 as tax,
        coalesce(sum(res.value_added), 0)::float8 as value_added
      from evaluation_results res join platforms p on p.id = res.platform_id
      where res.run_id = ${runId} and res.status <> 'merged' and ${scoped(scope)}
      group by res.platform_id, p.name, res.class
      order by res.platform_id, res.class`,
  );
  return rows.map((r) => ({
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    class: r.class === null ? null : String(r.class),
    firms: Number(r.n),
    landMu: Number(r.land),
    tax: Number(r.tax),
    valueAdded: Number(r.value_added),
  }));
}

/** 低效用地 candidates (domain guide §5.7): the worst class, or tax per mu below the floor. */
export async function lowEfficiency(
  db: Db | Tx,
  runId: number,
  scope: PlatformScope,
  q: { taxPerMuFloor: number; worstClass: string; platformId?: number },
): Promise<Result[]> {
  const where = sql`res.run_id = ${runId} and ${scoped(scope)} and res.status <> 'merged' and res.land_mu > 0
    and ${q.platformId ? sql`res.platform_id = ${q.platformId}` : sql`true`}
    and (res.class = ${q.worstClass} or res.tax / res.land_mu < ${q.taxPerMuFloor})`;
  const rows = await rowsOf(
    db,
    sql`${RESULT_SELECT} where ${where} order by tax_per_mu asc nulls first, res.enterprise_id`,
  );
  return rows.map(resultOf);
}

/** Every result of a run with its stored detail, in enterprise order (keyset batches), for the CLI. */
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
