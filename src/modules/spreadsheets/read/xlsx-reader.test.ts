/** The reader against hostile and foreign files: lying zip directories, caps, files that are not .xlsx. */
import { describe, expect, it } from 'vitest';
import { workbookXlsx, zip } from '../../../test/zip';
import type { RawCell } from '../core/ooxml';
import { readXlsx, ReadError, type ReadFailure, type ReadOptions } from './xlsx-reader';

async function read(buf: Buffer, options: ReadOptions = {}) {
  const rows: { row: number; cells: RawCell[] }[] = [];
  try {
    const summary = await readXlsx(buf, { row: (row, cells) => rows.push({ row, cells }) }, options);
    return { ok: true as const, rows, summary };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false as const, failure: error.failure, rows };
    throw error;
  }
}
const failure = async (buf: Buffer, options?: ReadOptions): Promise<ReadFailure> => {
  const r = await read(buf, options);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.failure;
};

const row = (n: number, ...values: (string | number)[]) =>
  `<row r="${n}">${values
    .map((v) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`))
    .join('')}</row>`;

describe('zip directories that lie', () => {
  it('stops at the declared size when a sheet inflates past it (100 MB declared as 4 KB)', async () => {
    const unit = Buffer.from(row(2, '杭州', 1, 2, 3));
    const huge = Buffer.alloc(100 * 1024 * 1024);
    for (let i = 0; i + unit.length <= huge.length; i += unit.length) unit.copy(huge, i);
    const xlsx = zip([
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([Buffer.from('<worksheet><sheetData>'), huge]),
        declaredSize: 4096,
      },
    ]);
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    const f = await failure(xlsx);
    expect(f.code).toBe('ZIP_REJECTED');
    expect(f.value).toMatch(/SIZE_MISMATCH.*inflates past the 4096 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('also for a small part (shared strings) read whole', async () => {
    const strings = `<sst>${'<si><t>甲乙丙</t></si>'.repeat(200_000)}</sst>`;
    const base = workbookXlsx([{ name: '数据', data: row(1, 'a') }]);
    const parts = zip([
      { name: 'xl/sharedStrings.xml', data: strings, declaredSize: 100 },
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="sharedStrings.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<worksheet><sheetData>${row(1, 'a')}</sheetData></worksheet>`,
      },
    ]);
    expect(base.length).toBeGreaterThan(0);
    expect((await failure(parts)).value).toMatch(/sharedStrings.xml inflates past/);
  });

  it('refuses a directory that declares more than the limit in total, before inflating', async () => {
    const f = await failure(
      workbookXlsx([{ name: '数据', data: row(1, 'a'), declaredSize: 500 * 1024 * 1024 }]),
    );
    expect(f.code).toBe('ZIP_REJECTED');
  });
});

describe('row, column and cell caps', () => {
  it('refuses by the declared dimension before any row is read', async () => {
    const f = await failure(
      workbookXlsx([{ name: '数据', head: '<dimension ref="A1:M2450001"/>', data: row(1, 'a') + row(2, 1) }]),
    );
    expect(f).toMatchObject({ code: 'TOO_MANY_ROWS', value: '2450001' });
    expect(f.en).toMatch(/before parsing/);
  });

  it('counts rows while streaming when there is no dimension', async () => {
    const data = Array.from({ length: 500 }, (_, i) => row(i + 1, i)).join('');
    const r = await read(workbookXlsx([{ name: '数据', data }]), { limits: { maxRows: 101 } });
    expect(r).toMatchObject({ ok: false, failure: { code: 'TOO_MANY_ROWS' } });
    expect(r.rows.length).toBe(101);
  });

  it('refuses a value beyond the last allowed column, and too many cells', async () => {
    const far = `<row r="1"><c r="KZ1"><v>1</v></c></row>`;
    expect(await failure(workbookXlsx([{ name: '数据', data: far }]))).toMatchObject({
      code: 'TOO_MANY_CELLS',
    });
    const data = Array.from({ length: 50 }, (_, i) => row(i + 1, 1, 2, 3, 4)).join('');
    expect(
      await failure(workbookXlsx([{ name: '数据', data }]), { limits: { maxCells: 100 } }),
    ).toMatchObject({
      code: 'TOO_MANY_CELLS',
    });
  });
});

describe('files that are not .xlsx', () => {
  const ole2 = (...streams: string[]) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      ...streams.map((s) => Buffer.from(s, 'utf16le')),
      Buffer.alloc(512),
    ]);
  it.each<[string, Buffer, string, RegExp]>([
    [
      'an Excel 97–2003 .xls',
      ole2('Root Entry', 'Workbook', 'SummaryInformation'),
      'xls',
      /Excel 97–2003 \.xls file; open it in Excel or WPS and save/,
    ],
    [
      'a password-protected workbook',
      ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage'),
      'encrypted',
      /password-protected/,
    ],
    ['a Word 97 document', ole2('Root Entry', 'WordDocument'), 'ole2', /compound file/],
    [
      'a CSV file',
      Buffer.from('统一社会信用代码,企业名称\n91330100MA0000001X,甲\n'),
      'text',
      /CSV or plain-text/,
    ],
    ['UTF-16 text', Buffer.from('\ufeffa\tb\n', 'utf16le'), 'text', /CSV or plain-text/],
    ['an empty file', Buffer.alloc(0), 'empty', /empty/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'pdf', /PDF/],
    [
      'an HTML "xls"',
      Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'),
      'html',
      /web page/,
    ],
    [
      'an OpenDocument spreadsheet',
      zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
        { name: 'content.xml', data: '<x/>' },
      ]),
      'ods',
      /OpenDocument/,
    ],
    ['a Word .docx', zip([{ name: 'word/document.xml', data: '<x/>' }]), 'docx', /Word/],
    ['random bytes', Buffer.from([1, 2, 3, 0, 0, 9, 200, 100]), 'binary', /Unrecognised/],
  ])('%s: NOT_XLSX saying what it is', async (_label, buf, kind, en) => {
    const f = await failure(buf);
    expect(f.code).toBe('NOT_XLSX');
    expect(f.value).toBe(kind);
    expect(f.en).toMatch(en);
    expect(f.zh).toBeTruthy();
  });
});

describe('sheets and cells', () => {
  it('reads the named template sheet, else the first visible tab, and says why', async () => {
    const three = workbookXlsx([
      { name: '封面', data: row(1, '封面'), state: 'hidden' },
      { name: '说明', data: row(1, '说明') },
      { name: '年度数据', data: row(1, '数据') },
    ]);
    const named = await read(three, { preferSheets: ['年度数据'] });
    expect(named).toMatchObject({ ok: true, summary: { sheet: { name: '年度数据', reason: 'named' } } });
    const first = await read(three);
    expect(first).toMatchObject({ ok: true, summary: { sheet: { name: '说明', reason: 'first-visible' } } });
    if (first.ok) expect(first.summary.sheet.zh).toContain('已跳过隐藏的工作表 “封面”');
  });

  it('decodes entities, _xHHHH_ escapes, dates by style, booleans, errors and formulas', async () => {
    const xlsx = zip([
      {
        name: 'xl/workbook.xml',
        data: '<workbook><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Target="styles.xml"/></Relationships>',
      },
      {
        name: 'xl/styles.xml',
        data: '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<x:worksheet xmlns:x="urn"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>A&amp;B_x000D_&#x4E2D;</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>0</x:v></x:c><x:c r="C1" s="2"><x:v>1234.5</x:v></x:c><x:c r="D1" t="b"><x:v>0</x:v></x:c><x:c r="E1" t="e"><x:v>#N/A</x:v></x:c><x:c r="F1" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="H1"><x:f>1/0</x:f></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    ]);
    const r = await read(xlsx);
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    expect(r.rows).toEqual([
      {
        row: 1,
        cells: [
          'A&B\r中',
          { date: '1904-01-01' },
          1234.5,
          false,
          { error: '#N/A' },
          { formula: true, result: 'ab' },
          null,
          { formula: true, result: null },
        ],
      },
    ]);
  });
});
