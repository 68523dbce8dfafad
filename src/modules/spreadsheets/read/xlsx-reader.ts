/**
 * The .xlsx reader: from the file's bytes to the cells of one worksheet, streamed row by row.
 * Every inflated byte is counted (an entry may not inflate past the size its directory declares,
 * which itself is checked against the limits first), rows, columns and cells are capped before
 * (from `<dimension>`) and while parsing, nothing is written to disk. The sheet read is the one a
 * template names, else the first visible tab in tab order; the caller is told which and why.
 */
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { identifyFile, notXlsx, type ReadFailureCode } from '../core/file-kind';
import {
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  SheetFormatError,
  SheetLimitError,
  SheetScanner,
  type SheetEvents,
  type SheetLimits,
  type WorkbookSheet,
} from '../core/ooxml';
import {
  DEFAULT_ZIP_LIMITS,
  entryData,
  readZipDirectory,
  ZipGuardError,
  type ZipEntry,
  type ZipLimits,
} from '../core/zip';

export interface ReadLimits extends ZipLimits, SheetLimits {
  maxSharedStrings: number;
}

/**
 * 200,000 data rows (the annual template at 100,000 enterprises, twice over), 200 columns,
 * 4 million filled cells, 1 million shared strings.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxRows: 200_001,
  maxColumns: 200,
  maxCells: 4_000_000,
  maxSharedStrings: 1_000_000,
};

export type { ReadFailureCode };

/** Why a file was not read: a code, the value to show, and a detail in both languages. */
export interface ReadFailure {
  code: ReadFailureCode;
  value: string;
  zh: string;
  en: string;
}

export class ReadError extends Error {
  constructor(readonly failure: ReadFailure) {
    super(`${failure.code}: ${failure.en}`);
  }
}

export interface SheetChoice {
  name: string;
  /** 'named': the template's sheet name; 'first-visible': the first visible tab. */
  reason: 'named' | 'first-visible' | 'only';
  /** Every sheet in tab order, with its visibility. */
  sheets: { name: string; state: WorkbookSheet['state'] }[];
  zh: string;
  en: string;
}

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Sheet names a template gives its data sheet, in order of preference. */
  preferSheets?: readonly string[];
}

export interface ReadSummary {
  sheet: SheetChoice;
  rows: number;
  inflatedBytes: number;
}

export interface WorkbookSink extends SheetEvents {
  /** Called once the sheet is chosen, before its first row. */
  choice?(choice: SheetChoice): void;
}

const fail = (f: ReadFailure): never => {
  throw new ReadError(f);
};

const zipFailure = (e: ZipGuardError): ReadFailure => ({
  code: 'ZIP_REJECTED',
  value: e.message,
  zh: `压缩结构异常（${e.problem}）`,
  en: `suspicious zip structure (${e.message})`,
});

export function limitFailure(e: SheetLimitError): ReadFailure {
  const where =
    e.where === 'dimension'
      ? { zh: '（按工作表声明的范围，解析前即拒绝）', en: ' (by the sheet’s declared range, before parsing)' }
      : { zh: '', en: '' };
  if (e.limit === 'rows')
    return {
      code: 'TOO_MANY_ROWS',
      value: String(e.found),
      zh: `工作表超过 ${e.max - 1} 个数据行${where.zh}；请分成多个文件导入`,
      en: `the sheet has more than ${e.max - 1} data rows${where.en}; split it into several files`,
    };
  if (e.limit === 'columns')
    return {
      code: 'TOO_MANY_CELLS',
      value: String(e.found),
      zh: `第 ${e.found} 列有数据，超过 ${e.max} 列的上限；请删除模板以外的列`,
      en: `column ${e.found} holds data, beyond the limit of ${e.max} columns; delete the columns the template does not have`,
    };
  return {
    code: 'TOO_MANY_CELLS',
    value: String(e.found),
    zh: `单元格超过 ${e.max} 个${where.zh}；请分成多个文件导入`,
    en: `more than ${e.max} filled cells${where.en}; split the data into several files`,
  };
}

/** Inflates zip entries, counting the real bytes against what the directory declared. */
class Entries {
  inflated = 0;
  private readonly byName: Map<string, ZipEntry>;
  constructor(
    private readonly buf: Buffer,
    entries: ZipEntry[],
    private readonly limits: ReadLimits,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  get(name: string) {
    return this.byName.get(name) ?? null;
  }

  private overflow(entry: ZipEntry, got: number): never {
    throw new ZipGuardError(
      'SIZE_MISMATCH',
      `${entry.name} inflates past the ${entry.uncompressedSize} bytes its directory declares (${got}+)`,
    );
  }

  /** A small part, whole (at most its declared size). */
  text(name: string): string | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    const { start, end } = entryData(this.buf, entry);
    const data = this.buf.subarray(start, end);
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length > entry.uncompressedSize) this.overflow(entry, data.length);
      out = data;
    } else {
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          this.overflow(entry, entry.uncompressedSize + 1);
        throw new SheetFormatError(`${name}: ${(error as Error).message}`);
      }
    }
    this.count(entry, out.length);
    return out.toString('utf8');
  }

  private count(entry: ZipEntry, bytes: number) {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxTotalUncompressed)
      throw new ZipGuardError('TOO_LARGE_UNCOMPRESSED', `${this.inflated} bytes inflated`);
    if (bytes > this.limits.ratioFloor && bytes > this.limits.maxRatio * Math.max(entry.compressedSize, 1))
      throw new ZipGuardError('COMPRESSION_RATIO', `${entry.name}: ${bytes} / ${entry.compressedSize}`);
  }

  /** A large part as decoded text chunks, inflated as they are consumed. */
  async *stream(name: string): AsyncGenerator<string> {
    const entry = this.byName.get(name)!;
    const { start, end } = entryData(this.buf, entry);
    const data = this.buf.subarray(start, end);
    const decoder = new StringDecoder('utf8');
    if (entry.method === 0) {
      if (data.length > entry.uncompressedSize) this.overflow(entry, data.length);
      this.count(entry, data.length);
      for (let i = 0; i < data.length; i += 1 << 20) yield decoder.write(data.subarray(i, i + (1 << 20)));
      yield decoder.end();
      return;
    }
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    inflate.end(data);
    let got = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        got += chunk.length;
        if (got > entry.uncompressedSize) this.overflow(entry, got);
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxTotalUncompressed)
          throw new ZipGuardError('TOO_LARGE_UNCOMPRESSED', `${this.inflated} bytes inflated`);
        yield decoder.write(chunk);
      }
    } catch (error) {
      if (error instanceof ZipGuardError) throw error;
      if ((error as { code?: string }).code?.startsWith('Z_'))
        throw new SheetFormatError(`${name}: ${(error as Error).message}`);
      throw error;
    } finally {
      inflate.destroy();
    }
    yield decoder.end();
  }
}

const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The sheet to read: the template's name, else the first visible tab. */
export function chooseSheet(sheets: WorkbookSheet[], prefer: readonly string[]): WorkbookSheet & SheetChoice {
  const list = sheets.map((s) => ({ name: s.name, state: s.state }));
  const quote = (names: string[]) => names.map((n) => `“${n}”`).join('、');
  const wanted = prefer.map(normal);
  const named = [...sheets]
    .filter((s) => wanted.includes(normal(s.name)))
    .sort((a, b) => (a.state === 'visible' ? 0 : 1) - (b.state === 'visible' ? 0 : 1))[0];
  if (named)
    return {
      ...named,
      reason: 'named',
      sheets: list,
      zh: `读取了工作表“${named.name}”（模板规定的数据工作表名称）`,
      en: `Read sheet “${named.name}” (the data sheet the template names)`,
    };
  const visible = sheets.find((s) => s.state === 'visible') ?? sheets[0]!;
  const hiddenBefore = sheets.filter((s) => s.tab < visible.tab).map((s) => s.name);
  if (sheets.length === 1)
    return {
      ...visible,
      reason: 'only',
      sheets: list,
      zh: `读取了工作表“${visible.name}”（唯一的工作表）`,
      en: `Read sheet “${visible.name}” (the only sheet)`,
    };
  return {
    ...visible,
    reason: 'first-visible',
    sheets: list,
    zh: `读取了工作表“${visible.name}”（按标签顺序第一个可见的工作表${hiddenBefore.length ? `；已跳过隐藏的工作表 ${quote(hiddenBefore)}` : ''}）`,
    en: `Read sheet “${visible.name}” (the first visible tab${hiddenBefore.length ? `; hidden sheet(s) ${hiddenBefore.map((n) => `“${n}”`).join(', ')} skipped` : ''})`,
  };
}

/**
 * Reads one worksheet of an .xlsx file held in `buf`, calling `sink` for the choice of sheet, the
 * dimension, each row holding a value (the header row too) and each merged range.
 * Throws `ReadError` for every problem of the file itself.
 */
export async function readXlsx(
  buf: Buffer,
  sink: WorkbookSink,
  options: ReadOptions = {},
): Promise<ReadSummary> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  let entries: ZipEntry[] | null = null;
  try {
    if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) entries = readZipDirectory(buf, limits);
  } catch (error) {
    if (!(error instanceof ZipGuardError)) throw error;
    if (error.problem !== 'NOT_XLSX') fail(zipFailure(error));
    fail({ code: 'NOT_XLSX', value: error.message, ...notXlsx('binary') });
  }
  const kind = identifyFile(buf, entries);
  if (kind !== 'xlsx') {
    const detail = notXlsx(kind);
    fail({ code: 'NOT_XLSX', value: detail.kind, zh: detail.zh, en: detail.en });
  }
  const parts = new Entries(buf, entries!, limits);
  let rows = 0;
  try {
    const workbook = parseWorkbook(parts.text('xl/workbook.xml') ?? '');
    if (!workbook.sheets.length) throw new SheetFormatError('the workbook lists no sheets');
    const rels = parseRelationships(parts.text('xl/_rels/workbook.xml.rels') ?? '', 'xl');
    const choice = chooseSheet(workbook.sheets, options.preferSheets ?? []);
    const target = rels.get(choice.relId);
    if (!target || !parts.get(target))
      throw new SheetFormatError(`sheet “${choice.name}” has no worksheet part (${target ?? choice.relId})`);
    const { relId: _r, tab: _t, state: _s, ...shown } = choice;
    sink.choice?.(shown);
    const sharedName =
      [...rels.values()].find((t) => /sharedStrings\d*\.xml$/i.test(t)) ?? 'xl/sharedStrings.xml';
    const stylesName = [...rels.values()].find((t) => /styles\d*\.xml$/i.test(t)) ?? 'xl/styles.xml';
    const sharedXml = parts.text(sharedName);
    const strings = sharedXml ? parseSharedStrings(sharedXml, limits.maxSharedStrings) : [];
    const styles = parseDateStyles(parts.text(stylesName) ?? '');
    const scanner = new SheetScanner(
      {
        dimension: (d) => sink.dimension?.(d),
        row: (r, cells) => {
          rows++;
          sink.row(r, cells);
        },
        merged: (ref) => sink.merged?.(ref),
      },
      strings,
      styles,
      workbook.date1904,
      limits,
    );
    for await (const text of parts.stream(target)) scanner.push(text);
    scanner.end();
    return { sheet: shown, rows, inflatedBytes: parts.inflated };
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if (error instanceof ZipGuardError) return fail(zipFailure(error));
    if (error instanceof SheetLimitError) return fail(limitFailure(error));
    if (error instanceof SheetFormatError)
      return fail({
        code: 'PARSE_FAILED',
        value: error.message,
        zh: `工作簿结构有误（${error.message}）；请用 Excel 或 WPS 打开后重新保存`,
        en: `the workbook is malformed (${error.message}); open it in Excel or WPS and save it again`,
      });
    throw error;
  }
}
