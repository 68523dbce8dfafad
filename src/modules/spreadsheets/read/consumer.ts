/**
 * What a feature plugs into the reading worker: a module exporting `createConsumer(data, send)`
 * that receives the chosen sheet's rows as they stream (and may validate them there), and sends
 * compact results to the main thread. See `read-in-worker.ts`.
 */
import type { RawCell } from '../core/ooxml';
import type { ReadSummary, SheetChoice } from './xlsx-reader';

export type Send = (data: unknown, transfer?: Transferable[]) => void;

export interface SheetConsumer {
  /** Resolves when rows may come (e.g. once reference data has arrived from the main thread). */
  ready?: Promise<void>;
  choice?(choice: SheetChoice): void;
  dimension?(d: { rows: number; columns: number }): void;
  /** Each row holding a value, the header row (1) included. */
  row(row: number, cells: RawCell[]): void;
  merged?(ref: string): void;
  /** A message from the main thread. */
  message?(data: unknown): void;
  /** The sheet is read: the returned value is the result the main thread receives. */
  end(summary: ReadSummary): unknown;
}

export type ConsumerFactory = (data: unknown, send: Send) => SheetConsumer;
