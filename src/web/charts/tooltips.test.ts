import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipHtml } from './escape';
import { byDataIndex, bySeriesIndex, stackedAxisTooltip } from './tooltips';

/** Names an import or a form could carry into a chart. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'O\'Brien & Sons "Ltd" `x`',
  '</b><b onmouseover=alert(1)>',
];
const MARKER =
  '<span style="display:inline-block;margin-right:4px;border-radius:10px;width:10px;height:10px;background-color:#1f5fbf;"></span>';

/** No tag of the payload survives: the only tags are the builders' own. */
function expectInert(html: string) {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) expect(tag).toMatch(/^(<br\/>|<b>|<\/b>|<span style="[^"<>]*">|<\/span>)$/);
  expect(html).not.toMatch(/<(img|script)/i);
}

describe('escapeHtml', () => {
  it('escapes the five HTML characters and the backtick', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });
});

describe('tooltipHtml', () => {
  it('escapes every kind of line and leaves out empty ones', () => {
    for (const payload of PAYLOADS) {
      const html = tooltipHtml([
        { strong: payload, suffix: payload },
        payload,
        { marker: MARKER, text: payload },
        null,
        false,
        '',
      ]);
      expectInert(html);
      expect(html.split('<br/>')).toHaveLength(3);
      expect(html).toContain(escapeHtml(payload));
    }
  });

  it('keeps ECharts’ marker and drops anything else passed as one', () => {
    expect(tooltipHtml([{ marker: MARKER, text: 'a' }])).toBe(`${MARKER}a`);
    expect(tooltipHtml([{ marker: '<img src=x onerror=alert(1)>', text: 'a' }])).toBe('a');
  });

  it('reads the quotes and ampersands back as the same text', () => {
    expect(tooltipHtml(['O\'Brien & Sons "Ltd"'])).toBe('O&#39;Brien &amp; Sons &quot;Ltd&quot;');
  });
});

describe('byDataIndex (item and axis tooltips: clusters, bubbles, history, distribution, sparklines, radar)', () => {
  const rows = PAYLOADS.map((p, i) => [{ strong: p, suffix: ' ★' }, `${i}: ${p}`]);
  const formatter = byDataIndex(rows);

  it('escapes the hovered row, whichever trigger', () => {
    PAYLOADS.forEach((payload, i) => {
      const item = formatter({ dataIndex: i, seriesIndex: 0 });
      expectInert(item);
      expect(item).toBe(`<b>${escapeHtml(payload)}</b> ★<br/>${i}: ${escapeHtml(payload)}`);
      expect(formatter([{ dataIndex: i, seriesIndex: 0 }])).toBe(item);
    });
  });

  it('answers empty for an unknown point or another series', () => {
    expect(formatter({ dataIndex: 99 })).toBe('');
    expect(formatter(undefined)).toBe('');
    expect(byDataIndex(rows, { series: 0 })({ dataIndex: 0, seriesIndex: 1 })).toBe('');
    expect(byDataIndex(rows, { series: 0 })({ dataIndex: 0, seriesIndex: 0 })).not.toBe('');
  });
});

describe('bySeriesIndex (the indicator radar)', () => {
  it('escapes the hovered series’ lines', () => {
    const formatter = bySeriesIndex([PAYLOADS.map((p) => `${p}: 120%`), ['基准 / benchmark']]);
    const html = formatter({ seriesIndex: 0, dataIndex: 0 });
    expectInert(html);
    expect(html.split('<br/>')).toHaveLength(PAYLOADS.length);
    expect(formatter({ seriesIndex: 1 })).toBe('基准 / benchmark');
    expect(formatter({ seriesIndex: 5 })).toBe('');
  });
});

describe('stackedAxisTooltip (the platform ranking)', () => {
  it('escapes the platform name and series names, keeps the marker, formats values', () => {
    const formatter = stackedAxisTooltip({
      titles: PAYLOADS.map((p) => `★ ${p}`),
      seriesNames: ['<i>经济</i>', 'R&D'],
      footers: PAYLOADS.map((p) => [`得分: ${p}`]),
      format: (v) => v.toFixed(2),
    });
    const html = formatter([
      { dataIndex: 0, seriesIndex: 0, marker: MARKER, value: 12.345 },
      { dataIndex: 0, seriesIndex: 1, marker: '<img src=x onerror=alert(1)>', value: 3 },
      { dataIndex: 0, seriesIndex: 2, marker: MARKER, value: 99 },
    ]);
    expectInert(html);
    expect(html).toBe(
      [
        `<b>★ ${escapeHtml(PAYLOADS[0])}</b>`,
        `${MARKER}&lt;i&gt;经济&lt;/i&gt;: 12.35`,
        'R&amp;D: 3.00',
        `得分: ${escapeHtml(PAYLOADS[0])}`,
      ].join('<br/>'),
    );
    expect(formatter([{ dataIndex: 42, seriesIndex: 0, value: 1 }])).toBe('');
  });
});
