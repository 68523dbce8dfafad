import { describe, expect, it } from 'vitest';
import { decimal } from './decimal';

/** A reproducible stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('decimal', () => {
  it.each([
    0,
    -0,
    1,
    -1,
    0.5,
    1.05,
    2.675,
    0.1 + 0.2,
    1 / 3,
    -2 / 3,
    24.097,
    4929.81,
    0.0302,
    0.000001,
    0.0000015,
    1e-7,
    999999999.999999,
    1e9,
    123456789.123456,
    1e21,
    1.5e300,
    Number.MAX_SAFE_INTEGER,
    NaN,
    Infinity,
    -Infinity,
  ])('writes %s as String does', (x) => {
    expect(decimal(x)).toBe(String(x));
  });

  it('writes 300,000 numbers of every size and precision as String does', () => {
    const next = random(7);
    for (let i = 0; i < 300_000; i++) {
      const places = i % 9;
      const digits = 1 + (i % 13);
      let x = Math.floor(next() * 10 ** digits) / 10 ** places;
      if (i % 3 === 0) x = -x;
      if (i % 11 === 0) x = next() * 10 ** ((i % 20) - 8);
      const s = decimal(x);
      if (s !== String(x)) expect(s, `${x}`).toBe(String(x));
    }
  });
});
