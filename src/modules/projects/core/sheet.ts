/**
 * The project workbook (项目导入模板 / 导出): its columns, and reading a sheet into rows or row errors
 * in Chinese and English. Pure: references (platforms, industries, enterprises) are resolved by the
 * caller.
 */
import { SOURCE_NAMES, SOURCES, STAGE_NAMES, STAGES, type Source, type Stage } from './codes';

export type SheetCell =
  | null
  | number
  | string
  | boolean
  | { date: string }
  | { formula: true; result?: number | string | boolean | null }
  | { error: string };

type Kind = 'text' | 'amount' | 'year' | 'date';

export interface ProjectColumn {
  key: string;
  zh: string;
  en: string;
  kind: Kind;
  required?: boolean;
  /** Maximum length of a text. */
  max?: number;
}

const stageColumns: ProjectColumn[] = STAGES.map((s) => ({
  key: `date_${s}`,
  zh: `${STAGE_NAMES[s].zh}日期`,
  en: `${STAGE_NAMES[s].en} date`,
  kind: 'date' as const,
}));

export const PROJECT_COLUMNS: ProjectColumn[] = [
  { key: 'code', zh: '项目编号', en: 'Project code', kind: 'text', max: 32 },
  { key: 'name', zh: '项目名称', en: 'Project name', kind: 'text', required: true, max: 100 },
  { key: 'investorUscc', zh: '投资方统一社会信用代码', en: 'Investor USCC', kind: 'text', max: 18 },
  { key: 'investorName', zh: '投资方名称', en: 'Investor name', kind: 'text', max: 100 },
  { key: 'investorOrigin', zh: '投资方来源地', en: 'Investor origin', kind: 'text', max: 40 },
  {
    key: 'enterpriseUscc',
    zh: '项目公司统一社会信用代码',
    en: 'Project company USCC',
    kind: 'text',
    max: 18,
  },
  { key: 'platform', zh: '园区', en: 'Platform', kind: 'text', required: true, max: 100 },
  { key: 'industry', zh: '产业', en: 'Industry', kind: 'text', required: true, max: 40 },
  { key: 'chainNodeCode', zh: '产业链节点编码', en: 'Chain node code', kind: 'text', max: 32 },
  {
    key: 'totalInvestment',
    zh: '总投资（万元）',
    en: 'Total investment (万元)',
    kind: 'amount',
    required: true,
  },
  {
    key: 'fixedAssetInvestment',
    zh: '固定资产投资（万元）',
    en: 'Fixed-asset investment (万元)',
    kind: 'amount',
  },
  { key: 'foreignInvestment', zh: '外资（万美元）', en: 'Foreign investment (万美元)', kind: 'amount' },
  { key: 'landMu', zh: '用地（亩）', en: 'Land (亩)', kind: 'amount' },
  { key: 'parcel', zh: '地块', en: 'Parcel', kind: 'text', max: 100 },
  { key: 'energyTce', zh: '能耗（吨标准煤）', en: 'Energy (tce)', kind: 'amount' },
  { key: 'source', zh: '招商方式', en: 'Source', kind: 'text', required: true, max: 20 },
  {
    key: 'referrerUscc',
    zh: '推荐企业统一社会信用代码',
    en: 'Referring enterprise USCC',
    kind: 'text',
    max: 18,
  },
  { key: 'ownerName', zh: '招商负责人', en: 'Owner', kind: 'text', max: 40 },
  {
    key: 'committedIntensity',
    zh: '承诺投资强度（万元/亩）',
    en: 'Committed intensity (万元/亩)',
    kind: 'amount',
  },
  {
    key: 'committedOutputPerMu',
    zh: '承诺亩均产出（万元/亩）',
    en: 'Committed output per mu (万元/亩)',
    kind: 'amount',
  },
  {
    key: 'committedTaxPerMu',
    zh: '承诺亩均税收（万元/亩）',
    en: 'Committed tax per mu (万元/亩)',
    kind: 'amount',
  },
  { key: 'fullProductionYear', zh: '达产年份', en: 'Full-production year', kind: 'year' },
  { key: 'note', zh: '备注', en: 'Note', kind: 'text', max: 2000 },
  ...stageColumns,
];

export interface SheetRowValues {
  row: number;
  code: string | null;
  name: string;
  investorUscc: string | null;
  investorName: string;
  investorOrigin: string;
  enterpriseUscc: string | null;
  platform: string;
  industry: string;
  chainNodeCode: string | null;
  totalInvestment: number;
  fixedAssetInvestment: number | null;
  foreignInvestment: number | null;
  landMu: number | null;
  parcel: string;
  energyTce: number | null;
  source: Source;
  referrerUscc: string | null;
  ownerName: string;
  committedIntensity: number | null;
  committedOutputPerMu: number | null;
  committedTaxPerMu: number | null;
  fullProductionYear: number | null;
  note: string;
  /** Stage dates given, in stage order. */
  dates: { stage: Stage; date: string }[];
}

export interface RowError {
  row: number;
  column: string;
  zh: string;
  en: string;
}

const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const HEADERS = new Map<string, ProjectColumn>();
for (const c of PROJECT_COLUMNS) {
  HEADERS.set(normalise(c.zh), c);
  HEADERS.set(normalise(c.en), c);
  HEADERS.set(normalise(c.key), c);
}

const SOURCE_BY_NAME = new Map<string, Source>();
for (const s of SOURCES) {
  SOURCE_BY_NAME.set(normalise(s), s);
  SOURCE_BY_NAME.set(normalise(SOURCE_NAMES[s].zh), s);
  SOURCE_BY_NAME.set(normalise(SOURCE_NAMES[s].en), s);
}
SOURCE_BY_NAME.set(normalise('中介'), 'agency');
SOURCE_BY_NAME.set(normalise('展会'), 'expo');

function textOf(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if ('date' in cell) return cell.date;
    if ('error' in cell) return '';
    return cell.result === undefined || cell.result === null ? '' : String(cell.result);
  }
  return String(cell).normalize('NFKC').trim();
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** YYYY-MM-DD from a date cell or text (2025-03-01, 2025/3/1, 2025年3月1日), or null. */
export function dateOf(cell: SheetCell): string | null | 'bad' {
  if (cell === null) return null;
  if (typeof cell === 'object' && 'date' in cell) return cell.date.slice(0, 10);
  const text = textOf(cell);
  if (!text) return null;
  const m = DATE.exec(text);
  if (!m) return 'bad';
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'bad' : iso;
}

function numberOf(cell: SheetCell): number | null | 'bad' {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'object' && 'formula' in cell) {
    if (cell.result === undefined || cell.result === null) return 'bad';
    return numberOf(cell.result);
  }
  if (typeof cell === 'object' || typeof cell === 'boolean') return 'bad';
  const text = cell.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!text) return null;
  return /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : 'bad';
}

/**
 * Reads the sheet: a header row naming the columns (Chinese or English), then one project per row.
 * Empty rows are skipped; any problem is reported with its row number and column, and nothing is
 * read (all or nothing).
 */
export function readProjectSheet(
  header: SheetCell[],
  rows: { row: number; cells: SheetCell[] }[],
  today: string,
): { ok: true; rows: SheetRowValues[] } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const at: { index: number; column: ProjectColumn }[] = [];
  header.forEach((cell, index) => {
    const text = textOf(cell);
    if (!text) return;
    const column = HEADERS.get(normalise(text));
    if (!column)
      errors.push({ row: 1, column: text, zh: `未知的列：${text}`, en: `Unknown column: ${text}` });
    else if (at.some((a) => a.column.key === column.key))
      errors.push({ row: 1, column: text, zh: `列重复：${text}`, en: `Duplicate column: ${text}` });
    else at.push({ index, column });
  });
  for (const c of PROJECT_COLUMNS)
    if (c.required && !at.some((a) => a.column.key === c.key))
      errors.push({
        row: 1,
        column: c.zh,
        zh: `缺少必填列：${c.zh}`,
        en: `Missing required column: ${c.en}`,
      });
  if (errors.length) return { ok: false, errors };

  const out: SheetRowValues[] = [];
  const codes = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (at.every((a) => textOf(cells[a.index] ?? null) === '')) continue;
    const v: Record<string, unknown> = {};
    const dates: { stage: Stage; date: string }[] = [];
    const bad = (c: ProjectColumn, zh: string, en: string) =>
      errors.push({ row, column: c.zh, zh: `${c.zh}：${zh}`, en: `${c.en}: ${en}` });
    for (const { index, column: c } of at) {
      const cell = cells[index] ?? null;
      if (c.kind === 'date') {
        const d = dateOf(cell);
        if (d === 'bad') bad(c, '不是有效日期（如 2025-03-01）', 'not a valid date (e.g. 2025-03-01)');
        else if (d && d > today) bad(c, '不能晚于今天', 'cannot be in the future');
        else if (d) dates.push({ stage: c.key.slice(5) as Stage, date: d });
        continue;
      }
      if (c.kind === 'amount' || c.kind === 'year') {
        const n = numberOf(cell);
        if (n === 'bad') bad(c, '不是非负数字', 'not a number ≥ 0');
        else if (n !== null && c.kind === 'year' && (!Number.isInteger(n) || n < 1990 || n > 2100))
          bad(c, '应为 1990–2100 之间的年份', 'a year between 1990 and 2100');
        else if (n !== null && n > 1e9) bad(c, '数值过大', 'too large');
        v[c.key] = n === 'bad' ? null : n;
        if (n === null && c.required) bad(c, '必填', 'required');
        continue;
      }
      const text = textOf(cell);
      if (c.max && text.length > c.max) bad(c, `最多 ${c.max} 个字`, `at most ${c.max} characters`);
      if (!text && c.required) bad(c, '必填', 'required');
      v[c.key] = text;
    }
    const sourceText = String(v.source ?? '');
    const source = SOURCE_BY_NAME.get(normalise(sourceText));
    const sourceColumn = PROJECT_COLUMNS.find((c) => c.key === 'source')!;
    if (sourceText && !source)
      bad(
        sourceColumn,
        `应为 ${SOURCES.map((s) => SOURCE_NAMES[s].zh).join('、')} 之一`,
        `one of ${SOURCES.map((s) => SOURCE_NAMES[s].en).join(', ')}`,
      );
    const code = String(v.code ?? '') || null;
    const codeColumn = PROJECT_COLUMNS[0]!;
    if (code && !/^[A-Z0-9][A-Z0-9-]{2,31}$/.test(code))
      bad(codeColumn, '只能包含大写字母、数字和连字符', 'capital letters, digits and dashes only');
    if (code && codes.has(code))
      bad(codeColumn, `与第 ${codes.get(code)} 行重复`, `the same as row ${codes.get(code)}`);
    if (code) codes.set(code, row);
    const node = String(v.chainNodeCode ?? '') || null;
    if (node && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(node))
      bad(
        PROJECT_COLUMNS.find((c) => c.key === 'chainNodeCode')!,
        '编码格式不正确（如 IC-U01）',
        'not a node code (e.g. IC-U01)',
      );
    for (const key of ['investorUscc', 'enterpriseUscc', 'referrerUscc'])
      if (v[key] && !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(String(v[key])))
        bad(
          PROJECT_COLUMNS.find((c) => c.key === key)!,
          '不是有效的统一社会信用代码',
          'not a valid USCC',
        );
    const ordered = dates.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
    for (let i = 1; i < ordered.length; i++)
      if (ordered[i]!.date < ordered[i - 1]!.date) {
        const c = stageColumns.find((s) => s.key === `date_${ordered[i]!.stage}`)!;
        bad(
          c,
          `早于${STAGE_NAMES[ordered[i - 1]!.stage].zh}日期`,
          `before the ${STAGE_NAMES[ordered[i - 1]!.stage].en.toLowerCase()} date`,
        );
      }
    out.push({
      row,
      code,
      name: String(v.name ?? ''),
      investorUscc: String(v.investorUscc ?? '') || null,
      investorName: String(v.investorName ?? ''),
      investorOrigin: String(v.investorOrigin ?? ''),
      enterpriseUscc: String(v.enterpriseUscc ?? '') || null,
      platform: String(v.platform ?? ''),
      industry: String(v.industry ?? ''),
      chainNodeCode: node,
      totalInvestment: Number(v.totalInvestment ?? 0),
      fixedAssetInvestment: (v.fixedAssetInvestment as number | null) ?? null,
      foreignInvestment: (v.foreignInvestment as number | null) ?? null,
      landMu: (v.landMu as number | null) ?? null,
      parcel: String(v.parcel ?? ''),
      energyTce: (v.energyTce as number | null) ?? null,
      source: source ?? 'other',
      referrerUscc: String(v.referrerUscc ?? '') || null,
      ownerName: String(v.ownerName ?? ''),
      committedIntensity: (v.committedIntensity as number | null) ?? null,
      committedOutputPerMu: (v.committedOutputPerMu as number | null) ?? null,
      committedTaxPerMu: (v.committedTaxPerMu as number | null) ?? null,
      fullProductionYear: (v.fullProductionYear as number | null) ?? null,
      note: String(v.note ?? ''),
      dates: ordered,
    });
  }
  if (!out.length && !errors.length)
    errors.push({ row: 2, column: '', zh: '没有项目行', en: 'The sheet has no project rows' });
  return errors.length ? { ok: false, errors: errors.slice(0, 200) } : { ok: true, rows: out };
}

/** The column a service field error belongs to (for row errors). */
export const COLUMN_OF_FIELD: Record<string, string> = {
  name: '项目名称',
  platformId: '园区',
  industryCode: '产业',
  investorEnterpriseId: '投资方统一社会信用代码',
  enterpriseId: '项目公司统一社会信用代码',
  referrerEnterpriseId: '推荐企业统一社会信用代码',
  fixedAssetInvestment: '固定资产投资（万元）',
};
