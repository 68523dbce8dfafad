/**
 * Imports of hostile and foreign workbooks on a real database: lying zip directories, files that are
 * not .xlsx, hidden and reordered sheets, implausible numbers, thousands separators, invisible
 * characters, row caps; what is left on disk afterwards; and export → import round trips.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { testDatabase, testKeyRing } from '../../test/database';
import { workbookXlsx, zip } from '../../test/zip';
import type { Actor } from '../auth/core/access';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { createEnterpriseService } from '../enterprises/enterprises.service';
import { REGISTRY_EXPORT } from '../enterprises/enterprises.workbooks';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import { COLUMNS } from './core/columns';
import { createImportService } from './imports.service';
import { annualExportWorkbook } from './imports.workbooks';

// Temporary files of this test process (and its worker threads) go here, so that what is left
// behind can be seen.
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-import-tmp-'));
process.env.TMPDIR = tmp;
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

let database: Database;
let dir: string;
let dataDir: string;
const actor: Actor = {
  userId: 0,
  username: 'test',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};
const svc = () => createImportService(database, dataDir, testKeyRing);
const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;
const E = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;
const usccs = Array.from({ length: 6 }, (_, i) => demoUscc('330114', 7000 + i));
const PLATFORM = '钱塘新区产业集聚区';

async function xlsx(name: string, sheets: { name: string; rows: unknown[][]; state?: 'hidden' }[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
const annual = (file: string, year = 2025) =>
  svc().importNow(actor, { kind: 'annual', year, file, fileName: path.basename(file) });
const registry = (file: string) =>
  svc().importNow(actor, { kind: 'enterprises', year: null, file, fileName: path.basename(file) });
const write = async (name: string, data: Buffer | string) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
};
const tmpFiles = async () => fs.readdir(tmp);

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  dir = await fs.mkdtemp(path.join(tmp, 'files-'));
  dataDir = await fs.mkdtemp(path.join(tmp, 'data-'));
  const done = await registry(
    await xlsx('registry.xlsx', [
      {
        name: '企业名录',
        rows: [
          [E('uscc'), E('name'), E('platform'), E('address'), E('label:high_tech')],
          ...usccs.map((u, i) => [
            u,
            `杭州文件测试${i}号有限公司`,
            PLATFORM,
            `示例路 ${i} 号`,
            i % 2 ? '2024-01-05' : '',
          ]),
        ],
      },
    ]),
  );
  expect(done.job.status, JSON.stringify(done.problems)).toBe('succeeded');
});

describe('files that crashed or misled the old reader', () => {
  it('a sheet that inflates far past its declared size is refused; nothing is left in the temporary folder', async () => {
    // 64 MB of rows in a file of a few hundred KB whose directory claims 2 KB for the sheet.
    const row = Buffer.from(`<row><c t="inlineStr"><is><t>${usccs[0]}</t></is></c><c><v>2025</v></c></row>`);
    const rows = Buffer.alloc(64 * 1024 * 1024);
    for (let i = 0; i + row.length <= rows.length; i += row.length) row.copy(rows, i);
    const before = await tmpFiles();
    const file = await write(
      'understated.xlsx',
      zip([
        {
          name: 'xl/workbook.xml',
          data: '<workbook><sheets><sheet name="年度数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        },
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.concat([Buffer.from('<worksheet><sheetData>'), rows]),
          declaredSize: 2048,
        },
      ]),
    );
    const started = Date.now();
    const result = await annual(file);
    expect(result.job.status).toBe('rejected');
    expect(result.problems[0]).toMatchObject({ code: 'ZIP_REJECTED', row: 0 });
    expect(result.problems[0]!.value).toMatch(/inflates past the 2048 bytes/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await tmpFiles()).toEqual(before);
  });

  it.each([
    [
      'an Excel 97–2003 .xls',
      'xls',
      /This is an Excel 97–2003 \.xls file; open it in Excel or WPS and save it as an Excel workbook \(\.xlsx\)/,
    ],
    ['a password-protected workbook', 'encrypted', /password-protected/],
    ['a CSV file', 'csv', /This is a CSV or plain-text file/],
  ])('%s: 不是有效的 .xlsx 文件, saying what it is and what to do', async (_label, kind, en) => {
    const ole2 = (...names: string[]) =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        ...names.map((n) => Buffer.from(n, 'utf16le')),
      ]);
    const data =
      kind === 'xls'
        ? ole2('Root Entry', 'Workbook')
        : kind === 'encrypted'
          ? ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage')
          : `${A('uscc')},${A('year')}\n${usccs[0]},2025\n`;
    const result = await annual(await write(`file.${kind}.xlsx`, data));
    expect(result.job.status).toBe('rejected');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.code).toBe('NOT_XLSX');
    expect(result.problems[0]!.zh).toMatch(/^不是有效的 \.xlsx 文件：/);
    expect(result.problems[0]!.en).toMatch(en);
  });

  it('reads the first visible sheet, not a hidden first one, and says so on the job', async () => {
    const file = await xlsx('hidden.xlsx', [
      {
        name: '旧表',
        state: 'hidden',
        rows: [
          [A('uscc'), A('year'), A('revenue')],
          [usccs[0], 2025, 999999],
        ],
      },
      {
        name: '填报',
        rows: [
          [A('uscc'), A('year'), A('revenue')],
          [usccs[0], 2025, 1500],
        ],
      },
    ]);
    const result = await annual(file, 2019);
    expect(result.job.status).toBe('rejected'); // the visible sheet's year 2025 ≠ 2019
    expect(result.problems.every((p) => p.sheet === '填报')).toBe(true);
    expect(result.job.sheet).toMatchObject({ name: '填报', reason: 'first-visible' });
    expect(result.job.sheet!.zh).toContain('已跳过隐藏的工作表 “旧表”');
  });

  it('prefers the sheet the template names (年度数据), wherever its tab is', async () => {
    const file = await xlsx('named.xlsx', [
      { name: '说明', rows: [['说明']] },
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue')],
          [usccs[1], 2018, 1500],
        ],
      },
    ]);
    const result = await annual(file, 2018);
    expect(result.job.status, JSON.stringify(result.problems)).toBe('succeeded');
    expect(result.job.sheet).toMatchObject({ name: '年度数据', reason: 'named' });
  });

  it('refuses impossible figures (1e308) and warns on unusual ones, with the range in the message', async () => {
    const file = await xlsx('range.xlsx', [
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue'), A('tax'), A('employees')],
          [usccs[0], 2017, 1e308, 1, 1],
          [usccs[1], 2017, 20_000_000, 1, 1],
          [usccs[2], 2017, 100, 1, 3_000_000],
        ],
      },
    ]);
    const result = await annual(file, 2017);
    expect(result.job.status).toBe('rejected');
    const codes = result.problems.map((p) => `${p.row}:${p.code}:${p.severity}`);
    expect(codes).toEqual(
      expect.arrayContaining(['2:OUT_OF_RANGE:error', '3:IMPLAUSIBLE:warning', '4:OUT_OF_RANGE:error']),
    );
    expect(result.problems.find((p) => p.code === 'OUT_OF_RANGE')!.en).toMatch(/at most 1000000000/);
  });

  it('reads thousands separators only in groups of three; full-width digits count as digits', async () => {
    const file = await xlsx('thousands.xlsx', [
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue'), A('tax')],
          [usccs[0], 2016, '1,234.5', '１，２３４．５'],
          [usccs[1], 2016, '12,34', '1,2345'],
        ],
      },
    ]);
    const result = await annual(file, 2016);
    expect(result.problems.map((p) => `${p.row}:${p.code}:${p.value}`)).toEqual([
      '3:BAD_THOUSANDS:12,34',
      '3:BAD_THOUSANDS:1,2345',
    ]);
    const fixed = await xlsx('thousands-ok.xlsx', [
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue'), A('tax')],
          [usccs[0], 2016, '1,234.5', '１，２３４．５'],
        ],
      },
    ]);
    expect((await annual(fixed, 2016)).job.status).toBe('succeeded');
    const { rows } = await database.pool.query(
      `select revenue, tax from enterprise_years y join enterprises e on e.id = y.enterprise_id where e.uscc = $1 and year = 2016`,
      [usccs[0]],
    );
    expect(rows[0]).toEqual({ revenue: 1234.5, tax: 1234.5 });
  });

  it('refuses invisible and direction-control characters in names and text, row by row', async () => {
    const file = await xlsx('invisible.xlsx', [
      {
        name: '企业名录',
        rows: [
          [E('uscc'), E('name'), E('platform'), E('address')],
          [usccs[0], '杭州\u200b文件测试0号有限公司', PLATFORM, ''],
          [usccs[1], '杭州文件测试1号有限公司', PLATFORM, '示例路\u202e1 号'],
          [usccs[2], '\ufeff杭州文件测试2号有限公司', PLATFORM, ''],
          [usccs[3], '杭州文件测试3号有限公司', `${PLATFORM}\u2066`, ''],
        ],
      },
    ]);
    const result = await registry(file);
    expect(result.job.status).toBe('rejected');
    expect(result.problems.map((p) => `${p.row}:${p.code}:${p.column}`)).toEqual([
      `2:INVISIBLE_CHARACTER:${E('name')}`,
      `3:INVISIBLE_CHARACTER:${E('address')}`,
      `4:INVISIBLE_CHARACTER:${E('name')}`,
      `5:INVISIBLE_CHARACTER:${E('platform')}`,
    ]);
    expect(result.problems[0]!.zh).toContain('U+200B');
  });

  it('refuses a sheet that declares 2.45 million rows before reading them, and caps rows while reading', async () => {
    const head = '<dimension ref="A1:M2450001"/>';
    const data = `<row r="1"><c t="inlineStr"><is><t>${A('uscc')}</t></is></c></row>`;
    const declared = await annual(
      await write('dimension.xlsx', workbookXlsx([{ name: '年度数据', head, data }])),
    );
    expect(declared.problems[0]).toMatchObject({ code: 'TOO_MANY_ROWS', value: '2450001' });
    // Without a dimension: rows are counted as they stream (200,001 rows allowed).
    const many = Array.from({ length: 200_002 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join(
      '',
    );
    const counted = await annual(await write('rows.xlsx', workbookXlsx([{ name: '年度数据', data: many }])));
    expect(counted.problems[0]).toMatchObject({ code: 'TOO_MANY_ROWS' });
    expect(counted.problems[0]!.en).toMatch(/more than 200000 data rows/);
  });
});

describe('what an upload leaves behind', () => {
  async function settle(id: number) {
    for (let i = 0; i < 200; i++) {
      const job = await svc().get(actor, id);
      if (!['validating', 'importing'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('job did not finish');
  }
  const stored = async () => fs.readdir(path.join(dataDir, 'imports')).catch(() => [] as string[]);
  const upload = async (file: string) => {
    const copy = path.join(dir, `upload-${path.basename(file)}`);
    await fs.copyFile(file, copy);
    return svc().upload(actor, { kind: 'annual', year: 2015, file: copy, fileName: path.basename(file) });
  };
  const good = () =>
    xlsx('good-2015.xlsx', [
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue')],
          [usccs[0], 2015, 10],
        ],
      },
    ]);

  it('keeps the stored upload only while the job waits for confirmation', async () => {
    const before = await tmpFiles();
    // Success: stored while ready, gone once written.
    const job = await upload(await good());
    expect((await settle(job.id)).status).toBe('ready');
    expect(await stored()).toEqual([`${job.id}.xlsx`]);
    await svc().commit(actor, job.id);
    expect((await settle(job.id)).status).toBe('succeeded');
    expect(await stored()).toEqual([]);
    // Rejection: gone at once.
    const bad = await upload(await write('bad.xlsx', 'not a workbook'));
    expect((await settle(bad.id)).status).toBe('rejected');
    expect(await stored()).toEqual([]);
    // Failure while writing (the stored file vanished): the job fails, nothing stays.
    const lost = await upload(await good());
    expect((await settle(lost.id)).status).toBe('ready');
    await fs.rm(path.join(dataDir, 'imports', `${lost.id}.xlsx`));
    await svc().commit(actor, lost.id);
    expect((await settle(lost.id)).status).toBe('failed');
    expect(await stored()).toEqual([]);
    expect(await tmpFiles()).toEqual(before);
  });

  it('deletes uploads not confirmed within the retention, and orphans left by a restart', async () => {
    const job = await upload(await good());
    expect((await settle(job.id)).status).toBe('ready');
    await fs.writeFile(path.join(dataDir, 'imports', '999999.xlsx'), 'left by a crash');
    await svc().sweep();
    expect(await stored()).toEqual([`${job.id}.xlsx`]);
    await svc().sweep(new Date(Date.now() + 25 * 3600_000));
    expect(await stored()).toEqual([]);
    const expired = await svc().get(actor, job.id);
    expect(expired).toMatchObject({ status: 'failed' });
    expect((expired.problems as { code: string }[])[0]!.code).toBe('UPLOAD_EXPIRED');
  });
});

describe('export → import round trips change nothing', () => {
  const enterprises = () => createEnterpriseService(database, testKeyRing);

  it('the enterprise registry export imports again with nothing inserted or updated', async () => {
    await database.pool.query(
      `update enterprises set scale_override = 'above', rating_exemption = 'startup', own_land_mu = 12.5,
          name = '=HYPERLINK("x")杭州文件测试5号有限公司' where uscc = $1`,
      [usccs[5]],
    );
    const snapshot = async () =>
      (
        await database.pool.query(
          `select e.uscc, e.name, e.platform_id, e.industry_class, e.scale_override, e.own_land_mu, e.leased_floor_m2,
                  e.rating_exemption, e.address, e.landholder_id, e.version,
                  (select json_agg(json_build_array(l.label, l.granted_on) order by l.label) from enterprise_labels l where l.enterprise_id = e.id) as labels
             from enterprises e order by e.uscc`,
        )
      ).rows;
    const before = await snapshot();
    const file = path.join(dir, 'registry-export.xlsx');
    await pipeline(
      streamWorkbook(REGISTRY_EXPORT, enterprises().export(actor, { sort: 'name', order: 'asc' })),
      createWriteStream(file),
    );
    const result = await registry(file);
    expect(result.job.status, JSON.stringify(result.problems.slice(0, 5))).toBe('succeeded');
    expect(result.job).toMatchObject({ rowsInserted: 0, rowsUpdated: 0 });
    expect(result.job.rowsTotal).toBe(before.length);
    expect(await snapshot()).toEqual(before);
  });

  it('the annual figures export imports again with nothing inserted or updated', async () => {
    const file = await xlsx('year-2014.xlsx', [
      {
        name: '年度数据',
        rows: [
          [A('uscc'), A('year'), A('revenue'), A('tax'), A('employees'), A('energyTce')],
          ...usccs.map((u, i) => [u, 2014, 1000.25 + i, i === 2 ? null : 12.5, 10 + i, 0.001]),
        ],
      },
    ]);
    expect((await annual(file, 2014)).job.status).toBe('succeeded');
    const snapshot = async () =>
      (await database.pool.query('select * from enterprise_years where year = 2014 order by enterprise_id'))
        .rows;
    const before = await snapshot();
    const exported = path.join(dir, 'year-export.xlsx');
    await pipeline(
      annualExportWorkbook(await enterprises().exportYear(actor, 2014, { to: 'test' })),
      createWriteStream(exported),
    );
    const again = await annual(exported, 2014);
    expect(again.job.status, JSON.stringify(again.problems.slice(0, 5))).toBe('succeeded');
    expect(again.job).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsTotal: before.length });
    expect(again.job.sheet).toMatchObject({ name: '年度数据', reason: 'named' });
    expect(await snapshot()).toEqual(before);
  });
});
