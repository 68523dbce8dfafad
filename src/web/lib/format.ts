// Display formatting: numbers the Chinese way (grouping, up to 2 decimals), dates YYYY-MM-DD.

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const integerFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function formatNumber(value: number | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return empty;
  return numberFormat.format(value);
}

export function formatInteger(value: number | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return empty;
  return integerFormat.format(value);
}

const coordinateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

/** Longitude/latitude in decimal degrees, up to 6 decimals, no grouping. */
export function formatCoordinate(value: number): string {
  return coordinateFormat.format(value);
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Times are shown in China Standard Time whatever the browser's zone, the same zone the server
 * uses for date filters (e.g. the audit log's from/to).
 */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** YYYY-MM-DD (China Standard Time). */
export function formatDate(value: string | Date | null | undefined, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** YYYY-MM-DD HH:mm:ss (China Standard Time). */
export function formatDateTime(value: string | Date | null | undefined, empty = '—'): string {
  const d = toDate(value);
  if (!d) return empty;
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
