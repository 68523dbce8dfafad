/** Visits and their problems; the data of the coverage. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { CurrentAssignment, DoneVisit } from './core/coverage';
import type { ProblemCategory, VisitorKind, VisitStatus } from './core/codes';
import type { Visit, VisitList, VisitListQuery } from './visits.schemas';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
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

const inScope = (scope: PlatformScope) =>
  scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` });
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface VisitRow {
  enterpriseId: number;
  status: VisitStatus;
  plannedOn: string;
  doneOn: string | null;
  visitorKind: VisitorKind;
  visitorUserId: number | null;
  participants: string;
  notes: string;
  createdBy: number | null;
  problems: { text: string; category: ProblemCategory }[];
}

const SELECT = sql`select v.id, v.enterprise_id, e.name as enterprise_name, e.uscc, e.platform_id, p.name as platform_name,
    v.status, v.planned_on, v.done_on, v.visitor_kind, v.visitor_user_id, u.display_name as visitor_name,
    v.participants, v.notes, v.version, v.updated_at
  from visits v
  join enterprises e on e.id = v.enterprise_id
  join platforms p on p.id = e.platform_id
  left join users u on u.id = v.visitor_user_id`;

async function withProblems(db: Db | Tx, rows: Row[]): Promise<Visit[]> {
  const ids = rows.map((r) => Number(r.id));
  const problems = ids.length
    ? await rowsOf(
        db,
        sql`select id, visit_id, text, category, request_id from visit_problems
            where visit_id = any(${sql.param(ids)}::int[]) order by visit_id, position, id`,
      )
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    uscc: String(r.uscc),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    status: r.status as VisitStatus,
    plannedOn: day(r.planned_on)!,
    doneOn: day(r.done_on),
    visitorKind: r.visitor_kind as VisitorKind,
    visitorUserId: num(r.visitor_user_id),
    visitorName: str(r.visitor_name),
    participants: String(r.participants),
    notes: String(r.notes),
    problems: problems
      .filter((p) => Number(p.visit_id) === Number(r.id))
      .map((p) => ({
        id: Number(p.id),
        text: String(p.text),
        category: p.category as ProblemCategory,
        requestId: num(p.request_id),
      })),
    version: Number(r.version),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  }));
}

export async function listVisits(
  db: Db | Tx,
  scope: PlatformScope,
  q: VisitListQuery & { page: number; pageSize: number },
): Promise<VisitList> {
  const parts: SQL[] = [inScope(scope)];
  if (q.enterpriseId) parts.push(sql`v.enterprise_id = ${q.enterpriseId}`);
  if (q.platformId) parts.push(sql`e.platform_id = ${q.platformId}`);
  if (q.visitorUserId) parts.push(sql`v.visitor_user_id = ${q.visitorUserId}`);
  if (q.status) parts.push(sql`v.status = ${q.status}`);
  if (q.from) parts.push(sql`coalesce(v.done_on, v.planned_on) >= ${q.from}`);
  if (q.to) parts.push(sql`coalesce(v.done_on, v.planned_on) <= ${q.to}`);
  const k = q.keyword?.trim();
  if (k)
    parts.push(
      sql`(e.name ilike ${`%${escapeLike(k)}%`} or e.uscc ilike ${`${escapeLike(k.toUpperCase())}%`} or v.notes ilike ${`%${escapeLike(k)}%`})`,
    );
  const where = sql.join(parts, sql` and `);
  const rows = await rowsOf(
    db,
    sql`${SELECT} where ${where}
        order by coalesce(v.done_on, v.planned_on) desc, v.id desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const total = Number(
    (
      await rowsOf(
        db,
        sql`select count(*) as n from visits v join enterprises e on e.id = v.enterprise_id where ${where}`,
      )
    )[0]!.n,
  );
  return { items: await withProblems(db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function findVisit(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
  forUpdate = false,
): Promise<Visit | null> {
  const rows = await rowsOf(
    db,
    sql`${SELECT} where v.id = ${id} and ${inScope(scope)} ${forUpdate ? sql`for update of v` : sql``}`,
  );
  return rows.length ? (await withProblems(db, rows))[0]! : null;
}

/** The enterprise in scope and its current commissioner; null when out of scope or missing. */
export async function enterpriseForVisit(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
): Promise<{ id: number; commissionerUserId: number | null } | null> {
  const rows = await rowsOf(
    db,
    sql`select e.id, ca.commissioner_user_id from enterprises e
        left join commissioner_assignments ca on ca.enterprise_id = e.id and ca.ended_on is null
        where e.id = ${id} and ${inScope(scope)}`,
  );
  return rows[0] ? { id: Number(rows[0].id), commissionerUserId: num(rows[0].commissioner_user_id) } : null;
}

async function insertProblems(tx: Tx, visitIds: number[], problems: VisitRow['problems'][]): Promise<void> {
  const v: number[] = [];
  const pos: number[] = [];
  const text: string[] = [];
  const cat: string[] = [];
  visitIds.forEach((id, i) =>
    problems[i]!.forEach((p, j) => {
      v.push(id);
      pos.push(j);
      text.push(p.text);
      cat.push(p.category);
    }),
  );
  if (!v.length) return;
  await tx.execute(
    sql`insert into visit_problems (visit_id, position, text, category)
        select * from unnest(${sql.param(v)}::int[], ${sql.param(pos)}::int[], ${sql.param(text)}::text[], ${sql.param(cat)}::text[])`,
  );
}

/** Inserts visits set-based (one or thousands); returns their ids in order. */
export async function insertVisits(tx: Tx, visits: VisitRow[]): Promise<number[]> {
  if (!visits.length) return [];
  const col = <T>(f: (v: VisitRow) => T) => sql.param(visits.map(f));
  const rows = await rowsOf(
    tx,
    sql`insert into visits (enterprise_id, status, planned_on, done_on, visitor_kind, visitor_user_id, participants, notes, created_by)
        select * from unnest(${col((v) => v.enterpriseId)}::int[], ${col((v) => v.status)}::text[],
          ${col((v) => v.plannedOn)}::date[], ${col((v) => v.doneOn)}::date[], ${col((v) => v.visitorKind)}::text[],
          ${col((v) => v.visitorUserId)}::int[], ${col((v) => v.participants)}::text[], ${col((v) => v.notes)}::text[],
          ${col((v) => v.createdBy)}::int[])
        returning id`,
  );
  const ids = rows.map((r) => Number(r.id));
  await insertProblems(
    tx,
    ids,
    visits.map((v) => v.problems),
  );
  return ids;
}

/** Replaces a visit's fields and the problems not yet raised as requests. */
export async function updateVisit(
  tx: Tx,
  id: number,
  v: Omit<VisitRow, 'enterpriseId' | 'createdBy'>,
): Promise<void> {
  await tx.execute(
    sql`update visits set status = ${v.status}, planned_on = ${v.plannedOn}, done_on = ${v.doneOn},
          visitor_kind = ${v.visitorKind}, visitor_user_id = ${v.visitorUserId}, participants = ${v.participants},
          notes = ${v.notes}, version = version + 1, updated_at = now()
        where id = ${id}`,
  );
  await tx.execute(sql`delete from visit_problems where visit_id = ${id} and request_id is null`);
  await insertProblems(tx, [id], [v.problems]);
}

/** Current assignments in scope and the done visits of the period to those enterprises. */
export async function coverageData(
  db: Db | Tx,
  scope: PlatformScope,
  from: string,
  to: string,
): Promise<{
  assignments: CurrentAssignment[];
  visits: DoneVisit[];
  commissioners: { id: number; name: string; platformName: string | null }[];
  platforms: { id: number; name: string }[];
}> {
  const assignments = await rowsOf(
    db,
    sql`select ca.enterprise_id, e.platform_id, ca.commissioner_user_id
        from commissioner_assignments ca join enterprises e on e.id = ca.enterprise_id
        where ca.ended_on is null and ${inScope(scope)}`,
  );
  const visits = await rowsOf(
    db,
    sql`select distinct v.enterprise_id, v.visitor_user_id from visits v join enterprises e on e.id = v.enterprise_id
        where v.status = 'done' and v.done_on between ${from} and ${to} and ${inScope(scope)}`,
  );
  const commissioners = await rowsOf(
    db,
    sql`select u.id, u.display_name, p.name as platform_name from users u left join platforms p on p.id = u.platform_id
        where u.id in (select ca.commissioner_user_id from commissioner_assignments ca join enterprises e on e.id = ca.enterprise_id
                        where ca.ended_on is null and ${inScope(scope)})`,
  );
  const platforms = await rowsOf(
    db,
    sql`select p.id, p.name from platforms p where ${scopeSql(scope, { platformId: sql`p.id` })}`,
  );
  return {
    assignments: assignments.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      platformId: Number(r.platform_id),
      commissionerUserId: Number(r.commissioner_user_id),
    })),
    visits: visits.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      visitorUserId: num(r.visitor_user_id),
    })),
    commissioners: commissioners.map((r) => ({
      id: Number(r.id),
      name: String(r.display_name),
      platformName: str(r.platform_name),
    })),
    platforms: platforms.map((r) => ({ id: Number(r.id), name: String(r.name) })),
  };
}

/** Demo: the current assignments of the generated enterprises (enterprise, commissioner), by enterprise id. */
export async function currentAssignments(
  db: Db | Tx,
): Promise<{ enterpriseId: number; commissionerUserId: number }[]> {
  const rows = await rowsOf(
    db,
    sql`select enterprise_id, commissioner_user_id from commissioner_assignments where ended_on is null order by enterprise_id`,
  );
  return rows.map((r) => ({
    enterpriseId: Number(r.enterprise_id),
    commissionerUserId: Number(r.commissioner_user_id),
  }));
}

export interface ProblemForRequest {
  problemId: number;
  visitId: number;
  text: string;
  category: ProblemCategory;
  requestId: number | null;
  enterpriseId: number;
  /** Who recorded the visit (its creator), with the role the request's channel follows. */
  recorderId: number | null;
  recorderName: string | null;
  recorderRole: string | null;
}

/** A problem of a visit in scope, locked, with its enterprise and the visit's recorder. */
export async function problemForRequest(
  tx: Tx,
  scope: PlatformScope,
  visitId: number,
  problemId: number,
): Promise<ProblemForRequest | null> {
  const rows = await rowsOf(
    tx,
    sql`select vp.id, vp.visit_id, vp.text, vp.category, vp.request_id, v.enterprise_id, v.created_by,
          u.display_name, u.role
        from visit_problems vp
        join visits v on v.id = vp.visit_id
        join enterprises e on e.id = v.enterprise_id
        left join users u on u.id = v.created_by
        where vp.id = ${problemId} and vp.visit_id = ${visitId} and ${inScope(scope)}
        for update of vp`,
  );
  const r = rows[0];
  return r
    ? {
        problemId: Number(r.id),
        visitId: Number(r.visit_id),
        text: String(r.text),
        category: r.category as ProblemCategory,
        requestId: num(r.request_id),
        enterpriseId: Number(r.enterprise_id),
        recorderId: num(r.created_by),
        recorderName: str(r.display_name),
        recorderRole: str(r.role),
      }
    : null;
}

/** Links problems to the requests raised from them (one or many). */
export async function linkProblems(tx: Tx, links: { problemId: number; requestId: number }[]): Promise<void> {
  if (!links.length) return;
  await tx.execute(
    sql`update visit_problems vp set request_id = l.request_id
        from unnest(${sql.param(links.map((l) => l.problemId))}::int[], ${sql.param(links.map((l) => l.requestId))}::int[])
          as l(problem_id, request_id)
        where vp.id = l.problem_id`,
  );
}

/** Demo: the problems of done visits not yet raised, with their enterprise, in id order. */
export async function openProblems(db: Db | Tx): Promise<
  {
    problemId: number;
    enterpriseId: number;
    category: ProblemCategory;
    text: string;
    doneOn: string;
    visitorUserId: number | null;
  }[]
> {
  const rows = await rowsOf(
    db,
    sql`select vp.id, v.enterprise_id, vp.category, vp.text, v.done_on, v.visitor_user_id from visit_problems vp
        join visits v on v.id = vp.visit_id where v.status = 'done' and vp.request_id is null order by vp.id`,
  );
  return rows.map((r) => ({
    problemId: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    category: r.category as ProblemCategory,
    text: String(r.text),
    doneOn: day(r.done_on)!,
    visitorUserId: num(r.visitor_user_id),
  }));
}
