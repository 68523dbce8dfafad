/**
 * Test database server for the whole run: the PostgreSQL in DATABASE_URL when set, otherwise a
 * fresh embedded cluster in a temporary directory. A template database is migrated once; every
 * test file clones it (see `testDatabase`).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, migrateDatabase } from '../platform/db/client';
import { openEmbedded, type EmbeddedCluster } from '../platform/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    engine: 'embedded' | 'external';
  }
}

let embedded: EmbeddedCluster | null = null;
let dataDir: string | null = null;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-test-'));
    await fs.chmod(dataDir, 0o755);
    embedded = await openEmbedded(dataDir);
    adminUrl = withDatabase(embedded.url, 'postgres');
  }
  const templateDatabase = `yiyuan_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabase}`);
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();
  const template = connect(withDatabase(adminUrl, templateDatabase), 'external', null);
  await migrateDatabase(template);
  await template.close();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('engine', external ? 'external' : 'embedded');
  console.log(
    `Database tests run on ${external ? `external PostgreSQL (${new URL(external).host})` : 'embedded PostgreSQL'}`,
  );

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${templateDatabase} with (force)`);
    await client.end();
    if (embedded) await embedded.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
