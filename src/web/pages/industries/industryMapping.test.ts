import { describe, expect, it } from 'vitest';
import type { IndustryClass } from '../../../modules/industries/industries.schemas';
import { countByIndustry, divisionOf, matchesFilters, UNMAPPED } from './industryMapping';

function cls(code: string, nameZh: string, nameEn: string, keyIndustry: string | null): IndustryClass {
  return { code, level: 'class', parentCode: code.slice(0, 3), nameZh, nameEn, keyIndustry };
}

const IC = cls('3973', '集成电路制造', 'Manufacturing of integrated circuits', 'integrated_circuits');
const DRUG = cls('2710', '化学药品原料药制造', 'Manufacturing of chemical APIs', 'biomedicine');
const FOOD = cls('1311', '稻谷加工', 'Rice processing', null);
const ALL = [IC, DRUG, FOOD];

describe('key-industry mapping filters', () => {
  it('matches a code prefix, or part of the Chinese or English name', () => {
    expect(ALL.filter((c) => matchesFilters(c, { keyword: '39' }))).toEqual([IC]);
    expect(ALL.filter((c) => matchesFilters(c, { keyword: '3973' }))).toEqual([IC]);
    expect(ALL.filter((c) => matchesFilters(c, { keyword: '集成' }))).toEqual([IC]);
    expect(ALL.filter((c) => matchesFilters(c, { keyword: ' RICE ' }))).toEqual([FOOD]);
    // digits match codes by prefix only, not in the middle
    expect(ALL.filter((c) => matchesFilters(c, { keyword: '97' }))).toEqual([]);
  });

  it('filters by key industry, unmapped classes and division', () => {
    expect(ALL.filter((c) => matchesFilters(c, { keyIndustry: 'biomedicine' }))).toEqual([DRUG]);
    expect(ALL.filter((c) => matchesFilters(c, { keyIndustry: UNMAPPED }))).toEqual([FOOD]);
    expect(ALL.filter((c) => matchesFilters(c, { division: '13' }))).toEqual([FOOD]);
    expect(ALL.filter((c) => matchesFilters(c, { division: '27', keyIndustry: UNMAPPED }))).toEqual([]);
    expect(ALL.filter((c) => matchesFilters(c, {}))).toEqual(ALL);
  });

  it('counts classes per key industry and the unmapped ones', () => {
    const counts = countByIndustry([
      ...ALL,
      cls('3974', '显示器件制造', 'Display devices', 'integrated_circuits'),
    ]);
    expect(counts.byIndustry.get('integrated_circuits')).toBe(2);
    expect(counts.byIndustry.get('biomedicine')).toBe(1);
    expect(counts.byIndustry.has('new_materials')).toBe(false);
    expect(counts.unmapped).toBe(1);
    expect(counts.total).toBe(4);
    expect(divisionOf('3973')).toBe('39');
  });
});
