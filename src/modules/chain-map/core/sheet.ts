/**
 * The node sheet of a chain-map workbook (节点): its columns, and reading its rows into nodes with
 * row errors in Chinese and English. Pure: cells in, nodes or problems out.
 */
import type { Segment } from './codes';
import { segmentOf, splitClassCodes } from './nodes';

export const NODE_SHEET = '节点';

export const NODE_COLUMNS = [
  { key: 'code', zh: '节点编码', en: 'Node code', width: 14, match: ['节点编码', 'node code', 'code'] },
  { key: 'parentCode', zh: '上级节点编码', en: 'Parent code', width: 14, match: ['上级节点', 'parent'] },
  { key: 'segment', zh: '环节', en: 'Segment', width: 10, match: ['环节', 'segment'] },
  { key: 'nameZh', zh: '中文名称', en: 'Chinese name', width: 24, match: ['中文名称', 'chinese name'] },
  { key: 'nameEn', zh: '英文名称', en: 'English name', width: 32, match: ['英文名称', 'english name'] },
  {
    key: 'classCodes',
    zh: '行业代码（GB/T 4754-2017）',
    en: 'Classes (GB/T 4754-2017)',
    width: 26,
    match: ['行业代码', 'classes', 'class codes'],
  },
  { key: 'sort', zh: '排序', en: 'Sort', width: 8, match: ['排序', 'sort'] },
] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number]['key'];

/** The header text written into the template: `中文 / English`. */
export const headerText = (c: (typeof NODE_COLUMNS)[number]) => `${c.zh} / ${c.en}`;

export type Cell =
  | null
  | number
  | string
  | boolean
  | { date: string }
  | { formula: true; result?: unknown }
  | { error: string };

export interface SheetNode {
  code: string;
  parentCode: string | null;
  segment: Segment;
  nameZh: string;
  nameEn: string;
  classCodes: string[];
  sort?: number;
}

export interface SheetProblem {
  row: number;
  field: string;
  code: string;
  zh: string;
  en: string;
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (typeof cell === 'string') return cell.trim();
  if ('formula' in cell)
    return cell.result === null || cell.result === undefined ? '' : String(cell.result).trim();
  if ('date' in cell) return cell.date;
  return '';
}

/** Which column holds which field: a header cell matches by its Chinese or English name. */
export function columnsOf(header: Cell[]): {
  index: Map<NodeColumn, number>;
  missing: (typeof NODE_COLUMNS)[number][];
} {
  const index = new Map<NodeColumn, number>();
  header.forEach((cell, i) => {
    const h = text(cell).toLowerCase();
    if (!h) return;
    const match = NODE_COLUMNS.find((c) => c.match.some((m) => h.startsWith(m)));
    if (match && !index.has(match.key)) index.set(match.key, i);
  });
  const missing = NODE_COLUMNS.filter((c) => c.key !== 'sort' && c.key !== 'parentCode' && !index.has(c.key));
  return { index, missing };
}

/**
 * Reads the rows (`row` is the sheet row number) into nodes. Blank rows are skipped. A problem
 * names the row and column; a wrong segment or sort is a problem, the rest is checked with the
 * whole list (`validateNodes`).
 */
export function readNodeRows(
  header: Cell[],
  rows: { row: number; cells: Cell[] }[],
): { ok: true; rows: { row: number; node: SheetNode }[] } | { ok: false; problems: SheetProblem[] } {
  const { index, missing } = columnsOf(header);
  if (missing.length)
    return {
      ok: false,
      problems: missing.map((c) => ({
        row: 1,
        field: c.key,
        code: 'COLUMN_MISSING',
        zh: `第 1 行：缺少“${c.zh}”列`,
        en: `Row 1: the "${c.en}" column is missing`,
      })),
    };
  const problems: SheetProblem[] = [];
  const out: { row: number; node: SheetNode }[] = [];
  const get = (cells: Cell[], key: NodeColumn) => {
    const i = index.get(key);
    return i === undefined ? '' : text(cells[i]);
  };
  for (const r of rows) {
    if (r.cells.every((c) => text(c) === '')) continue;
    const segmentText = get(r.cells, 'segment');
    const segment = segmentOf(segmentText);
    if (!segment)
      problems.push({
        row: r.row,
        field: 'segment',
        code: 'SEGMENT',
        zh: `第 ${r.row} 行：环节“${segmentText}”应为 上游、中游 或 下游`,
        en: `Row ${r.row}: segment "${segmentText}" must be upstream, midstream or downstream`,
      });
    const sortText = get(r.cells, 'sort');
    let sort: number | undefined;
    if (sortText) {
      sort = Number(sortText);
      if (!Number.isInteger(sort) || sort < 0 || sort > 9999) {
        problems.push({
          row: r.row,
          field: 'sort',
          code: 'SORT',
          zh: `第 ${r.row} 行：排序“${sortText}”应为 0–9999 的整数`,
          en: `Row ${r.row}: sort "${sortText}" must be a whole number 0–9999`,
        });
        sort = undefined;
      }
    }
    const parent = get(r.cells, 'parentCode');
    out.push({
      row: r.row,
      node: {
        code: get(r.cells, 'code'),
        parentCode: parent || null,
        segment: segment ?? 'upstream',
        nameZh: get(r.cells, 'nameZh'),
        nameEn: get(r.cells, 'nameEn'),
        classCodes: splitClassCodes(get(r.cells, 'classCodes')),
        ...(sort === undefined ? {} : { sort }),
      },
    });
  }
  if (problems.length) return { ok: false, problems };
  if (out.length === 0)
    return {
      ok: false,
      problems: [
        { row: 2, field: 'nodes', code: 'EMPTY', zh: '工作表中没有节点行', en: 'The sheet has no node rows' },
      ],
    };
  return { ok: true, rows: out };
}
