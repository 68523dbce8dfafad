/** The body of the reading worker: read the file, stream the chosen sheet into the consumer. */
import fs from 'node:fs/promises';
import type { MessagePort } from 'node:worker_threads';
import type { RawCell } from '../core/ooxml';
import type { ConsumerFactory, SheetConsumer } from './consumer';
import { readXlsx, ReadError, type ReadLimits, type ReadSummary } from './xlsx-reader';

export interface WorkerInput {
  file: string;
  limits?: Partial<ReadLimits>;
  preferSheets?: string[];
  consumer?: { module: string; data: unknown };
}

/** The consumer when none is given: rows go to the main thread in batches. */
function collectRows(send: (data: unknown) => void): SheetConsumer {
  let batch: { row: number; cells: RawCell[] }[] = [];
  const merged: string[] = [];
  return {
    row(row, cells) {
      batch.push({ row, cells });
      if (batch.length >= 2000) {
        send({ rows: batch });
        batch = [];
      }
    },
    merged: (ref) => merged.push(ref),
    end() {
      if (batch.length) send({ rows: batch });
      batch = [];
      return { merged };
    },
  };
}

export async function runWorker(
  input: WorkerInput,
  port: MessagePort,
  load: (module: string) => { createConsumer: ConsumerFactory },
) {
  const send = (data: unknown, transfer?: Transferable[]) =>
    port.postMessage({ type: 'consumer', data }, transfer as never);
  try {
    const consumer = input.consumer
      ? load(input.consumer.module).createConsumer(input.consumer.data, send)
      : collectRows(send);
    port.on('message', (m: { type: string; data: unknown }) => {
      if (m.type === 'consumer') consumer.message?.(m.data);
    });
    const buf = await fs.readFile(input.file);
    await consumer.ready;
    let rows = 0;
    let estimated: number | null = null;
    const summary: ReadSummary = await readXlsx(
      buf,
      {
        choice: (c) => {
          port.postMessage({ type: 'choice', choice: c });
          consumer.choice?.(c);
        },
        dimension: (d) => {
          estimated = Math.max(0, d.rows - 1);
          consumer.dimension?.(d);
        },
        row: (row, cells) => {
          consumer.row(row, cells);
          if (++rows % 5000 === 0) port.postMessage({ type: 'progress', rows, estimated });
        },
        merged: (ref) => consumer.merged?.(ref),
      },
      { limits: input.limits, preferSheets: input.preferSheets },
    );
    const result = await consumer.end(summary);
    port.postMessage({ type: 'done', summary, result });
  } catch (error) {
    if (error instanceof ReadError) port.postMessage({ type: 'failed', failure: error.failure });
    else port.postMessage({ type: 'error', message: String((error as Error)?.stack ?? error) });
  } finally {
    port.close();
  }
}
