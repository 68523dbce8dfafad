/** The platform method runs on the per-mu evaluation's engine: validation, scores and rescaling. */
import { describe, expect, it } from 'vitest';
import type { PlatformFigures } from './indicators';
import { validateMethod, type Method } from './method';
import { PRESETS } from './presets';
import { evaluate, type EvaluationFirm } from './score';
import { PLATFORM_PRESET } from './platform-preset';

const subject = (id: number, f: Partial<PlatformFigures>): EvaluationFirm & PlatformFigures => ({
  id,
  scale: 'above',
  ownLandMu: 100,
  leasedFloorM2: null,
  landholderId: null,
  labels: [],
  exemption: null,
  hasYear: true,
  tax: null,
  valueAdded: null,
  revenue: null,
  energyTce: null,
  emissions: null,
  employees: null,
  rdSpending: null,
  electricity: null,
  output: null,
  priorClasses: [],
  outputGrowth: null,
  leadingShare: null,
  taxPerMu: null,
  chainLeaders: null,
  investmentIntensity: null,
  majorProjects: null,
  aboveScaleGrowth: null,
  ticketClosureRate: null,
  serviceSatisfaction: null,
  ticketOnTimeRate: null,
  publicServicePlatform: null,
  rdIntensity: null,
  highTechFirms: null,
  energyIntensityDecline: null,
  innovationPlatforms: null,
  ...f,
});

describe('the default platform method', () => {
  it('is a valid method of the same format, weights summing to 100', () => {
    expect(validateMethod(PLATFORM_PRESET)).toEqual([]);
    expect(PLATFORM_PRESET.cohorts[0]!.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(PRESETS['platform-2022']).toBe(PLATFORM_PRESET);
  });

  it('refuses platform indicators in an enterprise method, and the other way round', () => {
    const mixed = structuredClone(PRESETS['huangyan-2022']!) as Method;
    mixed.cohorts[0]!.indicators[0]!.indicator = 'leading_share';
    expect(validateMethod(mixed).map((p) => p.path)).toEqual(['/cohorts/0/indicators/0/indicator']);
    const platform = structuredClone(PLATFORM_PRESET);
    platform.cohorts[0]!.indicators[0]!.indicator = 'tax_per_mu';
    expect(validateMethod(platform).map((p) => p.path)).toEqual(['/cohorts/0/indicators/0/indicator']);
  });
});

describe('platform scores on the evaluation engine', () => {
  // One indicator with data (tax per mu, ratio to 40, weight 60, cap 90) and one nobody has
  // (closure rate, weight 40): with rescale the total is tax points × 100/60.
  const method: Method = {
    ...PLATFORM_PRESET,
    cohorts: [
      {
        ...PLATFORM_PRESET.cohorts[0]!,
        indicators: [
          {
            indicator: 'platform_tax_per_mu',
            weight: 60,
            benchmark: { kind: 'fixed', value: 40 },
            scoring: 'ratio',
            cap: 90,
            missing: 'cohort_average',
          },
          {
            indicator: 'ticket_closure_rate',
            weight: 40,
            benchmark: { kind: 'cohort_mean' },
            scoring: 'min_max',
            cap: null,
            missing: 'zero',
          },
        ],
      },
    ],
  };

  it('drops indicators nobody has data for and rescales the rest to the full weight', () => {
    const out = evaluate(method, [
      subject(1, { taxPerMu: 40 }),
      subject(2, { taxPerMu: 20 }),
      subject(3, { taxPerMu: 80 }),
    ]);
    const byId = new Map(out.results.map((r) => [r.enterpriseId, r]));
    // 40/40 × 60 = 60 → × 100/60 = 100; 20/40 × 60 = 30 → 50; 80/40 × 60 = 120, capped at 90 → 150.
    expect(byId.get(1)!.score).toBe(100);
    expect(byId.get(2)!.score).toBe(50);
    expect(byId.get(3)!.score).toBe(150);
    expect(byId.get(3)!.items[0]!.capped).toBe(true);
    expect(byId.get(1)!.items[1]!.missing).toBe('no_data');
    expect(out.cohorts[0]!.noData).toEqual({ indicators: ['ticket_closure_rate'], rescale: 100 / 60 });
    expect(out.results.map((r) => [r.enterpriseId, r.rank, r.class])).toEqual([
      [3, 1, 'A'],
      [1, 2, 'A'],
      [2, 3, 'D'],
    ]);
  });

  it('keeps zero points (no rescaling) once anyone has the data, and for methods without the option', () => {
    const some = evaluate(method, [
      subject(1, { taxPerMu: 40, ticketClosureRate: 0.9 }),
      subject(2, { taxPerMu: 40 }),
    ]);
    expect(some.cohorts[0]!.noData).toBeUndefined();
    const second = some.results.find((r) => r.enterpriseId === 2)!;
    expect(second.items[1]).toMatchObject({ points: 0, missing: 'zero' });
    const zero = evaluate({ ...method, noDataItems: 'zero' }, [subject(1, { taxPerMu: 40 })]);
    expect(zero.results[0]!.score).toBe(60);
  });
});
