// Parses the first worksheet of an .xlsx file in a worker thread (memory-limited by its parent):
// streams rows with ExcelJS and reports merged cells. Messages: {type:'header'|'rows'|'done'|'error'}.
// Plain JavaScript so that it runs in a worker without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import nodePath from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

// ExcelJS's streaming XML reader decodes every chunk on its own, which corrupts a multi-byte
// UTF-8 character (most Chinese text) that straddles two chunks. Its SAX helper is replaced, before
// ExcelJS loads, by the same loop with a StringDecoder that carries partial characters over.
const require = createRequire(import.meta.url);
const saxPath = nodePath.join(nodePath.dirname(require.resolve('exceljs')), 'lib', 'utils', 'parse-sax.js');
if (!fs.existsSync(saxPath)) throw new Error(`ExcelJS layout changed: ${saxPath} is missing`);
const { SaxesParser } = require('saxes');
async function* parseSax(iterable) {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error;
  parser.on('error', (err) => {
    error = err;
  });
  let events = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length) yield events;
}
require.cache[saxPath] = { id: saxPath, filename: saxPath, loaded: true, exports: parseSax };
const ExcelJS = require('exceljs');

const { path, batchSize = 2000, sheetEntry, sheetOffset, sheetCompressedSize, sheetMethod } = workerData;

function toCell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const r = value.result;
      if (r instanceof Date) return { formula: true, result: r.toISOString().slice(0, 10) };
      if (r !== null && typeof r === 'object' && 'error' in r) return { error: String(r.error) };
      return { formula: true, result: r === undefined ? null : r };
    }
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('error' in value) return { error: String(value.error) };
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** Merged ranges: `<mergeCell ref="A2:B2"/>` elements, found by inflating the sheet's zip entry. */
async function mergedCells() {
  if (!sheetEntry) return [];
  const fd = fs.openSync(path, 'r');
  const header = Buffer.alloc(30);
  fs.readSync(fd, header, 0, 30, sheetOffset);
  const dataStart = sheetOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  fs.closeSync(fd);
  const raw = fs.createReadStream(path, { start: dataStart, end: dataStart + sheetCompressedSize - 1 });
  const stream = sheetMethod === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  const found = [];
  let tail = '';
  for await (const chunk of stream) {
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) found.push(m[1]);
    tail = text.slice(-64);
    if (found.length > 1000) break;
  }
  return [...new Set(found)];
}

async function main() {
  // The merged-cell scan reads the sheet XML a second time; it runs alongside the row stream.
  const merged = mergedCells();
  merged.catch(() => {});
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sent = false;
  for await (const worksheet of reader) {
    if (sent) break; // only the first sheet holds data; the others explain the columns
    sent = true;
    let batch = [];
    let rows = 0;
    for await (const row of worksheet) {
      const values = row.values; // 1-based
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
      if (row.number === 1) {
        parentPort.postMessage({ type: 'header', sheet: worksheet.name, cells });
        continue;
      }
      batch.push({ row: row.number, cells });
      rows++;
      if (batch.length >= batchSize) {
        parentPort.postMessage({ type: 'rows', rows: batch, count: rows });
        batch = [];
      }
    }
    if (batch.length) parentPort.postMessage({ type: 'rows', rows: batch, count: rows });
    parentPort.postMessage({ type: 'sheet', name: worksheet.name ?? 'Sheet1' });
  }
  parentPort.postMessage({ type: 'done', merged: await merged });
}

main().catch((error) => parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) }));
