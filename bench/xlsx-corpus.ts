/**
 * Regenerates the reader's corpus (src/modules/spreadsheets/read/corpus/*.xlsx) from corpus/spec.ts
 * with several writers: ExcelJS (Workbook; WorkbookWriter with inline and with shared strings),
 * SheetJS CE (@e965/xlsx, inline and shared strings), openpyxl (python3 with python3-openpyxl) and
 * LibreOffice (`soffice --headless --convert-to xlsx` of the ExcelJS files). Not run by the tests.
 *
 *   node --import tsx bench/xlsx-corpus.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import {
  dataRows,
  DATA_SHEET,
  EXTRA_SHEET,
  HELP_SHEET,
  HIDDEN_SHEET,
  MERGED,
  VISIBLE_NAME,
  type SpecCell,
} from '../src/modules/spreadsheets/read/corpus/spec';

const OUT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/modules/spreadsheets/read/corpus',
);

type Sheet = {
  name: string;
  rows: { row: number; cells: SpecCell[] }[];
  hidden?: boolean;
  merged?: string[];
};

const plainSheet = (s: { name: string; rows: unknown[][] }, hidden = false): Sheet => ({
  name: s.name,
  rows: s.rows.map((cells, i) => ({ row: i + 1, cells: cells as SpecCell[] })),
  hidden,
});

function layout(kind: 'three-sheets' | 'hidden-first'): Sheet[] {
  const data = { rows: dataRows(), merged: MERGED };
  return kind === 'three-sheets'
    ? [plainSheet(HELP_SHEET), { name: DATA_SHEET, ...data }, plainSheet(EXTRA_SHEET)]
    : [plainSheet(HIDDEN_SHEET, true), { name: VISIBLE_NAME, ...data }];
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function excelJsValue(c: SpecCell): ExcelJS.CellValue {
  if (c === null || typeof c !== 'object') return c;
  if ('date' in c) return toDate(c.date);
  if ('rich' in c)
    return {
      richText: c.rich.map((text, i) =>
        i === 0 ? { text, font: { color: { argb: 'FFFF0000' } } } : { text },
      ),
    };
  return { formula: c.formula, result: c.result };
}

async function writeExcelJs(file: string, sheets: Sheet[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    for (const r of s.rows) ws.getRow(r.row).values = r.cells.map(excelJsValue);
    for (const m of s.merged ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

async function writeExcelJsStream(file: string, sheets: Sheet[], useSharedStrings: boolean) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    for (const m of s.merged ?? []) ws.mergeCells(m);
    for (const r of s.rows) {
      const row = ws.getRow(r.row);
      row.values = r.cells.map(excelJsValue);
      r.cells.forEach((c, i) => {
        if (c && typeof c === 'object' && 'date' in c) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

async function writeSheetJs(file: string, sheets: Sheet[], bookSST: boolean) {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxR = 0;
    let maxC = 0;
    for (const r of s.rows)
      r.cells.forEach((c, i) => {
        if (c === null) return;
        const addr = XLSX.utils.encode_cell({ r: r.row - 1, c: i });
        maxR = Math.max(maxR, r.row - 1);
        maxC = Math.max(maxC, i);
        if (typeof c === 'string') ws[addr] = { t: 's', v: c };
        else if (typeof c === 'number') ws[addr] = { t: 'n', v: c };
        else if (typeof c === 'boolean') ws[addr] = { t: 'b', v: c };
        else if ('date' in c) ws[addr] = { t: 'd', v: toDate(c.date), z: 'yyyy-mm-dd' };
        else if ('rich' in c) ws[addr] = { t: 's', v: c.rich.join('') };
        else ws[addr] = { t: 'n', v: c.result, f: c.formula };
      });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
    if (s.merged) ws['!merges'] = s.merged.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  const out = XLSX.write(wb, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST,
    cellDates: false,
    compression: true,
  });
  await fs.writeFile(file, out as Buffer);
}

const PYTHON = `
import json, sys, datetime, openpyxl
spec = json.load(open(sys.argv[1], encoding='utf-8'))
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec['sheets']:
    ws = wb.create_sheet(s['name'])
    if s.get('hidden'): ws.sheet_state = 'hidden'
    for r in s['rows']:
        for i, c in enumerate(r['cells']):
            if c is None: continue
            cell = ws.cell(row=r['row'], column=i + 1)
            if isinstance(c, dict):
                if 'date' in c:
                    cell.value = datetime.date.fromisoformat(c['date'])
                    cell.number_format = 'yyyy-mm-dd'
                elif 'rich' in c: cell.value = ''.join(c['rich'])
                else: cell.value = '=' + c['formula']
            else: cell.value = c
    for m in s.get('merged') or []: ws.merge_cells(m)
wb.save(sys.argv[2])
`;

async function writeOpenpyxl(file: string, sheets: Sheet[], tmp: string) {
  const specFile = path.join(tmp, 'spec.json');
  await fs.writeFile(specFile, JSON.stringify({ sheets }));
  const script = path.join(tmp, 'write.py');
  await fs.writeFile(script, PYTHON);
  execFileSync('/usr/bin/python3', [script, specFile, file], { stdio: 'inherit' });
}

/** LibreOffice's own .xlsx, converted from `source` (another writer's file). */
async function writeLibreOffice(file: string, source: string, tmp: string) {
  const outDir = path.join(tmp, 'lo');
  await fs.mkdir(outDir, { recursive: true });
  const input = path.join(tmp, `lo-input-${path.basename(file)}`);
  await fs.copyFile(source, input);
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      input,
    ],
    { stdio: 'inherit', timeout: 180_000 },
  );
  await fs.copyFile(path.join(outDir, path.basename(input)), file);
}

// --- a minimal zip rewriter, to reorder the tabs of a workbook as Excel does when tabs are dragged.
interface Entry {
  name: string;
  data: Buffer;
}
function unzip(buf: Buffer): Entry[] {
  const entries: Entry[] = [];
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = zlib.deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Swaps the first two `<sheet>` elements of workbook.xml (tab order), keeping sheetN.xml names. */
async function reorderTabs(source: string, file: string) {
  const entries = unzip(await fs.readFile(source));
  const wb = entries.find((e) => e.name === 'xl/workbook.xml')!;
  const xml = wb.data.toString('utf8');
  const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
  // 填报 (sheet2.xml) becomes the first tab; 旧数据 (sheet1.xml) the second, and visible.
  const first = sheets[1]!;
  const second = sheets[0]!.replace(/ state="hidden"/, '');
  wb.data = Buffer.from(xml.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${first}${second}</sheets>`));
  await fs.writeFile(file, zip(entries));
}

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-corpus-'));
  try {
    await fs.mkdir(OUT, { recursive: true });
    for (const kind of ['three-sheets', 'hidden-first'] as const) {
      const sheets = layout(kind);
      const at = (prefix: string) => path.join(OUT, `${prefix}-${kind}.xlsx`);
      await writeExcelJs(at('exceljs'), sheets);
      await writeExcelJsStream(at('exceljs-stream-inline'), sheets, false);
      await writeExcelJsStream(at('exceljs-stream-shared'), sheets, true);
      await writeSheetJs(at('sheetjs-inline'), sheets, false);
      await writeSheetJs(at('sheetjs-shared'), sheets, true);
      await writeOpenpyxl(at('openpyxl'), sheets, tmp);
      // LibreOffice shows a hidden first sheet that is also the active tab (ExcelJS writes it so):
      // the hidden-first file is converted from openpyxl's, which makes the visible sheet active.
      await writeLibreOffice(
        at('libreoffice'),
        kind === 'hidden-first' ? at('openpyxl') : at('exceljs'),
        tmp,
      );
    }
    await reorderTabs(
      path.join(OUT, 'openpyxl-hidden-first.xlsx'),
      path.join(OUT, 'openpyxl-reordered.xlsx'),
    );
    for (const f of (await fs.readdir(OUT)).filter((f) => f.endsWith('.xlsx')).sort())
      console.log(`${f}\t${(await fs.stat(path.join(OUT, f))).size} bytes`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

await main();
