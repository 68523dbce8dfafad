/** A plain-language explanation of one result, in Chinese and English. Pure. */
import { INDICATORS } from './indicators';
import type { CohortRule, Method } from './method';
import type { ItemResult, PolicyEffect } from './score';

export interface ExplainInput {
  cohort: string;
  status: 'rated' | 'unrated' | 'merged';
  score: number | null;
  rank: number | null;
  cohortSize: number;
  class: string | null;
  policyClass: string | null;
  items: ItemResult[];
  itemsTotal: number;
  adjustments: { key: string; points: number }[];
  policies: PolicyEffect;
  mergedInto: number | null;
}

const fmt = (v: number, d = 2) =>
  v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

type Line = { zh: string; en: string };

export function explain(method: Method, r: ExplainInput): Line[] {
  const cohort = method.cohorts.find((c) => c.key === r.cohort);
  if (r.status === 'merged')
    return [
      {
        zh: `与土地权利人（企业 #${r.mergedInto}）合并评价，本企业不单独计分。`,
        en: `Evaluated together with its landholder (enterprise #${r.mergedInto}); no score of its own.`,
      },
    ];
  const lines = r.items.map(itemLine);
  if (cohort && cohort.correctionFactor !== 1)
    lines.push({
      zh: `各项合计 ${fmt(r.itemsTotal)} 分 × 修正系数 ${cohort.correctionFactor}。`,
      en: `Items total ${fmt(r.itemsTotal)} × correction factor ${cohort.correctionFactor}.`,
    });
  for (const a of r.adjustments) lines.push(adjustmentLine(cohort, a));
  lines.push(standingLine(method, r));
  lines.push(...policyLines(r.policies));
  return lines;
}

function itemLine(item: ItemResult): Line {
  const def = INDICATORS[item.indicator];
  const d = def.decimals;
  const value = item.value === null ? null : fmt(item.value, d);
  let zh: string;
  let en: string;
  if (item.missing === 'cohort_average') {
    zh = `${def.zh}：缺少数据，按本组平均得分 ${fmt(item.points)} 分计（权重 ${item.weight}）。`;
    en = `${def.en}: no data; the cohort's average ${fmt(item.points)} points apply (weight ${item.weight}).`;
  } else if (item.missing === 'zero') {
    zh = `${def.zh}：缺少数据，计 0 分（权重 ${item.weight}），请补报数据。`;
    en = `${def.en}: no data, 0 points (weight ${item.weight}); please report the figure.`;
  } else if (item.benchmark !== null) {
    const ratio = item.value! / item.benchmark;
    zh = `${def.zh} ${value} ${def.unitZh}，基准 ${fmt(item.benchmark, d)}，为基准的 ${fmt(ratio * 100, 1)}%，× 权重 ${item.weight} = ${fmt(item.points)} 分。`;
    en = `${def.en} ${value} ${def.unitEn}, benchmark ${fmt(item.benchmark, d)}: ${fmt(ratio * 100, 1)}% of it × weight ${item.weight} = ${fmt(item.points)} points.`;
  } else {
    zh = `${def.zh} ${value} ${def.unitZh}，按本组最小—最大值折算，得 ${fmt(item.points)} 分（权重 ${item.weight}）。`;
    en = `${def.en} ${value} ${def.unitEn}, scaled between the cohort's minimum and maximum: ${fmt(item.points)} points (weight ${item.weight}).`;
  }
  if (item.capped) {
    zh += ' 已达单项封顶分。';
    en += ' The item cap applies.';
  }
  return { zh, en };
}

function adjustmentLine(cohort: CohortRule | undefined, a: { key: string; points: number }): Line {
  const rule = cohort?.adjustments.find((x) => x.key === a.key);
  const name = rule?.name ?? { zh: a.key, en: a.key };
  return a.points >= 0
    ? { zh: `加分：${name.zh} +${fmt(a.points)} 分。`, en: `Bonus: ${name.en || name.zh} +${fmt(a.points)}.` }
    : {
        zh: `扣分：${name.zh} ${fmt(a.points)} 分。`,
        en: `Deduction: ${name.en || name.zh} ${fmt(a.points)}.`,
      };
}

function standingLine(method: Method, r: ExplainInput): Line {
  const className = (k: string | null) => method.classes.find((c) => c.key === k)?.name;
  if (r.status === 'unrated') {
    const n = className(r.policyClass);
    return {
      zh: `总分 ${fmt(r.score ?? 0)} 分。本企业不定等级，政策上按 ${r.policyClass} 类（${n?.zh ?? ''}）对待。`,
      en: `Total ${fmt(r.score ?? 0)}. The enterprise is not classed and is treated as class ${r.policyClass} (${n?.en ?? ''}).`,
    };
  }
  const n = className(r.class);
  return {
    zh: `总分 ${fmt(r.score ?? 0)} 分，在本组 ${r.cohortSize} 家企业中排第 ${r.rank} 名，评为 ${r.class} 类（${n?.zh ?? ''}）。`,
    en: `Total ${fmt(r.score ?? 0)}: rank ${r.rank} of ${r.cohortSize} in the cohort, class ${r.class} (${n?.en ?? ''}).`,
  };
}

function policyLines(p: PolicyEffect): Line[] {
  const lines: Line[] = [];
  if (p.landUseTaxRelief && p.landUseTaxRelief.share > 0)
    lines.push({
      zh: `城镇土地使用税可减免 ${fmt(p.landUseTaxRelief.share * 100, 0)}%，约 ${fmt(p.landUseTaxRelief.yuan)} 元/年。`,
      en: `Town land-use tax relief ${fmt(p.landUseTaxRelief.share * 100, 0)}%: about ${fmt(p.landUseTaxRelief.yuan)} yuan a year.`,
    });
  if (p.electricitySurcharge && p.electricitySurcharge.yuanPerKwh > 0)
    lines.push({
      zh: `用电加价 ${p.electricitySurcharge.yuanPerKwh} 元/千瓦时（连续 ${p.electricitySurcharge.consecutiveYears} 年），按本年用电量约 ${fmt(p.electricitySurcharge.yuan)} 元。`,
      en: `Electricity surcharge ${p.electricitySurcharge.yuanPerKwh} yuan/kWh (${p.electricitySurcharge.consecutiveYears} year(s) running): about ${fmt(p.electricitySurcharge.yuan)} yuan at this year's use.`,
    });
  if (p.energyQuota && p.energyQuota.factor !== 1 && p.energyQuota.changeTce !== null)
    lines.push({
      zh: `用能指标按 ${fmt(p.energyQuota.factor * 100, 0)}% 核定，较本年用能 ${fmt(p.energyQuota.changeTce, 1)} 吨标准煤。`,
      en: `Energy quota set at ${fmt(p.energyQuota.factor * 100, 0)}% of this year's use: ${fmt(p.energyQuota.changeTce, 1)} tce.`,
    });
  return lines;
}
