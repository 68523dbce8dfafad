/**
 * The operators' data commands through the real `yiyuan` binary: template → import (rejected with
 * exit code 1, errors printed, report written) → fixed import → export as .xlsx and JSON.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';
import { demoUscc } from '../modules/demo/demo.seed';

const { run: yiyuan, dir: scratch } = cliHarness('yiyuan-cli-');

describe('yiyuan template / import / export', () => {
  it('round-trips a registry through the CLI', async () => {
    const template = path.join(scratch(), 'enterprises.xlsx');
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

    const report = path.join(scratch(), 'report.xlsx');
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
    const out = path.join(scratch(), 'export.xlsx');
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
