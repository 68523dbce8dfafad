/**
 * The chosen reader on the corpus: workbooks written by ExcelJS (normal and streaming, inline and
 * shared strings), SheetJS CE, openpyxl and LibreOffice, in three layouts (data sheet second of
 * three, hidden first tab, tabs reordered against their internal numbering). Every cell must match.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../core/ooxml';
import { CORPUS, DATA_SHEET, expectedRows, MERGED } from './corpus/spec';
import { readXlsx } from './xlsx-reader';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

describe('the reader on the corpus', () => {
  it('has every corpus file', async () => {
    const files = (await fs.readdir(DIR)).filter((f) => f.endsWith('.xlsx')).sort();
    expect(files).toEqual(CORPUS.map((c) => c.file).sort());
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))('%s', async (_name, file) => {
    const rows: { row: number; cells: RawCell[] }[] = [];
    const merged: string[] = [];
    const summary = await readXlsx(
      await fs.readFile(path.join(DIR, file.file)),
      { row: (row, cells) => rows.push({ row, cells }), merged: (ref) => merged.push(ref) },
      { preferSheets: [DATA_SHEET] },
    );
    expect(summary.sheet.name).toBe(file.sheet);
    expect(summary.sheet.reason).toBe(file.sheet === DATA_SHEET ? 'named' : 'first-visible');
    const expected = expectedRows(file);
    expect(rows.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(rows[i], `row ${expected[i]!.row}`).toEqual(expected[i]);
    expect(merged).toEqual(file.noMerged ? [] : MERGED);
  });
});
