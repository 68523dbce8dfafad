/**
 * Enterprise requests (企业诉求, domain guide §10): the closed loop 受理 → 交办 → 处置 → 反馈 →
 * 办结 → 评价, its deadlines in working days (§11), escalation (督办) and the figures the cockpit
 * shows. Pure: no I/O; the service supplies the working-day calendar and today's date.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../calendar/core/working-days';

/** The default categories; the list itself is data (`request_categories`) the task force edits. */
export const DEFAULT_CATEGORIES = [
  { code: 'land', nameZh: '用地', nameEn: 'Land' },
  { code: 'energy', nameZh: '用能', nameEn: 'Energy' },
  { code: 'finance', nameZh: '融资', nameEn: 'Finance' },
  { code: 'talent', nameZh: '人才', nameEn: 'Talent' },
  { code: 'approval', nameZh: '审批', nameEn: 'Approvals' },
  { code: 'policy', nameZh: '政策', nameEn: 'Policy redemption' },
  { code: 'infrastructure', nameZh: '基础设施', nameEn: 'Infrastructure' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

/** Default deadlines in working days: a simple request 1, a complex one 3 (editable per category). */
export const DEFAULT_SLA = { simple: 1, complex: 3 } as const;

export const STATES = [
  'submitted', // 待受理: raised, not yet accepted
  'accepted', // 已受理
  'assigned', // 已交办: handed to a department or a platform
  'in_progress', // 处置中
  'answered', // 已反馈
  'closed', // 已办结
  'rated', // 已评价
  'suspended', // 已挂起
] as const;
export type RequestState = (typeof STATES)[number];

export const STATE_NAMES: Record<RequestState, { zh: string; en: string }> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '已交办', en: 'Assigned' },
  in_progress: { zh: '处置中', en: 'In progress' },
  answered: { zh: '已反馈', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  rated: { zh: '已评价', en: 'Rated' },
  suspended: { zh: '已挂起', en: 'Suspended' },
};

export const ACTIONS = [
  'accept', // 受理 (complexity chosen here)
  'assign', // 交办
  'transfer', // 转办 / 重新交办 (reason)
  'start', // 开始处置
  'answer', // 反馈 (the answer)
  'close', // 办结
  'rate', // 评价 (不满意 reopens)
  'suspend', // 挂起 (reason)
  'resume', // 恢复
] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** The parties that act on a request. `department`: the department the request is handed to. */
export const PARTIES = ['enterprise', 'commissioner', 'platform', 'department', 'task_force'] as const;
export type Party = (typeof PARTIES)[number];

export const CHANNELS = ['enterprise', 'commissioner', 'platform', 'task_force'] as const;
export type Channel = (typeof CHANNELS)[number];
export const COMPLEXITIES = ['simple', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const ASSIGNEE_KINDS = ['department', 'platform'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

export interface Transition {
  from: readonly RequestState[];
  /** The next state; `previous` = the state the request was in before it was suspended. */
  to: RequestState | 'previous';
  by: readonly Party[];
  /** The step needs a reason (or, for `answer`, the answer itself). */
  needsNote: boolean;
}

const HANDLERS: readonly Party[] = ['platform', 'department', 'task_force'];
/**
 * Who accepts and hands a request on: the platform, the task force, and the enterprise's current
 * commissioner (issue 13: the commissioner hands its enterprise's request to a department). The
 * commissioner does not handle, suspend or close it.
 */
const DISPATCHERS: readonly Party[] = ['commissioner', 'platform', 'task_force'];

/**
 * The state machine as a table: every allowed (state, action) pair, its next state and who may
 * take it. Everything not listed is refused. `rate` with 不满意 goes back to 处置 (see `nextState`).
 */
export const TRANSITIONS: Record<RequestAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', by: DISPATCHERS, needsNote: false },
  assign: { from: ['accepted'], to: 'assigned', by: DISPATCHERS, needsNote: false },
  transfer: { from: ['assigned', 'in_progress'], to: 'assigned', by: DISPATCHERS, needsNote: true },
  start: { from: ['assigned'], to: 'in_progress', by: HANDLERS, needsNote: false },
  answer: { from: ['in_progress'], to: 'answered', by: HANDLERS, needsNote: true },
  close: { from: ['answered'], to: 'closed', by: HANDLERS, needsNote: false },
  rate: { from: ['closed'], to: 'rated', by: ['enterprise'], needsNote: false },
  suspend: {
    from: ['accepted', 'assigned', 'in_progress'],
    to: 'suspended',
    by: HANDLERS,
    needsNote: true,
  },
  resume: { from: ['suspended'], to: 'previous', by: HANDLERS, needsNote: false },
};

export type Refusal = 'STATE' | 'PARTY';

/** Whether `party` may take `action` in `state`: null when allowed, else why not. */
export function refusalOf(state: RequestState, action: RequestAction, party: Party): Refusal | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) return 'STATE';
  if (!t.by.includes(party)) return 'PARTY';
  return null;
}

/** The actions `party` may take in `state`, in table order (the buttons the UI shows). */
export function actionsFor(state: RequestState, party: Party): RequestAction[] {
  return ACTIONS.filter((a) => refusalOf(state, a, party) === null);
}

/** The state after an allowed step. 不满意 reopens to 处置 (same assignee). */
export function nextState(
  state: RequestState,
  action: RequestAction,
  opts: { suspendedFrom?: RequestState | null; rating?: Rating | null } = {},
): RequestState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) throw new RangeError(`${action} is not allowed in ${state}`);
  if (action === 'rate' && opts.rating === 'dissatisfied') return 'in_progress';
  if (t.to === 'previous') {
    if (!opts.suspendedFrom) throw new RangeError('resume needs the state before the suspension');
    return opts.suspendedFrom;
  }
  return t.to;
}

/** Done: closed (办结) or closed and rated. */
export const isDone = (state: RequestState) => state === 'closed' || state === 'rated';

/** The category's deadline for the complexity. */
export function slaDays(category: { slaSimpleDays: number; slaComplexDays: number }, c: Complexity): number {
  return c === 'complex' ? category.slaComplexDays : category.slaSimpleDays;
}

/** The due date: `sla` working days after the day received ("N working days after D", §11). */
export function dueOn(receivedOn: string, sla: number, cal: WorkingCalendar): string {
  return addWorkingDays(receivedOn, sla, cal);
}

/**
 * Suspension stops the clock: the working days between the day suspended and the day resumed
 * (the days in (suspendedOn, resumedOn]) are added to the due date.
 */
export function dueAfterSuspension(
  due: string,
  suspendedOn: string,
  resumedOn: string,
  cal: WorkingCalendar,
): string {
  return addWorkingDays(due, workingDaysBetween(suspendedOn, resumedOn, cal), cal);
}

/** Closed on or before its due date; null while not closed. */
export function onTime(due: string, closedOn: string | null): boolean | null {
  return closedOn === null ? null : closedOn <= due;
}

/** Open and past its due date. A suspended request is not overdue (its clock is stopped). */
export function isOverdue(state: RequestState, due: string, today: string): boolean {
  return !isDone(state) && state !== 'suspended' && today > due;
}

/** Working days late before a platform-level 督办 moves to the city (市级督办). */
export const CITY_ESCALATION_AFTER = 3;

/**
 * Escalation (督办): 0 none; 1 at the platform level from the first day past the due date; 2 at
 * the city level once more than `CITY_ESCALATION_AFTER` working days late. Never goes down.
 */
export function escalationLevel(
  state: RequestState,
  due: string,
  today: string,
  cal: WorkingCalendar,
  current = 0,
): number {
  if (!isOverdue(state, due, today)) return current;
  const late = workingDaysBetween(due, today, cal);
  const level = late > CITY_ESCALATION_AFTER ? 2 : 1;
  return Math.max(current, level);
}

export interface MetricRow {
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  state: RequestState;
  rating: Rating | null;
  escalationLevel: number;
}

export interface RequestMetrics {
  received: number;
  closed: number;
  /** closed ÷ received; null with nothing received. */
  closureRate: number | null;
  closedOnTime: number;
  /** closed on time ÷ closed; null with nothing closed. */
  onTimeRate: number | null;
  /** Mean working days from received to closed; null with nothing closed. */
  averageDaysToClose: number | null;
  rated: number;
  /** (满意 + 基本满意) ÷ rated; null with nothing rated. */
  satisfactionShare: number | null;
  overdue: number;
  escalated: number;
}

/** The province-wide pool's 2025 closure rate (domain guide §10): the bar the cockpit shows. */
export const PROVINCIAL_CLOSURE_BAR = 0.9997;

/** The figures of a set of requests (e.g. those received in a year) as of `today`. */
export function metricsOf(rows: readonly MetricRow[], today: string, cal: WorkingCalendar): RequestMetrics {
  let closed = 0;
  let closedOnTime = 0;
  let days = 0;
  let rated = 0;
  let satisfied = 0;
  let overdue = 0;
  let escalated = 0;
  for (const r of rows) {
    if (isDone(r.state) && r.closedOn) {
      closed++;
      if (r.closedOn <= r.dueOn) closedOnTime++;
      days += workingDaysBetween(r.receivedOn, r.closedOn, cal);
    }
    if (r.rating) {
      rated++;
      if (r.rating !== 'dissatisfied') satisfied++;
    }
    if (isOverdue(r.state, r.dueOn, today)) overdue++;
    if (r.escalationLevel > 0) escalated++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    received: rows.length,
    closed,
    closureRate: ratio(closed, rows.length),
    closedOnTime,
    onTimeRate: ratio(closedOnTime, closed),
    averageDaysToClose: ratio(days, closed),
    rated,
    satisfactionShare: ratio(satisfied, rated),
    overdue,
    escalated,
  };
}

/** The request's code: QS-<year>-<serial, six digits>. */
export function requestCode(year: number, serial: number): string {
  return `QS-${year}-${String(serial).padStart(6, '0')}`;
}

export const REASON_MIN_LENGTH = 2;
/** A reason or answer trimmed; null when too short. */
export function normaliseNote(note: string | null | undefined): string | null {
  const t = (note ?? '').trim();
  return t.length >= REASON_MIN_LENGTH ? t : null;
}
