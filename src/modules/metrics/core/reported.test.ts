import { describe, expect, it } from 'vitest';
import { BASE_FIGURES, FIGURES } from './metrics';
import {
  checkValue,
  columnHeader,
  normaliseValue,
  readStatsSheet,
  validateBatch,
  validateKey,
  validateStat,
  type StatsSheet,
} from './reported';

const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);
const stat = (p: Partial<Parameters<typeof validateStat>[0]>) =>
  validateStat({ year: 2024, figure: 'output', value: 100, ...p });
const statCodes = (p: Partial<Parameters<typeof validateStat>[0]>) => {
  const r = stat(p);
  return r.ok ? [] : codes(r.problems);
};

describe('values by kind', () => {
  it.each([
    // amounts: ≥ 0, up to 4 decimals
    ['output', 0, []],
    ['output', 123456.7891, []],
    ['output', 0.1 + 0.2, []],
    ['output', 1.23456, ['value:VALUE_TOO_PRECISE']],
    ['output', -0.5, ['value:VALUE_NEGATIVE']],
    ['energyTce', 1e13, ['value:VALUE_TOO_LARGE']],
    // counts: whole numbers ≥ 0
    ['aboveScaleFirms', 12, []],
    ['majorProjects', 1.5, ['value:VALUE_NOT_INTEGER']],
    ['majorProjects', -1, ['value:VALUE_NEGATIVE']],
    ['incubators', -1.5, ['value:VALUE_NEGATIVE']],
    // flags: 0 or 1
    ['publicServicePlatform', 0, []],
    ['publicServicePlatform', 1, []],
    ['publicServicePlatform', 2, ['value:VALUE_NOT_FLAG']],
    ['publicServicePlatform', 0.5, ['value:VALUE_NOT_FLAG']],
    ['publicServicePlatform', -1, ['value:VALUE_NOT_FLAG']],
    // not numbers
    ['output', null, ['value:VALUE_REQUIRED']],
    ['output', Number.NaN, ['value:VALUE_NOT_NUMBER']],
    ['output', Number.POSITIVE_INFINITY, ['value:VALUE_NOT_NUMBER']],
    ['output', '12', ['value:VALUE_NOT_NUMBER']],
  ] as const)('%s = %s → %j', (figure, value, expected) => {
    expect(statCodes({ figure, value })).toEqual(expected);
  });

  it('explains in both languages, naming the figure and its unit', () => {
    const [p] = checkValue('majorProjects', 1.5);
    expect(p!.zh).toContain('新招引10亿元以上产业项目');
    expect(p!.zh).toContain('整数');
    expect(p!.en).toContain('whole number');
    expect(checkValue('publicServicePlatform', 2)[0]!.en).toMatch(/1 \(yes\) or 0 \(no\)/);
  });

  it('every catalogue figure has a kind the checks know', () => {
    for (const f of BASE_FIGURES) expect(checkValue(f, 1)).toEqual([]);
  });

  it('stores amounts rounded to 4 decimals, counts as they are', () => {
    expect(normaliseValue('output', 0.1 + 0.2)).toBe(0.3);
    expect(normaliseValue('output', 12.34567)).toBe(12.3457);
    expect(normaliseValue('firms', 7)).toBe(7);
    const r = stat({ value: 0.1 + 0.2 });
    expect(r.ok && r.value.value).toBe(0.3);
  });
});

describe('one reported figure', () => {
  it('accepts a valid one, trimming the note; an omitted note stays undefined (kept)', () => {
    expect(stat({ note: '  统计局快报 ' })).toEqual({
      ok: true,
      value: { year: 2024, figure: 'output', value: 100, note: '统计局快报' },
    });
    expect(stat({})).toMatchObject({ ok: true, value: { note: undefined } });
  });

  it.each([
    [{ figure: 'profit' }, ['figure:FIGURE_UNKNOWN']],
    [{ figure: '__proto__' }, ['figure:FIGURE_UNKNOWN']],
    [{ year: 1989 }, ['year:YEAR_OUT_OF_RANGE']],
    [{ year: 2101 }, ['year:YEAR_OUT_OF_RANGE']],
    [{ year: 2024.5 }, ['year:YEAR_OUT_OF_RANGE']],
    [{ year: 1990 }, []],
    [{ year: 2100 }, []],
    [{ note: 'x'.repeat(500) }, []],
    [{ note: 'x'.repeat(501) }, ['note:NOTE_TOO_LONG']],
    [
      { year: 3000, figure: 'nope', note: 'x'.repeat(600) },
      ['year:YEAR_OUT_OF_RANGE', 'figure:FIGURE_UNKNOWN', 'note:NOTE_TOO_LONG'],
    ],
  ])('%j → %j', (input, expected) => expect(statCodes(input)).toEqual(expected));

  it('checks the key of a removal', () => {
    expect(validateKey({ year: 2024, figure: 'incubators' })).toEqual({
      ok: true,
      value: { year: 2024, figure: 'incubators' },
    });
    const bad = validateKey({ year: 1800, figure: 'x' });
    expect(bad.ok || codes(bad.problems)).toEqual(['year:YEAR_OUT_OF_RANGE', 'figure:FIGURE_UNKNOWN']);
  });
});

describe('batches', () => {
  it('sets and clears (null), each item checked at its index', () => {
    expect(
      validateBatch({
        year: 2024,
        items: [
          { figure: 'output', value: 5, note: ' a ' },
          { figure: 'incubators', value: null },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        year: 2024,
        items: [
          { figure: 'output', value: 5, note: 'a' },
          { figure: 'incubators', value: null, note: undefined },
        ],
      },
    });
    const bad = validateBatch({
      year: 2024,
      items: [
        { figure: 'output', value: 1 },
        { figure: 'majorProjects', value: 1.5 },
        { figure: 'publicServicePlatform', value: 2 },
        { figure: 'output', value: 2 },
        { figure: 'nope', value: 1 },
        { figure: 'land', value: 1, note: 'x'.repeat(501) },
      ],
    });
    expect(bad.ok || codes(bad.problems)).toEqual([
      'items/1/value:VALUE_NOT_INTEGER',
      'items/2/value:VALUE_NOT_FLAG',
      'items/3/figure:FIGURE_DUPLICATE',
      'items/4/figure:FIGURE_UNKNOWN',
      'items/5/note:NOTE_TOO_LONG',
    ]);
  });

  it('an empty batch is valid (nothing to do)', () => {
    expect(validateBatch({ year: 2024, items: [] })).toEqual({ ok: true, value: { year: 2024, items: [] } });
  });
});

describe('workbook rows', () => {
  const platforms = [
    { id: 1, name: '钱塘经济技术开发区' },
    { id: 2, name: '杭州高新区（滨江）' },
  ];
  const header = [
    '园区编号',
    '园区名称',
    columnHeader(FIGURES.output),
    '新招引10亿元以上产业项目',
    'publicServicePlatform',
  ];
  const sheet = (rows: StatsSheet['rows'], h: StatsSheet['header'] = header): StatsSheet => ({
    header: h,
    rows,
  });

  it('reads one row per platform by id or name; empty cells change nothing; 清除 clears', () => {
    const r = readStatsSheet(
      sheet([
        { row: 2, cells: [1, '钱塘经济技术开发区', 1234.5, 3, '是'] },
        { row: 3, cells: [null, ' 杭州高新区(滨江) ', '1,000', null, '清除'] },
        { row: 4, cells: [null, null, null, null, null] },
      ]),
      platforms,
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          platformId: 1,
          changes: [
            { figure: 'output', value: 1234.5, note: undefined },
            { figure: 'majorProjects', value: 3, note: undefined },
            { figure: 'publicServicePlatform', value: 1, note: undefined },
          ],
        },
        {
          row: 3,
          platformId: 2,
          changes: [
            { figure: 'output', value: 1000, note: undefined },
            { figure: 'publicServicePlatform', value: null, note: undefined },
          ],
        },
      ],
    });
  });

  it('uses the cached result of a formula, refuses one without', () => {
    const ok = readStatsSheet(
      sheet([{ row: 2, cells: [1, null, { formula: true, result: 7 }, null, null] }]),
      platforms,
    );
    expect(ok.ok && ok.rows[0]!.changes).toEqual([{ figure: 'output', value: 7, note: undefined }]);
    const bad = readStatsSheet(
      sheet([{ row: 2, cells: [1, null, { formula: true }, null, null] }]),
      platforms,
    );
    expect(bad.ok || codes(bad.problems)).toEqual(['rows/2/output:FORMULA_NO_VALUE']);
  });

  it('refuses bad values, unknown or foreign platforms and repeats, all at once', () => {
    const r = readStatsSheet(
      sheet([
        { row: 2, cells: [1, null, -1, 1.5, 2] },
        { row: 3, cells: [99, null, 1, null, null] },
        { row: 4, cells: [null, '不存在的园区', 1, null, null] },
        { row: 5, cells: [null, '钱塘经济技术开发区', 'abc', null, null] },
        { row: 6, cells: [null, null, 5, null, null] },
        { row: 7, cells: [2, null, { date: '2024-01-01' }, null, null] },
      ]),
      platforms,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(codes(r.problems)).toEqual([
      'rows/2/output:VALUE_NEGATIVE',
      'rows/2/majorProjects:VALUE_NOT_INTEGER',
      'rows/2/publicServicePlatform:VALUE_NOT_FLAG',
      'rows/3/platform:PLATFORM_UNKNOWN',
      'rows/4/platform:PLATFORM_UNKNOWN',
      'rows/5/platform:PLATFORM_DUPLICATE',
      'rows/6/platform:PLATFORM_REQUIRED',
      'rows/7/output:VALUE_NOT_NUMBER',
    ]);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '工业总产值（万元）', value: '-1' });
    expect(r.problems[0]!.zh).toMatch(/^第 2 行/);
    expect(r.problems[0]!.en).toMatch(/^Row 2/);
  });

  it('refuses unknown and repeated columns, and a sheet without a platform column', () => {
    const r = readStatsSheet(
      sheet([], ['园区名称', '利润（万元）', 'output', '工业总产值（万元）']),
      platforms,
    );
    expect(r.ok || codes(r.problems)).toEqual(['rows/1/2:COLUMN_UNKNOWN', 'rows/1/4:COLUMN_DUPLICATE']);
    const none = readStatsSheet(sheet([], ['工业总产值（万元）']), platforms);
    expect(none.ok || codes(none.problems)).toEqual(['rows/1:COLUMN_MISSING']);
  });

  it('recognises every template header, English keys and names', () => {
    const h = ['园区名称', ...BASE_FIGURES.map((f) => columnHeader(FIGURES[f]))];
    const r = readStatsSheet(
      sheet([{ row: 2, cells: [platforms[0]!.name, ...BASE_FIGURES.map(() => 1)] }], h),
      platforms,
    );
    expect(r.ok && r.rows[0]!.changes.map((c) => c.figure)).toEqual([...BASE_FIGURES]);
    const en = readStatsSheet(sheet([], ['Platform', 'Output (10k CNY)', 'incubators']), platforms);
    expect(en.ok).toBe(true);
  });
});
