/**
 * Working-day calendar routes through app.inject: a fresh database holds the State Council's 2025
 * and 2026 schedules, counts across 调休 correctly, only the task force edits, every edit is audited,
 * wrong entries are refused with field errors, and a year with no schedule says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { seedDemo } from '../demo/demo.seed';
import { createCalendarService } from './calendar.service';
import { OFFICIAL_SCHEDULES } from './core/working-days';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;

const USERS = ['taskforce', 'leader', 'platform', 'enterprise', 'sysadmin'];

async function auditRows(action: string) {
  const { rows } = await database.pool.query(
    `select username, object_type, object_id, detail from audit_log where action = $1 order by id`,
    [action],
  );
  return rows as {
    username: string;
    object_type: string;
    object_id: string;
    detail: Record<string, unknown>;
  }[];
}

const due = async (from: string, days: number) => {
  const res = await call('leader', 'GET', `/api/calendar/add-working-days?from=${from}&days=${days}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { due: string; missingYears: number[] };
};

beforeAll(async () => {
  database = await testDatabase();
  // The calendar is checked before any demo data exists: the migration alone preloads it.
  const fresh = createCalendarService(database);
  expect((await fresh.addWorkingDays('2026-09-29', 7)).due).toBe('2026-10-14');
  expect(await fresh.workingDaysBetween('2026-09-29', '2026-10-14')).toEqual({
    workingDays: 7,
    missingYears: [],
  });
  const loaded = await fresh.workingCalendar(2026, 2027);
  expect(loaded.missingYears).toEqual([2027]);
  expect([loaded.calendar.holidays.size, loaded.calendar.workdays.size]).toEqual([33, 6]);
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, USERS);
}, 60_000);

describe('a fresh database', () => {
  it('holds the State Council’s 2025 and 2026 schedules exactly', async () => {
    for (const year of [2025, 2026]) {
      const res = await call('enterprise', 'GET', `/api/calendar/years/${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ year, entered: true, source: OFFICIAL_SCHEDULES[year]!.source });
      expect(body.days).toEqual(
        [...OFFICIAL_SCHEDULES[year]!.days].sort((a, b) => a.date.localeCompare(b.date)),
      );
    }
  });

  it('counts across holidays and make-up working days (hand-computed)', async () => {
    // Fri 30 Jan 2026 + 10: 2–6, 9–13 Feb → 13 Feb (Fri); Sat 14 Feb is worked, so + 11 = 14 Feb.
    expect((await due('2026-01-30', 11)).due).toBe('2026-02-14');
    // Fri 13 Feb + 2: Sat 14 Feb (调休), then 15–23 Feb off → Tue 24 Feb.
    expect((await due('2026-02-13', 2)).due).toBe('2026-02-24');
    // Wed 31 Dec 2025 + 1: 1–3 Jan off, Sun 4 Jan worked.
    expect((await due('2025-12-31', 1)).due).toBe('2026-01-04');
    // 2025: Fri 26 Sep + 1 = Sun 28 Sep (调休); + 3 = Tue 30 Sep; 1–8 Oct off; + 4 = Thu 9 Oct.
    expect((await due('2025-09-26', 1)).due).toBe('2025-09-28');
    expect((await due('2025-09-26', 3)).due).toBe('2025-09-30');
    expect((await due('2025-09-26', 4)).due).toBe('2025-10-09');
    expect((await due('2026-03-02', 0)).due).toBe('2026-03-02');
  });

  it('warns when a count enters a year with no schedule (Monday–Friday there)', async () => {
    const late = await due('2026-12-28', 10);
    // 29, 30, 31 Dec; then 2027 counted Monday–Friday: 1, 4–8, 11 Jan.
    expect(late).toMatchObject({ due: '2027-01-11', missingYears: [2027] });
    expect((await due('2026-06-01', 5)).missingYears).toEqual([]);
    const overview = await call('platform', 'GET', '/api/calendar');
    expect(overview.statusCode, overview.body).toBe(200);
    const o = overview.json();
    expect(o.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(o.years[1]).toMatchObject({ holidays: 33, workdays: 6 });
    const thisYear = Number(o.today.slice(0, 4));
    expect(o.missing).toEqual([thisYear, thisYear + 1].filter((y) => y !== 2025 && y !== 2026));
    const empty = await call('leader', 'GET', '/api/calendar/years/2027');
    expect(empty.json()).toEqual({ year: 2027, entered: false, source: null, updatedAt: null, days: [] });
  });
});

describe('editing', () => {
  it('every logged-in role reads; only the task force writes (403, nothing changes, refusal audited)', async () => {
    for (const who of USERS)
      expect((await call(who, 'GET', '/api/calendar/years/2026')).statusCode).toBe(200);
    for (const who of USERS.filter((u) => u !== 'taskforce')) {
      const put = await call(who, 'PUT', '/api/calendar/days/2026-03-02', { kind: 'holiday', name: '测试' });
      expect(put.statusCode, who).toBe(403);
      expect((await call(who, 'DELETE', '/api/calendar/days/2026-01-01')).statusCode, who).toBe(403);
      const year = await call(who, 'PUT', '/api/calendar/years/2027', { source: '通知' });
      expect(year.statusCode, who).toBe(403);
    }
    expect((await due('2026-02-27', 1)).due).toBe('2026-02-28');
    expect((await call('leader', 'GET', '/api/calendar/years/2027')).json().entered).toBe(false);
    const denied = await database.pool.query(
      `select count(*)::int as n from audit_log where action = 'access.denied' and detail->>'permission' = 'calendar:write'`,
    );
    expect(denied.rows[0].n).toBeGreaterThan(0);
  });

  it('adds, edits and deletes a day, each with an audit row, and the counts move', async () => {
    expect((await due('2026-03-06', 1)).due).toBe('2026-03-09');
    const add = await call('taskforce', 'PUT', '/api/calendar/days/2026-03-09', {
      kind: 'holiday',
      name: ' 专班测试 ',
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().days).toContainEqual({ date: '2026-03-09', kind: 'holiday', name: '专班测试' });
    expect((await due('2026-03-06', 1)).due).toBe('2026-03-10');

    const edit = await call('taskforce', 'PUT', '/api/calendar/days/2026-03-09', {
      kind: 'holiday',
      name: '改名',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const del = await call('taskforce', 'DELETE', '/api/calendar/days/2026-03-09');
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().days.some((d: { date: string }) => d.date === '2026-03-09')).toBe(false);
    expect((await due('2026-03-06', 1)).due).toBe('2026-03-09');
    expect((await call('taskforce', 'DELETE', '/api/calendar/days/2026-03-09')).json().error.code).toBe(
      'CALENDAR_DAY_NOT_FOUND',
    );

    const saves = await auditRows('calendar.day_save');
    expect(saves.map((r) => [r.username, r.object_type, r.object_id])).toEqual([
      ['taskforce', 'calendar_day', '2026-03-09'],
      ['taskforce', 'calendar_day', '2026-03-09'],
    ]);
    expect(saves[0]!.detail).toMatchObject({ kind: 'holiday', name: '专班测试', previous: null });
    expect(saves[1]!.detail).toMatchObject({ name: '改名', previous: { name: '专班测试' } });
    const deletes = await auditRows('calendar.day_delete');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.detail).toMatchObject({ date: '2026-03-09', kind: 'holiday', name: '改名' });
  });

  it('refuses wrong entries with field errors in both languages', async () => {
    const weekday = await call('taskforce', 'PUT', '/api/calendar/days/2026-03-10', {
      kind: 'workday',
      name: '春节',
    });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error).toMatchObject({ code: 'CALENDAR_DAY_INVALID' });
    expect(weekday.json().error.details[0]).toMatchObject({ field: 'day.kind', code: 'WORKDAY_NOT_WEEKEND' });
    expect(weekday.json().error.details[0].zh).toMatch(/周六或周日/);
    expect(weekday.json().error.details[0].en).toMatch(/Saturday or Sunday/);

    const noName = await call('taskforce', 'PUT', '/api/calendar/days/2026-03-14', {
      kind: 'workday',
      name: ' ',
    });
    expect(noName.json().error.details[0]).toMatchObject({ field: 'day.name', code: 'NAME_REQUIRED' });
    const notADate = await call('taskforce', 'PUT', '/api/calendar/days/2026-02-30', {
      kind: 'holiday',
      name: 'x',
    });
    expect(notADate.json().error.details[0]).toMatchObject({ code: 'NOT_A_DATE' });
    const noYear = await call('taskforce', 'PUT', '/api/calendar/days/2027-01-01', {
      kind: 'holiday',
      name: '元旦',
    });
    expect(noYear.statusCode).toBe(409);
    expect(noYear.json().error.code).toBe('CALENDAR_YEAR_NOT_ENTERED');

    const list = await call('taskforce', 'PUT', '/api/calendar/years/2027', {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-12-31', kind: 'holiday', name: '元旦' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(list.statusCode).toBe(400);
    expect(
      list.json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`),
    ).toEqual(['days.1.date OUTSIDE_YEAR', 'days.2.date DUPLICATE_DATE']);
    expect((await call('taskforce', 'GET', '/api/calendar/years/2027')).json().entered).toBe(false);
    const badQuery = await call('leader', 'GET', '/api/calendar/add-working-days?from=2026-02-30&days=1');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.code).toBe('CALENDAR_DAY_INVALID');
  });

  it('enters a new year from its notice, then replaces its list; audited with what changed', async () => {
    const entered = await call('taskforce', 'PUT', '/api/calendar/years/2027', {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({ year: 2027, entered: true, days: [] });
    expect((await due('2026-12-28', 10)).missingYears).toEqual([]);
    const replaced = await call('taskforce', 'PUT', '/api/calendar/years/2027', {
      source: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕1号）',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().days).toHaveLength(3);
    // 29, 30, 31 Dec; 1 Jan off; 4–8, 11 Jan.
    expect((await due('2026-12-28', 9)).due).toBe('2027-01-11');
    const rows = await auditRows('calendar.year_save');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.detail).toMatchObject({ year: 2027, entered: true });
    expect(rows[1]!.detail).toMatchObject({
      days: 3,
      added: ['2027-01-01', '2027-01-02', '2027-01-03'],
      removed: [],
      previousSource: '国务院办公厅关于2027年部分节假日安排的通知',
    });
  });
});
