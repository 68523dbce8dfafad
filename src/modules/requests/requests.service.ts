/**
 * Enterprise requests (企业诉求, domain guide §10): raise, the closed loop's steps, the timeline,
 * attachments, escalation of overdue requests, the year's figures; categories and departments.
 *
 * Escalation (督办) runs on read: every list, detail and figures call first runs
 * `escalateOverdue(today)` (one indexed query when nothing is due; rows another caller is
 * escalating are skipped), so the levels are current whenever anybody looks, with no scheduler to
 * keep alive. `yiyuan requests escalate` runs it by hand.
 */
import type { Database, Db, Tx } from '../../platform/db/client';
import { addWorkingDaysIn, workingCalendarIn } from '../calendar/calendar.service';
import { AppError, fail, forbidden, type FieldError } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf, type AuditAction, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import type { WorkingCalendar } from '../calendar/core/working-days';
import { yearEnd } from '../chain-leaders/core/rules';
import { REQUEST_CATEGORY_OF } from '../visits/core/codes';
import { coverageDataIn, linkProblemsIn, problemForRequestIn } from '../visits/visits.service';
import { pairedPlatformsOf } from '../tasks/tasks.service';
import * as repo from './requests.repository';
import { serviceMetrics } from './core/service-metrics';
import { notifyIn, type Audience } from '../notifications/notifications.service';
import type { WebhookTarget } from '../notifications/core/kinds';
import type {
  Attachment,
  Category,
  CategoryCreate,
  CategoryWrite,
  Department,
  DepartmentWrite,
  RequestCreate,
  RequestDetail,
  RequestExportRow,
  RequestList,
  RequestQuery,
  RequestStats,
  RequestSummary,
  ServiceMetricsReport,
  StepBody,
} from './requests.schemas';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_REQUEST,
  ATTACHMENT_TYPES,
  sniffType,
} from './core/attachments';
import {
  actionsFor,
  dueAfterSuspension,
  dueOn,
  escalationLevel,
  isOverdue,
  metricsOf,
  nextState,
  normaliseNote,
  onTime,
  PROVINCIAL_CLOSURE_BAR,
  refusalOf,
  slaDays,
  TRANSITIONS,
  type Channel,
  type Party,
  type RequestAction,
} from './core/requests';

/**
 * The working-day calendar for deadlines around `date`: the task force's calendar (holidays and
 * make-up days as entered; a year not entered counts Monday–Friday). Two years either side cover
 * any deadline, suspension or escalation a request can reach. The one place requests read it.
 */
async function calendarAround(db: Db, date: string): Promise<WorkingCalendar> {
  const year = Number(date.slice(0, 4));
  return (await workingCalendarIn(db, year - 2, year + 2)).calendar;
}

/** The party an actor acts as on requests (null: reads only). */
export function partyOf(actor: Actor): Party | null {
  switch (actor.role) {
    case 'task_force':
      return 'task_force';
    case 'platform_admin':
      return 'platform';
    case 'commissioner':
      return 'commissioner';
    case 'enterprise':
      return 'enterprise';
    case 'department':
      return 'department';
    default:
      return null;
  }
}

const accessOf = (actor: Actor): repo.Access => ({
  scope: platformScope(actor),
  departmentId: actor.role === 'department' ? (actor.departmentId ?? -1) : null,
});

const STEP_PERMISSION: Record<RequestAction, Permission> = {
  accept: 'request:dispatch',
  assign: 'request:dispatch',
  transfer: 'request:dispatch',
  start: 'request:handle',
  answer: 'request:handle',
  close: 'request:handle',
  suspend: 'request:handle',
  resume: 'request:handle',
  rate: 'request:rate',
};

const audited = (action: AuditAction) => action;
const STEP_AUDIT: Record<RequestAction, AuditAction> = {
  accept: audited('request.accept'),
  assign: audited('request.assign'),
  transfer: audited('request.transfer'),
  start: audited('request.start'),
  answer: audited('request.answer'),
  close: audited('request.close'),
  rate: audited('request.rate'),
  suspend: audited('request.suspend'),
  resume: audited('request.resume'),
};

const ESCALATION_SUBJECT: AuditSubject = { userId: null, username: 'system:escalation', ip: null };

const field = (name: string, code: string, zh: string, en: string): FieldError => ({
  field: name,
  code,
  zh,
  en,
});

function summaryOf(r: repo.RequestRow, today: string): RequestSummary {
  return {
    id: r.id,
    code: r.code,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    platformId: r.platformId,
    platformName: r.platformName,
    platformNameEn: r.platformNameEn,
    category: r.category,
    categoryZh: r.categoryZh,
    categoryEn: r.categoryEn,
    title: r.title,
    urgency: r.urgency,
    channel: r.channel,
    complexity: r.complexity,
    state: r.state,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    onTime: onTime(r.dueOn, r.closedOn),
    overdue: isOverdue(r.state, r.dueOn, today),
    escalationLevel: r.escalationLevel,
    chainLeader: r.chainLeader,
    assigneeKind: r.assigneeKind,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    assigneeNameEn: r.assigneeNameEn,
    rating: r.rating,
    version: r.version,
  };
}

const linkOf = (id: number) => `/requests/${id}`;

/**
 * Who handles a request now, to notify: its department's users, or the administrators of the
 * platform it is handed to (its own platform's while it is not handed on yet); and their robot.
 */
function handlerOf(r: Pick<repo.NoticeRow, 'assigneeKind' | 'assigneeId' | 'platformId'>): {
  to: Audience[];
  webhooks: { target: WebhookTarget; id: number }[];
} {
  if (r.assigneeKind === 'department' && r.assigneeId)
    return {
      to: [{ kind: 'department', id: r.assigneeId }],
      webhooks: [{ target: 'department', id: r.assigneeId }],
    };
  const platformId = r.assigneeKind === 'platform' && r.assigneeId ? r.assigneeId : r.platformId;
  return {
    to: [{ kind: 'platform_admins', id: platformId }],
    webhooks: [{ target: 'platform', id: platformId }],
  };
}

/**
 * The notifications a step gives, in the step's transaction (`notifyIn` never fails the step):
 * 新交办 to the new handler, 已反馈 / 已办结 to the enterprise's users, 已评价 to the handler, and
 * 诉求进展 to the enterprise's commissioner for every step. The actor is not told of its own step.
 */
async function notifyStep(
  tx: Tx,
  actor: Actor,
  r: repo.NoticeRow,
  action: RequestAction | 'create',
  extra: { dueOn: string; assignee?: string; rating?: string },
) {
  const base = { requestId: r.id, link: linkOf(r.id), except: actor.userId || null };
  const params = { code: r.code, title: r.title };
  if (action === 'assign' || action === 'transfer')
    await notifyIn(tx, {
      kind: 'assigned',
      ...base,
      ...handlerOf(r),
      params: { ...params, dueOn: extra.dueOn, ...(extra.assignee ? { assignee: extra.assignee } : {}) },
    });
  if (action === 'answer' || action === 'close')
    await notifyIn(tx, {
      kind: action === 'answer' ? 'answered' : 'closed',
      ...base,
      to: [{ kind: 'enterprise', id: r.enterpriseId }],
      params,
    });
  if (action === 'rate')
    await notifyIn(tx, {
      kind: 'rated',
      ...base,
      ...handlerOf(r),
      params: { ...params, rating: extra.rating },
    });
  await notifyIn(tx, {
    kind: 'progress',
    ...base,
    to: [{ kind: 'commissioner_of', enterpriseId: r.enterpriseId }],
    params: { ...params, step: action },
  });
}

export interface CreateOptions {
  /** The day received (China time); today when left out (the demo loader gives its own). */
  today?: string;
  at?: Date;
  /** Raised on someone else's behalf (a visit's problem: the visit's recorder). */
  raisedBy?: { userId: number | null; name: string; channel: Channel };
}

/** The channel a request raised by a user of this role comes through. */
export function channelOfRole(role: string | null): Channel {
  return role === 'enterprise' || role === 'commissioner' || role === 'task_force' ? role : 'platform';
}

/**
 * Inserts many requests (walked through the rules by the caller) with their timelines in the
 * caller's transaction, with one audit row; links those raised from visits' problems. The demo
 * city's year of requests comes through here.
 */
export async function insertRequestsIn(
  tx: Tx,
  subject: AuditSubject,
  rs: (repo.BulkRequest & { problemId: number | null })[],
): Promise<number> {
  const ids = await repo.insertRequests(tx, rs);
  await linkProblemsIn(
    tx,
    rs.flatMap((r, i) => (r.problemId ? [{ problemId: r.problemId, requestId: ids[i]! }] : [])),
  );
  await recordAudit(tx, subject, {
    action: 'request.seed',
    result: 'success',
    objectType: 'request',
    detail: { requests: ids.length, fromVisits: rs.filter((r) => r.problemId).length },
  });
  return ids.length;
}

export function createRequestService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  async function nameOf(tx: Tx, actor: Actor) {
    return (actor.userId ? await repo.displayNameOf(tx, actor.userId) : null) ?? actor.username;
  }

  async function detailOf(actor: Actor, r: repo.RequestRow, today: string): Promise<RequestDetail> {
    const party = partyOf(actor);
    const actions = party ? actionsFor(r.state, party).filter((a) => can(actor, STEP_PERMISSION[a])) : [];
    return {
      ...summaryOf(r, today),
      description: r.description,
      raisedByName: r.raisedByName,
      answer: r.answer,
      ratingComment: r.ratingComment,
      suspendedFrom: r.suspendedFrom,
      events: await repo.eventsOf(db, r.id),
      attachments: await repo.attachmentsOf(db, r.id),
      actions,
    };
  }

  /** Raises a request in the caller's transaction (the web and the demo loader). */
  async function createIn(tx: Tx, actor: Actor, input: RequestCreate, options: CreateOptions = {}) {
    const party = partyOf(actor);
    // An enterprise user raises for itself: another enterprise's id is out of its scope (404).
    const enterpriseId = input.enterpriseId ?? (actor.role === 'enterprise' ? actor.enterpriseId : null);
    if (!enterpriseId)
      fail('VALIDATION_FAILED', [field('enterpriseId', 'REQUIRED', '请选择企业', 'Choose the enterprise')]);
    const today = options.today ?? zonedDate();
    const year = Number(today.slice(0, 4));
    const enterprise = await repo.enterpriseForRequest(
      tx,
      platformScope(actor),
      enterpriseId!,
      yearEnd(year),
    );
    if (!enterprise) fail('ENTERPRISE_NOT_FOUND');
    const category = await repo.categoryByCode(tx, input.category);
    if (!category || !category.active)
      fail('VALIDATION_FAILED', [
        field('category', 'UNKNOWN_CATEGORY', '请选择有效的诉求类别', 'Choose a valid category'),
      ]);
    const title = input.title.trim();
    const description = input.description.trim();
    const errors: FieldError[] = [];
    if (!title) errors.push(field('title', 'REQUIRED', '请填写标题', 'Enter a title'));
    if (!description) errors.push(field('description', 'REQUIRED', '请填写诉求内容', 'Describe the request'));
    if (errors.length) fail('VALIDATION_FAILED', errors);
    const channel: Channel = options.raisedBy?.channel ?? channelOfRole(party);
    const actorName = await nameOf(tx, actor);
    const raisedByName = options.raisedBy?.name ?? actorName;
    const raisedBy = options.raisedBy ? options.raisedBy.userId : actor.userId || null;
    // A provisional deadline (simple) until the request is accepted and its complexity chosen.
    const due = dueOn(today, slaDays(category!, 'simple'), await calendarAround(tx, today));
    const { id, code } = await repo.insertRequest(tx, {
      year,
      enterpriseId: enterprise!.id,
      platformId: enterprise!.platformId,
      category: category!.code,
      title,
      description,
      urgency: input.urgency ?? 'normal',
      raisedBy,
      raisedByName,
      channel,
      receivedOn: today,
      dueOn: due,
      chainLeader: enterprise!.chainLeader,
      createdAt: options.at,
    });
    await repo.insertEvent(tx, {
      requestId: id,
      actorId: actor.userId || null,
      actorName,
      step: 'create',
      fromState: null,
      toState: 'submitted',
      note: null,
      detail: { channel, dueOn: due },
      at: options.at,
    });
    await recordAudit(tx, subjectOf(actor), {
      action: 'request.create',
      result: 'success',
      objectType: 'request',
      objectId: id,
      detail: { code, enterpriseId: enterprise!.id, category: category!.code, channel, dueOn: due },
    });
    await notifyStep(
      tx,
      actor,
      {
        id,
        code,
        title,
        enterpriseId: enterprise!.id,
        platformId: enterprise!.platformId,
        assigneeKind: null,
        assigneeId: null,
        dueOn: due,
      },
      'create',
      { dueOn: due },
    );
    return id;
  }

  /** One step of the closed loop in the caller's transaction: checks, the row, the event, the audit row. */
  async function stepIn(
    tx: Tx,
    actor: Actor,
    id: number,
    requested: RequestAction,
    body: StepBody,
    options: { today?: string; at?: Date } = {},
  ): Promise<void> {
    const action = requested;
    require(actor, STEP_PERMISSION[action]);
    const today = options.today ?? zonedDate();
    const r = await repo.requestById(tx, accessOf(actor), id, true);
    if (!r) return fail('REQUEST_NOT_FOUND');
    if (r.version !== body.version) fail('VERSION_CONFLICT');
    const party = partyOf(actor);
    const refusal = party ? refusalOf(r.state, action, party) : 'PARTY';
    if (refusal === 'STATE') fail('REQUEST_STEP_REFUSED');
    if (refusal === 'PARTY') forbidden(STEP_PERMISSION[action]);
    const t = TRANSITIONS[action];
    const note = normaliseNote(body.note);
    if (t.needsNote && note === null)
      fail('REQUEST_NOTE_REQUIRED', [
        field(
          'note',
          'TOO_SHORT',
          '请填写理由或答复（至少 2 个字）',
          'Give a reason or an answer (at least 2 characters)',
        ),
      ]);
    const cal = await calendarAround(tx, today);
    const category = (await repo.categoryByCode(tx, r.category))!;
    const f: repo.RequestFields = {
      state: nextState(r.state, action, { suspendedFrom: r.suspendedFrom, rating: body.rating ?? null }),
      suspendedFrom: r.suspendedFrom,
      suspendedOn: r.suspendedOn,
      dueOn: r.dueOn,
      closedOn: r.closedOn,
      complexity: r.complexity,
      assigneeKind: r.assigneeKind,
      assigneeDepartmentId: r.assigneeKind === 'department' ? r.assigneeId : null,
      assigneePlatformId: r.assigneeKind === 'platform' ? r.assigneeId : null,
      rating: r.rating,
      ratingComment: r.ratingComment,
      answer: r.answer,
      escalationLevel: r.escalationLevel,
    };
    const detail: Record<string, unknown> = {};
    switch (action) {
      case 'accept': {
        f.complexity = body.complexity ?? 'simple';
        f.dueOn = dueOn(r.receivedOn, slaDays(category, f.complexity as 'simple' | 'complex'), cal);
        Object.assign(detail, { complexity: f.complexity, dueOn: f.dueOn });
        break;
      }
      case 'assign':
      case 'transfer': {
        if (!body.assigneeKind)
          fail('VALIDATION_FAILED', [
            field('assigneeKind', 'REQUIRED', '请选择交办对象', 'Choose whom to hand it to'),
          ]);
        if (body.assigneeKind === 'department') {
          const d = body.assigneeId ? await repo.departmentById(tx, body.assigneeId) : null;
          if (!d || !d.active) fail('DEPARTMENT_NOT_FOUND');
          f.assigneeKind = 'department';
          f.assigneeDepartmentId = d!.id;
          f.assigneePlatformId = null;
          detail.assignee = { kind: 'department', id: d!.id, name: d!.nameZh };
        } else {
          // A request is handed to its own platform.
          if (body.assigneeId && body.assigneeId !== r.platformId) fail('PLATFORM_NOT_FOUND');
          f.assigneeKind = 'platform';
          f.assigneePlatformId = r.platformId;
          f.assigneeDepartmentId = null;
          detail.assignee = { kind: 'platform', id: r.platformId, name: r.platformName };
        }
        if (r.assigneeKind)
          detail.previousAssignee = { kind: r.assigneeKind, id: r.assigneeId, name: r.assigneeName };
        break;
      }
      case 'answer':
        f.answer = note;
        break;
      case 'close':
        f.closedOn = today;
        Object.assign(detail, { closedOn: today, onTime: today <= r.dueOn });
        break;
      case 'rate': {
        if (!body.rating)
          fail('VALIDATION_FAILED', [field('rating', 'REQUIRED', '请选择评价', 'Choose a rating')]);
        f.rating = body.rating!;
        f.ratingComment = note;
        detail.rating = body.rating;
        if (body.rating === 'dissatisfied') {
          // 不满意 reopens it with the same assignee and a new deadline counted from today.
          f.closedOn = null;
          f.dueOn = dueOn(today, slaDays(category, r.complexity), cal);
          Object.assign(detail, { reopened: true, dueOn: f.dueOn });
        }
        break;
      }
      case 'suspend':
        f.suspendedFrom = r.state;
        f.suspendedOn = today;
        break;
      case 'resume': {
        f.dueOn = dueAfterSuspension(r.dueOn, r.suspendedOn ?? today, today, cal);
        Object.assign(detail, { suspendedOn: r.suspendedOn, dueOn: f.dueOn, previousDueOn: r.dueOn });
        f.suspendedFrom = null;
        f.suspendedOn = null;
        break;
      }
      case 'start':
        break;
    }
    if (!(await repo.updateRequest(tx, id, body.version, f))) fail('VERSION_CONFLICT');
    const actorName = await nameOf(tx, actor);
    await repo.insertEvent(tx, {
      requestId: id,
      actorId: actor.userId || null,
      actorName,
      step: action,
      fromState: r.state,
      toState: f.state,
      note,
      detail,
      at: options.at,
    });
    await recordAudit(tx, subjectOf(actor), {
      action: STEP_AUDIT[action],
      result: 'success',
      objectType: 'request',
      objectId: id,
      detail: { code: r.code, from: r.state, to: f.state, note, ...detail },
    });
    await notifyStep(
      tx,
      actor,
      {
        ...r,
        assigneeKind: f.assigneeKind as repo.NoticeRow['assigneeKind'],
        assigneeId: f.assigneeDepartmentId ?? f.assigneePlatformId,
        dueOn: f.dueOn,
      },
      action,
      {
        dueOn: f.dueOn,
        assignee: (detail.assignee as { name?: string } | undefined)?.name,
        rating: body.rating ?? undefined,
      },
    );
  }

  /** Raises the escalation of open requests past due; one event and audit row per change. */
  async function escalateOverdue(today: string = zonedDate()): Promise<number> {
    return database.transaction(async (tx) => {
      const cal = await calendarAround(tx, today);
      let changed = 0;
      for (const r of await repo.overdueCandidates(tx, today)) {
        const level = escalationLevel(r.state, r.dueOn, today, cal, r.escalationLevel);
        if (level <= r.escalationLevel) continue;
        await repo.setEscalation(tx, r.id, level);
        await repo.insertEvent(tx, {
          requestId: r.id,
          actorId: null,
          actorName: ESCALATION_SUBJECT.username!,
          step: 'escalate',
          fromState: r.state,
          toState: r.state,
          note: null,
          detail: { level, previousLevel: r.escalationLevel, dueOn: r.dueOn, today },
        });
        await recordAudit(tx, ESCALATION_SUBJECT, {
          action: 'request.escalate',
          result: 'success',
          objectType: 'request',
          objectId: r.id,
          detail: { level, previousLevel: r.escalationLevel, dueOn: r.dueOn, today },
        });
        // 督办: level 1 to the platform's administrators (and its robot), level 2 to the task force.
        await notifyIn(tx, {
          kind: 'escalated',
          requestId: r.id,
          link: linkOf(r.id),
          to: [
            level >= 2 ? { kind: 'task_force' } : { kind: 'platform_admins', id: r.platformId },
            { kind: 'commissioner_of', enterpriseId: r.enterpriseId },
          ],
          webhooks: level >= 2 ? [] : [{ target: 'platform', id: r.platformId }],
          params: { code: r.code, title: r.title, level, dueOn: r.dueOn },
        });
        changed++;
      }
      // 即将到期 (due within one working day) and 已逾期: once per request and kind, to the handler.
      const horizon = dueOn(today, 1, cal);
      for (const r of await repo.deadlineNoticeCandidates(tx, today, horizon)) {
        if (!(await repo.markNotice(tx, r.id, r.notice))) continue;
        const handler = handlerOf(r);
        await notifyIn(tx, {
          kind: r.notice,
          requestId: r.id,
          link: linkOf(r.id),
          to: [...handler.to, { kind: 'commissioner_of', enterpriseId: r.enterpriseId }],
          webhooks: handler.webhooks,
          params: { code: r.code, title: r.title, dueOn: r.dueOn },
        });
      }
      return changed;
    });
  }

  async function readOne(actor: Actor, id: number, today: string): Promise<RequestDetail> {
    const r = await repo.requestById(db, accessOf(actor), id);
    if (!r) return fail('REQUEST_NOT_FOUND');
    return detailOf(actor, r, today);
  }

  return {
    escalateOverdue,
    createIn,
    stepIn,

    async list(actor: Actor, q: RequestQuery, today: string = zonedDate()): Promise<RequestList> {
      require(actor, 'request:read');
      await escalateOverdue(today);
      const mine =
        q.mine && actor.role === 'platform_admin' && actor.platformId
          ? repo.assignedToPlatformSql(actor.platformId)
          : null;
      const { page, pageSize, paired, ...filters } = q;
      const platformIds = paired ? await pairedPlatformsOf(db, actor, today) : undefined;
      const { rows, total } = await repo.listRequests(
        db,
        accessOf(actor),
        { ...filters, platformIds },
        today,
        mine,
        {
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      );
      return { items: rows.map((r) => summaryOf(r, today)), total, page, pageSize };
    },

    async get(actor: Actor, id: number, today: string = zonedDate()): Promise<RequestDetail> {
      require(actor, 'request:read');
      await escalateOverdue(today);
      return readOne(actor, id, today);
    },

    async create(actor: Actor, input: RequestCreate, today: string = zonedDate()): Promise<RequestDetail> {
      require(actor, 'request:raise');
      const id = await database.transaction((tx) => createIn(tx, actor, input, { today }));
      return readOne(actor, id, today);
    },

    async step(
      actor: Actor,
      id: number,
      requested: RequestAction,
      body: StepBody,
      today: string = zonedDate(),
    ): Promise<RequestDetail> {
      await database.transaction((tx) => stepIn(tx, actor, id, requested, body, { today }));
      return readOne(actor, id, today);
    },

    /** Attaches a file (type by its bytes, 10 MB at most, 10 per request) to a request in scope. */
    async attach(actor: Actor, id: number, file: { fileName: string; content: Buffer }): Promise<Attachment> {
      require(actor, 'request:read');
      if (!partyOf(actor)) forbidden('request:raise');
      if (file.content.length > ATTACHMENT_MAX_BYTES) fail('ATTACHMENT_TOO_LARGE');
      const type = sniffType(file.content);
      if (!type) fail('ATTACHMENT_TYPE_REFUSED');
      return database.transaction(async (tx) => {
        const r = await repo.requestById(tx, accessOf(actor), id, true);
        if (!r) return fail('REQUEST_NOT_FOUND');
        const existing = await repo.attachmentsOf(tx, id);
        if (existing.length >= ATTACHMENTS_PER_REQUEST) fail('ATTACHMENT_TOO_LARGE');
        const attachmentId = await repo.insertAttachment(tx, {
          requestId: id,
          fileName: file.fileName,
          fileType: type!,
          content: file.content,
          uploadedBy: actor.userId || null,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'request.attach',
          result: 'success',
          objectType: 'request',
          objectId: id,
          detail: { code: r.code, attachmentId, fileName: file.fileName, type, size: file.content.length },
        });
        return (await repo.attachmentsOf(tx, id)).find((a) => a.id === attachmentId)!;
      });
    },

    async attachment(actor: Actor, id: number, attachmentId: number) {
      require(actor, 'request:read');
      const r = await repo.requestById(db, accessOf(actor), id);
      if (!r) return fail('REQUEST_NOT_FOUND');
      const a = await repo.attachmentContent(db, id, attachmentId);
      if (!a) return fail('ATTACHMENT_NOT_FOUND');
      return { ...a, mime: ATTACHMENT_TYPES[a.fileType as keyof typeof ATTACHMENT_TYPES] };
    },

    /** The year's figures of the requests in scope, against the provincial closure rate. */
    async stats(actor: Actor, year?: number, today: string = zonedDate()): Promise<RequestStats> {
      require(actor, 'request:read');
      await escalateOverdue(today);
      const y = year ?? Number(today.slice(0, 4));
      const rows = await repo.metricRows(db, accessOf(actor), y);
      return {
        year: y,
        ...metricsOf(rows, today, await calendarAround(db, `${y}-07-01`)),
        provincialBar: PROVINCIAL_CLOSURE_BAR,
      };
    },

    /**
     * Service metrics (服务成效) of a year: the request figures and the visit coverage per platform,
     * department and commissioner. A platform administrator reads its platform's rows, a department
     * user its department's, a commissioner its own; the task force and city leaders everything.
     */
    async serviceMetrics(
      actor: Actor,
      year?: number,
      today: string = zonedDate(),
    ): Promise<ServiceMetricsReport> {
      require(actor, 'request:metrics');
      await escalateOverdue(today);
      const y = year ?? Number(today.slice(0, 4));
      const access = accessOf(actor);
      const { rows, cover, platforms, departments } = await database.transaction(
        async (tx) => ({
          rows: await repo.groupedMetricRows(tx, access, y),
          // A department user is assigned no enterprises: no coverage to count.
          cover:
            actor.role === 'department'
              ? { assignments: [], visits: [], commissioners: [], platforms: [] }
              : await coverageDataIn(tx, platformScope(actor), y),
          platforms: await repo.platformNames(tx),
          departments: await repo.departments(tx),
        }),
        { isolation: 'repeatable read', readOnly: true },
      );
      const m = serviceMetrics(
        rows,
        cover.assignments,
        cover.visits,
        today,
        await calendarAround(db, `${y}-07-01`),
      );
      const platformOf = new Map(platforms.map((p) => [p.id, p]));
      const departmentOf = new Map(departments.map((d) => [d.id, d]));
      const people = new Map(cover.commissioners.map((c) => [c.id, c]));
      const own = (kind: Actor['role']) => actor.role === kind;
      return {
        year: y,
        platforms:
          own('department') || own('commissioner')
            ? []
            : m.platforms.map((r) => ({
                ...r,
                name: platformOf.get(r.platformId)?.name ?? '',
                nameEn: platformOf.get(r.platformId)?.nameEn ?? '',
              })),
        departments: own('commissioner')
          ? []
          : m.departments.map((r) => ({
              ...r,
              name: departmentOf.get(r.departmentId)?.nameZh ?? '',
              nameEn: departmentOf.get(r.departmentId)?.nameEn ?? '',
            })),
        commissioners: own('department')
          ? []
          : m.commissioners
              .filter((r) => !own('commissioner') || r.commissionerUserId === actor.userId)
              .map((r) => ({
                ...r,
                name: people.get(r.commissionerUserId)?.name ?? '',
              })),
        total: m.total,
      };
    },

    /**
     * Turns a visit's problem into a request in one step: the problem's category, the visit's
     * enterprise, raised by the visit's recorder; the problem is linked to it. A second time is
     * refused (409).
     */
    async raiseFromProblem(
      actor: Actor,
      visitId: number,
      problemId: number,
      today: string = zonedDate(),
    ): Promise<RequestDetail> {
      require(actor, 'request:raise');
      require(actor, 'visit:write');
      const id = await database.transaction(async (tx) => {
        const p = await problemForRequestIn(tx, platformScope(actor), visitId, problemId);
        if (!p) return fail('VISIT_PROBLEM_NOT_FOUND');
        if (p.requestId !== null) return fail('VISIT_PROBLEM_ALREADY_RAISED');
        const text = p.text.trim();
        const requestId = await createIn(
          tx,
          actor,
          {
            enterpriseId: p.enterpriseId,
            category: REQUEST_CATEGORY_OF[p.category],
            title: text.length > 40 ? `${text.slice(0, 39)}…` : text,
            description: text,
          },
          {
            today,
            raisedBy: p.recorderName
              ? { userId: p.recorderId, name: p.recorderName, channel: channelOfRole(p.recorderRole) }
              : undefined,
          },
        );
        await linkProblemsIn(tx, [{ problemId, requestId }]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'visit.problem_to_request',
          result: 'success',
          objectType: 'visit',
          objectId: visitId,
          detail: { problemId, requestId },
        });
        return requestId;
      });
      return readOne(actor, id, today);
    },

    /** One object per request received in the year (the CLI's `yiyuan requests --json`). */
    async exportRows(actor: Actor, year: number): Promise<RequestExportRow[]> {
      require(actor, 'request:read');
      const { rows } = await repo.listRequests(db, accessOf(actor), { year }, zonedDate(), null, null);
      return rows
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({
          id: r.code,
          uscc: r.uscc,
          category: r.category,
          state: r.state,
          receivedOn: r.receivedOn,
          dueOn: r.dueOn,
          closedOn: r.closedOn,
          onTime: onTime(r.dueOn, r.closedOn),
          rating: r.rating,
        }));
    },

    async categories(actor: Actor): Promise<Category[]> {
      require(actor, 'request:read');
      return repo.categories(db);
    },

    async createCategory(actor: Actor, input: CategoryCreate): Promise<Category> {
      require(actor, 'request:configure');
      return database.transaction(async (tx) => {
        const c = await repo.insertCategory(tx, {
          ...input,
          nameZh: input.nameZh.trim(),
          nameEn: input.nameEn.trim(),
        });
        if (!c) return fail('DUPLICATE_NAME');
        await recordAudit(tx, subjectOf(actor), {
          action: 'request.category_update',
          result: 'success',
          objectType: 'request_category',
          objectId: c.code,
          detail: { created: c },
        });
        return c;
      });
    },

    async updateCategory(actor: Actor, code: string, input: CategoryWrite): Promise<Category> {
      require(actor, 'request:configure');
      return database.transaction(async (tx) => {
        const before = await repo.categoryByCode(tx, code);
        if (!before) return fail('REQUEST_CATEGORY_NOT_FOUND');
        const c = (await repo.updateCategory(tx, code, {
          ...input,
          nameZh: input.nameZh.trim(),
          nameEn: input.nameEn.trim(),
        }))!;
        await recordAudit(tx, subjectOf(actor), {
          action: 'request.category_update',
          result: 'success',
          objectType: 'request_category',
          objectId: code,
          detail: { before, after: c },
        });
        return c;
      });
    },

    async departments(actor: Actor): Promise<Department[]> {
      if (!can(actor, 'request:read') && !can(actor, 'user:manage')) forbidden('request:read');
      return repo.departments(db);
    },

    async createDepartment(actor: Actor, input: DepartmentWrite): Promise<Department> {
      require(actor, 'request:configure');
      return database.transaction(async (tx) => {
        const d = await repo.insertDepartment(tx, input);
        if (!d)
          throw new AppError('DUPLICATE_NAME', [
            field('code', 'DUPLICATE', '代码已存在', 'Code already used'),
          ]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'department.create',
          result: 'success',
          objectType: 'department',
          objectId: d.id,
          detail: { created: d },
        });
        return d;
      });
    },

    async updateDepartment(actor: Actor, id: number, input: DepartmentWrite): Promise<Department> {
      require(actor, 'request:configure');
      return database.transaction(async (tx) => {
        const before = await repo.departmentById(tx, id);
        if (!before) return fail('DEPARTMENT_NOT_FOUND');
        const d = await repo.updateDepartment(tx, id, input);
        if (d === 'duplicate')
          throw new AppError('DUPLICATE_NAME', [
            field('code', 'DUPLICATE', '代码已存在', 'Code already used'),
          ]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'department.update',
          result: 'success',
          objectType: 'department',
          objectId: id,
          detail: { before, after: d },
        });
        return d!;
      });
    },

    /** For the demo and tests: the day a due date falls on, from the same calendar. */
    addWorkingDays: async (from: string, days: number) => (await addWorkingDaysIn(db, from, days)).due,
  };
}
export type RequestService = ReturnType<typeof createRequestService>;
