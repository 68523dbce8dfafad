import { describe, expect, it } from 'vitest';
import {
  allocationTotals,
  appliedWeights,
  dimensionFullMarks,
  dimensionRatio,
  dimensionWeights,
  explainFlag,
  formatExact,
  formatIndicatorValue,
  gotRemainderUnit,
  intParam,
  noDataSummary,
  radarMax,
  valueKind,
} from './peFormat';
import type { PlatformItem, PlatformScore } from '../../api/platformEvaluation';

const item = (indicator: string, dimension: PlatformItem['dimension'], weight: number, points = 0) =>
  ({
    indicator,
    dimension,
    weight,
    points,
    value: null,
    benchmark: null,
    capped: false,
    missing: null,
  }) as PlatformItem;

// The preset's shape: industry 32, factors 20, business 20, green 28.
const items = [
  item('output_growth', 'industry', 8),
  item('leading_share', 'industry', 8),
  item('platform_tax_per_mu', 'industry', 12),
  item('chain_leaders', 'industry', 4),
  item('investment_intensity', 'factors', 10),
  item('major_projects', 'factors', 5),
  item('above_scale_growth', 'factors', 5),
  item('ticket_closure_rate', 'business', 6),
  item('service_satisfaction', 'business', 5),
  item('ticket_on_time_rate', 'business', 4),
  item('public_service_platform', 'business', 5),
  item('platform_rd_intensity', 'green', 10),
  item('high_tech_firms', 'green', 6),
  item('energy_intensity_decline', 'green', 6),
  item('innovation_platforms', 'green', 6),
];
const noData = {
  indicators: [
    'major_projects',
    'ticket_closure_rate',
    'service_satisfaction',
    'ticket_on_time_rate',
    'public_service_platform',
    'innovation_platforms',
  ],
  rescale: 100 / 69,
};

describe('indicator values by unit', () => {
  it('shows ratios as %, counts whole, 万元/亩 with 2 decimals, 有=1 as yes/no', () => {
    expect(valueKind('output_growth')).toBe('percent');
    expect(formatIndicatorValue('output_growth', 0.061073, 'zh-CN')).toBe('6.11%');
    expect(formatIndicatorValue('platform_rd_intensity', 0.038, 'en')).toBe('3.80%');
    expect(formatIndicatorValue('high_tech_firms', 106, 'zh-CN')).toBe('106 家');
    expect(formatIndicatorValue('major_projects', 2, 'en')).toBe('2 projects');
    expect(formatIndicatorValue('platform_tax_per_mu', 31.469112, 'zh-CN')).toBe('31.47 万元/亩');
    expect(formatIndicatorValue('investment_intensity', 1234.5, 'zh-CN', false)).toBe('1,234.50');
    expect(formatIndicatorValue('public_service_platform', 1, 'zh-CN')).toBe('有');
    expect(formatIndicatorValue('public_service_platform', 0, 'en')).toBe('no');
    expect(formatIndicatorValue('output_growth', null, 'zh-CN')).toBe('—');
  });
});

describe('dimensions', () => {
  it('adds up the design weights per dimension', () => {
    expect(dimensionWeights(items)).toEqual({ industry: 32, factors: 20, business: 20, green: 28 });
  });

  it('says which indicators have no data and the rescale 100/69', () => {
    const s = noDataSummary(noData, items)!;
    expect(s.byDimension).toEqual([
      { dimension: 'factors', indicators: ['major_projects'] },
      {
        dimension: 'business',
        indicators: [
          'ticket_closure_rate',
          'service_satisfaction',
          'ticket_on_time_rate',
          'public_service_platform',
        ],
      },
      { dimension: 'green', indicators: ['innovation_platforms'] },
    ]);
    expect([s.totalWeight, s.availableWeight]).toEqual([100, 69]);
    expect(noDataSummary(null, items)).toBeNull();
    expect(noDataSummary({ indicators: [], rescale: 1 }, items)).toBeNull();
  });

  it('full marks per dimension are the weights with data × rescale, adding up to 100', () => {
    const full = dimensionFullMarks(items, noData);
    expect(full.business).toBe(0);
    expect(full.industry).toBeCloseTo(46.38, 2);
    expect(full.industry + full.factors + full.business + full.green).toBeCloseTo(100, 1);
    expect(dimensionFullMarks(items, null)).toEqual({ industry: 32, factors: 20, business: 20, green: 28 });
    expect(dimensionRatio(23.19, 46.38)).toBeCloseTo(0.5, 6);
    expect(dimensionRatio(5, 0)).toBeNull();
    expect(radarMax([0.5, 0.9, null])).toBe(1);
    expect(radarMax([1.08, 0.7])).toBe(1.25);
  });
});

describe('the weight points are counted against', () => {
  // Row 1 of the 2025 demo: 产业发展 37.32 under "权重 32"; 要素集聚 21.74 of 20.
  const platforms = [
    { dimensions: { industry: 37.32, factors: 21.74, business: 0, green: 30.7 } },
    { dimensions: { industry: 23.35, factors: 7.85, business: 0, green: 15.7 } },
  ];

  it('is the applied (rescaled) weight, never below a score in the column', () => {
    const w = appliedWeights(items, noData, platforms);
    expect(w.industry).toMatchObject({ design: 32, scaled: true });
    expect(w.industry.applied).toBeCloseTo(46.38, 2);
    // 要素集聚: 15 of its 20 points have data → 15 × 100/69 = 21.74
    expect(w.factors.applied).toBeCloseTo(21.74, 2);
    expect(w.business).toMatchObject({ design: 20, applied: 0, scaled: true });
    for (const d of ['industry', 'factors', 'business', 'green'] as const)
      for (const p of platforms) expect(w[d].max, d).toBeGreaterThanOrEqual(p.dimensions[d]);
  });

  it('is the design weight when every indicator has data', () => {
    const w = appliedWeights(items, null, platforms.slice(1));
    expect(w.industry).toEqual({ design: 32, applied: 32, scaled: false, max: 32 });
  });

  it('rises to the best score when a cap above the weight lets a dimension pass it', () => {
    const w = appliedWeights(items, null, [
      { dimensions: { industry: 33.504, factors: 0, business: 0, green: 0 } },
    ]);
    expect(w.industry.max).toBe(33.51);
  });
});

describe('allocation display', () => {
  const row = (id: number, land: [number, number, boolean], energy: [number, number, boolean]) =>
    ({
      platformId: id,
      land: { exact: land[0], units: land[1], eligible: land[2] },
      energy: { exact: energy[0], units: energy[1], eligible: energy[2] },
    }) as PlatformScore;

  it('marks remainder units and totals the shares', () => {
    expect(gotRemainderUnit({ exact: 3.5, units: 4 })).toBe(true);
    expect(gotRemainderUnit({ exact: 4, units: 4 })).toBe(false);
    expect(gotRemainderUnit({ exact: 2.9999999999, units: 3 })).toBe(false);
    const t = allocationTotals([
      row(1, [4, 4, true], [40, 40, true]),
      row(2, [3.5, 4, true], [35, 35, true]),
      row(3, [2.5, 2, true], [25, 25, true]),
      row(4, [0, 0, false], [0, 0, false]),
    ]);
    expect(t).toMatchObject({ eligible: 3, landUnits: 10, landRemainders: 1, energyUnits: 100 });
    expect(t.landExact).toBeCloseTo(10, 9);
    expect(formatExact(77.34988)).toBe('77.35');
  });

  it('explains flags with the rule applied', () => {
    const its = [{ ...items[5]!, missing: 'no_data' as const }];
    expect(explainFlag('missing:major_projects', its)).toEqual({
      kind: 'missing',
      indicator: 'major_projects',
      rule: 'no_data',
    });
    expect(explainFlag('no_land', its)).toEqual({ kind: 'no_land' });
    expect(explainFlag('odd', its)).toEqual({ kind: 'other', raw: 'odd' });
  });

  it('reads ids from the address', () => {
    expect(intParam('12')).toBe(12);
    expect([intParam(null), intParam('0'), intParam('x'), intParam('99999999999')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
