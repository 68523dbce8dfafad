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
import { sealPhone, type PiKeyRing } from '../../platform/crypto/personal-info';
import type { CopyValue } from '../../platform/db/copy';
import type { Database, Tx } from '../../platform/db/client';
import type { ImportStatus } from './core/columns';
import { fail, forbidden } from '../../platform/errors';
import { platformIdsOf } from '../../platform/scope';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor } from '../auth/core/access';
import { refreshEnterpriseScale } from '../enterprises/enterprises.service';
import { readInWorker } from '../spreadsheets/read/read-in-worker';
import { DEFAULT_READ_LIMITS, type SheetChoice } from '../spreadsheets/read/xlsx-reader';
import type { ImportConfig } from '../../platform/config';
import { COLUMNS, SHEET_NAMES, UPLOAD_RETENTION_HOURS, YEAR_KEYS, type ImportKind } from './core/columns';
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
/** Changed enterprises named in the audit row itself (all are in import_changes). */
const AUDIT_CHANGES_LISTED = 200;
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

/** The defaults of YIYUAN_IMPORT_MAX_ROWS, YIYUAN_IMPORT_MAX_CELLS, YIYUAN_UPLOAD_RETENTION_HOURS. */
const DEFAULT_LIMITS: ImportConfig = {
  maxRows: DEFAULT_READ_LIMITS.maxRows - 1,
  maxCells: DEFAULT_READ_LIMITS.maxCells,
  uploadRetentionHours: UPLOAD_RETENTION_HOURS,
};

export function createImportService(
  database: Database,
  dataDir: string,
  keys: () => PiKeyRing,
  limits: ImportConfig = DEFAULT_LIMITS,
) {
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
      // The header row counts as a row for the reader.
      limits: { maxRows: limits.maxRows + 1, maxCells: limits.maxCells },
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
        ...(await repo.loadReference(db, scope, request.kind === 'enterprises')),
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

  /** A new job, running in this process until `release` (see `repo.runningJob`). */
  async function start(
    actor: Actor,
    request: ImportRequest,
  ): Promise<{ job: ImportJob; release: () => Promise<void> }> {
    requireImport(actor);
    if (request.kind === 'annual' && !request.year)
      fail('VALIDATION_FAILED', [
        { field: 'year', code: 'REQUIRED', zh: '请选择数据年度', en: 'Choose the year' },
      ]);
    // Streamed: an oversized file is refused later by size, without being read into memory here.
    const hash = createHash('sha256');
    await pipeline(createReadStream(request.file), hash);
    const { size } = await fs.stat(request.file);
    const values = {
      kind: request.kind,
      year: request.kind === 'annual' ? request.year : null,
      fileName: path.basename(request.fileName).slice(0, 200),
      sha256: hash.digest('hex'),
      sizeBytes: size,
      userId: actor.userId,
      username: actor.username,
      status: 'validating',
      progress: { phase: 'parsing', done: 0, total: null },
    } satisfies repo.NewImportJob;
    return (await repo.runningJob(database.pool, (d) => repo.insertJob(d, values))) ?? fail('IMPORT_BUSY');
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
      // A job already declared interrupted keeps that outcome (and its one audit row).
      const finished = await repo.finishJob(tx, job.id, {
        status,
        finishedAt: new Date(),
        rowsTotal: c?.rowsTotal ?? 0,
        errorCount: c?.errors ?? 1,
        warningCount: c?.warnings ?? 0,
        problems: c?.problems ?? [problem('IMPORT_FAILED', { sheet: '', row: 0 })],
        progress: null,
        sheet: c ? sheetOf(c) : null,
      });
      if (!finished) return;
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
    const changed = await repo.countChanges(tx, job.id);
    const finished = await repo.finishJob(tx, job.id, {
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
    // Declared interrupted meanwhile: nothing may be written (the unit of work rolls back).
    if (!finished) throw new Error(`import ${job.id} is no longer running`);
    await recordAudit(tx, subjectOf(actor), {
      action: `import.${job.kind}`,
      result: 'success',
      objectType: 'import',
      objectId: job.id,
      detail: {
        file: job.fileName,
        sha256: job.sha256,
        year: job.year,
        sheet: c.sheet?.name,
        ...counts,
        // Every enterprise changed: listed in import_changes under this import (the history
        // downloads it as /api/imports/<id>/changes.xlsx); the first ones also here.
        changedEnterprises: {
          count: changed,
          list: `import_changes:${job.id}`,
          first: await repo.firstChanges(tx, job.id, AUDIT_CHANGES_LISTED),
        },
      },
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
      const refused = await database.transaction(async (tx) => {
        const written = await repo.writeEnterprises(
          tx,
          platformScope(actor),
          job.id,
          c.enterprises,
          (phone) => sealPhone(keys(), phone),
        );
        if (written.conflicts.length) return written.conflicts;
        await refreshEnterpriseScale(tx, written.ids);
        await complete(tx, actor, job, c, written);
        return null;
      });
      if (refused) {
        // Changed since the file was validated (or validated against other data): refused whole.
        const sheet = c.sheet?.name ?? '';
        const problems = refused.map((r) =>
          problem(r.reason === 'outside_scope' ? 'ENTERPRISE_OUT_OF_SCOPE' : 'PLATFORM_MOVE', {
            sheet,
            row: r.row,
            column: COLUMNS.enterprises[0]!.header,
            value: r.uscc,
          }),
        );
        const rejected = {
          ...c,
          problems: [...problems, ...c.problems].slice(0, PROBLEMS_KEPT),
          errors: problems.length,
        };
        await finishRejected(actor, job, rejected);
        return rejected;
      }
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
        const counts = await repo.writeAnnual(tx, client, year, job.id, rows());
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
    const hours = limits.uploadRetentionHours;
    const before = new Date(now.getTime() - hours * 3600_000);
    const expired = problem(
      'UPLOAD_EXPIRED',
      { sheet: '', row: 0 },
      { zh: `${hours} 小时`, en: `${hours} hours` },
    );
    await repo.expireReadyJobs(db, before, expired);
    const waiting = new Set((await repo.jobIdsHoldingUploads(db)).map((id) => `${id}.xlsx`));
    const files = await fs.readdir(uploads).catch(() => [] as string[]);
    await Promise.all(
      files.filter((f) => !waiting.has(f)).map((f) => fs.rm(path.join(uploads, f), { force: true })),
    );
  }

  const finalJob = async (id: number) => (await repo.findJob(db, id, null))!;

  /**
   * Jobs whose process died (killed, crashed, power lost) are marked failed with the reason and an
   * audit row, once. A job another live process is running holds its lock and is left alone.
   */
  async function failDeadJobs(): Promise<number[]> {
    const interrupted = problem('IMPORT_INTERRUPTED', { sheet: '', row: 0 });
    return database.transaction(async (tx) => {
      const jobs = await repo.failUnfinishedJobs(tx, interrupted);
      for (const job of jobs)
        await recordAudit(
          tx,
          { userId: job.userId || null, username: job.username, ip: null },
          {
            action: `import.${job.kind}`,
            result: 'failure',
            objectType: 'import',
            objectId: job.id,
            detail: {
              file: job.fileName,
              sha256: job.sha256,
              status: 'failed',
              reason: 'IMPORT_INTERRUPTED',
            },
          },
        );
      return jobs.map((j) => j.id);
    });
  }

  return {
    /** CLI: read, validate and (when clean) write in one call; the file is read where it is. */
    async importNow(actor: Actor, request: ImportRequest, onProgress?: Progress): Promise<ImportOutcome> {
      await failDeadJobs();
      const { job, release } = await start(actor, request);
      try {
        const c = await validateAndWrite(actor, job, request, onProgress ?? throttle(job.id));
        return { job: await finalJob(job.id), problems: c.problems };
      } catch (error) {
        await finishRejected(actor, job, null, 'failed').catch(() => {});
        throw error;
      } finally {
        await release();
      }
    },

    /** Web: store the upload, validate in the background; the job answers progress and problems. */
    async upload(actor: Actor, request: ImportRequest): Promise<ImportJob> {
      const { job, release } = await start(actor, request);
      try {
        await fs.mkdir(uploads, { recursive: true, mode: 0o700 });
        await fs.copyFile(request.file, stored(job.id));
        await fs.chmod(stored(job.id), 0o600);
        // The upload itself is a state change (a job and a stored file): audited before validation.
        await database.transaction((tx) =>
          recordAudit(tx, subjectOf(actor), {
            action: 'import.upload',
            result: 'success',
            objectType: 'import',
            objectId: job.id,
            detail: {
              kind: job.kind,
              year: job.year,
              file: job.fileName,
              sha256: job.sha256,
              bytes: job.sizeBytes,
            },
          }),
        );
      } catch (error) {
        await removeStored(job.id);
        await finishRejected(actor, job, null, 'failed').catch(() => {});
        await release();
        throw error;
      }
      void (async () => {
        let keep = false;
        try {
          const c = await check(actor, { ...request, file: stored(job.id) }, throttle(job.id));
          // The stored file goes before the job's outcome can be seen.
          if (c.errors > 0) {
            await removeStored(job.id);
            await finishRejected(actor, job, c);
          } else {
            keep = await repo.finishJob(db, job.id, {
              status: 'ready',
              rowsTotal: c.rowsTotal,
              errorCount: 0,
              warningCount: c.warnings,
              problems: c.problems,
              progress: null,
              sheet: sheetOf(c),
            });
          }
        } catch {
          await removeStored(job.id);
          await finishRejected(actor, job, null, 'failed').catch(() => {});
        } finally {
          await release();
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
      const outcome = { claim: 'not-ready' as 'claimed' | 'not-ready' | 'busy' };
      const claimed = await repo.runningJob(database.pool, async (d) => {
        outcome.claim = await repo.claimReadyJob(d, id, job.rowsTotal);
        return outcome.claim === 'claimed' ? { id } : null;
      });
      if (outcome.claim === 'busy') fail('IMPORT_BUSY');
      if (!claimed) return fail('IMPORT_NOT_READY');
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
          await claimed.release();
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

    /**
     * The enterprises an import changed (the list its audit row refers to), for the owner of the
     * import and the task force; checks access now, then yields the rows in batches.
     */
    async changes(actor: Actor, id: number) {
      requireImport(actor);
      const job = await repo.findJob(db, id, actor.role === 'task_force' ? null : actor.userId);
      if (!job) return fail('IMPORT_NOT_FOUND');
      return { job, batches: repo.iterateChanges(db, id) };
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

    /**
     * At start-up: jobs whose process died are marked failed (with the reason and an audit row);
     * jobs a live process (e.g. a CLI import) is running are left alone. Then the retention is
     * applied. Returns the ids of the jobs marked failed.
     */
    async failInterrupted(): Promise<number[]> {
      const failed = await failDeadJobs();
      await sweep();
      return failed;
    },

    /** Applies the upload retention now (also run after every upload and at start-up). */
    sweep,

    /** Where uploads wait for confirmation (for operators and tests). */
    uploadsDir: uploads,
  };
}
export type ImportService = ReturnType<typeof createImportService>;
