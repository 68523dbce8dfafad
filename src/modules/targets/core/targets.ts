/**
 * Plan periods and targets (domain guide §7): the 2022–2025 plan's T1–T12 and the 2023 additions,
 * how a target is assessed (progress, projection to its due year, status) and how a new period is
 * copied from an old one. Pure.
 */
import { METRICS, WAN_YI, type MetricKey } from '../../metrics/core/metrics';
import { zonedDate } from '../../../platform/time-zone';

export const COMPARATORS = ['gte', 'gt', 'lte'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const TARGET_KINDS = ['level', 'annual'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const FREQUENCIES = ['yearly', 'quarterly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface TargetDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  metric: MetricKey;
  comparator: Comparator;
  targetValue: number;
  kind: TargetKind;
  dueYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  milestones: Record<string, number>;
  ownerDepartment: string;
  frequency: Frequency;
  warningRatio: number;
  source: string;
  note: string;
  sort: number;
}

export interface PeriodDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  source: string;
}

const PLAN = '杭政办函〔2022〕69号';
const FOLLOW_UP = '杭政函〔2023〕13号';

const target = (
  sort: number,
  code: string,
  metric: MetricKey,
  comparator: Comparator,
  targetValue: number,
  nameZh: string,
  nameEn: string,
  ownerDepartment: string,
  extra: Partial<TargetDefinition> = {},
): TargetDefinition => ({
  code,
  nameZh,
  nameEn,
  metric,
  comparator,
  targetValue,
  kind: 'level',
  dueYear: null,
  baselineYear: 2021,
  baselineValue: null,
  milestones: {},
  ownerDepartment,
  frequency: 'yearly',
  warningRatio: 0.9,
  source: PLAN,
  note: '',
  sort,
  ...extra,
});

/**
 * The 2022–2025 plan (plan digest §2) and the 2023 follow-up's zone targets. Owner departments are
 * our design (the plan names the task force's members, not an owner per target); baselines are
 * computed from the 2021 data unless entered.
 */
export const PLAN_2022_2025: { period: PeriodDefinition; targets: TargetDefinition[] } = {
  period: {
    key: '2022-2025',
    nameZh: '打造高能级产业集群推动产业平台高质量发展实施方案（2022—2025年）',
    nameEn: 'High-energy-level industrial clusters and high-quality platforms (2022–2025)',
    startYear: 2022,
    endYear: 2025,
    source: '杭政办函〔2022〕69号; 杭政函〔2023〕13号',
  },
  targets: [
    target(
      1,
      'T1',
      'platform_output',
      'gte',
      3 * WAN_YI,
      '产业平台产值',
      'Output of the platforms',
      '市发改委',
    ),
    target(2, 'T2', 'leading_share', 'gte', 0.6, '主导产业占比', 'Leading-industry share', '市发改委'),
    target(
      3,
      'T3',
      'strategic_platforms',
      'gte',
      6,
      '省高能级战略平台',
      'Provincial strategic platforms',
      '市发改委',
    ),
    target(4, 'T4', 'clusters_100bn', 'gte', 3, '千亿级产业集群', 'Clusters ≥ 100 bn CNY', '市经信局', {
      note: '按领域指南：全市产值 ≥ 1,000 亿元的重点产业个数，含万亿级',
    }),
    target(5, 'T5', 'clusters_1tn', 'gte', 2, '万亿级产业集群', 'Clusters ≥ 1 tn CNY', '市经信局'),
    target(
      6,
      'T6',
      'major_projects',
      'gt',
      60,
      '新招引10亿元以上产业项目',
      'New projects ≥ 1 bn CNY a year',
      '市投资促进局',
      {
        kind: 'annual',
        baselineYear: null,
      },
    ),
    target(
      7,
      'T7',
      'innovation_platforms',
      'gte',
      30,
      '省级以上科技创新平台',
      'Provincial+ innovation platforms',
      '市科技局',
    ),
    target(
      8,
      'T8',
      'incubators',
      'gte',
      300,
      '省级以上双创平台',
      'Provincial+ innovation and entrepreneurship platforms',
      '市科技局',
    ),
    target(
      9,
      'T9',
      'above_scale_firms',
      'gt',
      5500,
      '规上工业企业',
      'Above-scale industrial firms',
      '市经信局',
    ),
    target(
      10,
      'T10',
      'high_tech_firms',
      'gt',
      6000,
      '国家高新技术企业',
      'National high-tech firms',
      '市科技局',
    ),
    target(11, 'T11', 'tech_smes', 'gte', 12000, '科技型中小企业', 'Sci-tech SMEs', '市科技局'),
    target(
      12,
      'T12',
      'public_service_coverage',
      'gte',
      1,
      '综合公共服务平台全覆盖',
      'Public service platform in every platform',
      '市经信局',
      {
        dueYear: 2023,
        baselineYear: null,
      },
    ),
    target(13, 'Z1', 'tax_per_mu', 'gte', 40, '开发区亩均税收', 'Tax per mu in the zones', '市经信局', {
      source: FOLLOW_UP,
    }),
    target(
      14,
      'Z2',
      'rd_intensity',
      'gte',
      0.038,
      '规上企业R&D经费占比',
      'R&D ÷ revenue (above scale)',
      '市科技局',
      {
        source: FOLLOW_UP,
      },
    ),
    target(
      15,
      'Z3',
      'fai_growth',
      'gte',
      0.1,
      '固定资产投资年均增长',
      'Fixed-asset investment growth a year',
      '市发改委',
      {
        kind: 'annual',
        baselineYear: null,
        source: FOLLOW_UP,
      },
    ),
  ],
};

export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

export const PROJECTION_METHODS = ['linear_trend', 'latest'] as const;

export interface Projection {
  year: number;
  value: number;
  /**
   * linear_trend: least-squares line through the yearly values (from, to) extended to the due
   * year; latest: the current value (the due year is reached, the target is annual, or there is
   * only one value).
   */
  method: (typeof PROJECTION_METHODS)[number];
  from: number;
  to: number;
}

export interface Assessment {
  value: number | null;
  /** value ÷ target (target ÷ value for "at most" targets), or null. */
  progress: number | null;
  /** Baseline → value as a share of baseline → target (level targets with a baseline). */
  progressFromBaseline: number | null;
  baseline: { year: number; value: number } | null;
  dueYear: number;
  projection: Projection | null;
  milestone: { year: number; value: number; met: boolean } | null;
  achieved: boolean;
  /**
   * The outcome is final: the assessed year is the due year (or later) and that year is over
   * (`currentYear` after it), so nothing is left to catch up — "behind" has become "not completed".
   */
  final: boolean;
  status: Status;
}

export function meets(comparator: Comparator, value: number, goal: number): boolean {
  return comparator === 'gte' ? value >= goal : comparator === 'gt' ? value > goal : value <= goal;
}

/** How close a value is to the goal, 1 = there (and beyond). */
export function progressOf(comparator: Comparator, value: number, goal: number): number | null {
  if (comparator === 'lte') return value > 0 ? goal / value : null;
  return goal > 0 ? value / goal : null;
}

/** Least squares through (year, value) points, evaluated at `at`. */
export function linearTrend(points: readonly { year: number; value: number }[], at: number): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return my + slope * (at - mx);
}

/**
 * Assesses a target in a year from the metric's yearly values. Status: on track when the value
 * (annual targets, or the due year reached) or the projection to the due year meets the target
 * and no milestone of the year is missed; at risk when it reaches the warning share of the target
 * (or a milestone is missed); off track below that; no data without a value for the year.
 */
export function assess(
  t: Pick<
    TargetDefinition,
    | 'comparator'
    | 'targetValue'
    | 'kind'
    | 'dueYear'
    | 'baselineYear'
    | 'baselineValue'
    | 'milestones'
    | 'warningRatio'
  >,
  period: { startYear: number; endYear: number },
  series: ReadonlyMap<number, number | null>,
  year: number,
  /** Today's year (Beijing time); without it no outcome is final. */
  currentYear?: number,
): Assessment {
  const dueYear = t.dueYear ?? period.endYear;
  const final = currentYear !== undefined && year >= dueYear && currentYear > dueYear;
  const value = series.get(year) ?? null;
  const baselineValue =
    t.baselineValue ?? (t.baselineYear !== null ? (series.get(t.baselineYear) ?? null) : null);
  const baseline =
    t.baselineYear !== null && baselineValue !== null ? { year: t.baselineYear, value: baselineValue } : null;
  const milestoneValue = t.milestones[String(year)];
  const empty: Assessment = {
    value,
    progress: null,
    progressFromBaseline: null,
    baseline,
    dueYear,
    projection: null,
    milestone: null,
    achieved: false,
    final,
    status: 'no_data',
  };
  if (value === null) return empty;
  const goal = t.targetValue;
  const milestone =
    milestoneValue !== undefined
      ? { year, value: milestoneValue, met: meets(t.comparator, value, milestoneValue) }
      : null;
  let projection: Projection;
  if (t.kind === 'annual' || year >= dueYear)
    projection = { year, value, method: 'latest', from: year, to: year };
  else {
    const first = Math.min(t.baselineYear ?? period.startYear - 1, period.startYear - 1);
    const points: { year: number; value: number }[] = [];
    for (let y = first; y <= year; y++) {
      const v = series.get(y);
      if (v !== null && v !== undefined) points.push({ year: y, value: v });
    }
    projection =
      points.length >= 2
        ? {
            year: dueYear,
            value: linearTrend(points, dueYear),
            method: 'linear_trend',
            from: points[0]!.year,
            to: points[points.length - 1]!.year,
          }
        : { year: dueYear, value, method: 'latest', from: year, to: year };
  }
  const achieved = meets(t.comparator, value, goal) && (t.kind === 'annual' || year >= dueYear);
  const expected = projection.value;
  let status: Status;
  if (meets(t.comparator, value, goal) || meets(t.comparator, expected, goal))
    status = milestone && !milestone.met ? 'at_risk' : 'on_track';
  else {
    const warn =
      t.comparator === 'lte' ? expected <= goal / t.warningRatio : expected >= goal * t.warningRatio;
    status = warn ? 'at_risk' : 'off_track';
  }
  const span = baseline ? goal - baseline.value : 0;
  return {
    value,
    progress: progressOf(t.comparator, value, goal),
    // Only meaningful while the baseline was short of the target.
    progressFromBaseline:
      baseline && span !== 0 && t.kind === 'level' && !meets(t.comparator, baseline.value, goal)
        ? (value - baseline.value) / span
        : null,
    baseline,
    dueYear,
    projection,
    milestone,
    achieved,
    final,
    status,
  };
}

/**
 * How a target's status reads (one vocabulary for the cockpit, the plan page and the exports):
 * the assessment's status while the period runs; "achieved" when met at or after the due year;
 * once the outcome is final, "completed" or "not completed" (滞后 becomes 未完成).
 */
export const STATUS_READINGS = [
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'achieved',
  'completed',
  'not_completed',
] as const;
export type StatusReading = (typeof STATUS_READINGS)[number];

export function statusReading(a: Pick<Assessment, 'status' | 'achieved' | 'final'>): StatusReading {
  if (a.status === 'no_data') return 'no_data';
  if (a.final) return a.achieved ? 'completed' : 'not_completed';
  return a.achieved && a.status === 'on_track' ? 'achieved' : a.status;
}

/**
 * How a progress share reads. Progress below zero means the value moved away from the target (a
 * fall where growth is the target): the bar stays empty and the share is not stated — a "-125%"
 * would read as a number of the same kind as "80%" — and the page says "moving away" with the
 * actual value or change in its unit. Above 100% the bar is full and the share is stated.
 */
export interface ProgressReading {
  /** The share to state, null when moving away. */
  share: number | null;
  /** The bar's fill, 0–1. */
  bar: number;
  away: boolean;
}

export function readProgress(progress: number | null): ProgressReading | null {
  if (progress === null || Number.isNaN(progress)) return null;
  if (progress < 0) return { share: null, bar: 0, away: true };
  return { share: progress, bar: Math.min(1, progress), away: false };
}

/**
 * The change from the baseline in the metric's unit, and whether it runs away from the target
 * (progress from the baseline below zero): "较基期反向 −96 家" instead of "较基期完成 −3095%".
 */
export function baselineChange(
  a: Pick<Assessment, 'value' | 'baseline' | 'progressFromBaseline'>,
): { change: number; away: boolean } | null {
  if (a.value === null || !a.baseline || a.progressFromBaseline === null) return null;
  return { change: a.value - a.baseline.value, away: a.progressFromBaseline < 0 };
}

/** The calendar year of an instant in a time zone (default: the configured one, Beijing time). */
export function yearIn(at: Date, timeZone?: string): number {
  return Number(zonedDate(at, timeZone).slice(0, 4));
}

/**
 * The targets of a new period copied from an old one: same metrics and goals (to be edited), the
 * old period's last year as baseline (its value when known), milestones and early due years
 * dropped (they belonged to the old years).
 */
export function copyTargets(
  targets: readonly TargetDefinition[],
  from: { endYear: number },
  valueAt: (metric: MetricKey, year: number) => number | null,
): TargetDefinition[] {
  return targets.map((t) => ({
    ...t,
    dueYear: null,
    baselineYear: t.kind === 'annual' ? null : from.endYear,
    baselineValue: t.kind === 'annual' ? null : valueAt(t.metric, from.endYear),
    milestones: {},
  }));
}

/** A target's unit, from its metric. */
export function unitOf(metric: MetricKey): { zh: string; en: string } {
  return { zh: METRICS[metric].unitZh, en: METRICS[metric].unitEn };
}
