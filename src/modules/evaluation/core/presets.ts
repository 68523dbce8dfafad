/**
 * Preset methods (domain guide §5.3–§5.5). The Huangyan weights and benchmarks, the Wenling 2022
 * class bands, the land-use-tax relief and the Haining electricity surcharge are published
 * examples; everything marked "design" is our default for a parameter the sources leave open.
 * Pure data.
 */
import type { CohortRule, Method, Policies } from './method';
import { PLATFORM_PRESET, PLATFORM_PRESET_KEY } from './platform-preset';

export const CLASSES: Method['classes'] = [
  { key: 'A', name: { zh: '优先发展', en: 'Priority development' } },
  { key: 'B', name: { zh: '鼓励提升', en: 'Encouraged to improve' } },
  { key: 'C', name: { zh: '整治提升', en: 'Rectify and improve' } },
  { key: 'D', name: { zh: '限制淘汰', en: 'Restrict and phase out' } },
];

/** Wenling 2022 (§5.4): 规上 A top 20%, B 20–80%, C 80–95%, D last 5%. */
const WENLING_ABOVE: CohortRule['banding'] = {
  kind: 'percentile',
  bands: [
    { class: 'A', upToPercent: 20 },
    { class: 'B', upToPercent: 80 },
    { class: 'C', upToPercent: 95 },
    { class: 'D', upToPercent: 100 },
  ],
};
/** Wenling 2022 (§5.4): 规下 A top 5%, B 5–75%, C 75–95%, D last 5%. */
const WENLING_BELOW: CohortRule['banding'] = {
  kind: 'percentile',
  bands: [
    { class: 'A', upToPercent: 5 },
    { class: 'B', upToPercent: 75 },
    { class: 'C', upToPercent: 95 },
    { class: 'D', upToPercent: 100 },
  ],
};

export const PUBLISHED_POLICIES: Policies = {
  landUseTax: {
    // Design: a typical industrial-land rate; set the district's own grade rate.
    yuanPerM2: 8,
    reliefShare: { A: 1, B: 0.8, C: 0, D: 0 },
    source: '浙政办发〔2019〕62号：A 类 100%、B 类 80% 减免（公开示例）；税额 8 元/m²·年为设计默认值',
    sourceEn:
      'Zhejiang Provincial Government Office Document [2019] No. 62: relief of 100% for class A and 80% for class B (published example); the rate of 8 CNY/m² a year is a design default',
  },
  electricitySurcharge: {
    yuanPerKwh: { A: 0, B: 0, C: 0, D: 0.3 },
    escalation: [{ class: 'D', consecutiveYears: 3, yuanPerKwh: 0.4 }],
    source: '海宁市 2025 年征求意见稿：D 类加价 0.3 元/kWh，连续三年 D 类 0.4 元/kWh（公开示例）',
    sourceEn:
      'Haining 2025 draft for comment: class D pays 0.3 CNY/kWh more, 0.4 CNY/kWh after three years in class D (published example)',
  },
  energyQuota: {
    factor: { A: 1, B: 1, C: 0.9, D: 0.8 },
    source: '设计默认值：C、D 类用能指标压减（比例由各地确定）',
    sourceEn: 'Design default: energy-use quotas of classes C and D are cut (each district sets the shares)',
  },
};

const UNRATED: Method['unrated'] = { exemptions: ['utility', 'startup', 'major_project'], treatAs: 'B' };

type Six = [number, number, number, number, number, number];

/** The six provincial indicators with Huangyan's weights 30/20/20/10/10/10 (§5.3). */
function aboveScale(benchmarks: Six | null): CohortRule {
  const keys = [
    'tax_per_mu',
    'value_added_per_mu',
    'value_added_per_energy',
    'value_added_per_emission',
    'labor_productivity',
    'rd_intensity',
  ] as const;
  const weights = [30, 20, 20, 10, 10, 10];
  return {
    key: 'above',
    name: { zh: '规上工业企业', en: 'Above-scale industrial enterprises' },
    filter: { scale: 'above' },
    indicators: keys.map((indicator, i) => ({
      indicator,
      weight: weights[i]!,
      benchmark: benchmarks ? { kind: 'fixed', value: benchmarks[i]! } : { kind: 'cohort_mean' },
      scoring: 'ratio',
      cap: null,
      // Huangyan: a 规上 firm without emissions data gets the cohort's average points for the item.
      missing: indicator === 'value_added_per_emission' ? 'cohort_average' : 'zero',
    })),
    correctionFactor: 1,
    adjustments: [],
    banding: WENLING_ABOVE,
  };
}

function belowScale(benchmarks: [number, number] | null): CohortRule {
  return {
    key: 'below',
    name: { zh: '规下工业企业（用地 ≥ 3 亩）', en: 'Below-scale enterprises (land ≥ 3 mu)' },
    filter: { scale: 'below', minOwnLandMu: 3 },
    indicators: (['tax_per_mu', 'tax_per_kwh'] as const).map((indicator, i) => ({
      indicator,
      weight: 50,
      benchmark: benchmarks ? { kind: 'fixed', value: benchmarks[i]! } : { kind: 'cohort_mean' },
      scoring: 'ratio',
      cap: null,
      missing: 'zero',
    })),
    correctionFactor: 1,
    adjustments: [],
    banding: WENLING_BELOW,
  };
}

function huangyan(year: 2021 | 2022, above: Six, below: [number, number]): Method {
  return {
    schemaVersion: 1,
    name: { zh: `黄岩区亩均效益评价（${year} 年数据）`, en: `Huangyan per-mu evaluation (${year} data)` },
    description:
      '公开示例：台州市黄岩区权重与基准值；分档采用温岭 2022 年比例；政策为公开示例。' +
      '评价范围：全部规上企业和自有用地 ≥ 3 亩的规下企业。',
    descriptionEn:
      "Published example: the weights and benchmarks of Huangyan District (Taizhou); class bands in Wenling's 2022 shares; " +
      'example policies. Scope: every enterprise above designated size and those below it with at least 3 mu of own land.',
    source: `公开示例：台州市黄岩区亩均效益评价（${year} 年数据）的权重与基准值；分档比例采用温岭市 2022 年做法；政策为公开示例`,
    sourceEn: `Published example: weights and benchmarks of Huangyan District's per-mu evaluation (${year} data); class bands as in Wenling 2022; example policies`,
    scorePrecision: 2,
    tenants: 'separate',
    classes: CLASSES,
    unrated: UNRATED,
    cohorts: [aboveScale(above), belowScale(below)],
    policies: PUBLISHED_POLICIES,
  };
}

export const PRESETS: Record<string, Method> = {
  'huangyan-2021': huangyan(2021, [26.01, 132.27, 2.54, 4861.08, 17.45, 0.0305], [16.601058, 0.236565]),
  'huangyan-2022': huangyan(2022, [24.097, 136.16, 2.694, 4929.81, 18.14, 0.0302], [11.5932, 0.2352]),
  'zhejiang-default': {
    schemaVersion: 1,
    name: { zh: '浙江省六项指标（模板）', en: 'Zhejiang six indicators (template)' },
    description:
      '新方法的模板：规上六项省级指标、规下亩均税收与单位电耗税收，基准为评价组平均值。' +
      '权重沿用常见的 30/20/20/10/10/10（设计默认值），请按本地文件修改。',
    descriptionEn:
      'A template for a new method: the six provincial indicators above designated size, tax per mu and tax per kWh below it, ' +
      'benchmarked on the cohort mean. The weights follow the common 30/20/20/10/10/10 (design default); change them to your local rules.',
    source: '设计默认值：浙江省亩均效益评价六项指标（浙政发〔2018〕5号），基准为评价组平均值',
    sourceEn:
      "Design default: Zhejiang's six per-mu indicators (Zhejiang Provincial Government Document [2018] No. 5), benchmarked on the cohort mean",
    scorePrecision: 2,
    tenants: 'separate',
    classes: CLASSES,
    unrated: UNRATED,
    cohorts: [aboveScale(null), belowScale(null)],
    policies: PUBLISHED_POLICIES,
  },
  [PLATFORM_PRESET_KEY]: PLATFORM_PRESET,
};

export const PRESET_KEYS = Object.keys(PRESETS);
