/**
 * Reading an uploaded workbook off the main thread: the size is checked, then a worker thread with
 * a heap limit reads the file (`xlsx-reader.ts`) and streams the chosen sheet into a consumer. A
 * file that exhausts the worker's memory ends the worker, never the process; nothing is written to
 * disk. Features pass their own consumer module to validate rows where they are read.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawCell } from '../core/ooxml';
import type { WorkerInput } from './worker-main';
import type { ReadFailure, ReadLimits, ReadSummary, SheetChoice } from './xlsx-reader';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));

export interface WorkerReadOptions {
  maxBytes?: number;
  limits?: Partial<ReadLimits>;
  /** Sheet names a template gives its data sheet. */
  preferSheets?: string[];
  /** Heap limit of the worker (old generation), MB. */
  maxWorkerMemoryMb?: number;
  /** A module (absolute path) exporting `createConsumer`, and the data it is created with. */
  consumer?: { module: string; data: unknown };
  onMessage?: (data: unknown) => void;
  onProgress?: (rows: number, estimated: number | null) => void;
  onChoice?: (choice: SheetChoice) => void;
}

export type WorkerReadOutcome<T> =
  { ok: true; summary: ReadSummary; result: T } | { ok: false; failure: ReadFailure };

export interface WorkerRead<T> {
  /** Sends a message to the consumer. */
  send(data: unknown, transfer?: Transferable[]): void;
  outcome: Promise<WorkerReadOutcome<T>>;
  /** Stops reading (the outcome then reports a failure). */
  cancel(): void;
}

const failed = (failure: ReadFailure) => ({ ok: false as const, failure });

export function readInWorker<T = unknown>(file: string, options: WorkerReadOptions = {}): WorkerRead<T> {
  let worker: Worker | null = null;
  let cancelled = false;
  const pending: { data: unknown; transfer?: Transferable[] }[] = [];
  const outcome = (async (): Promise<WorkerReadOutcome<T>> => {
    const { size } = await fs.stat(file);
    const max = options.maxBytes ?? MAX_UPLOAD_BYTES;
    if (size > max)
      return failed({
        code: 'FILE_TOO_LARGE',
        value: String(size),
        zh: `${size} 字节，上限 ${max} 字节`,
        en: `${size} bytes, at most ${max}`,
      });
    if (cancelled) return failed({ code: 'PARSE_FAILED', value: 'cancelled', zh: '已取消', en: 'cancelled' });
    const input: WorkerInput = {
      file,
      limits: options.limits,
      preferSheets: options.preferSheets,
      consumer: options.consumer,
    };
    const w = new Worker(WORKER, {
      workerData: input,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxWorkerMemoryMb ?? 384,
        maxYoungGenerationSizeMb: 64,
      },
      stdout: false,
      stderr: false,
    });
    worker = w;
    for (const m of pending.splice(0)) w.postMessage({ type: 'consumer', data: m.data }, m.transfer as never);
    return new Promise<WorkerReadOutcome<T>>((resolve) => {
      let settled = false;
      const finish = (result: WorkerReadOutcome<T>) => {
        if (settled) return;
        settled = true;
        void w.terminate();
        resolve(result);
      };
      w.on('message', (m: { type: string; [k: string]: unknown }) => {
        if (m.type === 'consumer') options.onMessage?.(m.data);
        else if (m.type === 'progress') options.onProgress?.(m.rows as number, m.estimated as number | null);
        else if (m.type === 'choice') options.onChoice?.(m.choice as SheetChoice);
        else if (m.type === 'done')
          finish({ ok: true, summary: m.summary as ReadSummary, result: m.result as T });
        else if (m.type === 'failed') finish(failed(m.failure as ReadFailure));
        else if (m.type === 'error')
          finish(
            failed({
              code: 'PARSE_FAILED',
              value: String(m.message).split('\n')[0]!.slice(0, 200),
              zh: '读取时出错',
              en: 'reading failed',
            }),
          );
      });
      w.on('error', (error: Error & { code?: string }) =>
        finish(
          failed({
            code: 'PARSE_FAILED',
            value: error.message,
            ...(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? { zh: '读取超出内存限制', en: 'reading exceeded its memory limit' }
              : { zh: '读取失败', en: 'reading failed' }),
          }),
        ),
      );
      w.on('exit', (code) =>
        finish(
          failed({
            code: 'PARSE_FAILED',
            value: cancelled ? 'cancelled' : `worker exit ${code}`,
            zh: cancelled ? '已取消' : '读取中断',
            en: cancelled ? 'cancelled' : 'reading stopped',
          }),
        ),
      );
    });
  })();
  // The caller may await the outcome later (after other work): a rejection is not unhandled here.
  outcome.catch(() => {});
  return {
    send(data, transfer) {
      if (worker) worker.postMessage({ type: 'consumer', data }, transfer as never);
      else pending.push({ data, transfer });
    },
    outcome,
    cancel() {
      cancelled = true;
      void (worker as Worker | null)?.terminate();
    },
  };
}

/** A whole sheet, for small workbooks (reported statistics): header, rows and merged ranges. */
export interface SheetData {
  name: string;
  header: RawCell[];
  rows: { row: number; cells: RawCell[] }[];
  merged: string[];
}

export type SheetOutcome =
  { ok: true; sheet: SheetData; choice: SheetChoice } | { ok: false; failure: ReadFailure };

/** Reads the chosen sheet whole (in the worker) and hands it back. */
export async function readSheet(
  file: string,
  options: Omit<WorkerReadOptions, 'consumer'> = {},
): Promise<SheetOutcome> {
  const rows: { row: number; cells: RawCell[] }[] = [];
  const read = readInWorker<{ merged: string[] }>(file, {
    ...options,
    onMessage: (m) => {
      for (const r of (m as { rows: typeof rows }).rows) rows.push(r);
    },
  });
  const outcome = await read.outcome;
  if (!outcome.ok) return outcome;
  const header = rows[0]?.row === 1 ? rows.shift()!.cells : [];
  return {
    ok: true,
    sheet: { name: outcome.summary.sheet.name, header, rows, merged: outcome.result.merged },
    choice: outcome.summary.sheet,
  };
}
