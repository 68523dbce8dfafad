/**
 * The import's row consumer, run inside the reading worker (spreadsheets/read): rows are validated
 * as they stream, and only compact results go to the main thread — annual figures as packed
 * Float64Array chunks (transferred, not copied), registry rows as records at the end, problems
 * capped with exact counts. No I/O here besides messages.
 */
import type { RawCell } from '../spreadsheets/core/ooxml';
import type { Send, SheetConsumer } from '../spreadsheets/read/consumer';
import type { ReadSummary, SheetChoice } from '../spreadsheets/read/xlsx-reader';
import { YEAR_KEYS, type ImportKind } from './core/columns';
import type { Problem } from './core/problems';
import {
  createAnnualValidator,
  createEnterpriseValidator,
  ProblemLog,
  type AnnualRecord,
  type EnterpriseRecord,
  type ImportReference,
  type RowValidator,
} from './core/validate';

export interface ImportWorkerData {
  kind: ImportKind;
  year: number | null;
  /** Problems kept (all are counted). */
  keepProblems: number;
  /** Send the records (to be written); false when only validating. */
  records: boolean;
}

/** The reference data as it travels to the worker: flat arrays, rebuilt into maps there. */
export interface ReferenceMessage {
  platforms: [string, number][];
  allowedPlatformIds: number[] | null;
  industryClasses: string[];
  usccs: string[];
  ids: Int32Array;
  platformIds: Int32Array;
  names: string[];
  outsideScope: string[];
}

export function referenceMessage(ref: {
  platforms: { id: number; name: string }[];
  allowedPlatformIds: number[] | null;
  industryClasses: string[];
  enterprises: { id: number; uscc: string; name: string; platformId: number }[];
  outsideScope: string[];
}): ReferenceMessage {
  return {
    platforms: ref.platforms.map((p) => [p.name, p.id]),
    allowedPlatformIds: ref.allowedPlatformIds,
    industryClasses: ref.industryClasses,
    usccs: ref.enterprises.map((e) => e.uscc),
    ids: Int32Array.from(ref.enterprises, (e) => e.id),
    platformIds: Int32Array.from(ref.enterprises, (e) => e.platformId),
    names: ref.enterprises.map((e) => e.name),
    outsideScope: ref.outsideScope,
  };
}

function fromMessage(m: ReferenceMessage): ImportReference {
  const enterprisesByUscc = new Map<string, { id: number; name: string; platformId: number }>();
  for (let i = 0; i < m.usccs.length; i++)
    enterprisesByUscc.set(m.usccs[i]!, { id: m.ids[i]!, name: m.names[i]!, platformId: m.platformIds[i]! });
  return {
    platformsByName: new Map(m.platforms),
    allowedPlatformIds: m.allowedPlatformIds ? new Set(m.allowedPlatformIds) : null,
    industryClasses: new Set(m.industryClasses),
    enterprisesByUscc,
    outsideScope: new Set(m.outsideScope),
  };
}

/** Annual figures per record in a chunk: the enterprise id, then the ten figures (NaN = empty). */
export const ANNUAL_STRIDE = 1 + YEAR_KEYS.length;
const CHUNK_RECORDS = 4096;

export type ImportWorkerMessage =
  | { kind: 'annual'; chunk: Float64Array; count: number }
  | { kind: 'enterprises'; records: EnterpriseRecord[] };

export interface ImportWorkerResult {
  sheet: SheetChoice;
  problems: Problem[];
  errors: number;
  warnings: number;
  rowsTotal: number;
}

export function createConsumer(input: unknown, send: Send): SheetConsumer {
  const data = input as ImportWorkerData;
  let ref: ImportReference | null = null;
  let arrived: () => void = () => {};
  const ready = new Promise<void>((resolve) => (arrived = resolve));
  // Reading starts at once; rows read before the reference data arrives wait for it here.
  let early: { row: number; cells: RawCell[] }[] | null = [];
  let choice: SheetChoice | null = null;
  const log = new ProblemLog(data.keepProblems);
  let validator: RowValidator<AnnualRecord | EnterpriseRecord> | null = null;
  let headerSeen = false;
  let chunk = new Float64Array(CHUNK_RECORDS * ANNUAL_STRIDE);
  let inChunk = 0;
  const registry: EnterpriseRecord[] = [];

  const flush = () => {
    if (!inChunk || !data.records) return;
    const out = chunk.subarray(0, inChunk * ANNUAL_STRIDE).slice();
    send({ kind: 'annual', chunk: out, count: inChunk } satisfies ImportWorkerMessage, [out.buffer]);
    chunk = new Float64Array(CHUNK_RECORDS * ANNUAL_STRIDE);
    inChunk = 0;
  };
  const header = (cells: RawCell[]) => {
    headerSeen = true;
    validator!.header(cells);
  };

  const start = () => {
    validator =
      data.kind === 'annual'
        ? createAnnualValidator(choice!.name, data.year!, ref!, log)
        : createEnterpriseValidator(choice!.name, ref!, log);
    const waiting = early!;
    early = null;
    for (const r of waiting) take(r.row, r.cells);
  };
  const take = (row: number, cells: RawCell[]) => {
    if (row === 1) return header(cells);
    if (!headerSeen) header([]);
    const record = validator!.row(row, cells);
    if (!record) return;
    if (data.kind === 'enterprises') {
      registry.push(record as EnterpriseRecord);
      return;
    }
    const r = record as AnnualRecord;
    const at = inChunk * ANNUAL_STRIDE;
    chunk[at] = r.enterpriseId;
    for (let k = 0; k < YEAR_KEYS.length; k++) {
      const v = r.figures[YEAR_KEYS[k]!];
      chunk[at + 1 + k] = v === null ? Number.NaN : v;
    }
    if (++inChunk === CHUNK_RECORDS) flush();
  };
  const merged: string[] = [];

  return {
    message(m) {
      ref = fromMessage(m as ReferenceMessage);
      arrived();
      if (choice && early) start();
    },
    choice(c) {
      choice = c;
      if (ref) start();
    },
    row(row, cells) {
      if (early) early.push({ row, cells });
      else take(row, cells);
    },
    merged: (r) => merged.push(r),
    async end(summary: ReadSummary): Promise<ImportWorkerResult> {
      await ready;
      if (early) start();
      for (const r of merged) validator!.merged(r);
      if (!headerSeen) header([]);
      const { rowsTotal, withdrawn } = validator!.finish();
      if (log.errors === 0) {
        flush();
        if (data.kind === 'enterprises' && data.records)
          send({
            kind: 'enterprises',
            records: withdrawn.size ? registry.filter((r) => !withdrawn.has(r.row)) : registry,
          } satisfies ImportWorkerMessage);
      }
      return {
        sheet: summary.sheet,
        problems: log.list,
        errors: log.errors,
        warnings: log.warnings,
        rowsTotal,
      };
    },
  };
}
