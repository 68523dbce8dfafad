import { describe, expect, it } from 'vitest';
import { calendarOf, OFFICIAL_SCHEDULES } from '../../calendar/core/working-days';
import { isDone, isOverdue, STATES, TRANSITIONS, type RequestAction } from '../../requests/core/requests';
import { demoRequests, type DemoRequestInputs } from './demo-requests';

const cal = calendarOf([...OFFICIAL_SCHEDULES[2025]!.days, ...OFFICIAL_SCHEDULES[2026]!.days]);
const TODAY = '2026-11-20';
const inputs: DemoRequestInputs = {
  enterprises: Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    platformId: (i % 4) + 1,
    name: `企业${i + 1}`,
    chainLeader: i % 30 === 0,
    commissionerUserId: 100 + (i % 8),
  })),
  commissioners: new Map(Array.from({ length: 8 }, (_, i) => [100 + i, `专员${i}`])),
  platforms: new Map([1, 2, 3, 4].map((p) => [p, `平台${p}`])),
  departments: [11, 12, 13],
  categories: [
    { code: 'land', slaSimpleDays: 1, slaComplexDays: 3 },
    { code: 'finance', slaSimpleDays: 1, slaComplexDays: 3 },
    { code: 'approval', slaSimpleDays: 2, slaComplexDays: 5 },
  ],
  problems: [
    {
      problemId: 900,
      enterpriseId: 5,
      category: 'land',
      text: '扩产需新增工业用地',
      doneOn: '2026-06-01',
      visitorUserId: 104,
    },
  ],
};
const rs = demoRequests(inputs, TODAY, cal, 1);

describe('demo requests', () => {
  it('are 500, received from 1 January of the previous year to today, the same for the same seed', () => {
    expect(rs).toHaveLength(500);
    const previousYear = String(Number(TODAY.slice(0, 4)) - 1);
    // The year the platform evaluation scores has requests all through it.
    const months = new Set(
      rs.filter((r) => r.receivedOn.startsWith(previousYear)).map((r) => r.receivedOn.slice(5, 7)),
    );
    expect(months.size).toBe(12);
    for (const r of rs) {
      expect(r.receivedOn >= `${previousYear}-01-01` && r.receivedOn <= TODAY).toBe(true);
      expect(r.events.every((e) => e.on >= r.receivedOn && e.on <= TODAY)).toBe(true);
    }
    expect(demoRequests(inputs, TODAY, cal, 1)).toEqual(rs);
  });

  it('reach every state, all three ratings, reopened ones, overdue and escalated ones', () => {
    const states = new Set(rs.map((r) => r.state));
    expect([...states].sort()).toEqual([...STATES].sort());
    expect(new Set(rs.map((r) => r.rating).filter(Boolean))).toEqual(
      new Set(['satisfied', 'basically_satisfied', 'dissatisfied']),
    );
    expect(rs.some((r) => r.events.some((e) => e.step === 'rate' && e.to === 'in_progress'))).toBe(true);
    const overdue = rs.filter((r) => isOverdue(r.state, r.dueOn, TODAY));
    expect(overdue.length).toBeGreaterThan(5);
    expect(overdue.every((r) => r.escalationLevel > 0)).toBe(true);
    expect(rs.filter((r) => r.escalationLevel === 2).length).toBeGreaterThan(0);
    expect(rs.filter((r) => isDone(r.state)).length).toBeGreaterThan(250);
  });

  it('are raised through every channel, by chain leaders among others, one from the visit problem', () => {
    expect(new Set(rs.map((r) => r.channel))).toEqual(
      new Set(['enterprise', 'commissioner', 'platform', 'task_force']),
    );
    expect(rs.filter((r) => r.chainLeader).length).toBeGreaterThan(20);
    const fromVisit = rs.filter((r) => r.problemId === 900);
    expect(fromVisit).toHaveLength(1);
    expect(fromVisit[0]).toMatchObject({
      enterpriseId: 5,
      category: 'land',
      channel: 'commissioner',
      raisedBy: 104,
    });
  });

  it('take only the steps the state machine allows, and the final fields follow the timeline', () => {
    for (const r of rs) {
      let state = r.events[0]!.to;
      for (const e of r.events.slice(1)) {
        expect(e.from).toBe(state);
        if (e.step !== 'escalate') expect(TRANSITIONS[e.step as RequestAction].from).toContain(e.from);
        state = e.to;
      }
      expect(state).toBe(r.state);
      expect(r.closedOn !== null).toBe(isDone(r.state));
      if (r.assigneeKind === 'department') expect(inputs.departments).toContain(r.assigneeDepartmentId);
    }
  });
});
