import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLATFORMS, seedDemo } from '../../modules/demo/demo.seed';
import { testDatabase } from '../../test/database';
import type { Database } from './client';
import { verifyChain } from '../../modules/audit/audit.service';
import { backupDatabase, BackupFormatError, restoreDatabase } from './backup';
import { DEMO_COMMISSIONERS_PER_PLATFORM } from '../../modules/demo/core/demo-services';

/** One demo account per role, and each demo platform's commissioners (one of them the demo login). */
const DEMO_ACCOUNTS = 9 + DEMO_PLATFORMS.length * DEMO_COMMISSIONERS_PER_PLATFORM - 1;

let source: Database;
let target: Database;
let dir: string;

beforeAll(async () => {
  source = await testDatabase();
  target = await testDatabase();
  await seedDemo(source);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-backup-'));
});

async function tableRows(database: Database, table: string) {
  return (await database.pool.query(`select * from ${table} order by 1, 2`)).rows;
}

describe('backup and restore', () => {
  it('round-trips every table', async () => {
    const file = path.join(dir, 'a.gz');
    const written = await backupDatabase(source.pool, file);
    expect(written.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['users', 'platforms', 'audit_log', 'districts']),
    );
    expect(written.tables.map((t) => t.name)).not.toContain('sessions');
    // Parents come before children.
    const order = written.tables.map((t) => t.name);
    expect(order.indexOf('platforms')).toBeLessThan(order.indexOf('platform_industries'));
    const restored = await restoreDatabase(target.owner.pool, file);
    expect(restored.tables).toEqual(written.tables);
    for (const { name } of written.tables)
      expect(await tableRows(target, name), name).toEqual(await tableRows(source, name));
  });

  it('refuses a file that is not a backup and leaves the data untouched', async () => {
    const file = path.join(dir, 'junk.gz');
    const { gzipSync } = await import('node:zlib');
    await fs.writeFile(file, gzipSync('hello\n'));
    await expect(restoreDatabase(target.owner.pool, file)).rejects.toBeInstanceOf(BackupFormatError);
    expect((await tableRows(target, 'platforms')).length).toBe(16);
  });

  it('rolls back completely when the file is cut short', async () => {
    const full = path.join(dir, 'a.gz');
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const text = gunzipSync(await fs.readFile(full)).toString();
    const cut = path.join(dir, 'cut.gz');
    await fs.writeFile(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    await expect(restoreDatabase(target.owner.pool, cut)).rejects.toThrow();
    expect((await tableRows(target, 'platforms')).length).toBe(16);
    expect((await tableRows(target, 'users')).length).toBe(DEMO_ACCOUNTS);
  });

  it('refuses a backup with one flipped byte, with a clear message, and leaves the data untouched', async () => {
    const bytes = await fs.readFile(path.join(dir, 'a.gz'));
    for (const at of [Math.floor(bytes.length / 2), bytes.length - 12]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0x01;
      const file = path.join(dir, `flipped-${at}.gz`);
      await fs.writeFile(file, flipped);
      const error = await restoreDatabase(target.owner.pool, file).catch((e: Error) => e);
      expect(error).toBeInstanceOf(BackupFormatError);
      expect((error as Error).message).toMatch(/校验失败.*checksum does not match/s);
    }
    expect((await tableRows(target, 'platforms')).length).toBe(16);
  });

  it('refuses a backup whose content was edited and re-compressed (a valid gzip)', async () => {
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const text = gunzipSync(await fs.readFile(path.join(dir, 'a.gz'))).toString();
    const edited = text.replace('system:demo-seed', 'system:demo-seeX');
    expect(edited).not.toBe(text);
    const file = path.join(dir, 'edited.gz');
    await fs.writeFile(file, gzipSync(edited));
    await expect(restoreDatabase(target.owner.pool, file)).rejects.toThrow(/checksum does not match/);
    const stripped = path.join(dir, 'stripped.gz');
    await fs.writeFile(stripped, gzipSync(text.replace(/\\sm3 [0-9a-f]{64}\n$/, '')));
    await expect(restoreDatabase(target.owner.pool, stripped)).rejects.toThrow(/checksum does not match/);
  });

  it('keeps the audit trail’s protections after a restore: trigger, grants, a verifying chain', async () => {
    await restoreDatabase(target.owner.pool, path.join(dir, 'a.gz'));
    const report = await verifyChain(target.db);
    expect(report).toMatchObject({ ok: true, broken: null });
    expect(report.checked).toBeGreaterThan(0);
    const { rows } = await target.owner.pool.query<{ tgenabled: string }>(
      "select tgenabled from pg_trigger where tgname like 'audit_log_no_%' order by tgname",
    );
    expect(rows.map((r) => r.tgenabled)).toEqual(['O', 'O']);
    await expect(target.pool.query("update audit_log set action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(target.owner.pool.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
  });
});
