import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_SECONDS, isFullscreenKey, refreshChoices, refreshSeconds } from './screenSettings';

describe('large-screen refresh interval', () => {
  it('reads the address: a whole number of seconds in range, 0 for off, else the default', () => {
    expect(refreshSeconds(null)).toBe(DEFAULT_REFRESH_SECONDS);
    expect(refreshSeconds('30')).toBe(30);
    expect(refreshSeconds('120')).toBe(120);
    expect(refreshSeconds('0')).toBe(0);
    expect(refreshSeconds('5')).toBe(DEFAULT_REFRESH_SECONDS);
    expect(refreshSeconds('99999')).toBe(DEFAULT_REFRESH_SECONDS);
    expect(refreshSeconds('abc')).toBe(DEFAULT_REFRESH_SECONDS);
  });

  it('offers the address interval among the choices, off last', () => {
    expect(refreshChoices(60)).toEqual([30, 60, 300, 600, 0]);
    expect(refreshChoices(120)).toEqual([30, 60, 120, 300, 600, 0]);
  });
});

describe('full-screen key', () => {
  const key = (k: string, extra: Partial<Parameters<typeof isFullscreenKey>[0]> = {}) =>
    isFullscreenKey({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      target: { tagName: 'BODY' },
      ...extra,
    });

  it('is F, without modifiers, not while typing', () => {
    expect(key('f')).toBe(true);
    expect(key('F')).toBe(true);
    expect(key('g')).toBe(false);
    expect(key('f', { ctrlKey: true })).toBe(false);
    expect(key('f', { target: { tagName: 'INPUT' } })).toBe(false);
    expect(key('f', { target: { tagName: 'DIV', isContentEditable: true } })).toBe(false);
  });
});
