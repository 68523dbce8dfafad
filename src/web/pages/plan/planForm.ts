// The target form's values: stored values ↔ what the form shows (ratios as percentages, grouped
// digits), a new target's defaults, and the input sent to the API.
import type {
  Comparator,
  Frequency,
  MetricKey,
  PlanPeriod,
  PlanTarget,
  TargetInput,
  TargetKind,
} from '../../api/plan';
import type { Format } from './planFormat';

/** Removes binary noise of a scaling (0.038 × 100 = 3.8000000000000003 → 3.8). */
export const clean = (n: number) => Number(n.toPrecision(12));

/**
 * A stored value as entered in the form: ratios as percentages (to 4 decimals: a computed baseline
 * of 0.748939093406 shows as 74.8939), everything else to 12 significant digits.
 */
export function toFormNumber(value: number | null | undefined, format: Format | undefined): number | null {
  if (value === null || value === undefined) return null;
  return format === 'ratio' ? Number((value * 100).toFixed(4)) : clean(value);
}

/** Thousands separators for number inputs (integer part only): 300000000.5 → "300,000,000.5". */
export function groupDigits(text: string | number | undefined): string {
  const s = text === undefined ? '' : String(text);
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Parses a grouped number input back. */
export const ungroupDigits = (text: string | undefined) => (text ?? '').replace(/,/g, '');

/** A value entered in the form as stored: percentages back to ratios. */
export function fromFormNumber(value: number | null | undefined, format: Format | undefined): number | null {
  if (value === null || value === undefined) return null;
  return format === 'ratio' ? clean(value / 100) : value;
}

export interface MilestoneRow {
  year?: number | null;
  value?: number | null;
}

/** The target form's fields; numbers are in the form's units (ratios and the warning ratio in %). */
export interface TargetFormValues {
  code: string;
  nameZh: string;
  nameEn?: string;
  metric?: MetricKey;
  comparator: Comparator;
  targetValue?: number | null;
  kind: TargetKind;
  dueYear?: number | null;
  baselineYear?: number | null;
  baselineValue?: number | null;
  milestones?: MilestoneRow[];
  ownerDepartment?: string;
  frequency: Frequency;
  /** In percent (90 = 0.9). */
  warningRatio?: number | null;
  source?: string;
  note?: string;
  sort?: number | null;
}

/** Form fields that server validation errors can be put on. */
export const TARGET_FORM_FIELDS = [
  'code',
  'nameZh',
  'nameEn',
  'metric',
  'comparator',
  'targetValue',
  'kind',
  'dueYear',
  'baselineYear',
  'baselineValue',
  'milestones',
  'ownerDepartment',
  'frequency',
  'warningRatio',
  'source',
  'note',
  'sort',
] as const;

export function targetToForm(t: PlanTarget, format: Format | undefined): TargetFormValues {
  return {
    code: t.code,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    metric: t.metric,
    comparator: t.comparator,
    targetValue: toFormNumber(t.targetValue, format),
    kind: t.kind,
    dueYear: t.dueYear,
    baselineYear: t.baselineYear,
    baselineValue: toFormNumber(t.baselineValue, format),
    milestones: Object.entries(t.milestones)
      .map(([year, value]) => ({ year: Number(year), value: toFormNumber(value, format) }))
      .sort((a, b) => a.year - b.year),
    ownerDepartment: t.ownerDepartment,
    frequency: t.frequency,
    warningRatio: clean(t.warningRatio * 100),
    source: t.source,
    note: t.note,
    sort: t.sort,
  };
}

/** A new target's starting values: at the end of the list, the plan's usual defaults. */
export function newTargetForm(
  period: Pick<PlanPeriod, 'source' | 'startYear'>,
  targets: readonly PlanTarget[],
) {
  return {
    code: '',
    nameZh: '',
    nameEn: '',
    comparator: 'gte',
    kind: 'level',
    dueYear: null,
    baselineYear: period.startYear - 1,
    baselineValue: null,
    milestones: [],
    ownerDepartment: '',
    frequency: 'yearly',
    warningRatio: 90,
    source: period.source,
    note: '',
    sort: targets.reduce((m, t) => Math.max(m, t.sort), 0) + 1,
  } satisfies TargetFormValues;
}

/** The form's values as the API wants them (all fields sent: empty ones as null or ''). */
export function formToInput(v: TargetFormValues, format: Format | undefined): TargetInput {
  const milestones: Record<string, number> = {};
  for (const m of v.milestones ?? [])
    if (m.year != null && m.value != null) milestones[String(m.year)] = fromFormNumber(m.value, format)!;
  return {
    code: v.code.trim(),
    nameZh: v.nameZh.trim(),
    nameEn: (v.nameEn ?? '').trim(),
    metric: v.metric!,
    comparator: v.comparator,
    targetValue: fromFormNumber(v.targetValue, format)!,
    kind: v.kind,
    dueYear: v.dueYear ?? null,
    baselineYear: v.baselineYear ?? null,
    baselineValue: v.baselineYear == null ? null : fromFormNumber(v.baselineValue, format),
    milestones,
    ownerDepartment: (v.ownerDepartment ?? '').trim(),
    frequency: v.frequency,
    warningRatio: v.warningRatio == null ? 0.9 : clean(v.warningRatio / 100),
    source: (v.source ?? '').trim(),
    note: (v.note ?? '').trim(),
    sort: v.sort ?? 0,
  };
}
