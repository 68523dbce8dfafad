/** Commissioner assignments: the current one per enterprise, the history, set-based changes. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { Scale } from '../enterprises/core/codes';
import type {
  AssignmentFilter,
  AssignmentList,
  AssignmentListQuery,
  Commissioner,
  HistoryItem,
} from './commissioners.schemas';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** `date` columns come back as text (YYYY-MM-DD) or as a Date at local midnight. */
const day = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  return String(v).slice(0, 10);
};

async function rowsOf(db: Db | Tx, query: SQL): Promise<Row[]> {
  return (await db.execute<Row>(query)).rows;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filter (and the actor's scope) as a condition on `e` (enterprises) and `ca` (current). */
function filterSql(scope: PlatformScope, f: AssignmentFilter): SQL {
  const parts: SQL[] = [scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` })];
  const k = f.keyword?.trim();
  if (k) {
    parts.push(
      sql`(e.name ilike ${`%${escapeLike(k)}%`} or e.uscc ilike ${`${escapeLike(k.toUpperCase())}%`} or e.name_initials like ${`%${escapeLike(k.toLowerCase())}%`})`,
    );
  }
  if (f.platformId) parts.push(sql`e.platform_id = ${f.platformId}`);
  if (f.industryClass) parts.push(sql`e.industry_class like ${`${escapeLike(f.industryClass)}%`}`);
  if (f.scale) parts.push(sql`e.scale = ${f.scale}`);
  if (f.commissionerUserId) parts.push(sql`ca.commissioner_user_id = ${f.commissionerUserId}`);
  if (f.unassigned) parts.push(sql`ca.id is null`);
  return sql.join(parts, sql` and `);
}

const FROM = sql`from enterprises e
  join platforms p on p.id = e.platform_id
  left join commissioner_assignments ca on ca.enterprise_id = e.id and ca.ended_on is null
  left join users u on u.id = ca.commissioner_user_id`;

export async function listAssignments(
  db: Db | Tx,
  scope: PlatformScope,
  q: AssignmentListQuery & { page: number; pageSize: number },
): Promise<AssignmentList> {
  const rows = await rowsOf(
    db,
    sql`select e.id, e.name, e.uscc, e.platform_id, p.name as platform_name, e.industry_class, e.scale,
          ca.id as assignment_id, ca.commissioner_user_id, u.display_name, u.username, ca.started_on,
          count(*) over () as total
        ${FROM} where ${filterSql(scope, q)}
        order by e.platform_id, e.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const total = rows.length
    ? Number(rows[0]!.total)
    : Number((await rowsOf(db, sql`select count(*) as n ${FROM} where ${filterSql(scope, q)}`))[0]!.n);
  return {
    items: rows.map((r) => ({
      enterpriseId: Number(r.id),
      name: String(r.name),
      uscc: String(r.uscc),
      platformId: Number(r.platform_id),
      platformName: String(r.platform_name),
      industryClass: str(r.industry_class),
      scale: r.scale as Scale,
      current:
        r.assignment_id === null
          ? null
          : {
              id: Number(r.assignment_id),
              commissionerUserId: Number(r.commissioner_user_id),
              commissionerName: String(r.display_name),
              commissionerUsername: String(r.username),
              startedOn: day(r.started_on)!,
            },
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every enterprise in scope matching the filter, with its current commissioner (or null). */
export async function matchingEnterprises(
  db: Db | Tx,
  scope: PlatformScope,
  f: AssignmentFilter,
): Promise<{ enterpriseId: number; commissionerUserId: number | null }[]> {
  const rows = await rowsOf(
    db,
    sql`select e.id, ca.commissioner_user_id ${FROM} where ${filterSql(scope, f)} order by e.id`,
  );
  return rows.map((r) => ({ enterpriseId: Number(r.id), commissionerUserId: num(r.commissioner_user_id) }));
}

/** Export rows: the enterprises in scope matching the filter with their commissioner's account. */
export async function exportRows(
  db: Db | Tx,
  scope: PlatformScope,
  f: AssignmentFilter,
): Promise<
  {
    uscc: string;
    name: string;
    platformName: string;
    username: string;
    displayName: string;
    startedOn: string | null;
  }[]
> {
  const rows = await rowsOf(
    db,
    sql`select e.uscc, e.name, p.name as platform_name, u.username, u.display_name, ca.started_on
        ${FROM} where ${filterSql(scope, f)} order by e.platform_id, e.id limit 200000`,
  );
  return rows.map((r) => ({
    uscc: String(r.uscc),
    name: String(r.name),
    platformName: String(r.platform_name),
    username: str(r.username) ?? '',
    displayName: str(r.display_name) ?? '',
    startedOn: day(r.started_on),
  }));
}

/** Commissioner accounts, of one platform or (null) all, with their current number of enterprises. */
export async function commissioners(db: Db | Tx, platformId: number | null): Promise<Commissioner[]> {
  const rows = await rowsOf(
    db,
    sql`select u.id, u.username, u.display_name, u.platform_id, p.name as platform_name, u.disabled_at,
          (select count(*) from commissioner_assignments ca where ca.commissioner_user_id = u.id and ca.ended_on is null) as assigned
        from users u left join platforms p on p.id = u.platform_id
        where u.role = 'commissioner' ${platformId === null ? sql`` : sql`and u.platform_id = ${platformId}`}
        order by u.platform_id nulls first, u.id`,
  );
  return rows.map((r) => ({
    userId: Number(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    platformId: num(r.platform_id),
    platformName: str(r.platform_name),
    disabled: r.disabled_at !== null,
    assigned: Number(r.assigned),
  }));
}

export interface CommissionerAccount {
  id: number;
  username: string;
  platformId: number | null;
  active: boolean;
}

/** Commissioner accounts by id or by username (lower case), whatever their state. */
export async function commissionerAccounts(
  db: Db | Tx,
  by: { ids?: number[]; usernames?: string[] },
): Promise<CommissionerAccount[]> {
  const cond = by.ids
    ? sql`u.id = any(${sql.param(by.ids)}::int[])`
    : sql`lower(u.username) = any(${sql.param((by.usernames ?? []).map((u) => u.toLowerCase()))}::text[])`;
  const rows = await rowsOf(
    db,
    sql`select u.id, u.username, u.platform_id, u.disabled_at from users u where u.role = 'commissioner' and ${cond}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    username: String(r.username),
    platformId: num(r.platform_id),
    active: r.disabled_at === null,
  }));
}

/** The enterprises in scope among the USCCs: USCC → id and platform. */
export async function enterprisesByUscc(
  db: Db | Tx,
  scope: PlatformScope,
  usccs: string[],
): Promise<Map<string, { id: number; platformId: number }>> {
  const rows = await rowsOf(
    db,
    sql`select e.id, e.uscc, e.platform_id from enterprises e
        where e.uscc = any(${sql.param(usccs)}::text[])
          and ${scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` })}`,
  );
  return new Map(rows.map((r) => [String(r.uscc), { id: Number(r.id), platformId: Number(r.platform_id) }]));
}

/** The enterprise in scope, locked against concurrent assignment; null when out of scope or missing. */
export async function lockEnterprise(
  tx: Tx,
  scope: PlatformScope,
  id: number,
): Promise<{ id: number; platformId: number } | null> {
  const rows = await rowsOf(
    tx,
    sql`select e.id, e.platform_id from enterprises e
        where e.id = ${id} and ${scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` })}
        for update of e`,
  );
  return rows[0] ? { id: Number(rows[0].id), platformId: Number(rows[0].platform_id) } : null;
}

/** Whether the enterprise is in scope. */
export async function enterpriseInScope(db: Db | Tx, scope: PlatformScope, id: number): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`select 1 from enterprises e where e.id = ${id}
        and ${scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` })}`,
  );
  return rows.length > 0;
}

export interface Pair {
  enterpriseId: number;
  commissionerUserId: number;
}

/**
 * Applies pairs set-based in the caller's transaction: a current assignment to another
 * commissioner ends on `on`, a new one starts on `on`; a pair already current is unchanged.
 */
export async function applyPairs(
  tx: Tx,
  pairs: Pair[],
  change: { on: string; by: number | null; reason: string },
): Promise<{ assigned: number; ended: number; unchanged: number }> {
  if (!pairs.length) return { assigned: 0, ended: 0, unchanged: 0 };
  const ids = sql.param(pairs.map((p) => p.enterpriseId));
  const users = sql.param(pairs.map((p) => p.commissionerUserId));
  const input = sql`unnest(${ids}::int[], ${users}::int[]) as i(enterprise_id, commissioner_user_id)`;
  const ended = await tx.execute(
    sql`update commissioner_assignments ca set ended_on = ${change.on}, ended_by = ${change.by}
        from ${input}
        where ca.enterprise_id = i.enterprise_id and ca.ended_on is null
          and ca.commissioner_user_id <> i.commissioner_user_id`,
  );
  const assigned = await tx.execute(
    sql`insert into commissioner_assignments (enterprise_id, commissioner_user_id, started_on, assigned_by, reason)
        select i.enterprise_id, i.commissioner_user_id, ${change.on}, ${change.by}, ${change.reason}
        from ${input}
        where not exists (select 1 from commissioner_assignments ca
                           where ca.enterprise_id = i.enterprise_id and ca.ended_on is null)`,
  );
  const a = assigned.rowCount ?? 0;
  return { assigned: a, ended: ended.rowCount ?? 0, unchanged: pairs.length - a };
}

/** Ends the enterprise's current assignment on `on`; whether there was one. */
export async function endCurrent(
  tx: Tx,
  enterpriseId: number,
  on: string,
  by: number | null,
): Promise<boolean> {
  const r = await tx.execute(
    sql`update commissioner_assignments set ended_on = ${on}, ended_by = ${by}
        where enterprise_id = ${enterpriseId} and ended_on is null`,
  );
  return (r.rowCount ?? 0) > 0;
}

/** An enterprise's assignments, newest first. */
export async function history(db: Db | Tx, enterpriseId: number): Promise<HistoryItem[]> {
  const rows = await rowsOf(
    db,
    sql`select ca.id, ca.commissioner_user_id, u.display_name, u.username, ca.started_on, ca.ended_on,
          b.display_name as assigned_by_name, ca.reason
        from commissioner_assignments ca
        join users u on u.id = ca.commissioner_user_id
        left join users b on b.id = ca.assigned_by
        where ca.enterprise_id = ${enterpriseId}
        order by ca.ended_on is null desc, ca.started_on desc, ca.id desc`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    commissionerUserId: Number(r.commissioner_user_id),
    commissionerName: String(r.display_name),
    commissionerUsername: String(r.username),
    startedOn: day(r.started_on)!,
    endedOn: day(r.ended_on),
    assignedByName: str(r.assigned_by_name),
    reason: String(r.reason),
  }));
}
