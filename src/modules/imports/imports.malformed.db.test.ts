/**
 * Fault suite, malformed workbooks (security checklist #32, #33, #37; issue 11 deliverable 6): a
 * corpus of more than 30 files generated here — broken containers, hostile zips, odd sheets,
 * odd headers, odd cells, and sizes at the limits. Each is accepted or rejected as specified,
 * with a message in Chinese and English that says what and where; nothing crashes, the memory of
 * the process (the reading worker runs inside it) stays bounded, and a rejected file leaves the
 * data exactly as it was. A few go through the upload route as well.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { testDatabase, testKeyRing } from '../../test/database';
import { workbookXlsx, zip } from '../../test/zip';
import type { Actor } from '../auth/core/access';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { COLUMNS } from './core/columns';
import { createImportService } from './imports.service';

let database: Database;
let dir: string;
const actor: Actor = {
  userId: 0,
  username: 'corpus',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};
const YEAR = 2025;
const usccs = Array.from({ length: 3 }, (_, i) => demoUscc('330114', 7000 + i));
const E = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;
const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;
const PLATFORM = '钱塘新区产业集聚区';

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ref = (col: number, row: number) => `${String.fromCharCode(65 + col)}${row}`;
/** Sheet XML rows from values: strings inline, numbers as numbers, `{ f, v? }` as formulas. */
function sheetRows(rows: unknown[][], from = 1): string {
  return rows
    .map(
      (r, i) =>
        `<row r="${from + i}">${r
          .map((v, c) => {
            const at = ref(c, from + i);
            if (v === null || v === undefined) return '';
            if (typeof v === 'number') return `<c r="${at}"><v>${v}</v></c>`;
            if (typeof v === 'object') {
              const { f, v: cached } = v as { f: string; v?: number };
              return `<c r="${at}"><f>${esc(f)}</f>${cached === undefined ? '' : `<v>${cached}</v>`}</c>`;
            }
            return `<c r="${at}" t="inlineStr"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
}
const annualHeader = [A('uscc'), A('year'), A('revenue'), A('tax'), A('employees')];
const annualRows = (f: (u: string, i: number) => unknown[] = (u, i) => [u, YEAR, 100 + i, 5 + i, 10 + i]) =>
  usccs.map(f);
const annual = (rows: unknown[][] = annualRows(), header: unknown[] = annualHeader, extra = {}) =>
  workbookXlsx([{ name: '年度数据', data: sheetRows([header, ...rows]), ...extra }]);
const registryHeader = [E('uscc'), E('name'), E('platform'), E('industryClass')];
const registry = (rows: unknown[][]) =>
  workbookXlsx([{ name: '企业名录', data: sheetRows([registryHeader, ...rows]) }]);

async function exceljs(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An OLE2 compound file whose directory names the streams of an encrypted workbook. */
function encryptedOle(): Buffer {
  const sector = 512;
  const buf = Buffer.alloc(sector * 4);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24);
  buf.writeUInt16LE(0x0003, 26);
  buf.writeUInt16LE(0xfffe, 28);
  buf.writeUInt16LE(9, 30);
  buf.writeUInt16LE(6, 32);
  buf.writeUInt32LE(1, 44); // one FAT sector
  buf.writeUInt32LE(1, 48); // directory starts at sector 1
  buf.writeUInt32LE(4096, 56);
  buf.writeUInt32LE(0xfffffffe, 60);
  buf.writeUInt32LE(0xfffffffe, 68);
  buf.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector; // sector 0
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  const dirAt = sector * 2; // sector 1
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const at = dirAt + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(buf, at);
    buf.writeUInt16LE(utf16.length, at + 64);
    buf[at + 66] = i === 0 ? 5 : 2;
    buf.writeUInt32LE(0xffffffff, at + 68);
    buf.writeUInt32LE(i === 1 ? 2 : 0xffffffff, at + 72);
    buf.writeUInt32LE(i === 0 ? 1 : 0xffffffff, at + 76);
  });
  return buf;
}

/** A zip whose one entry claims 1 KB but inflates to `size` bytes of spaces. */
function declaredSmallBomb(size: number): Buffer {
  const raw = Buffer.alloc(size, 0x20);
  const data = deflateRawSync(raw, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1024, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

interface Case {
  name: string;
  kind?: 'annual' | 'enterprises';
  file: () => Buffer | Promise<Buffer>;
  /** 'accepted', or the problem codes the rejection must name (first = the headline). */
  expect: 'accepted' | string[];
  /** For row problems: where (sheet, row, column header) the first one must point. */
  at?: { row: number; column?: string };
  /** Warnings an accepted file must carry. */
  warns?: string[];
}

const valid = () => annual();
const CASES: Case[] = [
  // Containers that are not a workbook.
  {
    name: 'truncated zip',
    file: () => valid().subarray(0, Math.floor(valid().length / 2)),
    expect: ['NOT_XLSX'],
  },
  {
    name: 'random bytes',
    file: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    expect: ['NOT_XLSX'],
  },
  { name: 'empty file', file: () => Buffer.alloc(0), expect: ['NOT_XLSX'] },
  {
    name: 'CSV renamed .xlsx',
    file: () => Buffer.from(`${annualHeader.join(',')}\n${usccs[0]},${YEAR},1,2,3\n`),
    expect: ['NOT_XLSX'],
  },
  {
    name: 'CSV with a BOM renamed .xlsx',
    file: () => Buffer.from(`\uFEFF${annualHeader.join(',')}\n`),
    expect: ['NOT_XLSX'],
  },
  {
    name: '.xls renamed .xlsx',
    file: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]),
    expect: ['NOT_XLSX'],
  },
  { name: 'password-protected (encrypted OLE)', file: encryptedOle, expect: ['NOT_XLSX'] },
  {
    name: 'a zip with no workbook in it',
    file: () => zip([{ name: 'readme.txt', data: 'hello' }]),
    expect: ['NOT_XLSX'],
  },
  // Hostile zips (checklist #32).
  {
    name: 'declared-small zip bomb (1 KB claimed, 200 MB inside)',
    file: () => declaredSmallBomb(200 * 1024 * 1024),
    expect: ['ZIP_REJECTED', 'PARSE_FAILED', 'NOT_XLSX'],
  },
  {
    name: 'zip bomb by ratio',
    file: () => zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20) }]),
    expect: ['ZIP_REJECTED'],
  },
  {
    name: '10,000 entries',
    file: () => zip(Array.from({ length: 10_000 }, (_, i) => ({ name: `x/${i}.xml`, data: '' }))),
    expect: ['ZIP_REJECTED'],
  },
  {
    name: '../ entry',
    file: () =>
      zip([
        { name: '../../evil.xml', data: '<x/>' },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
      ]),
    expect: ['ZIP_REJECTED'],
  },
  // Sheets.
  {
    name: 'empty workbook',
    file: () => workbookXlsx([{ name: '年度数据', data: '' }]),
    expect: ['MISSING_COLUMN', 'NO_DATA'],
  },
  { name: 'header only', file: () => annual([]), expect: ['NO_DATA'] },
  {
    name: 'hidden first sheet, data on the second',
    file: () =>
      workbookXlsx([
        { name: '旧数据', data: sheetRows([['x'], [1]]), state: 'hidden' },
        { name: '年度数据', data: sheetRows([annualHeader, ...annualRows()]) },
      ]),
    expect: 'accepted',
  },
  {
    name: 'extra sheets around the data',
    file: () =>
      workbookXlsx([
        { name: '说明', data: sheetRows([['说明'], ['本表']]) },
        { name: '年度数据', data: sheetRows([annualHeader, ...annualRows()]) },
        { name: '附表', data: sheetRows([['其他'], [1]]) },
      ]),
    expect: 'accepted',
  },
  // Headers.
  {
    name: 'missing header (USCC)',
    file: () =>
      annual(
        annualRows((u, i) => [YEAR, 1 + i, 1, 1]),
        annualHeader.slice(1),
      ),
    expect: ['MISSING_COLUMN'],
  },
  {
    name: 'duplicated header',
    file: () =>
      annual(
        annualRows((u, i) => [u, YEAR, 1 + i, 1, 1, 2]),
        [...annualHeader, A('revenue')],
      ),
    expect: ['DUPLICATE_COLUMN'],
  },
  {
    name: 'shuffled headers',
    file: () =>
      annual(
        annualRows((u, i) => [10 + i, u, 5, YEAR, 100 + i]),
        [A('employees'), A('uscc'), A('tax'), A('year'), A('revenue')],
      ),
    expect: 'accepted',
  },
  {
    name: 'unknown extra column',
    file: () =>
      annual(
        annualRows((u, i) => [u, YEAR, 1 + i, 1, 1, 'x']),
        [...annualHeader, '备注信息'],
      ),
    expect: ['UNKNOWN_COLUMN'],
  },
  {
    name: 'BOM and spaces in a header',
    file: () => annual(annualRows(), [`\uFEFF${A('uscc')}`, ` ${A('year')} `, ...annualHeader.slice(2)]),
    expect: 'accepted',
  },
  // Cells.
  {
    name: 'merged cells',
    file: () =>
      annual(annualRows(), annualHeader, {
        tail: '<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>',
      }),
    expect: ['MERGED_CELLS'],
  },
  {
    name: 'merged cells over the whole sheet (A1:XFD1048576)',
    file: () =>
      annual(annualRows(), annualHeader, {
        tail: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      }),
    expect: ['MERGED_CELLS'],
  },
  {
    name: 'formulas with cached values',
    file: () => annual(annualRows((u, i) => [u, YEAR, { f: `${100 + i}*1`, v: 100 + i }, 5, 10])),
    expect: 'accepted',
    warns: ['FORMULA_CACHED'],
  },
  {
    name: 'formula without a cached value',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 1 ? { f: 'SUM(Z1:Z9)' } : 100, 5, 10])),
    expect: ['FORMULA_NO_VALUE'],
    at: { row: 3, column: A('revenue') },
  },
  {
    name: 'numbers as text',
    file: () => annual(annualRows((u, i) => [u, String(YEAR), `${100 + i}.5`, '5', '10'])),
    expect: 'accepted',
  },
  {
    name: '全角 digits',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 2 ? '１２３' : 100, 5, 10])),
    expect: 'accepted',
  },
  {
    name: 'a number too large (1e308)',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 0 ? 1e308 : 100, 5, 10])),
    expect: ['OUT_OF_RANGE'],
    at: { row: 2, column: A('revenue') },
  },
  {
    name: 'NaN',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 1 ? 'NaN' : 100, 5, 10])),
    expect: ['NOT_A_NUMBER'],
    at: { row: 3, column: A('revenue') },
  },
  {
    name: 'Infinity as text',
    file: () => annual(annualRows((u, i) => [u, YEAR, 100, i === 0 ? 'Infinity' : 5, 10])),
    expect: ['NOT_A_NUMBER'],
    at: { row: 2, column: A('tax') },
  },
  {
    name: 'an error cell (#DIV/0!)',
    file: () =>
      workbookXlsx([
        {
          name: '年度数据',
          data: sheetRows([annualHeader, ...annualRows()]).replace(
            `<c r="C2"><v>100</v></c>`,
            '<c r="C2" t="e"><v>#DIV/0!</v></c>',
          ),
        },
      ]),
    expect: ['CELL_ERROR'],
    at: { row: 2, column: A('revenue') },
  },
  {
    name: 'invisible characters in a number',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 0 ? '1\u200b00' : 100, 5, 10])),
    expect: ['INVISIBLE_CHARACTER', 'NOT_A_NUMBER'],
    at: { row: 2, column: A('revenue') },
  },
  {
    name: 'a date as text where a number belongs',
    file: () => annual(annualRows((u, i) => [u, YEAR, i === 0 ? '2024-01-05' : 100, 5, 10])),
    expect: ['NOT_A_NUMBER'],
    at: { row: 2, column: A('revenue') },
  },
  {
    name: 'the wrong year',
    file: () => annual(annualRows((u, i) => [u, i === 0 ? 2019 : YEAR, 100, 5, 10])),
    expect: ['YEAR_MISMATCH'],
    at: { row: 2, column: A('year') },
  },
  {
    name: 'an unknown enterprise',
    file: () => annual([[demoUscc('330114', 9999), YEAR, 1, 1, 1]]),
    expect: ['UNKNOWN_ENTERPRISE'],
    at: { row: 2 },
  },
  {
    name: 'registry: emoji and a BOM in a name',
    kind: 'enterprises',
    file: () => registry([[demoUscc('330114', 8100), '\uFEFF杭州😀测试科技有限公司', PLATFORM, '3973']]),
    expect: ['INVISIBLE_CHARACTER'],
    at: { row: 2, column: E('name') },
  },
  {
    name: 'registry: emoji in a name',
    kind: 'enterprises',
    file: () => registry([[demoUscc('330114', 8101), '杭州😀测试科技有限公司', PLATFORM, '3973']]),
    expect: 'accepted',
  },
  {
    name: 'registry: a 32,767-character name',
    kind: 'enterprises',
    file: () => registry([[demoUscc('330114', 8102), '杭'.repeat(32_767), PLATFORM, '3973']]),
    expect: ['TEXT_TOO_LONG'],
    at: { row: 2, column: E('name') },
  },
  {
    name: 'registry: a date as text, and an impossible date',
    kind: 'enterprises',
    file: () =>
      workbookXlsx([
        {
          name: '企业名录',
          data: sheetRows([
            [...registryHeader, E('label:high_tech')],
            [demoUscc('330114', 8103), '杭州日期科技有限公司', PLATFORM, '3973', '2024-13-45'],
          ]),
        },
      ]),
    expect: ['BAD_DATE'],
    at: { row: 2, column: E('label:high_tech') },
  },
  {
    name: 'ExcelJS workbook with a hidden data sheet only',
    file: () =>
      exceljs((wb) => {
        const ws = wb.addWorksheet('年度数据', { state: 'hidden' });
        ws.addRow(annualHeader);
      }),
    expect: ['NO_DATA', 'MISSING_COLUMN'],
  },
  // Sizes at the limits.
  {
    name: '200,001 data rows',
    file: () => annual(Array.from({ length: 200_001 }, (_, i) => [usccs[i % 3], YEAR, i, 1, 1])),
    expect: ['TOO_MANY_ROWS'],
  },
  {
    name: 'a dimension claiming 1,048,576 × 16,384 cells',
    file: () => annual(annualRows(), annualHeader, { head: '<dimension ref="A1:XFD1048576"/>' }),
    expect: ['TOO_MANY_ROWS', 'TOO_MANY_CELLS'],
  },
  {
    name: 'a column range to XFD',
    file: () =>
      annual(annualRows(), annualHeader, { head: '<cols><col min="1" max="16384" width="9"/></cols>' }),
    expect: 'accepted',
  },
];

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-corpus-'));
  // The three enterprises the annual files name.
  const file = path.join(dir, 'seed.xlsx');
  await fs.writeFile(
    file,
    registry(usccs.map((u, i) => [u, `杭州语料${i}号科技有限公司`, PLATFORM, '3973'])),
  );
  const seeded = await createImportService(database, dir, testKeyRing).importNow(actor, {
    kind: 'enterprises',
    year: null,
    file,
    fileName: 'seed.xlsx',
  });
  expect(seeded.job.status).toBe('succeeded');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function fingerprint() {
  const out: string[] = [];
  for (const t of ['enterprises', 'enterprise_years', 'enterprise_labels', 'enterprise_contacts']) {
    const { rows } = await database.pool.query<{ h: string }>(
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`,
    );
    out.push(rows[0]!.h);
  }
  return out.join(' ');
}

describe('malformed-workbook corpus', { timeout: 600_000 }, () => {
  it(`has at least 30 files, each accepted or rejected as specified, in bounded memory`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const svc = createImportService(database, dir, testKeyRing);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const report: { name: string; outcome: string; ms: number }[] = [];
    try {
      for (const c of CASES) {
        const file = path.join(dir, `case.xlsx`);
        await fs.writeFile(file, await c.file());
        const before = await fingerprint();
        const started = Date.now();
        const kind = c.kind ?? 'annual';
        const { job, problems } = await svc.importNow(
          actor,
          { kind, year: kind === 'annual' ? YEAR : null, file, fileName: `${c.name}.xlsx` },
          () => {},
        );
        const ms = Date.now() - started;
        const errors = problems.filter((p) => p.severity === 'error');
        report.push({ name: c.name, outcome: `${job.status} ${errors.map((p) => p.code).join(',')}`, ms });
        for (const p of problems) {
          expect(p.zh, c.name).toMatch(/[\u4e00-\u9fff]/);
          expect(p.en, c.name).toMatch(/[A-Za-z]{3}/);
        }
        if (c.expect === 'accepted') {
          expect(
            errors.map((p) => `${p.code} r${p.row} ${p.column}: ${p.en}`),
            c.name,
          ).toEqual([]);
          expect(job.status, c.name).toBe('succeeded');
          for (const w of c.warns ?? [])
            expect(
              problems.map((p) => p.code),
              c.name,
            ).toContain(w);
        } else {
          expect(job.status, c.name).toBe('rejected');
          expect(c.expect, `${c.name}: ${errors.map((p) => `${p.code}: ${p.en}`).join('; ')}`).toContain(
            errors[0]!.code,
          );
          expect(await fingerprint(), `${c.name}: data changed`).toBe(before);
          if (c.at) {
            const first = errors[0]!;
            expect(first.row, c.name).toBe(c.at.row);
            expect(first.sheet, c.name).not.toBe('');
            if (c.at.column) expect(first.column, c.name).toBe(c.at.column);
          } else if (errors[0]!.row === 0) {
            // A problem of the whole file says so, with what was found.
            expect(`${errors[0]!.zh} ${errors[0]!.en}`.length, c.name).toBeGreaterThan(12);
          }
        }
        expect(ms, `${c.name} took ${ms} ms`).toBeLessThan(60_000);
      }
    } finally {
      clearInterval(sampler);
      console.log(
        `malformed corpus: ${report.length} files; peak RSS ${Math.round(peak / 2 ** 20)} MB (baseline ${Math.round(baseline / 2 ** 20)} MB)\n` +
          report.map((r) => `  ${r.name}: ${r.outcome} (${r.ms} ms)`).join('\n'),
      );
    }
    // The worker is capped (384 MB old space); the process as a whole stays well under 1.5 GB.
    expect(peak - baseline).toBeLessThan(1024 * 2 ** 20);
  });
});
