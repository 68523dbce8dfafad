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
import {
  COLUMNS,
  EXPORT_ONLY_HEADERS,
  normaliseHeader,
  YEAR_KEYS,
  type ImportColumn,
  type ImportKind,
} from './columns';
import { unescapeCell } from '../../spreadsheets/core/cells';
import { problem, type Problem } from './problems';
import type { RawCell } from '../../spreadsheets/core/ooxml';

export type { RawCell };

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
  enterprisesByUscc: ReadonlyMap<string, { id: number; name: string; platformId: number }>;
  /**
   * USCCs registered outside the importer's scope (registry imports only, else empty): such a row
   * would change an enterprise the importer may not see, and is refused.
   */
  outsideScope: ReadonlySet<string>;
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
  /** undefined: the file has no address column (leave it as it is). */
  address: string | undefined;
  labels: { label: Label; grantedOn: string | null }[] | null;
  contact: { name: string; phone: string } | null;
}

export interface ValidationResult<R> {
  problems: Problem[];
  records: R[];
  rowsTotal: number;
}

/** Problems as they are found: every one counted, the first `keep` kept. */
export class ProblemLog {
  readonly list: Problem[] = [];
  errors = 0;
  warnings = 0;
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}
  push(p: Problem) {
    if (p.severity === 'error') this.errors++;
    else this.warnings++;
    if (this.list.length < this.keep) this.list.push(p);
  }
}

/**
 * A validator fed one row at a time, as the reader streams them: `header`, then `row` for each
 * data row (a record when the row is clean), `merged` for merged ranges, and `finish` for the
 * checks that need the whole sheet (NO_DATA, units, landholders later in the file).
 */
export interface RowValidator<R> {
  readonly log: ProblemLog;
  header(cells: RawCell[]): void;
  row(row: number, cells: RawCell[]): R | null;
  merged(ref: string): void;
  /** Rows whose record is withdrawn by a check of the whole sheet, and the data rows counted. */
  finish(): { rowsTotal: number; withdrawn: ReadonlySet<number> };
}

const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Matches header cells to template columns; unknown or missing columns are problems. */
export function mapHeader(
  kind: ImportKind,
  sheet: Pick<ParsedSheet, 'name' | 'header'>,
): { columns: (ImportColumn | null)[]; problems: Problem[] } {
  const byHeader = new Map<string, ImportColumn>();
  for (const c of COLUMNS[kind]) {
    byHeader.set(normaliseHeader(c.header), c);
    byHeader.set(normaliseHeader(c.header.replace(/（[^）]*）$/, '')), c);
  }
  const ignored = new Set(
    kind === 'enterprises' ? Object.values(EXPORT_ONLY_HEADERS).map(normaliseHeader) : [],
  );
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const columns = sheet.header.map((cell, i) => {
    const text = cellText(cell).trim();
    if (!text || ignored.has(normaliseHeader(text))) return null;
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
  log: ProblemLog;
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
        ctx.log.push(problem('FORMULA_NO_VALUE', { sheet: ctx.sheet, row: ctx.row, column: column.header }));
        return undefined;
      }
      ctx.log.push(
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
      ctx.log.push(
        problem('CELL_ERROR', { sheet: ctx.sheet, row: ctx.row, column: column.header, value: cell.error }),
      );
      return undefined;
    }
  }
  return cell;
}

/**
 * Numbers typed as text: full-width digits and punctuation count as their ASCII forms (NFKC);
 * commas only as thousands separators between groups of three ("1,234.5"; "12,34" is refused);
 * "." is the decimal point; an exponent is allowed. Nothing else (no spaces inside, no 万).
 */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?(e[-+]?\d+)?$/i;

export function parseNumberText(text: string): number | 'BAD_THOUSANDS' | null {
  const t = text.normalize('NFKC').trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (GROUPED_NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  if (/^[-+]?[\d,]+(\.\d*)?$/.test(t) && t.includes(',')) return 'BAD_THOUSANDS';
  return null;
}

function numberOf(cell: RawCell, column: ImportColumn, ctx: Ctx): number | null | undefined {
  const v = plain(cell, column, ctx);
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  const at = { sheet: ctx.sheet, row: ctx.row, column: column.header };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    if (v.trim() === '') return null;
    const parsed = parseNumberText(v);
    if (parsed === 'BAD_THOUSANDS') {
      ctx.log.push(problem('BAD_THOUSANDS', { ...at, value: v }));
      return undefined;
    }
    n = parsed ?? Number.NaN;
  } else n = Number.NaN;
  if (!Number.isFinite(n)) {
    ctx.log.push(problem('NOT_A_NUMBER', { ...at, value: cellText(v as RawCell) }));
    return undefined;
  }
  if (n < 0) {
    ctx.log.push(problem('NEGATIVE', { ...at, value: n }));
    return undefined;
  }
  if (column.type === 'integer' && !Number.isInteger(n)) {
    ctx.log.push(problem('NOT_INTEGER', { ...at, value: n }));
    return undefined;
  }
  if (column.range) {
    if (n > column.range.hard) {
      ctx.log.push(
        problem(
          'OUT_OF_RANGE',
          { ...at, value: n },
          { zh: `上限 ${column.range.hard}`, en: `at most ${column.range.hard}` },
        ),
      );
      return undefined;
    }
    if (n > column.range.soft)
      ctx.log.push(
        problem(
          'IMPLAUSIBLE',
          { ...at, value: n },
          { zh: `常见上限 ${column.range.soft}`, en: `usually at most ${column.range.soft}` },
        ),
      );
  }
  return n;
}

/**
 * Control and format characters (Unicode Cc and Cf): zero-width spaces and joiners (U+200B–U+200D),
 * direction marks and embeddings (U+200E/F, U+202A–U+202E, U+2066–U+2069), the byte-order mark
 * (U+FEFF), soft hyphens, tabs and line breaks. They are invisible in a cell and make a name differ
 * from what it shows.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export function invisibleCharacter(text: string): string | null {
  const m = INVISIBLE.exec(text);
  if (!m) return null;
  return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function textOf(cell: RawCell, column: ImportColumn, ctx: Ctx, max = 200): string | undefined {
  const v = plain(cell, column, ctx);
  if (v === undefined) return undefined;
  // An export's escaping of text that would start a formula ('=…) is undone.
  const raw = typeof v === 'string' ? unescapeCell(v) : cellText(v as RawCell);
  const hidden = typeof v === 'string' ? invisibleCharacter(raw) : null;
  if (hidden) {
    ctx.log.push(
      problem(
        'INVISIBLE_CHARACTER',
        { sheet: ctx.sheet, row: ctx.row, column: column.header, value: raw },
        { zh: hidden, en: hidden },
      ),
    );
    return undefined;
  }
  const t = raw.trim();
  if (t.length > max) {
    ctx.log.push(
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
      ctx.log.push(problem('REQUIRED', { sheet: ctx.sheet, row: ctx.row, column: column.header }));
    return column.required ? undefined : null;
  }
  const code = t.toUpperCase();
  const issue = checkUscc(code);
  if (issue) {
    ctx.log.push(
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

function rowOfRef(ref: string): number {
  const m = /[A-Z]+(\d+)/.exec(ref);
  return m ? Number(m[1]) : 0;
}

/** What both kinds share: header mapping, merged ranges, empty rows, NO_DATA. */
function base(kind: ImportKind, sheet: string, log: ProblemLog) {
  const state = {
    columns: [] as (ImportColumn | null)[],
    /** A required column is missing: rows are counted, not validated. */
    blocked: false,
    rowsTotal: 0,
    header(cells: RawCell[]) {
      const mapped = mapHeader(kind, { name: sheet, header: cells });
      for (const p of mapped.problems) log.push(p);
      state.columns = mapped.columns;
      state.blocked = mapped.problems.some((p) => p.code === 'MISSING_COLUMN');
    },
    merged(ref: string) {
      log.push(problem('MERGED_CELLS', { sheet, row: rowOfRef(ref), column: ref, value: ref }));
    },
    /** Counts the row; false when it is empty or rows are not validated. */
    take(cells: RawCell[]): boolean {
      if (isEmptyRow(cells)) return false;
      state.rowsTotal++;
      return !state.blocked;
    },
    finishBase() {
      if (state.rowsTotal === 0) log.push(problem('NO_DATA', { sheet, row: 2 }));
    },
  };
  return state;
}

const NO_FIGURES = Object.fromEntries(YEAR_KEYS.map((k) => [k, null])) as Record<YearFieldKey, number | null>;

/** The annual figures validator: one record per clean row. */
export function createAnnualValidator(
  sheet: string,
  year: number,
  ref: ImportReference,
  log = new ProblemLog(),
): RowValidator<AnnualRecord> {
  const b = base('annual', sheet, log);
  const seen = new Map<string, number>();
  const usccColumn = COLUMNS.annual[0]!.header;
  // Money columns, for the yuan-for-万元 check at the end.
  const moneyColumns = COLUMNS.annual.filter((c) => c.type === 'number' && c.header.includes('万元'));
  const moneyRows: number[] = [];
  const moneyValues: (number | null)[][] = moneyColumns.map(() => []);
  return {
    log,
    header: b.header,
    merged: b.merged,
    row(row, cells) {
      if (!b.take(cells)) return null;
      const ctx: Ctx = { sheet, row, log };
      const before = log.errors;
      let uscc: string | null | undefined;
      let rowYear: number | null | undefined;
      let name = '';
      const figures = { ...NO_FIGURES };
      const columns = b.columns;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        if (!column) continue;
        const cell = cells[i] ?? null;
        if (column.key === 'uscc') uscc = usccOf(cell, column, ctx);
        else if (column.key === 'name') name = textOf(cell, column, ctx) ?? '';
        else if (column.key === 'year') {
          const n = numberOf(cell, column, ctx);
          if (n === null) log.push(problem('REQUIRED', { sheet, row, column: column.header }));
          else if (n !== undefined && (!Number.isInteger(n) || n < 1990 || n > 2100))
            log.push(problem('BAD_YEAR', { sheet, row, column: column.header, value: n }));
          else if (n !== undefined && n !== year)
            log.push(
              problem(
                'YEAR_MISMATCH',
                { sheet, row, column: column.header, value: n },
                { zh: `应为 ${year}`, en: `expected ${year}` },
              ),
            );
          rowYear = n;
        } else {
          const n = numberOf(cell, column, ctx);
          if (n !== undefined) figures[column.key as YearFieldKey] = n;
        }
      }
      let enterprise: { id: number; name: string } | undefined;
      if (uscc) {
        const first = seen.get(uscc);
        if (first !== undefined)
          log.push(
            problem(
              'DUPLICATE_USCC',
              { sheet, row, column: usccColumn, value: uscc },
              { zh: `与第 ${first} 行重复`, en: `same as row ${first}` },
            ),
          );
        else seen.set(uscc, row);
        enterprise = ref.enterprisesByUscc.get(uscc);
        if (!enterprise)
          log.push(problem('UNKNOWN_ENTERPRISE', { sheet, row, column: usccColumn, value: uscc }));
        else if (name && name !== enterprise.name)
          log.push(
            problem(
              'NAME_DIFFERS',
              { sheet, row, column: '企业名称', value: name },
              { zh: enterprise.name, en: enterprise.name },
            ),
          );
      }
      moneyRows.push(row);
      moneyColumns.forEach((c, k) => moneyValues[k]!.push(figures[c.key as YearFieldKey]));
      if (log.errors === before && uscc && enterprise && rowYear === year)
        return { row, enterpriseId: enterprise.id, uscc, year, figures };
      return null;
    },
    finish() {
      b.finishBase();
      unitWarnings(sheet, moneyRows, moneyColumns, moneyValues, log);
      return { rowsTotal: b.rowsTotal, withdrawn: new Set() };
    },
  };
}

/** Money columns whose values ~10^4 × the median suggest yuan typed as 万元. */
function unitWarnings(
  sheet: string,
  rows: number[],
  columns: ImportColumn[],
  values: (number | null)[][],
  log: ProblemLog,
) {
  columns.forEach((column, k) => {
    const column_values = values[k]!;
    const positive = column_values.filter((v): v is number => typeof v === 'number' && v > 0);
    if (positive.length < 5) return;
    const sorted = Float64Array.from(positive).sort();
    const median = sorted[Math.floor(sorted.length / 2)]!;
    column_values.forEach((v, i) => {
      if (typeof v === 'number' && v >= median * 10_000)
        log.push(
          problem(
            'UNIT_SUSPECT',
            { sheet, row: rows[i]!, column: column.header, value: v },
            { zh: `中位数 ${median}`, en: `median ${median}` },
          ),
        );
    });
  });
}

/** The registry validator: one record per clean row; landholders may come later in the file. */
export function createEnterpriseValidator(
  sheet: string,
  ref: ImportReference,
  log = new ProblemLog(),
): RowValidator<EnterpriseRecord> {
  const b = base('enterprises', sheet, log);
  const seen = new Map<string, number>();
  const inFile = new Set<string>();
  const laterLandholders: { row: number; column: string; uscc: string }[] = [];
  let has = { labels: false, contact: false, landholder: false, exemption: false, address: false };
  let usccIndex = -1;
  const platformNames = new Map([...ref.platformsByName].map(([name, id]) => [id, name]));
  return {
    log,
    header(cells) {
      b.header(cells);
      const cols = b.columns;
      has = {
        labels: cols.some((c) => c?.type === 'labelDate'),
        contact: cols.some((c) => c?.key === 'contactName' || c?.key === 'contactPhone'),
        landholder: cols.some((c) => c?.key === 'landholder'),
        exemption: cols.some((c) => c?.key === 'ratingExemption'),
        address: cols.some((c) => c?.key === 'address'),
      };
      usccIndex = cols.findIndex((c) => c?.key === 'uscc');
    },
    merged: b.merged,
    row(row, cells) {
      if (!b.take(cells)) return null;
      const own = cellText(cells[usccIndex] ?? null)
        .trim()
        .toUpperCase();
      if (own) inFile.add(own);
      const ctx: Ctx = { sheet, row, log };
      const before = log.errors;
      const r: Partial<EnterpriseRecord> & { labels: { label: Label; grantedOn: string | null }[] } = {
        row,
        labels: [],
      };
      let contactName = '';
      let contactPhone = '';
      b.columns.forEach((column, i) => {
        if (!column) return;
        const cell = cells[i] ?? null;
        const at = { sheet, row, column: column.header };
        switch (column.key) {
          case 'uscc': {
            const u = usccOf(cell, column, ctx);
            if (u) r.uscc = u;
            break;
          }
          case 'name': {
            const t = textOf(cell, column, ctx, 100);
            if (t === '') log.push(problem('REQUIRED', at));
            else if (t) r.name = t;
            break;
          }
          case 'platform': {
            const t = textOf(cell, column, ctx, 100);
            if (t === '') log.push(problem('REQUIRED', at));
            else if (t !== undefined) {
              const id = ref.platformsByName.get(t);
              if (id === undefined) log.push(problem('UNKNOWN_PLATFORM', { ...at, value: t }));
              else if (ref.allowedPlatformIds && !ref.allowedPlatformIds.has(id))
                log.push(problem('PLATFORM_NOT_ALLOWED', { ...at, value: t }));
              else r.platformId = id;
            }
            break;
          }
          case 'industryClass': {
            const t = textOf(cell, column, ctx, 10);
            if (t) {
              if (!ref.industryClasses.has(t)) log.push(problem('UNKNOWN_INDUSTRY', { ...at, value: t }));
              else r.industryClass = t;
            } else r.industryClass = null;
            break;
          }
          case 'scale': {
            const t = textOf(cell, column, ctx, 10);
            if (t === '规上') r.scaleOverride = 'above';
            else if (t === '规下') r.scaleOverride = 'below';
            else if (t) log.push(problem('BAD_SCALE', { ...at, value: t }));
            else r.scaleOverride = null;
            break;
          }
          case 'ratingExemption': {
            const t = textOf(cell, column, ctx, 20);
            const code = t ? (EXEMPTION_BY_NAME[t] ?? null) : null;
            if (t && !code) log.push(problem('BAD_EXEMPTION', { ...at, value: t }));
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
              laterLandholders.push({ row, column: column.header, uscc: u });
            if (u !== undefined) r.landholderUscc = u;
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
            else log.push(problem('BAD_DATE', { ...at, value: text }));
          }
        }
      });
      if (r.uscc) {
        const at = { sheet, row, column: COLUMNS.enterprises[0]!.header, value: r.uscc };
        const existing = ref.enterprisesByUscc.get(r.uscc);
        if (ref.outsideScope.has(r.uscc)) log.push(problem('ENTERPRISE_OUT_OF_SCOPE', at));
        else if (existing && r.platformId !== undefined && existing.platformId !== r.platformId)
          log.push(
            problem('PLATFORM_MOVE', at, {
              zh: `现属「${platformNames.get(existing.platformId) ?? existing.platformId}」`,
              en: `now on ${platformNames.get(existing.platformId) ?? existing.platformId}`,
            }),
          );
        const first = seen.get(r.uscc);
        if (first !== undefined)
          log.push(
            problem(
              'DUPLICATE_USCC',
              { sheet, row, column: COLUMNS.enterprises[0]!.header, value: r.uscc },
              { zh: `与第 ${first} 行重复`, en: `same as row ${first}` },
            ),
          );
        else seen.set(r.uscc, row);
      }
      if (log.errors === before && r.uscc && r.name && r.platformId !== undefined)
        return {
          row,
          uscc: r.uscc,
          name: r.name,
          platformId: r.platformId,
          industryClass: r.industryClass ?? null,
          scaleOverride: r.scaleOverride ?? null,
          ownLandMu: r.ownLandMu ?? null,
          leasedFloorM2: r.leasedFloorM2 ?? null,
          ratingExemption: has.exemption ? (r.ratingExemption ?? null) : undefined,
          landholderUscc: has.landholder ? (r.landholderUscc ?? null) : undefined,
          address: has.address ? (r.address ?? '') : undefined,
          labels: has.labels ? r.labels : null,
          contact:
            has.contact && (contactName || contactPhone) ? { name: contactName, phone: contactPhone } : null,
        };
      return null;
    },
    finish() {
      b.finishBase();
      const withdrawn = new Set<number>();
      for (const l of laterLandholders)
        if (!inFile.has(l.uscc)) {
          log.push(problem('UNKNOWN_LANDHOLDER', { sheet, row: l.row, column: l.column, value: l.uscc }));
          withdrawn.add(l.row);
        }
      return { rowsTotal: b.rowsTotal, withdrawn };
    },
  };
}

/** Runs a validator over a whole parsed sheet (merged ranges first, as the problems list them). */
function validateSheet<R extends { row: number }>(
  sheet: ParsedSheet,
  validator: RowValidator<R>,
): ValidationResult<R> {
  for (const ref of sheet.merged) validator.merged(ref);
  validator.header(sheet.header);
  const records: R[] = [];
  for (const { row, cells } of sheet.rows) {
    const record = validator.row(row, cells);
    if (record) records.push(record);
  }
  const { rowsTotal, withdrawn } = validator.finish();
  return {
    problems: validator.log.list,
    records: withdrawn.size ? records.filter((r) => !withdrawn.has(r.row)) : records,
    rowsTotal,
  };
}

export function validateAnnual(
  sheet: ParsedSheet,
  year: number,
  ref: ImportReference,
): ValidationResult<AnnualRecord> {
  return validateSheet(sheet, createAnnualValidator(sheet.name, year, ref));
}

export function validateEnterprises(
  sheet: ParsedSheet,
  ref: ImportReference,
): ValidationResult<EnterpriseRecord> {
  return validateSheet(sheet, createEnterpriseValidator(sheet.name, ref));
}
