/**
 * The evaluation commands through the real `yiyuan` binary: method list / export / import,
 * evaluate --publish, and results --json (one object per enterprise per line).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/yiyuan.js');
let dir: string;

async function yiyuan(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...env, YIYUAN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-cli-eval-'));
  await fs.chmod(dir, 0o755);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('yiyuan method / evaluate / results', () => {
  it('evaluates a year from the shell and prints one JSON object per enterprise', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/published for 2021, 2022, 2023, 2024/);

    const list = JSON.parse((await yiyuan('--json', 'method', 'list')).stdout) as {
      key: string;
      version: number;
    }[];
    expect(list.map((m) => m.key).sort()).toEqual(['huangyan-2021', 'huangyan-2022', 'zhejiang-default']);

    // Export a preset, change a weight, import it under a new key: version 1, then version 2.
    const file = path.join(dir, 'method.json');
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
