import { describe, expect, it } from 'vitest';
import { calendarOf, OFFICIAL_SCHEDULES } from '../../calendar/core/working-days';
import { serviceMetrics, type GroupedMetricRow } from './service-metrics';

const cal = calendarOf([...OFFICIAL_SCHEDULES[2026]!.days]);
const TODAY = '2026-03-10'; // a Tuesday; 2026-03-02 is a Monday

const row = (r: Partial<GroupedMetricRow> & Pick<GroupedMetricRow, 'receivedOn' | 'dueOn' | 'state'>) =>
  ({
    closedOn: null,
    rating: null,
    escalationLevel: 0,
    platformId: 1,
    departmentId: null,
    commissionerUserId: null,
    ...r,
  }) as GroupedMetricRow;

// A hand-built year: platform 1 (departments 10 and 11, commissioner 100), platform 2 (handed to
// the platform, commissioner 200), platform 3 with an assignment and no request.
const ROWS: GroupedMetricRow[] = [
  // a: closed the next working day, on time, 满意 (1 working day)
  row({
    receivedOn: '2026-03-02',
    dueOn: '2026-03-03',
    closedOn: '2026-03-03',
    state: 'rated',
    rating: 'satisfied',
    departmentId: 10,
    commissionerUserId: 100,
  }),
  // b: closed late (due Thu, closed next Mon: 5 working days), not rated
  row({
    receivedOn: '2026-03-02',
    dueOn: '2026-03-05',
    closedOn: '2026-03-09',
    state: 'closed',
    departmentId: 10,
    commissionerUserId: 100,
  }),
  // c: open, past due, city 督办
  row({
    receivedOn: '2026-03-02',
    dueOn: '2026-03-03',
    state: 'in_progress',
    escalationLevel: 2,
    departmentId: 10,
    commissionerUserId: 100,
  }),
  // d: 不满意 reopened it: rated, not closed, a new due date not yet reached
  row({
    receivedOn: '2026-03-04',
    dueOn: '2026-03-12',
    state: 'in_progress',
    rating: 'dissatisfied',
    departmentId: 11,
  }),
  // e: received Fri, closed Mon (1 working day), 基本满意
  row({
    platformId: 2,
    receivedOn: '2026-03-06',
    dueOn: '2026-03-09',
    closedOn: '2026-03-09',
    state: 'rated',
    rating: 'basically_satisfied',
    commissionerUserId: 200,
  }),
  // f: suspended (never overdue); g: due today (not overdue yet)
  row({
    platformId: 2,
    receivedOn: '2026-03-09',
    dueOn: '2026-03-10',
    state: 'suspended',
    commissionerUserId: 200,
  }),
  row({
    platformId: 2,
    receivedOn: '2026-03-09',
    dueOn: '2026-03-10',
    state: 'submitted',
    commissionerUserId: 200,
  }),
];
const ASSIGNMENTS = [
  { enterpriseId: 1, platformId: 1, commissionerUserId: 100 },
  { enterpriseId: 2, platformId: 1, commissionerUserId: 100 },
  { enterpriseId: 3, platformId: 2, commissionerUserId: 200 },
  { enterpriseId: 4, platformId: 3, commissionerUserId: 300 },
];
// Commissioner 100 visited enterprise 1; someone else (999) visited enterprise 3.
const VISITS = [
  { enterpriseId: 1, visitorUserId: 100 },
  { enterpriseId: 3, visitorUserId: 999 },
];

const m = serviceMetrics(ROWS, ASSIGNMENTS, VISITS, TODAY, cal);
const pick = <T extends object>(o: T | undefined) => {
  const {
    received,
    closed,
    closureRate,
    onTimeRate,
    averageDaysToClose,
    rated,
    satisfactionShare,
    overdue,
    escalated,
    coverage,
  } = o as Record<string, unknown>;
  return [
    received,
    closed,
    closureRate,
    onTimeRate,
    averageDaysToClose,
    rated,
    satisfactionShare,
    overdue,
    escalated,
    coverage && (coverage as { share: number | null }).share,
  ];
};

describe('serviceMetrics (hand-computed)', () => {
  // [what, received, closed, closure, on time, avg days, rated, satisfaction, overdue, escalated, coverage]
  it.each([
    ['total', m.total, 7, 3, 3 / 7, 2 / 3, 7 / 3, 3, 2 / 3, 1, 1, 2 / 4],
    ['platform 1', m.platforms.find((p) => p.platformId === 1), 4, 2, 2 / 4, 1 / 2, 3, 2, 1 / 2, 1, 1, 1 / 2],
    ['platform 2', m.platforms.find((p) => p.platformId === 2), 3, 1, 1 / 3, 1, 1, 1, 1, 0, 0, 1],
    [
      'platform 3 (no request)',
      m.platforms.find((p) => p.platformId === 3),
      0,
      0,
      null,
      null,
      null,
      0,
      null,
      0,
      0,
      0,
    ],
    [
      'department 10',
      m.departments.find((d) => d.departmentId === 10),
      3,
      2,
      2 / 3,
      1 / 2,
      3,
      1,
      1,
      1,
      1,
      null,
    ],
    [
      'department 11',
      m.departments.find((d) => d.departmentId === 11),
      1,
      0,
      0,
      null,
      null,
      1,
      0,
      0,
      0,
      null,
    ],
    [
      'commissioner 100',
      m.commissioners.find((c) => c.commissionerUserId === 100),
      3,
      2,
      2 / 3,
      1 / 2,
      3,
      1,
      1,
      1,
      1,
      1 / 2,
    ],
    [
      'commissioner 200',
      m.commissioners.find((c) => c.commissionerUserId === 200),
      3,
      1,
      1 / 3,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
    ],
    [
      'commissioner 300 (no request)',
      m.commissioners.find((c) => c.commissionerUserId === 300),
      0,
      0,
      null,
      null,
      null,
      0,
      null,
      0,
      0,
      0,
    ],
  ])('%s', (_what, o, ...expected) => {
    const got = pick(o);
    expected.forEach((e, i) =>
      typeof e === 'number' && e % 1 ? expect(got[i]).toBeCloseTo(e, 10) : expect(got[i]).toBe(e),
    );
  });

  it('lists each group once, by id; requests handed to no department count in no department', () => {
    expect(m.platforms.map((p) => p.platformId)).toEqual([1, 2, 3]);
    expect(m.departments.map((d) => d.departmentId)).toEqual([10, 11]);
    expect(m.commissioners.map((c) => c.commissionerUserId)).toEqual([100, 200, 300]);
  });
});
