import { describe, expect, it } from 'vitest';
import { validateMethod } from '../../../modules/evaluation/core/method';
import { PRESETS } from '../../../modules/evaluation/core/presets';
import {
  getAt,
  indicatorKeysFor,
  moveItem,
  nearestPointer,
  newAdjustment,
  newCohort,
  newIndicator,
  nextClassKey,
  parsePointer,
  pointerOf,
  removeClass,
  renameClass,
  setAt,
  tabOf,
  uniqueKey,
  unusedIndicators,
} from './draft';

const preset = () => structuredClone(PRESETS['huangyan-2022']!);

describe('paths and pointers', () => {
  it('round-trips JSON pointers, escaping ~ and /', () => {
    expect(pointerOf(['cohorts', 0, 'indicators', 2, 'weight'])).toBe('/cohorts/0/indicators/2/weight');
    expect(pointerOf([])).toBe('/');
    expect(pointerOf(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePointer('/')).toEqual([]);
  });

  it('sets a value by path without touching the original', () => {
    const m = preset();
    const next = setAt(m, ['cohorts', 0, 'indicators', 1, 'weight'], 25);
    expect(getAt(next, ['cohorts', 0, 'indicators', 1, 'weight'])).toBe(25);
    expect(m.cohorts[0]!.indicators[1]!.weight).toBe(20);
    expect(next.cohorts[1]).toBe(m.cohorts[1]);
    expect(next.policies).toBe(m.policies);
  });

  it('removes an optional property when set to undefined', () => {
    const m = preset();
    const next = setAt(m, ['cohorts', 1, 'filter', 'minOwnLandMu'], undefined);
    expect(next.cohorts[1]!.filter).toEqual({ scale: 'below' });
  });

  it('moves array items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('classes', () => {
  it('renames a class everywhere it is used', () => {
    const m = renameClass(preset(), 'D', 'E');
    expect(m.classes.map((c) => c.key)).toEqual(['A', 'B', 'C', 'E']);
    expect(m.cohorts[0]!.banding.bands.map((b) => b.class)).toEqual(['A', 'B', 'C', 'E']);
    expect(m.policies.landUseTax!.reliefShare).toEqual({ A: 1, B: 0.8, C: 0, E: 0 });
    expect(m.policies.electricitySurcharge!.escalation[0]!.class).toBe('E');
    expect(m.policies.energyQuota!.factor.E).toBe(0.8);
    expect(validateMethod(m)).toEqual([]);
  });

  it('does not merge into an existing class on rename', () => {
    const m = renameClass(preset(), 'D', 'A');
    expect(m.classes.map((c) => c.key)).toEqual(['A', 'B', 'C', 'A']);
    expect(m.policies.landUseTax!.reliefShare).toEqual({ A: 1, B: 0.8, C: 0, D: 0 });
    expect(validateMethod(m).map((p) => p.path)).toContain('/classes');
  });

  it('removes a class and its policy values', () => {
    const m = removeClass(preset(), 3);
    expect(m.classes.map((c) => c.key)).toEqual(['A', 'B', 'C']);
    expect(m.policies.electricitySurcharge!.yuanPerKwh).toEqual({ A: 0, B: 0, C: 0 });
    // Bands still naming D are for the task force to fix: validation points at them.
    expect(validateMethod(m).map((p) => p.path)).toContain('/cohorts/0/banding/bands/3/class');
    expect(nextClassKey(m)).toBe('D');
  });
});

describe('new parts', () => {
  it('adds a cohort, an adjustment and keys that do not clash', () => {
    const m = preset();
    const cohort = newCohort(m);
    expect(cohort.key).toBe('cohort');
    const withCohort = { ...m, cohorts: [...m.cohorts, cohort] };
    expect(validateMethod(withCohort)).toEqual([]);
    expect(newCohort(withCohort).key).toBe('cohort_2');
    const adjustment = newAdjustment([]);
    expect(validateMethod(setAt(m, ['cohorts', 0, 'adjustments'], [adjustment]))).toEqual([]);
    expect(uniqueKey('a', ['a', 'a_2'])).toBe('a_3');
  });
});

describe('indicators follow the subject', () => {
  it('offers platform indicators to platform methods and the per-mu ones to enterprise methods', () => {
    const platform = structuredClone(PRESETS['platform-2022']!);
    expect(indicatorKeysFor('platform')).toContain('investment_intensity');
    expect(indicatorKeysFor(undefined)).toContain('tax_per_mu');
    expect(indicatorKeysFor('enterprise')).not.toContain('investment_intensity');
    const used = platform.cohorts[0]!.indicators.map((i) => i.indicator as string);
    expect(unusedIndicators(platform.cohorts[0]!, 'platform')).toEqual([]);
    expect(newIndicator(used, 'platform')).toBeNull();
    expect(newIndicator(['output_growth'], 'platform')!.indicator).toBe('leading_share');
    // A new cohort of a platform method starts with a platform indicator and validates.
    const withCohort = { ...platform, cohorts: [...platform.cohorts, newCohort(platform)] };
    expect(withCohort.cohorts[1]!.indicators[0]!.indicator).toBe('output_growth');
    expect(validateMethod(withCohort)).toEqual([]);
  });
});

describe('where problems show', () => {
  it('names the tab and cohort of a pointer', () => {
    expect(tabOf('/cohorts/1/indicators/0/weight')).toEqual({ tab: 'cohorts', cohort: 1 });
    expect(tabOf('/cohorts')).toEqual({ tab: 'cohorts' });
    expect(tabOf('/policies/landUseTax/reliefShare')).toEqual({ tab: 'policies' });
    expect(tabOf('/name/zh')).toEqual({ tab: 'general' });
  });

  it('finds the closest field shown on the page', () => {
    const shown = new Set(['/cohorts/0/banding', '/cohorts/0']);
    expect(nearestPointer('/cohorts/0/banding/bands/2/class', (p) => shown.has(p))).toBe(
      '/cohorts/0/banding',
    );
    expect(nearestPointer('/cohorts/0/key', (p) => shown.has(p))).toBe('/cohorts/0');
    expect(nearestPointer('/policies', (p) => shown.has(p))).toBeNull();
  });
});
