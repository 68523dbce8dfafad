/** A fresh, migrated database for one test file, cloned from the run's template. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connect, type Database } from '../platform/db/client';
import { loadConfig, type Config } from '../platform/config';

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
 * Configuration for tests: silent logs, generous login rate limit, public API docs and no second
 * factor (tests of those settings pass their own environment).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      LOG_LEVEL: 'silent',
      YIYUAN_LOGIN_RATE_LIMIT: '1000',
      YIYUAN_STRICT_RESPONSES: 'true',
      YIYUAN_API_DOCS: 'public',
      YIYUAN_MFA_ROLES: 'none',
      YIYUAN_DATA_DIR: path.join(os.tmpdir(), 'yiyuan-test-data'),
    },
    overrides,
  );
}
