/** Chain-leader queries: the year's candidates and leaders, the decision trail, the label. */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { ChainLeaderDecision, TrailItem, TrailQuery } from './chain-leaders.schemas';
import { CHAIN_LEADER_OUTPUT, yearEnd, type Decision } from './core/rules';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => new Date(v as string | Date).toISOString();
/** `date` columns come back as text (YYYY-MM-DD) or as a Date at local midnight. */
const day = (v: unknown) => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  return String(v).slice(0, 10);
};

/** Scope as a condition on the alias `e` (enterprises). */
const enterpriseInScopeSql = (scope: PlatformScope) =>
  scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` });

async function rowsOf(db: Db | Tx, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db.execute<Row>(query)).rows;
}

type DecisionRow = ChainLeaderDecision;

const decisionOf = (r: Row): DecisionRow => ({
  id: Number(r.id),
  enterpriseId: Number(r.enterprise_id),
  year: Number(r.year),
  decision: r.decision as Decision,
  reason: String(r.reason),
  decidedBy: num(r.decided_by),
  decidedByName: String(r.decided_by_name ?? ''),
  decidedAt: iso(r.decided_at),
});

/** Years that have enterprise figures, oldest first. */
export async function yearsWithFigures(db: Db | Tx): Promise<number[]> {
  const rows = await rowsOf(db, sql`select distinct year from enterprise_years order by year`);
  return rows.map((r) => Number(r.year));
}

export interface YearRow {
  enterpriseId: number;
  name: string;
  nameInitials: string;
  uscc: string;
  platformId: number;
  platformName: string;
  platformNameEn: string;
  industryClass: string | null;
  keyIndustry: string | null;
  output: number | null;
  /** The label counts for the year. */
  labelled: boolean;
  grantedOn: string | null;
}

/**
 * Enterprises in scope that are candidates of the year (output ≥ the line) or hold the label for
 * the year, with their figures of the year. One enterprise per row.
 */
export async function yearRows(db: Db | Tx, scope: PlatformScope, year: number): Promise<YearRow[]> {
  const rows = await rowsOf(
    db,
    sql`with ids as (
        select enterprise_id from enterprise_years where year = ${year} and output >= ${CHAIN_LEADER_OUTPUT}
        union
        select enterprise_id from enterprise_labels
         where label = 'chain_leader' and (granted_on is null or granted_on <= ${yearEnd(year)}::date)
      )
      select e.id, e.name, e.name_initials, e.uscc, e.platform_id, p.name as platform_name,
        p.name_en as platform_name_en, e.industry_class, m.industry_code as key_industry, y.output,
        l.enterprise_id is not null as labelled, l.granted_on::text as granted_on
      from ids
      join enterprises e on e.id = ids.enterprise_id
      join platforms p on p.id = e.platform_id
      left join industry_class_mapping m on m.class_code = e.industry_class
      left join enterprise_years y on y.enterprise_id = e.id and y.year = ${year}
      left join enterprise_labels l on l.enterprise_id = e.id and l.label = 'chain_leader'
        and (l.granted_on is null or l.granted_on <= ${yearEnd(year)}::date)
      where ${enterpriseInScopeSql(scope)}
      order by y.output desc nulls last, e.id`,
  );
  return rows.map((r) => ({
    enterpriseId: Number(r.id),
    name: String(r.name),
    nameInitials: String(r.name_initials ?? ''),
    uscc: String(r.uscc),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    platformNameEn: String(r.platform_name_en ?? ''),
    industryClass: str(r.industry_class),
    keyIndustry: str(r.key_industry),
    output: num(r.output),
    labelled: Boolean(r.labelled),
    grantedOn: day(r.granted_on),
  }));
}

/**
 * The latest decision of each enterprise: the latest one for `year` if there is one, otherwise
 * its latest decision of any year (shown for context; only the year's decisions set the status).
 */
export async function latestDecisions(
  db: Db | Tx,
  enterpriseIds: number[],
  year: number,
): Promise<Map<number, DecisionRow>> {
  if (!enterpriseIds.length) return new Map();
  const rows = await rowsOf(
    db,
    sql`select distinct on (enterprise_id) id, enterprise_id, year, decision, reason, decided_by,
        decided_by_name, decided_at
      from chain_leader_decisions
      where enterprise_id = any(${sql.param(enterpriseIds)}::int[])
      order by enterprise_id, (year = ${year}) desc, decided_at desc, id desc`,
  );
  return new Map(rows.map((r) => [Number(r.enterprise_id), decisionOf(r)]));
}

/** Decisions, newest first, of enterprises in scope (at most `limit`). */
export async function decisionTrail(
  db: Db | Tx,
  scope: PlatformScope,
  q: TrailQuery & { limit: number },
): Promise<TrailItem[]> {
  const rows = await rowsOf(
    db,
    sql`select d.id, d.enterprise_id, d.year, d.decision, d.reason, d.decided_by, d.decided_by_name,
        d.decided_at, e.name as enterprise_name, e.uscc, e.platform_id, p.name as platform_name
      from chain_leader_decisions d
      join enterprises e on e.id = d.enterprise_id
      join platforms p on p.id = e.platform_id
      where ${enterpriseInScopeSql(scope)}
        and ${q.enterpriseId ? sql`d.enterprise_id = ${q.enterpriseId}` : sql`true`}
        and ${q.year ? sql`d.year = ${q.year}` : sql`true`}
      order by d.decided_at desc, d.id desc
      limit ${q.limit}`,
  );
  return rows.map((r) => ({
    ...decisionOf(r),
    enterpriseName: String(r.enterprise_name),
    uscc: String(r.uscc),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
  }));
}

/** Whether the enterprise exists and the scope includes it. */
export async function enterpriseInScope(db: Db | Tx, scope: PlatformScope, id: number): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`select 1 from enterprises e where e.id = ${id} and ${enterpriseInScopeSql(scope)}`,
  );
  return rows.length > 0;
}

/**
 * Locks the enterprise (decisions on one enterprise run one after another) and returns its output
 * of the year and its label (any grant date); null when it is not in scope.
 */
export async function lockForDecision(tx: Tx, scope: PlatformScope, id: number, year: number) {
  const rows = await rowsOf(
    tx,
    sql`select e.id, e.name, e.platform_id, y.output,
        l.enterprise_id is not null as has_label, l.granted_on::text as granted_on
      from enterprises e
      left join enterprise_years y on y.enterprise_id = e.id and y.year = ${year}
      left join enterprise_labels l on l.enterprise_id = e.id and l.label = 'chain_leader'
      where e.id = ${id} and ${enterpriseInScopeSql(scope)}
      for update of e`,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    name: String(r.name),
    platformId: Number(r.platform_id),
    output: num(r.output),
    label: r.has_label ? { grantedOn: day(r.granted_on) } : null,
  };
}

export async function insertDecision(
  tx: Tx,
  d: Omit<DecisionRow, 'id' | 'decidedAt'> & { decidedAt: Date | null },
): Promise<DecisionRow> {
  const rows = await rowsOf(
    tx,
    sql`insert into chain_leader_decisions (enterprise_id, year, decision, reason, decided_by, decided_by_name, decided_at)
      values (${d.enterpriseId}, ${d.year}, ${d.decision}, ${d.reason}, ${d.decidedBy}, ${d.decidedByName},
        coalesce(${d.decidedAt ? d.decidedAt.toISOString() : null}::timestamptz, now()))
      returning id, enterprise_id, year, decision, reason, decided_by, decided_by_name, decided_at`,
  );
  return decisionOf(rows[0]!);
}

/** A label change is a change of the enterprise record: its version is bumped (edits check it). */
async function bumpEnterprise(tx: Tx, enterpriseId: number): Promise<void> {
  await tx.execute(
    sql`update enterprises set version = version + 1, updated_at = now() where id = ${enterpriseId}`,
  );
}

export async function upsertLabel(tx: Tx, enterpriseId: number, grantedOn: string | null): Promise<void> {
  await tx.execute(
    sql`insert into enterprise_labels (enterprise_id, label, granted_on)
      values (${enterpriseId}, 'chain_leader', ${grantedOn}::date)
      on conflict (enterprise_id, label) do update set granted_on = excluded.granted_on`,
  );
  await bumpEnterprise(tx, enterpriseId);
}

export async function deleteLabel(tx: Tx, enterpriseId: number): Promise<void> {
  await tx.execute(
    sql`delete from enterprise_labels where enterprise_id = ${enterpriseId} and label = 'chain_leader'`,
  );
  await bumpEnterprise(tx, enterpriseId);
}

export async function displayNameOf(tx: Tx, userId: number): Promise<string | null> {
  const rows = await rowsOf(tx, sql`select display_name from users where id = ${userId}`);
  return str(rows[0]?.display_name);
}

/** Platforms in scope, archived ones flagged. */
export async function platformsInScope(db: Db | Tx, scope: PlatformScope) {
  const rows = await rowsOf(
    db,
    sql`select p.id, p.name, p.name_en, p.archived_at is not null as archived from platforms p
      where ${scopeSql(scope, { platformId: sql`p.id` })} order by p.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    nameEn: String(r.name_en ?? ''),
    archived: Boolean(r.archived),
  }));
}

export async function industryList(db: Db | Tx) {
  const rows = await rowsOf(
    db,
    sql`select code, name_zh, name_en, is_key from industries order by sort, code`,
  );
  return rows.map((r) => ({
    code: String(r.code),
    nameZh: String(r.name_zh),
    nameEn: String(r.name_en),
    isKey: Boolean(r.is_key),
  }));
}
