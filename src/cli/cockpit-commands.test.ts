/** `yiyuan targets` and `yiyuan platforms evaluate` through the real binary, as a script would call them. */
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan } = cliHarness('yiyuan-cli-cockpit-');

describe('yiyuan targets / platforms evaluate', () => {
  it('prints every target of the period and every platform with score, rank and quota', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);

    const targets = await yiyuan('targets', '--period', '2022-2025', '--year', '2025', '--json');
    expect(targets.code, targets.stderr).toBe(0);
    const t = JSON.parse(targets.stdout);
    expect(t).toMatchObject({ period: '2022-2025', year: 2025 });
    expect(t.targets.map((x: { code: string }) => x.code)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
      'Z1',
      'Z2',
      'Z3',
    ]);
    for (const x of t.targets) {
      expect(['on_track', 'at_risk', 'off_track', 'no_data']).toContain(x.status);
      expect(typeof x.metric).toBe('string');
      expect(['computed', 'reported', 'mixed', 'registry']).toContain(x.source);
      // No invented numbers: a target without data has no value and no progress.
      if (x.status === 'no_data') expect(x.value).toBeNull();
      else expect(typeof x.value).toBe('number');
    }
    const byCode = Object.fromEntries(t.targets.map((x: { code: string }) => [x.code, x]));
    // ≥ 10 亿 projects: computed from the demo project registry (no platform reported an override).
    expect(byCode.T6.source).toBe('computed');
    expect(byCode.T6.value).toBeGreaterThan(0);
    expect(byCode.T9.value).toBeGreaterThan(0); // 规上 firms, computed
    expect(byCode.Z1.target).toBe(40);

    const human = await yiyuan('targets', '--year', '2025');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/T1 .*产业平台产值/);

    const evaluated = await yiyuan('platforms', 'evaluate', '--year', '2025', '--json');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const e = JSON.parse(evaluated.stdout);
    expect(e.method.key).toBe('platform-2022');
    expect(e.platforms).toHaveLength(16);
    const land = e.platforms.reduce((s: number, p: { landMu: number }) => s + p.landMu, 0);
    const energy = e.platforms.reduce((s: number, p: { energyTce: number }) => s + p.energyTce, 0);
    const anyEligible = e.platforms.some((p: { eligible: boolean }) => p.eligible);
    expect(land).toBe(anyEligible ? e.pool.landMu : 0);
    expect(energy).toBe(anyEligible ? e.pool.energyTce : 0);
    const ranks = e.platforms
      .map((p: { rank: number | null }) => p.rank)
      .filter((r: number | null) => r !== null);
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);

    const wrong = await yiyuan('platforms', 'evaluate', '--year', '2025', '--method', 'huangyan-2022');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/平台评价用平台方法/);
  }, 240_000);
});
