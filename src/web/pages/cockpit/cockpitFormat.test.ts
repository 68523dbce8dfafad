import { describe, expect, it } from 'vitest';
import { formatChange, formatMetric, isReportedOnly, percentOf } from './cockpitFormat';

const amount = { format: 'amount' as const, unitZh: '万元', unitEn: '10k CNY' };
const ratio = { format: 'ratio' as const, unitZh: '%', unitEn: '%' };
const count = { format: 'count' as const, unitZh: '家', unitEn: 'firms' };
const decimal = { format: 'decimal' as const, unitZh: '万元/亩', unitEn: '10k CNY/mu' };

describe('formatMetric', () => {
  it('formats by the catalogue format, with the unit', () => {
    expect(formatMetric(amount, 29_216_563.62, 'zh-CN')).toBe('2,921.66 亿元');
    expect(formatMetric(amount, 300_000_000, 'en')).toBe('3.00 tn CNY');
    expect(formatMetric(amount, 300_000_000, 'zh-CN', { exact: true })).toBe('3 万亿元');
    // One format per unit: the same % with two decimals as on the plan page
    expect(formatMetric(ratio, 0.7489, 'zh-CN')).toBe('74.89%');
    expect(formatMetric(ratio, 0.0974, 'zh-CN')).toBe('9.74%');
    expect(formatMetric(ratio, 0.0408, 'zh-CN')).toBe('4.08%');
    expect(formatMetric(count, 5500, 'zh-CN')).toBe('5,500 家');
    expect(formatMetric(count, 917, 'en')).toBe('917 firms');
    expect(formatMetric(decimal, 32.2105, 'zh-CN')).toBe('32.21 万元/亩');
    expect(formatMetric(decimal, 40, 'zh-CN')).toBe('40.00 万元/亩');
    expect(formatMetric(decimal, 40, 'zh-CN', { exact: true })).toBe('40 万元/亩');
    expect(formatMetric(count, null, 'zh-CN')).toBe('—');
  });

  it('shows goals with as few decimals as they need', () => {
    expect(percentOf(0.6, true)).toBe('60%');
    expect(percentOf(0.038, true)).toBe('3.8%');
    expect(percentOf(0.1, true)).toBe('10%');
    expect(percentOf(0.038)).toBe('3.80%');
  });
});

describe('formatChange', () => {
  it('states a change with its sign and unit, ratios in percentage points', () => {
    expect(formatChange(count, -96, 'zh-CN')).toBe('-96 家');
    expect(formatChange(count, 104, 'zh-CN')).toBe('+104 家');
    expect(formatChange(ratio, -0.0011, 'zh-CN')).toBe('-0.11 个百分点');
    expect(formatChange(amount, 12_000, 'zh-CN')).toBe('+1.20 亿元');
  });
});

describe('isReportedOnly', () => {
  it('is true when every figure comes from reported statistics only', () => {
    expect(isReportedOnly({ figures: ['innovationPlatforms'] })).toBe(true);
    // T6 is computed from the project registry (a reported figure only overrides it).
    expect(isReportedOnly({ figures: ['majorProjects'] })).toBe(false);
    expect(isReportedOnly({ figures: ['output'] })).toBe(false);
    expect(isReportedOnly({ figures: [] })).toBe(false);
    expect(isReportedOnly(undefined)).toBe(false);
  });
});
