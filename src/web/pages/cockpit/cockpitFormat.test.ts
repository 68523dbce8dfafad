import { describe, expect, it } from 'vitest';
import { formatMetric, isReportedOnly, percentOf } from './cockpitFormat';

const amount = { format: 'amount' as const, unitZh: '万元', unitEn: '10k CNY' };
const ratio = { format: 'ratio' as const, unitZh: '%', unitEn: '%' };
const count = { format: 'count' as const, unitZh: '家', unitEn: 'firms' };
const decimal = { format: 'decimal' as const, unitZh: '万元/亩', unitEn: '10k CNY/mu' };

describe('formatMetric', () => {
  it('formats by the catalogue format, with the unit', () => {
    expect(formatMetric(amount, 29_216_563.62, 'zh-CN')).toBe('2,921.66 亿元');
    expect(formatMetric(amount, 300_000_000, 'en')).toBe('3 tn CNY');
    expect(formatMetric(ratio, 0.7489, 'zh-CN')).toBe('74.9%');
    expect(formatMetric(ratio, 0.0408, 'zh-CN')).toBe('4.08%');
    expect(formatMetric(count, 5500, 'zh-CN')).toBe('5,500 家');
    expect(formatMetric(count, 917, 'en')).toBe('917 firms');
    expect(formatMetric(decimal, 32.2105, 'zh-CN')).toBe('32.21 万元/亩');
    expect(formatMetric(decimal, 40, 'zh-CN')).toBe('40.00 万元/亩');
    expect(formatMetric(count, null, 'zh-CN')).toBe('—');
  });

  it('shows goals with as few decimals as they need', () => {
    expect(percentOf(0.6, true)).toBe('60%');
    expect(percentOf(0.038, true)).toBe('3.8%');
    expect(percentOf(0.1, true)).toBe('10%');
    expect(percentOf(0.038)).toBe('3.80%');
  });
});

describe('isReportedOnly', () => {
  it('is true when every figure comes from reported statistics only', () => {
    expect(isReportedOnly({ figures: ['majorProjects'] })).toBe(true);
    expect(isReportedOnly({ figures: ['output'] })).toBe(false);
    expect(isReportedOnly({ figures: [] })).toBe(false);
    expect(isReportedOnly(undefined)).toBe(false);
  });
});
