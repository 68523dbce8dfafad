/** `yiyuan projects`, `template projects`, `import projects` and `projects stalls` through the real binary. */
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run: yiyuan, dir } = cliHarness('yiyuan-cli-projects-');

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('招商项目');
  ws.addRow([
    '项目编号',
    '项目名称',
    '投资方名称',
    '园区',
    '产业',
    '总投资（万元）',
    '招商方式',
    '线索日期',
    '签约日期',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('yiyuan projects', () => {
  it('lists, imports (approved at once; rejected files exit 1 with row errors) and reports stalls', async () => {
    const demo = await yiyuan('demo', '--scale', '300');
    expect(demo.code, demo.stderr).toBe(0);

    const listed = await yiyuan('projects', '--year', '2025', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([
        'code',
        'name',
        'platform',
        'industry',
        'stage',
        'status',
        'stageDates',
        'totalInvestment',
        'sizeClass',
        'stalled',
        'stallLevel',
      ]);
      expect(Object.values(r.stageDates as Record<string, string>).some((d) => d.startsWith('2025'))).toBe(
        true,
      );
    }

    const template = path.join(dir(), 'projects-template.xlsx');
    const written = await yiyuan('template', 'projects', '--out', template);
    expect(written.code, written.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.getWorksheet('招商项目')!.getRow(1).getCell(1).value).toBe('项目编号');

    const platform = rows[0]!.platform as string;
    const bad = path.join(dir(), 'bad.xlsx');
    await fs.writeFile(
      bad,
      await sheet([
        [
          'XM-CLI-00001',
          '命令行项目',
          '外地投资方',
          '不存在的园区',
          '新材料',
          120000,
          '展会招商',
          '2025-01-05',
          '2025-03-01',
        ],
      ]),
    );
    const rejected = await yiyuan('import', 'projects', bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/row 2 园区: 园区不存在/);

    const good = path.join(dir(), 'good.xlsx');
    await fs.writeFile(
      good,
      await sheet([
        [
          'XM-CLI-00001',
          '命令行项目',
          '外地投资方',
          platform,
          '新材料',
          120000,
          '展会招商',
          '2025-01-05',
          '2025-03-01',
        ],
      ]),
    );
    const imported = await yiyuan('import', 'projects', good, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      ok: true,
      created: 1,
      approvedChanges: 1,
      pendingChanges: 0,
    });
    const after = JSON.parse((await yiyuan('projects', '--year', '2025', '--json')).stdout) as {
      code: string;
      stage: string;
      stageDates: Record<string, string>;
    }[];
    expect(after.find((r) => r.code === 'XM-CLI-00001')).toMatchObject({
      stage: 'signed',
      stageDates: { lead: '2025-01-05', signed: '2025-03-01' },
    });

    const stalls = await yiyuan('projects', 'stalls', '--notify', '--json');
    expect(stalls.code, stalls.stderr).toBe(0);
    const s = JSON.parse(stalls.stdout);
    expect(s.items.length).toBeGreaterThan(0);
    expect(
      s.items.every(
        (x: { level: number; days: number; maxDays: number }) => x.level > 0 && x.days > x.maxDays,
      ),
    ).toBe(true);
    expect(s.notified).toBeGreaterThan(0);
    const again = JSON.parse((await yiyuan('projects', 'stalls', '--notify', '--json')).stdout);
    expect(again.notified).toBe(0);
  }, 300_000);
});
