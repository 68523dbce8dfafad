import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from './format';

describe('formatMoney', () => {
  it('picks 万元, 亿元 or 万亿元 by size (values in 万元)', () => {
    expect(formatMoney(5000)).toBe('5,000 万元');
    expect(formatMoney(29_216_563.62)).toBe('2,921.66 亿元');
    expect(formatMoney(300_000_000)).toBe('3 万亿元');
    expect(formatMoney(300_000_000, 'en')).toBe('3 tn CNY');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('shows a ratio as a percentage', () => {
    expect(formatPercent(0.3864)).toBe('38.6%');
    expect(formatPercent(0.038, 2)).toBe('3.80%');
    expect(formatPercent(undefined)).toBe('—');
  });
});
