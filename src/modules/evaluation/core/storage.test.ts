import { describe, expect, it } from 'vitest';
import type { Method } from './method';
import { PRESETS } from './presets';
import { resultOf, score, type EvaluationFirm } from './score';
import { expandDetail, storedResults } from './storage';

const firm = (id: number, over: Partial<EvaluationFirm> = {}): EvaluationFirm => ({
  id,
  scale: 'above',
  ownLandMu: 10 + (id % 7),
  leasedFloorM2: null,
  landholderId: null,
  labels: id % 3 ? [] : ['high_tech'],
  exemption: id === 5 ? 'utility' : null,
  hasYear: true,
  tax: 50 + ((id * 37) % 400),
  valueAdded: 500 + ((id * 53) % 900),
  revenue: 3000,
  energyTce: 200,
  emissions: id % 4 ? 1 : null,
  employees: 50,
  rdSpending: 60,
  electricity: 100,
  output: 3000,
  priorClasses: id % 5 ? [] : ['D', 'D'],
  ...over,
});

describe('stored results', () => {
  it('expand back to exactly the result objects the engine builds', () => {
    const method: Method = structuredClone(PRESETS['huangyan-2022']!);
    method.cohorts[0]!.indicators[0]!.cap = 40;
    method.cohorts[0]!.adjustments.push({
      key: 'ht',
      name: { zh: '高新', en: 'High-tech' },
      effect: 'bonus',
      when: [{ attribute: 'label', op: 'has', value: 'high_tech' }],
      points: { kind: 'fixed', points: 3 },
    });
    const firms = Array.from({ length: 60 }, (_, i) => firm(i + 1));
    const scored = score(method, firms);
    const stored = [...storedResults(scored)];
    expect(stored).toHaveLength(60);
    let checked = 0;
    for (const c of scored.cohorts)
      for (const i of c.order) {
        const expected = resultOf(scored, c, i);
        const row = stored.find((s) => s.enterpriseId === expected.enterpriseId)!;
        const detail = expandDetail(JSON.parse(row.detail), c.rule, c.summary);
        expect(detail.items).toEqual(expected.items);
        expect(detail.policies).toEqual(expected.policies);
        expect(detail.adjustments).toEqual(expected.adjustments);
        expect(detail.figures).toEqual(expected.figures);
        expect(row.flags.split(',').filter(Boolean)).toEqual(expected.flags);
        expect([row.score, row.rank, row.class, row.policyClass, row.status]).toEqual([
          expected.score,
          expected.rank,
          expected.class,
          expected.policyClass,
          expected.status,
        ]);
        checked++;
      }
    expect(checked).toBe(60);
    expect(stored.some((s) => s.status === 'unrated')).toBe(true);
    expect(stored.some((s) => s.flags.includes('missing:value_added_per_emission'))).toBe(true);
  });
});
