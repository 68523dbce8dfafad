import { describe, expect, it } from 'vitest';
import type { ReportedStat } from '../../api/platformStats';
import { batchItems, defaultYear, formatFigure, formValuesOf, recentYears } from './statsForm';

const stat = (figure: ReportedStat['figure'], value: number, note = ''): ReportedStat => ({
  platformId: 1,
  platformName: '钱塘',
  year: 2024,
  figure,
  value,
  note,
  enteredBy: 1,
  enteredByName: '市专班',
  enteredAt: '2025-01-02T03:04:05.000Z',
});

describe('reporting form', () => {
  const stored = [stat('output', 100, '快报'), stat('incubators', 2)];

  it('fills every figure, empty where nothing is reported', () => {
    const v = formValuesOf(stored);
    expect(v.output).toEqual({ value: 100, note: '快报' });
    expect(v.incubators).toEqual({ value: 2, note: '' });
    expect(v.majorProjects).toEqual({ value: null, note: '' });
    expect(Object.keys(v)).toHaveLength(20);
  });

  it('saves only what changed: new, changed value or note, emptied (null)', () => {
    const v = formValuesOf(stored);
    expect(batchItems(stored, v)).toEqual([]);
    v.output = { value: 100, note: '快报 ' }; // trailing space only: unchanged
    expect(batchItems(stored, v)).toEqual([]);
    v.output = { value: 100, note: '年报' };
    v.incubators = { value: null, note: '' };
    v.majorProjects = { value: 3, note: '' };
    v.firms = { value: null, note: 'note without value: nothing to save' };
    expect(batchItems(stored, v)).toEqual([
      { figure: 'output', value: 100, note: '年报' },
      { figure: 'majorProjects', value: 3, note: '' },
      { figure: 'incubators', value: null },
    ]);
  });

  it('formats by kind', () => {
    const flags = { yes: '有', no: '无' };
    expect(formatFigure('output', 12345.67891, flags)).toBe('12,345.68');
    expect(formatFigure('firms', 12, flags)).toBe('12');
    expect(formatFigure('publicServicePlatform', 1, flags)).toBe('有');
    expect(formatFigure('publicServicePlatform', 0, flags)).toBe('无');
    expect(formatFigure('output', null, flags)).toBe('—');
  });

  it('offers recent years, last year by default', () => {
    const now = new Date('2025-06-01T00:00:00+08:00');
    expect(recentYears(3, now)).toEqual([2025, 2024, 2023]);
    expect(defaultYear(now)).toBe(2024);
  });
});
