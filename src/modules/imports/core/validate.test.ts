import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../enterprises/core/uscc';
import { COLUMNS } from './columns';
import {
  validateAnnual,
  validateEnterprises,
  type ImportReference,
  type ParsedSheet,
  type RawCell,
} from './validate';

const GOOD = '91330100799655058B';
const OTHER = '914403001922038216';
const ref: ImportReference = {
  platformsByName: new Map([
    ['钱塘', 1],
    ['滨江', 2],
  ]),
  allowedPlatformIds: null,
  industryClasses: new Set(['3973', '2710']),
  enterprisesByUscc: new Map([[GOOD, { id: 7, name: '甲公司', platformId: 1 }]]),
  outsideScope: new Set(),
};

const A = (k: string) => COLUMNS.annual.find((c) => c.key === k)!.header;
const E = (k: string) => COLUMNS.enterprises.find((c) => c.key === k)!.header;
const sheet = (header: string[], ...rows: RawCell[][]): ParsedSheet => ({
  name: 'S',
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  merged: [],
});
const codes = (r: { problems: { code: string; row: number }[] }) =>
  r.problems.map((p) => `${p.row}:${p.code}`);

describe('annual rows', () => {
  const header = [A('uscc'), A('year'), A('revenue'), A('employees')];
  it.each<[string, RawCell[], string[]]>([
    ['a clean row', [GOOD, 2025, 100, 10], []],
    ['lower-case USCC is accepted', [GOOD.toLowerCase(), 2025, 100, 10], []],
    ['numbers as text with thousands separators', [GOOD, '2025', '1,234.5', '10'], []],
    ['bad check character', ['91330100799655058C', 2025, 1, 1], ['2:USCC_CHECK']],
    ['bad format', ['9133010079965505', 2025, 1, 1], ['2:USCC_FORMAT']],
    ['unknown enterprise', [OTHER, 2025, 1, 1], ['2:UNKNOWN_ENTERPRISE']],
    ['year mismatch', [GOOD, 2024, 1, 1], ['2:YEAR_MISMATCH']],
    ['year not a year', [GOOD, 25, 1, 1], ['2:BAD_YEAR']],
    ['missing year', [GOOD, null, 1, 1], ['2:REQUIRED']],
    ['not a number', [GOOD, 2025, '十万', 1], ['2:NOT_A_NUMBER']],
    ['negative', [GOOD, 2025, -1, 1], ['2:NEGATIVE']],
    ['fractional employees', [GOOD, 2025, 1, 10.5], ['2:NOT_INTEGER']],
    ['formula with cached value', [GOOD, 2025, { formula: true, result: 5 }, 1], ['2:FORMULA_CACHED']],
    ['formula without value', [GOOD, 2025, { formula: true, result: null }, 1], ['2:FORMULA_NO_VALUE']],
    ['error cell', [GOOD, 2025, { error: '#DIV/0!' }, 1], ['2:CELL_ERROR']],
  ])('%s', (_label, row, expected) => {
    const result = validateAnnual(sheet(header, row), 2025, ref);
    expect(codes(result)).toEqual(expected);
    expect(result.records).toHaveLength(expected.some((c) => !c.endsWith('FORMULA_CACHED')) ? 0 : 1);
  });

  it('flags duplicates, skips empty rows, and warns on yuan-for-万元', () => {
    const rows: RawCell[][] = [
      [GOOD, 2025, 100, 1],
      [null, null, null, null],
      [GOOD, 2025, 100, 1],
    ];
    expect(codes(validateAnnual(sheet(header, ...rows), 2025, ref))).toEqual(['4:DUPLICATE_USCC']);
    // Five registered enterprises; the fourth reports revenue in yuan (≥ 10,000 × the median).
    const usccs = [1, 2, 3, 4, 5].map((n) => {
      const first17 = `91330100MA000000${n}`;
      return first17 + usccCheckCharacter(first17)!;
    });
    const r2: ImportReference = {
      ...ref,
      enterprisesByUscc: new Map(usccs.map((u, i) => [u, { id: i, name: '', platformId: 1 }])),
    };
    const result = validateAnnual(
      sheet(header, ...usccs.map((u, i) => [u, 2025, i === 3 ? 20_000_000 : 1000 + i, 1] as RawCell[])),
      2025,
      r2,
    );
    expect(result.problems.filter((p) => p.code === 'UNIT_SUSPECT').map((p) => p.row)).toEqual([5]);
  });

  it('names missing and unknown columns and ignores __proto__', () => {
    const result = validateAnnual(sheet([A('uscc'), '营业额', '__proto__'], [GOOD, 1, 2]), 2025, ref);
    expect(codes(result).sort()).toEqual(['1:MISSING_COLUMN', '1:UNKNOWN_COLUMN', '1:UNKNOWN_COLUMN']);
    expect(result.problems.find((p) => p.code === 'MISSING_COLUMN')!.column).toBe(A('year'));
  });

  it('matches headers without units and with half-width brackets', () => {
    const result = validateAnnual(
      sheet(['统一社会信用代码', '年度', '营业收入', '税收(万元)'], [GOOD, 2025, 1, 2]),
      2025,
      ref,
    );
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.figures).toMatchObject({ revenue: 1, tax: 2 });
  });

  it('reports merged cells', () => {
    const s = sheet(header, [GOOD, 2025, 1, 1]);
    s.merged = ['C2:C3'];
    expect(codes(validateAnnual(s, 2025, ref))).toEqual(['2:MERGED_CELLS']);
  });
});

describe('enterprise rows', () => {
  const header = [
    E('uscc'),
    E('name'),
    E('platform'),
    E('industryClass'),
    E('scale'),
    E('label:high_tech'),
    E('landholder'),
  ];
  it.each<[string, RawCell[], string[]]>([
    ['a clean row', [GOOD, '甲', '钱塘', '3973', '规上', '2024-01-02', null], []],
    ['label as 是', [GOOD, '甲', '钱塘', '3973', '', '是', null], []],
    ['unknown platform', [GOOD, '甲', '西湖', '3973', '', '', null], ['2:UNKNOWN_PLATFORM']],
    ['unknown industry', [GOOD, '甲', '钱塘', '9999', '', '', null], ['2:UNKNOWN_INDUSTRY']],
    ['bad scale', [GOOD, '甲', '钱塘', '3973', '大型', '', null], ['2:BAD_SCALE']],
    ['bad grant date', [GOOD, '甲', '钱塘', '3973', '', '2024/13/01', null], ['2:BAD_DATE']],
    ['missing name', [GOOD, '', '钱塘', '3973', '', '', null], ['2:REQUIRED']],
    ['unknown landholder', [GOOD, '甲', '钱塘', '3973', '', '', OTHER], ['2:UNKNOWN_LANDHOLDER']],
  ])('%s', (_label, row, expected) => {
    expect(codes(validateEnterprises(sheet(header, row), ref))).toEqual(expected);
  });

  it('a landholder in the same file is fine; a platform admin may only use their platform', () => {
    const rows: RawCell[][] = [
      [GOOD, '甲', '钱塘', '3973', '', '', OTHER],
      [OTHER, '乙', '钱塘', '2710', '', '', null],
    ];
    expect(validateEnterprises(sheet(header, ...rows), ref).problems).toEqual([]);
    const admin = { ...ref, allowedPlatformIds: new Set([2]) };
    expect(codes(validateEnterprises(sheet(header, ...rows), admin))).toEqual([
      '2:PLATFORM_NOT_ALLOWED',
      '3:PLATFORM_NOT_ALLOWED',
    ]);
  });

  it('refuses a USCC registered outside the scope, and a row that would move an enterprise', () => {
    const h = [E('uscc'), E('name'), E('platform')];
    const outside = { ...ref, outsideScope: new Set([OTHER]) };
    const result = validateEnterprises(sheet(h, [OTHER, '乙', '钱塘'], [GOOD, '甲', '滨江']), outside);
    expect(codes(result)).toEqual(['2:ENTERPRISE_OUT_OF_SCOPE', '3:PLATFORM_MOVE']);
    expect(result.records).toEqual([]);
    expect(result.problems[1]!.zh).toContain('迁移园区');
    expect(result.problems[1]!.zh).toContain('钱塘');
  });

  it('leaves labels, landholder and contacts alone when their columns are absent', () => {
    const [record] = validateEnterprises(
      sheet([E('uscc'), E('name'), E('platform')], [GOOD, '甲', '钱塘']),
      ref,
    ).records;
    expect(record).toMatchObject({ labels: null, contact: null, landholderUscc: undefined });
    expect(record!.ratingExemption).toBeUndefined();
  });

  it('reads the rating exemption (不定等级) by its Chinese name; empty means classed normally', () => {
    const h = [E('uscc'), E('name'), E('platform'), E('ratingExemption')];
    const read = (value: RawCell) => validateEnterprises(sheet(h, [GOOD, '甲', '钱塘', value]), ref);
    expect(read('在建重大项目').records[0]!.ratingExemption).toBe('major_project');
    expect(read('公用事业').records[0]!.ratingExemption).toBe('utility');
    expect(read(null).records[0]!.ratingExemption).toBeNull();
    expect(codes(read('免评'))).toEqual(['2:BAD_EXEMPTION']);
  });
});
