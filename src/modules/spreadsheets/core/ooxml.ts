/**
 * The parts of SpreadsheetML (ECMA-376) the reader needs, from XML text to values: the workbook's
 * sheet list in tab order, relationships, shared strings (rich text and phonetic runs), number
 * formats that mean dates, and the cells of a worksheet, fed in chunks. Pure: strings in, values out.
 */

/** A cell as the reader hands it over. */
export type RawCell =
  | null
  | number
  | string
  | boolean
  | { date: string }
  | { formula: true; result?: number | string | boolean | null }
  | { error: string };

export class SheetFormatError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and entities, then OOXML's `_xHHHH_` escapes (ST_Xstring). */
export function decodeText(s: string, ooxmlEscapes = true): string {
  let out = s;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
      if (e[0] !== '#') return ENTITIES[e]!;
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    });
  if (ooxmlEscapes && out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** The value of attribute `name` in an element's start tag (`<c r="A1" t="s">`), or null. */
export function attr(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    const before = tag.charCodeAt(i - 1);
    const eq = i + name.length;
    // Preceded by whitespace or a namespace colon, followed by `=`.
    if (
      (before === 32 || before === 9 || before === 10 || before === 13 || before === 58) &&
      tag[eq] === '='
    ) {
      const quote = tag[eq + 1];
      if (quote !== '"' && quote !== "'") return null;
      const end = tag.indexOf(quote, eq + 2);
      if (end < 0) return null;
      return decodeText(tag.slice(eq + 2, end), false);
    }
    from = i + 1;
  }
}

/** Every start tag `<prefix:name …>` (any prefix) in `xml`, as its text. */
function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  for (const m of xml.matchAll(re)) yield m[0];
}

export interface WorkbookSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  relId: string;
  /** Position among the tabs (workbook.xml order), from 0. */
  tab: number;
}

/** workbook.xml: the sheets in tab order, and whether dates count from 1904. */
export function parseWorkbook(xml: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const sheets: WorkbookSheet[] = [];
  for (const tag of tags(xml, 'sheet')) {
    const state = attr(tag, 'state');
    sheets.push({
      name: attr(tag, 'name') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      relId: attr(tag, 'r:id') ?? attr(tag, 'id') ?? '',
      tab: sheets.length,
    });
  }
  let date1904 = false;
  for (const tag of tags(xml, 'workbookPr')) {
    const v = attr(tag, 'date1904');
    date1904 = v === '1' || v === 'true';
  }
  return { sheets, date1904 };
}

/** A relationships part: id → zip entry name, resolved against the part's folder. */
export function parseRelationships(xml: string, baseDir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of tags(xml, 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!id || !target || attr(tag, 'TargetMode') === 'External') continue;
    map.set(id, resolvePath(baseDir, target));
  }
  return map;
}

function resolvePath(baseDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const p of target.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time (y, m, d, h, s outside quotes and colours). */
export function isDateFormat(code: string): boolean {
  const plain = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/general/i.test(plain)) return false;
  return /[ymdhs]/i.test(plain) || /[年月日]/.test(plain);
}

/** styles.xml: for each cell style index (`s`), whether its number format is a date. */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt'))
    custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  const start = xml.search(/<(?:\w+:)?cellXfs[\s>]/);
  if (start < 0) return [];
  const end = xml.search(/<\/(?:\w+:)?cellXfs>/);
  const section = xml.slice(start, end < 0 ? undefined : end);
  const result: boolean[] = [];
  for (const tag of tags(section, 'xf')) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    result.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return result;
}

/** Text of a string item: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function itemText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    if (m[1]) out += decodeText(m[1]);
  return out;
}

/** sharedStrings.xml: the strings by index. */
export function parseSharedStrings(xml: string, max: number): string[] {
  const out: string[] = [];
  const re = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (const m of xml.matchAll(re)) {
    if (out.length >= max) throw new SheetFormatError(`more than ${max} shared strings`);
    out.push(m[1] ? itemText(m[1]) : '');
  }
  return out;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as YYYY-MM-DD (1900 system with its phantom 29 February, or 1904). */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const days = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

/** Zero-based column of a cell reference's letters (`A1` → 0, `AA7` → 26); -1 when there are none. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** `A1:M100001` → rows and columns spanned. */
export function dimensionOf(ref: string): { rows: number; columns: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = columnOf(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnOf(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

export interface SheetLimits {
  /** Rows with at least one value, the header row included. */
  maxRows: number;
  /** Highest column (1-based) that may hold a value. */
  maxColumns: number;
  /** Cells holding a value. */
  maxCells: number;
}

export class SheetLimitError extends Error {
  constructor(
    readonly limit: 'rows' | 'columns' | 'cells',
    readonly found: number,
    readonly max: number,
    readonly where: 'dimension' | 'data',
  ) {
    super(`${limit}: ${found} > ${max} (${where})`);
  }
}

export interface SheetEvents {
  dimension?(d: { rows: number; columns: number }): void;
  /** A row holding at least one value; `cells` is dense, null where empty. */
  row(row: number, cells: RawCell[]): void;
  merged?(ref: string): void;
}

/**
 * A worksheet part read as it streams: `push` decoded text chunks, then `end`. Rows and cells are
 * counted against `limits` as they arrive (and the `<dimension>` before any row), merged ranges
 * are found in the same pass. Element prefixes (`<x:row>`) are accepted.
 */
export class SheetScanner {
  private buf = '';
  private state: 'pre' | 'data' | 'post' = 'pre';
  private rows = 0;
  private cells = 0;
  private nextRow = 1;
  private prefix = '';

  constructor(
    private readonly events: SheetEvents,
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly limits: SheetLimits,
  ) {}

  push(text: string) {
    this.buf += text;
    this.drain(false);
  }

  end() {
    this.drain(true);
    if (this.state === 'pre') throw new SheetFormatError('no sheetData element in the worksheet');
  }

  private drain(final: boolean) {
    if (this.state === 'pre') {
      const m = /<([A-Za-z_][\w.-]*:)?sheetData(\s[^>]*)?(\/?)>/.exec(this.buf);
      if (!m) {
        if (this.buf.length > 4 * 1024 * 1024) throw new SheetFormatError('no sheetData element found');
        return;
      }
      this.prefix = m[1] ?? '';
      const head = this.buf.slice(0, m.index);
      const dim = /<(?:[\w.-]+:)?dimension\s[^>]*>/.exec(head);
      const ref = dim ? attr(dim[0], 'ref') : null;
      const d = ref ? dimensionOf(ref) : null;
      if (d) {
        if (d.rows > this.limits.maxRows)
          throw new SheetLimitError('rows', d.rows, this.limits.maxRows, 'dimension');
        if (d.rows * Math.min(d.columns, this.limits.maxColumns) > this.limits.maxCells * 4)
          throw new SheetLimitError('cells', d.rows * d.columns, this.limits.maxCells, 'dimension');
        this.events.dimension?.(d);
      }
      this.buf = this.buf.slice(m.index + m[0].length);
      this.state = m[3] ? 'post' : 'data';
    }
    if (this.state === 'data') {
      const close = `</${this.prefix}sheetData>`;
      const endData = this.buf.indexOf(close);
      const upTo = endData >= 0 ? endData : this.lastRowEnd();
      if (upTo > 0) this.rowsIn(this.buf.slice(0, upTo));
      if (endData >= 0) {
        this.buf = this.buf.slice(endData + close.length);
        this.state = 'post';
      } else {
        this.buf = this.buf.slice(Math.max(upTo, 0));
        if (final) throw new SheetFormatError('the worksheet ends inside sheetData');
      }
    }
    if (this.state === 'post') {
      // Merged ranges follow the data; keep a short tail for a tag split across chunks.
      const cut = final ? this.buf.length : this.buf.lastIndexOf('<');
      const part = this.buf.slice(0, Math.max(cut, 0));
      for (const m of part.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*>/g)) {
        const ref = attr(m[0], 'ref');
        if (ref) this.events.merged?.(ref);
      }
      this.buf = this.buf.slice(Math.max(cut, 0));
    }
  }

  /** Where the complete rows in the buffer end: after the last `</row>`, or before a later `<row`. */
  private lastRowEnd(): number {
    const close = `</${this.prefix}row>`;
    const i = this.buf.lastIndexOf(close);
    const end = i >= 0 ? i + close.length : 0;
    // Rows after the last `</row>` can only be self-closed ones (complete) and one unfinished row.
    const open = this.buf.lastIndexOf(`<${this.prefix}row`);
    return open > end ? open : end;
  }

  private rowsIn(xml: string) {
    const p = this.prefix;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    let i = 0;
    for (;;) {
      const start = xml.indexOf(rowOpen, i);
      if (start < 0) return;
      const after = xml.charCodeAt(start + rowOpen.length);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        i = start + rowOpen.length;
        continue;
      }
      const tagEnd = xml.indexOf('>', start);
      if (tagEnd < 0) throw new SheetFormatError('broken row element');
      const tag = xml.slice(start, tagEnd + 1);
      const r = attr(tag, 'r');
      const rowNo = r ? Number(r) : this.nextRow;
      if (!Number.isInteger(rowNo) || rowNo < 1) throw new SheetFormatError(`bad row number ${r}`);
      this.nextRow = rowNo + 1;
      if (tag.endsWith('/>')) {
        i = tagEnd + 1;
        continue;
      }
      const end = xml.indexOf(rowClose, tagEnd);
      if (end < 0) throw new SheetFormatError('row without end');
      const cells = this.cellsIn(xml, tagEnd + 1, end, rowNo);
      i = end + rowClose.length;
      if (cells) {
        if (++this.rows > this.limits.maxRows)
          throw new SheetLimitError('rows', this.rows, this.limits.maxRows, 'data');
        this.events.row(rowNo, cells);
      }
    }
  }

  /** The cells of one row; null when none holds a value. */
  private cellsIn(xml: string, from: number, to: number, rowNo: number): RawCell[] | null {
    const p = this.prefix;
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    let cells: RawCell[] | null = null;
    let next = 0;
    let i = from;
    for (;;) {
      const start = xml.indexOf(cOpen, i);
      if (start < 0 || start >= to) break;
      let k = start + cOpen.length;
      const after = xml.charCodeAt(k);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        i = k;
        continue;
      }
      // The start tag's attributes in one pass: r (reference), t (type), s (style).
      let ref: string | null = null;
      let type: string | null = null;
      let style = -1;
      let selfClosed = false;
      for (;;) {
        let c = xml.charCodeAt(k);
        while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++k);
        if (c === 62) break; // >
        if (c === 47) {
          selfClosed = true; // />
          k++;
          continue;
        }
        const eq = xml.indexOf('=', k);
        if (eq < 0 || eq >= to) throw new SheetFormatError(`broken cell in row ${rowNo}`);
        const quote = xml[eq + 1] === "'" ? "'" : '"';
        const close = xml.indexOf(quote, eq + 2);
        if (close < 0 || close >= to) throw new SheetFormatError(`broken cell in row ${rowNo}`);
        const len = eq - k;
        if (len === 1) {
          const n = xml.charCodeAt(k);
          if (n === 114)
            ref = xml.slice(eq + 2, close); // r
          else if (n === 116)
            type = xml.slice(eq + 2, close); // t
          else if (n === 115) style = Number(xml.slice(eq + 2, close)); // s
        }
        k = close + 1;
      }
      const tagEnd = k;
      const col = ref ? columnOf(ref) : next;
      if (col < 0) throw new SheetFormatError(`bad cell reference ${ref} in row ${rowNo}`);
      next = col + 1;
      if (selfClosed) {
        i = tagEnd + 1;
        continue;
      }
      const end = xml.indexOf(cClose, tagEnd);
      if (end < 0 || end > to) throw new SheetFormatError(`cell without end in row ${rowNo}`);
      const value = this.cellValue(type, style, xml, tagEnd + 1, end);
      i = end + cClose.length;
      if (value === null) continue;
      if (col >= this.limits.maxColumns)
        throw new SheetLimitError('columns', col + 1, this.limits.maxColumns, 'data');
      if (++this.cells > this.limits.maxCells)
        throw new SheetLimitError('cells', this.cells, this.limits.maxCells, 'data');
      cells ??= [];
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    return cells;
  }

  /** A cell's value from its type, style and the body between its start and end tags. */
  private cellValue(t: string | null, style: number, xml: string, from: number, to: number): RawCell {
    const p = this.prefix;
    // Searches stay inside the cell's body.
    const body = xml.slice(from, to);
    const formula = body.includes(`<${p}f`);
    let v: string | null = null;
    const vStart = body.indexOf(`<${p}v`);
    if (vStart >= 0) {
      const open = body.indexOf('>', vStart);
      if (body.charCodeAt(open - 1) !== 47) {
        const close = body.indexOf(`</${p}v>`, open);
        v = body.slice(open + 1, close < 0 ? undefined : close);
      }
    }
    let value: number | string | boolean | null | { date: string } | { error: string };
    switch (t) {
      case 's': {
        if (v === null || v.trim() === '') {
          value = null;
          break;
        }
        const s = this.strings[Number(v)];
        if (s === undefined) throw new SheetFormatError(`shared string ${v} does not exist`);
        value = s;
        break;
      }
      case 'inlineStr': {
        const isStart = body.indexOf(`<${p}is`);
        if (isStart >= 0) {
          // The common shape `<is><t>text</t></is>` directly; rich text runs the long way.
          const tOpen = `<${p}t`;
          const tStart = body.indexOf(tOpen, isStart);
          const tEnd = tStart >= 0 ? body.indexOf('>', tStart) : -1;
          const tClose = tEnd >= 0 ? body.indexOf(`</${p}t>`, tEnd) : -1;
          const simple =
            tClose >= 0 &&
            body.charCodeAt(tStart + tOpen.length) !== 120 && // not a longer name
            body.indexOf(`<${p}r`, isStart) < 0 &&
            body.indexOf(tOpen, tClose + 2) < 0;
          value = simple ? decodeText(body.slice(tEnd + 1, tClose)) : itemText(body.slice(isStart));
        } else value = v === null ? null : decodeText(v);
        break;
      }
      case 'str':
        value = v === null ? null : decodeText(v);
        break;
      case 'b':
        value = v === null || v === '' ? null : v.trim() === '1' || v.trim() === 'true';
        break;
      case 'e':
        value = v === null ? null : { error: decodeText(v) };
        break;
      case 'd':
        value = v === null || v === '' ? null : { date: v.trim().slice(0, 10) };
        break;
      default: {
        if (v === null || v.trim() === '') {
          value = null;
          break;
        }
        const n = Number(v);
        if (Number.isNaN(n)) throw new SheetFormatError(`not a number: ${v.slice(0, 40)}`);
        if (style >= 0 && this.dateStyles[style]) {
          const iso = serialToIsoDate(n, this.date1904);
          value = iso ? { date: iso } : n;
        } else value = n;
      }
    }
    if (formula) {
      if (value !== null && typeof value === 'object')
        return 'error' in value ? value : { formula: true, result: value.date };
      return { formula: true, result: value };
    }
    if (value === '' && t !== 's' && t !== 'inlineStr') return null;
    return value;
  }
}
