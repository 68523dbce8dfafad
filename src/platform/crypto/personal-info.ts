/**
 * Personal information at rest with the national algorithms (商用密码): SM4-CBC for
 * confidentiality and HMAC-SM3 for integrity (encrypt-then-MAC), a random IV per value, and a
 * keyed SM3 index (HMAC-SM3 of the normalised value) for lookups. Pure: keys come from the caller
 * (`keys.ts` reads them from the environment or a key file); nothing here touches the disk.
 *
 * A sealed value (bytea) is, in order:
 *   version (1 byte, 0x01) · key id (4 bytes) · IV (16 bytes) · SM4-CBC ciphertext (PKCS#7)
 *   · tag (32 bytes) = HMAC-SM3(macKey, "yiyuan-pi\0" · context · "\0" · everything before the tag)
 * The context names the column (e.g. `enterprise_contacts.phone`), so a value copied into another
 * column is refused.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const PI_FORMAT_VERSION = 1;
/** Length of a key as configured: 256 bits, from which the SM4, MAC and index keys are derived. */
export const PI_KEY_BYTES = 32;
const KEY_ID_BYTES = 4;
const IV_BYTES = 16;
const TAG_BYTES = 32;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_SEALED_BYTES = HEADER_BYTES + IV_BYTES + 16 + TAG_BYTES;

/** The column a value belongs to; part of the MAC and of the index. */
export type PiContext =
  'enterprise_contacts.phone' | 'project_contacts.phone' | 'users.totp_secret' | 'webhooks.secret';

export type PiCryptoProblem = 'format' | 'unknown_key' | 'tampered';

/** A sealed value that cannot be opened: malformed, sealed under a key not in the ring, or altered. */
export class PiCryptoError extends Error {
  constructor(
    readonly problem: PiCryptoProblem,
    detail: string,
  ) {
    super(`Personal information cannot be decrypted (${problem}): ${detail}`);
  }
}

/** SM3 (GB/T 32905-2016). */
export function sm3(data: Buffer | string): Buffer {
  return createHash('sm3').update(data).digest();
}

/** HMAC-SM3 (GB/T 15852.2 with SM3). */
export function hmacSm3(key: Buffer, ...parts: (Buffer | string)[]): Buffer {
  const mac = createHmac('sm3', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** SM4-CBC (GB/T 32907-2016) encryption; `padding: false` for whole blocks (test vectors). */
export function sm4CbcEncrypt(key: Buffer, iv: Buffer, data: Buffer, padding = true): Buffer {
  const cipher = createCipheriv('sm4-cbc', key, iv);
  cipher.setAutoPadding(padding);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function sm4CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer, padding = true): Buffer {
  const decipher = createDecipheriv('sm4-cbc', key, iv);
  decipher.setAutoPadding(padding);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** One configured key and the keys derived from it. */
export interface PiKey {
  /** 8 hex digits: SM3 fingerprint of the key, stored in every value sealed under it. */
  id: string;
  encKey: Buffer;
  macKey: Buffer;
  indexKey: Buffer;
}

export function keyIdOf(material: Buffer): string {
  return sm3(Buffer.concat([Buffer.from('yiyuan-pi-key-id\0'), material]))
    .subarray(0, KEY_ID_BYTES)
    .toString('hex');
}

export function derivePiKey(material: Buffer): PiKey {
  if (material.length !== PI_KEY_BYTES)
    throw new Error(`A personal-information key has ${PI_KEY_BYTES} bytes, not ${material.length}`);
  return {
    id: keyIdOf(material),
    encKey: hmacSm3(material, 'yiyuan-pi/sm4-cbc').subarray(0, 16),
    macKey: hmacSm3(material, 'yiyuan-pi/hmac-sm3'),
    indexKey: hmacSm3(material, 'yiyuan-pi/index'),
  };
}

/**
 * Reads a key as configured: 64 hex digits or base64 of 32 bytes. Returns null for anything else
 * (the caller reports where it came from).
 */
export function parsePiKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === PI_KEY_BYTES) return b;
  }
  return null;
}

/** A new random key, as base64 (what `yiyuan keys generate` prints). */
export function generatePiKey(random: (n: number) => Buffer = randomBytes): string {
  return random(PI_KEY_BYTES).toString('base64');
}

/** Phone numbers compare by their digits; a leading +86/0086 country code is dropped. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  if (digits.length === 15 && digits.startsWith('0086')) return digits.slice(4);
  return digits;
}

/**
 * The key ring: the current key seals, every key (current and old) opens. Old keys stay until
 * `yiyuan keys rotate` has re-sealed every value under the current one.
 */
export class PiKeyRing {
  readonly current: PiKey;
  private readonly byId: Map<string, PiKey>;
  private readonly random: (n: number) => Buffer;

  constructor(materials: Buffer[], options: { random?: (n: number) => Buffer } = {}) {
    if (!materials.length) throw new Error('A key ring needs at least one key');
    const keys = materials.map(derivePiKey);
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k]));
    this.random = options.random ?? randomBytes;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  seal(context: PiContext, plaintext: string): Buffer {
    const key = this.current;
    const header = Buffer.concat([Buffer.from([PI_FORMAT_VERSION]), Buffer.from(key.id, 'hex')]);
    const iv = this.random(IV_BYTES);
    const body = Buffer.concat([header, iv, sm4CbcEncrypt(key.encKey, iv, Buffer.from(plaintext, 'utf8'))]);
    return Buffer.concat([body, tagOf(key, context, body)]);
  }

  /** The key id a sealed value names (for rotation), or null when it is not a sealed value. */
  keyIdOf(sealed: Buffer): string | null {
    if (sealed.length < MIN_SEALED_BYTES || sealed[0] !== PI_FORMAT_VERSION) return null;
    return sealed.subarray(1, HEADER_BYTES).toString('hex');
  }

  open(context: PiContext, sealed: Buffer): string {
    if (sealed.length < MIN_SEALED_BYTES || (sealed.length - HEADER_BYTES - IV_BYTES - TAG_BYTES) % 16 !== 0)
      throw new PiCryptoError('format', `length ${sealed.length}`);
    if (sealed[0] !== PI_FORMAT_VERSION) throw new PiCryptoError('format', `version ${sealed[0]}`);
    const id = sealed.subarray(1, HEADER_BYTES).toString('hex');
    const key = this.byId.get(id);
    if (!key) throw new PiCryptoError('unknown_key', `key ${id} is not configured`);
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    // Verify before decrypting (encrypt-then-MAC): an altered value never reaches SM4.
    if (!timingSafeEqual(tag, tagOf(key, context, body)))
      throw new PiCryptoError('tampered', `tag mismatch under key ${id}`);
    const iv = body.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    try {
      return sm4CbcDecrypt(key.encKey, iv, body.subarray(HEADER_BYTES + IV_BYTES)).toString('utf8');
    } catch {
      throw new PiCryptoError('tampered', 'padding');
    }
  }

  /** The keyed SM3 index under the current key (what is stored next to the sealed value). */
  index(context: PiContext, normalised: string): Buffer {
    return indexOf(this.current, context, normalised);
  }

  /** The index under every key of the ring: lookups match rows not yet rotated too. */
  indexes(context: PiContext, normalised: string): Buffer[] {
    return [...this.byId.values()].map((k) => indexOf(k, context, normalised));
  }
}

function tagOf(key: PiKey, context: PiContext, body: Buffer): Buffer {
  return hmacSm3(key.macKey, 'yiyuan-pi\0', context, '\0', body);
}

function indexOf(key: PiKey, context: PiContext, normalised: string): Buffer {
  return hmacSm3(key.indexKey, context, '\0', normalised);
}

/** A phone number as stored: sealed value and keyed index, or both null when there is none. */
export interface SealedPhone {
  phoneCipher: Buffer | null;
  phoneIndex: Buffer | null;
}

export const PHONE_CONTEXT: PiContext = 'enterprise_contacts.phone';

export function sealPhone(ring: PiKeyRing, phone: string): SealedPhone {
  const value = phone.trim();
  if (!value) return { phoneCipher: null, phoneIndex: null };
  return {
    phoneCipher: ring.seal(PHONE_CONTEXT, value),
    phoneIndex: ring.index(PHONE_CONTEXT, normalisePhone(value)),
  };
}

/** The stored phone number whole ('' when there is none); throws PiCryptoError when it cannot be opened. */
export function openPhone(ring: PiKeyRing, phoneCipher: Buffer | null): string {
  return phoneCipher ? ring.open(PHONE_CONTEXT, phoneCipher) : '';
}

/** TOTP secrets (set up and pending alike: a confirmed pending secret moves over as it is). */
export const TOTP_CONTEXT: PiContext = 'users.totp_secret';

export function sealTotpSecret(ring: PiKeyRing, secret: string): Buffer {
  return ring.seal(TOTP_CONTEXT, secret);
}

export function openTotpSecret(ring: PiKeyRing, sealed: Buffer): string {
  return ring.open(TOTP_CONTEXT, sealed);
}
