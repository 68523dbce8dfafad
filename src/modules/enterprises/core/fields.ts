/** Enterprise-year figures and labels: names and units (domain guide §2, §4). Pure. */
import type { Label, RatingExemption } from './codes';

export interface YearField {
  key: YearFieldKey;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  integer?: boolean;
}

export const YEAR_FIELD_KEYS = [
  'output',
  'revenue',
  'tax',
  'valueAdded',
  'energyTce',
  'electricity',
  'emissions',
  'rdSpending',
  'employees',
  'fixedAssetInvestment',
] as const;
export type YearFieldKey = (typeof YEAR_FIELD_KEYS)[number];

export const YEAR_FIELDS: readonly YearField[] = [
  { key: 'output', zh: '工业总产值', en: 'Gross industrial output', unitZh: '万元', unitEn: '10k CNY' },
  { key: 'revenue', zh: '营业收入', en: 'Main-business revenue', unitZh: '万元', unitEn: '10k CNY' },
  { key: 'tax', zh: '税收', en: 'Tax paid', unitZh: '万元', unitEn: '10k CNY' },
  { key: 'valueAdded', zh: '工业增加值', en: 'Industrial value added', unitZh: '万元', unitEn: '10k CNY' },
  { key: 'energyTce', zh: '综合能耗', en: 'Energy use', unitZh: '吨标准煤', unitEn: 'tce' },
  { key: 'electricity', zh: '用电量', en: 'Electricity use', unitZh: '万千瓦时', unitEn: '10k kWh' },
  { key: 'emissions', zh: '主要污染物排放量', en: 'Main pollutant emissions', unitZh: '吨', unitEn: 't' },
  { key: 'rdSpending', zh: '研发经费支出', en: 'R&D spending', unitZh: '万元', unitEn: '10k CNY' },
  {
    key: 'employees',
    zh: '年平均职工人数',
    en: 'Average employees',
    unitZh: '人',
    unitEn: 'persons',
    integer: true,
  },
  {
    key: 'fixedAssetInvestment',
    zh: '固定资产投资',
    en: 'Fixed-asset investment',
    unitZh: '万元',
    unitEn: '10k CNY',
  },
];

export const LABEL_NAMES: Record<Label, { zh: string; en: string }> = {
  high_tech: { zh: '国家高新技术企业', en: 'National high-tech enterprise' },
  tech_sme: { zh: '科技型中小企业', en: 'Sci-tech SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'Specialised and innovative SME' },
  little_giant: { zh: '专精特新"小巨人"', en: '"Little giant"' },
  single_champion: { zh: '单项冠军', en: 'Single-item champion' },
  hidden_champion: { zh: '隐形冠军', en: 'Hidden champion' },
  chain_leader: { zh: '链主企业', en: 'Chain leader' },
  rd_institution: { zh: '研发机构', en: 'R&D institution' },
};

/** 不定等级: why an enterprise is scored but not classed (domain guide §5.2). */
export const RATING_EXEMPTION_NAMES: Record<RatingExemption, { zh: string; en: string }> = {
  utility: { zh: '公用事业', en: 'Utility' },
  startup: { zh: '初创企业', en: 'Start-up' },
  major_project: { zh: '在建重大项目', en: 'Major project under construction' },
};

/** "138****1234": phone numbers are personal information and never leave the server whole. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return `${digits.slice(0, 1)}${'*'.repeat(digits.length - 3)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
