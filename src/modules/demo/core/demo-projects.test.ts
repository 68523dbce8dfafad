import { describe, expect, it } from 'vitest';
import { STAGES } from '../../projects/core/codes';
import { countsForT6 } from '../../projects/core/figures';
import { rulesByKey, stallOf, type StallRule } from '../../projects/core/stalls';
import { sizeClassOf } from '../../projects/core/stages';
import { demoProjects, type DemoProjectCompany } from './demo-projects';

const rules: StallRule[] = STAGES.filter((s) => s !== 'full_production').flatMap((stage) =>
  (['major', 'large', 'small'] as const).map((sizeClass) => ({
    stage,
    sizeClass,
    maxDays: sizeClass === 'major' ? 180 : 120,
    escalateAfterDays: 30,
  })),
);
const companies: DemoProjectCompany[] = Array.from({ length: 60 }, (_, i) => ({
  id: 1000 + i,
  platformId: 1 + (i % 4),
  industry: 'new_materials',
  ownLandMu: 50 + i,
  years: Object.fromEntries(
    [2021, 2022, 2023, 2024, 2025].map((y) => [y, { revenue: 40_000 + i * 100, tax: 2_000 + i, fai: 3_000 }]),
  ),
}));
const input = {
  seed: 7,
  today: '2026-12-03',
  platforms: [1, 2, 3, 4].map((id) => ({ id, leadingIndustries: ['new_materials', 'biomedicine'] })),
  companies,
  rules,
  referrers: new Map([1, 2, 3, 4].map((id) => [id, [id * 10, id * 10 + 1]])),
};

describe('the demo pipeline', () => {
  const projects = demoProjects(input);

  it('is deterministic and of the asked size', () => {
    expect(demoProjects(input)).toEqual(projects);
    expect(projects.length).toBeGreaterThan(380);
    expect(new Set(projects.map((p) => p.code)).size).toBe(projects.length);
  });

  it('keeps every date in order and none in the future; at most one pending change, last', () => {
    for (const p of projects) {
      const dates = p.steps.map((s) => s.date);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d <= input.today)).toBe(true);
      expect(p.steps.filter((s) => s.status === 'pending').length).toBeLessThanOrEqual(1);
      if (p.steps.some((s) => s.status === 'pending')) expect(p.steps.at(-1)!.status).toBe('pending');
      expect(p.steps[0]).toMatchObject({ stage: 'lead', status: 'approved' });
      if (p.source === 'referral') expect(p.referrerEnterpriseId).not.toBeNull();
    }
  });

  it('signs ≥ 10 亿 projects near the T6 bar in the current and previous year', () => {
    const t6 = (year: number) =>
      projects.filter((p) => {
        const signed = p.steps.find((s) => s.stage === 'signed' && s.status === 'approved');
        const end = p.steps.find((s) => s.stage === 'dropped' || s.stage === 'lost');
        return countsForT6(
          {
            platformId: p.platformId,
            totalInvestment: p.totalInvestment,
            status: end ? (end.stage as 'dropped') : 'active',
            endDate: end?.date ?? null,
            signedOn: signed?.date ?? null,
          },
          year,
        );
      }).length;
    for (const year of [2025, 2026]) {
      expect(t6(year)).toBeGreaterThan(50);
      expect(t6(year)).toBeLessThan(70);
    }
    expect(projects.some((p) => p.totalInvestment === 100_000)).toBe(true);
  });

  it('has stalled projects, pending changes, ends and 达产复核 candidates', () => {
    const byKey = rulesByKey(rules);
    const stalled = projects.filter((p) => {
      const approved = p.steps.filter((s) => s.status === 'approved');
      if (approved.some((s) => s.stage === 'dropped' || s.stage === 'lost')) return false;
      const last = approved.at(-1)!;
      return (
        stallOf(
          {
            stage: last.stage as (typeof STAGES)[number],
            stageDate: last.date,
            status: 'active',
            sizeClass: sizeClassOf(p.totalInvestment),
          },
          byKey,
          input.today,
        ).level > 0
      );
    });
    expect(stalled.length).toBeGreaterThan(15);
    expect(stalled.length).toBeLessThan(projects.length / 4);
    expect(projects.filter((p) => p.steps.at(-1)!.status === 'pending').length).toBeGreaterThan(5);
    expect(
      projects.filter((p) => p.steps.some((s) => s.stage === 'lost' || s.stage === 'dropped')).length,
    ).toBeGreaterThan(3);
    const checked = projects.filter(
      (p) => p.enterpriseId !== null && p.fullProductionYear !== null && p.fullProductionYear <= 2025,
    );
    expect(checked.length).toBeGreaterThan(10);
  });
});
