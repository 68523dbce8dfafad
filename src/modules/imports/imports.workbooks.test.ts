import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkUscc } from '../enterprises/core/uscc';
import { COLUMNS, IMPORT_KINDS } from './core/columns';
import { problem } from './core/problems';
import { reportWorkbook } from './imports.workbooks';

async function read(stream: NodeJS.ReadableStream): Promise<ExcelJS.Workbook> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

describe('import workbooks', () => {
  it.each(IMPORT_KINDS)('the %s template’s example USCC passes the GB 32100 check', (kind) => {
    const examples = COLUMNS[kind].filter((c) => c.type === 'uscc' && c.example !== '');
    expect(examples.map((c) => c.key)).toContain('uscc');
    for (const c of examples) expect(checkUscc(String(c.example))).toBeNull();
  });

  it('the problems report shows the value the user wrote; only formulas are escaped', async () => {
    const at = { sheet: '数据', row: 3, column: '员工人数（人）' };
    const problems = [
      problem('NEGATIVE', { ...at, value: -5 }),
      problem('NOT_A_NUMBER', { ...at, value: '-1,234.5 元' }),
      problem('UNKNOWN_PLATFORM', { ...at, value: '=HYPERLINK("http://x","y")' }),
    ];
    // The JSON (and the web page) keep the raw value.
    expect(problems.map((p) => p.value)).toEqual(['-5', '-1,234.5 元', '=HYPERLINK("http://x","y")']);
    const sheet = (await read(reportWorkbook(problems))).getWorksheet('问题清单')!;
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(4).value)).toEqual([
      '-5',
      "'-1,234.5 元",
      '\'=HYPERLINK("http://x","y")',
    ]);
  });
});
