import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { stampHeaderFooter, stampText, type ExportStamp } from './core/stamp';
import { once, stampWorkbook, streamWorkbook } from './xlsx-writer';

const STAMP: ExportStamp = { name: '张三', account: 'zhangsan', at: new Date('2026-12-02T07:04:30Z') };
const TEXT = '导出人 张三 (zhangsan) 2026-12-02 15:04 北京时间';

async function read(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
const SPEC = { name: '企业', columns: [{ header: '名称', value: (r: { name: string }) => r.name }] };

describe('the export watermark', () => {
  it('says who exported and when, in Beijing time', () => {
    expect(stampText(STAMP)).toBe(TEXT);
    expect(stampText({ ...STAMP, name: 'A\nB  C' })).toBe(
      '导出人 A B C (zhangsan) 2026-12-02 15:04 北京时间',
    );
  });

  it('doubles & in the header and footer (an Excel code there)', () => {
    const hf = stampHeaderFooter({ ...STAMP, name: 'R&D 部' });
    expect(hf.oddHeader).toContain('R&&D 部');
    expect(hf.oddFooter).toContain('&P / &N');
  });

  it('a streamed export carries it in every page header and footer and in its document properties', async () => {
    const wb = await read(await collect(streamWorkbook(SPEC, once([{ name: '甲' }]), STAMP)));
    const sheet = wb.worksheets[0]!;
    expect(sheet.headerFooter.oddHeader).toContain(TEXT);
    expect(sheet.headerFooter.oddFooter).toContain(TEXT);
    expect(wb.creator).toBe('张三 (zhangsan)');
    expect(wb.lastModifiedBy).toBe('张三 (zhangsan)');
    expect(wb.description).toBe(TEXT);
    expect(sheet.getRow(2).getCell(1).value).toBe('甲');
  });

  it('the sender stamps a streamed workbook in the turn it was made (how sendWorkbook does it)', async () => {
    const stream = streamWorkbook(SPEC, once([{ name: '乙' }]));
    stampWorkbook(stream, STAMP);
    const wb = await read(await collect(stream));
    expect(wb.worksheets[0]!.headerFooter.oddHeader).toContain(TEXT);
    // Too late once the writing began.
    const late = streamWorkbook(SPEC, once([{ name: '丙' }]));
    await new Promise((r) => setTimeout(r, 0));
    expect(() => stampWorkbook(late, STAMP)).toThrow(/already being written/);
    await collect(late);
  });

  it('a workbook built in memory (a template) is stamped too, keeping its content', async () => {
    const template = new ExcelJS.Workbook();
    template.addWorksheet('模板').addRow(['统一社会信用代码', '企业名称']);
    template.addWorksheet('说明').addRow(['说明文字']);
    const stamped = await stampWorkbook(Buffer.from(await template.xlsx.writeBuffer()), STAMP);
    const wb = await read(stamped as Buffer);
    expect(wb.worksheets.map((s) => s.headerFooter.oddHeader)).toEqual([
      expect.stringContaining(TEXT),
      expect.stringContaining(TEXT),
    ]);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('企业名称');
    expect(wb.creator).toBe('张三 (zhangsan)');
  });
});
