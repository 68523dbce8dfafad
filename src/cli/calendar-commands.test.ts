/** `yiyuan calendar` through the real binary, on a fresh installation (no demo data). */
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan } = cliHarness('yiyuan-cli-calendar-');

describe('yiyuan calendar', () => {
  it('prints due dates on the preloaded schedules, and a year’s days', async () => {
    // Tue 29 Sep 2026 + 7: 国庆 1–7 Oct off, Sat 10 Oct worked.
    const plain = await yiyuan('calendar', 'add-working-days', '--from', '2026-09-29', '--days', '7');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe('2026-10-14\n');

    const json = await yiyuan(
      'calendar',
      'add-working-days',
      '--from',
      '2026-12-28',
      '--days',
      '10',
      '--json',
    );
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      from: '2026-12-28',
      days: 10,
      due: '2027-01-11',
      missingYears: [2027],
    });
    const warned = await yiyuan('calendar', 'add-working-days', '--from', '2026-12-28', '--days', '10');
    expect(warned.stdout).toBe('2027-01-11\n');
    expect(warned.stderr).toMatch(/2027 年节假日安排尚未录入/);

    const show = await yiyuan('calendar', 'show', '--year', '2026');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^2026 — 国务院办公厅关于2026年部分节假日安排的通知/);
    expect(show.stdout).toMatch(/2026-10-10 周六 {2}班 workday {2}国庆节/);
    const shown = JSON.parse((await yiyuan('calendar', 'show', '--year', '2026', '--json')).stdout);
    expect(shown.days).toHaveLength(39);
    const missing = await yiyuan('calendar', 'show', '--year', '2027');
    expect(missing.stdout).toMatch(/尚未录入/);

    const wrong = await yiyuan('calendar', 'add-working-days', '--from', '2026-02-30', '--days', '1');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/不是有效日期/);
  }, 240_000);
});
