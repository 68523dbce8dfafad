/**
 * Text written straight into bytes, for bulk output: numbers exactly as JavaScript writes them
 * without making a string for each, ASCII codes, UTF-8 text. What a run's hundred thousand result
 * rows are encoded with. Pure.
 *
 * Numbers: for |x| < 10⁹ the shortest decimal that reads back as x (what `String` writes) has at
 * most 6 decimals exactly when x = k ÷ 10⁶ for a whole k; k's trailing zeros then give the
 * decimals. (Below 10⁹ a double's spacing is under 10⁻⁶, so no other decimal of ≤ 6 places reads
 * back as x, and `String` writes no exponent between 10⁻⁶ and 10²¹.) Everything else goes to
 * `String`.
 */
const utf8 = new TextEncoder();

export class ByteText {
  private buf: Uint8Array;
  /** Bytes written. */
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  /** Makes room for at least n more bytes. */
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  /** One byte (an ASCII character code). */
  byte(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  /** A string of ASCII characters (codes, keys, punctuation). */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.length += utf8.encodeInto(s, this.buf.subarray(this.length)).written;
  }

  /** Digits of a whole number 0 ≤ n < 2⁵³, `width` at least (zero-padded). */
  private digits(n: number, width: number): void {
    let count = 1;
    while (count < 16 && n >= POW10_16[count]!) count++;
    if (count < width) count = width;
    this.room(count);
    const b = this.buf;
    let at = this.length + count;
    this.length = at;
    let i = 0;
    for (; n >= 2147483648 && i < count; i++) {
      const q = Math.floor(n / 10);
      b[--at] = 48 + (n - q * 10);
      n = q;
    }
    for (; i < count; i++) {
      const q = (n / 10) | 0;
      b[--at] = 48 + (n - q * 10);
      n = q;
    }
  }

  /** A number, exactly as `String(x)` writes it. */
  num(x: number): void {
    const a = x < 0 ? -x : x;
    // |x| = k ÷ 10⁶ with k whole, then k's trailing zeros give the decimals: one test, not seven.
    const k = Math.round(a * 1e6);
    if (!(a < 1e9) || k / 1e6 !== a) return this.ascii(String(x));
    if (x < 0) this.byte(45);
    const whole = Math.floor(k / 1e6);
    let part = k - whole * 1e6;
    this.digits(whole, 1);
    if (part === 0) return;
    let d = 6;
    while (part % 10 === 0) {
      part /= 10;
      d--;
    }
    this.byte(46);
    this.digits(part, d);
  }

  /** The bytes written since the last take (a copy), starting afresh. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }

  /** The bytes written since the last take, as a string (ASCII and UTF-8 alike), starting afresh. */
  takeText(): string {
    const out = new TextDecoder().decode(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

const POW10_16 = Array.from({ length: 17 }, (_, i) => 10 ** i);
