/** A year's chain-leader list as a workbook (导出链主企业名单). */
import type { Readable } from 'node:stream';
import { beijingTime } from '../spreadsheets/core/cells';
import { once, streamWorkbook, type SheetSpec } from '../spreadsheets/xlsx-writer';
import type { ChainLeaderRow } from './chain-leaders.schemas';
import type { ChainLeaderStatus, Decision } from './core/rules';

const STATUS_NAMES: Record<ChainLeaderStatus, string> = {
  confirmed: '已确认',
  declined: '未予确认',
  pending: '待确认',
};
const DECISION_NAMES: Record<Decision, string> = { confirmed: '确认', declined: '不予确认/撤销' };

/** The configured time zone (China Standard Time by default), `YYYY-MM-DD HH:mm`. */
const chinaTime = (iso: string) => beijingTime(iso)!.slice(0, 16);

/** `YYYY年度链主企业候选名单` */
export const chainLeaderWorkbookName = (year: number) => `${year}年度链主企业候选名单`;

/** The rows of a year, output in 亿元; `industryNames` names the key industries (code → 中文名). */
export function chainLeaderWorkbook(
  year: number,
  rows: ChainLeaderRow[],
  industryNames: ReadonlyMap<string, string>,
): Readable {
  const industryName = (code: string | null) => (code ? (industryNames.get(code) ?? code) : '');
  const columns: SheetSpec<ChainLeaderRow>['columns'] = [
    { header: '企业名称', width: 36, value: (r) => r.name },
    { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
    { header: '所属园区', width: 24, value: (r) => r.platformName },
    { header: '重点产业', width: 14, value: (r) => industryName(r.keyIndustry) },
    {
      header: `${year}年工业总产值（亿元）`,
      width: 16,
      numFmt: '#,##0.00',
      value: (r) => (r.output === null ? null : r.output / 10_000),
    },
    { header: '状态', width: 10, value: (r) => STATUS_NAMES[r.status] },
    { header: '产值低于20亿元', width: 12, value: (r) => (r.belowThreshold ? '是' : '') },
    { header: '认定日期', width: 12, value: (r) => r.grantedOn },
    {
      header: '最近决定',
      width: 16,
      value: (r) =>
        r.latestDecision
          ? `${DECISION_NAMES[r.latestDecision.decision]}（${r.latestDecision.year}年度）`
          : '',
    },
    { header: '决定人', width: 14, value: (r) => r.latestDecision?.decidedByName ?? '' },
    {
      header: '决定时间',
      width: 20,
      value: (r) => (r.latestDecision ? chinaTime(r.latestDecision.decidedAt) : ''),
    },
    { header: '理由', width: 40, value: (r) => r.latestDecision?.reason ?? '' },
  ];
  return streamWorkbook({ name: `${year}年度链主企业`, columns }, once(rows));
}
