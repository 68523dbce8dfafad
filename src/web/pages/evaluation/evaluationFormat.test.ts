import { describe, expect, it } from 'vitest';
import type { MethodSummary } from '../../api/evaluationMethods';
import {
  benchmarkRatio,
  changeDirection,
  classHexColor,
  classOfScore,
  classTagColor,
  correctionNeedsReason,
  cutLines,
  defaultMethodId,
  defaultRunYear,
  formatShare,
  formatYuan,
  parseFlag,
  parseId,
  parseResultQuery,
  sortRuns,
  wrapLabel,
  yearRowSpans,
} from './evaluationFormat';

const method = (id: number, key: string, version: number): MethodSummary => ({
  id,
  subject: 'enterprise',
  key,
  version,
  name: key,
  nameEn: '',
  hash: '',
  basedOn: null,
  note: '',
  createdBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  runs: 0,
});

const cuts = [
  { class: 'A', minScore: 124.06, maxScore: 204.02, count: 25 },
  { class: 'B', minScore: 79.35, maxScore: 122.78, count: 74 },
  { class: 'C', minScore: 66.29, maxScore: 79, count: 19 },
  { class: 'D', minScore: 49, maxScore: 64.45, count: 6 },
];

describe('class colours', () => {
  it('gives A–D green, blue, orange, red and other keys their place in the method', () => {
    expect(['A', 'B', 'C', 'D'].map((k) => classTagColor(k))).toEqual(['green', 'blue', 'orange', 'red']);
    const classes = [
      { key: 'X1', name: { zh: '一', en: '1' } },
      { key: 'X2', name: { zh: '二', en: '2' } },
    ];
    expect(classTagColor('X2', classes)).toBe('blue');
    expect(classHexColor('A')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('runs', () => {
  const runs = [
    { year: 2024, version: 1, status: 'published' as const, methodKey: 'huangyan-2022' },
    { year: 2025, version: 1, status: 'superseded' as const, methodKey: 'huangyan-2022' },
    { year: 2025, version: 2, status: 'notice' as const, methodKey: 'huangyan-2022' },
    { year: 2021, version: 1, status: 'published' as const, methodKey: 'huangyan-2021' },
  ];

  it('sorts newest year and version first and spans the year cell over its versions', () => {
    const sorted = sortRuns(runs);
    expect(sorted.map((r) => `${r.year}v${r.version}`)).toEqual(['2025v2', '2025v1', '2024v1', '2021v1']);
    expect(yearRowSpans(sorted)).toEqual([2, 0, 1, 1]);
  });

  it('asks for a reason only when the year has a notice or a published run', () => {
    expect(correctionNeedsReason(runs, 2025)).toBe(true);
    expect(correctionNeedsReason(runs, 2026)).toBe(false);
    expect(correctionNeedsReason([{ year: 2026, status: 'draft' }], 2026)).toBe(false);
  });

  it('offers the newest version of the latest year’s method, else the newest method', () => {
    const methods = [
      method(1, 'huangyan-2021', 1),
      method(2, 'huangyan-2022', 1),
      method(3, 'zhejiang-default', 1),
      method(4, 'huangyan-2022', 2),
    ];
    expect(defaultMethodId(methods, runs)).toBe(4);
    expect(defaultMethodId(methods, [])).toBe(4);
    expect(defaultMethodId([], runs)).toBeUndefined();
  });

  it('offers the year after the latest evaluated one, at most the last data year', () => {
    expect(defaultRunYear([{ year: 2024 }, { year: 2021 }], 2025)).toBe(2025);
    expect(defaultRunYear([{ year: 2025 }], 2025)).toBe(2025);
    expect(defaultRunYear([], 2025)).toBe(2025);
  });
});

describe('radar ratio', () => {
  it('divides by the benchmark and caps at 3×', () => {
    expect(benchmarkRatio(12, 24)).toEqual({ ratio: 0.5, capped: false });
    expect(benchmarkRatio(100, 10)).toEqual({ ratio: 3, capped: true });
    expect(benchmarkRatio(null, 10)).toEqual({ ratio: null, capped: false });
    expect(benchmarkRatio(5, 0)).toEqual({ ratio: null, capped: false });
  });
});

describe('flags, changes, classes of scores', () => {
  it('parses flags', () => {
    expect(parseFlag('missing:value_added_per_emission')).toEqual({
      kind: 'missing',
      indicator: 'value_added_per_emission',
    });
    expect(parseFlag('no_land')).toEqual({ kind: 'no_land' });
    expect(parseFlag('odd')).toEqual({ kind: 'other', raw: 'odd' });
  });

  it('tells the direction of a change', () => {
    expect(changeDirection(0.5)).toBe('up');
    expect(changeDirection(-0.01)).toBe('down');
    expect(changeDirection(1e-12)).toBe('flat');
    expect(changeDirection(null)).toBeNull();
  });

  it('finds the class of a score and the cut lines to draw', () => {
    expect(classOfScore(130, cuts)).toBe('A');
    expect(classOfScore(79.35, cuts)).toBe('B');
    expect(classOfScore(70, cuts)).toBe('C');
    expect(classOfScore(10, cuts)).toBe('D');
    expect(cutLines(cuts).map((c) => c.class)).toEqual(['A', 'B', 'C']);
  });

  it('formats shares and yuan', () => {
    expect(formatShare(0.8243243)).toBe('82.43%');
    expect(formatShare(0.5, true)).toBe('50%');
    expect(formatShare(null)).toBe('—');
    expect(formatYuan(143840.4)).toBe('143,840');
  });
});

describe('address and labels', () => {
  it('reads the results query from the address, ignoring bad values', () => {
    const q = parseResultQuery(
      new URLSearchParams('cohort=above&platformId=3&class=-&sort=score&order=desc&page=2&pageSize=50'),
    );
    expect(q).toEqual({
      cohort: 'above',
      platformId: 3,
      class: '-',
      industry: undefined,
      keyword: undefined,
      sort: 'score',
      order: 'desc',
      page: 2,
      pageSize: 50,
    });
    const bad = parseResultQuery(new URLSearchParams('platformId=x&sort=evil&page=-1&pageSize=7'));
    expect(bad).toMatchObject({
      platformId: undefined,
      sort: undefined,
      order: 'asc',
      page: 1,
      pageSize: 20,
    });
  });

  it('parses route ids', () => {
    expect(parseId('12')).toBe(12);
    expect(parseId('012')).toBeUndefined();
    expect(parseId('99999999999')).toBeUndefined();
    expect(parseId(undefined)).toBeUndefined();
  });

  it('wraps long chart labels', () => {
    expect(wrapLabel('亩均税收')).toBe('亩均税收');
    expect(wrapLabel('R&D经费支出占营业收入比重')).toBe('R&D经费支出\n占营业收入比重');
    expect(wrapLabel('Value added per t of emissions', 12)).toBe('Value added per\nt of emissions');
  });
});
