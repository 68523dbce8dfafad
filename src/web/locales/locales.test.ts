import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh-CN.json';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every key path with the kind of its value (text, list or group). */
function shape(value: Json, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}: list of ${value.length}`];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof value}`];
}

describe('the two locales', () => {
  it('have the same keys, and each value of the same kind, in Chinese and English', () => {
    expect(shape(en as Json)).toEqual(shape(zh as Json));
  });

  it('keep lists as lists (a list turned into a group of "0", "1" … breaks the pages that map it)', () => {
    const groupsOfNumbers = (value: Json, path = ''): string[] =>
      Array.isArray(value) || !value || typeof value !== 'object'
        ? []
        : Object.keys(value).length > 0 && Object.keys(value).every((k, i) => k === String(i))
          ? [path]
          : Object.entries(value).flatMap(([k, v]) => groupsOfNumbers(v, path ? `${path}.${k}` : k));
    expect(groupsOfNumbers(zh as Json)).toEqual([]);
    expect(groupsOfNumbers(en as Json)).toEqual([]);
    expect(zh.calendar.weekdays).toHaveLength(7);
    expect(en.calendar.weekdaysFromSunday).toHaveLength(7);
  });
});
