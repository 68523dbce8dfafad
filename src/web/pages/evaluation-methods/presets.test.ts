import { describe, expect, it } from 'vitest';
import { orderedPresetKeys, presetKind } from './presets';

describe('presets offered for a new method', () => {
  it('calls our design defaults templates and the county methods published examples', () => {
    expect(presetKind('huangyan-2022')).toBe('example');
    expect(presetKind('zhejiang-default')).toBe('template');
    expect(presetKind('platform-2022')).toBe('template');
  });

  it('offers the published examples first, then the template, then the rest', () => {
    expect(
      orderedPresetKeys(['platform-2022', 'zhejiang-default', 'huangyan-2021', 'huangyan-2022']),
    ).toEqual(['huangyan-2022', 'huangyan-2021', 'zhejiang-default', 'platform-2022']);
  });
});
