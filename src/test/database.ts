/** A fresh, migrated database for one test file, cloned from the run's template. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connect, type Database } from '../platform/db/client';
import { loadConfig, type Config } from '../platform/config';
import { PiKeyRing } from '../platform/crypto/personal-info';

export async function testDatabase(): Promise<Database> {
  const adminUrl = inject('adminUrl');
  const name = `yiyuan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template free of other sessions: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), 'external', null);
  afterAll(async () => {
    await database.close();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  return database;
}

/**
 * The personal-information key of this test process: random, so no key is ever written into the
 * repository.
 */
export const TEST_PI_KEY = randomBytes(32).toString('base64');
let testRing: PiKeyRing | null = null;
export function testKeyRing(): PiKeyRing {
  return (testRing ??= new PiKeyRing([Buffer.from(TEST_PI_KEY, 'base64')]));
}

/**
 * The data directory (uploads, key files) of this test file: its own, because job ids restart in
 * every cloned database and files running side by side would overwrite each other's uploads.
 * Removed when the worker exits.
 */
const TEST_DATA_DIR = path.join(os.tmpdir(), `yiyuan-test-data-${randomBytes(6).toString('hex')}`);
const worker = globalThis as { yiyuanTestDataDirs?: string[] };
if (!worker.yiyuanTestDataDirs) {
  const dirs: string[] = (worker.yiyuanTestDataDirs = []);
  process.once('exit', () => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
}
worker.yiyuanTestDataDirs.push(TEST_DATA_DIR);

/**
 * Configuration for tests: silent logs, generous login rate limit, this process's key, public API
 * docs and no second factor (tests of those settings pass their own environment).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      LOG_LEVEL: 'silent',
      YIYUAN_LOGIN_RATE_LIMIT: '1000',
      YIYUAN_STRICT_RESPONSES: 'true',
      YIYUAN_PI_KEY: TEST_PI_KEY,
      YIYUAN_API_DOCS: 'public',
      YIYUAN_MFA_ROLES: 'none',
      YIYUAN_DATA_DIR: TEST_DATA_DIR,
    },
    overrides,
  );
}
