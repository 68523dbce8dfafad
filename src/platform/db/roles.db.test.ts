/**
 * V2: the application's connections act as the least-privilege role `yiyuan_app`. They cannot
 * change the schema, truncate, or change or delete audit rows — so they cannot switch off the
 * audit trail's guard either — while the application's normal writes still work.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyChain } from '../../modules/audit/audit.service';
import { seedDemo } from '../../modules/demo/demo.seed';
import { testDatabase } from '../../test/database';
import { migrateDatabase, openDatabase, type Database } from './client';
import { APP_GRANTS_SQL, APP_ROLE, ensureAppRole } from './roles';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});

const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'allowed',
    (error: Error) => error.message,
  );

describe('the application role', () => {
  it('is what the application pool acts as: not a superuser, not the owner', async () => {
    const { rows } = await database.pool.query<{ current_user: string; superuser: string }>(
      "select current_user, current_setting('is_superuser') as superuser",
    );
    expect(rows[0]).toEqual({ current_user: APP_ROLE, superuser: 'off' });
  });

  it.each([
    ['UPDATE audit_log', "update audit_log set action = 'x'"],
    ['DELETE audit_log', 'delete from audit_log'],
    ['TRUNCATE audit_log', 'truncate audit_log'],
    ['TRUNCATE a business table', 'truncate platforms cascade'],
    ['ALTER TABLE', 'alter table audit_log disable trigger user'],
    ['ALTER TABLE ADD COLUMN', 'alter table platforms add column x int'],
    ['DROP TRIGGER', 'drop trigger audit_log_no_update_delete on audit_log'],
    ['DROP TABLE', 'drop table audit_log'],
    ['CREATE TABLE', 'create table public.x (n int)'],
    ['replica mode (triggers off)', "set session_replication_role = 'replica'"],
    [
      'writing an archive record',
      "insert into audit_archives (before, rows, file, file_digest) values (now(), 0, 'x', 'x')",
    ],
    ['RESET ROLE to the owner', "reset role; update audit_log set action = 'x'"],
  ])('cannot %s', async (_what, statement) => {
    const client = await database.pool.connect();
    try {
      // RESET ROLE returns to the role set at connection start, which is the application role.
      expect(await refusal(client.query(statement))).toMatch(/permission denied|must be owner|append-only/);
    } finally {
      client.release();
    }
  });

  it('still does the application’s work: normal writes with their audit rows succeed', async () => {
    // The demo seed creates platforms and one account per role through the services.
    const demo = await seedDemo(database);
    expect(demo.users.length).toBeGreaterThan(0);
    await database.transaction(async (tx) => {
      await recordAudit(
        tx,
        { userId: 1, username: 'tf', ip: null },
        { action: 'auth.login', result: 'success' },
      );
    });
    const { rows } = await database.pool.query<{ n: number }>('select count(*)::int as n from platforms');
    expect(rows[0]!.n).toBeGreaterThan(0);
    const report = await verifyChain(database.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(1);
  });

  it('is created once per cluster: concurrent set-ups of the role and grants all succeed', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => database.owner.pool.connect()));
    try {
      await Promise.all(clients.map((c) => ensureAppRole(c)));
    } finally {
      clients.forEach((c) => c.release());
    }
    const { rows } = await database.owner.pool.query<{ p: boolean }>(
      "select has_table_privilege($1, 'audit_log', 'UPDATE') or has_table_privilege($1, 'audit_log', 'DELETE') or has_table_privilege($1, 'audit_log', 'TRUNCATE') as p",
      [APP_ROLE],
    );
    expect(rows[0]!.p).toBe(false);
    expect(APP_GRANTS_SQL).toContain(`revoke update, delete, truncate on audit_log from ${APP_ROLE}`);
  });
});

describe('on the embedded database', () => {
  let dir: string;
  let embedded: Database | null = null;
  afterAll(async () => {
    await embedded?.close({ stopEmbedded: true });
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('logs the application in as yiyuan_app with its own password', { timeout: 120_000 }, async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-roles-'));
    await fs.chmod(dir, 0o755);
    embedded = await openDatabase({ databaseUrl: null, appDatabaseUrl: null, dataDir: dir });
    await migrateDatabase(embedded);
    const { rows } = await embedded.pool.query<{ session_user: string; current_user: string }>(
      'select session_user, current_user',
    );
    expect(rows[0]).toEqual({ session_user: APP_ROLE, current_user: APP_ROLE });
    expect(await refusal(embedded.pool.query('alter table audit_log disable trigger user'))).toMatch(
      /must be owner/,
    );
    const credentials = JSON.parse(await fs.readFile(path.join(dir, 'pg-credentials.json'), 'utf8')) as {
      appPassword?: string;
    };
    expect(credentials.appPassword).toMatch(/^[\w-]{32}$/);
  });
});
