import { describe, expect, it } from 'vitest';
import { formatProjectCode } from './codes';
import { checkCommitments, evaluatedLand, isShort } from './commitments';
import { countsForT6, funnel, majorSigned, type SignedProject } from './figures';
import { daysBetween, rulesByKey, stallOf, type StallRule } from './stalls';
import {
  applyChange,
  approvedAtOnce,
  mayDecide,
  refuseChange,
  refuseDecision,
  sizeClassOf,
  timeline,
  type ProjectState,
} from './stages';

const TODAY = '2026-06-15';
const at = (
  stage: ProjectState['stage'],
  stageDate: string,
  extra: Partial<ProjectState> = {},
): ProjectState => ({
  stage,
  stageDate,
  status: 'active',
  hasPending: false,
  ...extra,
});

describe('project codes and size classes', () => {
  it('formats XM-<year>-<5 digits>', () => {
    expect(formatProjectCode(2026, 42)).toBe('XM-2026-00042');
  });
  it('10 亿 exactly is major; 1 亿 exactly is large; just below is the class under', () => {
    expect(sizeClassOf(100_000)).toBe('major');
    expect(sizeClassOf(99_999.99)).toBe('large');
    expect(sizeClassOf(10_000)).toBe('large');
    expect(sizeClassOf(9_999.99)).toBe('small');
    expect(sizeClassOf(0)).toBe('small');
  });
});

describe('stage changes', () => {
  it('moves forward, and may skip stages', () => {
    expect(
      refuseChange(
        at('lead', '2026-01-01'),
        { stage: 'negotiating', stageDate: '2026-02-01', note: '' },
        TODAY,
      ),
    ).toBeNull();
    expect(
      refuseChange(
        at('lead', '2026-01-01'),
        { stage: 'construction', stageDate: '2026-02-01', note: '' },
        TODAY,
      ),
    ).toBeNull();
  });
  it('refuses going back or staying', () => {
    expect(
      refuseChange(
        at('signed', '2026-01-01'),
        { stage: 'negotiating', stageDate: '2026-02-01', note: '' },
        TODAY,
      ),
    ).toBe('PROJECT_STAGE_BACKWARD');
    expect(
      refuseChange(at('signed', '2026-01-01'), { stage: 'signed', stageDate: '2026-02-01', note: '' }, TODAY),
    ).toBe('PROJECT_STAGE_BACKWARD');
  });
  it('refuses a date in the future, accepts today', () => {
    const p = at('lead', '2026-01-01');
    expect(refuseChange(p, { stage: 'signed', stageDate: '2026-06-16', note: '' }, TODAY)).toBe(
      'PROJECT_STAGE_DATE_FUTURE',
    );
    expect(refuseChange(p, { stage: 'signed', stageDate: '2026-06-15', note: '' }, TODAY)).toBeNull();
  });
  it('refuses a date before the current stage’s date, accepts the same day', () => {
    const p = at('negotiating', '2026-03-10');
    expect(refuseChange(p, { stage: 'signed', stageDate: '2026-03-09', note: '' }, TODAY)).toBe(
      'PROJECT_STAGE_DATE_ORDER',
    );
    expect(refuseChange(p, { stage: 'signed', stageDate: '2026-03-10', note: '' }, TODAY)).toBeNull();
  });
  it('one pending change per project; nothing after an end', () => {
    const change = { stage: 'signed' as const, stageDate: '2026-04-01', note: '' };
    expect(refuseChange(at('lead', '2026-01-01', { hasPending: true }), change, TODAY)).toBe(
      'PROJECT_CHANGE_PENDING',
    );
    expect(refuseChange(at('lead', '2026-01-01', { status: 'dropped' }), change, TODAY)).toBe(
      'PROJECT_ENDED',
    );
  });
  it('an end needs a reason of at least 2 characters, and may come at any stage', () => {
    const p = at('construction', '2026-01-01');
    expect(refuseChange(p, { stage: 'dropped', stageDate: '2026-04-01', note: ' 撤 ' }, TODAY)).toBe(
      'PROJECT_REASON_REQUIRED',
    );
    expect(refuseChange(p, { stage: 'lost', stageDate: '2026-04-01', note: '外地落户' }, TODAY)).toBeNull();
  });
  it('the task force and the CLI count at once; a platform admin waits', () => {
    expect(approvedAtOnce('task_force', 'form')).toBe(true);
    expect(approvedAtOnce('task_force', 'import')).toBe(true);
    expect(approvedAtOnce('platform_admin', 'cli')).toBe(true);
    expect(approvedAtOnce('platform_admin', 'form')).toBe(false);
    expect(approvedAtOnce('platform_admin', 'import')).toBe(false);
  });
  it('applies a stage, or an end keeping the stage', () => {
    const p = { stage: 'signed' as const, stageDate: '2026-01-01' };
    expect(applyChange(p, { stage: 'construction', stageDate: '2026-05-01', note: '' })).toEqual({
      stage: 'construction',
      stageDate: '2026-05-01',
      status: 'active',
      endDate: null,
      endReason: null,
    });
    expect(applyChange(p, { stage: 'lost', stageDate: '2026-05-01', note: ' 外迁 ' })).toEqual({
      stage: 'signed',
      stageDate: '2026-01-01',
      status: 'lost',
      endDate: '2026-05-01',
      endReason: '外迁',
    });
  });
  it('the timeline dates reached stages and marks the skipped ones', () => {
    const t = timeline(
      'construction',
      [
        { stage: 'lead', stageDate: '2026-01-01' },
        { stage: 'signed', stageDate: '2026-02-01' },
        { stage: 'construction', stageDate: '2026-05-01' },
      ],
      null,
    );
    expect(t.map((s) => [s.stage, s.date, s.skipped])).toEqual([
      ['lead', '2026-01-01', false],
      ['negotiating', null, true],
      ['signed', '2026-02-01', false],
      ['land_supplied', null, true],
      ['construction', '2026-05-01', false],
      ['completed', null, false],
      ['production', null, false],
      ['full_production', null, false],
    ]);
  });
});

describe('who may approve', () => {
  const pending = { submittedBy: 7, status: 'pending' };
  it('never the submitter, even the task force', () => {
    expect(mayDecide({ userId: 7, role: 'platform_admin', platformId: 3 }, pending, 3)).toBe(false);
    expect(mayDecide({ userId: 7, role: 'task_force', platformId: null }, pending, 3)).toBe(false);
    expect(refuseDecision({ userId: 7, role: 'platform_admin', platformId: 3 }, pending, 3, false, '')).toBe(
      'PROJECT_OWN_CHANGE',
    );
  });
  it('the task force, or another admin of the same platform', () => {
    expect(mayDecide({ userId: 1, role: 'task_force', platformId: null }, pending, 3)).toBe(true);
    expect(mayDecide({ userId: 8, role: 'platform_admin', platformId: 3 }, pending, 3)).toBe(true);
    expect(mayDecide({ userId: 9, role: 'platform_admin', platformId: 4 }, pending, 3)).toBe(false);
    expect(mayDecide({ userId: 10, role: 'leader', platformId: null }, pending, 3)).toBe(false);
  });
  it('a decided change cannot be decided again; a rejection needs a reason', () => {
    const tf = { userId: 1, role: 'task_force', platformId: null };
    expect(refuseDecision(tf, { submittedBy: 7, status: 'approved' }, 3, false, '')).toBe(
      'PROJECT_CHANGE_DECIDED',
    );
    expect(refuseDecision(tf, pending, 3, true, '')).toBe('PROJECT_REASON_REQUIRED');
    expect(refuseDecision(tf, pending, 3, true, '日期有误')).toBeNull();
    expect(refuseDecision({ userId: 9, role: 'platform_admin', platformId: 4 }, pending, 3, false, '')).toBe(
      'FORBIDDEN',
    );
  });
});

describe('stalls', () => {
  const rules: StallRule[] = [
    { stage: 'signed', sizeClass: 'major', maxDays: 180, escalateAfterDays: 30 },
    { stage: 'signed', sizeClass: 'small', maxDays: 90, escalateAfterDays: 30 },
  ];
  const byKey = rulesByKey(rules);
  const p = (stageDate: string, extra = {}) => ({
    stage: 'signed' as const,
    stageDate,
    status: 'active' as const,
    sizeClass: 'major' as const,
    ...extra,
  });
  it('counts calendar days', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  it('stalled after the maximum, escalated after maximum + escalation days', () => {
    // 2026-06-15 − 180 days = 2025-12-17; − 210 days = 2025-11-17.
    expect(stallOf(p('2025-12-17'), byKey, TODAY)).toEqual({ days: 180, maxDays: 180, level: 0 });
    expect(stallOf(p('2025-12-16'), byKey, TODAY)).toEqual({ days: 181, maxDays: 180, level: 1 });
    expect(stallOf(p('2025-11-17'), byKey, TODAY)).toEqual({ days: 210, maxDays: 180, level: 1 });
    expect(stallOf(p('2025-11-16'), byKey, TODAY)).toEqual({ days: 211, maxDays: 180, level: 2 });
  });
  it('by size class', () => {
    // 2026-06-15 − 91 days = 2026-03-16.
    expect(stallOf(p('2026-03-16', { sizeClass: 'small' }), byKey, TODAY).level).toBe(1);
    expect(stallOf(p('2026-03-16'), byKey, TODAY).level).toBe(0);
  });
  it('never for full production, ended projects, or a stage without a rule', () => {
    expect(stallOf(p('2020-01-01', { stage: 'full_production' }), byKey, TODAY)).toEqual({
      days: 2357,
      maxDays: null,
      level: 0,
    });
    expect(stallOf(p('2020-01-01', { status: 'dropped' }), byKey, TODAY).level).toBe(0);
    expect(stallOf(p('2020-01-01', { stage: 'lead' }), byKey, TODAY).level).toBe(0);
  });
});

describe('T6: ≥ 10 亿元 projects signed in the year', () => {
  const base: SignedProject = {
    platformId: 1,
    totalInvestment: 100_000,
    status: 'active',
    endDate: null,
    signedOn: '2025-06-01',
  };
  const set: SignedProject[] = [
    base, // counts (exactly 10 亿)
    { ...base, totalInvestment: 99_999.99 }, // below 10 亿
    { ...base, signedOn: null }, // signing pending / not approved: no approved date
    { ...base, signedOn: '2025-12-31' }, // last day of the year: counts
    { ...base, signedOn: '2026-01-01' }, // next year
    { ...base, signedOn: '2024-12-31' }, // previous year
    { ...base, platformId: 2, totalInvestment: 250_000 }, // counts for platform 2
    { ...base, status: 'dropped', endDate: '2025-12-31' }, // ended in the year: excluded
    { ...base, status: 'lost', endDate: '2025-09-01' }, // ended in the year: excluded
    { ...base, status: 'lost', endDate: '2026-01-01' }, // ended the next year: still counts for 2025
  ];
  it('counts on a hand-built set', () => {
    const r = majorSigned(set, 2025);
    expect(r.city).toBe(4);
    expect(r.byPlatform.get(1)).toBe(3);
    expect(r.byPlatform.get(2)).toBe(1);
    expect(majorSigned(set, 2026).city).toBe(1);
    expect(majorSigned(set, 2024).city).toBe(1);
  });
  it('the boundaries one by one', () => {
    expect(countsForT6(set[0]!, 2025)).toBe(true);
    expect(countsForT6(set[1]!, 2025)).toBe(false);
    expect(countsForT6(set[3]!, 2025)).toBe(true);
    expect(countsForT6(set[4]!, 2025)).toBe(false);
    expect(countsForT6(set[7]!, 2025)).toBe(false);
    expect(countsForT6(set[9]!, 2025)).toBe(true);
  });
});

describe('funnel', () => {
  it('reached, current and conversion per stage', () => {
    const f = funnel([
      { stage: 'lead', status: 'active' },
      { stage: 'lead', status: 'dropped' },
      { stage: 'negotiating', status: 'active' },
      { stage: 'signed', status: 'active' },
      { stage: 'construction', status: 'lost' },
    ]);
    expect(f.steps.slice(0, 6).map((s) => [s.stage, s.reached, s.current])).toEqual([
      ['lead', 5, 1],
      ['negotiating', 3, 1],
      ['signed', 2, 1],
      ['land_supplied', 1, 0],
      ['construction', 1, 0],
      ['completed', 0, 0],
    ]);
    expect(f.steps[0]!.conversion).toBeNull();
    expect(f.steps[1]!.conversion).toBeCloseTo(0.6, 10);
    expect(f.steps[2]!.conversion).toBeCloseTo(2 / 3, 10);
    expect(f.steps[6]!.conversion).toBeNull(); // previous reached 0
    expect([f.dropped, f.lost]).toEqual([1, 1]);
  });
});

describe('标准地 commitments (达产复核)', () => {
  const project = {
    landMu: 50,
    fixedAssetInvestment: 20_000,
    committedIntensity: 500,
    committedOutputPerMu: 800,
    committedTaxPerMu: 40,
  };
  it('uses the evaluation’s land (own land first) and revenue / tax as the per-mu evaluation does', () => {
    // own land 40 亩: output 30,000 / 40 = 750 (6.3 % short of 800); tax 2,000 / 40 = 50 (met, −25 %).
    // intensity: reported investment 22,000 / project land 50 = 440 (12 % short of 500).
    const checks = checkCommitments(project, {
      ownLandMu: 40,
      revenue: 30_000,
      tax: 2_000,
      fixedAssetInvestment: 22_000,
    });
    expect(checks).toEqual([
      { commitment: 'intensity', committed: 500, actual: 440, shortfallPct: 12, met: false },
      { commitment: 'output_per_mu', committed: 800, actual: 750, shortfallPct: 6.3, met: false },
      { commitment: 'tax_per_mu', committed: 40, actual: 50, shortfallPct: -25, met: true },
    ]);
    expect(isShort(checks)).toBe(true);
  });
  it('falls back to the project’s land and its own fixed-asset investment', () => {
    // land 50: intensity 20,000 / 50 = 400 (20 % short); output 40,000 / 50 = 800 (met, 0 %); tax 1,000 / 50 = 20 (50 % short).
    const checks = checkCommitments(project, {
      ownLandMu: null,
      revenue: 40_000,
      tax: 1_000,
      fixedAssetInvestment: null,
    });
    expect(checks.map((c) => [c.actual, c.shortfallPct, c.met])).toEqual([
      [400, 20, false],
      [800, 0, true],
      [20, 50, false],
    ]);
    expect(
      evaluatedLand(project, { ownLandMu: 0, revenue: null, tax: null, fixedAssetInvestment: null }),
    ).toBe(50);
  });
  it('missing figures give no verdict; commitments not given are not checked', () => {
    const checks = checkCommitments({ ...project, committedIntensity: null }, null);
    expect(checks).toEqual([
      { commitment: 'output_per_mu', committed: 800, actual: null, shortfallPct: null, met: null },
      { commitment: 'tax_per_mu', committed: 40, actual: null, shortfallPct: null, met: null },
    ]);
    expect(isShort(checks)).toBe(false);
  });
});
