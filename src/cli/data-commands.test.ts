/**
 * The operators' data commands through the real `yiyuan` binary: template → import (rejected with
 * exit code 1, errors printed, report written) → fixed import → export as .xlsx and JSON.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUscc } from '../modules/demo/demo.seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/yiyuan.js');
let dir: string;

async function yiyuan(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...env, YIYUAN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-cli-'));
  await fs.chmod(dir, 0o755);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('yiyuan template / import / export', () => {
  it('round-trips a registry through the CLI', async () => {
    const template = path.join(dir, 'enterprises.xlsx');
    expect((await yiyuan('template', 'enterprises', '--out', template)).code).toBe(0);
    // Fill the template: one good row, one with a bad check character.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const sheet = wb.worksheets[0]!;
    const good = demoUscc('330114', 424242);
    sheet.addRow([good, '杭州命令行测试有限公司', '钱塘新区产业集聚区', '3973']);
    sheet.addRow(['91330100799655058C', '坏数据', '钱塘新区产业集聚区', '3973']);
    await wb.xlsx.writeFile(template);
    // The platforms must exist first: `db migrate` + demo seed come with `serve --demo`; here the
    // registry import needs only the platform, which the demo seed provides.
    expect((await yiyuan('demo', '--scale', '1')).code).toBe(0);

    const report = path.join(dir, 'report.xlsx');
    const rejected = await yiyuan('import', 'enterprises', template, '--report', report);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/Rejected/);
    expect(rejected.stdout).toMatch(/row 3 .*USCC|USCC_CHECK|校验位/);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.readFile(report);
    expect(rb.worksheets[0]!.getRow(2).getCell(5).value).toBe('USCC_CHECK');

    sheet.spliceRows(3, 1);
    await wb.xlsx.writeFile(template);
    const ok = await yiyuan('--json', 'import', 'enterprises', template);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, job: { status: 'succeeded', rowsInserted: 1 } });

    const json = await yiyuan('--json', 'export', 'enterprises');
    expect(JSON.parse(json.stdout).map((e: { uscc: string }) => e.uscc)).toContain(good);
    const out = path.join(dir, 'export.xlsx');
    expect((await yiyuan('export', 'enterprises', '--out', out)).code).toBe(0);
    const xb = new ExcelJS.Workbook();
    await xb.xlsx.readFile(out);
    expect(xb.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(3);

    const missingYear = await yiyuan('import', 'annual', template);
    expect(missingYear.code).toBe(1);
    expect(missingYear.stderr).toMatch(/--year/);
    // Each command starts and stops the embedded database: allow for seven of them.
  }, 240_000);
});
