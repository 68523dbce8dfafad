/** Template and error-report workbooks. */
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { safeCell } from '../spreadsheets/core/cells';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import { COLUMNS, type ImportKind } from './core/columns';
import type { Problem } from './core/problems';

/** A template: the data sheet with Chinese headers (units included) and a 说明 sheet. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(kind === 'annual' ? '年度数据' : '企业名录', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = COLUMNS[kind];
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'header', width: 34 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'zh', width: 70 },
    { header: 'Description', key: 'en', width: 70 },
    { header: '示例', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns)
    help.addRow({
      header: c.header,
      required: c.required ? '是' : '',
      zh: c.zh,
      en: c.en,
      example: safeCell(c.example),
    });
  help.addRow({});
  help.addRow({
    header: '注意',
    zh: '只读取第一个工作表；请勿合并单元格；公式单元格使用其计算结果；金额单位为万元。',
    en: 'Only the first sheet is read; no merged cells; formula cells use their cached results; money is in 万元.',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The problems of an import as a workbook (row-level report). */
export function reportWorkbook(problems: Problem[]): Readable {
  return streamWorkbook<Problem>(
    {
      name: '问题清单',
      columns: [
        { header: '工作表', value: (p) => p.sheet },
        { header: '行', width: 8, value: (p) => p.row },
        { header: '列', width: 24, value: (p) => p.column },
        { header: '值', width: 24, value: (p) => p.value },
        { header: '代码', width: 20, value: (p) => p.code },
        { header: '级别', width: 8, value: (p) => (p.severity === 'error' ? '错误' : '警告') },
        { header: '说明', width: 50, value: (p) => p.zh },
        { header: 'Message', width: 50, value: (p) => p.en },
      ],
    },
    once(problems),
  );
}
