/**
 * The reader's corpus: what every workbook in this folder holds, and which sheet a reader must pick.
 * The files are written by different writers (ExcelJS normal and streaming, with and without shared
 * strings; SheetJS CE; openpyxl; LibreOffice) from this one description by
 * `bench/xlsx-corpus.ts`; `corpus.test.ts` reads each and compares every cell.
 */
import type { RawCell } from '../../core/ooxml';

/** A cell as written: plain values, a date, a formula with its value, rich text runs. */
export type SpecCell =
  | null
  | string
  | number
  | boolean
  | { date: string }
  | { formula: string; result: number }
  | { rich: string[] };

export const DATA_SHEET = '年度数据';
export const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '年度',
  '营业收入（万元）',
  '税收（万元）',
  '日期',
  '布尔',
  '公式',
  '备注',
];

/** Rows of Chinese text: enough to make the sheet XML straddle the reader's inflate chunks. */
export const GENERATED_ROWS = 1200;

const uscc = (i: number) => `91330100MA${String(i).padStart(7, '0')}X`;

/** The data sheet, row by row (row numbers from 1; a row absent here is empty). */
export function dataRows(): { row: number; cells: SpecCell[] }[] {
  const rows: { row: number; cells: SpecCell[] }[] = [
    { row: 1, cells: HEADER },
    {
      row: 2,
      cells: [
        uscc(1),
        '杭州甲科技有限公司',
        2025,
        1234.5,
        56.78,
        { date: '2024-03-15' },
        true,
        { formula: 'D2*2', result: 2469 },
        'A & B <c> "d" \'e\'',
      ],
    },
    {
      row: 3,
      cells: [
        uscc(2),
        '  前导与尾随空格  ',
        2025,
        0.1,
        null,
        null,
        false,
        { formula: 'D3*2', result: 0.2 },
        null,
      ],
    },
    {
      row: 4,
      cells: [
        uscc(3),
        { rich: ['红色', '文字'] },
        2025,
        -3.25,
        12345678901,
        { date: '1999-12-31' },
        null,
        { formula: 'D4*2', result: -6.5 },
        '0123',
      ],
    },
    { row: 5, cells: [null, null, null, null, null, null, null, null, '只有备注'] },
    // Row 6 is empty.
    {
      row: 7,
      cells: [uscc(4), '第二段', 2025, 1e-7, 0, { date: '2000-02-29' }, true, null, '1,234.5'],
    },
  ];
  for (let i = 0; i < GENERATED_ROWS; i++)
    rows.push({
      row: 8 + i,
      cells: [
        uscc(100 + i),
        `杭州市钱塘区第${i}号鑫淼犇骉智能装备制造有限公司（测试数据）`,
        2025,
        i * 1.25,
        i % 7 === 0 ? null : i,
        null,
        null,
        null,
        i % 100 === 0 ? `备注${i}` : null,
      ],
    });
  return rows;
}

/** Merged on the data sheet (I8 holds 备注0, I9 is empty). */
export const MERGED = ['I8:I9'];

/** The other sheets of the three-sheet layout: 说明 first, the data sheet second, 附表 third. */
export const HELP_SHEET = { name: '说明', rows: [['说明'], ['本工作簿用于测试读取']] };
export const EXTRA_SHEET = { name: '附表', rows: [['附表'], [1]] };
/** The hidden first tab of the hidden-first layout; the data sheet is then named 填报. */
export const HIDDEN_SHEET = {
  name: '旧数据',
  rows: [
    ['旧', '数据'],
    [1, 2],
  ],
};
export const VISIBLE_NAME = '填报';

export type Layout = 'three-sheets' | 'hidden-first' | 'reordered';

export interface CorpusFile {
  file: string;
  writer: string;
  layout: Layout;
  /** The sheet a reader must read (preferring the template's name 年度数据). */
  sheet: string;
  /** The writer stores no cached formula results (openpyxl). */
  formulasUncached?: boolean;
  /** The writer does not store merged ranges of this file. */
  noMerged?: boolean;
  /** The writer stores TRUE and FALSE as the formulas `TRUE()` and `FALSE()` (LibreOffice). */
  booleansAsFormulas?: boolean;
}

const layouts = (writer: string, prefix: string, extra: Partial<CorpusFile> = {}): CorpusFile[] => [
  { file: `${prefix}-three-sheets.xlsx`, writer, layout: 'three-sheets', sheet: DATA_SHEET, ...extra },
  { file: `${prefix}-hidden-first.xlsx`, writer, layout: 'hidden-first', sheet: VISIBLE_NAME, ...extra },
];

export const CORPUS: CorpusFile[] = [
  ...layouts('ExcelJS Workbook (shared strings)', 'exceljs'),
  ...layouts('ExcelJS WorkbookWriter, inline strings', 'exceljs-stream-inline'),
  ...layouts('ExcelJS WorkbookWriter, shared strings', 'exceljs-stream-shared'),
  ...layouts('SheetJS CE, inline strings', 'sheetjs-inline'),
  ...layouts('SheetJS CE, shared strings', 'sheetjs-shared'),
  ...layouts('openpyxl', 'openpyxl', { formulasUncached: true }),
  ...layouts('LibreOffice Calc (converted from the ExcelJS or openpyxl file)', 'libreoffice', {
    booleansAsFormulas: true,
  }),
  // Tabs dragged in Excel: workbook.xml lists sheet2.xml (填报) before sheet1.xml (旧数据, visible).
  {
    file: 'openpyxl-reordered.xlsx',
    writer: 'openpyxl, tabs reordered as Excel does',
    layout: 'reordered',
    sheet: VISIBLE_NAME,
    formulasUncached: true,
  },
];

/** What a reader must return for a corpus file: its data rows (header included) as `RawCell`s. */
export function expectedRows(file: CorpusFile): { row: number; cells: RawCell[] }[] {
  return dataRows().map(({ row, cells }) => {
    const out: RawCell[] = cells.map((c): RawCell => {
      if (typeof c === 'boolean' && file.booleansAsFormulas) return { formula: true, result: c };
      if (c === null || typeof c !== 'object') return c;
      if ('date' in c) return { date: c.date };
      if ('rich' in c) return c.rich.join('');
      return { formula: true, result: file.formulasUncached ? null : c.result };
    });
    while (out.length && out[out.length - 1] === null) out.pop();
    return { row, cells: out };
  });
}
