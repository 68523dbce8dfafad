/**
 * Enterprise requests' SQL: requests, their timeline and attachments, the categories and the
 * departments.
 *
 * Scope: every read and lock goes through `visibleSql`. A department user (部门用户) has no
 * platform scope; it sees exactly the requests currently handed to its department — the one
 * request-specific rule. Every other role goes through the one scope rule (`scopeSql`) on the
 * request's enterprise and platform.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type {
  Attachment,
  Category,
  CategoryCreate,
  CategoryWrite,
  Department,
  DepartmentWrite,
  RequestEvent,
  RequestFilters,
  RequestSummary,
} from './requests.schemas';
import type { MetricRow, Rating, RequestState } from './core/requests';
import type { GroupedMetricRow } from './core/service-metrics';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, q: SQL): Promise<Row[]> => (await db.execute<Row>(q)).rows;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Who is asking: their platform scope, and a department user's department. */
export interface Access {
  scope: PlatformScope;
  departmentId: number | null;
}

export function visibleSql(a: Access): SQL {
  if (a.departmentId !== null)
    return sql`(r.assignee_kind = 'department' and r.assignee_department_id = ${a.departmentId})`;
  return scopeSql(a.scope, { enterpriseId: sql`r.enterprise_id`, platformId: sql`r.platform_id` });
}

const SUMMARY_COLUMNS = sql`r.id, r.code, r.enterprise_id, e.name as enterprise_name, e.uscc, r.platform_id,
  p.name as platform_name, p.name_en as platform_name_en, r.category, c.name_zh as category_zh,
  c.name_en as category_en, r.title, r.urgency, r.channel, r.complexity, r.state,
  r.received_on::text as received_on, r.due_on::text as due_on, r.closed_on::text as closed_on,
  r.escalation_level, r.chain_leader, r.assignee_kind,
  coalesce(r.assignee_department_id, r.assignee_platform_id) as assignee_id,
  coalesce(d.name_zh, ap.name) as assignee_name, coalesce(d.name_en, ap.name_en) as assignee_name_en,
  r.rating, r.version, r.description, r.raised_by_name, r.answer, r.rating_comment, r.suspended_from,
  r.suspended_on::text as suspended_on`;

const FROM = sql`from requests r
  join enterprises e on e.id = r.enterprise_id
  join platforms p on p.id = r.platform_id
  join request_categories c on c.code = r.category
  left join departments d on d.id = r.assignee_department_id
  left join platforms ap on ap.id = r.assignee_platform_id`;

export interface RequestRow extends Omit<RequestSummary, 'onTime' | 'overdue'> {
  description: string;
  raisedByName: string;
  answer: string | null;
  ratingComment: string | null;
  suspendedFrom: RequestState | null;
  suspendedOn: string | null;
}

const requestOf = (r: Row): RequestRow => ({
  id: Number(r.id),
  code: String(r.code),
  enterpriseId: Number(r.enterprise_id),
  enterpriseName: String(r.enterprise_name),
  uscc: String(r.uscc),
  platformId: Number(r.platform_id),
  platformName: String(r.platform_name),
  platformNameEn: String(r.platform_name_en ?? ''),
  category: String(r.category),
  categoryZh: String(r.category_zh),
  categoryEn: String(r.category_en ?? ''),
  title: String(r.title),
  urgency: r.urgency as RequestRow['urgency'],
  channel: r.channel as RequestRow['channel'],
  complexity: r.complexity as RequestRow['complexity'],
  state: r.state as RequestState,
  receivedOn: String(r.received_on),
  dueOn: String(r.due_on),
  closedOn: str(r.closed_on),
  escalationLevel: Number(r.escalation_level),
  chainLeader: Boolean(r.chain_leader),
  assigneeKind: r.assignee_kind as RequestRow['assigneeKind'],
  assigneeId: num(r.assignee_id),
  assigneeName: str(r.assignee_name),
  assigneeNameEn: str(r.assignee_name_en),
  rating: r.rating as Rating | null,
  version: Number(r.version),
  description: String(r.description),
  raisedByName: String(r.raised_by_name),
  answer: str(r.answer),
  ratingComment: str(r.rating_comment),
  suspendedFrom: r.suspended_from as RequestState | null,
  suspendedOn: str(r.suspended_on),
});

function filterSql(f: RequestFilters, today: string, mine: SQL | null): SQL {
  const parts: SQL[] = [];
  if (f.year) parts.push(sql`extract(year from r.received_on) = ${f.year}`);
  if (f.state) parts.push(sql`r.state = ${f.state}`);
  if (f.category) parts.push(sql`r.category = ${f.category}`);
  if (f.platformId) parts.push(sql`r.platform_id = ${f.platformId}`);
  if (f.departmentId)
    parts.push(sql`(r.assignee_kind = 'department' and r.assignee_department_id = ${f.departmentId})`);
  if (f.commissionerUserId)
    parts.push(
      sql`exists (select 1 from commissioner_assignments ca where ca.enterprise_id = r.enterprise_id
        and ca.ended_on is null and ca.commissioner_user_id = ${f.commissionerUserId})`,
    );
  if (f.platformIds)
    parts.push(
      f.platformIds.length
        ? sql`r.platform_id in (${sql.join(
            f.platformIds.map((i) => sql`${i}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const overdue = sql`(r.state not in ('closed','rated','suspended') and r.due_on < ${today}::date)`;
  if (f.overdue !== undefined) parts.push(f.overdue ? overdue : sql`not ${overdue}`);
  if (f.escalated !== undefined)
    parts.push(f.escalated ? sql`r.escalation_level > 0` : sql`r.escalation_level = 0`);
  if (f.chainLeader !== undefined) parts.push(sql`r.chain_leader = ${f.chainLeader}`);
  if (f.keyword) {
    const k = `%${f.keyword.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(r.code ilike ${k} or r.title ilike ${k} or e.name ilike ${k} or e.uscc ilike ${k})`);
  }
  if (mine) parts.push(mine);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export async function listRequests(
  db: Db | Tx,
  a: Access,
  f: RequestFilters,
  today: string,
  mine: SQL | null,
  paging: { limit: number; offset: number } | null,
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = sql`${visibleSql(a)} and ${filterSql(f, today, mine)}`;
  const rows = await rowsOf(
    db,
    sql`select ${SUMMARY_COLUMNS} ${FROM} where ${where}
      order by r.received_on desc, r.id desc
      ${paging ? sql`limit ${paging.limit} offset ${paging.offset}` : sql``}`,
  );
  const total = paging
    ? Number((await rowsOf(db, sql`select count(*) as n ${FROM} where ${where}`))[0]!.n)
    : rows.length;
  return { rows: rows.map(requestOf), total };
}

/** Only what is handed to the platform (a platform administrator's "mine"). */
export const assignedToPlatformSql = (platformId: number) =>
  sql`(r.assignee_kind = 'platform' and r.assignee_platform_id = ${platformId})`;

export async function requestById(
  db: Db | Tx,
  a: Access,
  id: number,
  lock = false,
): Promise<RequestRow | null> {
  if (lock) {
    // Lock the request row first (the joined rows are read without locks).
    const found = await rowsOf(
      db,
      sql`select r.id from requests r where r.id = ${id} and ${visibleSql(a)} for update of r`,
    );
    if (!found.length) return null;
  }
  const [r] = await rowsOf(
    db,
    sql`select ${SUMMARY_COLUMNS} ${FROM} where r.id = ${id} and ${visibleSql(a)}`,
  );
  return r ? requestOf(r) : null;
}

export interface RequestFields {
  state: RequestState;
  suspendedFrom: RequestState | null;
  suspendedOn: string | null;
  dueOn: string;
  closedOn: string | null;
  complexity: string;
  assigneeKind: string | null;
  assigneeDepartmentId: number | null;
  assigneePlatformId: number | null;
  rating: string | null;
  ratingComment: string | null;
  answer: string | null;
  escalationLevel: number;
}

/** Writes a step when the version still matches; false when someone else stepped first. */
export async function updateRequest(tx: Tx, id: number, version: number, f: RequestFields): Promise<boolean> {
  const rows = await rowsOf(
    tx,
    sql`update requests set state = ${f.state}, suspended_from = ${f.suspendedFrom},
        suspended_on = ${f.suspendedOn}::date, due_on = ${f.dueOn}::date, closed_on = ${f.closedOn}::date,
        complexity = ${f.complexity}, assignee_kind = ${f.assigneeKind},
        assignee_department_id = ${f.assigneeDepartmentId}, assignee_platform_id = ${f.assigneePlatformId},
        rating = ${f.rating}, rating_comment = ${f.ratingComment}, answer = ${f.answer},
        escalation_level = ${f.escalationLevel}, version = version + 1, updated_at = now()
      where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

export interface NewRequest {
  year: number;
  enterpriseId: number;
  platformId: number;
  category: string;
  title: string;
  description: string;
  urgency: string;
  raisedBy: number | null;
  raisedByName: string;
  channel: string;
  receivedOn: string;
  dueOn: string;
  chainLeader: boolean;
  /** Given by the demo loader; otherwise now. */
  createdAt?: Date;
}

/** Inserts a request with the next code of its year (serialised per year). */
export async function insertRequest(tx: Tx, n: NewRequest): Promise<{ id: number; code: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(727500, ${n.year})`);
  const prefix = `QS-${n.year}-`;
  const [next] = await rowsOf(
    tx,
    sql`select coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) + 1 as n
      from requests where code like ${prefix + '%'}`,
  );
  const code = `${prefix}${String(Number(next!.n)).padStart(6, '0')}`;
  const [row] = await rowsOf(
    tx,
    sql`insert into requests (code, enterprise_id, platform_id, category, title, description, urgency,
        raised_by, raised_by_name, channel, received_on, due_on, chain_leader, created_at, updated_at)
      values (${code}, ${n.enterpriseId}, ${n.platformId}, ${n.category}, ${n.title}, ${n.description},
        ${n.urgency}, ${n.raisedBy}, ${n.raisedByName}, ${n.channel}, ${n.receivedOn}::date, ${n.dueOn}::date,
        ${n.chainLeader}, ${n.createdAt ?? new Date()}, ${n.createdAt ?? new Date()})
      returning id`,
  );
  return { id: Number(row!.id), code };
}

export interface NewEvent {
  requestId: number;
  actorId: number | null;
  actorName: string;
  /** `create`, `escalate`, or a step of the state machine. */
  step: string;
  fromState: RequestState | null;
  toState: RequestState;
  note: string | null;
  detail: Record<string, unknown>;
  at?: Date;
}

export async function insertEvent(tx: Tx, e: NewEvent): Promise<void> {
  await tx.execute(
    sql`insert into request_events (request_id, at, actor_id, actor_name, action, from_state, to_state, note, detail)
      values (${e.requestId}, ${e.at ?? new Date()}, ${e.actorId}, ${e.actorName}, ${e.step}, ${e.fromState},
        ${e.toState}, ${e.note}, ${JSON.stringify(e.detail)}::jsonb)`,
  );
}

export async function eventsOf(db: Db | Tx, requestId: number): Promise<RequestEvent[]> {
  const rows = await rowsOf(
    db,
    sql`select id, at, actor_name, action, from_state, to_state, note, detail from request_events
      where request_id = ${requestId} order by at, id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at as string).toISOString(),
    actorName: String(r.actor_name),
    step: String(r.action),
    fromState: r.from_state as RequestState | null,
    toState: r.to_state as RequestState,
    note: str(r.note),
    detail: (r.detail ?? {}) as Record<string, unknown>,
  }));
}

export async function attachmentsOf(db: Db | Tx, requestId: number): Promise<Attachment[]> {
  const rows = await rowsOf(
    db,
    sql`select id, file_name, file_type, size, uploaded_at from request_attachments
      where request_id = ${requestId} order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    fileName: String(r.file_name),
    fileType: r.file_type as Attachment['fileType'],
    size: Number(r.size),
    uploadedAt: new Date(r.uploaded_at as string).toISOString(),
  }));
}

export async function insertAttachment(
  tx: Tx,
  a: { requestId: number; fileName: string; fileType: string; content: Buffer; uploadedBy: number | null },
): Promise<number> {
  const [row] = await rowsOf(
    tx,
    sql`insert into request_attachments (request_id, file_name, file_type, size, content, uploaded_by)
      values (${a.requestId}, ${a.fileName}, ${a.fileType}, ${a.content.length}, ${a.content}, ${a.uploadedBy})
      returning id`,
  );
  return Number(row!.id);
}

export async function attachmentContent(
  db: Db | Tx,
  requestId: number,
  attachmentId: number,
): Promise<{ fileName: string; fileType: string; content: Buffer } | null> {
  const [r] = await rowsOf(
    db,
    sql`select file_name, file_type, content from request_attachments where id = ${attachmentId} and request_id = ${requestId}`,
  );
  return r
    ? { fileName: String(r.file_name), fileType: String(r.file_type), content: r.content as Buffer }
    : null;
}

/**
 * The enterprise a request is raised for, in scope, with its platform and whether it holds the
 * chain-leader label for the year (the chain-leaders module's label; granted by the year's end).
 */
export async function enterpriseForRequest(
  db: Db | Tx,
  scope: PlatformScope,
  enterpriseId: number,
  yearEnd: string,
): Promise<{ id: number; platformId: number; chainLeader: boolean } | null> {
  const [r] = await rowsOf(
    db,
    sql`select e.id, e.platform_id, exists (select 1 from enterprise_labels l where l.enterprise_id = e.id
          and l.label = 'chain_leader' and (l.granted_on is null or l.granted_on <= ${yearEnd}::date)) as chain_leader
      from enterprises e where e.id = ${enterpriseId}
        and ${scopeSql(scope, { enterpriseId: sql`e.id`, platformId: sql`e.platform_id` })}`,
  );
  return r
    ? { id: Number(r.id), platformId: Number(r.platform_id), chainLeader: Boolean(r.chain_leader) }
    : null;
}

/** The figures' rows of the requests received in a year. */
export async function metricRows(db: Db | Tx, a: Access, year: number): Promise<MetricRow[]> {
  const rows = await rowsOf(
    db,
    sql`select r.received_on::text as received_on, r.due_on::text as due_on, r.closed_on::text as closed_on,
        r.state, r.rating, r.escalation_level
      from requests r where extract(year from r.received_on) = ${year} and ${visibleSql(a)}`,
  );
  return rows.map((r) => ({
    receivedOn: String(r.received_on),
    dueOn: String(r.due_on),
    closedOn: str(r.closed_on),
    state: r.state as RequestState,
    rating: r.rating as Rating | null,
    escalationLevel: Number(r.escalation_level),
  }));
}

/**
 * The service metrics' rows: the requests received in a year in scope, with their platform, the
 * department they are handed to and their enterprise's current commissioner.
 */
export async function groupedMetricRows(db: Db | Tx, a: Access, year: number): Promise<GroupedMetricRow[]> {
  const rows = await rowsOf(
    db,
    sql`select r.received_on::text as received_on, r.due_on::text as due_on, r.closed_on::text as closed_on,
        r.state, r.rating, r.escalation_level, r.platform_id,
        case when r.assignee_kind = 'department' then r.assignee_department_id end as department_id,
        ca.commissioner_user_id
      from requests r
      left join commissioner_assignments ca on ca.enterprise_id = r.enterprise_id and ca.ended_on is null
      where extract(year from r.received_on) = ${year} and ${visibleSql(a)}`,
  );
  return rows.map((r) => ({
    receivedOn: String(r.received_on),
    dueOn: String(r.due_on),
    closedOn: str(r.closed_on),
    state: r.state as RequestState,
    rating: r.rating as Rating | null,
    escalationLevel: Number(r.escalation_level),
    platformId: Number(r.platform_id),
    departmentId: num(r.department_id),
    commissionerUserId: num(r.commissioner_user_id),
  }));
}

/** Platform names by id (the service metrics' rows). */
export async function platformNames(db: Db | Tx): Promise<{ id: number; name: string; nameEn: string }[]> {
  const rows = await rowsOf(db, sql`select id, name, name_en from platforms order by id`);
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), nameEn: String(r.name_en ?? '') }));
}

/** Open requests past due whose escalation may rise, locked (skipping rows others hold). */
/** What notifying about a request needs to know of it. */
export interface NoticeRow {
  id: number;
  code: string;
  title: string;
  enterpriseId: number;
  platformId: number;
  assigneeKind: 'department' | 'platform' | null;
  assigneeId: number | null;
  dueOn: string;
}

const noticeOf = (r: Row): NoticeRow => ({
  id: Number(r.id),
  code: String(r.code),
  title: String(r.title),
  enterpriseId: Number(r.enterprise_id),
  platformId: Number(r.platform_id),
  assigneeKind: (r.assignee_kind ?? null) as NoticeRow['assigneeKind'],
  assigneeId: num(r.assignee_id),
  dueOn: String(r.due_on),
});

const NOTICE_COLUMNS = sql`r.id, r.code, r.title, r.enterprise_id, r.platform_id, r.assignee_kind,
  coalesce(r.assignee_department_id, r.assignee_platform_id) as assignee_id, r.due_on::text as due_on`;

export async function overdueCandidates(
  tx: Tx,
  today: string,
): Promise<(NoticeRow & { state: RequestState; escalationLevel: number })[]> {
  const rows = await rowsOf(
    tx,
    sql`select ${NOTICE_COLUMNS}, r.state, r.escalation_level from requests r
      where r.state not in ('closed','rated','suspended') and r.due_on < ${today}::date and r.escalation_level < 2
      order by r.id for update skip locked`,
  );
  return rows.map((r) => ({
    ...noticeOf(r),
    state: r.state as RequestState,
    escalationLevel: Number(r.escalation_level),
  }));
}

/**
 * Open requests due by `horizon` (due soon) or already past due (overdue) whose notice of that
 * kind has not been given yet. Rows another caller is handling are skipped.
 */
export async function deadlineNoticeCandidates(
  tx: Tx,
  today: string,
  horizon: string,
): Promise<(NoticeRow & { notice: 'due_soon' | 'overdue' })[]> {
  const rows = await rowsOf(
    tx,
    sql`select ${NOTICE_COLUMNS},
        case when r.due_on < ${today}::date then 'overdue' else 'due_soon' end as notice
      from requests r
      where r.state not in ('closed','rated','suspended') and r.due_on <= ${horizon}::date
        -- a request received today has just been given its deadline: its due-soon notice waits a day
        and (r.due_on < ${today}::date or r.received_on < ${today}::date)
        and not exists (select 1 from request_notices n where n.request_id = r.id
          and n.kind = case when r.due_on < ${today}::date then 'overdue' else 'due_soon' end)
      order by r.id for update of r skip locked`,
  );
  return rows.map((r) => ({ ...noticeOf(r), notice: r.notice as 'due_soon' | 'overdue' }));
}

/** Records that a deadline notice was given; false when it already was (once per request and kind). */
export async function markNotice(tx: Tx, requestId: number, kind: 'due_soon' | 'overdue'): Promise<boolean> {
  const rows = await rowsOf(
    tx,
    sql`insert into request_notices (request_id, kind) values (${requestId}, ${kind})
      on conflict do nothing returning request_id`,
  );
  return rows.length > 0;
}

export async function setEscalation(tx: Tx, id: number, level: number): Promise<void> {
  await tx.execute(sql`update requests set escalation_level = ${level}, updated_at = now() where id = ${id}`);
}

export async function displayNameOf(db: Db | Tx, userId: number): Promise<string | null> {
  const [r] = await rowsOf(db, sql`select display_name from users where id = ${userId}`);
  return r ? String(r.display_name) : null;
}

// Categories

const categoryOf = (r: Row): Category => ({
  code: String(r.code),
  nameZh: String(r.name_zh),
  nameEn: String(r.name_en ?? ''),
  slaSimpleDays: Number(r.sla_simple_days),
  slaComplexDays: Number(r.sla_complex_days),
  active: Boolean(r.active),
});

export async function categories(db: Db | Tx): Promise<Category[]> {
  return (await rowsOf(db, sql`select * from request_categories order by sort_order, code`)).map(categoryOf);
}

export async function categoryByCode(db: Db | Tx, code: string): Promise<Category | null> {
  const [r] = await rowsOf(db, sql`select * from request_categories where code = ${code}`);
  return r ? categoryOf(r) : null;
}

export async function insertCategory(tx: Tx, c: CategoryCreate): Promise<Category | null> {
  const [r] = await rowsOf(
    tx,
    sql`insert into request_categories (code, name_zh, name_en, sla_simple_days, sla_complex_days, active, sort_order)
      values (${c.code}, ${c.nameZh}, ${c.nameEn}, ${c.slaSimpleDays}, ${c.slaComplexDays}, ${c.active},
        (select coalesce(max(sort_order), 0) + 1 from request_categories))
      on conflict (code) do nothing returning *`,
  );
  return r ? categoryOf(r) : null;
}

export async function updateCategory(tx: Tx, code: string, c: CategoryWrite): Promise<Category | null> {
  const [r] = await rowsOf(
    tx,
    sql`update request_categories set name_zh = ${c.nameZh}, name_en = ${c.nameEn},
        sla_simple_days = ${c.slaSimpleDays}, sla_complex_days = ${c.slaComplexDays}, active = ${c.active},
        updated_at = now()
      where code = ${code} returning *`,
  );
  return r ? categoryOf(r) : null;
}

// Departments

const departmentOf = (r: Row): Department => ({
  id: Number(r.id),
  code: String(r.code),
  nameZh: String(r.name_zh),
  nameEn: String(r.name_en ?? ''),
  kind: r.kind as Department['kind'],
  shortName: String(r.short_name ?? ''),
  isLead: Boolean(r.is_lead),
  active: Boolean(r.active),
});

export async function departments(db: Db | Tx): Promise<Department[]> {
  return (await rowsOf(db, sql`select * from departments order by is_lead desc, id`)).map(departmentOf);
}

export async function departmentById(db: Db | Tx, id: number): Promise<Department | null> {
  const [r] = await rowsOf(db, sql`select * from departments where id = ${id}`);
  return r ? departmentOf(r) : null;
}

export async function insertDepartment(tx: Tx, d: DepartmentWrite): Promise<Department | null> {
  const [r] = await rowsOf(
    tx,
    sql`insert into departments (code, name_zh, name_en, short_name, kind, is_lead, active)
      values (${d.code}, ${d.nameZh}, ${d.nameEn}, ${d.shortName ?? ''}, ${d.kind}, ${d.isLead ?? false}, ${d.active})
      on conflict (code) do nothing returning *`,
  );
  return r ? departmentOf(r) : null;
}

export async function updateDepartment(
  tx: Tx,
  id: number,
  d: DepartmentWrite,
): Promise<Department | null | 'duplicate'> {
  const clash = await rowsOf(tx, sql`select id from departments where code = ${d.code} and id <> ${id}`);
  if (clash.length) return 'duplicate';
  const [r] = await rowsOf(
    tx,
    sql`update departments set code = ${d.code}, name_zh = ${d.nameZh}, name_en = ${d.nameEn}, kind = ${d.kind},
        short_name = coalesce(${d.shortName ?? null}, short_name), is_lead = coalesce(${d.isLead ?? null}, is_lead),
        active = ${d.active}, updated_at = now() where id = ${id} returning *`,
  );
  return r ? departmentOf(r) : null;
}

/** A request as the demo loader writes it: its final fields and its timeline. */
export interface BulkRequest extends Omit<NewRequest, 'year' | 'createdAt'> {
  state: RequestState;
  closedOn: string | null;
  suspendedFrom: RequestState | null;
  suspendedOn: string | null;
  complexity: string;
  assigneeKind: string | null;
  assigneeDepartmentId: number | null;
  assigneePlatformId: number | null;
  rating: string | null;
  ratingComment: string | null;
  answer: string | null;
  escalationLevel: number;
  events: {
    step: string;
    from: RequestState | null;
    to: RequestState;
    at: Date;
    actorName: string;
    note: string | null;
    detail: Record<string, unknown>;
  }[];
}

/**
 * Inserts many requests with their timelines set-based (the demo city's year of requests), each
 * with the next code of its year in the order given. Returns their ids in order.
 */
export async function insertRequests(tx: Tx, rs: BulkRequest[]): Promise<number[]> {
  if (!rs.length) return [];
  const years = [...new Set(rs.map((r) => Number(r.receivedOn.slice(0, 4))))];
  const next = new Map<number, number>();
  for (const y of years) {
    await tx.execute(sql`select pg_advisory_xact_lock(727500, ${y})`);
    const prefix = `QS-${y}-`;
    const [row] = await rowsOf(
      tx,
      sql`select coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) as n
        from requests where code like ${prefix + '%'}`,
    );
    next.set(y, Number(row!.n));
  }
  const codes = rs.map((r) => {
    const y = Number(r.receivedOn.slice(0, 4));
    const n = next.get(y)! + 1;
    next.set(y, n);
    return `QS-${y}-${String(n).padStart(6, '0')}`;
  });
  const col = <T>(f: (r: BulkRequest, i: number) => T) => sql.param(rs.map(f));
  const created = rs.map((r) => r.events[0]?.at ?? new Date(`${r.receivedOn}T09:00:00+08:00`));
  const updated = rs.map(
    (r) => r.events[r.events.length - 1]?.at ?? new Date(`${r.receivedOn}T09:00:00+08:00`),
  );
  const rows = await rowsOf(
    tx,
    sql`insert into requests (code, enterprise_id, platform_id, category, title, description, urgency, raised_by,
        raised_by_name, channel, received_on, due_on, chain_leader, state, closed_on, suspended_from, suspended_on,
        complexity, assignee_kind, assignee_department_id, assignee_platform_id, rating, rating_comment, answer,
        escalation_level, created_at, updated_at)
      select * from unnest(${sql.param(codes)}::text[], ${col((r) => r.enterpriseId)}::int[], ${col((r) => r.platformId)}::int[],
        ${col((r) => r.category)}::text[], ${col((r) => r.title)}::text[], ${col((r) => r.description)}::text[],
        ${col((r) => r.urgency)}::text[], ${col((r) => r.raisedBy)}::int[], ${col((r) => r.raisedByName)}::text[],
        ${col((r) => r.channel)}::text[], ${col((r) => r.receivedOn)}::date[], ${col((r) => r.dueOn)}::date[],
        ${col((r) => r.chainLeader)}::boolean[], ${col((r) => r.state)}::text[], ${col((r) => r.closedOn)}::date[],
        ${col((r) => r.suspendedFrom)}::text[], ${col((r) => r.suspendedOn)}::date[], ${col((r) => r.complexity)}::text[],
        ${col((r) => r.assigneeKind)}::text[], ${col((r) => r.assigneeDepartmentId)}::int[],
        ${col((r) => r.assigneePlatformId)}::int[], ${col((r) => r.rating)}::text[], ${col((r) => r.ratingComment)}::text[],
        ${col((r) => r.answer)}::text[], ${col((r) => r.escalationLevel)}::int[],
        ${sql.param(created)}::timestamptz[], ${sql.param(updated)}::timestamptz[])
      returning id`,
  );
  const ids = rows.map((r) => Number(r.id));
  const ev = rs.flatMap((r, i) => r.events.map((e) => ({ ...e, requestId: ids[i]! })));
  const e = <T>(f: (x: (typeof ev)[number]) => T) => sql.param(ev.map(f));
  await tx.execute(
    sql`insert into request_events (request_id, at, actor_id, actor_name, action, from_state, to_state, note, detail)
      select request_id, at, null, actor_name, action, from_state, to_state, note, detail::jsonb
      from unnest(${e((x) => x.requestId)}::int[], ${e((x) => x.at)}::timestamptz[], ${e((x) => x.actorName)}::text[],
        ${e((x) => x.step)}::text[], ${e((x) => x.from)}::text[], ${e((x) => x.to)}::text[], ${e((x) => x.note)}::text[],
        ${e((x) => JSON.stringify(x.detail))}::text[])
        as t(request_id, at, actor_name, action, from_state, to_state, note, detail)`,
  );
  return ids;
}
