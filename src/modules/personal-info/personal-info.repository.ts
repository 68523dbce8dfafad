/** The sealed personal-information columns, read and rewritten in batches (rotation, legacy sealing). */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';

/** Whether the clear phone numbers of a database from before sealing still wait to be sealed. */
export async function hasClearPhoneColumn(db: Db | Tx): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from information_schema.columns
     where table_schema = current_schema() and table_name = 'enterprise_contacts'
       and column_name = 'phone_clear_pending'`);
  return rows.rows.length > 0;
}

/** Keeps writers out of the contacts while their numbers are sealed or resealed. */
export async function lockContacts(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table enterprise_contacts in share row exclusive mode`);
}

export async function clearPhoneBatch(tx: Tx, afterId: number, limit: number) {
  const rows = await tx.execute<{ id: number; phone: string }>(sql`
    select id, phone_clear_pending as phone from enterprise_contacts
     where id > ${afterId} and phone_clear_pending is not null
     order by id limit ${limit}`);
  return rows.rows;
}

export async function dropClearPhoneColumn(tx: Tx): Promise<void> {
  await tx.execute(sql`alter table enterprise_contacts drop column phone_clear_pending`);
}

export async function countSealedPhones(db: Db | Tx): Promise<number> {
  const rows = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from enterprise_contacts where phone_cipher is not null`,
  );
  return Number(rows.rows[0]?.n ?? 0);
}

export async function sealedPhoneBatch(db: Db | Tx, afterId: number, limit: number) {
  const rows = await db.execute<{ id: number; phone_cipher: Buffer }>(sql`
    select id, phone_cipher from enterprise_contacts
     where id > ${afterId} and phone_cipher is not null
     order by id limit ${limit}`);
  return rows.rows.map((r) => ({ id: r.id, phoneCipher: r.phone_cipher }));
}

/** Rewrites the sealed numbers and their indexes of the given contacts. */
export async function writeSealedPhones(
  tx: Tx,
  rows: { id: number; phoneCipher: Buffer | null; phoneIndex: Buffer | null }[],
): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    update enterprise_contacts c set phone_cipher = v.cipher, phone_index = v.idx
      from unnest(${sql.param(rows.map((r) => r.id))}::int[],
                  ${sql.param(rows.map((r) => r.phoneCipher))}::bytea[],
                  ${sql.param(rows.map((r) => r.phoneIndex))}::bytea[]) as v(id, cipher, idx)
     where c.id = v.id`);
}

/** Sealed numbers per key id (the 4 bytes after the version byte). */
export async function countByKeyId(db: Db | Tx): Promise<Record<string, number>> {
  const rows = await db.execute<{ key_id: string; n: number }>(sql`
    select encode(substring(phone_cipher from 2 for 4), 'hex') as key_id, count(*)::int as n
      from enterprise_contacts where phone_cipher is not null group by 1 order by 1`);
  return Object.fromEntries(rows.rows.map((r) => [r.key_id, Number(r.n)]));
}

/** Whether clear TOTP secrets of a database from before sealing still wait to be sealed. */
export async function hasClearTotpColumns(db: Db | Tx): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from information_schema.columns
     where table_schema = current_schema() and table_name = 'users'
       and column_name = 'totp_secret_clear_pending'`);
  return rows.rows.length > 0;
}

export async function clearTotpRows(tx: Tx) {
  const rows = await tx.execute<{ id: number; secret: string | null; pending: string | null }>(sql`
    select id, totp_secret_clear_pending as secret, totp_pending_secret_clear_pending as pending
      from users
     where totp_secret_clear_pending is not null or totp_pending_secret_clear_pending is not null
     order by id for update`);
  return rows.rows;
}

export async function dropClearTotpColumns(tx: Tx): Promise<void> {
  await tx.execute(sql`alter table users drop column totp_secret_clear_pending,
                                         drop column totp_pending_secret_clear_pending`);
}

/** Every sealed TOTP secret (accounts are few: one batch), locked for rewriting. */
export async function sealedTotpRows(tx: Tx) {
  const rows = await tx.execute<{ id: number; secret: Buffer | null; pending: Buffer | null }>(sql`
    select id, totp_secret_sealed as secret, totp_pending_secret_sealed as pending from users
     where totp_secret_sealed is not null or totp_pending_secret_sealed is not null
     order by id for update`);
  return rows.rows;
}

export async function writeSealedTotp(
  tx: Tx,
  rows: { id: number; secret: Buffer | null; pending: Buffer | null }[],
): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    update users u set totp_secret_sealed = v.secret, totp_pending_secret_sealed = v.pending
      from unnest(${sql.param(rows.map((r) => r.id))}::int[],
                  ${sql.param(rows.map((r) => r.secret))}::bytea[],
                  ${sql.param(rows.map((r) => r.pending))}::bytea[]) as v(id, secret, pending)
     where u.id = v.id`);
}

/** Project contacts' sealed numbers (招商项目联系人): few, re-sealed in one transaction. */
export async function sealedProjectPhones(tx: Tx) {
  const rows = await tx.execute<{ id: number; phone_cipher: Buffer }>(sql`
    select id, phone_cipher from project_contacts where phone_cipher is not null order by id for update`);
  return rows.rows.map((r) => ({ id: r.id, phoneCipher: r.phone_cipher }));
}

export async function writeSealedProjectPhones(
  tx: Tx,
  rows: { id: number; phoneCipher: Buffer | null; phoneIndex: Buffer | null }[],
): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    update project_contacts c set phone_cipher = v.cipher, phone_index = v.idx
      from unnest(${sql.param(rows.map((r) => r.id))}::int[],
                  ${sql.param(rows.map((r) => r.phoneCipher))}::bytea[],
                  ${sql.param(rows.map((r) => r.phoneIndex))}::bytea[]) as v(id, cipher, idx)
     where c.id = v.id`);
}
