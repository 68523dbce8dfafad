/** The validation catalogue of imports: every code with its severity and both languages. Pure. */
export const PROBLEMS = {
  FILE_TOO_LARGE: ['error', '文件超过大小上限', 'The file is larger than allowed'],
  NOT_XLSX: ['error', '不是有效的 .xlsx 文件', 'Not a valid .xlsx file'],
  ZIP_REJECTED: [
    'error',
    '文件结构异常（疑似压缩炸弹或路径攻击），已拒绝',
    'Suspicious file structure (zip bomb or path trick); refused',
  ],
  PARSE_FAILED: ['error', '无法读取工作簿', 'The workbook could not be read'],
  NO_DATA: ['error', '工作表中没有数据行', 'The sheet has no data rows'],
  MISSING_COLUMN: ['error', '缺少必需的列', 'A required column is missing'],
  UNKNOWN_COLUMN: [
    'error',
    '无法识别的列（请使用模板中的列名）',
    'Unknown column (use the template headers)',
  ],
  DUPLICATE_COLUMN: ['error', '列名重复', 'Duplicate column'],
  MERGED_CELLS: ['error', '包含合并单元格，请取消合并后再导入', 'Merged cells; unmerge them first'],
  REQUIRED: ['error', '必填项为空', 'Required value missing'],
  USCC_FORMAT: [
    'error',
    '统一社会信用代码格式错误（18 位数字或大写字母，不含 I、O、S、V、Z）',
    'Bad USCC format (18 digits or capitals, no I, O, S, V, Z)',
  ],
  USCC_CHECK: ['error', '统一社会信用代码校验位错误（GB 32100）', 'Wrong USCC check character (GB 32100)'],
  DUPLICATE_USCC: ['error', '文件中统一社会信用代码重复', 'The USCC appears more than once in the file'],
  UNKNOWN_ENTERPRISE: [
    'error',
    '企业未登记或不在您的管理范围内',
    'Enterprise not registered, or outside your scope',
  ],
  UNKNOWN_PLATFORM: ['error', '园区名称不存在', 'Unknown platform'],
  PLATFORM_NOT_ALLOWED: [
    'error',
    '只能导入本园区的企业',
    'You may only import enterprises of your own platform',
  ],
  UNKNOWN_INDUSTRY: [
    'error',
    '未知的行业小类代码（GB/T 4754-2017 四位代码）',
    'Unknown industry class (4-digit GB/T 4754-2017 code)',
  ],
  UNKNOWN_LANDHOLDER: ['error', '土地权利人未登记', 'The landholder is not registered'],
  NOT_A_NUMBER: ['error', '不是数字', 'Not a number'],
  NEGATIVE: ['error', '不能为负数', 'Must be zero or more'],
  NOT_INTEGER: ['error', '应为整数', 'Must be a whole number'],
  BAD_YEAR: ['error', '年度应为四位数字', 'The year must have 4 digits'],
  YEAR_MISMATCH: [
    'error',
    '年度与导入时选择的年度不一致',
    'The year differs from the year chosen for the import',
  ],
  BAD_SCALE: ['error', '规模只能填“规上”“规下”或留空', 'Scale must be 规上, 规下 or empty'],
  BAD_EXEMPTION: [
    'error',
    '不定等级只能填“公用事业”“初创企业”“在建重大项目”或留空',
    'Rating exemption must be 公用事业, 初创企业, 在建重大项目 or empty',
  ],
  BAD_DATE: ['error', '日期格式应为 YYYY-MM-DD（或填“是”）', 'Date must be YYYY-MM-DD (or 是)'],
  TEXT_TOO_LONG: ['error', '文字过长', 'Text too long'],
  FORMULA_NO_VALUE: [
    'error',
    '公式单元格没有计算结果，请在 Excel 中重新计算并保存',
    'Formula cell without a cached result; recalculate and save in Excel',
  ],
  CELL_ERROR: ['error', '单元格为错误值', 'The cell holds an error value'],
  FORMULA_CACHED: ['warning', '公式单元格：已使用其计算结果', 'Formula cell: its cached result is used'],
  UNIT_SUSPECT: [
    'warning',
    '数值约为同列中位数的 1 万倍以上，可能把“元”当成了“万元”',
    'About 10,000 × the column median or more: possibly yuan instead of 万元',
  ],
  NAME_DIFFERS: [
    'warning',
    '企业名称与名录不一致（以名录为准）',
    'The name differs from the registry (the registry wins)',
  ],
} as const satisfies Record<string, readonly ['error' | 'warning', string, string]>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface Problem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  code: ProblemCode;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
}

export function problem(
  code: ProblemCode,
  at: { sheet: string; row: number; column?: string; value?: unknown },
  extra?: { zh?: string; en?: string },
): Problem {
  const [severity, zh, en] = PROBLEMS[code];
  return {
    sheet: at.sheet,
    row: at.row,
    column: at.column ?? '',
    value: at.value === null || at.value === undefined ? '' : String(at.value).slice(0, 200),
    code,
    severity,
    zh: extra?.zh ? `${zh}：${extra.zh}` : zh,
    en: extra?.en ? `${en}: ${extra.en}` : en,
  };
}
