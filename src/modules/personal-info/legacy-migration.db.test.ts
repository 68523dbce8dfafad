/**
 * Migration 0010 on a database from before sealing: SQL cannot do SM4, so the clear numbers move
 * aside (`phone_clear_pending`) and start-up seals them and drops that column; a database without
 * clear numbers loses the column in the migration itself. The migration's own SQL is run here on
 * a table put back into its earlier shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPhone } from '../../platform/crypto/personal-info';
import type { Database } from '../../platform/db/client';
import { testDatabase, testKeyRing } from '../../test/database';
import { seedDemo } from '../demo/demo.seed';
import { createPersonalInfoService } from './personal-info.service';

const MIGRATION = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../platform/db/migrations/0010_contact_phone_sealed.sql',
);

/** Puts enterprise_contacts back as it was before 0010, with the given clear numbers. */
async function before0010(database: Database, phones: string[]) {
  await database.owner.pool.query(`
    alter table enterprise_contacts drop constraint enterprise_contacts_phone_sealed;
    drop index enterprise_contacts_phone_index_idx;
    alter table enterprise_contacts drop column phone_cipher, drop column phone_index,
      add column phone text not null default ''`);
  const enterprise = await database.owner.pool.query<{ id: number }>(
    'select id from enterprises order by id limit 1',
  );
  for (const phone of phones)
    await database.owner.pool.query(
      "insert into enterprise_contacts (enterprise_id, name, phone) values ($1, '旧联系人', $2)",
      [enterprise.rows[0]!.id, phone],
    );
}

async function runMigration(database: Database) {
  for (const statement of fs.readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint'))
    await database.owner.pool.query(statement);
}

async function columns(database: Database) {
  const { rows } = await database.owner.pool.query<{ c: string }>(
    "select column_name as c from information_schema.columns where table_name = 'enterprise_contacts' order by 1",
  );
  return rows.map((r) => r.c);
}

describe('migration 0010 (contact phones sealed)', () => {
  it('moves clear numbers aside for start-up to seal, then the clear column is gone', async () => {
    const database = await testDatabase();
    await seedDemo(database);
    await before0010(database, ['13811112222', '', '0571-87654321']);
    await runMigration(database);
    expect(await columns(database)).toContain('phone_clear_pending');
    const pending = await database.owner.pool.query(
      'select phone_clear_pending as p from enterprise_contacts order by id',
    );
    expect(pending.rows.map((r) => r.p)).toEqual(['13811112222', null, '0571-87654321']);

    const service = createPersonalInfoService(database, testKeyRing);
    expect(await service.sealLegacy({ userId: null, username: 'system:startup', ip: null })).toBe(2);
    expect(await columns(database)).not.toContain('phone_clear_pending');
    const { rows } = await database.owner.pool.query<{ c: Buffer | null; i: Buffer | null; j: string }>(
      'select phone_cipher as c, phone_index as i, row_to_json(t)::text as j from enterprise_contacts t order by id',
    );
    expect(rows.map((r) => openPhone(testKeyRing(), r.c))).toEqual(['13811112222', '', '0571-87654321']);
    expect(rows[1]!.i).toBeNull();
    expect(rows.map((r) => r.j).join()).not.toMatch(/13811112222|87654321/);
  });

  it('drops the clear column at once when no number is stored', async () => {
    const database = await testDatabase();
    await seedDemo(database);
    await before0010(database, ['', '  ']);
    await runMigration(database);
    expect(await columns(database)).toEqual([
      'enterprise_id',
      'id',
      'name',
      'phone_cipher',
      'phone_index',
      'title',
    ]);
  });
});
