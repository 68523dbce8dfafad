/** Spreadsheet cell rules shared by every export and import. Pure. */
import { zonedDate, zonedDateTime } from '../../../platform/time-zone';

/** Characters that make a spreadsheet treat text as a formula (OWASP CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** A plain number written as text ("-5", "+3.5", "-1,234.5"): a spreadsheet reads it as that number, never as a formula. */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Text that a spreadsheet would interpret as a formula gets a leading apostrophe (only for cells
 * written into a workbook: the web and JSON show the value as it is); numbers stay numbers, and so
 * does text that is just a number ("-5" is shown as "-5", not "'-5").
 */
export function safeCell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  const text = String(value);
  return FORMULA_START.test(text) && !(/\d/.test(text) && NUMBER_TEXT.test(text)) ? `'${text}` : text;
}

/** Undoes `safeCell`'s escaping: `'=1+1` read back from an export is `=1+1`. */
export function unescapeCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * A Content-Disposition value that is safe for any name: an ASCII fallback plus the UTF-8 name
 * (RFC 6266 / 5987). Path separators, quotes and control characters never get through.
 */
export function contentDisposition(fileName: string): string {
  // Control characters are exactly what must not reach the header.
  // eslint-disable-next-line no-control-regex
  const cleaned = fileName.replace(/[\\/:*?"<>|\0-\x1f\x7f]+/g, '_').slice(0, 150) || 'export.xlsx';
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/%/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}

/**
 * A moment in the configured time zone (`YIYUAN_TIME_ZONE`, default Beijing), `YYYY-MM-DD HH:mm:ss`
 * (how every export writes a time); null stays null.
 */
export function beijingTime(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined || at === '') return null;
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  return zonedDateTime(date);
}

/** Today's date in the configured time zone, `YYYY-MM-DD` (file names of downloads). */
export const beijingDate = (now: Date = new Date()): string => zonedDate(now);
