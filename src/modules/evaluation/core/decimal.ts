/**
 * Numbers as text, exactly as JavaScript writes them (`String(x)`), several times faster for the
 * short decimals an evaluation stores (figures with a few decimals, points to 6, scores to 2).
 * Pure.
 *
 * For |x| < 10⁹ the shortest decimal that reads back as x has at most 6 decimals exactly when
 * some k ÷ 10ᵈ (d ≤ 6) is x; the smallest such d gives that decimal, and it has no trailing zero.
 * (Below 10⁹ a double's spacing is under 10⁻⁶, so no other decimal of ≤ 6 places reads back as x,
 * and `String` writes no exponent between 10⁻⁶ and 10²¹.) Everything else goes to `String`.
 */

export const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000'];

/** The decimals d ≤ 6 with which |x| is written (|x| = k ÷ 10ᵈ), or -1 when `String` must do it. */
export function shortDecimals(a: number): number {
  if (!(a < 1e9)) return -1;
  for (let d = 0; d <= 6; d++) {
    const f = POW10[d]!;
    if (Math.round(a * f) / f === a) return d;
  }
  return -1;
}

export function decimal(x: number): string {
  const a = x < 0 ? -x : x;
  const d = shortDecimals(a);
  if (d < 0) return String(x);
  const f = POW10[d]!;
  const k = Math.round(a * f);
  let s: string;
  if (d === 0) s = `${k}`;
  else {
    const whole = Math.floor(k / f);
    const part = `${k - whole * f}`;
    s = `${whole}.${ZEROS[d - part.length]}${part}`;
  }
  return x < 0 ? `-${s}` : s;
}
