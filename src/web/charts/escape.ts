/**
 * The one place the web app turns text into HTML. ECharts inserts a tooltip formatter's return
 * value as HTML, so every piece of data (platform, enterprise, cluster and indicator names, anything
 * a user or an import typed) goes through `escapeHtml`; `tooltipHtml` builds a whole tooltip from
 * text lines and is what the formatters in `tooltips.ts` return. Lint refuses tooltip formatters
 * written inline elsewhere (eslint.config.js).
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text → HTML text: `& < > " ' \`` become entities; null and undefined become ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/**
 * A tooltip line: text (escaped), `{ strong }` (escaped, bold) or `{ marker, text }` with the
 * coloured dot ECharts hands to a formatter (its own markup, kept as is). Empty lines are left out.
 */
export type TooltipLine =
  string | null | undefined | false | { strong: string; suffix?: string } | { marker: string; text: string };

/** ECharts' marker is `<span style="…background-color:#hex;…"></span>`: anything else is dropped. */
const MARKER = /^<span style="[^"<>]*"><\/span>$/;

function lineHtml(line: Exclude<TooltipLine, null | undefined | false>): string {
  if (typeof line === 'string') return escapeHtml(line);
  if ('strong' in line) return `<b>${escapeHtml(line.strong)}</b>${escapeHtml(line.suffix ?? '')}`;
  return `${MARKER.test(line.marker) ? line.marker : ''}${escapeHtml(line.text)}`;
}

/** The tooltip's HTML: the non-empty lines, each escaped, one per row. */
export function tooltipHtml(lines: TooltipLine[]): string {
  return lines
    .filter(
      (l): l is Exclude<TooltipLine, null | undefined | false> =>
        l !== null && l !== undefined && l !== false && l !== '',
    )
    .map(lineHtml)
    .join('<br/>');
}
