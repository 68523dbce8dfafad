import { describe, expect, it } from 'vitest';
import type { MetricInfo, PlanPeriodSummary, PlanTarget, TargetCard } from '../../api/plan';
import {
  baselineProgress,
  defaultPeriodKey,
  formatGoal,
  formatMetricValue,
  formatRatio,
  mergeCards,
  newPeriodDefaults,
  statusCounts,
} from './planFormat';
import {
  formToInput,
  fromFormNumber,
  groupDigits,
  targetToForm,
  toFormNumber,
  ungroupDigits,
} from './planForm';

const metric = (format: MetricInfo['format'], unitZh: string, unitEn = unitZh): MetricInfo => ({
  key: 'tax_per_mu',
  zh: '指标',
  en: 'Metric',
  unitZh,
  unitEn,
  formulaZh: '',
  formulaEn: '',
  scope: 'both',
  format,
  figures: [],
});

const target = (extra: Partial<PlanTarget> = {}): PlanTarget => ({
  id: 1,
  periodId: 1,
  code: 'T2',
  nameZh: '主导产业占比',
  nameEn: 'Leading-industry share',
  metric: 'leading_share',
  comparator: 'gte',
  targetValue: 0.6,
  kind: 'level',
  dueYear: null,
  baselineYear: 2021,
  baselineValue: null,
  milestones: { '2024': 0.58, '2023': 0.55 },
  ownerDepartment: '市发改委',
  frequency: 'yearly',
  warningRatio: 0.9,
  source: '杭政办函〔2022〕69号 §2',
  note: '',
  sort: 2,
  version: 3,
  updatedBy: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const period = (id: number, key: string, startYear: number, endYear: number): PlanPeriodSummary => ({
  id,
  key,
  nameZh: key,
  nameEn: '',
  startYear,
  endYear,
  source: '',
  copiedFrom: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  targets: 15,
});

describe('values in their metric unit', () => {
  it('formats amounts, ratios, counts and decimals', () => {
    // Measured values in the unit's one format; goals as written.
    expect(formatMetricValue(3e8, metric('amount', '万元'), 'zh-CN')).toBe('3.00 万亿元');
    expect(formatMetricValue(3e8, metric('amount', '万元'), 'zh-CN', '—', true)).toBe('3 万亿元');
    expect(formatMetricValue(29216563.62, metric('amount', '万元'), 'en')).toBe('2,921.66 100m CNY');
    expect(formatMetricValue(0.038, metric('ratio', '%'), 'zh-CN')).toBe('3.80%');
    expect(formatMetricValue(0.038, metric('ratio', '%'), 'zh-CN', '—', true)).toBe('3.8%');
    expect(formatMetricValue(0.74893909, metric('ratio', '%'), 'zh-CN')).toBe('74.89%');
    expect(formatMetricValue(5500, metric('count', '家', 'firms'), 'en')).toBe('5,500 firms');
    expect(formatMetricValue(931.67, metric('count', '家'), 'zh-CN')).toBe('932 家');
    expect(formatMetricValue(32.2104, metric('decimal', '万元/亩'), 'zh-CN')).toBe('32.21 万元/亩');
    expect(formatMetricValue(null, metric('decimal', '万元/亩'), 'zh-CN')).toBe('—');
    expect(formatRatio(1.2482)).toBe('124.82%');
  });

  it('writes goals with their comparator', () => {
    expect(formatGoal({ comparator: 'gt', targetValue: 60 }, metric('count', '个'), 'zh-CN')).toBe('> 60 个');
    expect(formatGoal({ comparator: 'lte', targetValue: 0.5 }, metric('ratio', '%'), 'zh-CN')).toBe('≤ 50%');
  });
});

describe('the target form', () => {
  it('enters ratios as percentages and converts them back without binary noise', () => {
    expect(toFormNumber(0.038, 'ratio')).toBe(3.8);
    expect(fromFormNumber(3.8, 'ratio')).toBe(0.038);
    expect(toFormNumber(0.748939093406, 'ratio')).toBe(74.8939);
    expect(toFormNumber(3e8, 'amount')).toBe(3e8);
    expect(toFormNumber(29216563.620000005, 'amount')).toBe(29216563.62);
    expect(toFormNumber(null, 'ratio')).toBeNull();
  });

  it('round-trips a target through the form', () => {
    const t = target();
    const form = targetToForm(t, 'ratio');
    expect(form).toMatchObject({
      targetValue: 60,
      warningRatio: 90,
      milestones: [
        { year: 2023, value: 55 },
        { year: 2024, value: 58 },
      ],
    });
    expect(formToInput(form, 'ratio')).toEqual({
      code: 'T2',
      nameZh: '主导产业占比',
      nameEn: 'Leading-industry share',
      metric: 'leading_share',
      comparator: 'gte',
      targetValue: 0.6,
      kind: 'level',
      dueYear: null,
      baselineYear: 2021,
      baselineValue: null,
      milestones: { '2023': 0.55, '2024': 0.58 },
      ownerDepartment: '市发改委',
      frequency: 'yearly',
      warningRatio: 0.9,
      source: '杭政办函〔2022〕69号 §2',
      note: '',
      sort: 2,
    });
  });

  it('drops incomplete milestone rows and a baseline value without a baseline year', () => {
    const input = formToInput(
      {
        ...targetToForm(target(), 'ratio'),
        baselineYear: null,
        baselineValue: 70,
        milestones: [{ year: 2023, value: null }, { value: 50 }, { year: 2025, value: 59.5 }],
      },
      'ratio',
    );
    expect(input.baselineValue).toBeNull();
    expect(input.milestones).toEqual({ '2025': 0.595 });
  });

  it('groups the digits of big numbers', () => {
    expect(groupDigits(300000000)).toBe('300,000,000');
    expect(groupDigits('1234.5678')).toBe('1,234.5678');
    expect(groupDigits(undefined)).toBe('');
    expect(ungroupDigits('300,000,000')).toBe('300000000');
  });
});

describe('periods', () => {
  it('proposes the next five years copying the latest period', () => {
    const periods = [period(1, '2022-2025', 2022, 2025)];
    expect(newPeriodDefaults(periods, 2026)).toEqual({
      key: '2026-2030',
      startYear: 2026,
      endYear: 2030,
      copyFrom: '2022-2025',
    });
    expect(newPeriodDefaults([...periods, period(2, '2026-2030', 2026, 2030)], 2026)).toMatchObject({
      key: '2031-2035',
      copyFrom: '2026-2030',
    });
    expect(newPeriodDefaults([], 2027)).toEqual({
      key: '2027-2031',
      startYear: 2027,
      endYear: 2031,
      copyFrom: null,
    });
  });

  it("opens the period holding last year's data, else the latest", () => {
    const periods = [period(1, '2022-2025', 2022, 2025), period(2, '2026-2030', 2026, 2030)];
    expect(defaultPeriodKey(periods, 2026)).toBe('2022-2025');
    expect(defaultPeriodKey(periods, 2027)).toBe('2026-2030');
    expect(defaultPeriodKey(periods, 2040)).toBe('2026-2030');
    expect(defaultPeriodKey([], 2026)).toBeUndefined();
  });
});

describe('the targets table', () => {
  const card = (t: PlanTarget, status: TargetCard['assessment']['status'], applies = true): TargetCard => ({
    target: t,
    applies,
    assessment: {
      value: 0.75,
      progress: 1.25,
      progressFromBaseline: 0.01,
      baseline: { year: 2021, value: 0.75 },
      dueYear: 2025,
      projection: null,
      milestone: null,
      achieved: false,
      final: false,
      status,
    },
    series: [],
    source: 'computed',
    reportedBy: null,
    cityValue: null,
  });

  it('merges assessment cards into the targets by id and counts the statuses', () => {
    const a = target({ id: 1, code: 'T1' });
    const b = target({ id: 2, code: 'T2' });
    const c = target({ id: 3, code: 'N1' });
    const rows = mergeCards([a, b, c], [card(b, 'at_risk'), card(a, 'no_data', false)]);
    expect(rows.map((r) => [r.target.code, r.card?.target.id])).toEqual([
      ['T1', 1],
      ['T2', 2],
      ['N1', undefined],
    ]);
    expect(statusCounts(rows)).toEqual({
      completed: 0,
      achieved: 0,
      on_track: 0,
      at_risk: 1,
      off_track: 0,
      not_completed: 0,
      no_data: 0,
      not_applicable: 1,
    });
    // After the due year, behind reads as final "not completed".
    const late = card(b, 'off_track');
    late.assessment.final = true;
    expect(statusCounts(mergeCards([b], [late]))).toMatchObject({ off_track: 0, not_completed: 1 });
  });

  it('shows progress from the baseline only when the baseline had not met the target', () => {
    const t = target();
    expect(baselineProgress(card(t, 'on_track'), t)).toBeNull();
    const below = card(t, 'on_track');
    below.assessment.baseline = { year: 2021, value: 0.5 };
    below.assessment.progressFromBaseline = 0.4;
    expect(baselineProgress(below, t)).toBe(0.4);
  });
});
