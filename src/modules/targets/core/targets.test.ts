/** The pure core of plan targets: assessment (progress, projection, status) and copying a period. */
import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../metrics/core/metrics';
import {
  assess,
  copyTargets,
  linearTrend,
  meets,
  PLAN_2022_2025,
  progressOf,
  readProgress,
  baselineChange,
  statusReading,
  yearIn,
  type TargetDefinition,
} from './targets';

const PERIOD = { startYear: 2022, endYear: 2025 };

/** A level target "≥ 100 by 2025" with a 2021 baseline computed from the data. */
const level = (extra: Partial<TargetDefinition> = {}) => ({
  comparator: 'gte' as const,
  targetValue: 100,
  kind: 'level' as const,
  dueYear: null,
  baselineYear: 2021,
  baselineValue: null,
  milestones: {},
  warningRatio: 0.9,
  ...extra,
});

const series = (values: Record<number, number | null>) =>
  new Map(Object.entries(values).map(([y, v]) => [Number(y), v]));

describe('meets and progressOf', () => {
  it('compares by the comparator', () => {
    expect(meets('gte', 100, 100)).toBe(true);
    expect(meets('gt', 100, 100)).toBe(false);
    expect(meets('gt', 100.5, 100)).toBe(true);
    expect(meets('lte', 0.5, 0.5)).toBe(true);
    expect(meets('lte', 0.51, 0.5)).toBe(false);
  });

  it('measures progress as value ÷ target, or target ÷ value for "at most"', () => {
    expect(progressOf('gte', 80, 100)).toBe(0.8);
    expect(progressOf('lte', 0.6, 0.5)).toBeCloseTo(0.5 / 0.6, 12);
    expect(progressOf('gte', 5, 0)).toBeNull();
    expect(progressOf('lte', 0, 0.5)).toBeNull();
  });
});

describe('linearTrend', () => {
  it('is the least-squares line through the points', () => {
    // x̄ = 2022.5, ȳ = 64; Σdx·dy = 47, Σdx² = 5 → slope 9.4; at 2025: 64 + 9.4 × 2.5 = 87.5
    const points = [
      { year: 2021, value: 50 },
      { year: 2022, value: 58 },
      { year: 2023, value: 71 },
      { year: 2024, value: 77 },
    ];
    expect(linearTrend(points, 2025)).toBeCloseTo(87.5, 10);
    expect(linearTrend(points, 2022.5)).toBeCloseTo(64, 10);
    // One year only: flat.
    expect(linearTrend([{ year: 2023, value: 5 }], 2025)).toBe(5);
  });
});

describe('assess', () => {
  it('is on track when the linear projection reaches the target by the due year', () => {
    // (2021, 60) (2022, 70) (2023, 80): x̄ = 2022, ȳ = 70, slope = 20 / 2 = 10 → 2025: 70 + 3 × 10 = 100
    const a = assess(level(), PERIOD, series({ 2020: 0, 2021: 60, 2022: 70, 2023: 80, 2024: 200 }), 2023);
    expect(a.value).toBe(80);
    expect(a.dueYear).toBe(2025);
    expect(a.projection).toEqual({ year: 2025, value: 100, method: 'linear_trend', from: 2021, to: 2023 });
    expect(a.status).toBe('on_track');
    expect(a.achieved).toBe(false);
    expect(a.progress).toBe(0.8);
    // Baseline 60 (computed from 2021) → 80 of the way to 100: (80 − 60) / (100 − 60)
    expect(a.baseline).toEqual({ year: 2021, value: 60 });
    expect(a.progressFromBaseline).toBe(0.5);
    expect(a.milestone).toBeNull();
  });

  it('is at risk when the projection reaches the warning share only, off track below it', () => {
    // (60, 66, 78): ȳ = 68, Σdx·dy = 8 + 10 = 18, slope 9 → 2025: 68 + 27 = 95 ≥ 90
    const risky = assess(level(), PERIOD, series({ 2021: 60, 2022: 66, 2023: 78 }), 2023);
    expect(risky.projection!.value).toBeCloseTo(95, 10);
    expect(risky.status).toBe('at_risk');
    // (60, 62, 64): slope 2 → 2025: 62 + 6 = 68 < 90
    const behind = assess(level(), PERIOD, series({ 2021: 60, 2022: 62, 2023: 64 }), 2023);
    expect(behind.projection!.value).toBeCloseTo(68, 10);
    expect(behind.status).toBe('off_track');
  });

  it('fits the trend by least squares over every year from the baseline to the assessed year', () => {
    // 2021–2024 = 50, 58, 71, 77: slope 9.4, 2025: 87.5 (see linearTrend) — below 90, above 85
    const values = series({ 2021: 50, 2022: 58, 2023: 71, 2024: 77, 2025: 300 });
    const strict = assess(level(), PERIOD, values, 2024);
    expect(strict.projection).toMatchObject({ method: 'linear_trend', from: 2021, to: 2024 });
    expect(strict.projection!.value).toBeCloseTo(87.5, 10);
    expect(strict.status).toBe('off_track');
    expect(assess(level({ warningRatio: 0.85 }), PERIOD, values, 2024).status).toBe('at_risk');
    // An earlier baseline year widens the fit: 2020 = 42 joins the points.
    // x̄ = 2022, ȳ = (42 + 50 + 58 + 71 + 77) / 5 = 59.6; Σdx·dy = 35.2 + 9.6 + 0 + 11.4 + 34.8 = 91,
    // Σdx² = 10 → slope 9.1; 2025: 59.6 + 3 × 9.1 = 86.9
    const wider = assess(
      level({ baselineYear: 2020 }),
      PERIOD,
      series({ 2020: 42, 2021: 50, 2022: 58, 2023: 71, 2024: 77 }),
      2024,
    );
    expect(wider.projection).toMatchObject({ from: 2020, to: 2024 });
    expect(wider.projection!.value).toBeCloseTo(86.9, 10);
  });

  it('skips years without data and falls back to the latest value with one point', () => {
    const gap = assess(level(), PERIOD, series({ 2021: 60, 2022: null, 2023: 80 }), 2023);
    // Two points (2021, 60) (2023, 80): slope 10 → 2025: 100
    expect(gap.projection).toEqual({ year: 2025, value: 100, method: 'linear_trend', from: 2021, to: 2023 });
    const single = assess(level(), PERIOD, series({ 2023: 95 }), 2023);
    expect(single.projection).toEqual({ year: 2025, value: 95, method: 'latest', from: 2023, to: 2023 });
    expect(single.status).toBe('at_risk');
    expect(single.baseline).toBeNull();
    expect(single.progressFromBaseline).toBeNull();
  });

  it('uses an entered baseline value over the data', () => {
    const a = assess(level({ baselineValue: 40 }), PERIOD, series({ 2021: 60, 2023: 70 }), 2023);
    expect(a.baseline).toEqual({ year: 2021, value: 40 });
    expect(a.progressFromBaseline).toBe(0.5);
  });

  it("assesses an annual target on the year's value alone", () => {
    const t = level({ kind: 'annual', comparator: 'gt', targetValue: 60, baselineYear: null });
    const values = series({ 2021: 10, 2022: 70, 2023: 55, 2024: 60 });
    const good = assess(t, PERIOD, values, 2022);
    expect(good.projection).toEqual({ year: 2022, value: 70, method: 'latest', from: 2022, to: 2022 });
    expect(good.status).toBe('on_track');
    expect(good.achieved).toBe(true);
    expect(good.baseline).toBeNull();
    expect(good.progressFromBaseline).toBeNull();
    // 55 misses "> 60" but reaches 60 × 0.9 = 54: at risk, whatever the trend
    const weak = assess(t, PERIOD, values, 2023);
    expect(weak.status).toBe('at_risk');
    expect(weak.achieved).toBe(false);
    // "more than 60": exactly 60 is not enough
    expect(assess(t, PERIOD, values, 2024)).toMatchObject({ status: 'at_risk', achieved: false });
    expect(assess(t, PERIOD, series({ 2023: 50 }), 2023).status).toBe('off_track');
  });

  it('judges on the value itself once the due year is reached', () => {
    // T12-like: full coverage (1) due 2023
    const t = level({ targetValue: 1, dueYear: 2023, baselineYear: null });
    const done = assess(t, PERIOD, series({ 2022: 0.5, 2023: 1 }), 2023);
    expect(done).toMatchObject({ dueYear: 2023, status: 'on_track', achieved: true });
    expect(done.projection).toEqual({ year: 2023, value: 1, method: 'latest', from: 2023, to: 2023 });
    const before = assess(t, PERIOD, series({ 2021: 0.25, 2022: 0.5 }), 2022);
    // (2021, 0.25) (2022, 0.5): slope 0.25 → 2023: 0.75 < 0.9
    expect(before.projection).toMatchObject({ year: 2023, method: 'linear_trend' });
    expect(before.projection!.value).toBeCloseTo(0.75, 12);
    expect(before).toMatchObject({ status: 'off_track', achieved: false });
    const after = assess(t, PERIOD, series({ 2021: 0.25, 2022: 0.5, 2023: 1, 2024: 0.8 }), 2024);
    expect(after.projection).toEqual({ year: 2024, value: 0.8, method: 'latest', from: 2024, to: 2024 });
    expect(after).toMatchObject({ status: 'off_track', achieved: false });
  });

  it("puts the target at risk when the year's milestone is missed", () => {
    const values = series({ 2021: 60, 2022: 70, 2023: 80 });
    const missed = assess(level({ milestones: { '2023': 85 } }), PERIOD, values, 2023);
    // The projection (100) reaches the target, but 80 < 85
    expect(missed.milestone).toEqual({ year: 2023, value: 85, met: false });
    expect(missed.status).toBe('at_risk');
    const met = assess(level({ milestones: { '2023': 80, '2024': 95 } }), PERIOD, values, 2023);
    expect(met.milestone).toEqual({ year: 2023, value: 80, met: true });
    expect(met.status).toBe('on_track');
    // Another year's milestone does not count.
    expect(assess(level({ milestones: { '2024': 95 } }), PERIOD, values, 2023).milestone).toBeNull();
  });

  it('reverses everything for "at most" targets', () => {
    const t = level({ comparator: 'lte', targetValue: 0.5 });
    // 0.8, 0.7, 0.6: slope −0.1 → 2025: 0.7 − 0.3 = 0.4 ≤ 0.5
    const good = assess(t, PERIOD, series({ 2021: 0.8, 2022: 0.7, 2023: 0.6 }), 2023);
    expect(good.projection!.value).toBeCloseTo(0.4, 12);
    expect(good.status).toBe('on_track');
    expect(good.progress).toBeCloseTo(0.5 / 0.6, 12);
    // (0.6 − 0.8) / (0.5 − 0.8): two thirds of the way down
    expect(good.progressFromBaseline).toBeCloseTo(2 / 3, 12);
    // 0.75, 0.7, 0.65 → 2025: 0.55, within 0.5 ÷ 0.9 = 0.556: at risk
    const risky = assess(t, PERIOD, series({ 2021: 0.75, 2022: 0.7, 2023: 0.65 }), 2023);
    expect(risky.projection!.value).toBeCloseTo(0.55, 12);
    expect(risky.status).toBe('at_risk');
    // 0.8, 0.78, 0.76 → 2025: 0.72: off track
    const behind = assess(t, PERIOD, series({ 2021: 0.8, 2022: 0.78, 2023: 0.76 }), 2023);
    expect(behind.projection!.value).toBeCloseTo(0.72, 12);
    expect(behind.status).toBe('off_track');
    // At the due year: 0.45 ≤ 0.5 is achieved
    expect(assess(t, PERIOD, series({ 2025: 0.45 }), 2025)).toMatchObject({
      status: 'on_track',
      achieved: true,
    });
  });

  it('has no data without a value for the year', () => {
    const a = assess(level(), PERIOD, series({ 2021: 60, 2022: 70 }), 2023);
    expect(a).toEqual({
      value: null,
      progress: null,
      progressFromBaseline: null,
      baseline: { year: 2021, value: 60 },
      dueYear: 2025,
      projection: null,
      milestone: null,
      achieved: false,
      final: false,
      status: 'no_data',
    });
    expect(assess(level(), PERIOD, series({ 2023: null }), 2023).status).toBe('no_data');
  });
});

describe('final outcomes after the period', () => {
  const behind = series({ 2021: 60, 2022: 62, 2023: 64, 2024: 66, 2025: 68 });
  const met = series({ 2021: 60, 2022: 70, 2023: 80, 2024: 90, 2025: 100 });

  it('reads "behind" as final "not completed" once the due year is over', () => {
    // The plan ends in 2025; on 2026-12-02 the 2025 assessment is final.
    const a = assess(level(), PERIOD, behind, 2025, 2026);
    expect(a).toMatchObject({ status: 'off_track', achieved: false, final: true });
    expect(statusReading(a)).toBe('not_completed');
    const done = assess(level(), PERIOD, met, 2025, 2026);
    expect(done).toMatchObject({ achieved: true, final: true });
    expect(statusReading(done)).toBe('completed');
  });

  it('is not final while the due year runs, nor for an earlier year of the period', () => {
    expect(assess(level(), PERIOD, behind, 2025, 2025).final).toBe(false);
    const earlier = assess(level(), PERIOD, behind, 2023, 2026);
    expect(earlier.final).toBe(false);
    expect(statusReading(earlier)).toBe('off_track');
    // Without today's year nothing is final.
    expect(assess(level(), PERIOD, behind, 2025).final).toBe(false);
  });

  it('takes an early due year as the end (T12 due 2023), and annual targets at the period end', () => {
    const t12 = level({ targetValue: 1, dueYear: 2023, baselineYear: null });
    const a = assess(t12, PERIOD, series({ 2023: 0.5 }), 2023, 2024);
    expect(statusReading(a)).toBe('not_completed');
    const annual = level({ kind: 'annual', baselineYear: null });
    expect(assess(annual, PERIOD, series({ 2024: 50 }), 2024, 2026).final).toBe(false);
    expect(statusReading(assess(annual, PERIOD, series({ 2025: 120 }), 2025, 2026))).toBe('completed');
  });

  it('keeps "no data" and the running statuses', () => {
    expect(statusReading(assess(level(), PERIOD, series({}), 2025, 2026))).toBe('no_data');
    expect(statusReading({ status: 'at_risk', achieved: false, final: false })).toBe('at_risk');
    expect(statusReading({ status: 'on_track', achieved: true, final: false })).toBe('achieved');
  });

  it("takes today's year in Beijing time", () => {
    // 2025-12-31 16:30 UTC is already 2026-01-01 in Beijing.
    expect(yearIn(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(yearIn(new Date('2025-12-31T15:30:00Z'))).toBe(2025);
  });
});

describe('how progress reads', () => {
  it('shows an empty bar and no share when the value moves away from the target', () => {
    // Z3: fixed-asset investment fell 12.5 % where ≥ 10 % growth is the target.
    const a = assess(
      level({ kind: 'annual', targetValue: 0.1, baselineYear: null }),
      PERIOD,
      series({ 2025: -0.125 }),
      2025,
    );
    expect(a.progress).toBeCloseTo(-1.25, 12);
    expect(readProgress(a.progress)).toEqual({ share: null, bar: 0, away: true });
  });

  it('states the share and caps the bar at full beyond the target', () => {
    expect(readProgress(0.4)).toEqual({ share: 0.4, bar: 0.4, away: false });
    expect(readProgress(1.25)).toEqual({ share: 1.25, bar: 1, away: false });
    expect(readProgress(0)).toEqual({ share: 0, bar: 0, away: false });
    expect(readProgress(null)).toBeNull();
  });

  it('states the change from the baseline in the unit and whether it runs away', () => {
    // 796 → 700 firms where > 5,500 is the target: 96 fewer, away from it.
    const a = assess(level({ targetValue: 5500 }), PERIOD, series({ 2021: 796, 2024: 700 }), 2024);
    expect(a.progressFromBaseline).toBeLessThan(0);
    expect(baselineChange(a)).toEqual({ change: -96, away: true });
    const b = assess(level({ targetValue: 5500 }), PERIOD, series({ 2021: 796, 2024: 900 }), 2024);
    expect(baselineChange(b)).toEqual({ change: 104, away: false });
    expect(baselineChange(assess(level(), PERIOD, series({ 2024: 5 }), 2024))).toBeNull();
  });
});

describe('copyTargets', () => {
  it('moves baselines to the old period end with its value and drops milestones and due years', () => {
    const old = PLAN_2022_2025.targets.map((t) =>
      t.code === 'T2' ? { ...t, milestones: { '2023': 0.55, '2024': 0.58 } } : t,
    );
    const asked: [MetricKey, number][] = [];
    const valueAt = (metric: MetricKey, year: number) => {
      asked.push([metric, year]);
      return metric === 'platform_output' ? 2.9e7 : metric === 'tech_smes' ? null : 7;
    };
    const copied = copyTargets(old, { endYear: 2025 }, valueAt);
    expect(copied.map((t) => t.code)).toEqual(old.map((t) => t.code));
    for (const [i, t] of copied.entries()) {
      const before = old[i]!;
      expect(t).toMatchObject({
        metric: before.metric,
        comparator: before.comparator,
        targetValue: before.targetValue,
        kind: before.kind,
        ownerDepartment: before.ownerDepartment,
        warningRatio: before.warningRatio,
        source: before.source,
        note: before.note,
        sort: before.sort,
        dueYear: null,
        milestones: {},
      });
      if (t.kind === 'annual') expect(t).toMatchObject({ baselineYear: null, baselineValue: null });
      else expect(t.baselineYear).toBe(2025);
    }
    const byCode = new Map(copied.map((t) => [t.code, t]));
    expect(byCode.get('T1')!.baselineValue).toBe(2.9e7);
    expect(byCode.get('T11')!.baselineValue).toBeNull();
    expect(byCode.get('T2')!.baselineValue).toBe(7);
    // T12 was due 2023, T6 and Z3 are annual
    expect(byCode.get('T12')!.dueYear).toBeNull();
    expect(byCode.get('T6')).toMatchObject({ kind: 'annual', baselineYear: null });
    expect(byCode.get('Z3')).toMatchObject({ kind: 'annual', baselineYear: null });
    // Values are read for the level targets only, at the old period's end.
    expect(asked.every(([, y]) => y === 2025)).toBe(true);
    expect(asked.map(([m]) => m)).not.toContain('major_projects');
    expect(asked).toHaveLength(old.filter((t) => t.kind === 'level').length);
    // The input is left alone.
    expect(old.find((t) => t.code === 'T2')!.milestones).toEqual({ '2023': 0.55, '2024': 0.58 });
    expect(PLAN_2022_2025.targets.find((t) => t.code === 'T12')!.dueYear).toBe(2023);
  });

  it('copies nothing from an empty period', () => {
    expect(copyTargets([], { endYear: 2025 }, () => 1)).toEqual([]);
  });
});
