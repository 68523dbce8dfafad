import { describe, expect, it } from 'vitest';
import { rateNode, type NodeFigures } from './rating';
import { mapFigures, rateMap, subtreeCodes } from './figures';

const base: NodeFigures = {
  enterprises: 4,
  above: 1,
  output: 10_000,
  industryOutput: 100_000,
  leaders: 0,
  leaderSuppliers: 0,
};
const rules = { weakShare: 0.05, supplierMin: 3 };

describe('rateNode', () => {
  it('missing without a local enterprise, whatever else', () => {
    expect(rateNode({ ...base, enterprises: 0, above: 0, output: 0 }, rules)).toEqual({
      rating: 'missing',
      share: 0,
      reasons: ['no_enterprise'],
    });
  });

  it('strong with a 规上 firm and 10% of the output (10,000 of 100,000 万元)', () => {
    expect(rateNode(base, rules)).toEqual({ rating: 'strong', share: 0.1, reasons: ['sound'] });
  });

  it('weak without a 规上 firm even with a large share', () => {
    expect(rateNode({ ...base, above: 0 }, rules)).toMatchObject({ rating: 'weak', reasons: ['no_above'] });
  });

  it('weak below 5% (4,999 of 100,000 = 4.999%), strong at exactly 5% (不满 5% is weak)', () => {
    expect(rateNode({ ...base, output: 4_999 }, rules)).toMatchObject({
      rating: 'weak',
      reasons: ['low_share'],
    });
    expect(rateNode({ ...base, output: 5_000 }, rules)).toMatchObject({ rating: 'strong', share: 0.05 });
  });

  it('follows the map threshold (10%: 8,000 of 100,000 is weak)', () => {
    expect(rateNode({ ...base, output: 8_000 }, { weakShare: 0.1, supplierMin: 3 }).rating).toBe('weak');
  });

  it('skips the share test when the industry has no output', () => {
    expect(rateNode({ ...base, output: 0, industryOutput: 0 }, rules)).toEqual({
      rating: 'strong',
      share: null,
      reasons: ['sound'],
    });
  });

  it('a confirmed chain leader lifts weak to strong', () => {
    expect(rateNode({ ...base, above: 0, output: 100, leaders: 1 }, rules)).toEqual({
      rating: 'strong',
      share: 0.001,
      reasons: ['no_above', 'low_share', 'leader'],
    });
  });

  it('3 local suppliers of a chain leader lift weak to strong; 2 do not', () => {
    expect(rateNode({ ...base, above: 0, leaderSuppliers: 3 }, rules)).toMatchObject({
      rating: 'strong',
      reasons: ['no_above', 'suppliers'],
    });
    expect(rateNode({ ...base, above: 0, leaderSuppliers: 2 }, rules).rating).toBe('weak');
    expect(
      rateNode({ ...base, above: 0, leaderSuppliers: 2 }, { weakShare: 0.05, supplierMin: 2 }).rating,
    ).toBe('strong');
  });
});

describe('map figures', () => {
  const nodes = [
    { code: 'A', parentCode: null },
    { code: 'A-1', parentCode: 'A' },
    { code: 'A-2', parentCode: 'A' },
    { code: 'B', parentCode: null },
    { code: 'C', parentCode: null },
  ];

  it('subtrees hold a node and its descendants', () => {
    const s = subtreeCodes(nodes);
    expect([...s.get('A')!].sort()).toEqual(['A', 'A-1', 'A-2']);
    expect([...s.get('A-1')!]).toEqual(['A-1']);
  });

  it('a parent counts its children once each; the industry output counts every enterprise once', () => {
    const placed = [
      { nodeCode: 'A-1', enterpriseId: 1, above: true, output: 600 },
      { nodeCode: 'A-2', enterpriseId: 1, above: true, output: 600 },
      { nodeCode: 'A-2', enterpriseId: 2, above: false, output: 300 },
      { nodeCode: 'B', enterpriseId: 3, above: false, output: null },
      { nodeCode: 'B', enterpriseId: 4, above: true, output: 100 },
    ];
    const { byNode, industryOutput } = mapFigures(nodes, placed, new Set([4]), new Set([2, 3]));
    // 600 + 300 + 0 + 100 = 1,000
    expect(industryOutput).toBe(1000);
    expect(byNode.get('A')).toMatchObject({
      enterprises: 2,
      above: 1,
      output: 900,
      leaders: 0,
      leaderSuppliers: 1,
    });
    expect(byNode.get('B')).toMatchObject({
      enterprises: 2,
      above: 1,
      output: 100,
      leaders: 1,
      leaderSuppliers: 1,
    });
    expect(byNode.get('C')).toMatchObject({ enterprises: 0, output: 0 });
  });

  it('rates every node: A strong (96%), A-2 weak (no 规上), B weak at 4% but lifted by its leader, C missing', () => {
    const placed = [
      { nodeCode: 'A-1', enterpriseId: 1, above: true, output: 900 },
      { nodeCode: 'A-2', enterpriseId: 2, above: false, output: 60 },
      { nodeCode: 'B', enterpriseId: 3, above: true, output: 40 },
    ];
    const { byNode } = rateMap(nodes, placed, new Set([3]), new Set(), rules);
    expect(byNode.get('A')!.rating).toBe('strong'); // 960 of 1,000
    expect(byNode.get('A-2')).toMatchObject({ rating: 'weak', reasons: ['no_above'] }); // 6%, no 规上
    expect(byNode.get('B')).toMatchObject({ rating: 'strong', reasons: ['low_share', 'leader'] }); // 4%
    expect(byNode.get('C')!.rating).toBe('missing');
  });
});
