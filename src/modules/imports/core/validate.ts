/**
 * Row validation of import workbooks: header → columns, then every row → a record or problems.
 * Pure: the caller passes parsed cells and reference data.
 */
import type { Label, RatingExemption, Scale } from '../../enterprises/core/codes';

/** The rating exemption by its Chinese name (as exported) or its code. */
const EXEMPTION_BY_NAME: Record<string, RatingExemption> = Object.fromEntries(
  (Object.entries(RATING_EXEMPTION_NAMES) as [RatingExemption, { zh: string }][]).flatMap(([code, name]) => [
    [name.zh, code],
    [code, code],
  ]),
);
import { isIsoDate } from '../../enterprises/core/enterprise-rules';
import { RATING_EXEMPTION_NAMES, type YearFieldKey } from '../../enterprises/core/fields';
import { checkUscc } from '../../enterprises/core/uscc';
import { COLUMNS, normaliseHeader, YEAR_KEYS, type ImportColumn, type ImportKind } from './columns';
import { problem, type Problem } from './problems';

/** A cell as the parser hands it over. */
export type RawCell =
  | null
  | number
  | string
  | boolean
  | { date: string }
  | { formula: true; result?: number | string | boolean | null }
  | { error: string };

export interface ParsedSheet {
  name: string;
  header: RawCell[];
  rows: { row: number; cells: RawCell[] }[];
  merged: string[];
}

export interface ImportReference {
  platformsByName: ReadonlyMap<string, number>;
  /** Platforms the importer may write to; null = all. */
  allowedPlatformIds: ReadonlySet<number> | null;
  industryClasses: ReadonlySet<string>;
  /** Registered enterprises in the importer's scope, by USCC (annual: targets; enterprises: landholders). */
  enterprisesByUscc: ReadonlyMap<string, { id: number; name: string }>;
}

export interface AnnualRecord {
  row: number;
  enterpriseId: number;
  uscc: string;
  year: number;
  figures: Record<YearFieldKey, number | null>;
}

export interface EnterpriseRecord {
  row: number;
  uscc: string;
  name: string;
  platformId: number;
  industryClass: string | null;
  scaleOverride: Scale | null;
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  /** undefined: the file has no rating-exemption column (leave it as it is). */
  ratingExemption: RatingExemption | null | undefined;
  /** undefined: the file has no landholder column (leave it as it is). */
  landholderUscc: string | null | undefined;
  address: string;
  labels: { label: Label; grantedOn: string | null }[] | null;
  contact: { name: string; phone: string } | null;
}

export interface ValidationResult<R> {
  problems: Problem[];
  records: R[];
  rowsTotal: number;
}

/** Errors so far; problems are only ever appended, so a running count per array is exact. */
const counted = new WeakMap<Problem[], { seen: number; errors: number }>();
function errorCount(problems: Problem[]): number {
  const c = counted.get(problems) ?? { seen: 0, errors: 0 };
  for (let i = c.seen; i < problems.length; i++) if (problems[i]!.severity === 'error') c.errors++;
  c.seen = problems.length;
  counted.set(problems, c);
  return c.errors;
}

const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Matches header cells to template columns; unknown or missing columns are problems. */
export function mapHeader(
  kind: ImportKind,
  sheet: ParsedSheet,
): { columns: (ImportColumn | null)[]; problems: Problem[] } {
  const byHeader = new Map<string, ImportColumn>();
  for (const c of COLUMNS[kind]) {
    byHeader.set(normaliseHeader(c.header), c);
    byHeader.set(normaliseHeader(c.header.replace(/（[^）]*）$/, '')), c);
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const columns = sheet.header.map((cell, i) => {
    const text = cellText(cell).trim();
    if (!text) return null;
    const column = PROTO_KEYS.has(text) ? undefined : byHeader.get(normaliseHeader(text));
    if (!column) {
      problems.push(
        problem(
          'UNKNOWN_COLUMN',
          { sheet: sheet.name, row: 1, column: columnLetter(i), value: text },
          { zh: text, en: text },
        ),
      );
      return null;
    }
    if (seen.has(column.key)) {
      problems.push(
        problem('DUPLICATE_COLUMN', { sheet: sheet.name, row: 1, column: columnLetter(i), value: text }),
      );
      return null;
    }
    seen.add(column.key);
    return column;
  });
  for (const c of COLUMNS[kind]) {
    if (c.required && !seen.has(c.key))
      problems.push(
        problem(
          'MISSING_COLUMN',
          { sheet: sheet.name, row: 1, column: c.header },
          { zh: c.header, en: c.header },
        ),
      );
  }
  return { columns, problems };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if ('date' in cell) return cell.date;
    if ('formula' in cell)
      return cell.result === undefined || cell.result === null ? '' : String(cell.result);
    return `#${cell.error}`;
  }
  return String(cell);
}

interface Ctx {
  sheet: string;
  row: number;
  problems: Problem[];
}

/** Resolves formulas (cached value or error) and error cells; returns undefined when unusable. */
function plain(
  cell: RawCell,
  column: ImportColumn,
  ctx: Ctx,
): Exclude<RawCell, object> | { date: string } | undefined {
  if (cell !== null && typeof cell === 'object') {
    if ('formula' in cell) {
      if (cell.result === undefined || cell.result === null) {
        ctx.problems.push(
          problem('FORMULA_NO_VALUE', { sheet: ctx.sheet, row: ctx.row, column: column.header }),
        );
        return undefined;
      }
      ctx.problems.push(
        problem('FORMULA_CACHED', {
          sheet: ctx.sheet,
          row: ctx.row,
          column: column.header,
          value: cell.result,
        }),
      );
      return cell.result;
    }
    if ('error' in cell) {
      ctx.problems.push(
        problem('CELL_ERROR', { sheet: ctx.sheet, row: ctx.row, column: column.header, value: cell.error }),
      );
      return undefined;
    }
  }
  return cell;
}

function numberOf(cell: RawCell, column: ImportColumn, ctx: Ctx): number | null | undefined {
  const v = plain(cell, column, ctx);
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    if (t === '') return null;
    n = /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
  } else n = Number.NaN;
  if (!Number.isFinite(n)) {
    ctx.problems.push(
      problem('NOT_A_NUMBER', {
        sheet: ctx.sheet,
        row: ctx.row,
        column: column.header,
        value: cellText(v as RawCell),
      }),
    );
    return undefined;
  }
  if (n < 0) {
    ctx.problems.push(
      problem('NEGATIVE', { sheet: ctx.sheet, row: ctx.row, column: column.header, value: n }),
    );
    return undefined;
  }
  if (column.type === 'integer' && !Number.isInteger(n)) {
    ctx.problems.push(
      problem('NOT_INTEGER', { sheet: ctx.sheet, row: ctx.row, column: column.header, value: n }),
    );
    return undefined;
  }
  return n;
}

function textOf(cell: RawCell, column: ImportColumn, ctx: Ctx, max = 200): string | undefined {
  const v = plain(cell, column, ctx);
  if (v === undefined) return undefined;
  const t = cellText(v as RawCell).trim();
  if (t.length > max) {
    ctx.problems.push(
      problem('TEXT_TOO_LONG', { sheet: ctx.sheet, row: ctx.row, column: column.header, value: t }),
    );
    return undefined;
  }
  return t;
}

function usccOf(cell: RawCell, column: ImportColumn, ctx: Ctx): string | null | undefined {
  const t = textOf(cell, column, ctx, 40);
  if (t === undefined) return undefined;
  if (!t) {
    if (column.required)
      ctx.problems.push(problem('REQUIRED', { sheet: ctx.sheet, row: ctx.row, column: column.header }));
    return column.required ? undefined : null;
  }
  const code = t.toUpperCase();
  const issue = checkUscc(code);
  if (issue) {
    ctx.problems.push(
      problem(issue === 'FORMAT' ? 'USCC_FORMAT' : 'USCC_CHECK', {
        sheet: ctx.sheet,
        row: ctx.row,
        column: column.header,
        value: t,
      }),
    );
    return undefined;
  }
  return code;
}

function isEmptyRow(cells: RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Money columns whose values ~10^4 × the median suggest yuan typed as 万元. */
function unitWarnings(
  sheet: string,
  rows: { row: number; values: Partial<Record<string, number | null>> }[],
  columns: ImportColumn[],
  problems: Problem[],
) {
  for (const column of columns) {
    if (column.type !== 'number' || !column.header.includes('万元')) continue;
    const values = rows
      .map((r) => r.values[column.key])
      .filter((v): v is number => typeof v === 'number' && v > 0);
    if (values.length < 5) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    for (const r of rows) {
      const v = r.values[column.key];
      if (typeof v === 'number' && v >= median * 10_000)
        problems.push(
          problem(
            'UNIT_SUSPECT',
            { sheet, row: r.row, column: column.header, value: v },
            { zh: `中位数 ${median}`, en: `median ${median}` },
          ),
        );
    }
  }
}

function common(kind: ImportKind, sheet: ParsedSheet) {
  const problems: Problem[] = [];
  for (const ref of sheet.merged)
    problems.push(
      problem('MERGED_CELLS', { sheet: sheet.name, row: rowOfRef(ref), column: ref, value: ref }),
    );
  const { columns, problems: headerProblems } = mapHeader(kind, sheet);
  problems.push(...headerProblems);
  const dataRows = sheet.rows.filter((r) => !isEmptyRow(r.cells));
  if (dataRows.length === 0) problems.push(problem('NO_DATA', { sheet: sheet.name, row: 2 }));
  return { problems, columns, dataRows };
}

function rowOfRef(ref: string): number {
  const m = /[A-Z]+(\d+)/.exec(ref);
  return m ? Number(m[1]) : 0;
}

export function validateAnnual(
  sheet: ParsedSheet,
  year: number,
  ref: ImportReference,
): ValidationResult<AnnualRecord> {
  const { problems, columns, dataRows } = common('annual', sheet);
  const records: AnnualRecord[] = [];
  const unitRows: { row: number; values: Partial<Record<string, number | null>> }[] = [];
  if (problems.some((p) => p.code === 'MISSING_COLUMN'))
    return { problems, records, rowsTotal: dataRows.length };
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const ctx: Ctx = { sheet: sheet.name, row, problems };
    const before = errorCount(problems);
    let uscc: string | null | undefined;
    let rowYear: number | null | undefined;
    let name = '';
    const figures = Object.fromEntries(YEAR_KEYS.map((k) => [k, null])) as Record<
      YearFieldKey,
      number | null
    >;
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = cells[i] ?? null;
      if (column.key === 'uscc') uscc = usccOf(cell, column, ctx);
      else if (column.key === 'name') name = textOf(cell, column, ctx) ?? '';
      else if (column.key === 'year') {
        const n = numberOf(cell, column, ctx);
        if (n === null) problems.push(problem('REQUIRED', { sheet: sheet.name, row, column: column.header }));
        else if (n !== undefined && (!Number.isInteger(n) || n < 1990 || n > 2100))
          problems.push(problem('BAD_YEAR', { sheet: sheet.name, row, column: column.header, value: n }));
        else if (n !== undefined && n !== year)
          problems.push(
            problem(
              'YEAR_MISMATCH',
              { sheet: sheet.name, row, column: column.header, value: n },
              { zh: `应为 ${year}`, en: `expected ${year}` },
            ),
          );
        rowYear = n;
      } else {
        const n = numberOf(cell, column, ctx);
        if (n !== undefined) figures[column.key as YearFieldKey] = n;
      }
    });
    const usccColumn = COLUMNS.annual[0]!.header;
    let enterprise: { id: number; name: string } | undefined;
    if (uscc) {
      const first = seen.get(uscc);
      if (first !== undefined)
        problems.push(
          problem(
            'DUPLICATE_USCC',
            { sheet: sheet.name, row, column: usccColumn, value: uscc },
            { zh: `与第 ${first} 行重复`, en: `same as row ${first}` },
          ),
        );
      else seen.set(uscc, row);
      enterprise = ref.enterprisesByUscc.get(uscc);
      if (!enterprise)
        problems.push(
          problem('UNKNOWN_ENTERPRISE', { sheet: sheet.name, row, column: usccColumn, value: uscc }),
        );
      else if (name && name !== enterprise.name)
        problems.push(
          problem(
            'NAME_DIFFERS',
            { sheet: sheet.name, row, column: '企业名称', value: name },
            { zh: enterprise.name, en: enterprise.name },
          ),
        );
    }
    unitRows.push({ row, values: figures });
    const after = errorCount(problems);
    if (after === before && uscc && enterprise && rowYear === year)
      records.push({ row, enterpriseId: enterprise.id, uscc, year, figures });
  }
  unitWarnings(sheet.name, unitRows, COLUMNS.annual, problems);
  return { problems, records, rowsTotal: dataRows.length };
}

export function validateEnterprises(
  sheet: ParsedSheet,
  ref: ImportReference,
): ValidationResult<EnterpriseRecord> {
  const { problems, columns, dataRows } = common('enterprises', sheet);
  const records: EnterpriseRecord[] = [];
  if (problems.some((p) => p.code === 'MISSING_COLUMN'))
    return { problems, records, rowsTotal: dataRows.length };
  const hasLabels = columns.some((c) => c?.type === 'labelDate');
  const hasContact = columns.some((c) => c?.key === 'contactName' || c?.key === 'contactPhone');
  const hasLandholder = columns.some((c) => c?.key === 'landholder');
  const hasExemption = columns.some((c) => c?.key === 'ratingExemption');
  const seen = new Map<string, number>();
  const inFile = new Set<string>();
  for (const { cells } of dataRows) {
    const i = columns.findIndex((c) => c?.key === 'uscc');
    const t = cellText(cells[i] ?? null)
      .trim()
      .toUpperCase();
    if (t) inFile.add(t);
  }
  for (const { row, cells } of dataRows) {
    const ctx: Ctx = { sheet: sheet.name, row, problems };
    const before = errorCount(problems);
    const r: Partial<EnterpriseRecord> & { labels: { label: Label; grantedOn: string | null }[] } = {
      row,
      labels: [],
      address: '',
    };
    let contactName = '';
    let contactPhone = '';
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = cells[i] ?? null;
      const at = { sheet: sheet.name, row, column: column.header };
      switch (column.key) {
        case 'uscc': {
          const u = usccOf(cell, column, ctx);
          if (u) r.uscc = u;
          break;
        }
        case 'name': {
          const t = textOf(cell, column, ctx, 100);
          if (t === '') problems.push(problem('REQUIRED', at));
          else if (t) r.name = t;
          break;
        }
        case 'platform': {
          const t = textOf(cell, column, ctx, 100);
          if (t === '') problems.push(problem('REQUIRED', at));
          else if (t !== undefined) {
            const id = ref.platformsByName.get(t);
            if (id === undefined) problems.push(problem('UNKNOWN_PLATFORM', { ...at, value: t }));
            else if (ref.allowedPlatformIds && !ref.allowedPlatformIds.has(id))
              problems.push(problem('PLATFORM_NOT_ALLOWED', { ...at, value: t }));
            else r.platformId = id;
          }
          break;
        }
        case 'industryClass': {
          const t = textOf(cell, column, ctx, 10);
          if (t) {
            if (!ref.industryClasses.has(t)) problems.push(problem('UNKNOWN_INDUSTRY', { ...at, value: t }));
            else r.industryClass = t;
          } else r.industryClass = null;
          break;
        }
        case 'scale': {
          const t = textOf(cell, column, ctx, 10);
          if (t === '规上') r.scaleOverride = 'above';
          else if (t === '规下') r.scaleOverride = 'below';
          else if (t) problems.push(problem('BAD_SCALE', { ...at, value: t }));
          else r.scaleOverride = null;
          break;
        }
        case 'ratingExemption': {
          const t = textOf(cell, column, ctx, 20);
          const code = t ? (EXEMPTION_BY_NAME[t] ?? null) : null;
          if (t && !code) problems.push(problem('BAD_EXEMPTION', { ...at, value: t }));
          else r.ratingExemption = code;
          break;
        }
        case 'ownLandMu':
        case 'leasedFloorM2': {
          const n = numberOf(cell, column, ctx);
          if (n !== undefined) r[column.key] = n;
          break;
        }
        case 'landholder': {
          const u = usccOf(cell, column, ctx);
          if (u && !inFile.has(u) && !ref.enterprisesByUscc.has(u))
            problems.push(problem('UNKNOWN_LANDHOLDER', { ...at, value: u }));
          else if (u !== undefined) r.landholderUscc = u;
          break;
        }
        case 'address':
          r.address = textOf(cell, column, ctx, 200) ?? '';
          break;
        case 'contactName':
          contactName = textOf(cell, column, ctx, 50) ?? '';
          break;
        case 'contactPhone':
          contactPhone = textOf(cell, column, ctx, 30) ?? '';
          break;
        default: {
          // label:<code> — a grant date, 是, or empty.
          const label = column.key.slice(6) as Label;
          const v = plain(cell, column, ctx);
          const text = v === undefined ? undefined : cellText(v as RawCell).trim();
          if (!text) break;
          if (text === '是' || text.toLowerCase() === 'yes') r.labels.push({ label, grantedOn: null });
          else if (isIsoDate(text.slice(0, 10))) r.labels.push({ label, grantedOn: text.slice(0, 10) });
          else problems.push(problem('BAD_DATE', { ...at, value: text }));
        }
      }
    });
    if (r.uscc) {
      const first = seen.get(r.uscc);
      if (first !== undefined)
        problems.push(
          problem(
            'DUPLICATE_USCC',
            { sheet: sheet.name, row, column: COLUMNS.enterprises[0]!.header, value: r.uscc },
            { zh: `与第 ${first} 行重复`, en: `same as row ${first}` },
          ),
        );
      else seen.set(r.uscc, row);
    }
    const after = errorCount(problems);
    if (after === before && r.uscc && r.name && r.platformId !== undefined) {
      records.push({
        row,
        uscc: r.uscc,
        name: r.name,
        platformId: r.platformId,
        industryClass: r.industryClass ?? null,
        scaleOverride: r.scaleOverride ?? null,
        ownLandMu: r.ownLandMu ?? null,
        leasedFloorM2: r.leasedFloorM2 ?? null,
        ratingExemption: hasExemption ? (r.ratingExemption ?? null) : undefined,
        landholderUscc: hasLandholder ? (r.landholderUscc ?? null) : undefined,
        address: r.address ?? '',
        labels: hasLabels ? r.labels : null,
        contact:
          hasContact && (contactName || contactPhone) ? { name: contactName, phone: contactPhone } : null,
      });
    }
  }
  return { problems, records, rowsTotal: dataRows.length };
}
