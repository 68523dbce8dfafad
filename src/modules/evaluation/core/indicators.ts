/** The indicators of the per-mu evaluation (domain guide §5.1): names, units, formulas. Pure. */

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
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

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
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  numerator: Exclude<keyof Figures, 'land'>;
  denominator: keyof Figures;
  /** Decimals the UI shows. */
  decimals: number;
}

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
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

/**
 * An indicator's value, or null when it cannot be computed: a figure is missing, or the divisor
 * is zero or negative (no land, no energy, no emissions reported).
 */
export function indicatorValue(key: IndicatorKey, f: Figures): number | null {
  const def = INDICATORS[key];
  const n = f[def.numerator];
  const d = f[def.denominator];
  if (n === null || d === null || !(d > 0)) return null;
  return n / d;
}

/** 1 亩 = 10000/15 m² (domain guide §2). */
export const M2_PER_MU = 10000 / 15;
