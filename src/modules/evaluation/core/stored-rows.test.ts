import { describe, expect, it } from 'vitest';
import { ByteText } from './byte-text';
import type { Method } from './method';
import { PRESETS } from './presets';
import { score, type EvaluationFirm } from './score';
import { rowsByKey, writeStoredRow } from './stored-rows';
import { storedResults, type StoredResult } from './storage';

const firm = (id: number, over: Partial<EvaluationFirm> = {}): EvaluationFirm => ({
  id,
  scale: id % 4 ? 'above' : 'below',
  ownLandMu: id % 9 ? 3 + (id % 7) * 1.37 : null,
  leasedFloorM2: id % 9 ? null : 800,
  landholderId: id % 13 === 0 ? id - 1 : null,
  labels: id % 6 ? [] : ['high_tech'],
  exemption: id === 5 ? 'utility' : null,
  hasYear: id % 17 !== 0,
  tax: 50.0625 + ((id * 37) % 400),
  valueAdded: 500 + ((id * 53) % 900) / 3,
  revenue: 3000,
  energyTce: id % 10 ? 200.5 : null,
  emissions: id % 4 ? 1 : null,
  employees: 50,
  rdSpending: 60,
  electricity: 100.25,
  output: 3000,
  priorClasses: id % 5 ? [] : ['D', 'D'],
  ...over,
});

/** A stored result's COPY text fields as a generic writer makes them: String(number), \N for null. */
const generic = (r: StoredResult) =>
  [
    r.cohort,
    r.status,
    r.score,
    r.rank,
    r.cohortSize,
    r.topPercent,
    r.class,
    r.policyClass,
    r.landMu,
    r.tax,
    r.valueAdded,
    `{${r.flags}}`,
    r.surchargeYuan,
    r.reliefYuan,
    r.detail,
  ]
    .map((v) => (v === null ? '\\N' : String(v)))
    .join('\t');

describe('stored rows for the bulk write', () => {
  const method: Method = structuredClone(PRESETS['huangyan-2022']!);
  method.tenants = 'merge_with_landholder';
  method.cohorts[0]!.indicators[0]!.cap = 40;
  method.cohorts[0]!.adjustments.push({
    key: 'ht',
    name: { zh: '高新', en: 'High-tech' },
    effect: 'bonus',
    when: [{ attribute: 'label', op: 'has', value: 'high_tech' }],
    points: { kind: 'fixed', points: 3.5 },
  });
  method.cohorts[1]!.leasedFloorPlotRatio = 1.2;
  const scored = score(
    method,
    Array.from({ length: 500 }, (_, i) => firm(i + 1)),
  );

  it('are the stored results, each once, in enterprise-id order, byte for byte', () => {
    const listed = new Map([...storedResults(scored)].map((r) => [r.enterpriseId, r]));
    const out = new ByteText(64);
    const ids: number[] = [];
    for (const row of rowsByKey(scored)) {
      ids.push(row.enterpriseId);
      writeStoredRow(out, scored, row);
      out.byte(10);
    }
    expect(ids).toEqual([...listed.keys()].sort((a, b) => a - b));
    expect(out.takeText()).toBe(ids.map((id) => `${generic(listed.get(id)!)}\n`).join(''));
    const rows = [...listed.values()];
    for (const kind of ['merged', 'unrated'] as const) expect(rows.some((r) => r.status === kind)).toBe(true);
    expect(rows.some((r) => r.detail.includes('"a":'))).toBe(true);
    expect(rows.some((r) => r.detail.includes('"c":'))).toBe(true);
  });
});
