import { describe, expect, it } from 'vitest';
import type { Method } from './method';
import { validateMethod, weightSums } from './method';
import { PRESETS } from './presets';
import { classOf, evaluate, roundTo, type EvaluationFirm } from './score';

const firm = (id: number, over: Partial<EvaluationFirm> = {}): EvaluationFirm => ({
  id,
  scale: 'above',
  ownLandMu: 10,
  leasedFloorM2: null,
  landholderId: null,
  labels: [],
  exemption: null,
  hasYear: true,
  tax: 100,
  valueAdded: 500,
  revenue: 3000,
  energyTce: 200,
  emissions: 1,
  employees: 50,
  rdSpending: 60,
  electricity: 100,
  output: 3000,
  priorClasses: [],
  ...over,
});

// Hand-computed firms for the published Huangyan method (domain guide §5.3); expected totals were
// worked out with decimal arithmetic, item by item, outside this code.
const H1 = firm(1, {
  ownLandMu: 20,
  tax: 600, // 30 万元/亩
  valueAdded: 3000, // 150 万元/亩, 3.0 万元/tce, 6000 万元/t, 20 万元/人
  energyTce: 1000,
  emissions: 0.5,
  employees: 150,
  rdSpending: 150,
  revenue: 5000, // R&D 0.03
  electricity: 200,
});
const H2 = firm(2, {
  ownLandMu: 8,
  tax: 240, // 30
  valueAdded: 800, // 100 /亩, 2.0 /tce, 20 /人
  energyTce: 400,
  emissions: null, // missing → cohort average points (Huangyan)
  employees: 40,
  rdSpending: 100,
  revenue: 2500, // 0.04
});
const H3 = firm(3, {
  ownLandMu: 10,
  tax: 200, // 20
  valueAdded: 1000, // 100, 2.0, 4000, 12.5
  energyTce: 500,
  emissions: 0.25,
  employees: 80,
  rdSpending: 60,
  revenue: 3000, // 0.02
});
const L1 = firm(4, { scale: 'below', ownLandMu: 5, tax: 60, electricity: 200, revenue: 1500 }); // 12 /亩, 0.3 元/kWh

const byId = (m: Method, firms: EvaluationFirm[]) =>
  new Map(evaluate(m, firms).results.map((r) => [r.enterpriseId, r]));

describe('published Huangyan methods', () => {
  it('huangyan-2022 reproduces the published formula to the cent', () => {
    const r = byId(PRESETS['huangyan-2022']!, [H1, H2, H3, L1]);
    expect(r.get(1)!.score).toBe(114.78);
    expect(r.get(3)!.score).toBe(76.06);
    expect(r.get(4)!.score).toBe(115.53);
    expect(r.get(4)!.cohort).toBe('below');
    const items = r.get(1)!.items;
    expect(items.map((i) => i.points)).toEqual([
      37.349048, 22.032902, 22.271715, 12.170854, 11.025358, 9.933775,
    ]);
    expect(items[0]).toMatchObject({ indicator: 'tax_per_mu', value: 30, benchmark: 24.097, weight: 30 });
  });

  it('gives a 规上 firm without emissions data the cohort average points for that item', () => {
    const r = byId(PRESETS['huangyan-2022']!, [H1, H2, H3, L1]).get(2)!;
    const item = r.items.find((i) => i.indicator === 'value_added_per_emission')!;
    // (12.170854 + 8.113903) / 2
    expect(item).toMatchObject({ value: null, missing: 'cohort_average', points: 10.142379 });
    expect(r.flags).toContain('missing:value_added_per_emission');
    expect(r.score).toBe(101.3);
  });

  it('huangyan-2021 uses the 2021 benchmarks', () => {
    const r = byId(PRESETS['huangyan-2021']!, [H1, L1]);
    expect(r.get(1)!.score).toBe(114.55);
    expect(r.get(4)!.score).toBe(99.55);
  });

  it('a firm exactly at every benchmark scores 100', () => {
    const at = firm(9, {
      ownLandMu: 1,
      tax: 24.097,
      valueAdded: 136.16,
      energyTce: 136.16 / 2.694,
      emissions: 136.16 / 4929.81,
      employees: 136.16 / 18.14,
      revenue: 1000,
      rdSpending: 30.2,
    });
    expect(byId(PRESETS['huangyan-2022']!, [at]).get(9)!.score).toBe(100);
  });

  it('every preset is a valid method whose weights add up to 100', () => {
    for (const [key, m] of Object.entries(PRESETS)) {
      expect(validateMethod(m), key).toEqual([]);
      expect(weightSums(m).every((w) => w.sum === 100)).toBe(true);
    }
  });
});

/** A one-cohort method for focused rules. */
function method(over: Partial<Method['cohorts'][number]> = {}, top: Partial<Method> = {}): Method {
  const base = PRESETS['zhejiang-default']!;
  return {
    ...base,
    ...top,
    cohorts: [
      {
        key: 'all',
        name: { zh: '全部', en: 'All' },
        filter: {},
        indicators: [
          {
            indicator: 'tax_per_mu',
            weight: 100,
            benchmark: { kind: 'fixed', value: 10 },
            scoring: 'ratio',
            missing: 'zero',
          },
        ],
        correctionFactor: 1,
        adjustments: [],
        banding: base.cohorts[0]!.banding,
        ...over,
      },
    ],
  };
}

describe('scoring rules', () => {
  it('min–max: weight × [20 + 80 × (v − min)/(max − min)] / 100', () => {
    const m = method({
      indicators: [
        {
          indicator: 'tax_per_mu',
          weight: 60,
          benchmark: { kind: 'cohort_mean' },
          scoring: 'min_max',
          missing: 'zero',
        },
      ],
    });
    const r = byId(m, [firm(1, { tax: 50 }), firm(2, { tax: 100 }), firm(3, { tax: 250 })]);
    // tax per mu 5, 10, 25: min 5, max 25
    expect(r.get(1)!.score).toBe(12); // 60 × 20 / 100
    expect(r.get(2)!.score).toBe(24); // 60 × (20 + 80 × 5/20) / 100 = 60 × 40 / 100
    expect(r.get(3)!.score).toBe(60);
  });

  it('caps an item and says so', () => {
    const m = method({
      indicators: [
        {
          indicator: 'tax_per_mu',
          weight: 50,
          benchmark: { kind: 'fixed', value: 10 },
          scoring: 'ratio',
          cap: 100,
          missing: 'zero',
        },
      ],
    });
    const r = byId(m, [firm(1, { tax: 1000 }), firm(2, { tax: 150 })]);
    expect(r.get(1)!.items[0]).toMatchObject({ points: 100, capped: true }); // 100/10 × 50 = 500 → 100
    expect(r.get(2)!.items[0]).toMatchObject({ points: 75, capped: false });
  });

  it('missing data with the zero rule: 0 points and a data-quality flag', () => {
    const m = method();
    const r = byId(m, [firm(1, { tax: null }), firm(2, { ownLandMu: 0 })]);
    expect(r.get(1)!.items[0]).toMatchObject({ value: null, points: 0, missing: 'zero' });
    expect(r.get(1)!.flags).toContain('missing:tax_per_mu');
    expect(r.get(2)!.flags).toEqual(['missing:tax_per_mu', 'no_land']);
  });

  it('cohort mean and median benchmarks are computed over the firms that have a value', () => {
    const firms = [firm(1, { tax: 10 }), firm(2, { tax: 20 }), firm(3, { tax: 90 }), firm(4, { tax: null })];
    const mean = evaluate(
      method({
        indicators: [
          {
            indicator: 'tax_per_mu',
            weight: 100,
            benchmark: { kind: 'cohort_mean' },
            scoring: 'ratio',
            missing: 'zero',
          },
        ],
      }),
      firms,
    );
    expect(mean.cohorts[0]!.benchmarks.tax_per_mu).toBe(4); // (1 + 2 + 9) / 3
    const median = evaluate(
      method({
        indicators: [
          {
            indicator: 'tax_per_mu',
            weight: 100,
            benchmark: { kind: 'cohort_median' },
            scoring: 'ratio',
            missing: 'zero',
          },
        ],
      }),
      firms,
    );
    expect(median.cohorts[0]!.benchmarks.tax_per_mu).toBe(2);
    expect(median.results.find((r) => r.enterpriseId === 3)!.score).toBe(450);
  });

  it('applies the correction factor before bonus and deduction', () => {
    const m = method({
      correctionFactor: 1.1,
      adjustments: [
        {
          key: 'hightech',
          name: { zh: '高新', en: 'High-tech' },
          effect: 'bonus',
          when: [{ attribute: 'label', op: 'has', value: 'high_tech' }],
          points: { kind: 'fixed', points: 5 },
        },
      ],
    });
    const r = byId(m, [firm(1, { labels: ['high_tech'] }), firm(2)]);
    expect(r.get(1)!.score).toBe(115); // 100 × 1.1 + 5
    expect(r.get(1)!.adjustments).toEqual([{ key: 'hightech', points: 5 }]);
    expect(r.get(2)!.score).toBe(110);
  });

  it('Wenling 2022 sub-letting deductions: 规上 −5 per 规下 tenant beyond the first; 规下 landlord −10, then −5 each', () => {
    const above = method({
      adjustments: [
        {
          key: 'sublet',
          name: { zh: '转租', en: 'Sub-letting' },
          effect: 'deduction',
          when: [{ attribute: 'scale', op: 'eq', value: 'above' }],
          points: { kind: 'per_unit', attribute: 'belowScaleTenants', free: 1, first: 5, each: 5 },
        },
        {
          key: 'landlord',
          name: { zh: '出租', en: 'Landlord' },
          effect: 'deduction',
          when: [{ attribute: 'scale', op: 'eq', value: 'below' }],
          points: { kind: 'per_unit', attribute: 'tenants', free: 0, first: 10, each: 5 },
        },
      ],
    });
    const tenant = (id: number, holder: number) =>
      firm(id, { scale: 'below', landholderId: holder, ownLandMu: 0, hasYear: false });
    const r = byId(above, [
      firm(1),
      tenant(11, 1),
      tenant(12, 1),
      tenant(13, 1), // 规上 with 3 规下 tenants: −10
      firm(2),
      tenant(21, 2), // one tenant: nothing
      firm(3, { scale: 'below' }),
      tenant(31, 3),
      tenant(32, 3), // 规下 with 2 tenants: −15
    ]);
    expect(r.get(1)!.score).toBe(90);
    expect(r.get(2)!.score).toBe(100);
    expect(r.get(3)!.score).toBe(85);
  });

  it('merges tenants into their landholder when the method says so', () => {
    const m = method({}, { tenants: 'merge_with_landholder' });
    const r = byId(m, [firm(1, { tax: 100 }), firm(2, { landholderId: 1, ownLandMu: 0, tax: 50 })]);
    expect(r.get(1)!.score).toBe(150); // (100 + 50) / 10 亩 / 10 × 100
    expect(r.get(2)).toMatchObject({ status: 'merged', mergedInto: 1, score: null, class: null });
  });

  it('converts leased floor space to land when the cohort sets a plot ratio', () => {
    const m = method({ filter: { leasingOnly: true }, leasedFloorPlotRatio: 1.5 });
    const r = byId(m, [firm(1, { ownLandMu: null, leasedFloorM2: 1000, tax: 10 }), firm(2)]);
    // 1000 m² ÷ 1.5 ÷ 666.67 m²/亩 = 1 亩 → 10 万元/亩
    expect(r.get(1)!.items[0]!.value).toBeCloseTo(10, 9);
    expect(r.has(2)).toBe(false);
  });

  it('leaves out firms without figures for the year and firms in no cohort', () => {
    const m = PRESETS['huangyan-2022']!;
    const out = evaluate(m, [H1, firm(5, { hasYear: false }), firm(6, { scale: 'below', ownLandMu: 2 })]);
    expect(out.results.map((r) => r.enterpriseId)).toEqual([1]);
    expect(out.excluded).toEqual({ noData: 1, outOfScope: 1 });
  });
});

describe('classes', () => {
  const wenling = PRESETS['huangyan-2022']!.cohorts[0]!.banding;
  const counts = (n: number, score: (i: number) => number) => {
    const out = evaluate(
      method({ banding: wenling }),
      Array.from({ length: n }, (_, i) => firm(i + 1, { tax: score(i) })),
    );
    return out.cohorts[0]!.classCounts;
  };

  it('100 firms with the Wenling 规上 bands → 20 / 60 / 15 / 5', () => {
    expect(counts(100, (i) => 1000 - i)).toEqual({ A: 20, B: 60, C: 15, D: 5 });
  });

  it('ties get the same, better class', () => {
    // Firms 20 and 21 tie at the A/B edge: both A.
    const c = counts(100, (i) => (i === 20 ? 1000 - 19 : 1000 - i));
    expect(c).toEqual({ A: 21, B: 59, C: 15, D: 5 });
    expect(classOf(wenling, 20, 100, 0)).toBe('A');
    expect(classOf(wenling, 21, 100, 0)).toBe('B');
  });

  it('small cohorts: band edges are the published shares rounded half up to whole firms', () => {
    expect(counts(10, (i) => 100 - i)).toEqual({ A: 2, B: 6, C: 2, D: 0 }); // edges 2, 8, 9.5→10
    expect(counts(7, (i) => 100 - i)).toEqual({ A: 1, B: 5, C: 1, D: 0 }); // 1.4→1, 5.6→6, 6.65→7
    expect(counts(1, () => 5)).toEqual({ A: 0, B: 1, C: 0, D: 0 });
  });

  it('score thresholds instead of percentiles', () => {
    const banding: Method['cohorts'][number]['banding'] = {
      kind: 'threshold',
      bands: [
        { class: 'A', minScore: 120 },
        { class: 'B', minScore: 90 },
        { class: 'C', minScore: 60 },
        { class: 'D', minScore: null },
      ],
    };
    const r = byId(method({ banding }), [
      firm(1, { tax: 120 }),
      firm(2, { tax: 119.99 }),
      firm(3, { tax: 60 }),
      firm(4, { tax: 10 }),
    ]);
    expect([1, 2, 3, 4].map((id) => r.get(id)!.class)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('unrated firms take part, get no class and are treated as B', () => {
    const r = byId(method({ banding: wenling }), [
      firm(1, { tax: 1 }),
      firm(2, { tax: 50, exemption: 'utility' }),
    ]);
    expect(r.get(2)).toMatchObject({ status: 'unrated', class: null, policyClass: 'B', rank: null });
    expect(r.get(1)).toMatchObject({ status: 'rated', rank: 1, cohortSize: 1 });
  });

  it('ranks with ties share the rank; the next rank skips', () => {
    const r = byId(method(), [firm(1, { tax: 50 }), firm(2, { tax: 50 }), firm(3, { tax: 40 })]);
    expect([1, 2, 3].map((id) => r.get(id)!.rank)).toEqual([1, 1, 3]);
    expect(r.get(3)!.topPercent).toBe(100);
  });
});

describe('policies in yuan', () => {
  const m = PRESETS['huangyan-2022']!;
  it('land-use-tax relief, electricity surcharge with escalation, energy quota', () => {
    const firms = Array.from({ length: 20 }, (_, i) =>
      firm(i + 1, { ownLandMu: 20, tax: 1000 - i * 40, electricity: 200, energyTce: 1000 }),
    );
    firms[19] = { ...firms[19]!, priorClasses: ['D', 'D'] };
    firms[18] = { ...firms[18]!, priorClasses: ['D', 'C', 'D'] };
    const r = byId(m, firms);
    expect(r.get(1)!.class).toBe('A');
    expect(r.get(1)!.policies.landUseTaxRelief).toEqual({ share: 1, yuan: 106666.67 }); // 20 亩 × 666.67 m² × 8 元
    expect(r.get(20)!.class).toBe('D');
    // 200 万kWh × 10,000 × 0.4 元 (third D year running)
    expect(r.get(20)!.policies.electricitySurcharge).toEqual({
      yuanPerKwh: 0.4,
      consecutiveYears: 3,
      yuan: 800000,
    });
    expect(r.get(20)!.policies.energyQuota).toEqual({ factor: 0.8, quotaTce: 800, changeTce: -200 });
    expect(r.get(19)!.class).toBe('C');
    expect(r.get(19)!.policies.electricitySurcharge!.yuan).toBe(0);
  });

  it('a first D year pays 0.3 元/kWh', () => {
    const firms = Array.from({ length: 20 }, (_, i) => firm(i + 1, { tax: 1000 - i, electricity: 200 }));
    expect(byId(m, firms).get(20)!.policies.electricitySurcharge).toEqual({
      yuanPerKwh: 0.3,
      consecutiveYears: 1,
      yuan: 600000,
    });
  });
});

describe('determinism and numbers', () => {
  it('the same firms in another order give identical results', () => {
    const firms = Array.from({ length: 200 }, (_, i) =>
      firm(i + 1, { tax: (i * 7919) % 301, emissions: i % 9 ? 1 : null }),
    );
    const a = JSON.stringify(evaluate(PRESETS['huangyan-2022']!, firms));
    const b = JSON.stringify(evaluate(PRESETS['huangyan-2022']!, [...firms].reverse()));
    expect(a).toBe(b);
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(101.298, 2)).toBe(101.3);
  });
});

describe('method validation', () => {
  const m = PRESETS['huangyan-2022']!;
  it('reports shape problems with their path', () => {
    const bad = structuredClone(m) as unknown as { cohorts: { indicators: { weight: number }[] }[] };
    bad.cohorts[0]!.indicators[0]!.weight = -1;
    expect(validateMethod(bad)[0]!.path).toBe('/cohorts/0/indicators/0/weight');
  });
  it('reports meaning problems in both languages', () => {
    const bad = structuredClone(m);
    bad.cohorts[0]!.banding = {
      kind: 'percentile',
      bands: [
        { class: 'A', upToPercent: 50 },
        { class: 'X', upToPercent: 90 },
      ],
    };
    bad.unrated.treatAs = 'Z';
    const problems = validateMethod(bad);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/unrated/treatAs', '/cohorts/0/banding', '/cohorts/0/banding/bands/1/class']),
    );
    expect(problems.every((p) => p.zh && p.en)).toBe(true);
  });
});
