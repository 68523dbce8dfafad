/** Streaming .xlsx writing (ExcelJS WorkbookWriter): rows go out as they are produced. */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './core/cells';
import { stampHeaderFooter, stampProperties, type ExportStamp } from './core/stamp';

export type { ExportStamp } from './core/stamp';

export interface SheetSpec<T> {
  name: string;
  columns: { header: string; width?: number; value: (row: T) => unknown; numFmt?: string }[];
}

/** Writes `batches` into one sheet and returns the .xlsx byte stream. */
export function streamWorkbook<T>(
  spec: SheetSpec<T>,
  batches: AsyncIterable<T[]>,
  stamp?: ExportStamp,
): Readable {
  return streamSheets(
    [{ spec: spec as SheetSpec<unknown>, batches: batches as AsyncIterable<unknown[]> }],
    stamp,
  );
}

/** Stamps a streamed workbook that has not begun writing (see `stampWorkbook`). */
const stampers = new WeakMap<Readable, (stamp: ExportStamp) => void>();

/**
 * Writes sheets one after another, each from its batches, and returns the .xlsx byte stream.
 * Every cell passes through `safeCell` (formula-injection escaping); numbers stay numbers. Writing
 * begins on the next turn, so the sender can stamp the workbook first (`sendWorkbook` does).
 */
export function streamSheets(
  sheets: { spec: SheetSpec<unknown>; batches: AsyncIterable<unknown[]> }[],
  initialStamp?: ExportStamp,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  let stamp = initialStamp ?? null;
  let started = false;
  stampers.set(out, (s) => {
    if (started) throw new Error('The workbook is already being written: stamp it before the first await.');
    stamp = s;
  });
  void (async () => {
    await Promise.resolve();
    started = true;
    if (stamp) Object.assign(workbook, stampProperties(stamp));
    for (const { spec, batches } of sheets) {
      const sheet = workbook.addWorksheet(spec.name, {
        views: [{ state: 'frozen', ySplit: 1 }],
        ...(stamp ? { headerFooter: stampHeaderFooter(stamp) } : {}),
      });
      sheet.columns = spec.columns.map((c, i) => ({
        header: c.header,
        key: String(i),
        width: c.width ?? 16,
        style: c.numFmt ? { numFmt: c.numFmt } : {},
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const batch of batches) {
        for (const row of batch) sheet.addRow(spec.columns.map((c) => safeCell(c.value(row)))).commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}

/**
 * Puts the exporter's stamp on a workbook about to be sent: a streamed one (from `streamSheets`)
 * is stamped as it is written — call this in the same turn it was made; a finished one (a
 * template built in memory) is read, stamped and written again.
 */
export function stampWorkbook(body: Readable | Buffer, stamp: ExportStamp): Readable | Promise<Buffer> {
  if (!Buffer.isBuffer(body)) {
    const stamper = stampers.get(body);
    if (!stamper)
      throw new Error('Only workbooks from streamSheets / streamWorkbook can be stamped as streams.');
    stamper(stamp);
    return body;
  }
  return (async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    Object.assign(workbook, stampProperties(stamp));
    for (const sheet of workbook.worksheets) sheet.headerFooter = stampHeaderFooter(stamp);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  })();
}

export async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
