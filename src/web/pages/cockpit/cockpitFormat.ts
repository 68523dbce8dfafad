// Formatting of the cockpit's numbers from the metric catalogue: amounts (万元) at a readable scale,
// ratios as percentages, counts as integers, decimals with two places and their unit.
import { formatInteger, formatMoney, formatPercent } from '../../lib/format';
import type { Lang } from '../../i18n';
import type { Comparator, MetricInfo, Source, Status } from '../../api/cockpit';
import { REPORTED_ONLY } from '../../../modules/metrics/core/metrics';

const decimalFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A ratio's percentage: two decimals under 10 % (3.80 %), one above (74.9 %). */
export function percentOf(ratio: number | null | undefined, exact = false): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  if (exact) {
    // A goal: as few decimals as it needs (60 %, 3.8 %).
    for (const digits of [0, 1, 2]) {
      const scaled = ratio * 100 * 10 ** digits;
      if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return formatPercent(ratio, digits);
    }
  }
  return formatPercent(ratio, Math.abs(ratio) < 0.1 ? 2 : 1);
}

/** A metric's value with its unit, in the metric's format; "—" when missing. */
export function formatMetric(
  metric: Pick<MetricInfo, 'format' | 'unitZh' | 'unitEn'> | undefined,
  value: number | null | undefined,
  lang: Lang,
  options: { exact?: boolean; unit?: boolean } = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const withUnit = options.unit ?? true;
  const unit = metric ? (lang === 'en' ? metric.unitEn : metric.unitZh) : '';
  switch (metric?.format) {
    case 'amount':
      return formatMoney(value, lang === 'en' ? 'en' : 'zh');
    case 'ratio':
      return percentOf(value, options.exact);
    case 'count':
      return withUnit && unit ? `${formatInteger(value)} ${unit}` : formatInteger(value);
    default:
      return withUnit && unit ? `${decimalFormat.format(value)} ${unit}` : decimalFormat.format(value);
  }
}

/** Two decimals, no unit (table cells whose header carries the unit). */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return decimalFormat.format(value);
}

/** 万元 → 亿元 (one unit for a whole column or axis). */
export const toYi = (wan: number) => wan / 10_000;

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤' };

export const STATUS_COLOR: Record<Status, string> = {
  on_track: '#389e0d',
  at_risk: '#d48806',
  off_track: '#cf1322',
  no_data: '#8c8c8c',
};

/** antd Tag colour presets for the status labels. */
export const STATUS_TAG: Record<Status, string> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
};

export const SOURCE_TAG: Record<Source, string> = {
  computed: 'blue',
  reported: 'purple',
  mixed: 'orange',
  registry: 'cyan',
};

/** Metrics only reported statistics supply (no enterprise record gives them). */
export function isReportedOnly(metric: Pick<MetricInfo, 'figures'> | undefined): boolean {
  return !!metric && metric.figures.length > 0 && metric.figures.every((f) => REPORTED_ONLY.includes(f));
}

/** Name of a metric, a target or a platform in the current language. */
export function nameIn(lang: Lang, zh: string, en: string | null | undefined): string {
  return lang === 'en' ? en || zh : zh || en || '';
}
