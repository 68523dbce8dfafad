/**
 * The evaluation commands through the real `yiyuan` binary: method list / export / import,
 * evaluate --publish, and results --json (one object per enterprise per line).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan, dir: scratch } = cliHarness('yiyuan-cli-eval-');

describe('yiyuan method / evaluate / results', () => {
  it('evaluates a year from the shell and prints one JSON object per enterprise', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/published for 2021, 2022, 2023, 2024/);

    const list = JSON.parse((await yiyuan('--json', 'method', 'list')).stdout) as {
      key: string;
      version: number;
    }[];
    expect(list.map((m) => m.key).sort()).toEqual([
      'huangyan-2021',
      'huangyan-2022',
      'platform-2022',
      'zhejiang-default',
    ]);

    // Export a preset, change a weight, import it under a new key: version 1, then version 2.
    const file = path.join(scratch(), 'method.json');
    expect((await yiyuan('method', 'export', 'huangyan-2022', '--out', file)).code).toBe(0);
    const exported = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(exported).toMatchObject({ key: 'huangyan-2022', version: 1 });
    expect(exported.definition.cohorts[0].indicators[0]).toMatchObject({
      indicator: 'tax_per_mu',
      weight: 30,
    });
    const first = await yiyuan('--json', 'method', 'import', file, '--key', 'cli-county');
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, key: 'cli-county', version: 1 });
    exported.definition.cohorts[0].indicators[0].weight = -5;
    await fs.writeFile(file, JSON.stringify(exported));
    const bad = await yiyuan('method', 'import', file, '--key', 'cli-county');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\/cohorts\/0\/indicators\/0\/weight/);

    const run = await yiyuan('--json', 'evaluate', '--year', '2025', '--method', 'cli-county', '--publish');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ ok: true, year: 2025, status: 'published', methodKey: 'cli-county' });

    const results = await yiyuan('--json', 'results', '--year', '2025');
    expect(results.code, results.stderr).toBe(0);
    const lines = results.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(summary.summary.evaluated);
    for (const l of lines.slice(0, 50)) {
      expect(l.uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(['above', 'below']).toContain(l.cohort);
      expect(l.runId).toBe(summary.id);
      if (l.status === 'rated') {
        expect(['A', 'B', 'C', 'D']).toContain(l.class);
        expect(l.rank).toBeGreaterThanOrEqual(1);
      }
      for (const item of l.items) expect(item).toHaveProperty('points');
      // The total is the sum of the items (no correction factor or adjustments in this method).
      const sum = l.items.reduce((s: number, i: { points: number }) => s + i.points, 0);
      expect(l.score).toBeCloseTo(sum, 1);
    }

    const again = await yiyuan('evaluate', '--year', '2025', '--method', 'cli-county');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/reason|原因/);
  }, 240_000);
});
