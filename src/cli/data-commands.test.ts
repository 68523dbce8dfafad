/**
 * The operators' data commands through the real `yiyuan` binary: template → import (rejected with
 * exit code 1, errors printed, report written) → fixed import → export as .xlsx and JSON.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { connect } from '../platform/db/client';
import { openEmbedded } from '../platform/db/embedded';
import { cliHarness } from '../test/cli';
import { demoUscc } from '../modules/demo/demo.seed';
import { COLUMNS } from '../modules/imports/core/columns';

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

  it('exports round-trip through import unchanged, foreign files get a plain headline, nothing is left behind', async () => {
    // The commands' temporary files go to a folder of their own, to see what stays there.
    const tmp = path.join(scratch(), 'tmp');
    await fs.mkdir(tmp, { mode: 0o755 });
    await fs.chmod(tmp, 0o777);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const registry = path.join(scratch(), 'registry.xlsx');
      expect((await yiyuan('export', 'enterprises', '--out', registry)).code).toBe(0);
      const again = await yiyuan('--json', 'import', 'enterprises', registry);
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).job).toMatchObject({
        status: 'succeeded',
        rowsInserted: 0,
        rowsUpdated: 0,
      });

      const header = ['uscc', 'year', 'revenue', 'tax'].map(
        (k) => COLUMNS.annual.find((c) => c.key === k)!.header,
      );
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('年度数据');
      ws.addRow(header);
      ws.addRow([demoUscc('330114', 424242), 2012, 1234.5, 12]);
      const figures = path.join(scratch(), 'figures.xlsx');
      await wb.xlsx.writeFile(figures);
      const first = await yiyuan('import', 'annual', figures, '--year', '2012');
      expect(first.code, first.stdout + first.stderr).toBe(0);
      expect(first.stdout).toMatch(/读取了工作表“年度数据”/);
      const exported = path.join(scratch(), 'year.xlsx');
      expect((await yiyuan('export', 'annual', '--year', '2012', '--out', exported)).code).toBe(0);
      const back = await yiyuan('--json', 'import', 'annual', exported, '--year', '2012');
      expect(back.code, back.stdout + back.stderr).toBe(0);
      expect(JSON.parse(back.stdout).job).toMatchObject({ rowsTotal: 1, rowsInserted: 0, rowsUpdated: 0 });

      const xls = path.join(scratch(), 'old.xls');
      await fs.writeFile(
        xls,
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
          Buffer.from('Workbook', 'utf16le'),
        ]),
      );
      const refused = await yiyuan('import', 'annual', xls, '--year', '2012');
      expect(refused.code).toBe(1);
      expect(refused.stdout.split('\n')[0]).toMatch(
        /^✖ Rejected old\.xls: 不是有效的 \.xlsx 文件：这是 Excel 97–2003 .* \/ Not a valid \.xlsx file: This is an Excel 97–2003 \.xls file; open it in Excel or WPS and save it as an Excel workbook \(\.xlsx\)/,
      );

      // Nothing of the files outlived the commands.
      // (tsx-<uid> is tsx's cache of compiled program source, not data.)
      expect((await fs.readdir(tmp)).filter((f) => !/^tsx-\d+$/.test(f))).toEqual([]);
      expect(await fs.readdir(path.join(scratch(), 'data', 'imports')).catch(() => [])).toEqual([]);
    } finally {
      process.env.TMPDIR = previous;
    }
    // The annual export went through the service: an audit row names it.
    const cluster = await openEmbedded(path.join(scratch(), 'data'));
    const database = connect(cluster.url, 'embedded', cluster);
    try {
      const { rows } = await database.pool.query(
        `select username, detail from audit_log where action = 'enterprise_year.export' order by id`,
      );
      expect(rows).toEqual([
        expect.objectContaining({ username: 'system:cli', detail: { year: 2012, to: 'year.xlsx' } }),
      ]);
    } finally {
      await database.close({ stopEmbedded: true });
    }
  }, 300_000);
});
