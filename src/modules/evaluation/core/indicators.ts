/**
 * The indicators the evaluation engine scores: the per-mu evaluation's eight (domain guide §5.1)
 * and the platform evaluation's (§6, design), with names, units and formulas. Pure.
 */

/** What a method evaluates: enterprises (亩均效益评价) or platforms (一园一主业 evaluation, §4.2). */
export const SUBJECTS = ['enterprise', 'platform'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** The per-mu evaluation's indicators (enterprises). */
export const INDICATOR_KEYS = [
  'tax_per_mu',
  'value_added_per_mu',
  'revenue_per_mu',
  'value_added_per_energy',
  'value_added_per_emission',
  'labor_productivity',
  'rd_intensity',
  'tax_per_kwh',
] as const;
export type EnterpriseIndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The platform evaluation's indicators (design, domain guide §6), by dimension. */
export const PLATFORM_INDICATOR_KEYS = [
  'output_growth',
  'leading_share',
  'platform_tax_per_mu',
  'chain_leaders',
  'investment_intensity',
  'major_projects',
  'above_scale_growth',
  'ticket_closure_rate',
  'service_satisfaction',
  'ticket_on_time_rate',
  'public_service_platform',
  'platform_rd_intensity',
  'high_tech_firms',
  'energy_intensity_decline',
  'innovation_platforms',
] as const;
export type PlatformIndicatorKey = (typeof PLATFORM_INDICATOR_KEYS)[number];
export type IndicatorKey = EnterpriseIndicatorKey | PlatformIndicatorKey;
export const ALL_INDICATOR_KEYS: readonly IndicatorKey[] = [...INDICATOR_KEYS, ...PLATFORM_INDICATOR_KEYS];

/** The four dimensions of the platform evaluation (plan §4.2). */
export const DIMENSIONS = ['industry', 'factors', 'business', 'green'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_NAMES: Record<Dimension, { zh: string; en: string }> = {
  industry: { zh: '产业发展', en: 'Industrial development' },
  factors: { zh: '要素集聚', en: 'Factor agglomeration' },
  business: { zh: '营商环境', en: 'Business environment' },
  green: { zh: '绿色创新', en: 'Green innovation' },
};

/** The figures one enterprise brings to an evaluation (units as stored, domain guide §2). */
export interface Figures {
  /** Land the evaluation counts (亩): own land, or leased floor space converted by the cohort. */
  land: number | null;
  tax: number | null;
  valueAdded: number | null;
  revenue: number | null;
  energyTce: number | null;
  emissions: number | null;
  employees: number | null;
  rdSpending: number | null;
  electricity: number | null;
}

export interface IndicatorDefinition {
  key: IndicatorKey;
  subject: Subject;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  /** The figure divided (a field of the subject's figures). */
  numerator: string;
  /** The divisor, or null when the figure is the value itself. `land` is the land the cohort counts. */
  denominator: string | null;
  /** Decimals the UI shows. */
  decimals: number;
  /** Platform indicators: the dimension, and where the figure comes from. */
  dimension?: Dimension;
  /**
   * computed: from enterprise data; reported: entered per platform and year as reported statistics;
   * later: its data arrives with a later feature (tickets, projects …), so it has no value yet.
   */
  source?: 'computed' | 'reported' | 'later';
}

type EnterpriseDefinition = IndicatorDefinition & {
  numerator: Exclude<keyof Figures, 'land'>;
  denominator: keyof Figures;
};

const enterpriseIndicators: Record<EnterpriseIndicatorKey, Omit<EnterpriseDefinition, 'subject'>> = {
  tax_per_mu: {
    key: 'tax_per_mu',
    zh: '亩均税收',
    en: 'Tax per mu',
    unitZh: '万元/亩',
    unitEn: '10k CNY/mu',
    numerator: 'tax',
    denominator: 'land',
    decimals: 2,
  },
  value_added_per_mu: {
    key: 'value_added_per_mu',
    zh: '亩均增加值',
    en: 'Value added per mu',
    unitZh: '万元/亩',
    unitEn: '10k CNY/mu',
    numerator: 'valueAdded',
    denominator: 'land',
    decimals: 2,
  },
  revenue_per_mu: {
    key: 'revenue_per_mu',
    zh: '亩均营业收入',
    en: 'Revenue per mu',
    unitZh: '万元/亩',
    unitEn: '10k CNY/mu',
    numerator: 'revenue',
    denominator: 'land',
    decimals: 2,
  },
  value_added_per_energy: {
    key: 'value_added_per_energy',
    zh: '单位能耗增加值',
    en: 'Value added per tce',
    unitZh: '万元/吨标准煤',
    unitEn: '10k CNY/tce',
    numerator: 'valueAdded',
    denominator: 'energyTce',
    decimals: 3,
  },
  value_added_per_emission: {
    key: 'value_added_per_emission',
    zh: '单位排放增加值',
    en: 'Value added per t of emissions',
    unitZh: '万元/吨',
    unitEn: '10k CNY/t',
    numerator: 'valueAdded',
    denominator: 'emissions',
    decimals: 2,
  },
  labor_productivity: {
    key: 'labor_productivity',
    zh: '全员劳动生产率',
    en: 'Labour productivity',
    unitZh: '万元/人',
    unitEn: '10k CNY/person',
    numerator: 'valueAdded',
    denominator: 'employees',
    decimals: 2,
  },
  rd_intensity: {
    key: 'rd_intensity',
    zh: 'R&D经费支出占营业收入比重',
    en: 'R&D spending ÷ revenue',
    unitZh: '比值',
    unitEn: 'ratio',
    numerator: 'rdSpending',
    denominator: 'revenue',
    decimals: 4,
  },
  tax_per_kwh: {
    key: 'tax_per_kwh',
    zh: '单位电耗税收',
    en: 'Tax per kWh',
    unitZh: '元/千瓦时',
    unitEn: 'CNY/kWh',
    numerator: 'tax',
    denominator: 'electricity',
    decimals: 4,
  },
};

/** The figures one platform brings to the platform evaluation (from the metrics of its year). */
export interface PlatformFigures {
  outputGrowth: number | null;
  leadingShare: number | null;
  taxPerMu: number | null;
  chainLeaders: number | null;
  investmentIntensity: number | null;
  majorProjects: number | null;
  aboveScaleGrowth: number | null;
  ticketClosureRate: number | null;
  serviceSatisfaction: number | null;
  ticketOnTimeRate: number | null;
  publicServicePlatform: number | null;
  rdIntensity: number | null;
  highTechFirms: number | null;
  energyIntensityDecline: number | null;
  innovationPlatforms: number | null;
}

const platform = (
  key: PlatformIndicatorKey,
  numerator: keyof PlatformFigures,
  dimension: Dimension,
  source: 'computed' | 'reported' | 'later',
  zh: string,
  en: string,
  unitZh: string,
  unitEn: string,
  decimals: number,
): IndicatorDefinition => ({
  key,
  subject: 'platform',
  zh,
  en,
  unitZh,
  unitEn,
  numerator,
  denominator: null,
  decimals,
  dimension,
  source,
});

const platformIndicators: Record<PlatformIndicatorKey, IndicatorDefinition> = {
  output_growth: platform(
    'output_growth',
    'outputGrowth',
    'industry',
    'computed',
    '产值增速',
    'Output growth',
    '比值',
    'ratio',
    4,
  ),
  leading_share: platform(
    'leading_share',
    'leadingShare',
    'industry',
    'computed',
    '主导产业占比',
    'Leading-industry share',
    '比值',
    'ratio',
    4,
  ),
  platform_tax_per_mu: platform(
    'platform_tax_per_mu',
    'taxPerMu',
    'industry',
    'computed',
    '亩均税收（规上）',
    'Tax per mu (above scale)',
    '万元/亩',
    '10k CNY/mu',
    2,
  ),
  chain_leaders: platform(
    'chain_leaders',
    'chainLeaders',
    'industry',
    'computed',
    '链主企业数',
    'Chain leaders',
    '家',
    'firms',
    0,
  ),
  investment_intensity: platform(
    'investment_intensity',
    'investmentIntensity',
    'factors',
    'computed',
    '投资强度',
    'Investment intensity',
    '万元/亩',
    '10k CNY/mu',
    2,
  ),
  major_projects: platform(
    'major_projects',
    'majorProjects',
    'factors',
    'reported',
    '10亿元以上产业项目',
    'Industrial projects ≥ 1 bn CNY',
    '个',
    'projects',
    0,
  ),
  above_scale_growth: platform(
    'above_scale_growth',
    'aboveScaleGrowth',
    'factors',
    'computed',
    '规上企业数增长',
    'Growth of above-scale firms',
    '比值',
    'ratio',
    4,
  ),
  ticket_closure_rate: platform(
    'ticket_closure_rate',
    'ticketClosureRate',
    'business',
    'computed',
    '诉求办结率',
    'Request closure rate',
    '比值',
    'ratio',
    4,
  ),
  service_satisfaction: platform(
    'service_satisfaction',
    'serviceSatisfaction',
    'business',
    'computed',
    '服务满意率',
    'Service satisfaction',
    '比值',
    'ratio',
    4,
  ),
  ticket_on_time_rate: platform(
    'ticket_on_time_rate',
    'ticketOnTimeRate',
    'business',
    'computed',
    '诉求按期响应率',
    'Requests answered on time',
    '比值',
    'ratio',
    4,
  ),
  public_service_platform: platform(
    'public_service_platform',
    'publicServicePlatform',
    'business',
    'reported',
    '综合公共服务平台',
    'Public service platform',
    '有=1',
    '1 = yes',
    0,
  ),
  platform_rd_intensity: platform(
    'platform_rd_intensity',
    'rdIntensity',
    'green',
    'computed',
    'R&D经费占营业收入比重（规上）',
    'R&D ÷ revenue (above scale)',
    '比值',
    'ratio',
    4,
  ),
  high_tech_firms: platform(
    'high_tech_firms',
    'highTechFirms',
    'green',
    'computed',
    '国家高新技术企业数',
    'National high-tech firms',
    '家',
    'firms',
    0,
  ),
  energy_intensity_decline: platform(
    'energy_intensity_decline',
    'energyIntensityDecline',
    'green',
    'computed',
    '单位增加值能耗下降率',
    'Fall in energy per value added',
    '比值',
    'ratio',
    4,
  ),
  innovation_platforms: platform(
    'innovation_platforms',
    'innovationPlatforms',
    'green',
    'reported',
    '省级以上科创平台',
    'Provincial+ innovation platforms',
    '个',
    'platforms',
    0,
  ),
};

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  ...(Object.fromEntries(
    Object.entries(enterpriseIndicators).map(([k, d]) => [k, { ...d, subject: 'enterprise' }]),
  ) as Record<EnterpriseIndicatorKey, IndicatorDefinition>),
  ...platformIndicators,
};

/**
 * An indicator's value, or null when it cannot be computed: a figure is missing, or the divisor
 * is zero or negative (no land, no energy, no emissions reported).
 */
export function indicatorValue(key: IndicatorKey, f: Figures | PlatformFigures): number | null {
  const def = INDICATORS[key];
  const figures = f as unknown as Record<string, number | null | undefined>;
  const n = figures[def.numerator] ?? null;
  if (def.denominator === null) return n;
  const d = figures[def.denominator] ?? null;
  if (n === null || d === null || !(d > 0)) return null;
  return n / d;
}

/** 1 亩 = 10000/15 m² (domain guide §2). */
export const M2_PER_MU = 10000 / 15;
