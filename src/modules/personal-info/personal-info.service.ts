/**
 * Operations on the sealed personal information as a whole: sealing the clear numbers a database
 * from before sealing still holds, key rotation, and which key seals how many values. Only the
 * CLI and start-up call these; each leaves audit rows.
 */
import {
  PiCryptoError,
  PHONE_CONTEXT,
  PROJECT_PHONE_CONTEXT,
  sealPhone,
  sealTotpSecret,
  TOTP_CONTEXT,
  type PiKeyRing,
} from '../../platform/crypto/personal-info';
import type { Database } from '../../platform/db/client';
import { recordAudit, type AuditSubject } from '../audit/audit.service';
import {
  clearPhoneBatch,
  clearTotpRows,
  countByKeyId,
  countSealedPhones,
  dropClearPhoneColumn,
  dropClearTotpColumns,
  hasClearPhoneColumn,
  hasClearTotpColumns,
  sealedTotpRows,
  writeSealedTotp,
  lockContacts,
  sealedPhoneBatch,
  sealedProjectPhones,
  writeSealedPhones,
  writeSealedProjectPhones,
} from './personal-info.repository';

const BATCH = 1000;

export interface RotationResult {
  /** The key every value is sealed under afterwards. */
  keyId: string;
  total: number;
  resealed: number;
  /** Already under the current key (e.g. a rotation that was interrupted and run again). */
  alreadyCurrent: number;
  /** Contacts whose value no configured key opens (left as they are; the audit row names them). */
  unreadable: number[];
  /** Clear numbers of an older database sealed first. */
  legacySealed: number;
  /** Accounts whose TOTP secrets were re-sealed under the current key. */
  totpResealed: number;
  /** Accounts whose TOTP secret no configured key opens (left as they are). */
  totpUnreadable: number[];
  /** Project contacts' numbers re-sealed under the current key, and those no key opens. */
  projectResealed: number;
  projectUnreadable: number[];
}

export interface KeyStatus {
  currentKeyId: string;
  configuredKeyIds: string[];
  /** Sealed values per key id; ids not configured cannot be opened. */
  sealedByKey: Record<string, number>;
  clearValuesPending: boolean;
}

export function createPersonalInfoService(database: Database, keys: () => PiKeyRing) {
  const { db } = database;

  /**
   * Seals the clear numbers the migration moved aside (`phone_clear_pending`) and drops that
   * column, in one transaction. Returns how many were sealed (0 when there was nothing to do).
   */
  async function sealLegacy(subject: AuditSubject): Promise<number> {
    if (!(await hasClearPhoneColumn(db))) return 0;
    const ring = keys();
    // Dropping a column is DDL: the schema owner's connection, never the application role's.
    return database.owner.transaction(async (tx) => {
      await lockContacts(tx);
      if (!(await hasClearPhoneColumn(tx))) return 0;
      let after = 0;
      let sealed = 0;
      for (;;) {
        const batch = await clearPhoneBatch(tx, after, BATCH);
        if (!batch.length) break;
        await writeSealedPhones(
          tx,
          batch.map((r) => ({ id: r.id, ...sealPhone(ring, r.phone) })),
        );
        after = batch[batch.length - 1]!.id;
        sealed += batch.length;
      }
      await dropClearPhoneColumn(tx);
      await recordAudit(tx, subject, {
        action: 'personal_info.seal_legacy',
        result: 'success',
        objectType: 'enterprise_contacts',
        detail: { sealed, keyId: ring.current.id },
      });
      return sealed;
    });
  }

  /**
   * Seals the clear TOTP secrets the migration moved aside (`*_clear_pending` on users) and drops
   * those columns, in one transaction. Returns how many accounts were sealed.
   */
  async function sealLegacyTotp(subject: AuditSubject): Promise<number> {
    if (!(await hasClearTotpColumns(db))) return 0;
    const ring = keys();
    return database.owner.transaction(async (tx) => {
      if (!(await hasClearTotpColumns(tx))) return 0;
      const rows = await clearTotpRows(tx);
      await writeSealedTotp(
        tx,
        rows.map((r) => ({
          id: r.id,
          secret: r.secret ? sealTotpSecret(ring, r.secret) : null,
          pending: r.pending ? sealTotpSecret(ring, r.pending) : null,
        })),
      );
      await dropClearTotpColumns(tx);
      await recordAudit(tx, subject, {
        action: 'personal_info.seal_legacy',
        result: 'success',
        objectType: 'user_mfa_secrets',
        detail: { sealed: rows.length, keyId: ring.current.id },
      });
      return rows.length;
    });
  }

  /** Re-seals every TOTP secret not under the current key, in one transaction (accounts are few). */
  async function rotateTotp(ring: PiKeyRing) {
    return database.transaction(async (tx) => {
      const unreadable: number[] = [];
      const rewritten = [];
      const reseal = (v: Buffer | null) =>
        v && ring.keyIdOf(v) !== ring.current.id ? ring.seal(TOTP_CONTEXT, ring.open(TOTP_CONTEXT, v)) : v;
      for (const row of await sealedTotpRows(tx)) {
        try {
          const next = { id: row.id, secret: reseal(row.secret), pending: reseal(row.pending) };
          if (next.secret !== row.secret || next.pending !== row.pending) rewritten.push(next);
        } catch (error) {
          if (!(error instanceof PiCryptoError)) throw error;
          unreadable.push(row.id);
        }
      }
      await writeSealedTotp(tx, rewritten);
      return { resealed: rewritten.length, unreadable };
    });
  }

  /** Project contacts' numbers: re-sealed under the current key in one transaction. */
  async function rotateProjectPhones(ring: PiKeyRing) {
    return database.transaction(async (tx) => {
      const unreadable: number[] = [];
      const rewritten = [];
      for (const row of await sealedProjectPhones(tx)) {
        if (ring.keyIdOf(row.phoneCipher) === ring.current.id) continue;
        try {
          const phone = ring.open(PROJECT_PHONE_CONTEXT, row.phoneCipher);
          rewritten.push({ id: row.id, ...sealPhone(ring, phone, PROJECT_PHONE_CONTEXT) });
        } catch (error) {
          if (!(error instanceof PiCryptoError)) throw error;
          unreadable.push(row.id);
        }
      }
      await writeSealedProjectPhones(tx, rewritten);
      return { resealed: rewritten.length, unreadable };
    });
  }

  return {
    sealLegacy,
    sealLegacyTotp,

    async status(): Promise<KeyStatus> {
      const ring = keys();
      return {
        currentKeyId: ring.current.id,
        configuredKeyIds: ring.ids,
        sealedByKey: await countByKeyId(db),
        clearValuesPending: await hasClearPhoneColumn(db),
      };
    },

    /**
     * Re-seals every value under the current key, a batch per transaction: an interrupted run
     * is simply run again (values already under the current key are skipped). Audited at the
     * start and at the end; `onProgress` hears the values handled so far.
     */
    async rotate(
      subject: AuditSubject,
      onProgress: (done: number, total: number) => void = () => {},
    ): Promise<RotationResult> {
      const ring = keys();
      const legacySealed = await sealLegacy(subject);
      await sealLegacyTotp(subject);
      const total = await countSealedPhones(db);
      await recordAudit(db, subject, {
        action: 'personal_info.rotate_start',
        result: 'success',
        objectType: 'enterprise_contacts',
        detail: { keyId: ring.current.id, total },
      });
      const result: RotationResult = {
        keyId: ring.current.id,
        total,
        resealed: 0,
        alreadyCurrent: 0,
        unreadable: [],
        legacySealed,
        totpResealed: 0,
        totpUnreadable: [],
        projectResealed: 0,
        projectUnreadable: [],
      };
      let after = 0;
      let done = 0;
      onProgress(0, total);
      for (;;) {
        const handled = await database.transaction(async (tx) => {
          await lockContacts(tx);
          const batch = await sealedPhoneBatch(tx, after, BATCH);
          const rewritten = [];
          for (const row of batch) {
            if (ring.keyIdOf(row.phoneCipher) === ring.current.id) {
              result.alreadyCurrent++;
              continue;
            }
            try {
              rewritten.push({ id: row.id, ...sealPhone(ring, ring.open(PHONE_CONTEXT, row.phoneCipher)) });
            } catch (error) {
              if (!(error instanceof PiCryptoError)) throw error;
              result.unreadable.push(row.id);
            }
          }
          await writeSealedPhones(tx, rewritten);
          result.resealed += rewritten.length;
          return batch;
        });
        if (!handled.length) break;
        after = handled[handled.length - 1]!.id;
        done += handled.length;
        onProgress(done, Math.max(total, done));
      }
      const totp = await rotateTotp(ring);
      result.totpResealed = totp.resealed;
      result.totpUnreadable = totp.unreadable;
      const projects = await rotateProjectPhones(ring);
      result.projectResealed = projects.resealed;
      result.projectUnreadable = projects.unreadable;
      await recordAudit(db, subject, {
        action: 'personal_info.rotate',
        result:
          result.unreadable.length || totp.unreadable.length || projects.unreadable.length
            ? 'failure'
            : 'success',
        objectType: 'enterprise_contacts',
        detail: {
          keyId: result.keyId,
          total: result.total,
          resealed: result.resealed,
          alreadyCurrent: result.alreadyCurrent,
          unreadable: result.unreadable.length,
          unreadableContactIds: result.unreadable.slice(0, 100),
          legacySealed,
          totpResealed: totp.resealed,
          totpUnreadableUserIds: totp.unreadable,
          projectResealed: projects.resealed,
          projectUnreadableContactIds: projects.unreadable,
        },
      });
      return result;
    },
  };
}
export type PersonalInfoService = ReturnType<typeof createPersonalInfoService>;
