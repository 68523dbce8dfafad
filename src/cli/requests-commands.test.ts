/** `yiyuan requests` through the real binary, as a script would call it. */
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan } = cliHarness('yiyuan-cli-requests-');

describe('yiyuan requests', () => {
  it('prints one object per request of the year with exactly the documented fields', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);
    const listed = await yiyuan('requests', '--year', '2026', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'id',
        'uscc',
        'category',
        'state',
        'receivedOn',
        'dueOn',
        'closedOn',
        'onTime',
        'rating',
      ]);
      expect(r.id).toMatch(/^QS-2026-\d{6}$/);
      expect(String(r.receivedOn).slice(0, 4)).toBe('2026');
      if (r.closedOn === null) expect(r.onTime).toBeNull();
      else expect(r.onTime).toBe(String(r.closedOn) <= String(r.dueOn));
    }
    const human = await yiyuan('requests', '--year', '2026');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/requests received in 2026/);
    const wrong = await yiyuan('requests', '--year', '26');
    expect(wrong.code).toBe(1);
  }, 240_000);
});
