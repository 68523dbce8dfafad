/**
 * The tamper-evident trail: every row is chained to the previous one with SM3, and the verifier
 * names exactly the row where someone with the database's superuser changed, deleted or
 * reordered rows (the tampering happens in a transaction that is rolled back afterwards).
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import * as schema from '../../platform/db/schema';
import { testDatabase } from '../../test/database';
import { recordAudit, verifyChain } from './audit.service';
import { chainHash, GENESIS_HASH } from './core/chain';

let database: Database;
let superuser: pg.Client;
const subject = { userId: 1, username: 'tf', ip: '10.0.0.1' };

beforeAll(async () => {
  database = await testDatabase();
  superuser = new pg.Client({ connectionString: database.url });
  await superuser.connect();
  // Twenty writers at once, plain and repeatable-read, with details of every JSON shape.
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      database.transaction(
        async (tx) => {
          await recordAudit(tx, subject, {
            action: (['auth.login', 'user.update', 'platform.update'] as const)[i % 3]!,
            result: i % 4 === 0 ? 'failure' : 'success',
            objectType: 'platform',
            objectId: i,
            detail: { i, nested: { b: [1, 2.5, null, '中文'], a: true }, when: new Date(0), skip: undefined },
          });
        },
        { isolation: i % 5 === 0 ? 'repeatable read' : 'read committed' },
      ),
    ),
  );
});

afterAll(async () => {
  await superuser.end();
});

/** Runs `tamper` as the superuser with the append-only trigger off, verifies, rolls it all back. */
async function verifyAfter(tamper: string) {
  await superuser.query('begin');
  try {
    await superuser.query('alter table audit_log disable trigger user');
    await superuser.query(tamper);
    return await verifyChain(drizzle(superuser, { schema }));
  } finally {
    await superuser.query('rollback');
  }
}

const ids = async () =>
  (await superuser.query<{ id: string }>('select id from audit_log order by id')).rows.map((r) =>
    Number(r.id),
  );

describe('the hash chain', () => {
  it('links every row to the one before, from the genesis, also with concurrent writers', async () => {
    const report = await verifyChain(database.db);
    expect(report).toEqual({ ok: true, checked: 20, legacy: 0, broken: null, anchor: GENESIS_HASH });
    const { rows } = await superuser.query<{ prev_hash: string; hash: string }>(
      'select prev_hash, hash from audit_log order by id',
    );
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('is SM3 over the previous hash and the canonical row', () => {
    const row = {
      id: 1,
      at: '2026-01-01T00:00:00.000Z',
      userId: null,
      username: 'a',
      ip: null,
      action: 'x',
      objectType: null,
      objectId: null,
      result: 'success',
      detail: { b: 1, a: 2 },
    };
    expect(chainHash(GENESIS_HASH, row)).toBe(chainHash(GENESIS_HASH, { ...row, detail: { a: 2, b: 1 } }));
    expect(chainHash(GENESIS_HASH, row)).not.toBe(chainHash(GENESIS_HASH, { ...row, username: 'b' }));
    expect(chainHash(GENESIS_HASH, row)).toHaveLength(64);
  });

  it('names the changed row when one row is updated', async () => {
    const id = (await ids())[7]!;
    const report = await verifyAfter(
      `update audit_log set result = 'success', ip = '1.2.3.4' where id = ${id}`,
    );
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ id, reason: 'hash_mismatch' });
    expect(report.checked).toBe(7);
  });

  it('names the changed row when only its detail is edited', async () => {
    const id = (await ids())[12]!;
    const report = await verifyAfter(`update audit_log set detail = detail || '{"i": 99}' where id = ${id}`);
    expect(report.broken).toMatchObject({ id, reason: 'hash_mismatch' });
  });

  it('names the row after a deleted one', async () => {
    const all = await ids();
    const report = await verifyAfter(`delete from audit_log where id = ${all[4]}`);
    expect(report.broken).toMatchObject({ id: all[5], reason: 'link_mismatch' });
    expect(report.checked).toBe(4);
  });

  it('names the first row when the oldest row is deleted', async () => {
    const all = await ids();
    const report = await verifyAfter(`delete from audit_log where id = ${all[0]}`);
    expect(report.broken).toMatchObject({ id: all[1], reason: 'link_mismatch' });
  });

  it('names the first moved row when two rows swap places', async () => {
    const all = await ids();
    const [a, b] = [all[9]!, all[10]!];
    const report = await verifyAfter(
      `update audit_log set id = -1 where id = ${a}; update audit_log set id = ${a} where id = ${b};
       update audit_log set id = ${b} where id = -1`,
    );
    expect(report.broken).toMatchObject({ id: a, reason: 'link_mismatch' });
  });

  it('names a row without a hash inserted after the chain began', async () => {
    const report = await verifyAfter(
      `insert into audit_log (id, action, result) values (${(await ids()).at(-1)! + 100}, 'forged', 'success')`,
    );
    expect(report.broken).toMatchObject({ reason: 'unsealed' });
  });

  it('reports the time of the broken row', async () => {
    const id = (await ids())[3]!;
    const { rows } = await superuser.query<{ at: Date }>(`select at from audit_log where id = ${id}`);
    const report = await verifyAfter(`update audit_log set action = 'other' where id = ${id}`);
    expect(report.broken?.at).toBe(rows[0]!.at.toISOString());
  });

  it('fails closed: when the audit row cannot be written, the change it records is not kept', async () => {
    await superuser.query('create table audit_probe (n int); grant all on audit_probe to public');
    await expect(
      database.transaction(async (tx) => {
        await tx.execute(sql`insert into audit_probe values (1)`);
        await recordAudit(tx, subject, { action: 'auth.login', result: 'bogus' as 'success' });
      }),
    ).rejects.toThrow();
    const { rows } = await superuser.query('select * from audit_probe');
    expect(rows).toEqual([]);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });
});
