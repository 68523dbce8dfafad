import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet } from './read-in-worker';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-parse-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('readSheet (in a worker)', () => {
  it('keeps Chinese text intact across the reader’s chunk boundaries', async () => {
    // Thousands of multi-byte names: with per-chunk decoding some would straddle a boundary.
    const names = Array.from({ length: 6000 }, (_, i) => `杭州市钱塘区第${i}号鑫淼犇骉智能装备制造有限公司`);
    const file = path.join(dir, 'chinese.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['企业名称', '数值']).commit();
    names.forEach((n, i) => ws.addRow([n, i]).commit());
    await wb.commit();
    const parsed = await readSheet(file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.failure));
    expect(parsed.sheet.header).toEqual(['企业名称', '数值']);
    expect(parsed.sheet.rows.map((r) => r.cells[0])).toEqual(names);
  });

  it('reports merged ranges and formula cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['a', 'b']);
    ws.addRow([{ formula: '1+1', result: 2 }, 'x']);
    ws.addRow(['y', 'z']);
    ws.mergeCells('B2:B3');
    const file = path.join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    const parsed = await readSheet(file);
    if (!parsed.ok) throw new Error('parse failed');
    expect(parsed.sheet.merged).toEqual(['B2:B3']);
    expect(parsed.sheet.rows[0]!.cells[0]).toEqual({ formula: true, result: 2 });
    expect(parsed.choice).toMatchObject({ name: '数据', reason: 'only' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'big.xlsx');
    await fs.writeFile(file, Buffer.alloc(2048));
    const parsed = await readSheet(file, { maxBytes: 1024 });
    expect(parsed).toMatchObject({ ok: false, failure: { code: 'FILE_TOO_LARGE' } });
  });

  it('a worker that runs out of memory ends the read, not the process', async () => {
    const names = Array.from({ length: 20000 }, (_, i) => `第${i}号`.repeat(20));
    const file = path.join(dir, 'heavy.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('数据');
    names.forEach((n) => ws.addRow([n, n, n]).commit());
    await wb.commit();
    const parsed = await readSheet(file, { maxWorkerMemoryMb: 8 });
    expect(parsed).toMatchObject({ ok: false, failure: { code: 'PARSE_FAILED' } });
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });
});
