/** Import service on a real database: rejects bad files whole, idempotent, safe against crafted files. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseYears, enterprises } from '../../platform/db/schema';
import type { Database } from '../../platform/db/client';
import { testDatabase, testKeyRing } from '../../test/database';
import type { Actor } from '../auth/core/access';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { COLUMNS } from './core/columns';
import { createImportService } from './imports.service';
import { templateWorkbook } from './imports.workbooks';

let database: Database;
let dir: string;
const actor: Actor = {
  userId: 0,
  username: 'test',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};
const svc = () => createImportService(database, dir, testKeyRing);

const E = (name: string) => COLUMNS.enterprises.find((c) => c.key === name)!.header;
const A = (name: string) => COLUMNS.annual.find((c) => c.key === name)!.header;

async function workbook(
  file: string,
  header: string[],
  rows: unknown[][],
  edit?: (ws: ExcelJS.Worksheet) => void,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  const target = path.join(dir, file);
  await wb.xlsx.writeFile(target);
  return target;
}

const usccs = Array.from({ length: 6 }, (_, i) => demoUscc('330114', 1000 + i));

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-import-'));
});

describe('enterprise registry import', () => {
  it('imports a clean file, then the same file again changes nothing', async () => {
    const file = await workbook(
      'ent.xlsx',
      [
        E('uscc'),
        E('name'),
        E('platform'),
        E('industryClass'),
        E('ownLandMu'),
        E('label:high_tech'),
        E('contactPhone'),
      ],
      usccs.map((u, i) => [
        u,
        `杭州测试${i}号科技有限公司`,
        '钱塘新区产业集聚区',
        '3973',
        10 + i,
        i % 2 ? '2024-01-05' : '',
        '13812345678',
      ]),
    );
    const first = await svc().importNow(actor, {
      kind: 'enterprises',
      year: null,
      file,
      fileName: 'ent.xlsx',
    });
    expect(first.job.status, JSON.stringify(first.problems)).toBe('succeeded');
    expect(first.job.rowsInserted).toBe(6);
    expect(first.job.sha256).toMatch(/^[0-9a-f]{64}$/);
    const snapshot = async () =>
      (
        await database.pool.query(
          'select uscc, name, platform_id, industry_class, own_land_mu, version from enterprises order by uscc',
        )
      ).rows;
    const before = await snapshot();
    const second = await svc().importNow(actor, {
      kind: 'enterprises',
      year: null,
      file,
      fileName: 'ent.xlsx',
    });
    expect(second.job).toMatchObject({ status: 'succeeded', rowsInserted: 0, rowsUpdated: 0 });
    expect(await snapshot()).toEqual(before);
    const labels = await database.pool.query(
      `select count(*)::int as n from enterprise_labels where label = 'high_tech'`,
    );
    expect(labels.rows[0].n).toBe(3);
  });

  it('sets the rating exemption (不定等级) where the file has the column, and leaves it alone where not', async () => {
    const withColumn = await workbook(
      'exempt.xlsx',
      [E('uscc'), E('name'), E('platform'), E('ratingExemption')],
      [
        [usccs[0], '杭州测试0号科技有限公司', '钱塘新区产业集聚区', '公用事业'],
        [usccs[1], '杭州测试1号科技有限公司', '钱塘新区产业集聚区', ''],
      ],
    );
    const done = await svc().importNow(actor, {
      kind: 'enterprises',
      year: null,
      file: withColumn,
      fileName: 'exempt.xlsx',
    });
    expect(done.job.status, JSON.stringify(done.problems)).toBe('succeeded');
    const exemptions = async () =>
      (
        await database.pool.query(
          'select uscc, rating_exemption from enterprises where uscc = any($1) order by uscc',
          [usccs.slice(0, 2)],
        )
      ).rows.map((r) => [r.uscc, r.rating_exemption]);
    const expected = [
      [usccs[0], 'utility'],
      [usccs[1], null],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await exemptions()).toEqual(expected);
    const without = await workbook(
      'plain.xlsx',
      [E('uscc'), E('name'), E('platform')],
      [[usccs[0], '杭州测试0号科技有限公司', '钱塘新区产业集聚区']],
    );
    await svc().importNow(actor, { kind: 'enterprises', year: null, file: without, fileName: 'plain.xlsx' });
    expect(await exemptions()).toEqual(expected);
  });

  it('rejects the whole file when one row is bad, naming sheet, row, column, value and code', async () => {
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0]!.n;
    const before = await count();
    const good = demoUscc('330114', 2000);
    const file = await workbook(
      'bad.xlsx',
      [E('uscc'), E('name'), E('platform'), E('industryClass'), E('ownLandMu')],
      [
        [good, '好企业', '钱塘新区产业集聚区', '3973', 5],
        ['91330100799655058C', '校验位错', '钱塘新区产业集聚区', '3973', 5],
        [demoUscc('330114', 2001), '园区错', '不存在的园区', '9999', -3],
        [good, '重复', '钱塘新区产业集聚区', '', 'abc'],
      ],
    );
    const result = await svc().importNow(actor, {
      kind: 'enterprises',
      year: null,
      file,
      fileName: 'bad.xlsx',
    });
    expect(result.job.status).toBe('rejected');
    expect(await count()).toBe(before);
    const codes = result.problems.map((p) => `${p.row}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '3:USCC_CHECK',
        '4:UNKNOWN_PLATFORM',
        '4:UNKNOWN_INDUSTRY',
        '4:NEGATIVE',
        '5:DUPLICATE_USCC',
        '5:NOT_A_NUMBER',
      ]),
    );
    const p = result.problems.find((x) => x.code === 'USCC_CHECK')!;
    expect(p).toMatchObject({
      sheet: '数据',
      row: 3,
      column: E('uscc'),
      value: '91330100799655058C',
      severity: 'error',
    });
    expect(p.zh).toBeTruthy();
    expect(p.en).toBeTruthy();
  });

  it('names missing and unknown columns, ignores __proto__ headers', async () => {
    const file = await workbook('cols.xlsx', [E('uscc'), '营业额', '__proto__'], [[usccs[0], 1, 2]]);
    const result = await svc().importNow(actor, {
      kind: 'enterprises',
      year: null,
      file,
      fileName: 'cols.xlsx',
    });
    expect(result.job.status).toBe('rejected');
    const msgs = result.problems.map((p) => `${p.code}:${p.value || p.column}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        'UNKNOWN_COLUMN:营业额',
        'UNKNOWN_COLUMN:__proto__',
        `MISSING_COLUMN:${E('name')}`,
        `MISSING_COLUMN:${E('platform')}`,
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('annual import', () => {
  const header = () => [A('uscc'), A('year'), A('revenue'), A('tax'), A('employees')];

  it('upserts on USCC + year; same file twice = same state; scale follows revenue', async () => {
    const rows = usccs.map((u, i) => [u, 2025, 1000 + i * 800, 50 + i, 20 + i]);
    const file = await workbook('y.xlsx', header(), rows);
    const first = await svc().importNow(actor, { kind: 'annual', year: 2025, file, fileName: 'y.xlsx' });
    expect(first.job.status, JSON.stringify(first.problems)).toBe('succeeded');
    expect(first.job.rowsInserted).toBe(6);
    const state = async () =>
      (
        await database.pool.query(
          'select enterprise_id, year, revenue, tax, employees from enterprise_years order by 1, 2',
        )
      ).rows;
    const before = await state();
    const again = await svc().importNow(actor, { kind: 'annual', year: 2025, file, fileName: 'y.xlsx' });
    expect(again.job).toMatchObject({ status: 'succeeded', rowsInserted: 0, rowsUpdated: 0 });
    expect(await state()).toEqual(before);
    const scales = await database.db
      .select({ uscc: enterprises.uscc, scale: enterprises.scale })
      .from(enterprises)
      .where(sql`${enterprises.uscc} in ${usccs}`);
    for (const s of scales) {
      const revenue = 1000 + usccs.indexOf(s.uscc) * 800;
      expect(s.scale, `${s.uscc} ${revenue}`).toBe(revenue >= 2000 ? 'above' : 'below');
    }
  });

  it('rejects a year that does not match --year, unknown enterprises, and warns on yuan-for-万元', async () => {
    const rows: unknown[][] = usccs.map((u) => [u, 2024, 1000, 50, 20]);
    rows.push([usccs[0]!.slice(0, 17) + (usccs[0]!.endsWith('0') ? '1' : '0'), 2024, 1, 1, 1]);
    rows.push([demoUscc('330108', 99999), 2024, 1, 1, 1]);
    rows.push([usccs[1], 2023, 1, 1, 1]);
    const file = await workbook('y2.xlsx', header(), rows);
    const result = await svc().importNow(actor, { kind: 'annual', year: 2024, file, fileName: 'y2.xlsx' });
    expect(result.job.status).toBe('rejected');
    const codes = new Set(result.problems.map((p) => p.code));
    expect(codes).toEqual(new Set(['USCC_CHECK', 'UNKNOWN_ENTERPRISE', 'YEAR_MISMATCH', 'DUPLICATE_USCC']));
    const unit = await workbook('unit.xlsx', header(), [
      ...usccs.map((u) => [u, 2023, 1000, 50, 20]).slice(0, 5),
      [usccs[5], 2023, 1000, 500_000_000, 20],
    ]);
    const warned = await svc().importNow(actor, {
      kind: 'annual',
      year: 2023,
      file: unit,
      fileName: 'unit.xlsx',
    });
    expect(warned.job.status).toBe('succeeded');
    expect(warned.problems).toContainEqual(
      expect.objectContaining({ code: 'UNIT_SUSPECT', severity: 'warning', row: 7 }),
    );
  });

  it('uses cached formula results and rejects formulas without one; rejects merged cells', async () => {
    const withFormula = await workbook('f.xlsx', header(), [
      [usccs[0], 2022, { formula: '1000+1', result: 1001 }, 10, 5],
    ]);
    const ok = await svc().importNow(actor, {
      kind: 'annual',
      year: 2022,
      file: withFormula,
      fileName: 'f.xlsx',
    });
    expect(ok.job.status, JSON.stringify(ok.problems)).toBe('succeeded');
    expect(ok.problems.map((p) => p.code)).toContain('FORMULA_CACHED');
    const [row] = await database.db.select().from(enterpriseYears).where(eq(enterpriseYears.year, 2022));
    expect(row!.revenue).toBe(1001);
    const noCache = await workbook('f2.xlsx', header(), [[usccs[1], 2022, { formula: 'A1*2' }, 10, 5]]);
    const bad = await svc().importNow(actor, {
      kind: 'annual',
      year: 2022,
      file: noCache,
      fileName: 'f2.xlsx',
    });
    expect(bad.problems.map((p) => p.code)).toContain('FORMULA_NO_VALUE');
    expect(bad.job.status).toBe('rejected');
    const merged = await workbook(
      'm.xlsx',
      header(),
      [
        [usccs[2], 2022, 1, 1, 1],
        [usccs[3], 2022, 1, 1, 1],
      ],
      (ws) => ws.mergeCells('C2:C3'),
    );
    const m = await svc().importNow(actor, { kind: 'annual', year: 2022, file: merged, fileName: 'm.xlsx' });
    expect(m.problems.map((p) => p.code)).toContain('MERGED_CELLS');
  });
});

describe('crafted files', () => {
  it('rejects a zip bomb from its central directory, fast', async () => {
    // One entry claiming 300 MB that compresses to a few hundred bytes.
    const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const name = Buffer.from('xl/workbook.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(50 * 1024 * 1024, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(50 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const file = path.join(dir, 'bomb.xlsx');
    await fs.writeFile(file, Buffer.concat([local, name, data, central, name, eocd]));
    const started = Date.now();
    const result = await svc().importNow(actor, { kind: 'annual', year: 2025, file, fileName: 'bomb.xlsx' });
    expect(result.job.status).toBe('rejected');
    expect(result.problems[0]!.code).toBe('ZIP_REJECTED');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects a file that is not a zip, and an oversized file', async () => {
    const text = path.join(dir, 'fake.xlsx');
    await fs.writeFile(text, 'uscc,name\n1,2\n');
    const a = await svc().importNow(actor, { kind: 'annual', year: 2025, file: text, fileName: 'fake.xlsx' });
    expect(a.problems[0]!.code).toBe('NOT_XLSX');
    const big = path.join(dir, 'big.xlsx');
    await fs.writeFile(big, Buffer.alloc(21 * 1024 * 1024));
    const b = await svc().importNow(actor, { kind: 'annual', year: 2025, file: big, fileName: 'big.xlsx' });
    expect(b.problems[0]!.code).toBe('FILE_TOO_LARGE');
  });

  it('keeps an import history with file name, SHA-256, rows and result', async () => {
    const history = await svc().history(actor, 1, 100);
    expect(history.total).toBeGreaterThanOrEqual(8);
    expect(new Set(history.items.map((j) => j.status))).toEqual(new Set(['succeeded', 'rejected']));
  });
});

describe('templates', () => {
  it('has every column with its unit and an explanation sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook('annual')) as unknown as ArrayBuffer);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(COLUMNS.annual.map((c) => c.header));
    expect(headers).toContain('税收（万元）');
    expect(wb.worksheets[1]!.name).toBe('说明');
    expect(wb.worksheets[1]!.rowCount).toBeGreaterThan(COLUMNS.annual.length);
  });
});
