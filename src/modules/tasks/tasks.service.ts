/**
 * Task lists and topic meetings of the task force (工作任务清单, 专题会议, plan §4.1): meetings and
 * their decisions, tasks from a decision or a plan measure, owned by a department or a platform,
 * with milestones, progress reports, completion (逾期完成 derived from the deadline), review by the
 * task force and supervision (督办) of overdue tasks; city leaders paired with key platforms.
 *
 * Supervision runs on read like requests' escalation: every list and detail call first runs
 * `superviseOverdue(today)` (one indexed query when nothing is due; rows another caller holds are
 * skipped). The task force also sends a 督办提醒 by hand with a note.
 */
import type { Database, Db, Tx } from '../../platform/db/client';
import { workingCalendarIn } from '../calendar/calendar.service';
import { fail, forbidden, type FieldError } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf, type AuditAction, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import type { WorkingCalendar } from '../calendar/core/working-days';
import * as repo from './tasks.repository';
import { notifyIn } from '../notifications/notifications.service';
import type {
  Meeting,
  MeetingWrite,
  MyPlatforms,
  Pairing,
  PairingCreate,
  TaskCreate,
  TaskDetail,
  TaskList,
  TaskQuery,
  TaskStep,
  TaskSummary,
} from './tasks.schemas';
import {
  dueAfterWorkingDays,
  isTaskOverdue,
  nextTaskState,
  normaliseTaskNote,
  supervisionLevel,
  taskActionsFor,
  taskRefusalOf,
  TASK_TRANSITIONS,
  type TaskAction,
  type TaskParty,
} from './core/tasks';

async function calendarAround(db: Db, date: string): Promise<WorkingCalendar> {
  const year = Number(date.slice(0, 4));
  return (await workingCalendarIn(db, year - 1, year + 2)).calendar;
}

const accessOf = (actor: Actor): repo.Access => ({
  scope: actor.role === 'department' ? { kind: 'none' } : platformScope(actor),
  departmentId: actor.role === 'department' ? (actor.departmentId ?? -1) : null,
});

/** The party an actor is on a task it can see. */
export function taskPartyOf(actor: Actor, t: Pick<TaskSummary, 'ownerKind' | 'ownerId'>): TaskParty {
  if (can(actor, 'task:manage')) return 'task_force';
  if (!can(actor, 'task:report')) return 'reader';
  if (actor.role === 'department' && t.ownerKind === 'department' && t.ownerId === actor.departmentId)
    return 'owner';
  if (actor.role === 'platform_admin' && t.ownerKind === 'platform' && t.ownerId === actor.platformId)
    return 'owner';
  return 'reader';
}

const audited = (action: AuditAction) => action;
const STEP_AUDIT: Record<TaskAction, AuditAction> = {
  report: audited('task.report'),
  milestone: audited('task.milestone'),
  complete: audited('task.complete'),
  review: audited('task.review'),
  return: audited('task.return'),
  supervise: audited('task.supervise'),
};

const SUPERVISION_SUBJECT: AuditSubject = { userId: null, username: 'system:supervision', ip: null };

const field = (name: string, code: string, zh: string, en: string): FieldError => ({
  field: name,
  code,
  zh,
  en,
});

const summaryOf = (t: repo.TaskRow, today: string): TaskSummary => {
  const { description: _d, reviewNote: _r, ...rest } = t;
  return { ...rest, overdue: isTaskOverdue(t.state, t.dueOn, today) };
};

/**
 * The platforms a city leader is paired with on `today` (市领导联系重点产业平台); empty for anyone
 * else. A filter and a default on the leader's pages, never a scope: a leader reads city-wide.
 */
export async function pairedPlatformsOf(
  db: Db,
  actor: Actor,
  today: string = zonedDate(),
): Promise<number[]> {
  if (actor.role !== 'leader' || !actor.userId) return [];
  return repo.pairedPlatformIds(db, actor.userId, today);
}

/** Meetings are the task force's records: it and the city leaders read them. */
const readsMeetings = (actor: Actor) => can(actor, 'task:manage') || actor.role === 'leader';

export interface TaskOptions {
  today?: string;
}

export function createTaskService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };
  const nameOf = async (tx: Db | Tx, actor: Actor) =>
    (actor.userId ? await repo.displayNameOf(tx, actor.userId) : null) ?? actor.username;

  async function detailOf(actor: Actor, t: repo.TaskRow, today: string): Promise<TaskDetail> {
    const party = taskPartyOf(actor, t);
    return {
      ...summaryOf(t, today),
      description: t.description,
      reviewNote: t.reviewNote,
      milestones: await repo.milestonesOf(db, t.id),
      progress: await repo.progressOf(db, t.id),
      supervisions: await repo.supervisionsOf(db, t.id),
      actions: taskActionsFor(t.state, party),
    };
  }

  function meetingFields(input: MeetingWrite): repo.MeetingFields {
    const title = input.title.trim();
    if (!title) fail('VALIDATION_FAILED', [field('title', 'REQUIRED', '请填写会议名称', 'Enter the title')]);
    return {
      title,
      heldOn: input.heldOn,
      host: input.host.trim(),
      place: input.place.trim(),
      attendees: {
        departmentIds: [...new Set(input.attendees.departmentIds)],
        platformIds: [...new Set(input.attendees.platformIds)],
        others: input.attendees.others.map((o) => o.trim()).filter(Boolean),
      },
      summary: input.summary.trim(),
      decisions: input.decisions.map((d) => d.trim()).filter(Boolean),
    };
  }

  async function createMeetingIn(tx: Tx, actor: Actor, input: MeetingWrite): Promise<number> {
    require(actor, 'task:manage');
    const m = meetingFields(input);
    const id = await repo.insertMeeting(tx, m, actor.userId || null);
    await recordAudit(tx, subjectOf(actor), {
      action: 'meeting.create',
      result: 'success',
      objectType: 'meeting',
      objectId: id,
      detail: { title: m.title, heldOn: m.heldOn, decisions: m.decisions.length },
    });
    return id;
  }

  async function createTaskIn(tx: Tx, actor: Actor, input: TaskCreate, options: TaskOptions = {}) {
    require(actor, 'task:manage');
    const today = options.today ?? zonedDate();
    const title = input.title.trim();
    const errors: FieldError[] = [];
    if (!title) errors.push(field('title', 'REQUIRED', '请填写任务名称', 'Enter the title'));
    let meetingId: number | null = null;
    let decisionId: number | null = null;
    let planRef: string | null = null;
    if (input.sourceKind === 'meeting') {
      const d = input.decisionId ? await repo.decisionById(tx, input.decisionId) : null;
      if (!d) errors.push(field('decisionId', 'REQUIRED', '请选择会议决定事项', 'Choose the decision'));
      else ({ meetingId, id: decisionId } = d);
    } else {
      planRef = input.planRef?.trim() || null;
      if (!planRef)
        errors.push(
          field('planRef', 'REQUIRED', '请填写规划条目（如 §3.3）', 'Enter the plan section (e.g. §3.3)'),
        );
    }
    if (!input.dueOn === !input.dueWorkingDays)
      errors.push(
        field(
          'dueOn',
          'REQUIRED',
          '请填写截止日期或工作日数（二选一）',
          'Give a deadline or a number of working days (one of them)',
        ),
      );
    if (input.dueOn && input.dueOn < today)
      errors.push(field('dueOn', 'PAST', '截止日期不能早于今天', 'The deadline cannot be before today'));
    if (errors.length) fail('VALIDATION_FAILED', errors);
    const owner =
      input.ownerKind === 'department'
        ? await repo.activeDepartment(tx, input.ownerId)
        : await repo.livePlatform(tx, input.ownerId);
    if (!owner) fail(input.ownerKind === 'department' ? 'DEPARTMENT_NOT_FOUND' : 'PLATFORM_NOT_FOUND');
    const dueOn =
      input.dueOn ?? dueAfterWorkingDays(today, input.dueWorkingDays!, await calendarAround(tx, today));
    const { id, code } = await repo.insertTask(tx, {
      year: Number(today.slice(0, 4)),
      title,
      description: input.description.trim(),
      sourceKind: input.sourceKind,
      meetingId,
      decisionId,
      planRef,
      ownerKind: input.ownerKind,
      ownerDepartmentId: input.ownerKind === 'department' ? owner!.id : null,
      ownerPlatformId: input.ownerKind === 'platform' ? owner!.id : null,
      assignedOn: today,
      dueOn,
      dueWorkingDays: input.dueWorkingDays ?? null,
      createdBy: actor.userId || null,
    });
    for (const [i, m] of (input.milestones ?? []).entries())
      await repo.insertMilestone(tx, id, i + 1, m.title.trim(), m.dueOn);
    await recordAudit(tx, subjectOf(actor), {
      action: 'task.create',
      result: 'success',
      objectType: 'task',
      objectId: id,
      detail: {
        code,
        source: input.sourceKind,
        meetingId,
        decisionId,
        planRef,
        owner: { kind: input.ownerKind, id: owner!.id, name: owner!.name },
        dueOn,
        dueWorkingDays: input.dueWorkingDays ?? null,
      },
    });
    return id;
  }

  async function stepIn(
    tx: Tx,
    actor: Actor,
    id: number,
    action: TaskAction,
    body: TaskStep,
    options: TaskOptions = {},
  ) {
    require(actor, 'task:read');
    const today = options.today ?? zonedDate();
    const t = await repo.taskById(tx, accessOf(actor), id, true);
    if (!t) return fail('TASK_NOT_FOUND');
    const party = taskPartyOf(actor, t);
    const refusal = taskRefusalOf(t.state, action, party);
    if (refusal === 'PARTY')
      forbidden(
        action === 'review' || action === 'return' || action === 'supervise' ? 'task:manage' : 'task:report',
      );
    if (t.version !== body.version) fail('VERSION_CONFLICT');
    if (refusal === 'STATE') fail('TASK_STEP_REFUSED');
    const note = normaliseTaskNote(body.note);
    if (TASK_TRANSITIONS[action].needsNote && note === null)
      fail('REQUEST_NOTE_REQUIRED', [
        field('note', 'TOO_SHORT', '请填写说明（至少 2 个字）', 'Write a note (at least 2 characters)'),
      ]);
    const actorName = await nameOf(tx, actor);
    const f: repo.TaskFields = {
      state: t.state,
      percent: t.percent,
      completedOn: t.completedOn,
      reviewedOn: t.reviewedOn,
      reviewNote: t.reviewNote,
    };
    const detail: Record<string, unknown> = {};
    switch (action) {
      case 'report': {
        const percent = body.percent ?? t.percent;
        f.state = nextTaskState(t.state, action);
        f.percent = percent;
        await repo.insertProgress(tx, {
          taskId: id,
          reportedOn: today,
          text: note!,
          percent,
          actorId: actor.userId || null,
          actorName,
        });
        Object.assign(detail, { percent, reportedOn: today });
        break;
      }
      case 'milestone': {
        if (!body.milestoneId || !(await repo.setMilestoneDone(tx, id, body.milestoneId, today)))
          fail('VALIDATION_FAILED', [
            field('milestoneId', 'UNKNOWN', '请选择未完成的节点', 'Choose an open milestone'),
          ]);
        Object.assign(detail, { milestoneId: body.milestoneId, doneOn: today });
        break;
      }
      case 'complete':
        f.state = nextTaskState(t.state, action, { dueOn: t.dueOn, completedOn: today });
        f.percent = 100;
        f.completedOn = today;
        Object.assign(detail, { completedOn: today, dueOn: t.dueOn, late: f.state === 'completed_late' });
        if (note)
          await repo.insertProgress(tx, {
            taskId: id,
            reportedOn: today,
            text: note,
            percent: 100,
            actorId: actor.userId || null,
            actorName,
          });
        break;
      case 'review':
        f.state = nextTaskState(t.state, action);
        f.reviewedOn = today;
        f.reviewNote = note;
        break;
      case 'return':
        f.state = nextTaskState(t.state, action);
        f.completedOn = null;
        f.reviewNote = note;
        break;
      case 'supervise': {
        const level = Math.max(1, t.supervisionLevel);
        await repo.insertSupervision(tx, {
          taskId: id,
          level,
          on: today,
          note: note!,
          automatic: false,
          actorName,
        });
        if (t.supervisionLevel < level) await repo.setSupervisionLevel(tx, id, level);
        detail.level = level;
        await notifySupervised(tx, { ...t, level }, actor.userId);
        break;
      }
    }
    if (!(await repo.updateTask(tx, id, body.version, f))) fail('VERSION_CONFLICT');
    await recordAudit(tx, subjectOf(actor), {
      action: STEP_AUDIT[action],
      result: 'success',
      objectType: 'task',
      objectId: id,
      detail: { code: t.code, from: t.state, to: f.state, note, ...detail },
    });
  }

  /** 任务督办 in the owner's inbox (its department's users or its platform's administrators) and robot. */
  async function notifySupervised(
    tx: Tx,
    t: {
      id: number;
      code: string;
      title: string;
      dueOn: string | null;
      level: number;
      ownerKind: string;
      ownerId: number;
    },
    except: number | null,
  ) {
    const department = t.ownerKind === 'department';
    await notifyIn(tx, {
      kind: 'task_supervised',
      to: [department ? { kind: 'department', id: t.ownerId } : { kind: 'platform_admins', id: t.ownerId }],
      params: { code: t.code, title: t.title, level: t.level, dueOn: t.dueOn ?? undefined },
      link: `/tasks?task=${t.id}`,
      except,
      webhooks: [{ target: department ? 'department' : 'platform', id: t.ownerId }],
    });
  }

  /** Raises supervision of open tasks past their deadline; one record and audit row per change. */
  async function superviseOverdue(today: string = zonedDate()): Promise<number> {
    return database.transaction((tx) => superviseOverdueIn(tx, today));
  }

  /** `superviseOverdue` in the caller's transaction (the demo loader). */
  async function superviseOverdueIn(tx: Tx, today: string): Promise<number> {
    {
      const candidates = await repo.overdueCandidates(tx, today);
      if (!candidates.length) return 0;
      const cal = await calendarAround(tx, today);
      let changed = 0;
      for (const t of candidates) {
        const level = supervisionLevel(t.state, t.dueOn, today, cal, t.supervisionLevel);
        if (level <= t.supervisionLevel) continue;
        await repo.setSupervisionLevel(tx, t.id, level);
        await repo.insertSupervision(tx, {
          taskId: t.id,
          level,
          on: today,
          note: '',
          automatic: true,
          actorName: SUPERVISION_SUBJECT.username!,
        });
        await notifySupervised(tx, { ...t, level }, null);
        await recordAudit(tx, SUPERVISION_SUBJECT, {
          action: 'task.escalate',
          result: 'success',
          objectType: 'task',
          objectId: t.id,
          detail: { code: t.code, level, previousLevel: t.supervisionLevel, dueOn: t.dueOn, today },
        });
        changed++;
      }
      return changed;
    }
  }

  async function readOne(actor: Actor, id: number, today: string): Promise<TaskDetail> {
    const t = await repo.taskById(db, accessOf(actor), id);
    if (!t) return fail('TASK_NOT_FOUND');
    return detailOf(actor, t, today);
  }

  async function meetingById(id: number): Promise<Meeting> {
    const [m] = await repo.meetings(db, id);
    if (!m) return fail('MEETING_NOT_FOUND');
    return m;
  }

  /** The platforms a city leader is paired with today (empty for anyone else). */
  const pairedPlatforms = (actor: Actor, today: string = zonedDate()) => pairedPlatformsOf(db, actor, today);

  return {
    superviseOverdue,
    superviseOverdueIn,
    createMeetingIn,
    /** A meeting's decision ids in order (the demo loader). */
    decisionIdsIn: async (tx: Tx, meetingId: number) =>
      ((await repo.meetings(tx, meetingId))[0]?.decisions ?? []).map((d) => d.id),
    /** A task's milestone ids in order (the demo loader). */
    milestoneIdsIn: async (tx: Tx, taskId: number) => (await repo.milestonesOf(tx, taskId)).map((m) => m.id),
    createTaskIn,
    stepIn,
    pairedPlatforms,

    async list(actor: Actor, q: TaskQuery, today: string = zonedDate()): Promise<TaskList> {
      require(actor, 'task:read');
      await superviseOverdue(today);
      const { page, pageSize, paired, ...filters } = q;
      const platformIds = paired ? await pairedPlatforms(actor, today) : undefined;
      const { rows, total } = await repo.listTasks(db, accessOf(actor), { ...filters, platformIds }, today, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: rows.map((r) => summaryOf(r, today)), total, page, pageSize };
    },

    async get(actor: Actor, id: number, today: string = zonedDate()): Promise<TaskDetail> {
      require(actor, 'task:read');
      await superviseOverdue(today);
      return readOne(actor, id, today);
    },

    async create(actor: Actor, input: TaskCreate, today: string = zonedDate()): Promise<TaskDetail> {
      require(actor, 'task:manage');
      const id = await database.transaction((tx) => createTaskIn(tx, actor, input, { today }));
      return readOne(actor, id, today);
    },

    async step(actor: Actor, id: number, action: TaskAction, body: TaskStep, today: string = zonedDate()) {
      await database.transaction((tx) => stepIn(tx, actor, id, action, body, { today }));
      return readOne(actor, id, today);
    },

    async meetings(actor: Actor): Promise<Meeting[]> {
      require(actor, 'task:read');
      if (!readsMeetings(actor)) forbidden('task:manage');
      return repo.meetings(db);
    },

    async meeting(actor: Actor, id: number): Promise<Meeting> {
      require(actor, 'task:read');
      if (!readsMeetings(actor)) forbidden('task:manage');
      return meetingById(id);
    },

    async createMeeting(actor: Actor, input: MeetingWrite): Promise<Meeting> {
      const id = await database.transaction((tx) => createMeetingIn(tx, actor, input));
      return meetingById(id);
    },

    async updateMeeting(
      actor: Actor,
      id: number,
      input: MeetingWrite & { version: number },
    ): Promise<Meeting> {
      require(actor, 'task:manage');
      await database.transaction(async (tx) => {
        const [before] = await repo.meetings(tx, id);
        if (!before) return fail('MEETING_NOT_FOUND');
        const m = meetingFields(input);
        if (!(await repo.updateMeeting(tx, id, input.version, m))) fail('VERSION_CONFLICT');
        await recordAudit(tx, subjectOf(actor), {
          action: 'meeting.update',
          result: 'success',
          objectType: 'meeting',
          objectId: id,
          detail: {
            before: { title: before.title, heldOn: before.heldOn },
            after: { title: m.title, heldOn: m.heldOn },
          },
        });
      });
      return meetingById(id);
    },

    async departmentUsers(actor: Actor, departmentId: number) {
      require(actor, 'request:configure');
      return { items: await repo.departmentUsers(db, departmentId) };
    },

    async pairings(actor: Actor) {
      require(actor, 'task:manage');
      return { items: await repo.pairings(db), leaders: await repo.leaders(db) };
    },

    async createPairing(actor: Actor, input: PairingCreate): Promise<Pairing> {
      require(actor, 'task:manage');
      return database.transaction(async (tx) => {
        if (!(await repo.isLeader(tx, input.leaderUserId)))
          fail('VALIDATION_FAILED', [
            field('leaderUserId', 'NOT_A_LEADER', '请选择市领导账号', 'Choose a city-leader account'),
          ]);
        const p = await repo.livePlatform(tx, input.platformId);
        if (!p) fail('PLATFORM_NOT_FOUND');
        const id = await repo.insertPairing(tx, input);
        await recordAudit(tx, subjectOf(actor), {
          action: 'leader_platform.create',
          result: 'success',
          objectType: 'leader_platform',
          objectId: id,
          detail: { ...input, platformName: p!.name },
        });
        return (await repo.pairings(tx, id))[0]!;
      });
    },

    async endPairing(actor: Actor, id: number, toOn: string): Promise<Pairing> {
      require(actor, 'task:manage');
      return database.transaction(async (tx) => {
        const [before] = await repo.pairings(tx, id);
        if (!before) return fail('PAIRING_NOT_FOUND');
        if (!(await repo.endPairing(tx, id, toOn)))
          fail('VALIDATION_FAILED', [
            field('toOn', 'INVALID', '结束日期无效或已结束', 'Invalid end date, or already ended'),
          ]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'leader_platform.end',
          result: 'success',
          objectType: 'leader_platform',
          objectId: id,
          detail: { leaderUserId: before.leaderUserId, platformId: before.platformId, toOn },
        });
        return (await repo.pairings(tx, id))[0]!;
      });
    },

    /** A city leader's paired platforms with their open requests and tasks (empty for others). */
    async myPlatforms(actor: Actor, today: string = zonedDate()): Promise<MyPlatforms> {
      require(actor, 'task:read');
      return { items: await repo.platformCounts(db, await pairedPlatforms(actor, today), today) };
    },

    /** One object per task in scope (the CLI's `yiyuan tasks --json`). */
    async exportRows(actor: Actor, today: string = zonedDate()) {
      require(actor, 'task:read');
      const { rows } = await repo.listTasks(db, accessOf(actor), {}, today, null);
      return rows
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((t) => ({
          id: t.code,
          title: t.title,
          owner: t.ownerName,
          ownerKind: t.ownerKind,
          source: t.sourceKind === 'meeting' ? t.meetingTitle : t.planRef,
          state: t.state,
          dueOn: t.dueOn,
          completedOn: t.completedOn,
          overdue: isTaskOverdue(t.state, t.dueOn, today),
          supervisionLevel: t.supervisionLevel,
        }));
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;
