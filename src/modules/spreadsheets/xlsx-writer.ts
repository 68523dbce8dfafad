/** Streaming .xlsx writing (ExcelJS WorkbookWriter): rows go out as they are produced. */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './core/cells';

export interface SheetSpec<T> {
  name: string;
  columns: { header: string; width?: number; value: (row: T) => unknown; numFmt?: string }[];
}

/** Writes `batches` into one sheet and returns the .xlsx byte stream. */
export function streamWorkbook<T>(spec: SheetSpec<T>, batches: AsyncIterable<T[]>): Readable {
  return streamSheets([{ spec: spec as SheetSpec<unknown>, batches: batches as AsyncIterable<unknown[]> }]);
}

/**
 * Writes sheets one after another, each from its batches, and returns the .xlsx byte stream.
 * Every cell passes through `safeCell` (formula-injection escaping); numbers stay numbers.
 */
export function streamSheets(
  sheets: { spec: SheetSpec<unknown>; batches: AsyncIterable<unknown[]> }[],
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  void (async () => {
    for (const { spec, batches } of sheets) {
      const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
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

export async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
