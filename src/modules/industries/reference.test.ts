import { describe, expect, it } from 'vitest';
import table from './reference/gbt4754-2017.json';

const HAN = /\p{Script=Han}/u;
const levels = ['sections', 'divisions', 'groups', 'classes'] as const;

describe('GB/T 4754-2017 code table: English names', () => {
  it.each(levels)('every entry of %s has an English name without Chinese characters', (level) => {
    const entries = table[level] as { code: string; nameZh: string; nameEn: string }[];
    expect(entries.length).toBeGreaterThan(0);
    const missing = entries.filter((e) => !e.nameEn.trim() || HAN.test(e.nameEn)).map((e) => e.code);
    expect(missing).toEqual([]);
  });

  it('covers the whole classification the app lists: 20 sections, 97 divisions, every group and class of section C', () => {
    expect(table.sections).toHaveLength(20);
    expect(table.divisions).toHaveLength(97);
    expect(table.classes).toHaveLength(609);
    const groups = new Set(table.groups.map((g) => g.code));
    for (const c of table.classes) expect(groups.has(c.code.slice(0, 3)), c.code).toBe(true);
  });

  it.each([
    ['3973', 'Integrated circuit manufacturing'],
    ['C', 'Manufacturing'],
  ])('%s is named in English', (code, en) => {
    const all = [...table.sections, ...table.divisions, ...table.groups, ...table.classes];
    expect(all.find((e) => e.code === code)?.nameEn.toLowerCase()).toBe(en.toLowerCase());
  });
});
