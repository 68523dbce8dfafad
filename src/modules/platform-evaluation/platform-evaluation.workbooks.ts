/** The platform evaluation and quota allocation as a workbook. */
import type { Readable } from 'node:stream';
import { DIMENSION_NAMES, DIMENSIONS } from '../evaluation/core/indicators';
import { datedName } from '../spreadsheets/reply';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { PlatformEvaluation, PlatformScore } from './platform-evaluation.schemas';

export function evaluationWorkbook(r: PlatformEvaluation): { fileName: string; body: Readable } {
  const spec = {
    name: `${r.year}年平台评价`,
    columns: [
      { header: '排名', width: 8, value: (p: PlatformScore) => p.rank ?? '' },
      { header: '平台', width: 28, value: (p: PlatformScore) => p.name },
      { header: '总分', value: (p: PlatformScore) => p.score ?? '' },
      { header: '等级', width: 8, value: (p: PlatformScore) => p.class ?? '' },
      { header: '领跑者', width: 8, value: (p: PlatformScore) => (p.leader ? '是' : '') },
      ...DIMENSIONS.map((d) => ({
        header: DIMENSION_NAMES[d].zh,
        value: (p: PlatformScore) => p.dimensions[d],
      })),
      {
        header: `用地指标（亩，池 ${r.pool.landMu}）`,
        width: 20,
        value: (p: PlatformScore) => p.land.units,
      },
      {
        header: `用能指标（吨标准煤，池 ${r.pool.energyTce}）`,
        width: 24,
        value: (p: PlatformScore) => p.energy.units,
      },
      {
        header: `参与分配（≥ ${r.pool.threshold} 分）`,
        width: 16,
        value: (p: PlatformScore) => (p.land.eligible ? '是' : '否'),
      },
    ],
  };
  return {
    fileName: datedName(`${r.year}年产业平台评价与指标分配`),
    body: streamWorkbook(spec, once(r.platforms)),
  };
}
