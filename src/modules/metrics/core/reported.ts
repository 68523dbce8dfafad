/**
 * Validation of reported statistics (统计上报数, domain guide §7): platform-year figures entered by
 * hand, one at a time, in a batch or from a workbook. Pure: no I/O. The web form uses the same
 * checks, so a value the page accepts is one the server accepts.
 */
import type { FieldError } from '../../../platform/errors';
import { BASE_FIGURES, FIGURES, REPORTED_ONLY, type BaseFigure, type FigureDefinition } from './metrics';

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;
export const NOTE_MAX = 500;
/** Amounts keep up to 4 decimals (NUMERIC in storage; 0.0001 万元 = 1 元). */
export const AMOUNT_DECIMALS = 4;
/** A sanity bound: 10^12 万元 is 10^16 元, far above any platform's figure. */
export const VALUE_MAX = 1e12;

const err = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, zh, en });

export function isBaseFigure(figure: unknown): figure is BaseFigure {
  return typeof figure === 'string' && (BASE_FIGURES as readonly string[]).includes(figure);
}

export const isReportedOnly = (figure: BaseFigure) => REPORTED_ONLY.includes(figure);

export function checkFigure(figure: unknown, field = 'figure'): FieldError[] {
  if (isBaseFigure(figure)) return [];
  const shown = String(figure).slice(0, 40);
  return [err(field, 'FIGURE_UNKNOWN', `未知的统计项：${shown}`, `Unknown figure: ${shown}`)];
}

export function checkYear(year: unknown, field = 'year'): FieldError[] {
  if (typeof year === 'number' && Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX) return [];
  return [
    err(
      field,
      'YEAR_OUT_OF_RANGE',
      `年度须为 ${YEAR_MIN}–${YEAR_MAX} 之间的整数`,
      `The year must be a whole number from ${YEAR_MIN} to ${YEAR_MAX}`,
    ),
  ];
}

export function checkNote(note: unknown, field = 'note'): FieldError[] {
  if (note === undefined || note === null) return [];
  if (typeof note !== 'string') return [err(field, 'NOTE_INVALID', '说明须为文本', 'The note must be text')];
  if (note.length > NOTE_MAX)
    return [
      err(
        field,
        'NOTE_TOO_LONG',
        `说明最多 ${NOTE_MAX} 个字符`,
        `The note has at most ${NOTE_MAX} characters`,
      ),
    ];
  return [];
}

/** Whether `value` has at most `decimals` decimals, allowing for binary floating point. */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/** The problems of a value for a figure, by the figure's kind (at most one). */
export function checkValue(figure: BaseFigure, value: unknown, field = 'value'): FieldError[] {
  const def = FIGURES[figure];
  const name = { zh: `「${def.zh}」`, en: `“${def.en}”` };
  if (value === null || value === undefined)
    return [err(field, 'VALUE_REQUIRED', `请填写${name.zh}的数值`, `Enter a value for ${name.en}`)];
  if (typeof value !== 'number' || !Number.isFinite(value))
    return [err(field, 'VALUE_NOT_NUMBER', `${name.zh}须为数字`, `${name.en} must be a number`)];
  if (def.kind === 'flag') {
    if (value === 0 || value === 1) return [];
    return [
      err(
        field,
        'VALUE_NOT_FLAG',
        `${name.zh}只能填 1（有）或 0（无）`,
        `${name.en} is a yes/no figure: 1 (yes) or 0 (no)`,
      ),
    ];
  }
  if (value < 0)
    return [err(field, 'VALUE_NEGATIVE', `${name.zh}不能为负数`, `${name.en} cannot be negative`)];
  if (value > VALUE_MAX)
    return [err(field, 'VALUE_TOO_LARGE', `${name.zh}数值过大`, `${name.en} is too large`)];
  if (def.kind === 'count' && !Number.isInteger(value))
    return [
      err(
        field,
        'VALUE_NOT_INTEGER',
        `${name.zh}是个数，须为整数（${def.unitZh}）`,
        `${name.en} is a count: a whole number (${def.unitEn})`,
      ),
    ];
  if (def.kind === 'amount' && !hasAtMostDecimals(value, AMOUNT_DECIMALS))
    return [
      err(
        field,
        'VALUE_TOO_PRECISE',
        `${name.zh}最多保留 ${AMOUNT_DECIMALS} 位小数`,
        `${name.en} has at most ${AMOUNT_DECIMALS} decimals`,
      ),
    ];
  return [];
}

/** A valid value as stored: amounts rounded to their decimals (0.1 + 0.2 → 0.3). */
export function normaliseValue(figure: BaseFigure, value: number): number {
  if (FIGURES[figure].kind !== 'amount') return value;
  return Number(value.toFixed(AMOUNT_DECIMALS));
}

export interface StatInput {
  year: unknown;
  figure: unknown;
  value: unknown;
  note?: unknown;
}

export interface ValidStat {
  year: number;
  figure: BaseFigure;
  value: number;
  /** undefined: keep the note the figure has (none for a new one). */
  note: string | undefined;
}

const noteOf = (note: unknown) => (typeof note === 'string' ? note.trim() : undefined);

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldError[] };

/** One reported figure (PUT): year, figure, value by kind, note. */
export function validateStat(input: StatInput): Checked<ValidStat> {
  const problems = [...checkYear(input.year), ...checkFigure(input.figure), ...checkNote(input.note)];
  if (isBaseFigure(input.figure)) problems.push(...checkValue(input.figure, input.value));
  if (problems.length) return { ok: false, problems };
  const figure = input.figure as BaseFigure;
  return {
    ok: true,
    value: {
      year: input.year as number,
      figure,
      value: normaliseValue(figure, input.value as number),
      note: noteOf(input.note),
    },
  };
}

/** Which override to remove (DELETE): year and figure. */
export function validateKey(input: {
  year: unknown;
  figure: unknown;
}): Checked<{ year: number; figure: BaseFigure }> {
  const problems = [...checkYear(input.year), ...checkFigure(input.figure)];
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { year: input.year as number, figure: input.figure as BaseFigure } };
}

export interface BatchItemInput {
  figure: unknown;
  /** null removes the override. */
  value: unknown;
  note?: unknown;
}

/** One change of a batch: a value to set, or null to go back to the computed value. */
export interface BatchChange {
  figure: BaseFigure;
  value: number | null;
  /** undefined: keep the note the figure has. */
  note: string | undefined;
}

/** A batch of one platform-year: every item checked, each figure at most once. */
export function validateBatch(input: {
  year: unknown;
  items: readonly BatchItemInput[];
}): Checked<{ year: number; items: BatchChange[] }> {
  const problems = [...checkYear(input.year)];
  const seen = new Set<string>();
  const items: BatchChange[] = [];
  input.items.forEach((item, i) => {
    const at = `items/${i}`;
    const figureProblems = checkFigure(item.figure, `${at}/figure`);
    problems.push(...figureProblems, ...checkNote(item.note, `${at}/note`));
    if (figureProblems.length) return;
    const figure = item.figure as BaseFigure;
    if (seen.has(figure))
      problems.push(
        err(
          `${at}/figure`,
          'FIGURE_DUPLICATE',
          `统计项「${FIGURES[figure].zh}」重复`,
          `The figure “${FIGURES[figure].en}” appears twice`,
        ),
      );
    seen.add(figure);
    if (item.value === null) {
      items.push({ figure, value: null, note: undefined });
      return;
    }
    const valueProblems = checkValue(figure, item.value, `${at}/value`);
    problems.push(...valueProblems);
    if (!valueProblems.length)
      items.push({
        figure,
        value: normaliseValue(figure, item.value as number),
        note: noteOf(item.note),
      });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { year: input.year as number, items } };
}

// ---- Workbooks: one row per platform, one column per figure ----

/** The header of a figure's column: name and unit, e.g. 工业总产值（万元）. */
export const columnHeader = (def: FigureDefinition) => `${def.zh}（${def.unitZh}）`;
export const PLATFORM_ID_HEADER = '园区编号';
export const PLATFORM_NAME_HEADER = '园区名称';
/** Typed into a cell to remove the override (an empty cell leaves the figure as it is). */
export const CLEAR_WORDS = ['清除', 'clear'];

const normaliseHeader = (text: string) =>
  text.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').toLowerCase();

type HeaderMeaning =
  { kind: 'platformId' } | { kind: 'platformName' } | { kind: 'figure'; figure: BaseFigure };

const HEADERS: ReadonlyMap<string, HeaderMeaning> = (() => {
  const map = new Map<string, HeaderMeaning>();
  for (const h of [PLATFORM_ID_HEADER, 'platformId', 'platform id', 'id'])
    map.set(normaliseHeader(h), { kind: 'platformId' });
  for (const h of [PLATFORM_NAME_HEADER, '园区', '平台名称', 'platform', 'platform name'])
    map.set(normaliseHeader(h), { kind: 'platformName' });
  for (const figure of BASE_FIGURES) {
    const def = FIGURES[figure];
    for (const h of [columnHeader(def), def.zh, def.key, def.en, `${def.en} (${def.unitEn})`])
      map.set(normaliseHeader(h), { kind: 'figure', figure });
  }
  return map;
})();

/** A cell as the workbook parser hands it over (see imports/core/validate `RawCell`). */
export type SheetCell =
  | null
  | number
  | string
  | boolean
  | { date: string }
  | { formula: true; result?: number | string | boolean | null }
  | { error: string };

export interface StatsSheet {
  header: SheetCell[];
  rows: { row: number; cells: SheetCell[] }[];
}

export interface SheetPlatform {
  id: number;
  name: string;
}

export interface SheetProblem extends FieldError {
  row: number;
  column: string;
  value: string;
}

export interface SheetRow {
  row: number;
  platformId: number;
  changes: BatchChange[];
}

const cellText = (cell: SheetCell): string => {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if ('date' in cell) return cell.date;
    if ('error' in cell) return cell.error;
    return cell.result === undefined || cell.result === null ? '' : String(cell.result);
  }
  return String(cell);
};

type CellValue =
  | { kind: 'empty' }
  | { kind: 'clear' }
  | { kind: 'value'; value: number }
  | { kind: 'bad'; why: 'text' | 'formula' | 'date' | 'error' };

const YES = new Set(['是', '有', 'yes', 'y', 'true']);
const NO = new Set(['否', '无', 'no', 'n', 'false']);

function readCell(cell: SheetCell, def: FigureDefinition): CellValue {
  if (cell === null) return { kind: 'empty' };
  if (typeof cell === 'object') {
    if ('date' in cell) return { kind: 'bad', why: 'date' };
    if ('error' in cell) return { kind: 'bad', why: 'error' };
    // A formula counts by its cached result; without one it cannot be read.
    if (cell.result === undefined || cell.result === null) return { kind: 'bad', why: 'formula' };
    return readCell(cell.result, def);
  }
  if (typeof cell === 'number') return { kind: 'value', value: cell };
  if (typeof cell === 'boolean')
    return def.kind === 'flag' ? { kind: 'value', value: cell ? 1 : 0 } : { kind: 'bad', why: 'text' };
  const text = cell.normalize('NFKC').trim();
  if (!text) return { kind: 'empty' };
  const lower = text.toLowerCase();
  if (CLEAR_WORDS.includes(lower)) return { kind: 'clear' };
  if (def.kind === 'flag' && YES.has(lower)) return { kind: 'value', value: 1 };
  if (def.kind === 'flag' && NO.has(lower)) return { kind: 'value', value: 0 };
  const plain = text.replace(/[,\s]/g, '');
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { kind: 'value', value: Number(plain) };
  return { kind: 'bad', why: 'text' };
}

const BAD_CELL: Record<'text' | 'formula' | 'date' | 'error', { code: string; zh: string; en: string }> = {
  text: { code: 'VALUE_NOT_NUMBER', zh: '不是数字', en: 'not a number' },
  formula: { code: 'FORMULA_NO_VALUE', zh: '公式没有计算结果', en: 'a formula without a cached result' },
  date: { code: 'VALUE_NOT_NUMBER', zh: '是日期，不是数字', en: 'a date, not a number' },
  error: { code: 'CELL_ERROR', zh: '单元格是错误值', en: 'the cell holds an error' },
};

/**
 * Reads a workbook of one year: one row per platform (by 园区编号, else 园区名称), one column per
 * figure. An empty cell leaves the figure as it is; 清除 / clear removes the override. Rows for
 * platforms outside `platforms` (unknown, or not the user's) are refused without saying which.
 * All or nothing: any problem and nothing is read.
 */
export function readStatsSheet(
  sheet: StatsSheet,
  platforms: readonly SheetPlatform[],
): { ok: true; rows: SheetRow[] } | { ok: false; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const problem = (row: number, column: string, value: string, e: FieldError) =>
    problems.push({ ...e, row, column, value: value.slice(0, 100) });

  let idColumn = -1;
  let nameColumn = -1;
  const figureColumns: { index: number; figure: BaseFigure; header: string }[] = [];
  sheet.header.forEach((cell, index) => {
    const header = cellText(cell).trim();
    if (!header) return;
    const meaning = HEADERS.get(normaliseHeader(header));
    const at = `rows/1/${index + 1}`;
    if (!meaning)
      return problem(
        1,
        header,
        header,
        err(at, 'COLUMN_UNKNOWN', `未知的列：${header}`, `Unknown column: ${header}`),
      );
    const taken =
      (meaning.kind === 'platformId' && idColumn >= 0) ||
      (meaning.kind === 'platformName' && nameColumn >= 0) ||
      (meaning.kind === 'figure' && figureColumns.some((c) => c.figure === meaning.figure));
    if (taken)
      return problem(
        1,
        header,
        header,
        err(at, 'COLUMN_DUPLICATE', `列重复：${header}`, `Duplicate column: ${header}`),
      );
    if (meaning.kind === 'platformId') idColumn = index;
    else if (meaning.kind === 'platformName') nameColumn = index;
    else figureColumns.push({ index, figure: meaning.figure, header });
  });
  if (idColumn < 0 && nameColumn < 0)
    problem(
      1,
      PLATFORM_NAME_HEADER,
      '',
      err(
        'rows/1',
        'COLUMN_MISSING',
        `缺少“${PLATFORM_NAME_HEADER}”或“${PLATFORM_ID_HEADER}”列`,
        `The sheet needs a “${PLATFORM_NAME_HEADER}” (platform name) or “${PLATFORM_ID_HEADER}” (platform id) column`,
      ),
    );
  if (!figureColumns.length)
    problem(1, '', '', err('rows/1', 'NO_FIGURES', '没有可识别的统计项列', 'No column names a figure'));
  if (problems.length) return { ok: false, problems };

  const byId = new Map(platforms.map((p) => [p.id, p]));
  const byName = new Map(platforms.map((p) => [normaliseHeader(p.name), p]));
  const seen = new Map<number, number>();
  const rows: SheetRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const idText = idColumn >= 0 ? cellText(cells[idColumn] ?? null).trim() : '';
    const nameText = nameColumn >= 0 ? cellText(cells[nameColumn] ?? null).trim() : '';
    const anyValue = figureColumns.some((c) => cellText(cells[c.index] ?? null).trim() !== '');
    if (!idText && !nameText) {
      if (anyValue)
        problem(
          row,
          PLATFORM_NAME_HEADER,
          '',
          err(
            `rows/${row}/platform`,
            'PLATFORM_REQUIRED',
            `第 ${row} 行没有填园区`,
            `Row ${row} names no platform`,
          ),
        );
      continue;
    }
    const platform = idText ? byId.get(Number(idText)) : byName.get(normaliseHeader(nameText));
    if (!platform) {
      const shown = idText || nameText;
      problem(
        row,
        idText ? PLATFORM_ID_HEADER : PLATFORM_NAME_HEADER,
        shown,
        err(
          `rows/${row}/platform`,
          'PLATFORM_UNKNOWN',
          `第 ${row} 行：园区“${shown}”不存在或无权填报`,
          `Row ${row}: platform “${shown}” does not exist or is not yours to report`,
        ),
      );
      continue;
    }
    const earlier = seen.get(platform.id);
    if (earlier !== undefined) {
      problem(
        row,
        PLATFORM_NAME_HEADER,
        platform.name,
        err(
          `rows/${row}/platform`,
          'PLATFORM_DUPLICATE',
          `第 ${row} 行：园区“${platform.name}”与第 ${earlier} 行重复`,
          `Row ${row}: platform “${platform.name}” repeats row ${earlier}`,
        ),
      );
      continue;
    }
    seen.set(platform.id, row);
    const changes: BatchChange[] = [];
    for (const c of figureColumns) {
      const raw = cells[c.index] ?? null;
      const def = FIGURES[c.figure];
      const read = readCell(raw, def);
      const at = `rows/${row}/${c.figure}`;
      if (read.kind === 'empty') continue;
      if (read.kind === 'clear') {
        changes.push({ figure: c.figure, value: null, note: undefined });
        continue;
      }
      if (read.kind === 'bad') {
        const why = BAD_CELL[read.why];
        problem(
          row,
          c.header,
          cellText(raw),
          err(at, why.code, `第 ${row} 行“${c.header}”：${why.zh}`, `Row ${row}, “${c.header}”: ${why.en}`),
        );
        continue;
      }
      const found = checkValue(c.figure, read.value, at);
      for (const f of found)
        problem(row, c.header, cellText(raw), {
          ...f,
          zh: `第 ${row} 行：${f.zh}`,
          en: `Row ${row}: ${f.en}`,
        });
      if (!found.length)
        changes.push({ figure: c.figure, value: normaliseValue(c.figure, read.value), note: undefined });
    }
    rows.push({ row, platformId: platform.id, changes });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, rows };
}
