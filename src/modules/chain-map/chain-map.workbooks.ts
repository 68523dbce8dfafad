/** The chain map's workbooks: a map version's node sheet (export and import) and a platform's roadmap. */
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors';
import { FILE_HEADLINES } from '../spreadsheets/core/file-kind';
import { safeCell } from '../spreadsheets/core/cells';
import { readSheet } from '../spreadsheets/read/read-in-worker';
import type { MapDetail, Roadmap } from './chain-map.schemas';
import { RATINGS, SEGMENT_NAMES, TARGET_STATUSES } from './core/codes';
import { headerText, NODE_COLUMNS, NODE_SHEET, readNodeRows, type SheetNode } from './core/sheet';

const RATING_ZH: Record<(typeof RATINGS)[number], string> = { strong: '强', weak: '弱', missing: '缺' };
const STATUS_ZH: Record<(typeof TARGET_STATUSES)[number], string> = {
  new: '待接洽',
  contacting: '接洽中',
  converted: '已落地',
  dropped: '已放弃',
};

export async function mapWorkbook(detail: MapDetail & { industryName: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(NODE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = NODE_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const n of detail.nodes)
    sheet.addRow({
      code: safeCell(n.code),
      parentCode: safeCell(n.parentCode),
      segment: SEGMENT_NAMES[n.segment].zh,
      nameZh: safeCell(n.nameZh),
      nameEn: safeCell(n.nameEn),
      classCodes: n.classCodes.join(','),
      sort: n.sort,
    });
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '项目 / Item', key: 'k', width: 28 },
    { header: '内容 / Value', key: 'v', width: 80 },
  ];
  help.addRows([
    { k: '产业 / Industry', v: safeCell(`${detail.industryName}（${detail.map.industryCode}）`) },
    { k: '版本 / Version', v: detail.map.version },
    { k: '弱节点产值占比阈值 / Weak share', v: detail.map.weakShare },
    { k: '链主本地供应商数 / Leader suppliers', v: detail.map.supplierMin },
    {
      k: '填写说明 / How to fill in',
      v: '每行一个节点；节点编码唯一且跨版本稳定；环节填 上游/中游/下游；行业代码为 GB/T 4754-2017 四位小类，多个用逗号分隔。导入后生成草稿，发布后生效。',
    },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type NodeSheetRead =
  | { ok: true; rows: { row: number; node: SheetNode }[] }
  | { ok: false; fileProblem: boolean; problems: FieldError[] };

export async function readNodeSheet(file: string): Promise<NodeSheetRead> {
  const parsed = await readSheet(file, { preferSheets: [NODE_SHEET] });
  if (!parsed.ok) {
    const { code, zh, en } = parsed.failure;
    const headline = FILE_HEADLINES[code];
    return {
      ok: false,
      fileProblem: true,
      problems: [{ field: 'file', code, zh: `${headline.zh}：${zh}`, en: `${headline.en}: ${en}` }],
    };
  }
  const read = readNodeRows(parsed.sheet.header, parsed.sheet.rows);
  if (!read.ok)
    return {
      ok: false,
      fileProblem: false,
      problems: read.problems
        .slice(0, 200)
        .map((p) => ({ field: `row${p.row}.${p.field}`, code: p.code, zh: p.zh, en: p.en })),
    };
  return read;
}

export async function roadmapWorkbook(roadmap: Roadmap): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('招商路线图', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '产业 / Industry', key: 'industry', width: 14 },
    { header: '节点编码 / Node code', key: 'code', width: 14 },
    { header: '节点 / Node', key: 'node', width: 24 },
    { header: '环节 / Segment', key: 'segment', width: 10 },
    { header: '评级 / Rating', key: 'rating', width: 8 },
    { header: '本地企业数 / Enterprises', key: 'enterprises', width: 12 },
    { header: '规上企业数 / Above scale', key: 'above', width: 12 },
    { header: '产值（万元） / Output (10k yuan)', key: 'output', width: 16, style: { numFmt: '#,##0.##' } },
    { header: '招商目标 / Target', key: 'target', width: 30 },
    { header: '统一社会信用代码 / USCC', key: 'uscc', width: 22 },
    { header: '所在地 / Origin', key: 'origin', width: 14 },
    { header: '状态 / Status', key: 'status', width: 10 },
    { header: '备注 / Note', key: 'note', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const i of roadmap.industries)
    for (const { node, targets } of i.nodes) {
      const base = {
        industry: safeCell(i.nameZh),
        code: safeCell(node.code),
        node: safeCell(node.nameZh),
        segment: SEGMENT_NAMES[node.segment].zh,
        rating: RATING_ZH[node.rating],
        enterprises: node.enterprises,
        above: node.above,
        output: node.output,
      };
      if (targets.length === 0) sheet.addRow(base);
      for (const t of targets)
        sheet.addRow({
          ...base,
          target: safeCell(t.name),
          uscc: safeCell(t.uscc),
          origin: safeCell(t.origin),
          status: STATUS_ZH[t.status],
          note: safeCell(t.note),
        });
    }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
