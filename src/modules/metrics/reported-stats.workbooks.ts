/** The reporting template of a year: one row per platform, one column per figure, and a 说明 sheet. */
import ExcelJS from 'exceljs';
import { safeCell } from '../spreadsheets/core/cells';
import { BASE_FIGURES, FIGURES, type BaseFigure } from './core/metrics';
import {
  AMOUNT_DECIMALS,
  CLEAR_WORDS,
  columnHeader,
  isReportedOnly,
  NOTE_MAX,
  PLATFORM_ID_HEADER,
  PLATFORM_NAME_HEADER,
} from './core/reported';

const KIND_TEXT = {
  amount: {
    zh: `非负数，最多 ${AMOUNT_DECIMALS} 位小数`,
    en: `a number ≥ 0, up to ${AMOUNT_DECIMALS} decimals`,
  },
  count: { zh: '非负整数', en: 'a whole number ≥ 0' },
  flag: { zh: '1 = 有，0 = 无', en: '1 = yes, 0 = no' },
} as const;

export async function templateWorkbook(
  year: number,
  platforms: { id: number; name: string; values: Partial<Record<BaseFigure, number>> }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${year}年统计上报`, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    { header: PLATFORM_ID_HEADER, key: 'id', width: 10 },
    { header: PLATFORM_NAME_HEADER, key: 'name', width: 28 },
    ...BASE_FIGURES.map((f) => ({
      header: columnHeader(FIGURES[f]),
      key: f,
      width: Math.max(14, Math.min(34, columnHeader(FIGURES[f]).length * 2 + 2)),
      style: FIGURES[f].kind === 'amount' ? { numFmt: '#,##0.####' } : { numFmt: '0' },
    })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 36;
  BASE_FIGURES.forEach((f, i) => {
    if (isReportedOnly(f)) header.getCell(i + 3).font = { bold: true, color: { argb: 'FF1F4E79' } };
  });
  for (const p of platforms)
    sheet.addRow({
      id: p.id,
      name: safeCell(p.name),
      ...Object.fromEntries(BASE_FIGURES.map((f) => [f, p.values[f] ?? null])),
    });

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'header', width: 40 },
    { header: '编码', key: 'key', width: 24 },
    { header: '取值', key: 'zh', width: 30 },
    { header: 'Values', key: 'en', width: 30 },
    { header: '来源', key: 'source', width: 16 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of BASE_FIGURES) {
    const def = FIGURES[f];
    help.addRow({
      header: columnHeader(def),
      key: f,
      zh: KIND_TEXT[def.kind].zh,
      en: KIND_TEXT[def.kind].en,
      source: isReportedOnly(f) ? '仅上报' : '覆盖计算值',
    });
  }
  help.addRow({});
  for (const [zh, en] of [
    [
      `${year} 年度，每行一个园区（按“${PLATFORM_ID_HEADER}”识别，没有编号时按“${PLATFORM_NAME_HEADER}”）。`,
      `Year ${year}; one row per platform (matched by id, or by name when the id is empty).`,
    ],
    [
      `空单元格：该项保持不变；填“${CLEAR_WORDS[0]}”：删除上报数，恢复使用系统计算值。`,
      `An empty cell leaves the figure as it is; “${CLEAR_WORDS[0]}” or “${CLEAR_WORDS[1]}” removes the reported figure.`,
    ],
    [
      '上报数优先于系统根据企业数据计算的值；“仅上报”的统计项系统无法计算。',
      'A reported figure overrides the value computed from enterprise data; “仅上报” figures cannot be computed.',
    ],
    [
      `整表校验通过才会导入（全部或全不）；说明（最多 ${NOTE_MAX} 字）请在页面上填写。`,
      `The file is imported only when every row passes (all or nothing); add notes on the page.`,
    ],
  ])
    help.addRow({ header: '注意', zh, en });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
