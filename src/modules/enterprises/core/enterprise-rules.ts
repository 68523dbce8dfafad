/** Validation of an enterprise's profile. Pure: reference codes are passed in. */
import type { FieldError } from '../../../platform/errors';
import { LABELS, RATING_EXEMPTIONS, type Label, type RatingExemption, type Scale } from './codes';
import { checkUscc } from './uscc';

export interface EnterpriseInput {
  uscc: string;
  name: string;
  platformId: number;
  industryClass: string | null;
  scaleOverride: Scale | null;
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  /** 不定等级: takes part in the evaluation without a class (utility, start-up, major project). */
  ratingExemption?: RatingExemption | null;
  address: string;
  labels: { label: Label; grantedOn: string | null }[];
}

export interface EnterpriseReference {
  platformIds: ReadonlySet<number>;
  industryClasses: ReadonlySet<string>;
}

const e = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, zh, en });

export function usccError(field: string, uscc: string): FieldError | null {
  const problem = checkUscc(uscc);
  if (problem === 'FORMAT')
    return e(
      field,
      'USCC_FORMAT',
      '统一社会信用代码应为 18 位（数字和大写字母，不含 I、O、S、V、Z）',
      'A USCC has 18 digits or capital letters (no I, O, S, V, Z)',
    );
  if (problem === 'CHECK_CHARACTER')
    return e(
      field,
      'USCC_CHECK',
      '统一社会信用代码校验位错误（GB 32100）',
      'Wrong USCC check character (GB 32100)',
    );
  return null;
}

export function validateEnterprise(input: EnterpriseInput, ref: EnterpriseReference): FieldError[] {
  const errors: FieldError[] = [];
  const uscc = usccError('uscc', input.uscc);
  if (uscc) errors.push(uscc);
  if (!input.name.trim()) errors.push(e('name', 'REQUIRED', '请填写企业名称', 'Enter the enterprise name'));
  if (input.name.length > 100)
    errors.push(e('name', 'TOO_LONG', '名称最多 100 个字符', 'At most 100 characters'));
  if (!ref.platformIds.has(input.platformId))
    errors.push(e('platformId', 'UNKNOWN_PLATFORM', '园区不存在', 'Unknown platform'));
  if (input.industryClass !== null && !ref.industryClasses.has(input.industryClass))
    errors.push(
      e(
        'industryClass',
        'UNKNOWN_INDUSTRY',
        '未知的行业小类代码（GB/T 4754-2017 四位代码）',
        'Unknown industry class (4-digit GB/T 4754-2017 code)',
      ),
    );
  for (const [field, value] of [
    ['ownLandMu', input.ownLandMu],
    ['leasedFloorM2', input.leasedFloorM2],
  ] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0))
      errors.push(e(field, 'NEGATIVE', '不能为负数', 'Must be zero or more'));
  }
  if (input.ratingExemption && !RATING_EXEMPTIONS.includes(input.ratingExemption))
    errors.push(e('ratingExemption', 'UNKNOWN_EXEMPTION', '未知的不定等级原因', 'Unknown rating exemption'));
  if (input.address.length > 200)
    errors.push(e('address', 'TOO_LONG', '地址最多 200 个字符', 'At most 200 characters'));
  const seen = new Set<string>();
  for (const l of input.labels) {
    if (!LABELS.includes(l.label))
      errors.push(e('labels', 'UNKNOWN_LABEL', `未知标签：${l.label}`, `Unknown label: ${l.label}`));
    if (seen.has(l.label)) errors.push(e('labels', 'DUPLICATE', '标签重复', 'Duplicate label'));
    seen.add(l.label);
    if (l.grantedOn !== null && !isIsoDate(l.grantedOn))
      errors.push(
        e(
          'labels',
          'BAD_DATE',
          `认定日期格式应为 YYYY-MM-DD：${l.grantedOn}`,
          `Grant date must be YYYY-MM-DD: ${l.grantedOn}`,
        ),
      );
  }
  return errors;
}

type LabelGrant = EnterpriseInput['labels'][number];

/**
 * The labels a record gets from an edit or an import: what was asked for, except the chain-leader
 * label (链主), which is granted and withdrawn only with a reason on the chain-leader page
 * (plan §3.1) — it stays exactly as it is, whatever the edit or the file says.
 */
export function labelsAfterEdit(
  requested: readonly LabelGrant[],
  current: readonly LabelGrant[],
): LabelGrant[] {
  return [
    ...requested.filter((l) => l.label !== 'chain_leader'),
    ...current.filter((l) => l.label === 'chain_leader'),
  ];
}

/** Whether two label lists grant the same labels on the same dates (in any order). */
export function sameLabels(a: readonly LabelGrant[], b: readonly LabelGrant[]): boolean {
  const key = (ls: readonly LabelGrant[]) =>
    ls
      .map((l) => `${l.label}:${l.grantedOn ?? ''}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
