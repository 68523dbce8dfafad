/**
 * Every ECharts tooltip formatter of the web app. A page computes its tooltip lines as plain text
 * (names, figures, translations) and hands them to one of these builders; only `tooltipHtml` turns
 * them into HTML, escaping each line. Lint refuses an inline `formatter` function in a chart's
 * `tooltip` anywhere else (eslint.config.js), so a platform or enterprise name can never reach the
 * tooltip's innerHTML unescaped.
 */
import { tooltipHtml, type TooltipLine } from './escape';

export type { TooltipLine } from './escape';

/** What ECharts passes a tooltip formatter: one item (`trigger: 'item'`) or a list (`'axis'`). */
interface TooltipParam {
  dataIndex?: number;
  seriesIndex?: number;
  marker?: unknown;
  value?: unknown;
}

function first(params: unknown): TooltipParam {
  const p = Array.isArray(params) ? params[0] : params;
  return (p ?? {}) as TooltipParam;
}

/**
 * The lines of the hovered data point: `rows[dataIndex]`. With `series`, only that series shows a
 * tooltip (reference series such as a 100 % ring stay silent). Works for item and axis triggers.
 */
export function byDataIndex(rows: TooltipLine[][], options: { series?: number } = {}) {
  return (params: unknown): string => {
    const p = first(params);
    if (options.series !== undefined && p.seriesIndex !== options.series) return '';
    return tooltipHtml(rows[p.dataIndex ?? -1] ?? []);
  };
}

/** The lines of the hovered series: `rows[seriesIndex]` (a radar's actual values, its benchmark). */
export function bySeriesIndex(rows: TooltipLine[][]) {
  return (params: unknown): string => tooltipHtml(rows[first(params).seriesIndex ?? -1] ?? []);
}

/**
 * A stacked bar chart on an axis trigger: the category's name in bold, one line per stacked series
 * (`seriesNames[seriesIndex]: value`, with ECharts' coloured marker; later series such as a total
 * label are left out), then the category's own footer lines.
 */
export function stackedAxisTooltip(options: {
  titles: string[];
  seriesNames: string[];
  footers: TooltipLine[][];
  format: (value: number) => string;
}) {
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
    const index = list[0]?.dataIndex ?? -1;
    const title = options.titles[index];
    if (title === undefined) return '';
    return tooltipHtml([
      { strong: title },
      ...list
        .filter((x) => (x.seriesIndex ?? -1) >= 0 && (x.seriesIndex ?? -1) < options.seriesNames.length)
        .map((x) => ({
          marker: typeof x.marker === 'string' ? x.marker : '',
          text: `${options.seriesNames[x.seriesIndex!]}: ${typeof x.value === 'number' ? options.format(x.value) : '—'}`,
        })),
      ...(options.footers[index] ?? []),
    ]);
  };
}
