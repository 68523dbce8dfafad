import { describe, expect, it } from 'vitest';
import { ByteText } from './byte-text';

describe('ByteText', () => {
  it('writes numbers exactly as String does, ASCII and UTF-8 text, growing as needed', () => {
    const values = [
      0,
      -0,
      7,
      -12,
      0.5,
      10.25,
      -0.000001,
      1.05,
      24.097,
      4929.81,
      1 / 3,
      1e-7,
      1e9,
      123456789.123456,
    ];
    values.push(Number.MAX_SAFE_INTEGER, 1e21, NaN, Infinity, 100, 1000000, 0.1 + 0.2, 99999999.999999);
    const out = new ByteText(4);
    for (const x of values) {
      out.num(x);
      out.byte(44);
    }
    out.ascii('{"a":1}');
    out.text('园区\t');
    expect(out.takeText()).toBe(`${values.map(String).join(',')},{"a":1}园区\t`);
    expect(out.length).toBe(0);
  });

  it('agrees with String on 200,000 numbers of every size and precision', () => {
    let s = 11;
    const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const out = new ByteText();
    const expected: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      let x = Math.floor(next() * 10 ** (1 + (i % 13))) / 10 ** (i % 9);
      if (i % 3 === 0) x = -x;
      if (i % 11 === 0) x = next() * 10 ** ((i % 20) - 8);
      out.num(x);
      out.byte(10);
      expected.push(String(x));
    }
    expect(out.takeText()).toBe(`${expected.join('\n')}\n`);
  });
});
