import { describe, expect, it } from 'vitest';
import { BUBBLE_LABEL_LAYOUT, byRank, labelledBubbles } from './ranking';

describe('byRank', () => {
  it('puts rank 1 first and platforms without a rank last, by name', () => {
    const platforms = [
      { id: 1, name: '乙', rank: 3 },
      { id: 2, name: '丙', rank: null },
      { id: 3, name: '甲', rank: 1 },
      { id: 4, name: '丁', rank: 2 },
      { id: 5, name: '甲乙', rank: null },
    ];
    const sorted = byRank(platforms);
    expect(sorted.slice(0, 3).map((p) => p.id)).toEqual([3, 4, 1]);
    expect(sorted.slice(3).map((p) => p.rank)).toEqual([null, null]);
    // The input is left as it was.
    expect(platforms[0]!.id).toBe(1);
  });
});

describe('bubble labels', () => {
  const bubbles = Array.from({ length: 16 }, (_, i) => ({ id: i + 1, output: (i + 1) * 100, leader: false }));

  it('names only the largest platforms, the leading parks and the one highlighted', () => {
    const ids = labelledBubbles(
      bubbles.map((b) => (b.id === 2 ? { ...b, leader: true } : b)),
      5,
      3,
    );
    expect([...ids].sort((a, b) => a - b)).toEqual([2, 5, 14, 15, 16]);
  });

  it('hides or moves labels that would overlap', () => {
    expect(BUBBLE_LABEL_LAYOUT).toEqual({ hideOverlap: true, moveOverlap: 'shiftY' });
    expect(labelledBubbles(bubbles, null).size).toBeLessThan(bubbles.length);
  });
});
