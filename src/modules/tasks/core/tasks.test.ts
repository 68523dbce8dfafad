import { describe, expect, it } from 'vitest';
import { calendarOf, OFFICIAL_SCHEDULES } from '../../calendar/core/working-days';
import {
  completionState,
  dueAfterWorkingDays,
  isTaskOverdue,
  nextTaskState,
  normaliseTaskNote,
  supervisionLevel,
  TASK_ACTIONS,
  TASK_PARTIES,
  TASK_STATES,
  taskActionsFor,
  taskCode,
  taskRefusalOf,
  type TaskAction,
  type TaskParty,
  type TaskState,
} from './tasks';

const cal = calendarOf([...OFFICIAL_SCHEDULES[2025]!.days, ...OFFICIAL_SCHEDULES[2026]!.days]);

/** Hand-written: every allowed (state, action) → next state and the parties allowed. */
const ALLOWED: [TaskState, TaskAction, TaskState | 'done', TaskParty[]][] = [
  ['received', 'report', 'in_progress', ['owner']],
  ['in_progress', 'report', 'in_progress', ['owner']],
  ['received', 'milestone', 'received', ['owner']],
  ['in_progress', 'milestone', 'in_progress', ['owner']],
  ['received', 'complete', 'done', ['owner']],
  ['in_progress', 'complete', 'done', ['owner']],
  ['completed', 'review', 'reviewed', ['task_force']],
  ['completed_late', 'review', 'reviewed', ['task_force']],
  ['completed', 'return', 'in_progress', ['task_force']],
  ['completed_late', 'return', 'in_progress', ['task_force']],
  ['received', 'supervise', 'received', ['task_force']],
  ['in_progress', 'supervise', 'in_progress', ['task_force']],
];

describe('the task state machine', () => {
  const cases: [TaskState, TaskAction, TaskParty, 'ok' | 'STATE' | 'PARTY'][] = [];
  for (const s of TASK_STATES)
    for (const a of TASK_ACTIONS)
      for (const p of TASK_PARTIES) {
        const row = ALLOWED.find(([fs, fa]) => fs === s && fa === a);
        cases.push([s, a, p, !row ? 'STATE' : row[3].includes(p) ? 'ok' : 'PARTY']);
      }

  it('covers 5 states × 6 actions × 3 parties', () => expect(cases).toHaveLength(90));

  it.each(cases)('%s + %s by %s → %s', (state, action, party, expected) => {
    expect(taskRefusalOf(state, action, party) ?? 'ok').toBe(expected);
  });

  it.each(ALLOWED.filter(([, , to]) => to !== 'done'))('%s + %s → %s', (state, action, to) => {
    expect(nextTaskState(state, action)).toBe(to);
  });

  it('refuses a step the table does not allow', () => {
    expect(() => nextTaskState('reviewed', 'complete')).toThrow(RangeError);
    expect(() => nextTaskState('received', 'review')).toThrow(RangeError);
  });

  it('a reader takes no step in any state', () => {
    for (const s of TASK_STATES) expect(taskActionsFor(s, 'reader')).toEqual([]);
  });

  it('lists the buttons of each party', () => {
    expect(taskActionsFor('in_progress', 'owner')).toEqual(['report', 'milestone', 'complete']);
    expect(taskActionsFor('completed_late', 'task_force')).toEqual(['review', 'return']);
    expect(taskActionsFor('reviewed', 'task_force')).toEqual([]);
  });
});

describe('completed late is derived from the deadline', () => {
  it.each([
    ['2026-03-10', '2026-03-09', 'completed'],
    ['2026-03-10', '2026-03-10', 'completed'],
    ['2026-03-10', '2026-03-11', 'completed_late'],
  ] as const)('due %s, completed %s → %s', (due, on, expected) => {
    expect(completionState(due, on)).toBe(expected);
    expect(nextTaskState('in_progress', 'complete', { dueOn: due, completedOn: on })).toBe(expected);
  });

  it('complete needs the dates', () => {
    expect(() => nextTaskState('received', 'complete')).toThrow(RangeError);
  });
});

describe('deadlines and supervision on the working-day calendar', () => {
  it('N working days skip the Spring Festival and count the make-up Saturday', () => {
    // 2026: 春节 Feb 15–23 off; Feb 14 (Sat) and Feb 28 (Sat) are make-up working days.
    expect(dueAfterWorkingDays('2026-02-12', 2, cal)).toBe('2026-02-14');
    expect(dueAfterWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
  });

  it.each([
    ['in_progress', '2026-03-10', '2026-03-10', 0, 0],
    ['in_progress', '2026-03-10', '2026-03-11', 0, 1],
    ['received', '2026-03-10', '2026-03-13', 0, 1],
    ['received', '2026-03-10', '2026-03-16', 0, 2],
    ['completed_late', '2026-03-10', '2026-03-20', 0, 0],
    ['in_progress', '2026-03-10', '2026-03-11', 2, 2],
    ['reviewed', '2026-03-10', '2026-04-30', 1, 1],
  ] as const)('%s due %s on %s (was %i) → level %i', (state, due, today, current, expected) => {
    expect(supervisionLevel(state, due, today, cal, current)).toBe(expected);
  });

  it('only open tasks are overdue', () => {
    expect(isTaskOverdue('received', '2026-03-10', '2026-03-11')).toBe(true);
    expect(isTaskOverdue('in_progress', '2026-03-10', '2026-03-10')).toBe(false);
    expect(isTaskOverdue('completed', '2026-03-10', '2026-03-11')).toBe(false);
  });
});

describe('codes and notes', () => {
  it('numbers tasks per year', () => expect(taskCode(2026, 7)).toBe('RW-2026-0007'));
  it('trims notes and refuses short ones', () => {
    expect(normaliseTaskNote('  已推进  ')).toBe('已推进');
    expect(normaliseTaskNote(' 好 ')).toBeNull();
    expect(normaliseTaskNote(null)).toBeNull();
  });
});
