import { describe, expect, it } from 'vitest';
import {
  applyReported,
  CLUSTER_100BN,
  CLUSTER_1TN,
  combineSources,
  computeMetrics,
  emptyBases,
  sourceOf,
  sumBases,
} from './metrics';

const bases = (values: Partial<ReturnType<typeof emptyBases>>) => ({ ...emptyBases(), ...values });

describe('clusters (T4, T5)', () => {
  it('counts key industries at or above 1,000 亿 and 10,000 亿 (万元), trillion-scale ones in both', () => {
    const v = computeMetrics(
      {
        bases: emptyBases(),
        previous: null,
        industryOutput: {
          smart_iot: CLUSTER_1TN, // exactly 1 万亿: both
          biomedicine: CLUSTER_100BN, // exactly 1,000 亿
          new_materials: CLUSTER_100BN - 0.01,
          high_end_equipment: 2 * CLUSTER_1TN,
        },
      },
      'city',
    );
    expect(v.clusters_100bn).toBe(3);
    expect(v.clusters_1tn).toBe(2);
  });

  it('are city metrics: a platform has none, and no industry data means no value', () => {
    expect(computeMetrics({ bases: emptyBases(), previous: null }, 'platform').clusters_100bn).toBeNull();
    expect(computeMetrics({ bases: emptyBases(), previous: null }, 'city').clusters_100bn).toBeNull();
  });
});

describe('public-service coverage (T12)', () => {
  it('is the share of platforms reporting one, and no data until someone reports', () => {
    const none = computeMetrics({ bases: emptyBases(), previous: null, platformCount: 16 }, 'city');
    expect(none.public_service_coverage).toBeNull();
    const some = computeMetrics(
      { bases: bases({ publicServicePlatform: 12 }), previous: null, platformCount: 16 },
      'city',
    );
    expect(some.public_service_coverage).toBe(0.75);
  });
});

describe('ratios and growth', () => {
  it('divide only by a positive divisor and need last year for growth', () => {
    const v = computeMetrics(
      { bases: bases({ aboveTax: 100, aboveLand: 0, output: 110 }), previous: bases({ output: 100 }) },
      'platform',
    );
    expect(v.tax_per_mu).toBeNull();
    expect(v.output_growth).toBeCloseTo(0.1, 12);
    expect(
      computeMetrics({ bases: bases({ output: 110 }), previous: null }, 'platform').output_growth,
    ).toBeNull();
  });
});

describe('reported statistics and sources', () => {
  const override = { figure: 'output' as const, value: 9, by: 'a', at: '', note: '' };
  it('a reported figure wins over the computed one; sums skip figures nobody has', () => {
    expect(applyReported(bases({ output: 5 }), [override]).output).toBe(9);
    const sum = sumBases([bases({ output: 5 }), bases({ output: 7, majorProjects: 2 })]);
    expect(sum.output).toBe(12);
    expect(sum.majorProjects).toBe(2);
    expect(sum.innovationPlatforms).toBeNull();
  });
  it('names the source: computed, reported, mixed, registry', () => {
    expect(sourceOf('platform_output', [])).toBe('computed');
    expect(sourceOf('platform_output', [override])).toBe('reported');
    expect(sourceOf('leading_share', [override])).toBe('mixed');
    // T6 is computed from the project registry; a reported figure overrides it.
    expect(sourceOf('major_projects', [])).toBe('computed');
    expect(
      sourceOf('major_projects', [{ figure: 'majorProjects', value: 3, by: '', at: '', note: '' }]),
    ).toBe('reported');
    expect(sourceOf('innovation_platforms', [])).toBe('reported');
    expect(sourceOf('strategic_platforms', [])).toBe('registry');
    expect(combineSources(['computed', 'computed'])).toBe('computed');
    expect(combineSources(['computed', 'reported'])).toBe('mixed');
  });
});
