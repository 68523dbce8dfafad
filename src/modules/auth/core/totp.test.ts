import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  normaliseRecoveryCode,
  otpauthUri,
  recoveryCode,
  totp,
  verifyTotp,
} from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('the RFC 6238 test vector at T=%i is %s (8 digits) and its last 6 at 6 digits', (seconds, code) => {
    expect(totp(RFC_SECRET, seconds * 1000, 8)).toBe(code);
    expect(totp(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expected.forEach((code, counter) => expect(hotp(RFC_SECRET, counter)).toBe(code));
  });

  it('accepts one step of drift either way, not two', () => {
    const t = 1111111111_000;
    for (const drift of [-30_000, 0, 30_000])
      expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, t + drift), t, null)).not.toBeNull();
    for (const drift of [-60_000, 60_000])
      expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, t + drift), t, null)).toBeNull();
  });

  it('refuses a code of a step already used (replay) and malformed codes', () => {
    const t = 1234567890_000;
    const code = totp(RFC_SECRET, t);
    const step = verifyTotp(RFC_SECRET, code, t, null)!;
    expect(verifyTotp(RFC_SECRET, code, t, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code, t + 20_000, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, '12345', t, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, '12345a', t, null)).toBeNull();
  });

  it('round-trips base32 (RFC 4648 vectors) and builds the otpauth URI', () => {
    expect(base32Encode(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(new TextDecoder().decode(base32Decode('MZXW6YTBOI======'))).toBe('foobar');
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const uri = otpauthUri('一园 Yiyuan', 'alice', 'GEZDGNBV');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+alice\?/);
    const params = new URL(uri).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      secret: 'GEZDGNBV',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
      issuer: '一园 Yiyuan',
    });
  });

  it('makes recovery codes of 12 characters in three groups', () => {
    const code = recoveryCode(Uint8Array.from({ length: 12 }, (_, i) => i * 21));
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normaliseRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(code.replace(/-/g, ''));
  });
});
