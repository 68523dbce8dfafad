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

/**
 * An amount stored in 万元 shown at a readable scale (domain guide §2): 万亿元 from 10^8 万元,
 * 亿元 from 10^4 万元, else 万元. English uses the same Chinese units, spelled out.
 */
export function formatMoney(wan: number | null | undefined, lang: 'zh' | 'en' = 'zh', empty = '—'): string {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return empty;
  const abs = Math.abs(wan);
  const [value, zh, en] =
    abs >= 1e8
      ? [wan / 1e8, '万亿元', 'tn CNY']
      : abs >= 1e4
        ? [wan / 1e4, '亿元', '100m CNY']
        : [wan, '万元', '10k CNY'];
  return `${numberFormat.format(value)} ${lang === 'en' ? en : zh}`;
}

/** A ratio (0.386) as a percentage ("38.6%"). */
export function formatPercent(ratio: number | null | undefined, digits = 1, empty = '—'): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return empty;
  return `${(ratio * 100).toFixed(digits)}%`;
}
