import { FILE_HEADLINES } from '../../spreadsheets/core/file-kind';

/** The validation catalogue of imports: every code with its severity and both languages. Pure. */
export const PROBLEMS = {
  FILE_TOO_LARGE: ['error', FILE_HEADLINES.FILE_TOO_LARGE.zh, FILE_HEADLINES.FILE_TOO_LARGE.en],
  NOT_XLSX: ['error', FILE_HEADLINES.NOT_XLSX.zh, FILE_HEADLINES.NOT_XLSX.en],
  ZIP_REJECTED: ['error', FILE_HEADLINES.ZIP_REJECTED.zh, FILE_HEADLINES.ZIP_REJECTED.en],
  PARSE_FAILED: ['error', FILE_HEADLINES.PARSE_FAILED.zh, FILE_HEADLINES.PARSE_FAILED.en],
  TOO_MANY_ROWS: ['error', FILE_HEADLINES.TOO_MANY_ROWS.zh, FILE_HEADLINES.TOO_MANY_ROWS.en],
  TOO_MANY_CELLS: ['error', FILE_HEADLINES.TOO_MANY_CELLS.zh, FILE_HEADLINES.TOO_MANY_CELLS.en],
  UPLOAD_EXPIRED: [
    'error',
    '上传的文件超过保留期限未确认导入，已删除；请重新上传',
    'The upload was not confirmed within its retention period and was deleted; upload it again',
  ],
  IMPORT_INTERRUPTED: [
    'error',
    '导入被中断（执行导入的进程已终止），未写入任何数据；请重新导入',
    'The import was interrupted (the process running it stopped); nothing was written. Import the file again',
  ],
  IMPORT_FAILED: [
    'error',
    '导入因系统错误失败，未写入任何数据；请稍后重新导入',
    'The import failed on a system error; nothing was written. Import the file again later',
  ],
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
  ENTERPRISE_OUT_OF_SCOPE: [
    'error',
    '该统一社会信用代码已登记在您管理范围之外的园区，导入不能修改它；如企业确已迁入，请联系市工作专班在企业档案中执行“迁移园区”',
    'This USCC is registered on a platform outside your scope and an import may not change it; if the enterprise has really moved, ask the city task force to use “Move to another platform” on its record',
  ],
  PLATFORM_MOVE: [
    'error',
    '导入不能改变企业所属园区；请在企业档案中使用“迁移园区”（仅市工作专班）',
    'An import may not move an enterprise to another platform; use “Move to another platform” on its record (city task force only)',
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
  BAD_THOUSANDS: [
    'error',
    '千位分隔符位置不对（逗号只能每三位一组，如 1,234.5；小数点用“.”）',
    'Misplaced thousands separator (commas only between groups of three, e.g. 1,234.5; decimals with “.”)',
  ],
  OUT_OF_RANGE: [
    'error',
    '数值超出一家企业可能的范围（见模板“说明”页）',
    'Beyond what one enterprise can report (see the template’s 说明 sheet)',
  ],
  INVISIBLE_CHARACTER: [
    'error',
    '含有不可见字符或文字方向控制字符，请删除后重新输入',
    'Contains invisible or text-direction control characters; delete them and type the text again',
  ],
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
  IMPLAUSIBLE: [
    'warning',
    '数值超出常见范围，请核对（见模板“说明”页）',
    'Unusually large; please check it (see the template’s 说明 sheet)',
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
