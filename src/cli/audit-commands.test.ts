/**
 * The audit commands through the real `yiyuan` binary on the embedded database: verify (OK, then
 * the exact row after a superuser tampers with it), archive with its SM3 digest, purge within the
 * retention, and the SQL of `db grant --print` for an external database.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openEmbedded } from '../platform/db/embedded';
import { sm3Hex } from '../modules/audit/core/chain';
import { cliHarness } from '../test/cli';

const { run: yiyuan, dir: scratch } = cliHarness('yiyuan-cli-audit-');

describe('yiyuan audit verify / archive / purge, db grant', () => {
  it('verifies, names a tampered row, archives, purges nothing within the retention', async () => {
    await yiyuan('user', 'create-admin', '--username', 'sec1');
    await yiyuan('user', 'create-admin', '--username', 'sec2');
    const ok = await yiyuan('--json', 'audit', 'verify');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, broken: null });
    expect(JSON.parse(ok.stdout).checked).toBeGreaterThanOrEqual(2);

    const cluster = await openEmbedded(path.join(scratch(), 'data'));
    const client = new pg.Client({ connectionString: cluster.url });
    let tamperedId: number;
    try {
      await client.connect();
      const { rows } = await client.query<{ id: string }>(
        "select id from audit_log where action = 'user.create' order by id limit 1",
      );
      tamperedId = Number(rows[0]!.id);
      await client.query('alter table audit_log disable trigger user');
      await client.query(`update audit_log set username = 'someone-else' where id = ${tamperedId}`);
      await client.query('alter table audit_log enable trigger user');
    } finally {
      await client.end();
    }
    const broken = await yiyuan('audit', 'verify');
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(`breaks at row ${tamperedId}`);

    const file = path.join(scratch(), 'archive.jsonl.gz');
    const archived = await yiyuan('--json', 'audit', 'archive', '--before', '2999-01-01', '-o', file);
    expect(archived.code, archived.stderr).toBe(0);
    const summary = JSON.parse(archived.stdout);
    expect(summary.rows).toBeGreaterThanOrEqual(3);
    expect(summary.digest).toBe(sm3Hex(await fs.readFile(file)));

    const purged = await yiyuan('--json', 'audit', 'purge');
    expect(purged.code, purged.stderr).toBe(0);
    expect(JSON.parse(purged.stdout)).toMatchObject({ ok: true, purged: 0 });

    const grant = await yiyuan('db', 'grant', '--print');
    expect(grant.stdout).toContain('create role yiyuan_app');
    expect(grant.stdout).toContain('revoke update, delete, truncate on audit_log from yiyuan_app');
    await cluster.stop();
  }, 240_000);
});
