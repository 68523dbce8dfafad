/**
 * Chooses the .xlsx reader by measurement. Every candidate reads the corpus
 * (src/modules/spreadsheets/read/corpus, see bench/xlsx-corpus.ts) — picking the sheet by the same
 * rule (the template's name 年度数据, else the first visible tab) where the library exposes sheet
 * names and visibility — and every cell is compared; then each reads a 100,000-row annual workbook
 * (fixed content) in a child process of its own, for time and peak RSS.
 *
 *   node --import tsx bench/xlsx-readers.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { RawCell } from '../src/modules/spreadsheets/core/ooxml';
import { CORPUS, DATA_SHEET, expectedRows, MERGED } from '../src/modules/spreadsheets/read/corpus/spec';
import { readXlsx } from '../src/modules/spreadsheets/read/xlsx-reader';
import { COLUMNS } from '../src/modules/imports/core/columns';

const HERE = fileURLToPath(import.meta.url);
const CORPUS_DIR = path.resolve(path.dirname(HERE), '../src/modules/spreadsheets/read/corpus');

interface Sheet {
  name: string;
  rows: { row: number; cells: RawCell[] }[];
  merged: string[];
}
type Reader = (file: string, onRow?: (row: number, cells: RawCell[]) => void) => Promise<Sheet>;

/** ExcelJS cell values as RawCell (the conversion the import worker used with ExcelJS). */
function fromExcelJs(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const r = (value as { result?: unknown }).result;
      if (r instanceof Date) return { formula: true, result: r.toISOString().slice(0, 10) };
      if (r !== null && typeof r === 'object' && 'error' in r)
        return { error: String((r as { error: unknown }).error) };
      return { formula: true, result: r === undefined ? null : (r as number | string | boolean | null) };
    }
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('error' in value) return { error: String(value.error) };
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

const trim = (cells: RawCell[]) => {
  while (cells.length && cells[cells.length - 1] === null) cells.pop();
  return cells;
};
const keep = (cells: RawCell[]) => cells.some((c) => c !== null);

function pick<T extends { name: string; hidden: boolean }>(sheets: T[]): T | undefined {
  return sheets.find((s) => s.name === DATA_SHEET) ?? sheets.find((s) => !s.hidden) ?? sheets[0];
}

const READERS: Record<string, Reader> = {
  /** Ours: counted streaming inflate, a scanner for the sheet XML, sheet by name / first visible tab. */
  async yiyuan(file, onRow) {
    const rows: Sheet['rows'] = [];
    const merged: string[] = [];
    const summary = await readXlsx(
      await fs.readFile(file),
      {
        row: (row, cells) => (onRow ? onRow(row, cells) : rows.push({ row, cells })),
        merged: (ref) => merged.push(ref),
      },
      { preferSheets: [DATA_SHEET] },
    );
    return { name: summary.sheet.name, rows, merged };
  },
  /** ExcelJS's streaming WorkbookReader (the previous import reader, without its UTF-8 patch). */
  async 'exceljs-stream'(file, onRow) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    });
    const sheets: Sheet[] = [];
    for await (const ws of reader) {
      const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
      const rows: Sheet['rows'] = [];
      for await (const row of w) {
        const values = row.values as ExcelJS.CellValue[];
        const cells = trim(
          Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => fromExcelJs(values[i + 1]!)),
        );
        if (!keep(cells)) continue;
        if (onRow) onRow(row.number, cells);
        else rows.push({ row: row.number, cells });
      }
      sheets.push({ name: w.name ?? `sheet${w.id}`, rows, merged: [] });
    }
    // The streaming reader knows no visibility: by name, else the first sheet it emits.
    return sheets.find((s) => s.name === DATA_SHEET) ?? sheets[0]!;
  },
  /** ExcelJS's Workbook.xlsx.readFile (whole workbook in memory). */
  async 'exceljs-load'(file, onRow) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ordered = wb.worksheets.map((ws) => ({ ws, name: ws.name, hidden: ws.state !== 'visible' }));
    const chosen = pick(ordered)!;
    const rows: Sheet['rows'] = [];
    chosen.ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells = trim(
        Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => fromExcelJs(values[i + 1]!)),
      );
      if (!keep(cells)) return;
      if (onRow) onRow(n, cells);
      else rows.push({ row: n, cells });
    });
    const merges = (chosen.ws as unknown as { _merges: Record<string, { range: string }> })._merges;
    return { name: chosen.name, rows, merged: Object.values(merges).map((m) => m.range) };
  },
  /** SheetJS CE (@e965/xlsx) XLSX.read of the whole file. */
  async sheetjs(file, onRow) {
    const wb = XLSX.read(await fs.readFile(file), { cellFormula: true, cellNF: true, cellDates: false });
    const ordered = wb.SheetNames.map((name, i) => ({
      name,
      hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden),
    }));
    const chosen = pick(ordered)!;
    const ws = wb.Sheets[chosen.name]!;
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
    const rows: Sheet['rows'] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: RawCell[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        let v: RawCell = null;
        if (cell && cell.v !== undefined) {
          if (cell.t === 'e') v = { error: cell.w ?? String(cell.v) };
          else if (cell.t === 'n' && cell.z && XLSX.SSF.is_date(String(cell.z)))
            v = { date: XLSX.SSF.format('yyyy-mm-dd', cell.v as number) };
          else if (cell.t === 'd') v = { date: new Date(cell.v as Date).toISOString().slice(0, 10) };
          else v = cell.v as string | number | boolean;
        }
        if (cell?.f !== undefined) v = { formula: true, result: v as number | string | boolean | null };
        cells[c] = v;
      }
      trim(cells);
      if (!keep(cells)) continue;
      if (onRow) onRow(r + 1, cells);
      else rows.push({ row: r + 1, cells });
    }
    return { name: chosen.name, rows, merged: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)) };
  },
};

/** Child process: read `file` with `reader`, counting rows; print seconds and peak RSS. */
async function child(reader: string, file: string) {
  const started = performance.now();
  let rows = 0;
  await READERS[reader]!(file, () => rows++);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({ rows, seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
}

async function corpusScore(reader: string) {
  const failures: string[] = [];
  for (const file of CORPUS) {
    try {
      const sheet = await READERS[reader]!(path.join(CORPUS_DIR, file.file));
      const expected = expectedRows(file);
      const why =
        sheet.name !== file.sheet
          ? `read sheet “${sheet.name}” instead of “${file.sheet}”`
          : sheet.rows.length !== expected.length
            ? `${sheet.rows.length} rows instead of ${expected.length}`
            : (() => {
                const bad = expected.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(sheet.rows[i]));
                if (bad >= 0)
                  return `row ${expected[bad]!.row}: ${JSON.stringify(sheet.rows[bad]?.cells).slice(0, 160)}`;
                if (JSON.stringify(sheet.merged) !== JSON.stringify(file.noMerged ? [] : MERGED))
                  return `merged ${JSON.stringify(sheet.merged)}`;
                return null;
              })();
      if (why) failures.push(`${file.file}: ${why}`);
    } catch (error) {
      failures.push(`${file.file}: threw ${(error as Error).message.slice(0, 120)}`);
    }
  }
  return { correct: CORPUS.length - failures.length, of: CORPUS.length, failures };
}

async function writeAnnual(file: string, rows: number) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = writer.addWorksheet('年度数据');
  sheet.addRow(COLUMNS.annual.map((c) => c.header)).commit();
  for (let i = 0; i < rows; i++) {
    const revenue = 1000 + ((i * 7919) % 20000) / 4;
    sheet
      .addRow([
        `91330100MA${String(i).padStart(7, '0')}X`,
        `杭州基准企业${i}号有限公司`,
        2025,
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
      ])
      .commit();
  }
  await writer.commit();
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv[4]!);
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-readers-'));
  try {
    const file = path.join(dir, 'annual.xlsx');
    await writeAnnual(file, rows);
    const size = (await fs.stat(file)).size;
    const results: Record<string, unknown> = {};
    for (const reader of Object.keys(READERS)) {
      const corpus = await corpusScore(reader);
      let speed: unknown;
      try {
        const out = execFileSync(process.execPath, ['--import', 'tsx', HERE, '--child', reader, file], {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
          timeout: 600_000,
        });
        speed = JSON.parse(out.trim().split('\n').pop()!);
      } catch (error) {
        speed = { failed: (error as Error).message.split('\n')[0] };
      }
      results[reader] = {
        corpus: `${corpus.correct}/${corpus.of}`,
        [`read ${rows} rows`]: speed,
        failures: corpus.failures,
      };
    }
    console.log(JSON.stringify({ file: { rows, MB: +(size / 1e6).toFixed(1) }, readers: results }, null, 2));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
