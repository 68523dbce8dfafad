import { describe, expect, it } from 'vitest';
import { PLAN_2022_2025 } from './targets';
import { citationEn, departmentEn, DEPARTMENTS_EN } from './official-names';

describe('departmentEn', () => {
  it('names every owner department of the plan in English', () => {
    const owners = new Set(PLAN_2022_2025.targets.map((t) => t.ownerDepartment).filter(Boolean));
    expect(owners.size).toBeGreaterThan(0);
    for (const owner of owners) expect(departmentEn(owner), owner).toBe(DEPARTMENTS_EN[owner]);
  });
  it('knows no unknown department', () => {
    expect(departmentEn('市某某局')).toBeNull();
    expect(departmentEn(' 市发改委 ')).toBe('Municipal Development and Reform Commission');
  });
});

describe('citationEn', () => {
  it.each([
    ['杭政办函〔2022〕69号', 'Hangzhou Government Office Letter [2022] No. 69'],
    [
      '杭政办函〔2022〕69号；杭政函〔2023〕13号',
      'Hangzhou Government Office Letter [2022] No. 69; Hangzhou Government Letter [2023] No. 13',
    ],
    [
      '杭政办函〔2022〕69号; 杭政函〔2023〕13号',
      'Hangzhou Government Office Letter [2022] No. 69; Hangzhou Government Letter [2023] No. 13',
    ],
    ['浙政发〔2018〕5号', 'Zhejiang Provincial Government Document [2018] No. 5'],
    ['某市政发〔2018〕5号', null],
    ['区委文件', null],
    ['', ''],
  ])('%s → %s', (zh, en) => {
    expect(citationEn(zh)).toBe(en);
  });
  it('names every document the plan cites', () => {
    const cited = [PLAN_2022_2025.period.source, ...PLAN_2022_2025.targets.map((t) => t.source)];
    for (const c of cited) expect(citationEn(c), c).not.toBeNull();
  });
});
