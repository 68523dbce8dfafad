/**
 * The default platform evaluation (plan §4.2, domain guide §6): four dimensions plus tax per mu and
 * investment intensity, in the same method format and scored by the same engine as the per-mu
 * evaluation. No published weights exist: every weight, benchmark and band here is our design,
 * editable as a new method version. Pure data.
 */
import type { PlatformIndicatorKey } from './indicators';
import type { IndicatorRule, Method } from './method';

export const PLATFORM_PRESET_KEY = 'platform-2022';

const ratio = (indicator: PlatformIndicatorKey, weight: number, benchmark: number): IndicatorRule => ({
  indicator,
  weight,
  benchmark: { kind: 'fixed', value: benchmark },
  scoring: 'ratio',
  // Reaching the benchmark (the plan's target) earns the full weight: the total stays ≤ 100.
  cap: weight,
  missing: 'cohort_average',
});
const minMax = (
  indicator: PlatformIndicatorKey,
  weight: number,
  missing: IndicatorRule['missing'],
): IndicatorRule => ({
  indicator,
  weight,
  benchmark: { kind: 'cohort_mean' },
  scoring: 'min_max',
  cap: null,
  missing,
});

export const PLATFORM_PRESET: Method = {
  schemaVersion: 1,
  subject: 'platform',
  noDataItems: 'rescale',
  name: { zh: '产业平台综合评价（默认）', en: 'Platform evaluation (default)' },
  description:
    '设计默认值：产业发展 32、要素集聚 20、营商环境 20、绿色创新 28 分。亩均税收以 40 万元/亩（杭政函〔2023〕13号）、' +
    '主导产业占比以 60%（目标 T2）、R&D 占比以 3.8% 为基准，按比值计分，达到基准即得满分；投资强度、增速、计数类指标按极差计分（20%–100%）。' +
    '暂无数据的指标（诉求办结率等，待企业服务上线）不计分，其余指标按权重比例放大到 100 分。',
  descriptionEn:
    'Design defaults: industrial development 32, factor concentration 20, business environment 20, green innovation 28 points. ' +
    'Tax per mu is benchmarked at 400,000 CNY/mu (Hangzhou Government Letter [2023] No. 13), the leading-industry share at 60% (target T2) ' +
    'and the R&D share at 3.8%, scored as a ratio (full points at the benchmark); investment intensity, growth and counts are scored ' +
    'min–max (20%–100%). Indicators without data yet (such as the request completion rate, until enterprise services go live) ' +
    'are left out and the others are scaled up to 100 points by weight.',
  source: '设计默认值：《实施方案》（杭政办函〔2022〕69号）要求评价产业平台，未公布权重',
  sourceEn:
    'Design default: the implementation plan (Hangzhou Government Office Letter [2022] No. 69) asks for a platform evaluation and publishes no weights',
  scorePrecision: 2,
  tenants: 'separate',
  classes: [
    { key: 'A', name: { zh: '优秀', en: 'Excellent' } },
    { key: 'B', name: { zh: '良好', en: 'Good' } },
    { key: 'C', name: { zh: '合格', en: 'Adequate' } },
    { key: 'D', name: { zh: '待提升', en: 'Needs improvement' } },
  ],
  unrated: { exemptions: [], treatAs: 'C' },
  cohorts: [
    {
      key: 'platforms',
      name: { zh: '全部产业平台', en: 'All platforms' },
      filter: {},
      indicators: [
        // 产业发展 32
        minMax('output_growth', 8, 'cohort_average'),
        ratio('leading_share', 8, 0.6),
        ratio('platform_tax_per_mu', 12, 40),
        minMax('chain_leaders', 4, 'cohort_average'),
        // 要素集聚 20
        minMax('investment_intensity', 10, 'cohort_average'),
        minMax('major_projects', 5, 'zero'),
        minMax('above_scale_growth', 5, 'cohort_average'),
        // 营商环境 20
        minMax('ticket_closure_rate', 6, 'zero'),
        minMax('service_satisfaction', 5, 'zero'),
        minMax('ticket_on_time_rate', 4, 'zero'),
        { ...ratio('public_service_platform', 5, 1), missing: 'zero' },
        // 绿色创新 28
        ratio('platform_rd_intensity', 10, 0.038),
        minMax('high_tech_firms', 6, 'cohort_average'),
        minMax('energy_intensity_decline', 6, 'cohort_average'),
        minMax('innovation_platforms', 6, 'zero'),
      ],
      correctionFactor: 1,
      adjustments: [],
      banding: {
        kind: 'threshold',
        bands: [
          { class: 'A', minScore: 85 },
          { class: 'B', minScore: 70 },
          { class: 'C', minScore: 60 },
          { class: 'D', minScore: null },
        ],
      },
    },
  ],
  policies: { landUseTax: null, electricitySurcharge: null, energyQuota: null },
};
