/**
 * Safe reading of an uploaded workbook: size and magic bytes, central-directory checks (zip
 * bombs, path tricks), then parsing in a worker thread with a memory limit.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { ParsedSheet, RawCell } from './core/validate';
import { readCentralDirectory, ZipGuardError, type ZipLimits, DEFAULT_ZIP_LIMITS } from './core/zip-guard';
import { problem, type Problem } from './core/problems';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const WORKER = fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));

export interface ParseOptions {
  maxBytes?: number;
  zipLimits?: ZipLimits;
  /** Heap limit of the parsing worker. */
  maxWorkerMemoryMb?: number;
  onRows?: (rowsSoFar: number, estimatedTotal: number | null) => void;
}

export type ParseOutcome =
  { ok: true; sheet: ParsedSheet; estimatedRows: number | null } | { ok: false; problems: Problem[] };

const at = { sheet: '', row: 0 };

export async function parseWorkbook(file: string, options: ParseOptions = {}): Promise<ParseOutcome> {
  const stat = await fs.stat(file);
  if (stat.size > (options.maxBytes ?? MAX_UPLOAD_BYTES))
    return {
      ok: false,
      problems: [
        problem(
          'FILE_TOO_LARGE',
          { ...at, value: stat.size },
          { zh: `${stat.size} 字节`, en: `${stat.size} bytes` },
        ),
      ],
    };
  const buf = await fs.readFile(file);
  let entries;
  try {
    entries = readCentralDirectory(buf, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipGuardError)
      return {
        ok: false,
        problems: [
          problem(error.problem === 'NOT_XLSX' ? 'NOT_XLSX' : 'ZIP_REJECTED', {
            ...at,
            value: error.message,
          }),
        ],
      };
    throw error;
  }
  const first = firstSheetEntry(entries.map((e) => e.name));
  const entry = entries.find((e) => e.name === first);
  const estimatedRows = entry ? dimensionRows(buf, entry) : null;

  return new Promise<ParseOutcome>((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: {
        path: file,
        sheetEntry: entry?.name ?? null,
        sheetOffset: entry?.localHeaderOffset ?? 0,
        sheetCompressedSize: entry?.compressedSize ?? 0,
        sheetMethod: entry?.method ?? 0,
      },
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxWorkerMemoryMb ?? 384,
        maxYoungGenerationSizeMb: 64,
      },
    });
    const sheet: ParsedSheet = { name: 'Sheet1', header: [], rows: [], merged: [] };
    let settled = false;
    const finish = (outcome: ParseOutcome) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(outcome);
    };
    worker.on('message', (m: { type: string; [k: string]: unknown }) => {
      if (m.type === 'header') {
        sheet.header = m.cells as RawCell[];
        sheet.name = (m.sheet as string) || sheet.name;
      } else if (m.type === 'rows') {
        for (const r of m.rows as ParsedSheet['rows']) sheet.rows.push(r);
        options.onRows?.(m.count as number, estimatedRows);
      } else if (m.type === 'sheet') sheet.name = (m.name as string) || sheet.name;
      else if (m.type === 'done') {
        sheet.merged = m.merged as string[];
        finish({ ok: true, sheet, estimatedRows });
      } else if (m.type === 'error')
        finish({ ok: false, problems: [problem('PARSE_FAILED', { ...at, value: m.message })] });
    });
    worker.on('error', (error) =>
      finish({
        ok: false,
        problems: [
          problem(
            'PARSE_FAILED',
            { ...at, value: error.message },
            { zh: '解析超出内存限制或失败', en: 'parsing failed or exceeded its memory limit' },
          ),
        ],
      }),
    );
    worker.on('exit', (code) => {
      if (!settled)
        finish({ ok: false, problems: [problem('PARSE_FAILED', { ...at, value: `worker exit ${code}` })] });
    });
  });
}

/** The first worksheet's zip entry (sheet1.xml in files written by Excel, WPS and ExcelJS). */
function firstSheetEntry(names: string[]): string | null {
  const sheets = names
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => sheetNo(a) - sheetNo(b));
  return sheets[0] ?? null;
}
const sheetNo = (n: string) => Number(/sheet(\d+)\.xml$/.exec(n)?.[1] ?? 0);

/** Rows announced by `<dimension ref="A1:P100001"/>` near the start of the sheet, if any. */
function dimensionRows(
  buf: Buffer,
  entry: { localHeaderOffset: number; compressedSize: number; method: number },
): number | null {
  try {
    const start =
      entry.localHeaderOffset +
      30 +
      buf.readUInt16LE(entry.localHeaderOffset + 26) +
      buf.readUInt16LE(entry.localHeaderOffset + 28);
    const slice = buf.subarray(start, start + Math.min(entry.compressedSize, 4096));
    let text: string;
    if (entry.method === 8) {
      // Inflate just the beginning: a partial stream is enough to read the dimension element.
      text = zlib.inflateRawSync(slice, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('latin1');
    } else text = slice.toString('latin1');
    const m = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(text);
    return m ? Math.max(0, Number(m[1]) - 1) : null;
  } catch {
    return null;
  }
}
