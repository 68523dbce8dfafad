/** `yiyuan tasks` through the real binary, as a script would call it. */
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan } = cliHarness('yiyuan-cli-tasks-');

describe('yiyuan tasks', () => {
  it('prints one object per task with exactly the documented fields', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);
    const listed = await yiyuan('tasks', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'id',
        'title',
        'owner',
        'ownerKind',
        'source',
        'state',
        'dueOn',
        'completedOn',
        'overdue',
        'supervisionLevel',
      ]);
      expect(r.id).toMatch(/^RW-\d{4}-\d{4}$/);
      if (r.state === 'completed_late') expect(String(r.completedOn) > String(r.dueOn)).toBe(true);
      if (r.overdue) expect(r.supervisionLevel).toBeGreaterThan(0);
    }
    const human = await yiyuan('tasks');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/12 tasks/);
  }, 240_000);
});
