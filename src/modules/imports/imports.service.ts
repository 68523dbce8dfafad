/**
 * Imports of enterprise registries and annual figures from Excel: the workbook is read and every
 * row validated in a worker thread as it streams (spreadsheets/read + imports.worker.ts), then all
 * rows are written or none, in one unit of work (idempotent upserts on USCC / USCC + year), with
 * the import-history row and an audit record.
 *
 * Uploads (web): the file is kept under `<dataDir>/imports/<job>.xlsx`, readable by the server
 * only, while the job waits for confirmation — at most UPLOAD_RETENTION_HOURS — and deleted as soon
 * as the job is rejected, fails, is written, or expires. The CLI reads the operator's file in place.
 * Nothing else of an upload is written to disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { CopyValue } from '../../platform/db/copy';
import type { Database, Tx } from '../../platform/db/client';
import type { ImportStatus } from './core/columns';
import { fail, forbidden } from '../../platform/errors';
import { platformIdsOf } from '../../platform/scope';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor } from '../auth/core/access';
import { refreshEnterpriseScale } from '../enterprises/enterprises.service';
import { readInWorker } from '../spreadsheets/read/read-in-worker';
import type { SheetChoice } from '../spreadsheets/read/xlsx-reader';
import { SHEET_NAMES, UPLOAD_RETENTION_HOURS, YEAR_KEYS, type ImportKind } from './core/columns';
import { problem, type Problem } from './core/problems';
import type { EnterpriseRecord } from './core/validate';
import * as repo from './imports.repository';
import type { ImportJob } from './imports.repository';
import {
  ANNUAL_STRIDE,
  referenceMessage,
  type ImportWorkerData,
  type ImportWorkerMessage,
  type ImportWorkerResult,
} from './imports.worker';

export type { ImportJob };

export interface ImportRequest {
  kind: ImportKind;
  year: number | null;
  file: string;
  fileName: string;
}

export interface ImportOutcome {
  job: ImportJob;
  problems: Problem[];
}

export type Progress = (phase: string, done: number, total: number | null) => void;

/** Problems kept on a job and in reports (all are counted). */
const PROBLEMS_KEPT = 5000;
const WORKER_MODULE = fileURLToPath(new URL('./imports.worker.ts', import.meta.url));

/** What reading and validating a file gave: problems, and when clean the records to write. */
interface AnnualChunk {
  chunk: Float64Array;
  count: number;
}

/** Chunks of records handed from the reading worker to the COPY as they arrive. */
class ChunkQueue implements AsyncIterable<AnnualChunk> {
  private items: AnnualChunk[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  push(c: AnnualChunk) {
    this.items.push(c);
    this.wake?.();
  }
  close() {
    this.closed = true;
    this.wake?.();
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const next = this.items.shift();
      if (next) yield next;
      else if (this.closed) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Thrown inside the unit of work to roll it back when the file turned out to have errors. */
const REJECTED = Symbol('rejected');

interface Checked {
  problems: Problem[];
  errors: number;
  warnings: number;
  rowsTotal: number;
  sheet: SheetChoice | null;
  enterprises: EnterpriseRecord[];
}

export function createImportService(database: Database, dataDir: string) {
  const { db } = database;
  const uploads = path.join(dataDir, 'imports');
  const stored = (id: number) => path.join(uploads, `${id}.xlsx`);

  const requireImport = (actor: Actor) => {
    if (!can(actor, 'import:run')) forbidden('import:run');
  };

  function throttle(id: number): Progress {
    let last = 0;
    return (phase, done, total) => {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      void repo.updateJob(db, id, { progress: { phase, done, total } }).catch(() => {});
    };
  }

  /**
   * Reads and validates in the worker; the reference data loads meanwhile and follows it there.
   * With `records`, the clean records come back too: annual chunks to `onChunk` as they are read,
   * registry records in the result.
   */
  async function check(
    actor: Actor,
    request: ImportRequest,
    report: Progress,
    options: { records: boolean; onChunk?: (c: AnnualChunk) => void; signal?: AbortSignal } = {
      records: false,
    },
  ): Promise<Checked> {
    let enterprises: EnterpriseRecord[] = [];
    const data: ImportWorkerData = {
      kind: request.kind,
      year: request.year,
      keepProblems: PROBLEMS_KEPT,
      records: options.records,
    };
    const read = readInWorker<ImportWorkerResult>(request.file, {
      preferSheets: [SHEET_NAMES[request.kind]],
      consumer: { module: WORKER_MODULE, data },
      onProgress: (rows, estimated) => report('parsing', rows, estimated),
      onMessage: (m) => {
        const message = m as ImportWorkerMessage;
        if (message.kind === 'annual') options.onChunk?.({ chunk: message.chunk, count: message.count });
        else enterprises = message.records;
      },
    });
    options.signal?.addEventListener('abort', () => read.cancel());
    try {
      const scope = platformScope(actor);
      const ref = referenceMessage({
        ...(await repo.loadReference(db, scope)),
        allowedPlatformIds: platformIdsOf(scope),
      });
      read.send(ref, [ref.ids.buffer]);
    } catch (error) {
      read.cancel();
      await read.outcome.catch(() => {});
      throw error;
    }
    const outcome = await read.outcome;
    if (!outcome.ok) {
      const { code, value, zh, en } = outcome.failure;
      return {
        problems: [problem(code, { sheet: '', row: 0, value }, { zh, en })],
        errors: 1,
        warnings: 0,
        rowsTotal: 0,
        sheet: null,
        enterprises: [],
      };
    }
    const r = outcome.result;
    return { ...r, enterprises };
  }

  async function start(actor: Actor, request: ImportRequest): Promise<ImportJob> {
    requireImport(actor);
    if (request.kind === 'annual' && !request.year)
      fail('VALIDATION_FAILED', [
        { field: 'year', code: 'REQUIRED', zh: '请选择数据年度', en: 'Choose the year' },
      ]);
    // Streamed: an oversized file is refused later by size, without being read into memory here.
    const hash = createHash('sha256');
    await pipeline(createReadStream(request.file), hash);
    const { size } = await fs.stat(request.file);
    return repo.insertJob(db, {
      kind: request.kind,
      year: request.kind === 'annual' ? request.year : null,
      fileName: path.basename(request.fileName).slice(0, 200),
      sha256: hash.digest('hex'),
      sizeBytes: size,
      userId: actor.userId,
      username: actor.username,
      status: 'validating',
      progress: { phase: 'parsing', done: 0, total: null },
    });
  }

  const sheetOf = (c: Checked) =>
    c.sheet ? { name: c.sheet.name, reason: c.sheet.reason, zh: c.sheet.zh, en: c.sheet.en } : null;

  async function finishRejected(
    actor: Actor,
    job: ImportJob,
    c: Checked | null,
    status: ImportStatus = 'rejected',
  ) {
    await database.transaction(async (tx) => {
      await repo.updateJob(tx, job.id, {
        status,
        finishedAt: new Date(),
        rowsTotal: c?.rowsTotal ?? 0,
        errorCount: c?.errors ?? 0,
        warningCount: c?.warnings ?? 0,
        problems: c?.problems ?? [],
        progress: null,
        sheet: c ? sheetOf(c) : null,
      });
      await recordAudit(tx, subjectOf(actor), {
        action: `import.${job.kind}`,
        result: 'failure',
        objectType: 'import',
        objectId: job.id,
        detail: { file: job.fileName, sha256: job.sha256, errors: c?.errors ?? 0, status },
      });
    });
  }

  /** Marks the job succeeded and records the audit row, inside the unit of work. */
  async function complete(tx: Tx, actor: Actor, job: ImportJob, c: Checked, counts: repo.WriteCounts) {
    await repo.updateJob(tx, job.id, {
      status: 'succeeded',
      finishedAt: new Date(),
      rowsTotal: c.rowsTotal,
      rowsInserted: counts.inserted,
      rowsUpdated: counts.updated,
      errorCount: 0,
      warningCount: c.warnings,
      problems: c.problems,
      progress: null,
      sheet: sheetOf(c),
    });
    await recordAudit(tx, subjectOf(actor), {
      action: `import.${job.kind}`,
      result: 'success',
      objectType: 'import',
      objectId: job.id,
      detail: { file: job.fileName, sha256: job.sha256, year: job.year, sheet: c.sheet?.name, ...counts },
    });
  }

  /**
   * Reads, validates and — when every row is clean — writes, all or nothing. Annual figures go
   * into COPY while the worker is still reading (the unit of work is rolled back if any row turns
   * out to have an error); registry rows are written once the whole file has passed.
   */
  async function validateAndWrite(
    actor: Actor,
    job: ImportJob,
    request: ImportRequest,
    report: Progress,
    /** Called once the file has been read (a stored upload is then no longer needed). */
    afterRead: () => Promise<void> = async () => {},
  ): Promise<Checked> {
    if (job.kind === 'enterprises') {
      const c = await check(actor, request, report, { records: true });
      await afterRead();
      if (c.errors > 0) {
        await finishRejected(actor, job, c);
        return c;
      }
      report('writing', 0, c.rowsTotal);
      await database.transaction(async (tx) => {
        const written = await repo.writeEnterprises(tx, c.enterprises);
        await refreshEnterpriseScale(tx, written.ids);
        await complete(tx, actor, job, c, written);
      });
      return c;
    }
    const year = job.year!;
    const queue = new ChunkQueue();
    const abort = new AbortController();
    const checking = check(actor, request, report, {
      records: true,
      onChunk: (chunk) => queue.push(chunk),
      signal: abort.signal,
    });
    checking.then(
      () => queue.close(),
      () => queue.close(),
    );
    const ids: number[] = [];
    async function* rows(): AsyncGenerator<CopyValue[]> {
      for await (const { chunk, count } of queue)
        for (let i = 0; i < count; i++) {
          const at = i * ANNUAL_STRIDE;
          const id = chunk[at]!;
          ids.push(id);
          const values: CopyValue[] = [id, year];
          for (let k = 1; k <= YEAR_KEYS.length; k++) {
            const v = chunk[at + k]!;
            values.push(Number.isNaN(v) ? null : v);
          }
          values.push(job.id);
          yield values;
        }
    }
    let checked: Checked | null = null;
    try {
      await database.transaction(async (tx, client) => {
        const counts = await repo.writeAnnual(tx, client, year, rows());
        const c = await checking;
        checked = c;
        await afterRead();
        if (c.errors > 0) throw REJECTED;
        report('writing', counts.inserted + counts.updated + counts.unchanged, c.rowsTotal);
        await refreshEnterpriseScale(tx, ids);
        await complete(tx, actor, job, c, counts);
      });
    } catch (error) {
      if (error === REJECTED && checked) {
        await finishRejected(actor, job, checked);
        return checked;
      }
      abort.abort();
      await checking.catch(() => {});
      throw error;
    }
    return checked!;
  }

  const removeStored = (id: number) => fs.rm(stored(id), { force: true });

  /**
   * Deletes what the retention allows no longer: uploads waiting longer than
   * UPLOAD_RETENTION_HOURS (their jobs fail with UPLOAD_EXPIRED) and any stored file whose job no
   * longer uses it (left by a restart).
   */
  async function sweep(now = new Date()) {
    const before = new Date(now.getTime() - UPLOAD_RETENTION_HOURS * 3600_000);
    const expired = problem(
      'UPLOAD_EXPIRED',
      { sheet: '', row: 0 },
      { zh: `${UPLOAD_RETENTION_HOURS} 小时`, en: `${UPLOAD_RETENTION_HOURS} hours` },
    );
    await repo.expireReadyJobs(db, before, expired);
    const waiting = new Set((await repo.jobIdsHoldingUploads(db)).map((id) => `${id}.xlsx`));
    const files = await fs.readdir(uploads).catch(() => [] as string[]);
    await Promise.all(
      files.filter((f) => !waiting.has(f)).map((f) => fs.rm(path.join(uploads, f), { force: true })),
    );
  }

  const finalJob = async (id: number) => (await repo.findJob(db, id, null))!;

  return {
    /** CLI: read, validate and (when clean) write in one call; the file is read where it is. */
    async importNow(actor: Actor, request: ImportRequest, onProgress?: Progress): Promise<ImportOutcome> {
      const job = await start(actor, request);
      try {
        const c = await validateAndWrite(actor, job, request, onProgress ?? throttle(job.id));
        return { job: await finalJob(job.id), problems: c.problems };
      } catch (error) {
        await finishRejected(actor, job, null, 'failed').catch(() => {});
        throw error;
      }
    },

    /** Web: store the upload, validate in the background; the job answers progress and problems. */
    async upload(actor: Actor, request: ImportRequest): Promise<ImportJob> {
      const job = await start(actor, request);
      await fs.mkdir(uploads, { recursive: true, mode: 0o700 });
      await fs.copyFile(request.file, stored(job.id));
      await fs.chmod(stored(job.id), 0o600);
      void (async () => {
        let keep = false;
        try {
          const c = await check(actor, { ...request, file: stored(job.id) }, throttle(job.id));
          // The stored file goes before the job's outcome can be seen.
          if (c.errors > 0) {
            await removeStored(job.id);
            await finishRejected(actor, job, c);
          } else {
            await repo.updateJob(db, job.id, {
              status: 'ready',
              rowsTotal: c.rowsTotal,
              errorCount: 0,
              warningCount: c.warnings,
              problems: c.problems,
              progress: null,
              sheet: sheetOf(c),
            });
            keep = true;
          }
        } catch {
          await removeStored(job.id);
          await finishRejected(actor, job, null, 'failed').catch(() => {});
        } finally {
          if (!keep) await removeStored(job.id);
          await sweep().catch(() => {});
        }
      })();
      return job;
    },

    /** Web: writes a validated upload (validated again against the data as it is now). */
    async commit(actor: Actor, id: number): Promise<ImportJob> {
      requireImport(actor);
      const job = await repo.findJob(db, id, actor.userId);
      if (!job) return fail('IMPORT_NOT_FOUND');
      if (!(await repo.claimReadyJob(db, id, job.rowsTotal))) fail('IMPORT_NOT_READY');
      void (async () => {
        try {
          const request: ImportRequest = {
            kind: job.kind,
            year: job.year,
            file: stored(id),
            fileName: job.fileName,
          };
          await validateAndWrite(actor, job, request, throttle(id), () => removeStored(id));
        } catch {
          await removeStored(id);
          await finishRejected(actor, job, null, 'failed').catch(() => {});
        } finally {
          await removeStored(id);
        }
      })();
      return { ...job, status: 'importing' };
    },

    async get(actor: Actor, id: number): Promise<ImportJob> {
      requireImport(actor);
      return (
        (await repo.findJob(db, id, actor.role === 'task_force' ? null : actor.userId)) ??
        fail('IMPORT_NOT_FOUND')
      );
    },

    async history(actor: Actor, page: number, pageSize: number) {
      requireImport(actor);
      const { items, total } = await repo.listJobs(
        db,
        actor.role === 'task_force' ? null : actor.userId,
        page,
        pageSize,
      );
      return { items, total, page, pageSize };
    },

    /** At start-up: jobs cut off by a restart are marked failed, and the retention is applied. */
    async failInterrupted() {
      await repo.failUnfinishedJobs(db);
      await sweep();
    },

    /** Applies the upload retention now (also run after every upload and at start-up). */
    sweep,

    /** Where uploads wait for confirmation (for operators and tests). */
    uploadsDir: uploads,
  };
}
export type ImportService = ReturnType<typeof createImportService>;
