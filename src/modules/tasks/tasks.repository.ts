/**
 * Tasks and meetings' SQL: meetings and their decisions, tasks with milestones, progress reports
 * and supervision records, city leaders paired with platforms.
 *
 * Scope: every task read and lock goes through `visibleSql`. A department user sees exactly the
 * tasks its department owns (a task-specific rule, like requests'); every other role goes through
 * the one scope rule (`scopeSql`) on the owning platform — a platform administrator sees its
 * platform's tasks, the task force and city leaders all of them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { OwnerKind, SourceKind, TaskState } from './core/tasks';
import type {
  Attendees,
  Meeting,
  Milestone,
  Pairing,
  Progress,
  Supervision,
  TaskFilters,
  TaskSummary,
} from './tasks.schemas';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, q: SQL): Promise<Row[]> => (await db.execute<Row>(q)).rows;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface Access {
  scope: PlatformScope;
  departmentId: number | null;
}

export function visibleSql(a: Access): SQL {
  if (a.departmentId !== null)
    return sql`(t.owner_kind = 'department' and t.owner_department_id = ${a.departmentId})`;
  return scopeSql(a.scope, { platformId: sql`t.owner_platform_id` });
}

// Meetings

function meetingOf(r: Row, decisions: Row[], taskIds: Row[]): Meeting {
  const id = Number(r.id);
  return {
    id,
    title: String(r.title),
    heldOn: String(r.held_on),
    host: String(r.host),
    place: String(r.place),
    attendees: {
      departmentIds: [],
      platformIds: [],
      others: [],
      ...(r.attendees as Partial<Attendees>),
    },
    summary: String(r.summary),
    decisions: decisions
      .filter((d) => Number(d.meeting_id) === id)
      .map((d) => ({
        id: Number(d.id),
        seq: Number(d.seq),
        text: String(d.text),
        taskIds: taskIds.filter((t) => Number(t.decision_id) === Number(d.id)).map((t) => Number(t.id)),
      })),
    taskCount: taskIds.filter((t) => Number(t.meeting_id) === id).length,
    version: Number(r.version),
  };
}

export async function meetings(db: Db | Tx, id?: number): Promise<Meeting[]> {
  const where = id ? sql`where m.id = ${id}` : sql``;
  const rows = await rowsOf(
    db,
    sql`select m.id, m.title, m.held_on::text as held_on, m.host, m.place, m.attendees, m.summary, m.version
      from meetings m ${where} order by m.held_on desc, m.id desc`,
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  const idList = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const decisions = await rowsOf(
    db,
    sql`select id, meeting_id, seq, text from meeting_decisions where meeting_id in (${idList}) order by seq`,
  );
  const taskIds = await rowsOf(
    db,
    sql`select id, meeting_id, decision_id from tasks where meeting_id in (${idList}) order by id`,
  );
  return rows.map((r) => meetingOf(r, decisions, taskIds));
}

export interface MeetingFields {
  title: string;
  heldOn: string;
  host: string;
  place: string;
  attendees: Attendees;
  summary: string;
  decisions: string[];
}

async function writeDecisions(tx: Tx, meetingId: number, decisions: string[]) {
  const existing = await rowsOf(
    tx,
    sql`select id, seq from meeting_decisions where meeting_id = ${meetingId} order by seq`,
  );
  for (const [i, text] of decisions.entries()) {
    const e = existing[i];
    if (e)
      await tx.execute(sql`update meeting_decisions set text = ${text}, seq = ${i + 1} where id = ${e.id}`);
    else
      await tx.execute(
        sql`insert into meeting_decisions (meeting_id, seq, text) values (${meetingId}, ${i + 1}, ${text})`,
      );
  }
  // Decisions beyond the new list go only when no task was made from them.
  for (const e of existing.slice(decisions.length))
    await tx.execute(
      sql`delete from meeting_decisions where id = ${e.id} and not exists (select 1 from tasks where decision_id = ${e.id})`,
    );
}

export async function insertMeeting(tx: Tx, m: MeetingFields, createdBy: number | null): Promise<number> {
  const [row] = await rowsOf(
    tx,
    sql`insert into meetings (title, held_on, host, place, attendees, summary, created_by)
      values (${m.title}, ${m.heldOn}::date, ${m.host}, ${m.place}, ${JSON.stringify(m.attendees)}::jsonb,
        ${m.summary}, ${createdBy}) returning id`,
  );
  const id = Number(row!.id);
  await writeDecisions(tx, id, m.decisions);
  return id;
}

export async function updateMeeting(tx: Tx, id: number, version: number, m: MeetingFields): Promise<boolean> {
  const r = await tx.execute(
    sql`update meetings set title = ${m.title}, held_on = ${m.heldOn}::date, host = ${m.host}, place = ${m.place},
      attendees = ${JSON.stringify(m.attendees)}::jsonb, summary = ${m.summary}, version = version + 1,
      updated_at = now() where id = ${id} and version = ${version}`,
  );
  if (!r.rowCount) return false;
  await writeDecisions(tx, id, m.decisions);
  return true;
}

export async function decisionById(db: Db | Tx, id: number) {
  const [r] = await rowsOf(db, sql`select id, meeting_id, text from meeting_decisions where id = ${id}`);
  return r ? { id: Number(r.id), meetingId: Number(r.meeting_id), text: String(r.text) } : null;
}

// Tasks

const COLUMNS = sql`t.id, t.code, t.title, t.description, t.source_kind, t.meeting_id, m.title as meeting_title,
  t.decision_id, t.plan_ref, t.owner_kind, coalesce(t.owner_department_id, t.owner_platform_id) as owner_id,
  coalesce(d.name_zh, p.name) as owner_name, coalesce(nullif(d.name_en, ''), nullif(p.name_en, ''), d.name_zh, p.name) as owner_name_en,
  t.assigned_on::text as assigned_on, t.due_on::text as due_on, t.due_working_days, t.state, t.percent,
  t.completed_on::text as completed_on, t.reviewed_on::text as reviewed_on, t.review_note,
  t.supervision_level, t.version`;
const FROM = sql`from tasks t
  left join meetings m on m.id = t.meeting_id
  left join departments d on d.id = t.owner_department_id
  left join platforms p on p.id = t.owner_platform_id`;

export interface TaskRow extends Omit<TaskSummary, 'overdue'> {
  description: string;
  reviewNote: string | null;
}

const taskOf = (r: Row): TaskRow => ({
  id: Number(r.id),
  code: String(r.code),
  title: String(r.title),
  description: String(r.description),
  sourceKind: r.source_kind as SourceKind,
  meetingId: num(r.meeting_id),
  meetingTitle: str(r.meeting_title),
  decisionId: num(r.decision_id),
  planRef: str(r.plan_ref),
  ownerKind: r.owner_kind as OwnerKind,
  ownerId: Number(r.owner_id),
  ownerName: String(r.owner_name),
  ownerNameEn: String(r.owner_name_en ?? ''),
  assignedOn: String(r.assigned_on),
  dueOn: String(r.due_on),
  dueWorkingDays: num(r.due_working_days),
  state: r.state as TaskState,
  percent: Number(r.percent),
  completedOn: str(r.completed_on),
  reviewedOn: str(r.reviewed_on),
  reviewNote: str(r.review_note),
  supervisionLevel: Number(r.supervision_level),
  version: Number(r.version),
});

function filterSql(f: TaskFilters, today: string): SQL {
  const parts: SQL[] = [];
  if (f.state) parts.push(sql`t.state = ${f.state}`);
  if (f.ownerKind) parts.push(sql`t.owner_kind = ${f.ownerKind}`);
  if (f.ownerId)
    parts.push(
      f.ownerKind === 'platform'
        ? sql`t.owner_platform_id = ${f.ownerId}`
        : f.ownerKind === 'department'
          ? sql`t.owner_department_id = ${f.ownerId}`
          : sql`coalesce(t.owner_department_id, t.owner_platform_id) = ${f.ownerId}`,
    );
  const overdue = sql`(t.state in ('received','in_progress') and t.due_on < ${today}::date)`;
  if (f.overdue !== undefined) parts.push(f.overdue ? overdue : sql`not ${overdue}`);
  if (f.meetingId) parts.push(sql`t.meeting_id = ${f.meetingId}`);
  if (f.platformIds)
    parts.push(
      f.platformIds.length
        ? sql`t.owner_platform_id in (${sql.join(
            f.platformIds.map((i) => sql`${i}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export async function listTasks(
  db: Db | Tx,
  a: Access,
  f: TaskFilters,
  today: string,
  paging: { limit: number; offset: number } | null,
): Promise<{ rows: TaskRow[]; total: number }> {
  const where = sql`${visibleSql(a)} and ${filterSql(f, today)}`;
  const rows = await rowsOf(
    db,
    sql`select ${COLUMNS} ${FROM} where ${where} order by t.due_on, t.id
      ${paging ? sql`limit ${paging.limit} offset ${paging.offset}` : sql``}`,
  );
  const [count] = await rowsOf(db, sql`select count(*)::int as n ${FROM} where ${where}`);
  return { rows: rows.map(taskOf), total: Number(count!.n) };
}

export async function taskById(db: Db | Tx, a: Access, id: number, lock = false): Promise<TaskRow | null> {
  const [r] = await rowsOf(
    db,
    sql`select ${COLUMNS} ${FROM} where t.id = ${id} and ${visibleSql(a)} ${lock ? sql`for update of t` : sql``}`,
  );
  return r ? taskOf(r) : null;
}

export interface NewTask {
  year: number;
  title: string;
  description: string;
  sourceKind: SourceKind;
  meetingId: number | null;
  decisionId: number | null;
  planRef: string | null;
  ownerKind: OwnerKind;
  ownerDepartmentId: number | null;
  ownerPlatformId: number | null;
  assignedOn: string;
  dueOn: string;
  dueWorkingDays: number | null;
  createdBy: number | null;
}

export async function insertTask(tx: Tx, n: NewTask): Promise<{ id: number; code: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(727501, ${n.year})`);
  const prefix = `RW-${n.year}-`;
  const [next] = await rowsOf(
    tx,
    sql`select coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0) + 1 as n
      from tasks where code like ${prefix + '%'}`,
  );
  const code = `${prefix}${String(Number(next!.n)).padStart(4, '0')}`;
  const [row] = await rowsOf(
    tx,
    sql`insert into tasks (code, title, description, source_kind, meeting_id, decision_id, plan_ref, owner_kind,
        owner_department_id, owner_platform_id, assigned_on, due_on, due_working_days, created_by)
      values (${code}, ${n.title}, ${n.description}, ${n.sourceKind}, ${n.meetingId}, ${n.decisionId}, ${n.planRef},
        ${n.ownerKind}, ${n.ownerDepartmentId}, ${n.ownerPlatformId}, ${n.assignedOn}::date, ${n.dueOn}::date,
        ${n.dueWorkingDays}, ${n.createdBy})
      returning id`,
  );
  return { id: Number(row!.id), code };
}

export async function insertMilestone(tx: Tx, taskId: number, seq: number, title: string, dueOn: string) {
  await tx.execute(
    sql`insert into task_milestones (task_id, seq, title, due_on) values (${taskId}, ${seq}, ${title}, ${dueOn}::date)`,
  );
}

export interface TaskFields {
  state: TaskState;
  percent: number;
  completedOn: string | null;
  reviewedOn: string | null;
  reviewNote: string | null;
}

export async function updateTask(tx: Tx, id: number, version: number, f: TaskFields): Promise<boolean> {
  const r = await tx.execute(
    sql`update tasks set state = ${f.state}, percent = ${f.percent}, completed_on = ${f.completedOn}::date,
      reviewed_on = ${f.reviewedOn}::date, review_note = ${f.reviewNote}, version = version + 1, updated_at = now()
      where id = ${id} and version = ${version}`,
  );
  return (r.rowCount ?? 0) > 0;
}

export async function milestonesOf(db: Db | Tx, taskId: number): Promise<Milestone[]> {
  return (
    await rowsOf(
      db,
      sql`select id, seq, title, due_on::text as due_on, done_on::text as done_on from task_milestones
        where task_id = ${taskId} order by seq`,
    )
  ).map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    title: String(r.title),
    dueOn: String(r.due_on),
    doneOn: str(r.done_on),
  }));
}

export async function setMilestoneDone(tx: Tx, taskId: number, milestoneId: number, on: string) {
  const r = await tx.execute(
    sql`update task_milestones set done_on = ${on}::date where id = ${milestoneId} and task_id = ${taskId} and done_on is null`,
  );
  return (r.rowCount ?? 0) > 0;
}

export async function progressOf(db: Db | Tx, taskId: number): Promise<Progress[]> {
  return (
    await rowsOf(
      db,
      sql`select id, reported_on::text as reported_on, text, percent, actor_name from task_progress
        where task_id = ${taskId} order by reported_on desc, id desc`,
    )
  ).map((r) => ({
    id: Number(r.id),
    reportedOn: String(r.reported_on),
    text: String(r.text),
    percent: Number(r.percent),
    actorName: String(r.actor_name),
  }));
}

export async function insertProgress(
  tx: Tx,
  p: {
    taskId: number;
    reportedOn: string;
    text: string;
    percent: number;
    actorId: number | null;
    actorName: string;
  },
) {
  await tx.execute(
    sql`insert into task_progress (task_id, reported_on, text, percent, actor_id, actor_name)
      values (${p.taskId}, ${p.reportedOn}::date, ${p.text}, ${p.percent}, ${p.actorId}, ${p.actorName})`,
  );
}

export async function supervisionsOf(db: Db | Tx, taskId: number): Promise<Supervision[]> {
  return (
    await rowsOf(
      db,
      sql`select id, level, supervised_on::text as supervised_on, note, automatic, actor_name from task_supervisions
        where task_id = ${taskId} order by supervised_on desc, id desc`,
    )
  ).map((r) => ({
    id: Number(r.id),
    level: Number(r.level),
    supervisedOn: String(r.supervised_on),
    note: String(r.note),
    automatic: Boolean(r.automatic),
    actorName: String(r.actor_name),
  }));
}

export async function insertSupervision(
  tx: Tx,
  s: { taskId: number; level: number; on: string; note: string; automatic: boolean; actorName: string },
) {
  await tx.execute(
    sql`insert into task_supervisions (task_id, level, supervised_on, note, automatic, actor_name)
      values (${s.taskId}, ${s.level}, ${s.on}::date, ${s.note}, ${s.automatic}, ${s.actorName})`,
  );
}

/** Open tasks past their deadline, locked; rows another caller holds are skipped. */
export async function overdueCandidates(tx: Tx, today: string) {
  return (
    await rowsOf(
      tx,
      sql`select id, code, title, state, due_on::text as due_on, supervision_level, owner_kind,
          coalesce(owner_department_id, owner_platform_id) as owner_id from tasks
        where state in ('received','in_progress') and due_on < ${today}::date and supervision_level < 2
        order by id for update skip locked`,
    )
  ).map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    title: String(r.title),
    state: r.state as TaskState,
    dueOn: String(r.due_on),
    supervisionLevel: Number(r.supervision_level),
    ownerKind: r.owner_kind as OwnerKind,
    ownerId: Number(r.owner_id),
  }));
}

export async function setSupervisionLevel(tx: Tx, id: number, level: number) {
  await tx.execute(sql`update tasks set supervision_level = ${level} where id = ${id}`);
}

// Owners, names

export async function activeDepartment(db: Db | Tx, id: number) {
  const [r] = await rowsOf(db, sql`select id, name_zh from departments where id = ${id} and active`);
  return r ? { id: Number(r.id), name: String(r.name_zh) } : null;
}

export async function livePlatform(db: Db | Tx, id: number) {
  const [r] = await rowsOf(db, sql`select id, name from platforms where id = ${id} and archived_at is null`);
  return r ? { id: Number(r.id), name: String(r.name) } : null;
}

export async function displayNameOf(db: Db | Tx, userId: number): Promise<string | null> {
  const [r] = await rowsOf(db, sql`select display_name from users where id = ${userId}`);
  return r ? String(r.display_name) : null;
}

export async function departmentUsers(db: Db | Tx, departmentId: number) {
  return (
    await rowsOf(
      db,
      sql`select id, username, display_name, disabled_at is null as active from users
        where department_id = ${departmentId} order by username`,
    )
  ).map((r) => ({
    id: Number(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    active: Boolean(r.active),
  }));
}

// City leaders paired with platforms

const pairingOf = (r: Row): Pairing => ({
  id: Number(r.id),
  leaderUserId: Number(r.leader_user_id),
  leaderName: String(r.leader_name),
  platformId: Number(r.platform_id),
  platformName: String(r.platform_name),
  platformNameEn: String(r.platform_name_en ?? ''),
  fromOn: String(r.from_on),
  toOn: str(r.to_on),
});

export async function pairings(db: Db | Tx, id?: number): Promise<Pairing[]> {
  return (
    await rowsOf(
      db,
      sql`select lp.id, lp.leader_user_id, u.display_name as leader_name, lp.platform_id, p.name as platform_name,
        p.name_en as platform_name_en, lp.from_on::text as from_on, lp.to_on::text as to_on
        from leader_platforms lp join users u on u.id = lp.leader_user_id join platforms p on p.id = lp.platform_id
        ${id ? sql`where lp.id = ${id}` : sql``}
        order by (lp.to_on is not null), u.display_name, p.name, lp.id`,
    )
  ).map(pairingOf);
}

export async function leaders(db: Db | Tx) {
  return (
    await rowsOf(
      db,
      sql`select id, display_name from users where role = 'leader' and disabled_at is null order by display_name`,
    )
  ).map((r) => ({ id: Number(r.id), displayName: String(r.display_name) }));
}

export async function isLeader(db: Db | Tx, userId: number) {
  const [r] = await rowsOf(db, sql`select 1 from users where id = ${userId} and role = 'leader'`);
  return Boolean(r);
}

export async function insertPairing(tx: Tx, p: { leaderUserId: number; platformId: number; fromOn: string }) {
  const [r] = await rowsOf(
    tx,
    sql`insert into leader_platforms (leader_user_id, platform_id, from_on)
      values (${p.leaderUserId}, ${p.platformId}, ${p.fromOn}::date) returning id`,
  );
  return Number(r!.id);
}

export async function endPairing(tx: Tx, id: number, toOn: string) {
  const r = await tx.execute(
    sql`update leader_platforms set to_on = ${toOn}::date where id = ${id} and to_on is null and from_on <= ${toOn}::date`,
  );
  return (r.rowCount ?? 0) > 0;
}

/** The platforms a leader is paired with on `today`. */
export async function pairedPlatformIds(db: Db | Tx, userId: number, today: string): Promise<number[]> {
  return (
    await rowsOf(
      db,
      sql`select distinct platform_id from leader_platforms where leader_user_id = ${userId}
        and from_on <= ${today}::date and (to_on is null or to_on >= ${today}::date) order by platform_id`,
    )
  ).map((r) => Number(r.platform_id));
}

/** Each paired platform with its open requests and open (and overdue) tasks. */
export async function platformCounts(db: Db | Tx, platformIds: number[], today: string) {
  if (!platformIds.length) return [];
  const ids = sql.join(
    platformIds.map((i) => sql`${i}`),
    sql`, `,
  );
  return (
    await rowsOf(
      db,
      sql`select p.id, p.name, p.name_en,
        (select count(*)::int from requests r where r.platform_id = p.id and r.state not in ('closed','rated')) as open_requests,
        (select count(*)::int from tasks t where t.owner_platform_id = p.id and t.state in ('received','in_progress')) as open_tasks,
        (select count(*)::int from tasks t where t.owner_platform_id = p.id and t.state in ('received','in_progress')
          and t.due_on < ${today}::date) as overdue_tasks
        from platforms p where p.id in (${ids}) order by p.name`,
    )
  ).map((r) => ({
    platformId: Number(r.id),
    platformName: String(r.name),
    platformNameEn: String(r.name_en ?? ''),
    openRequests: Number(r.open_requests),
    openTasks: Number(r.open_tasks),
    overdueTasks: Number(r.overdue_tasks),
  }));
}
