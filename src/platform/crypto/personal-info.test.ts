import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PiCryptoError,
  PiKeyRing,
  generatePiKey,
  normalisePhone,
  parsePiKey,
  sm3,
  sm4CbcDecrypt,
  sm4CbcEncrypt,
} from './personal-info';

const CONTEXT = 'enterprise_contacts.phone';

describe('national algorithms', () => {
  it('SM4 matches the GB/T 32907-2016 example (one block; CBC with a zero IV is ECB)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = sm4CbcEncrypt(key, Buffer.alloc(16), key, false);
    expect(cipher.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    expect(sm4CbcDecrypt(key, Buffer.alloc(16), cipher, false).toString('hex')).toBe(key.toString('hex'));
  });

  it('SM3 matches both GB/T 32905-2016 examples', () => {
    expect(sm3('abc').toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('PiKeyRing', () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);

  it('round-trips a value; the sealed bytes hold neither the digits nor the same IV twice', () => {
    const ring = new PiKeyRing([keyA]);
    const a = ring.seal(CONTEXT, '13812341234');
    const b = ring.seal(CONTEXT, '13812341234');
    expect(ring.open(CONTEXT, a)).toBe('13812341234');
    expect(a.toString('latin1')).not.toContain('13812341234');
    expect(a.toString('latin1')).not.toContain('1234');
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1);
    expect(ring.keyIdOf(a)).toBe(ring.current.id);
  });

  it('refuses a value with any single bit flipped', () => {
    const ring = new PiKeyRing([keyA]);
    const sealed = ring.seal(CONTEXT, '13812341234');
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i]! ^= 0x01;
      expect(() => ring.open(CONTEXT, bad)).toThrowError(PiCryptoError);
    }
    expect(() => ring.open(CONTEXT, sealed.subarray(0, sealed.length - 1))).toThrowError(/format/);
  });

  it('refuses a value under a wrong key, and one moved to another column', () => {
    const sealed = new PiKeyRing([keyA]).seal(CONTEXT, '13812341234');
    expect(() => new PiKeyRing([keyB]).open(CONTEXT, sealed)).toThrowError(/unknown_key/);
    // Same key id in the header but another key behind it: the MAC fails.
    const forged = Buffer.from(new PiKeyRing([keyB]).seal(CONTEXT, '13900000000'));
    sealed.copy(forged, 1, 1, 5);
    expect(() => new PiKeyRing([keyA]).open(CONTEXT, forged)).toThrowError(/tampered/);
    expect(() => new PiKeyRing([keyA]).open('other.column' as typeof CONTEXT, sealed)).toThrowError(
      /tampered/,
    );
  });

  it('opens values of old keys, seals under the current one (rotation)', () => {
    const old = new PiKeyRing([keyA]).seal(CONTEXT, '13812341234');
    const ring = new PiKeyRing([keyB, keyA]);
    expect(ring.open(CONTEXT, old)).toBe('13812341234');
    expect(ring.keyIdOf(ring.seal(CONTEXT, 'x'))).toBe(ring.current.id);
    expect(ring.ids).toHaveLength(2);
  });

  it('keyed index: deterministic per key, differs between keys, matches under any ring key', () => {
    const a = new PiKeyRing([keyA]);
    const ring = new PiKeyRing([keyB, keyA]);
    expect(a.index(CONTEXT, '13812341234').equals(a.index(CONTEXT, '13812341234'))).toBe(true);
    expect(ring.index(CONTEXT, '13812341234').equals(a.index(CONTEXT, '13812341234'))).toBe(false);
    expect(ring.indexes(CONTEXT, '13812341234').some((i) => i.equals(a.index(CONTEXT, '13812341234')))).toBe(
      true,
    );
    expect(a.index(CONTEXT, '13812341234')).toHaveLength(32);
  });
});

describe('keys and normalisation', () => {
  it('reads 64 hex digits or base64 of 32 bytes, nothing else', () => {
    const k = randomBytes(32);
    expect(parsePiKey(k.toString('hex'))?.equals(k)).toBe(true);
    expect(parsePiKey(` ${k.toString('base64')}\n`)?.equals(k)).toBe(true);
    expect(parsePiKey(k.toString('base64url'))?.equals(k)).toBe(true);
    expect(parsePiKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(parsePiKey('secret')).toBeNull();
    expect(parsePiKey(generatePiKey())).toHaveLength(32);
  });

  it('normalises phone numbers to their digits without the country code', () => {
    expect(normalisePhone('138 1234-1234')).toBe('13812341234');
    expect(normalisePhone('+86 138 1234 1234')).toBe('13812341234');
    expect(normalisePhone('0571-87654321')).toBe('057187654321');
  });
});
