import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../platform/config';
import { timeZone } from '../../../platform/time-zone';
import { datedName } from '../reply';
import { beijingDate, beijingTime, contentDisposition, safeCell } from './cells';

describe('safe cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['-1,234.5', '-1,234.5'],
    ['-2+3', "'-2+3"],
    ['-', "'-"],
    ['-1,2', "'-1,2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ['杭州', '杭州'],
    ['a=b', 'a=b'],
  ])('text %j → %j', (input, output) => expect(safeCell(input)).toBe(output));

  it('keeps numbers as numbers, also negative ones', () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(12.5)).toBe(12.5);
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(null)).toBeNull();
  });
});

describe('content disposition', () => {
  it('keeps names safe and readable', () => {
    const v = contentDisposition('企业名录 2025.xlsx');
    expect(v).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(v.split("''")[1]!)).toBe('企业名录 2025.xlsx');
  });

  it('strips path separators, quotes and control characters', () => {
    const v = contentDisposition('../../etc/"passwd"\r\n.xlsx');
    expect(v).not.toMatch(/[/\\\r\n]/);
    expect(v.split('"').length).toBe(3);
  });
});

describe('beijingTime', () => {
  it('writes a moment as Beijing wall-clock time, across the date line of UTC', () => {
    expect(beijingTime('2026-03-01T15:30:00Z')).toBe('2026-03-01 23:30:00');
    expect(beijingTime(new Date('2026-03-01T16:30:05Z'))).toBe('2026-03-02 00:30:05');
    expect(beijingTime(null)).toBeNull();
    expect(beijingTime('not a time')).toBeNull();
    expect(beijingDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dates of downloads in the configured time zone', () => {
  // 16:05 UTC is already the next day in Beijing (UTC+8).
  const justAfter16Utc = new Date('2025-03-01T16:05:00Z');

  it('dates file names and export times in Beijing by default, not UTC', () => {
    loadConfig({});
    expect(timeZone()).toBe('Asia/Shanghai');
    expect(beijingDate(justAfter16Utc)).toBe('2025-03-02');
    expect(beijingTime(justAfter16Utc)).toBe('2025-03-02 00:05:00');
    vi.useFakeTimers({ now: justAfter16Utc, toFake: ['Date'] });
    try {
      expect(datedName('企业名录')).toBe('企业名录-2025-03-02.xlsx');
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows YIYUAN_TIME_ZONE', () => {
    try {
      expect(loadConfig({ YIYUAN_TIME_ZONE: 'UTC' }).timeZone).toBe('UTC');
      expect(beijingDate(justAfter16Utc)).toBe('2025-03-01');
      expect(() => loadConfig({ YIYUAN_TIME_ZONE: 'Mars/Olympus' })).toThrow(/YIYUAN_TIME_ZONE/);
    } finally {
      loadConfig({});
    }
    expect(beijingDate(justAfter16Utc)).toBe('2025-03-02');
  });
});
