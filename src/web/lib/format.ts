// Display formatting: one number format per unit (fixed decimals, Chinese grouping), dates
// YYYY-MM-DD in China Standard Time. Pages format numbers only through this file (a unit test
// refuses ad-hoc toFixed / toLocaleString / Intl.NumberFormat in src/web/pages).

/**
 * Decimals of each unit (by its Chinese name). A measured value always shows exactly these
 * decimals, wherever it appears: 产值 "2,921.66 亿元", 得分 "71.90 分", progress "9.74%".
 * Counts are whole. Settings and published goals (a weight of 32, a target of "≥ 3 万亿元") are
 * shown as entered: `formatSetting`.
 */
export const UNIT_DECIMALS = {
  万亿元: 2,
  亿元: 2,
  万元: 2,
  '%': 2,
  个百分点: 2,
  分: 2,
  亩: 2,
  平方公里: 2,
  平方米: 2,
  '万元/亩': 2,
  '万元/人': 2,
  '万元/吨': 2,
  '万元/吨标准煤': 3,
  '吨标准煤/万元': 3,
  '元/千瓦时': 4,
  比值: 4,
  吨标准煤: 2,
  万千瓦时: 2,
  吨: 2,
  元: 0,
  家: 0,
  个: 0,
  人: 0,
  项: 0,
} as const;
export type Unit = keyof typeof UNIT_DECIMALS;

const fixedFormats = new Map<number, Intl.NumberFormat>();
/** A number with exactly `decimals` decimals and Chinese grouping (1,234.50). */
function fixed(value: number, decimals: number): string {
  let f = fixedFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    fixedFormats.set(decimals, f);
  }
  // No "-0.00": a value that rounds to zero reads as zero.
  const text = f.format(value);
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || Number.isNaN(v);

/** Decimals of a unit; unknown units take 2. */
export function decimalsOf(unit: string): number {
  return (UNIT_DECIMALS as Record<string, number>)[unit] ?? 2;
}

/**
 * A measured value in its unit's format: `formatIn(917, '家')` → "917 家", `formatIn(32.2107,
 * '万元/亩')` → "32.21 万元/亩". `label` is the unit as shown (the English name, or false for
 * none — a column whose header names the unit); "%" is written without a space.
 */
export function formatIn(
  value: number | null | undefined,
  unit: Unit | string,
  options: { label?: string | false; empty?: string; decimals?: number } = {},
): string {
  if (missing(value)) return options.empty ?? '—';
  const text = fixed(value, options.decimals ?? decimalsOf(unit));
  const label = options.label === undefined ? unit : options.label;
  if (!label) return text;
  return label === '%' ? `${text}%` : `${text} ${label}`;
}

/** A measured decimal with two decimals and grouping, no unit (tables whose header names it). */
export function formatNumber(value: number | null | undefined, empty = '—'): string {
  return missing(value) ? empty : fixed(value, 2);
}

export function formatInteger(value: number | null | undefined, empty = '—'): string {
  return missing(value) ? empty : fixed(Math.round(value), 0);
}

/** Points of an evaluation (分): always two decimals, "71.90". */
export function formatScore(value: number | null | undefined, empty = '—'): string {
  return missing(value) ? empty : fixed(value, UNIT_DECIMALS.分);
}

/** A scaling factor with three decimals: 1.4492 → "1.449". */
export function formatFactor(value: number | null | undefined, empty = '—'): string {
  return missing(value) ? empty : fixed(value, 3);
}

const settingFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/**
 * A setting or a published goal as entered (a weight of 32, a threshold of 50, "≥ 3.8%"): as few
 * decimals as it has, up to two. Not for measured values.
 */
export function formatSetting(value: number | null | undefined, empty = '—'): string {
  return missing(value) ? empty : settingFormat.format(value);
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
 * 亿元 from 10^4 万元, else 万元, two decimals. English uses the same Chinese units, spelled out.
 * `exact`: a published goal as written ("3 万亿元").
 */
export function formatMoney(
  wan: number | null | undefined,
  lang: 'zh' | 'en' = 'zh',
  empty = '—',
  exact = false,
): string {
  if (missing(wan)) return empty;
  const abs = Math.abs(wan);
  const [value, zh, en] =
    abs >= 1e8
      ? [wan / 1e8, '万亿元', 'tn CNY']
      : abs >= 1e4
        ? [wan / 1e4, '亿元', '100m CNY']
        : [wan, '万元', '10k CNY'];
  const text = exact ? settingFormat.format(value) : fixed(value, UNIT_DECIMALS[zh as Unit]);
  return `${text} ${lang === 'en' ? en : zh}`;
}

/** 万元 → 亿元 with the 亿元 format, no unit (a column or axis in 亿元): 19170.4 → "1.92". */
export function formatYi(wan: number | null | undefined, empty = '—'): string {
  return missing(wan) ? empty : fixed(wan / 1e4, UNIT_DECIMALS.亿元);
}

/** A ratio (0.0974) as a percentage with the % format ("9.74%"); `exact`: a goal as written ("3.8%"). */
export function formatPercent(ratio: number | null | undefined, empty = '—', exact = false): string {
  if (missing(ratio)) return empty;
  // Through toPrecision: 0.038 × 100 is 3.8000000000000003.
  const pct = Number((ratio * 100).toPrecision(12));
  return `${exact ? settingFormat.format(pct) : fixed(pct, UNIT_DECIMALS['%'])}%`;
}

/** A difference of two ratios in percentage points: −0.0011 → "-0.11 个百分点". */
export function formatPoints(diff: number | null | undefined, lang: 'zh' | 'en' = 'zh', empty = '—'): string {
  if (missing(diff)) return empty;
  return `${fixed(Number((diff * 100).toPrecision(12)), UNIT_DECIMALS.个百分点)} ${lang === 'en' ? 'pp' : '个百分点'}`;
}
