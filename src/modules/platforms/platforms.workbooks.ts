/** The platform list as a workbook (导出园区名录). */
import type { Readable } from 'node:stream';
import { once, streamWorkbook, type SheetSpec } from '../spreadsheets/xlsx-writer';
import type { Platform } from './platforms.schemas';

export interface CodeNames {
  platformTypes: { code: string; nameZh: string }[];
  districts: { code: string; nameZh: string }[];
  industries: { code: string; nameZh: string }[];
}

export function platformListWorkbook(items: Platform[], reference: CodeNames): Readable {
  const name = (rows: { code: string; nameZh: string }[], code: string) =>
    rows.find((r) => r.code === code)?.nameZh ?? code;
  const columns: SheetSpec<Platform>['columns'] = [
    { header: '园区名称', width: 28, value: (p) => p.name },
    { header: '英文名称', width: 30, value: (p) => p.nameEn },
    { header: '类型', width: 24, value: (p) => name(reference.platformTypes, p.type) },
    { header: '行政区划代码（GB/T 2260）', value: (p) => p.districtCode },
    { header: '所在区县', value: (p) => name(reference.districts, p.districtCode) },
    {
      header: '主导产业',
      width: 30,
      value: (p) => p.leadingIndustries.map((c) => name(reference.industries, c)).join('、'),
    },
    { header: '省高能级战略平台', value: (p) => (p.isStrategic ? '是' : '否') },
    { header: '规划面积（平方公里）', value: (p) => p.areaKm2 },
    { header: '工业用地（亩）', value: (p) => p.industrialLandMu },
    { header: '经度', value: (p) => p.longitude },
    { header: '纬度', value: (p) => p.latitude },
    { header: '演示数据', value: (p) => (p.isDemo ? '是' : '否') },
    { header: '已归档', value: (p) => (p.archivedAt ? '是' : '否') },
  ];
  return streamWorkbook({ name: '园区名录', columns }, once(items));
}
