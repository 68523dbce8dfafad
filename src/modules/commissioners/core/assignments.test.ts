import { describe, expect, it } from 'vitest';
import { mayAssignTo, normaliseReason, readAssignmentSheet } from './assignments';

describe('readAssignmentSheet', () => {
  const header = ['企业名称', '统一社会信用代码', '服务专员账号'];
  it('reads the pairs by header, skips empty rows, upper-cases the USCC', () => {
    const r = readAssignmentSheet(header, [
      { row: 2, cells: ['甲', '91330100ma2a000001', ' zhang '] },
      { row: 3, cells: [null, null, null] },
      { row: 4, cells: ['乙', '91330100MA2A000002', { formula: true, result: 'li' }] },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.pairs).toEqual([
      { row: 2, uscc: '91330100MA2A000001', username: 'zhang' },
      { row: 4, uscc: '91330100MA2A000002', username: 'li' },
    ]);
  });

  it('names a missing column, an empty cell and a repeated enterprise', () => {
    expect(readAssignmentSheet(['统一社会信用代码'], []).problems.map((p) => [p.code, p.column])).toEqual([
      ['MISSING_COLUMN', '服务专员账号'],
    ]);
    const r = readAssignmentSheet(header, [
      { row: 2, cells: ['甲', 'A1', 'zhang'] },
      { row: 3, cells: ['乙', '', 'li'] },
      { row: 4, cells: ['甲', 'a1', 'wang'] },
    ]);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'EMPTY'],
      [4, 'DUPLICATE'],
    ]);
    expect(r.pairs).toHaveLength(1);
  });
});

describe('mayAssignTo', () => {
  it.each([
    ['task_force', null, 3, true, true],
    ['task_force', null, null, true, true],
    ['task_force', null, 3, false, false],
    ['platform_admin', 3, 3, true, true],
    ['platform_admin', 3, 4, true, false],
    ['platform_admin', 3, null, true, false],
    ['commissioner', null, null, true, false],
    ['leader', null, 3, true, false],
  ] as const)('%s of platform %s → commissioner of %s (active %s): %s', (role, own, theirs, active, ok) => {
    expect(mayAssignTo({ role, platformId: own }, { platformId: theirs, active })).toBe(ok);
  });
});

describe('normaliseReason', () => {
  it('trims and collapses, allows empty, refuses too long', () => {
    expect(normaliseReason('  调整  分工 ')).toBe('调整 分工');
    expect(normaliseReason(undefined)).toBe('');
    expect(normaliseReason('x'.repeat(201))).toBeNull();
  });
});
