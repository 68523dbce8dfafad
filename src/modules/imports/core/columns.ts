/** The columns of the two import templates: Chinese headers with units, and what each means. Pure. */
import { LABELS, type Label } from '../../enterprises/core/codes';
import { LABEL_NAMES, YEAR_FIELDS, type YearFieldKey } from '../../enterprises/core/fields';

export type ImportKind = 'enterprises' | 'annual';

export type ColumnType = 'uscc' | 'text' | 'number' | 'integer' | 'year' | 'scale' | 'labelDate';

export interface ImportColumn {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  zh: string;
  en: string;
  example: string | number;
}

const yearColumns: ImportColumn[] = YEAR_FIELDS.map((f) => ({
  key: f.key,
  header: `${f.zh}（${f.unitZh}）`,
  type: f.integer ? 'integer' : 'number',
  required: false,
  zh: `${f.zh}，单位：${f.unitZh}。非负数；留空表示无数据。`,
  en: `${f.en}, in ${f.unitEn}. Zero or more; empty = no data.`,
  example: f.integer ? 120 : 1234.5,
}));

export const ANNUAL_COLUMNS: ImportColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    type: 'uscc',
    required: true,
    zh: '18 位统一社会信用代码（GB 32100），须已在企业名录中登记。',
    en: '18-character USCC (GB 32100); the enterprise must be registered.',
    example: '91330100MA0000001X',
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
    example: '91330100MA0000001X',
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
    zh: '自有工业用地面积，单位：亩。',
    en: 'Own industrial land, in mu.',
    example: 35.5,
  },
  {
    key: 'leasedFloorM2',
    header: '租赁厂房面积（平方米）',
    type: 'number',
    required: false,
    zh: '租赁厂房建筑面积，单位：平方米。',
    en: 'Leased floor area, in m².',
    example: 0,
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

export const COLUMNS: Record<ImportKind, ImportColumn[]> = {
  enterprises: ENTERPRISE_COLUMNS,
  annual: ANNUAL_COLUMNS,
};

export const YEAR_KEYS = YEAR_FIELDS.map((f) => f.key) as YearFieldKey[];

/** Header text as people type it: spaces and full-/half-width brackets do not matter. */
export function normaliseHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/\*/g, '').toLowerCase();
}
