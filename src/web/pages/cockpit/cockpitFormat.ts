// Formatting of the cockpit's numbers from the metric catalogue, in the one format of each unit
// (lib/format.ts): amounts (万元) at a readable scale, ratios as percentages, counts as integers,
// decimals with two places and their unit.
import {
  formatIn,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSetting,
} from '../../lib/format';
import type { Lang } from '../../i18n';
import type { Comparator, MetricInfo, Source } from '../../api/cockpit';
import { REPORTED_ONLY } from '../../../modules/metrics/core/metrics';

/** A ratio's percentage in the % format (9.74%); `exact`: a goal as written (60%, 3.8%). */
export function percentOf(ratio: number | null | undefined, exact = false): string {
  return formatPercent(ratio, '—', exact);
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
      return formatMoney(value, lang === 'en' ? 'en' : 'zh', '—', options.exact);
    case 'ratio':
      return percentOf(value, options.exact);
    case 'count':
      return withUnit && unit ? `${formatInteger(value)} ${unit}` : formatInteger(value);
    default: {
      if (options.exact) return withUnit && unit ? `${formatSetting(value)} ${unit}` : formatSetting(value);
      return formatIn(value, metric?.unitZh ?? '', { label: withUnit ? unit : false });
    }
  }
}

/** A change of a metric's value with its sign and unit: ratios in percentage points (−0.11 个百分点). */
export function formatChange(
  metric: Pick<MetricInfo, 'format' | 'unitZh' | 'unitEn'> | undefined,
  change: number,
  lang: Lang,
): string {
  const text =
    metric?.format === 'ratio'
      ? formatPoints(change, lang === 'en' ? 'en' : 'zh')
      : formatMetric(metric, change, lang);
  return change > 0 ? `+${text}` : text;
}

/** Two decimals, no unit (table cells whose header carries the unit). */
export function formatDecimal(value: number | null | undefined): string {
  return formatNumber(value);
}

/** 万元 → 亿元 (one unit for a whole column or axis). */
export const toYi = (wan: number) => wan / 10_000;

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤' };

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
