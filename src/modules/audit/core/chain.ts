/**
 * The audit trail's hash chain (tamper evidence, GB/T 22239 8.1.4.3 c): every row's hash is
 * SM3(previous row's hash ‖ the row's canonical serialisation), so changing, deleting or
 * reordering a row breaks the link at that row. Pure: no database, no files.
 */
import { createHash } from 'node:crypto';

/** The anchor of a chain that has never been purged: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's hash covers (all of its columns but the hashes). */
export interface ChainedFields {
  id: number;
  /** ISO 8601 (UTC, milliseconds). */
  at: string;
  userId: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  detail: Record<string, unknown> | null;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The row as the hash sees it: a JSON array in a fixed column order. */
export function canonicalRow(row: ChainedFields): string {
  return canonicalJson([
    row.id,
    row.at,
    row.userId,
    row.username,
    row.ip,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.detail,
  ]);
}

/** SM3(prev_hash ‖ canonical row), hex. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sm3').update(prevHash, 'utf8').update(canonicalRow(row), 'utf8').digest('hex');
}

/** SM3 of a whole file or buffer, hex (archives, backups). */
export function sm3Hex(data: Buffer | string): string {
  return createHash('sm3').update(data).digest('hex');
}

/** A row as the verifier reads it. */
export interface StoredRow extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

export type BrokenReason =
  /** The row's content no longer gives its hash: it was changed. */
  | 'hash_mismatch'
  /** The row does not follow the one before it: a row was deleted, inserted or moved. */
  | 'link_mismatch'
  /** A row without a hash after the chain began. */
  | 'unsealed';

export interface BrokenLink {
  id: number;
  at: string;
  reason: BrokenReason;
}

/**
 * Walks rows in id order, one batch at a time. Rows without a hash are accepted only before the
 * first hashed row (written before the chain existed); the first hashed row must follow `anchor`.
 */
export class ChainVerifier {
  private prev: string;
  private started = false;
  checked = 0;
  legacy = 0;
  broken: BrokenLink | null = null;

  constructor(anchor: string = GENESIS_HASH) {
    this.prev = anchor;
  }

  /** Returns false once a broken link is found (stop reading). */
  push(row: StoredRow): boolean {
    if (this.broken) return false;
    if (row.hash === null) {
      if (this.started) {
        this.broken = { id: row.id, at: row.at, reason: 'unsealed' };
        return false;
      }
      this.legacy++;
      return true;
    }
    this.started = true;
    if (row.prevHash !== this.prev) {
      this.broken = { id: row.id, at: row.at, reason: 'link_mismatch' };
      return false;
    }
    if (chainHash(row.prevHash, row) !== row.hash) {
      this.broken = { id: row.id, at: row.at, reason: 'hash_mismatch' };
      return false;
    }
    this.prev = row.hash;
    this.checked++;
    return true;
  }
}
