import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  formatIn,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatScore,
  formatSetting,
  formatYi,
} from './format';

describe('one number format per unit', () => {
  it('shows amounts with two decimals at a readable scale (values in 万元)', () => {
    expect(formatMoney(5000)).toBe('5,000.00 万元');
    expect(formatMoney(29_216_563.62)).toBe('2,921.66 亿元');
    // 产值 "191.7 / 139 / 591.01" becomes one format
    expect([1_917_000, 1_390_000, 5_910_100].map((v) => formatMoney(v))).toEqual([
      '191.70 亿元',
      '139.00 亿元',
      '591.01 亿元',
    ]);
    expect(formatYi(1_917_000)).toBe('191.70');
    expect(formatMoney(300_000_000, 'en')).toBe('3.00 tn CNY');
    expect(formatMoney(null)).toBe('—');
  });

  it('shows a published goal as written', () => {
    expect(formatMoney(300_000_000, 'zh', '—', true)).toBe('3 万亿元');
    expect(formatPercent(0.038, '—', true)).toBe('3.8%');
    expect(formatPercent(0.6, '—', true)).toBe('60%');
    expect(formatSetting(32)).toBe('32');
    expect(formatSetting(36.5811)).toBe('36.58');
  });

  it('shows every percentage with two decimals', () => {
    // T1 progress "10%" on the cockpit and "9.74%" on the plan page becomes one format
    expect(formatPercent(0.0974)).toBe('9.74%');
    expect(formatPercent(0.3864)).toBe('38.64%');
    expect(formatPercent(1.2482)).toBe('124.82%');
    expect(formatPercent(0.038)).toBe('3.80%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPoints(-0.0011)).toBe('-0.11 个百分点');
    expect(formatPoints(0.0011, 'en')).toBe('0.11 pp');
  });

  it('shows scores with two decimals', () => {
    // 得分 "71.9 / 46.9 / 81.07" becomes one format
    expect([71.9, 46.9, 81.07].map((v) => formatScore(v))).toEqual(['71.90', '46.90', '81.07']);
    expect(formatScore(null)).toBe('—');
  });

  it('takes the decimals from the unit table, with grouping', () => {
    expect(formatIn(917, '家')).toBe('917 家');
    expect(formatIn(12000.4, '家')).toBe('12,000 家');
    expect(formatIn(32.2107, '万元/亩')).toBe('32.21 万元/亩');
    expect(formatIn(1234.5, '亩')).toBe('1,234.50 亩');
    expect(formatIn(1234.5, '亩', { label: 'mu' })).toBe('1,234.50 mu');
    expect(formatIn(1234.5, '亩', { label: false })).toBe('1,234.50');
    expect(formatIn(0.0512, '吨标准煤/万元')).toBe('0.051 吨标准煤/万元');
    expect(formatIn(null, '家')).toBe('—');
    expect(decimalsOf('分')).toBe(2);
    expect(decimalsOf('家')).toBe(0);
    expect(formatNumber(191.7)).toBe('191.70');
    expect(formatInteger(5499.6)).toBe('5,500');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatPercent(-0.00001)).toBe('0.00%');
  });
});
