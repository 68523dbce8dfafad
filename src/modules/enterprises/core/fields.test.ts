import { describe, expect, it } from 'vitest';
import { maskPhone, YEAR_FIELD_KEYS, YEAR_FIELDS } from './fields';
import { effectiveScale } from './scale';
import { pinyinInitials } from './pinyin';

describe('enterprise fields', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['0571-87654321', '057******4321'],
    ['12345', '1**45'],
    ['', ''],
  ])('masks %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('names every year field with a unit in both languages', () => {
    expect(YEAR_FIELDS.map((f) => f.key)).toEqual([...YEAR_FIELD_KEYS]);
    for (const f of YEAR_FIELDS) expect(f.unitZh && f.unitEn).toBeTruthy();
  });

  it.each([
    [null, 2000, 'above'],
    [null, 1999.99, 'below'],
    [null, null, 'below'],
    ['above', 10, 'above'],
    ['below', 50000, 'below'],
  ] as const)('scale(override %s, revenue %s) = %s', (override, revenue, scale) => {
    expect(effectiveScale(override, revenue)).toBe(scale);
  });

  it('derives pinyin initials for search', () => {
    expect(pinyinInitials('杭州演示智联科技有限公司')).toBe('hzyszlkjyxgs');
  });
});
