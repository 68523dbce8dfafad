/**
 * Task lists of the task force (工作任务清单, plan §4.1): the states a task goes through, who may
 * take which step, the completed-late rule and supervision (督办) of overdue tasks. Pure: no I/O;
 * the service supplies the working-day calendar and today's date.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../calendar/core/working-days';

export const TASK_STATES = [
  'received', // 已接收
  'in_progress', // 推进中
  'completed', // 已完成 (on or before the deadline)
  'completed_late', // 逾期完成 (after the deadline: derived, never chosen)
  'reviewed', // 已审核 (by the task force)
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_NAMES: Record<TaskState, { zh: string; en: string }> = {
  received: { zh: '已接收', en: 'Received' },
  in_progress: { zh: '推进中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  completed_late: { zh: '逾期完成', en: 'Completed late' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
};

export const TASK_ACTIONS = [
  'report', // 报送进展 (date, text, percent); a received task moves to 推进中
  'milestone', // 完成节点
  'complete', // 完成: 已完成 or 逾期完成 by the date against the deadline
  'review', // 审核 (task force)
  'return', // 退回 (task force, with a reason): back to 推进中
  'supervise', // 督办提醒 (task force, with a note) on an open task
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * The parties: `task_force`; `owner` — a user of the department or platform that owns the task;
 * `reader` — anyone else who may read it (a city leader, another department's user).
 */
export const TASK_PARTIES = ['task_force', 'owner', 'reader'] as const;
export type TaskParty = (typeof TASK_PARTIES)[number];

export const OWNER_KINDS = ['department', 'platform'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const SOURCE_KINDS = ['meeting', 'plan'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const OPEN: readonly TaskState[] = ['received', 'in_progress'];
const DONE: readonly TaskState[] = ['completed', 'completed_late'];

export interface TaskTransition {
  from: readonly TaskState[];
  /** The next state; `same` keeps it; `done` = completed or completed late (see `nextTaskState`). */
  to: TaskState | 'same' | 'done';
  by: readonly TaskParty[];
  needsNote: boolean;
}

/** Every allowed (state, action) pair, its next state and who may take it. Everything else is refused. */
export const TASK_TRANSITIONS: Record<TaskAction, TaskTransition> = {
  report: { from: OPEN, to: 'in_progress', by: ['owner'], needsNote: true },
  milestone: { from: OPEN, to: 'same', by: ['owner'], needsNote: false },
  complete: { from: OPEN, to: 'done', by: ['owner'], needsNote: false },
  review: { from: DONE, to: 'reviewed', by: ['task_force'], needsNote: false },
  return: { from: DONE, to: 'in_progress', by: ['task_force'], needsNote: true },
  supervise: { from: OPEN, to: 'same', by: ['task_force'], needsNote: true },
};

export type TaskRefusal = 'STATE' | 'PARTY';

/** Whether `party` may take `action` in `state`: null when allowed, else why not. */
export function taskRefusalOf(state: TaskState, action: TaskAction, party: TaskParty): TaskRefusal | null {
  const t = TASK_TRANSITIONS[action];
  if (!t.from.includes(state)) return 'STATE';
  if (!t.by.includes(party)) return 'PARTY';
  return null;
}

/** The actions `party` may take in `state`, in table order (the buttons the UI shows). */
export function taskActionsFor(state: TaskState, party: TaskParty): TaskAction[] {
  return TASK_ACTIONS.filter((a) => taskRefusalOf(state, a, party) === null);
}

/** Completed after the deadline: 逾期完成; on or before it: 已完成. */
export const completionState = (dueOn: string, completedOn: string): TaskState =>
  completedOn > dueOn ? 'completed_late' : 'completed';

/** The state after an allowed step; `complete` needs the day it was completed. */
export function nextTaskState(
  state: TaskState,
  action: TaskAction,
  opts: { dueOn?: string; completedOn?: string } = {},
): TaskState {
  const t = TASK_TRANSITIONS[action];
  if (!t.from.includes(state)) throw new RangeError(`${action} is not allowed in ${state}`);
  if (t.to === 'same') return state;
  if (t.to === 'done') {
    if (!opts.dueOn || !opts.completedOn) throw new RangeError('complete needs the deadline and the day');
    return completionState(opts.dueOn, opts.completedOn);
  }
  return t.to;
}

export const isOpen = (state: TaskState) => OPEN.includes(state);

/** Open and past its deadline. */
export const isTaskOverdue = (state: TaskState, dueOn: string, today: string) =>
  isOpen(state) && today > dueOn;

/** The deadline given as N working days after the day assigned. */
export const dueAfterWorkingDays = (assignedOn: string, days: number, cal: WorkingCalendar) =>
  addWorkingDays(assignedOn, days, cal);

/** Working days late before supervision moves to the city level. */
export const CITY_SUPERVISION_AFTER = 3;

/**
 * Supervision (督办) level of a task as of `today`: 0 none; 1 from the first day past the deadline;
 * 2 once more than `CITY_SUPERVISION_AFTER` working days late. Never goes down.
 */
export function supervisionLevel(
  state: TaskState,
  dueOn: string,
  today: string,
  cal: WorkingCalendar,
  current = 0,
): number {
  if (!isTaskOverdue(state, dueOn, today)) return current;
  const late = workingDaysBetween(dueOn, today, cal);
  return Math.max(current, late > CITY_SUPERVISION_AFTER ? 2 : 1);
}

/** The task's code: RW-<year>-<serial, four digits>. */
export const taskCode = (year: number, serial: number) => `RW-${year}-${String(serial).padStart(4, '0')}`;

export const NOTE_MIN_LENGTH = 2;
/** A note trimmed; null when too short. */
export function normaliseTaskNote(note: string | null | undefined): string | null {
  const t = (note ?? '').trim();
  return t.length >= NOTE_MIN_LENGTH ? t : null;
}
