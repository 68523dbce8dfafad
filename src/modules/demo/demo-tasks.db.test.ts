/** The demo task list: written through the tasks service's rules, every status present, idempotent. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import { zonedDate } from '../../platform/time-zone';
import { seedDemo } from './demo.seed';
import { seedDemoTasks } from './demo-tasks';

let database: Database;
const q = async (text: string) => (await database.pool.query(text)).rows;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
});

describe('demo tasks', () => {
  it('two meetings, twelve tasks in every status, overdue ones supervised, the leader paired', async () => {
    const today = zonedDate();
    const r = await database.transaction((tx) => seedDemoTasks(database, tx, today));
    expect(r).toEqual({ meetings: 2, tasks: 12, pairings: 4 });
    const states = (await q(`select state, count(*)::int as n from tasks group by state`)).reduce(
      (a, x) => ({ ...a, [x.state]: x.n }),
      {} as Record<string, number>,
    );
    expect(Object.keys(states).sort()).toEqual([
      'completed',
      'completed_late',
      'in_progress',
      'received',
      'reviewed',
    ]);
    expect(states.completed_late).toBe(2);
    const supervised = await q(
      `select t.title, t.supervision_level, count(s.*)::int as records, bool_or(not s.automatic) as by_hand
        from tasks t join task_supervisions s on s.task_id = t.id group by t.id order by t.title`,
    );
    expect(supervised.length).toBeGreaterThanOrEqual(2);
    expect(supervised.every((s) => s.supervision_level > 0)).toBe(true);
    expect(supervised.some((s) => s.by_hand)).toBe(true);
    // Completed late is derived: the completion day is after the deadline.
    const late = await q(
      `select count(*)::int as n from tasks where state = 'completed_late' and completed_on <= due_on`,
    );
    expect(late[0].n).toBe(0);
    expect((await q(`select count(*)::int as n from task_progress`))[0].n).toBeGreaterThan(8);
    expect(
      (await q(`select count(*)::int as n from audit_log where action like 'task.%'`))[0].n,
    ).toBeGreaterThan(20);
    const again = await database.transaction((tx) => seedDemoTasks(database, tx, today));
    expect(again).toEqual({ meetings: 0, tasks: 0, pairings: 0 });
  });
});
