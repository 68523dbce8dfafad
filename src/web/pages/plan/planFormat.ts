// Pure helpers of the plan page: values in a metric's unit, defaults of a new period, and the targets
// table's rows (targets merged with their assessment cards). The target form's values: planForm.ts.
import type {
  Comparator,
  MetricInfo,
  PlanPeriod,
  PlanPeriodSummary,
  PlanTarget,
  TargetCard,
} from '../../api/plan';
import { formatIn, formatInteger, formatMoney, formatPercent, formatSetting } from '../../lib/format';
import { STATUS_VIEWS, statusViewOf, type StatusView } from '../../lib/targetStatus';

export type Format = MetricInfo['format'];
type Lang = 'zh-CN' | 'en';

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤' };

/**
 * A ratio in the % format (lib/format.ts): 0.0974 → "9.74%"; `exact` for a goal or setting as
 * written: 0.038 → "3.8%".
 */
export function formatRatio(ratio: number | null | undefined, empty = '—', exact = false): string {
  return formatPercent(ratio, empty, exact);
}

/** The metric's unit in the language (amounts show their own 万元/亿元/万亿元 scale). */
export function unitOf(metric: MetricInfo | undefined, lang: Lang): string {
  if (!metric) return '';
  return lang === 'en' ? metric.unitEn : metric.unitZh;
}

/**
 * A value in its metric's unit, in the unit's one format: amounts (万元) at a readable scale, ratios
 * as percentages, counts as whole numbers, decimals with 2 decimals. `exact`: a goal, milestone or
 * entered baseline as written ("≥ 3 万亿元", "≥ 3.8%").
 */
export function formatMetricValue(
  value: number | null | undefined,
  metric: MetricInfo | undefined,
  lang: Lang,
  empty = '—',
  exact = false,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return empty;
  const format: Format = metric?.format ?? 'decimal';
  const unit = unitOf(metric, lang);
  const withUnit = (s: string) => (unit ? `${s} ${unit}` : s);
  switch (format) {
    case 'amount':
      return formatMoney(value, lang === 'en' ? 'en' : 'zh', empty, exact);
    case 'ratio':
      return formatRatio(value, empty, exact);
    case 'count':
      return withUnit(formatInteger(value, empty));
    default:
      return exact
        ? withUnit(formatSetting(value, empty))
        : formatIn(value, metric?.unitZh ?? '', { label: unit || false, empty });
  }
}

/** "≥ 3 万亿元", "> 60 个", "≥ 3.8%". */
export function formatGoal(
  target: Pick<PlanTarget, 'comparator' | 'targetValue'>,
  metric: MetricInfo | undefined,
  lang: Lang,
) {
  return `${COMPARATOR_SYMBOL[target.comparator]} ${formatMetricValue(target.targetValue, metric, lang, '—', true)}`;
}

/** Years from..to inclusive. */
export function yearsOf(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export interface NewPeriodDefaults {
  key: string;
  startYear: number;
  endYear: number;
  copyFrom: string | null;
}

/** A period key from its years: 2026, 2030 → "2026-2030". */
export const periodKeyOf = (startYear: number, endYear: number) => `${startYear}-${endYear}`;

/**
 * The next period: five years from the year after the latest period's end, copying that period's
 * targets (2022–2025 → 2026–2030). Without periods: five years from `thisYear`.
 */
export function newPeriodDefaults(periods: readonly PlanPeriod[], thisYear: number): NewPeriodDefaults {
  const latest = [...periods].sort((a, b) => b.endYear - a.endYear || b.id - a.id)[0];
  const startYear = latest ? latest.endYear + 1 : thisYear;
  const endYear = startYear + 4;
  return { key: periodKeyOf(startYear, endYear), startYear, endYear, copyFrom: latest?.key ?? null };
}

/**
 * The period shown when the address names none: the one holding last year (whose data the yearly
 * assessment reads), else the latest.
 */
export function defaultPeriodKey(
  periods: readonly PlanPeriodSummary[],
  thisYear: number,
): string | undefined {
  const last = thisYear - 1;
  const holding = periods.find((p) => p.startYear <= last && last <= p.endYear);
  if (holding) return holding.key;
  return [...periods].sort((a, b) => b.endYear - a.endYear)[0]?.key;
}

/** A row of the targets table: the target and, when the assessment is there, its card. */
export interface TargetRow {
  target: PlanTarget;
  card: TargetCard | undefined;
}

/** Targets in their order, each with its assessment card (matched by target id). */
export function mergeCards(
  targets: readonly PlanTarget[],
  cards: readonly TargetCard[] | undefined,
): TargetRow[] {
  const byId = new Map((cards ?? []).map((c) => [c.target.id, c]));
  return targets.map((target) => ({ target, card: byId.get(target.id) }));
}

export type StatusKey = StatusView;

/**
 * The status a row shows, in the vocabulary the cockpit uses (lib/targetStatus.ts): final
 * (completed / not completed) once the due year is over, "not applicable" outside its scope.
 */
export function statusOf(card: TargetCard | undefined): StatusKey | null {
  return card ? statusViewOf(card) : null;
}

export const STATUS_ORDER: StatusKey[] = STATUS_VIEWS;

/** How many rows have each status (rows without an assessment are left out). */
export function statusCounts(rows: readonly TargetRow[]): Record<StatusKey, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<StatusKey, number>;
  for (const r of rows) {
    const s = statusOf(r.card);
    if (s) counts[s]++;
  }
  return counts;
}

/** Whether a value meets a goal under a comparator. */
export function meetsGoal(comparator: Comparator, value: number, goal: number): boolean {
  return comparator === 'gte' ? value >= goal : comparator === 'gt' ? value > goal : value <= goal;
}

/**
 * The share of the way from the baseline to the target, when it means something: not when the
 * baseline already met the target (the span runs the wrong way).
 */
export function baselineProgress(
  card: TargetCard | undefined,
  target: Pick<PlanTarget, 'comparator' | 'targetValue'>,
) {
  const a = card?.assessment;
  if (!a || a.progressFromBaseline === null || !a.baseline) return null;
  return meetsGoal(target.comparator, a.baseline.value, target.targetValue) ? null : a.progressFromBaseline;
}

/** Milestones in year order. */
export function milestoneList(milestones: Record<string, number>): { year: number; value: number }[] {
  return Object.entries(milestones)
    .map(([year, value]) => ({ year: Number(year), value }))
    .sort((a, b) => a.year - b.year);
}
