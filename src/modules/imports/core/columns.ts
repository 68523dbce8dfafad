/** The columns of the two import templates: Chinese headers with units, and what each means. Pure. */
import { LABELS, type Label } from '../../enterprises/core/codes';
import { LABEL_NAMES, YEAR_FIELDS, type YearFieldKey } from '../../enterprises/core/fields';

export const IMPORT_KINDS = ['enterprises', 'annual'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** An import job's life: validating → ready → importing → succeeded, or rejected / failed. */
export const IMPORT_STATUSES = [
  'validating',
  'ready',
  'importing',
  'succeeded',
  'rejected',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ColumnType = 'uscc' | 'text' | 'number' | 'integer' | 'year' | 'scale' | 'labelDate';

export interface ImportColumn {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  zh: string;
  en: string;
  example: string | number;
  /** Plausible values of a figure: above `soft` a warning, above `hard` an error (zero is the floor). */
  range?: PlausibleRange;
}

export interface PlausibleRange {
  soft: number;
  hard: number;
}

/**
 * What one enterprise can plausibly report (docs/imports.md). Above `hard` a value is impossible
 * for a single enterprise (a typing or unit error) and the row is refused; above `soft` it is
 * possible but rare and imported with a warning to check it.
 */
export const PLAUSIBLE: Record<YearFieldKey | 'ownLandMu' | 'leasedFloorM2', PlausibleRange> = {
  // 万元: 1e7 = 1000 亿元, 1e9 = 10 万亿元 (more than any enterprise's turnover).
  output: { soft: 1e7, hard: 1e9 },
  revenue: { soft: 1e7, hard: 1e9 },
  tax: { soft: 1e6, hard: 1e9 },
  valueAdded: { soft: 1e7, hard: 1e9 },
  rdSpending: { soft: 1e6, hard: 1e9 },
  fixedAssetInvestment: { soft: 1e7, hard: 1e9 },
  // 吨标准煤, 万千瓦时, 吨, 人.
  energyTce: { soft: 5e6, hard: 1e8 },
  electricity: { soft: 1e6, hard: 1e8 },
  emissions: { soft: 1e5, hard: 1e7 },
  employees: { soft: 1e5, hard: 2e6 },
  // 亩, 平方米.
  ownLandMu: { soft: 1e4, hard: 1e6 },
  leasedFloorM2: { soft: 1e6, hard: 1e8 },
};

const zhNumber = (n: number) => (n >= 1e8 ? `${n / 1e8} 亿` : n >= 1e4 ? `${n / 1e4} 万` : String(n));
const enNumber = (n: number) => n.toLocaleString('en');

/** The range sentence of the 说明 sheet. */
export function rangeText(range: PlausibleRange, unitZh: string, unitEn: string) {
  return {
    zh: `合理范围 0–${zhNumber(range.soft)}（${unitZh}）；超过 ${zhNumber(range.soft)} 给出警告，超过 ${zhNumber(range.hard)} 视为错误。`,
    en: `Plausible range 0–${enNumber(range.soft)} ${unitEn}; above ${enNumber(range.soft)} a warning, above ${enNumber(range.hard)} an error.`,
  };
}

const yearColumns: ImportColumn[] = YEAR_FIELDS.map((f) => {
  const range = PLAUSIBLE[f.key];
  const text = rangeText(range, f.unitZh, f.unitEn);
  return {
    key: f.key,
    header: `${f.zh}（${f.unitZh}）`,
    type: f.integer ? 'integer' : 'number',
    required: false,
    zh: `${f.zh}，单位：${f.unitZh}。非负数；留空表示无数据。${text.zh}`,
    en: `${f.en}, in ${f.unitEn}. Zero or more; empty = no data. ${text.en}`,
    example: f.integer ? 120 : 1234.5,
    range,
  };
});

export const ANNUAL_COLUMNS: ImportColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    type: 'uscc',
    required: true,
    zh: '18 位统一社会信用代码（GB 32100），须已在企业名录中登记。',
    en: '18-character USCC (GB 32100); the enterprise must be registered.',
    example: '91330100MA0000001F',
  },
  {
    key: 'name',
    header: '企业名称',
    type: 'text',
    required: false,
    zh: '仅供核对，不修改名录中的名称。',
    en: 'For checking only; does not change the registered name.',
    example: '杭州示例科技有限公司',
  },
  {
    key: 'year',
    header: '年度',
    type: 'year',
    required: true,
    zh: '数据所属年度（四位数字），须与导入时选择的年度一致。',
    en: 'The year of the figures (4 digits); must match the year chosen for the import.',
    example: 2025,
  },
  ...yearColumns,
];

const labelColumns: ImportColumn[] = LABELS.map((l: Label) => ({
  key: `label:${l}`,
  header: `${LABEL_NAMES[l].zh}（认定日期）`,
  type: 'labelDate',
  required: false,
  zh: `${LABEL_NAMES[l].zh}：填认定日期 YYYY-MM-DD，或“是”（日期不详）；留空表示无此标签。`,
  en: `${LABEL_NAMES[l].en}: grant date YYYY-MM-DD, or 是 (date unknown); empty = no such label.`,
  example: '2024-12-01',
}));

export const ENTERPRISE_COLUMNS: ImportColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    type: 'uscc',
    required: true,
    zh: '18 位统一社会信用代码（GB 32100），作为企业的唯一标识。',
    en: '18-character USCC (GB 32100), the enterprise key.',
    example: '91330100MA0000001F',
  },
  {
    key: 'name',
    header: '企业名称',
    type: 'text',
    required: true,
    zh: '企业全称。',
    en: 'Full registered name.',
    example: '杭州示例科技有限公司',
  },
  {
    key: 'platform',
    header: '所属园区',
    type: 'text',
    required: true,
    zh: '园区名称，须与园区名录一致。',
    en: 'Platform name, exactly as in the platform registry.',
    example: '钱塘新区产业集聚区',
  },
  {
    key: 'industryClass',
    header: '行业代码（GB/T 4754-2017）',
    type: 'text',
    required: false,
    zh: '国民经济行业分类四位小类代码，如 3973。',
    en: '4-digit GB/T 4754-2017 class code, e.g. 3973.',
    example: '3973',
  },
  {
    key: 'scale',
    header: '规模（规上/规下）',
    type: 'scale',
    required: false,
    zh: '填“规上”或“规下”；留空则按营业收入 ≥ 2000 万元自动判定。',
    en: '规上 or 规下; empty = derived from revenue ≥ 20 million yuan.',
    example: '',
  },
  {
    key: 'ownLandMu',
    header: '自有用地（亩）',
    type: 'number',
    required: false,
    zh: `自有工业用地面积，单位：亩。${rangeText(PLAUSIBLE.ownLandMu, '亩', 'mu').zh}`,
    en: `Own industrial land, in mu. ${rangeText(PLAUSIBLE.ownLandMu, '亩', 'mu').en}`,
    example: 35.5,
    range: PLAUSIBLE.ownLandMu,
  },
  {
    key: 'leasedFloorM2',
    header: '租赁厂房面积（平方米）',
    type: 'number',
    required: false,
    zh: `租赁厂房建筑面积，单位：平方米。${rangeText(PLAUSIBLE.leasedFloorM2, '平方米', 'm²').zh}`,
    en: `Leased floor area, in m². ${rangeText(PLAUSIBLE.leasedFloorM2, '平方米', 'm²').en}`,
    example: 0,
    range: PLAUSIBLE.leasedFloorM2,
  },
  {
    key: 'ratingExemption',
    header: '不定等级（公用事业/初创企业/在建重大项目）',
    type: 'text',
    required: false,
    zh: '参加亩均评价但不定等级的原因：填“公用事业”“初创企业”或“在建重大项目”；留空为正常定级。',
    en: 'Scored but not classed in the per-mu evaluation: 公用事业 (utility), 初创企业 (start-up) or 在建重大项目 (major project); empty = classed normally.',
    example: '',
  },
  {
    key: 'landholder',
    header: '共用地块土地权利人（统一社会信用代码）',
    type: 'uscc',
    required: false,
    zh: '与土地权利人共用地块时，填权利人的统一社会信用代码。',
    en: "When sharing a parcel, the landholder's USCC.",
    example: '',
  },
  {
    key: 'address',
    header: '地址',
    type: 'text',
    required: false,
    zh: '生产经营地址。',
    en: 'Address.',
    example: '杭州市钱塘区示例路 1 号',
  },
  ...labelColumns,
  {
    key: 'contactName',
    header: '联系人',
    type: 'text',
    required: false,
    zh: '联系人姓名（个人信息）。',
    en: 'Contact name (personal information).',
    example: '张三',
  },
  {
    key: 'contactPhone',
    header: '联系电话',
    type: 'text',
    required: false,
    zh: '联系电话（个人信息，系统中脱敏显示）。',
    en: 'Contact phone (personal information; always shown masked).',
    example: '13800000000',
  },
];

/**
 * Columns of the registry export that are for reading only: the registry import accepts and
 * ignores them, so that an export can be imported again (figures come in by the annual import).
 */
export const EXPORT_ONLY_HEADERS = {
  industryName: '行业名称',
  keyIndustry: '重点产业',
  scale: '当前规模',
  latestYear: '数据年度',
  output: '工业总产值（万元）',
  revenue: '营业收入（万元）',
  tax: '税收（万元）',
  valueAdded: '工业增加值（万元）',
  employees: '年平均职工人数（人）',
} as const;

/** How long a validated web upload waits for confirmation before it is deleted (hours). */
export const UPLOAD_RETENTION_HOURS = 24;

/** The data sheet's name in each template (read first when a workbook has it). */
export const SHEET_NAMES: Record<ImportKind, string> = { enterprises: '企业名录', annual: '年度数据' };

export const COLUMNS: Record<ImportKind, ImportColumn[]> = {
  enterprises: ENTERPRISE_COLUMNS,
  annual: ANNUAL_COLUMNS,
};

export const YEAR_KEYS = YEAR_FIELDS.map((f) => f.key) as YearFieldKey[];

/** Header text as people type it: spaces and full-/half-width brackets do not matter. */
export function normaliseHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/\*/g, '').toLowerCase();
}
