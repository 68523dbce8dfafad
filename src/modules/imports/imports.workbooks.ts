/** The workbooks of imports: templates, the problem report, and the annual export (template layout). */
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { EnterpriseYearExportRow } from '../enterprises/enterprises.service';
import { beijingTime, safeCell } from '../spreadsheets/core/cells';
import { once, streamSheets, streamWorkbook, type SheetSpec } from '../spreadsheets/xlsx-writer';
import {
  COLUMNS,
  SHEET_NAMES,
  UPLOAD_RETENTION_HOURS,
  YEAR_KEYS,
  type ImportKind,
  type ImportStatus,
} from './core/columns';
import type { ImportJob } from './imports.repository';
import type { Problem } from './core/problems';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { DEFAULT_READ_LIMITS } from '../spreadsheets/read/xlsx-reader';

const LIMITS = {
  rows: (DEFAULT_READ_LIMITS.maxRows - 1).toLocaleString('en'),
  columns: DEFAULT_READ_LIMITS.maxColumns,
};

/** A template: the data sheet with Chinese headers (units included) and a 说明 sheet. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAMES[kind], {
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
  for (const [zh, en] of [
    [
      `读取名为“${SHEET_NAMES[kind]}”的工作表；没有该工作表时读取按标签顺序第一个可见的工作表（隐藏的工作表不读取）。导入结果会写明读取了哪个工作表。`,
      `The sheet named “${SHEET_NAMES[kind]}” is read; without it, the first visible tab (hidden sheets are skipped). The import says which sheet it read.`,
    ],
    [
      '请勿合并单元格；公式单元格使用其计算结果；金额单位为万元；数字可带千位分隔符（每三位一个逗号，如 1,234.5），全角数字按半角处理。',
      'No merged cells; formula cells use their cached results; money is in 万元; numbers may have thousands separators (a comma every three digits, e.g. 1,234.5); full-width digits count as ASCII digits.',
    ],
    [
      '文字中不能含有不可见字符（零宽空格、文字方向控制符、换行等）。',
      'Text may not contain invisible characters (zero-width spaces, direction marks, line breaks, …).',
    ],
    [
      `上限：${MAX_UPLOAD_BYTES / 1024 / 1024} MB，${LIMITS.rows} 个数据行，${LIMITS.columns} 列。网页上传的文件在确认导入前最多保留 ${UPLOAD_RETENTION_HOURS} 小时。`,
      `Limits: ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, ${LIMITS.rows} data rows, ${LIMITS.columns} columns. A web upload waits at most ${UPLOAD_RETENTION_HOURS} hours for confirmation.`,
    ],
  ])
    help.addRow({ header: '注意', zh, en });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The problems of an import as a workbook (row-level report); a second sheet says which sheet of
 * the uploaded workbook was read, and why.
 */
export function reportWorkbook(
  problems: Problem[],
  sheet: { name: string; zh: string; en: string } | null = null,
): Readable {
  return streamSheets([
    {
      spec: {
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
      } satisfies SheetSpec<Problem> as SheetSpec<unknown>,
      batches: once(problems),
    },
    {
      spec: {
        name: '读取的工作表',
        columns: [
          { header: '工作表', width: 20, value: (s) => s.name },
          { header: '说明', width: 60, value: (s) => s.zh },
          { header: 'Note', width: 60, value: (s) => s.en },
        ],
      } satisfies SheetSpec<{ name: string; zh: string; en: string }> as SheetSpec<unknown>,
      batches: once(sheet ? [sheet] : [{ name: '', zh: '未能读取工作表', en: 'No sheet was read' }]),
    },
  ]);
}

/** One year of figures in the annual template's layout: an export that imports again unchanged. */
export const ANNUAL_EXPORT: SheetSpec<EnterpriseYearExportRow> = {
  name: SHEET_NAMES.annual,
  columns: COLUMNS.annual.map((c) => ({
    header: c.header,
    width: c.key === 'name' ? 34 : c.key === 'uscc' ? 22 : 16,
    value:
      c.key === 'uscc'
        ? (r: EnterpriseYearExportRow) => r.uscc
        : c.key === 'name'
          ? (r: EnterpriseYearExportRow) => r.name
          : c.key === 'year'
            ? (r: EnterpriseYearExportRow) => r.year
            : (r: EnterpriseYearExportRow) => r.figures[c.key as (typeof YEAR_KEYS)[number]],
  })),
};

/** The annual export as an .xlsx stream. */
export function annualExportWorkbook(batches: AsyncIterable<EnterpriseYearExportRow[]>): Readable {
  return streamWorkbook(ANNUAL_EXPORT, batches);
}

const STATUS_NAMES: Record<ImportStatus, string> = {
  succeeded: '成功',
  rejected: '校验未通过',
  failed: '失败',
  ready: '待确认',
  validating: '校验中',
  importing: '导入中',
};

/** The import history (导出导入记录), times in Beijing. */
export function historyWorkbook(jobs: ImportJob[]): Readable {
  return streamWorkbook<ImportJob>(
    {
      name: '导入记录',
      columns: [
        { header: '序号', value: (j) => j.id },
        { header: '开始时间（北京时间）', width: 22, value: (j) => beijingTime(j.startedAt) },
        { header: '操作人', value: (j) => j.username },
        { header: '类型', value: (j) => SHEET_NAMES[j.kind] },
        { header: '年度', value: (j) => j.year },
        { header: '文件名', width: 30, value: (j) => j.fileName },
        { header: '工作表', width: 16, value: (j) => j.sheet?.name ?? '' },
        { header: 'SHA-256', width: 66, value: (j) => j.sha256 },
        { header: '数据行数', value: (j) => j.rowsTotal },
        { header: '新增', value: (j) => j.rowsInserted },
        { header: '更新', value: (j) => j.rowsUpdated },
        { header: '错误', value: (j) => j.errorCount },
        { header: '警告', value: (j) => j.warningCount },
        { header: '结果', value: (j) => STATUS_NAMES[j.status] },
      ],
    },
    once(jobs),
  );
}

/** One changed enterprise of an import (import_changes). */
export interface ImportChangeRow {
  enterpriseId: number;
  uscc: string;
  name: string;
  change: 'inserted' | 'updated';
}

/** Every enterprise an import changed (导入变更清单): the list its audit row refers to. */
export function changesWorkbook(batches: AsyncIterable<ImportChangeRow[]>): Readable {
  return streamWorkbook<ImportChangeRow>(
    {
      name: '变更企业',
      columns: [
        { header: '企业编号', value: (c) => c.enterpriseId },
        { header: '统一社会信用代码', width: 22, value: (c) => c.uscc },
        { header: '企业名称', width: 34, value: (c) => c.name },
        { header: '变更', value: (c) => (c.change === 'inserted' ? '新增' : '更新') },
      ],
    },
    batches,
  );
}
