/**
 * A part of the page as a PNG, drawn by the browser alone (no package, no server): the element is
 * cloned with its computed styles inlined (canvases become images of themselves, charts redrawn at
 * the picture's resolution), wrapped in an SVG <foreignObject>, loaded as an image and drawn on a
 * canvas.
 */
import { getInstanceByDom } from 'echarts/core';

const SKIP_TAGS = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED']);
/** Laid out exactly as on screen: always written. */
const ALWAYS = new Set(['width', 'height', 'box-sizing', 'display']);
/**
 * Properties that do not change a still picture of horizontal text (animations, scrolling, SVG
 * geometry, logical duplicates of physical sides, rare typography): not read, which halves the work.
 */
const IGNORED = new RegExp(
  '^(?:-webkit-(?!line-clamp|box-orient|text-fill-color|border-(?:horizontal|vertical)-spacing)|' +
    'accent|alignment|anchor|animation|app-region|appearance|backdrop|backface|baseline|block-size|' +
    'border-(?:block|inline|start|end|image)|box-decoration|break-|buffered|caret|' +
    'color-(?:interpolation|rendering|scheme)|column-(?:count|fill|height|rule|span|width|wrap)|contain|' +
    'content-visibility|corner|counter|cursor|cx$|cy$|d$|dynamic|field|flex-line|flood|' +
    'font-(?:kerning|language|optical|palette|synthesis|size-adjust|variant-(?:alternates|emoji|position)|variation)|' +
    'forced|frame|hyphen|image|initial-letter|inline-size|inset-|interactivity|interest|interpolate|' +
    'isolation|lighting|line-break|margin-(?:block|inline|trim)|marker|mask|math|(?:max|min)-(?:block|inline)|' +
    'mix-blend|object-view|offset|orphans|overflow-(?:anchor|block|clip|inline)|overlay|overscroll|' +
    'padding-(?:block|inline)|paint-order|perspective|pointer|position-|print|quotes|r$|reading|resize|' +
    'row-rule|ruby|rule|rx$|ry$|scroll|shape|speak|stop|stroke-|tab-size|' +
    'text-(?:align-last|anchor|autospace|box|combine|emphasis|fit|justify|orientation|rendering|size-adjust|spacing)|' +
    'timeline|touch|transition|trigger|unicode|user-select|vector|view|widows|will-change|window|writing|' +
    'x$|y$|zoom)',
);

/** Nothing moves in a still image. */
const STILL = 'animation-name:none;transition-property:none;caret-color:transparent';

export interface ExportOptions {
  /** Elements to leave out (buttons, pickers). */
  exclude?: (el: Element) => boolean;
  background?: string;
  /** Pixels per CSS pixel (default 2: crisp text on projectors). */
  scale?: number;
  /** Lines tiled lightly over the picture (the viewer's watermark, see lib/watermark.ts). */
  watermark?: string[];
}

/** The watermark as on screen: light, rotated, tiled over the whole picture. */
function drawWatermark(c2d: CanvasRenderingContext2D, width: number, height: number, lines: string[]) {
  c2d.save();
  c2d.fillStyle = 'rgba(0, 0, 0, 0.07)';
  c2d.font = '14px sans-serif';
  c2d.textAlign = 'center';
  c2d.translate(width / 2, height / 2);
  c2d.rotate((-22 * Math.PI) / 180);
  const reach = Math.hypot(width, height) / 2;
  for (let row = 0, y = -reach; y < reach; row++, y += 150)
    for (let x = -reach; x < reach; x += 300)
      lines.forEach((line, i) => c2d.fillText(line, x + (row % 2) * 150, y + i * 20));
  c2d.restore();
}

type Values = Map<string, string>;

interface Context {
  /** The standard CSS properties (custom ones, antd's design tokens, are resolved into these). */
  names: string[];
  /** Computed styles of a fresh element of a tag: what the clone gets without being told. */
  defaults: (tag: string) => Values;
  exclude?: (el: Element) => boolean;
  /** ::before / ::after rules of the clone. */
  rules: string[];
  pseudoCount: number;
  scale: number;
}

/**
 * Default styles from a same-origin frame without the page's stylesheets. The property names come
 * from there too: enumerating a page element's computed style also walks its hundreds of inherited
 * custom properties, which is slow.
 */
function defaultsFrame(): { names: string[]; defaults: (tag: string) => Values; dispose: () => void } {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText =
    'position:fixed;left:-10000px;top:0;width:100px;height:100px;visibility:hidden;border:0';
  document.body.appendChild(frame);
  const doc = frame.contentDocument!;
  // Standards mode, as the image's XHTML is (about:blank is in quirks mode).
  doc.open();
  doc.write('<!DOCTYPE html><html><head></head><body></body></html>');
  doc.close();
  const win = frame.contentWindow!;
  const probe = win.getComputedStyle(doc.body);
  const names: string[] = [];
  for (let i = 0; i < probe.length; i++) {
    const name = probe.item(i);
    if (!name.startsWith('--') && !IGNORED.test(name)) names.push(name);
  }
  const cache = new Map<string, Values>();
  return {
    names,
    defaults(tag) {
      let d = cache.get(tag);
      if (!d) {
        const el = doc.createElement(tag);
        doc.body.appendChild(el);
        d = read(win.getComputedStyle(el), names);
        el.remove();
        cache.set(tag, d);
      }
      return d;
    },
    dispose: () => frame.remove(),
  };
}

function read(style: CSSStyleDeclaration, names: string[]): Values {
  const out: Values = new Map();
  for (const name of names) out.set(name, style.getPropertyValue(name));
  return out;
}

/** The declarations to write: those the clone would not get anyway (tag default and parent's). */
function declarations(values: Values, parent: Values | null, defaults: Values): string {
  const out: string[] = [];
  for (const [name, value] of values) {
    if (!ALWAYS.has(name) && defaults.get(name) === value && (!parent || parent.get(name) === value))
      continue;
    out.push(`${name}:${value}`);
  }
  out.push(STILL);
  return out.join(';');
}

/** ::before / ::after with content: rules on a class of the clone. */
function pseudoRules(source: Element, clone: Element, ctx: Context) {
  for (const pseudo of ['::before', '::after'] as const) {
    const cs = getComputedStyle(source, pseudo);
    const content = cs.getPropertyValue('content');
    if (!content || content === 'none' || content === 'normal') continue;
    const values = read(cs, ctx.names);
    const base = ctx.defaults('span');
    const decl: string[] = [];
    for (const [name, value] of values)
      if (name === 'content' || base.get(name) !== value) decl.push(`${name}:${value}`);
    const cls = `yyx-${++ctx.pseudoCount}`;
    clone.classList.add(cls);
    ctx.rules.push(`.${cls}${pseudo}{${decl.join(';')}}`);
  }
}

function cloneTree(source: Node, parent: Values | null, ctx: Context): Node | null {
  if (source.nodeType === Node.TEXT_NODE) return document.createTextNode(source.textContent ?? '');
  if (source.nodeType !== Node.ELEMENT_NODE) return null;
  const el = source as Element;
  if (SKIP_TAGS.has(el.tagName) || ctx.exclude?.(el)) return null;
  const style = getComputedStyle(el);
  if (style.display === 'none') return null;
  const values = read(style, ctx.names);

  if (el instanceof HTMLCanvasElement) {
    const img = document.createElement('img');
    const chartDom = el.closest('[_echarts_instance_]');
    const chart = chartDom instanceof HTMLElement ? getInstanceByDom(chartDom) : undefined;
    try {
      img.src = chart ? chart.getDataURL({ type: 'png', pixelRatio: ctx.scale }) : el.toDataURL('image/png');
    } catch {
      return null;
    }
    img.setAttribute('style', declarations(values, parent, ctx.defaults('img')));
    return img;
  }
  if (el instanceof SVGElement) {
    // Icons: the drawing as is, its box and colour from the page.
    const svg = el.cloneNode(true) as SVGElement;
    svg.setAttribute('style', declarations(values, parent, ctx.defaults('span')));
    return svg;
  }

  const clone = el.cloneNode(false) as HTMLElement;
  clone.removeAttribute('id');
  clone.setAttribute('style', declarations(values, parent, ctx.defaults(el.tagName.toLowerCase())));
  pseudoRules(el, clone, ctx);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
    clone.setAttribute('value', el.value);
  for (const child of Array.from(el.childNodes)) {
    const c = cloneTree(child, values, ctx);
    if (c) clone.appendChild(c);
  }
  return clone;
}

/** Renders an element (all of it, not only the part on screen) to a PNG blob. */
export async function elementToPng(element: HTMLElement, options: ExportOptions = {}): Promise<Blob> {
  const width = Math.ceil(element.scrollWidth);
  const height = Math.ceil(element.scrollHeight);
  const scale = options.scale ?? 2;
  const background = options.background ?? '#ffffff';
  const frame = defaultsFrame();
  const ctx: Context = {
    names: frame.names,
    defaults: frame.defaults,
    exclude: options.exclude,
    rules: [],
    pseudoCount: 0,
    scale,
  };
  let clone: HTMLElement;
  try {
    clone = cloneTree(element, null, ctx) as HTMLElement;
  } finally {
    frame.dispose();
  }
  clone.style.margin = '0';
  const wrapper = document.createElement('div');
  wrapper.style.cssText = `width:${width}px;height:${height}px;background:${background};overflow:hidden`;
  if (ctx.rules.length) {
    const styleEl = document.createElement('style');
    styleEl.textContent = ctx.rules.join('\n');
    wrapper.appendChild(styleEl);
  }
  wrapper.appendChild(clone);
  const xhtml = new XMLSerializer().serializeToString(wrapper);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<foreignObject x="0" y="0" width="100%" height="100%">${xhtml}</foreignObject></svg>`;

  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const c2d = canvas.getContext('2d');
  if (!c2d) throw new Error('Canvas 2D is not available');
  c2d.fillStyle = background;
  c2d.fillRect(0, 0, canvas.width, canvas.height);
  c2d.scale(scale, scale);
  c2d.drawImage(img, 0, 0, width, height);
  if (options.watermark?.length) drawWatermark(c2d, width, height, options.watermark);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Saves a blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
