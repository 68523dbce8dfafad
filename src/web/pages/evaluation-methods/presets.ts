// The presets a new method may start from, in the order the list page offers them. Pure.

/** A new method without a chosen start begins from the template. */
export const DEFAULT_PRESET = 'zhejiang-default';

/** Published examples first, then the template. */
export const PRESET_ORDER = ['huangyan-2022', 'huangyan-2021', 'zhejiang-default'];

/** Presets that are our design (templates), not a county's published method. */
const TEMPLATES = [DEFAULT_PRESET, 'platform-2022'];

/** "example": a county's published method; "template": our starting point (design defaults). */
export function presetKind(key: string): 'example' | 'template' {
  return TEMPLATES.includes(key) ? 'template' : 'example';
}

/** Preset keys in offering order, then any others the server has. */
export function orderedPresetKeys(keys: readonly string[]): string[] {
  return [
    ...PRESET_ORDER.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !PRESET_ORDER.includes(k)).sort(),
  ];
}
