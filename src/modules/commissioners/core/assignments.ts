/**
 * Service-commissioner assignment (服务专员, domain guide §10): at most one commissioner per
 * enterprise at a time, with dated history; the import sheet (USCC → commissioner). Pure.
 */
import type { RawCell } from '../../spreadsheets/core/ooxml';

export const REASON_MAX_LENGTH = 200;

/** The reason, trimmed, or '' (a reason is optional). Null when too long. */
export function normaliseReason(reason: string | undefined | null): string | null {
  const r = (reason ?? '').replace(/\s+/g, ' ').trim();
  return r.length > REASON_MAX_LENGTH ? null : r;
}

/** The sheet and headers of the assignment template (导入/导出服务专员). */
export const SHEET_NAME = '服务专员分配';
export const USCC_HEADER = '统一社会信用代码';
export const NAME_HEADER = '企业名称';
export const USERNAME_HEADER = '服务专员账号';
export const COMMISSIONER_NAME_HEADER = '服务专员姓名';

export interface SheetPair {
  row: number;
  uscc: string;
  username: string;
}

export interface SheetProblem {
  row: number;
  column: string;
  code: 'MISSING_COLUMN' | 'EMPTY' | 'DUPLICATE' | 'UNKNOWN_ENTERPRISE' | 'UNKNOWN_COMMISSIONER';
  zh: string;
  en: string;
}

const textOf = (c: RawCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') {
    if ('formula' in c) return c.result === null || c.result === undefined ? '' : String(c.result).trim();
    return 'date' in c ? c.date : '';
  }
  return String(c).trim();
};

/**
 * Reads the pairs of an assignment sheet: the USCC and commissioner-username columns found by
 * header (other columns are ignored); empty rows skipped; a USCC given twice is a problem.
 */
export function readAssignmentSheet(
  header: RawCell[],
  rows: { row: number; cells: RawCell[] }[],
): { pairs: SheetPair[]; problems: SheetProblem[] } {
  const names = header.map((h) => textOf(h));
  const usccAt = names.indexOf(USCC_HEADER);
  const userAt = names.indexOf(USERNAME_HEADER);
  const problems: SheetProblem[] = [];
  for (const [at, column] of [
    [usccAt, USCC_HEADER],
    [userAt, USERNAME_HEADER],
  ] as const)
    if (at < 0)
      problems.push({
        row: 1,
        column,
        code: 'MISSING_COLUMN',
        zh: `缺少“${column}”列`,
        en: `The column “${column}” is missing`,
      });
  if (problems.length) return { pairs: [], problems };
  const pairs: SheetPair[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const uscc = textOf(r.cells[usccAt]).toUpperCase();
    const username = textOf(r.cells[userAt]);
    if (!uscc && !username) continue;
    if (!uscc || !username) {
      const column = uscc ? USERNAME_HEADER : USCC_HEADER;
      problems.push({ row: r.row, column, code: 'EMPTY', zh: `“${column}”为空`, en: `“${column}” is empty` });
      continue;
    }
    const first = seen.get(uscc);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        column: USCC_HEADER,
        code: 'DUPLICATE',
        zh: `与第 ${first} 行重复`,
        en: `Same enterprise as row ${first}`,
      });
      continue;
    }
    seen.set(uscc, r.row);
    pairs.push({ row: r.row, uscc, username });
  }
  return { pairs, problems };
}

/**
 * Whether an actor may give enterprises to a commissioner account: an active account, and for a
 * platform admin one of its own platform's commissioners (the task force may assign any).
 */
export function mayAssignTo(
  actor: { role: string; platformId: number | null },
  commissioner: { platformId: number | null; active: boolean },
): boolean {
  if (!commissioner.active) return false;
  if (actor.role === 'task_force') return true;
  return (
    actor.role === 'platform_admin' &&
    actor.platformId !== null &&
    commissioner.platformId === actor.platformId
  );
}
