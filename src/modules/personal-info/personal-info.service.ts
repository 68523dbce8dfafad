/**
 * Operations on the sealed personal information as a whole: sealing the clear numbers a database
 * from before sealing still holds, key rotation, and which key seals how many values. Only the
 * CLI and start-up call these; each leaves audit rows.
 */
import { PiCryptoError, PHONE_CONTEXT, sealPhone, type PiKeyRing } from '../../platform/crypto/personal-info';
import type { Database } from '../../platform/db/client';
import { recordAudit, type AuditSubject } from '../audit/audit.service';
import {
  clearPhoneBatch,
  countByKeyId,
  countSealedPhones,
  dropClearPhoneColumn,
  hasClearPhoneColumn,
  lockContacts,
  sealedPhoneBatch,
  writeSealedPhones,
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

  return {
    sealLegacy,

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
      await recordAudit(db, subject, {
        action: 'personal_info.rotate',
        result: result.unreadable.length ? 'failure' : 'success',
        objectType: 'enterprise_contacts',
        detail: {
          keyId: result.keyId,
          total: result.total,
          resealed: result.resealed,
          alreadyCurrent: result.alreadyCurrent,
          unreadable: result.unreadable.length,
          unreadableContactIds: result.unreadable.slice(0, 100),
          legacySealed,
        },
      });
      return result;
    },
  };
}
export type PersonalInfoService = ReturnType<typeof createPersonalInfoService>;
