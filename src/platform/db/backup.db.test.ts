import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../modules/demo/demo.seed';
import { testDatabase } from '../../test/database';
import type { Database } from './client';
import { backupDatabase, BackupFormatError, restoreDatabase } from './backup';

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
    expect((await tableRows(target, 'users')).length).toBe(8);
  });
});
