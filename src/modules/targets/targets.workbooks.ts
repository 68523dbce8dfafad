/** The target assessment of a period-year as a workbook (导出目标监测表). */
import type { Readable } from 'node:stream';
import { METRICS } from '../metrics/core/metrics';
import { once, streamWorkbook, type SheetSpec } from '../spreadsheets/xlsx-writer';
import { statusReading, type StatusReading } from './core/targets';
import type { PlanAssessment, TargetCard } from './targets.schemas';

const STATUS_ZH: Record<StatusReading, string> = {
  on_track: '正常',
  at_risk: '预警',
  off_track: '滞后',
  no_data: '暂无数据',
  achieved: '已达成',
  completed: '已完成',
  not_completed: '未完成',
};

/** `规划期规划目标监测-年` */
export const assessmentWorkbookName = (a: PlanAssessment) => `${a.period.key}规划目标监测-${a.year}`;

export function assessmentWorkbook(a: PlanAssessment): Readable {
  const unit = (c: TargetCard) => METRICS[c.target.metric].unitZh;
  // Ratios are stored as fractions; the sheet shows them in the unit it names (%): 0.6 → 60.
  const inUnit = (c: TargetCard, v: number | null | undefined) =>
    v == null ? v : METRICS[c.target.metric].format === 'ratio' ? Number((v * 100).toPrecision(12)) : v;
  const spec: SheetSpec<TargetCard> = {
    name: `${a.year}年目标监测`,
    columns: [
      { header: '编号', width: 8, value: (c) => c.target.code },
      { header: '目标', width: 28, value: (c) => c.target.nameZh },
      { header: '指标', width: 24, value: (c) => METRICS[c.target.metric].zh },
      { header: '单位', width: 12, value: unit },
      { header: '目标值', value: (c) => inUnit(c, c.target.targetValue) },
      { header: `${a.year}年值`, value: (c) => inUnit(c, c.assessment.value) ?? '暂无数据' },
      { header: '完成进度', value: (c) => c.assessment.progress ?? '', numFmt: '0.0%' },
      { header: '预计到期值', value: (c) => inUnit(c, c.assessment.projection?.value) ?? '' },
      {
        header: '预测方法',
        width: 24,
        value: (c) =>
          c.assessment.projection?.method === 'linear_trend'
            ? `线性趋势（${c.assessment.projection.from}–${c.assessment.projection.to}）`
            : c.assessment.projection
              ? '当年值'
              : '',
      },
      { header: '状态', value: (c) => (c.applies ? STATUS_ZH[statusReading(c.assessment)] : '不适用') },
      { header: '数据来源', value: (c) => c.source },
      { header: '责任单位', value: (c) => c.target.ownerDepartment },
      { header: '依据', width: 28, value: (c) => c.target.source },
    ],
  };
  return streamWorkbook(spec, once(a.cards));
}
