/**
 * Retention (网络安全法第二十一条: at least six months): purge removes only rows older than the
 * retention and only once an archive holds them; the archive carries the hashes and its SM3
 * digest; the remaining trail still verifies from the anchor the purge leaves.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config';
import type { Database } from '../../platform/db/client';
import { testDatabase } from '../../test/database';
import { createAuditService, recordAudit, verifyChain } from './audit.service';
import { ChainVerifier, GENESIS_HASH, sm3Hex, type StoredRow } from './core/chain';
import type { AuditAction } from './core/actions';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T04:00:00Z');
let database: Database;
let audit: ReturnType<typeof createAuditService>;
let dir: string;
const operator = { userId: null, username: 'system:cli', ip: null };

/** Writes a row whose action is a marker (not a catalogue code): the trail stores any text. */
async function writeAt(daysAgo: number, action: string) {
  vi.setSystemTime(new Date(NOW.getTime() - daysAgo * DAY));
  await recordAudit(
    database.db,
    { userId: 1, username: 'tf', ip: null },
    { action: action as AuditAction, result: 'success' },
  );
}

const actions = async () =>
  (await database.pool.query<{ action: string }>('select action from audit_log order by id')).rows.map(
    (r) => r.action,
  );

beforeAll(async () => {
  database = await testDatabase();
  audit = createAuditService(database);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-audit-archive-'));
  vi.useFakeTimers({ toFake: ['Date'] });
  await writeAt(400, 'old.400');
  await writeAt(183, 'old.183');
  await writeAt(179, 'recent.179');
  await writeAt(1, 'recent.1');
  vi.setSystemTime(NOW);
});

afterAll(async () => {
  vi.useRealTimers();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('retention', () => {
  it('is at least 180 days: the configuration refuses less, and defaults to 365', () => {
    expect(() => loadConfig({ YIYUAN_AUDIT_RETENTION_DAYS: '179' })).toThrow(ConfigError);
    expect(loadConfig({ YIYUAN_AUDIT_RETENTION_DAYS: '180' }).auditRetentionDays).toBe(180);
    expect(loadConfig({}).auditRetentionDays).toBe(365);
  });

  it('purges nothing that no archive holds', async () => {
    const result = await audit.purge(operator, 180, NOW);
    expect(result.purged).toBe(0);
    expect((await actions()).slice(0, 4)).toEqual(['old.400', 'old.183', 'recent.179', 'recent.1']);
    await expect(audit.purge(operator, 179, NOW)).rejects.toThrow(/180/);
  });

  it('archives the rows older than the day given, with their hashes and the file’s SM3 digest', async () => {
    const file = path.join(dir, 'audit-2026.jsonl.gz');
    const archived = await audit.archive(operator, new Date(NOW.getTime() - 180 * DAY), file);
    expect(archived.rows).toBe(2);
    const bytes = await fs.readFile(file);
    expect(archived.digest).toBe(sm3Hex(bytes));
    expect(await fs.readFile(`${file}.sm3`, 'utf8')).toBe(`${archived.digest}  audit-2026.jsonl.gz\n`);
    const [header, ...lines] = gunzipSync(bytes).toString().trim().split('\n');
    expect(JSON.parse(header!)).toMatchObject({ format: 'yiyuan-audit-archive', anchor: GENESIS_HASH });
    const rows = lines.map((l) => JSON.parse(l) as StoredRow);
    expect(rows.map((r) => r.action)).toEqual(['old.400', 'old.183']);
    // The archive verifies on its own.
    const verifier = new ChainVerifier(GENESIS_HASH);
    expect(rows.every((r) => verifier.push(r))).toBe(true);
  });

  it('purges archived rows older than 180 days and keeps those at 179 days; the chain still verifies', async () => {
    const result = await audit.purge(operator, 180, NOW);
    expect(result.purged).toBe(2);
    const left = await actions();
    expect(left).not.toContain('old.400');
    expect(left).not.toContain('old.183');
    expect(left.slice(0, 2)).toEqual(['recent.179', 'recent.1']);
    const report = await verifyChain(database.db);
    expect(report.ok).toBe(true);
    expect(report.anchor).not.toBe(GENESIS_HASH);
    // New rows keep chaining after the purge.
    await recordAudit(database.db, operator, { action: 'after.purge' as AuditAction, result: 'success' });
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('with a longer retention keeps what the shorter one would purge', async () => {
    await writeAt(200, 'late.200'); // written late with an old clock: after the chain's newer rows
    vi.setSystemTime(NOW);
    await audit.archive(operator, NOW, path.join(dir, 'all.jsonl.gz'));
    const result = await audit.purge(operator, 365, NOW);
    expect(result.purged).toBe(0);
    expect(await actions()).toContain('recent.179');
  });

  it('the application role cannot purge: only the owner’s privileged path may delete archived rows', async () => {
    const refused = await database.pool.query("set yiyuan.audit_purge = 'on'; delete from audit_log").then(
      () => 'allowed',
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/permission denied/);
  });
});
