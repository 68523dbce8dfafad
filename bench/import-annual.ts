/**
 * Benchmark: import a 100,000-row annual workbook (fixed seed) and compare the whole import with
 * baselines measured in the same run: reading the file alone — with ExcelJS's streaming reader (the
 * previous reader) and with the chosen reader (spreadsheets/read) — and PostgreSQL COPY of the same
 * rows. Then the same file is imported again (nothing changes) and compared with the first load.
 * Goals: import ≤ 1.5 × (read + COPY) against both read baselines, re-import ≤ 2 × first load,
 * peak RSS < 500 MB.
 *
 *   node --expose-gc --import tsx bench/import-annual.ts [rows]   (embedded PostgreSQL in a temp dir, or DATABASE_URL)
 *
 * Peak RSS is sampled during the import only (after the baselines' data is freed); the worker
 * thread that parses the workbook counts, since it lives in the same process.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { connect, migrateDatabase, type Database } from '../src/platform/db/client';
import { openEmbedded } from '../src/platform/db/embedded';
import { demoUscc, seedDemo } from '../src/modules/demo/demo.seed';
import { createImportService } from '../src/modules/imports/imports.service';
import { PiKeyRing } from '../src/platform/crypto/personal-info';
import { readXlsx } from '../src/modules/spreadsheets/read/xlsx-reader';
import { COLUMNS } from '../src/modules/imports/core/columns';
import type { Actor } from '../src/modules/auth/core/access';

const ROWS = Number(process.argv[2] ?? 100_000);
const YEAR = 2025;
// Annual figures carry no personal information; a throw-away key ring satisfies the service.
const ring = new PiKeyRing([randomBytes(32)]);
const keys = () => ring;

const actor: Actor = {
  userId: 0,
  username: 'bench',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/** mulberry32: the same numbers on every run. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
};

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-bench-'));
  await fs.chmod(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await openEmbedded(dir);
  const database: Database = connect(
    process.env.DATABASE_URL ?? embedded!.url,
    embedded ? 'embedded' : 'external',
    embedded,
  );
  try {
    await migrateDatabase(database);
    await seedDemo(database);
    const platformId = (await database.pool.query('select id from platforms order by id limit 1')).rows[0]
      .id as number;
    const usccs = Array.from({ length: ROWS }, (_, i) => demoUscc('330114', 100_000 + i));
    // Register the enterprises (COPY), then write the workbook.
    {
      const client = await database.pool.connect();
      const copy = client.query(copyFrom('copy enterprises (uscc, name, platform_id) from stdin'));
      for (let i = 0; i < ROWS; i++)
        if (!copy.write(`${usccs[i]}\t基准企业${i}\t${platformId}\n`)) await once(copy, 'drain');
      copy.end();
      await once(copy, 'finish');
      client.release();
    }
    const random = prng(42);
    const file = path.join(dir, 'annual.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('年度数据');
    sheet.addRow(COLUMNS.annual.map((c) => c.header)).commit();
    let rows: number[][] = [];
    for (let i = 0; i < ROWS; i++) {
      const revenue = Math.round(Math.exp(7 + random() * 3) * 100) / 100;
      const figures = [
        revenue * 1.02,
        revenue,
        revenue * 0.05,
        revenue * 0.25,
        revenue * 0.04,
        revenue * 0.12,
        revenue * 0.001,
        revenue * 0.03,
        Math.ceil(revenue / 50),
        revenue * 0.1,
      ].map((v, k) => (k === 8 ? v : Math.round(v * 100) / 100));
      rows.push(figures);
      sheet.addRow([usccs[i], `基准企业${i}`, YEAR, ...figures]).commit();
    }
    await writer.commit();
    const size = (await fs.stat(file)).size;

    // Baseline 1: ExcelJS streaming reader reading the file alone.
    const [, readSeconds] = await time(async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: 'cache',
        styles: 'cache',
        worksheets: 'emit',
        hyperlinks: 'ignore',
      });
      let n = 0;
      for await (const ws of reader)
        for await (const row of ws) n += (row.values as unknown[]).length > 0 ? 1 : 0;
      return n;
    });
    // Baseline 1b: the chosen reader reading the file alone (same process, no worker).
    const [, ownReadSeconds] = await time(async () => {
      let n = 0;
      await readXlsx(await fs.readFile(file), { row: () => n++ }, { preferSheets: ['年度数据'] });
      return n;
    });
    // Baseline 2: COPY of the same rows into a table of the same shape.
    const ids = (await database.pool.query('select id, uscc from enterprises')).rows as {
      id: number;
      uscc: string;
    }[];
    const idOf = new Map(ids.map((r) => [r.uscc, r.id]));
    const [, copySeconds] = await time(async () => {
      const client = await database.pool.connect();
      await client.query('create temp table bench_years (like enterprise_years including defaults)');
      const copy = client.query(
        copyFrom(
          'copy bench_years (enterprise_id, year, output, revenue, tax, value_added, energy_tce, electricity, emissions, rd_spending, employees, fixed_asset_investment) from stdin',
        ),
      );
      for (let i = 0; i < ROWS; i++)
        if (!copy.write(`${idOf.get(usccs[i]!)}\t${YEAR}\t${rows[i]!.join('\t')}\n`))
          await once(copy, 'drain');
      copy.end();
      await once(copy, 'finish');
      await client.query('drop table bench_years');
      client.release();
    });
    // Free the baselines' data so that peak RSS below reflects the import.
    rows = [];
    idOf.clear();
    (globalThis as { gc?: () => void }).gc?.();
    peakRss = process.memoryUsage().rss;
    // The whole import through the service (parse in a worker, validate, one transaction).
    const phases: Record<string, number> = {};
    const t0 = performance.now();
    const [outcome, importSeconds] = await time(() =>
      createImportService(database, dir, keys).importNow(
        actor,
        { kind: 'annual', year: YEAR, file, fileName: 'annual.xlsx' },
        (phase) => {
          phases[phase] ??= +((performance.now() - t0) / 1000).toFixed(2);
        },
      ),
    );
    const importPeakRss = peakRss;
    // The same file again: every row is compared and none changes.
    const [again, reimportSeconds] = await time(() =>
      createImportService(database, dir, keys).importNow(actor, {
        kind: 'annual',
        year: YEAR,
        file,
        fileName: 'annual.xlsx',
      }),
    );
    clearInterval(sampler);
    const ratio = importSeconds / (readSeconds + copySeconds);
    const ownRatio = importSeconds / (ownReadSeconds + copySeconds);
    const reimportRatio = reimportSeconds / importSeconds;
    const result = {
      rows: ROWS,
      fileMB: +(size / 1e6).toFixed(1),
      status: outcome.job.status,
      importSeconds: +importSeconds.toFixed(2),
      rowsPerSecond: Math.round(ROWS / importSeconds),
      readBaselineSeconds: +readSeconds.toFixed(2),
      ownReadBaselineSeconds: +ownReadSeconds.toFixed(2),
      copyBaselineSeconds: +copySeconds.toFixed(2),
      ratioToBaselines: +ratio.toFixed(2),
      ratioToOwnReaderBaselines: +ownRatio.toFixed(2),
      reimport: {
        status: again.job.status,
        inserted: again.job.rowsInserted,
        updated: again.job.rowsUpdated,
        seconds: +reimportSeconds.toFixed(2),
      },
      reimportRatio: +reimportRatio.toFixed(2),
      peakRssMB: Math.round(importPeakRss / 1e6),
      peakRssWithReimportMB: Math.round(peakRss / 1e6),
      phaseStartSeconds: phases,
      goals: {
        ratio: ratio <= 1.5 ? 'met (≤ 1.5)' : 'NOT met (> 1.5)',
        ratioOwnReader: ownRatio <= 1.5 ? 'met (≤ 1.5)' : 'NOT met (> 1.5)',
        reimport: reimportRatio <= 2 ? 'met (≤ 2)' : 'NOT met (> 2)',
        rss: peakRss < 500e6 ? 'met (< 500 MB)' : 'NOT met (≥ 500 MB)',
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (outcome.job.status !== 'succeeded') console.log(outcome.problems.slice(0, 5));
  } finally {
    await database.close({ stopEmbedded: true });
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
