import { describe, expect, it } from 'vitest';
import { calendarOf, OFFICIAL_SCHEDULES } from '../../calendar/core/working-days';
import {
  ACTIONS,
  actionsFor,
  dueAfterSuspension,
  dueOn,
  escalationLevel,
  isOverdue,
  metricsOf,
  nextState,
  onTime,
  PARTIES,
  refusalOf,
  requestCode,
  STATES,
  type MetricRow,
  type Party,
  type RequestAction,
  type RequestState,
} from './requests';
import { sniffType } from './attachments';

const cal = calendarOf([...OFFICIAL_SCHEDULES[2025]!.days, ...OFFICIAL_SCHEDULES[2026]!.days]);

/** Hand-written: every allowed (state, action) → next state and the parties allowed. */
const ALLOWED: [RequestState, RequestAction, RequestState | 'previous', Party[]][] = [
  ['submitted', 'accept', 'accepted', ['commissioner', 'platform', 'task_force']],
  ['accepted', 'assign', 'assigned', ['commissioner', 'platform', 'task_force']],
  ['assigned', 'transfer', 'assigned', ['commissioner', 'platform', 'task_force']],
  ['in_progress', 'transfer', 'assigned', ['commissioner', 'platform', 'task_force']],
  ['assigned', 'start', 'in_progress', ['platform', 'department', 'task_force']],
  ['in_progress', 'answer', 'answered', ['platform', 'department', 'task_force']],
  ['answered', 'close', 'closed', ['platform', 'department', 'task_force']],
  ['closed', 'rate', 'rated', ['enterprise']],
  ['accepted', 'suspend', 'suspended', ['platform', 'department', 'task_force']],
  ['assigned', 'suspend', 'suspended', ['platform', 'department', 'task_force']],
  ['in_progress', 'suspend', 'suspended', ['platform', 'department', 'task_force']],
  ['suspended', 'resume', 'previous', ['platform', 'department', 'task_force']],
];

describe('the state machine', () => {
  // Every state × action × party: allowed exactly when listed above, refused otherwise.
  const cases: [RequestState, RequestAction, Party, 'ok' | 'STATE' | 'PARTY'][] = [];
  for (const s of STATES)
    for (const a of ACTIONS)
      for (const p of PARTIES) {
        const row = ALLOWED.find(([fs, fa]) => fs === s && fa === a);
        cases.push([s, a, p, !row ? 'STATE' : row[3].includes(p) ? 'ok' : 'PARTY']);
      }

  it('covers 8 states × 9 actions × 5 parties', () => expect(cases).toHaveLength(360));

  it.each(cases)('%s + %s by %s → %s', (state, action, party, expected) => {
    expect(refusalOf(state, action, party) ?? 'ok').toBe(expected);
  });

  it.each(ALLOWED.filter(([, , to]) => to !== 'previous'))('%s + %s → %s', (state, action, to) => {
    expect(nextState(state, action, { rating: 'satisfied' })).toBe(to);
  });

  it('resume returns to the state before the suspension', () => {
    expect(nextState('suspended', 'resume', { suspendedFrom: 'in_progress' })).toBe('in_progress');
    expect(nextState('suspended', 'resume', { suspendedFrom: 'accepted' })).toBe('accepted');
    expect(() => nextState('suspended', 'resume', {})).toThrow();
  });

  it('不满意 reopens to 处置; 满意 and 基本满意 end it', () => {
    expect(nextState('closed', 'rate', { rating: 'dissatisfied' })).toBe('in_progress');
    expect(nextState('closed', 'rate', { rating: 'basically_satisfied' })).toBe('rated');
  });

  it('a refused pair throws in nextState', () => {
    expect(() => nextState('submitted', 'close')).toThrow();
    expect(() => nextState('rated', 'rate')).toThrow();
  });

  it('lists the buttons of each party', () => {
    expect(actionsFor('in_progress', 'department')).toEqual(['answer', 'suspend']);
    expect(actionsFor('in_progress', 'platform')).toEqual(['transfer', 'answer', 'suspend']);
    expect(actionsFor('closed', 'enterprise')).toEqual(['rate']);
    // The commissioner dispatches (受理, 交办, 转办) but neither handles nor closes.
    expect(actionsFor('submitted', 'commissioner')).toEqual(['accept']);
    expect(actionsFor('in_progress', 'commissioner')).toEqual(['transfer']);
    expect(actionsFor('answered', 'commissioner')).toEqual([]);
    expect(actionsFor('submitted', 'enterprise')).toEqual([]);
    expect(actionsFor('rated', 'task_force')).toEqual([]);
  });
});

describe('deadlines in working days (2026 calendar)', () => {
  it.each([
    // received, sla, due: hand-counted on the 2026 calendar
    ['2026-03-02', 1, '2026-03-03'], // Monday → Tuesday
    ['2026-03-06', 1, '2026-03-09'], // Friday → Monday
    ['2026-03-06', 3, '2026-03-11'],
    ['2026-02-13', 1, '2026-02-14'], // Friday → Saturday 14 Feb, a make-up working day
    ['2026-02-14', 1, '2026-02-24'], // Spring Festival 15–23 Feb off
    ['2026-09-30', 3, '2026-10-10'], // 国庆 1–7 Oct off: 8 (Thu), 9 (Fri), 10 Oct (Sat, worked)
  ])('received %s, %i working days → due %s', (received, sla, due) => {
    expect(dueOn(received, sla, cal)).toBe(due);
  });

  it('a suspension adds the working days it lasted', () => {
    // Due Wed 11 Mar; suspended Mon 9 Mar, resumed Fri 13 Mar: 10, 11, 12, 13 Mar = 4 days.
    expect(dueAfterSuspension('2026-03-11', '2026-03-09', '2026-03-13', cal)).toBe('2026-03-17');
    // Suspended and resumed the same day: no change.
    expect(dueAfterSuspension('2026-03-11', '2026-03-09', '2026-03-09', cal)).toBe('2026-03-11');
    // Suspended Friday, resumed Monday: one working day (Monday).
    expect(dueAfterSuspension('2026-03-11', '2026-03-06', '2026-03-09', cal)).toBe('2026-03-12');
  });

  it('on time means closed on or before the due date', () => {
    expect(onTime('2026-03-11', '2026-03-11')).toBe(true);
    expect(onTime('2026-03-11', '2026-03-12')).toBe(false);
    expect(onTime('2026-03-11', null)).toBe(null);
  });

  it('overdue: open and past due, not while suspended or done', () => {
    expect(isOverdue('in_progress', '2026-03-11', '2026-03-11')).toBe(false);
    expect(isOverdue('in_progress', '2026-03-11', '2026-03-12')).toBe(true);
    expect(isOverdue('submitted', '2026-03-11', '2026-03-12')).toBe(true);
    expect(isOverdue('suspended', '2026-03-11', '2026-03-12')).toBe(false);
    expect(isOverdue('closed', '2026-03-11', '2026-03-12')).toBe(false);
    expect(isOverdue('rated', '2026-03-11', '2026-03-12')).toBe(false);
  });

  it.each([
    // due Wed 11 Mar
    ['2026-03-11', 0], // due today
    ['2026-03-12', 1], // 1 working day late → platform 督办
    ['2026-03-16', 1], // Thu, Fri, Mon = 3 late
    ['2026-03-17', 2], // 4 working days late → city 督办
  ])('escalation on %s: level %i', (today, level) => {
    expect(escalationLevel('assigned', '2026-03-11', today, cal)).toBe(level);
  });

  it('escalation never goes down', () => {
    expect(escalationLevel('closed', '2026-03-11', '2026-03-30', cal, 2)).toBe(2);
    expect(escalationLevel('in_progress', '2026-03-11', '2026-03-12', cal, 2)).toBe(2);
  });
});

describe('metrics', () => {
  const row = (over: Partial<MetricRow>): MetricRow => ({
    receivedOn: '2026-03-02',
    dueOn: '2026-03-05',
    closedOn: null,
    state: 'in_progress',
    rating: null,
    escalationLevel: 0,
    ...over,
  });
  it('hand-computed on five requests', () => {
    const rows = [
      row({ state: 'rated', closedOn: '2026-03-04', rating: 'satisfied' }), // 2 days, on time
      row({ state: 'rated', closedOn: '2026-03-05', rating: 'dissatisfied' }), // 3 days, on time
      row({ state: 'closed', closedOn: '2026-03-09', escalationLevel: 1 }), // 5 days, late
      row({ state: 'in_progress', escalationLevel: 2 }), // overdue on 10 Mar
      row({ state: 'suspended' }), // not overdue
    ];
    const m = metricsOf(rows, '2026-03-10', cal);
    expect(m).toEqual({
      received: 5,
      closed: 3,
      closureRate: 3 / 5,
      closedOnTime: 2,
      onTimeRate: 2 / 3,
      averageDaysToClose: (2 + 3 + 5) / 3,
      rated: 2,
      satisfactionShare: 1 / 2,
      overdue: 1,
      escalated: 2,
    });
  });
  it('nothing received: rates are null', () => {
    const m = metricsOf([], '2026-03-10', cal);
    expect([m.closureRate, m.onTimeRate, m.averageDaysToClose, m.satisfactionShare]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('codes and attachments', () => {
  it('codes are QS-year-six digits', () => expect(requestCode(2026, 123)).toBe('QS-2026-000123'));
  const zipWith = (name: string) =>
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(`....${name}document.xml`)]);
  it.each([
    [new TextEncoder().encode('%PDF-1.7 ...'), 'pdf'],
    [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'jpg'],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    [zipWith('word/'), 'docx'],
    [zipWith('xl/'), 'xlsx'],
    [zipWith('other/'), null],
    [new TextEncoder().encode('MZ executable'), null],
    [new TextEncoder().encode('%PD'), null],
  ])('sniffs %#', (bytes, type) => expect(sniffType(bytes)).toBe(type));
});
