/**
 * Logical backup and restore of the whole database, portable between the embedded cluster and
 * any PostgreSQL (no pg_dump needed, no server-version coupling).
 *
 * File format (gzip): a JSON header line, then per table a line `\table <json {name, columns}>`
 * followed by the table's rows in PostgreSQL COPY text format and a terminating `\.` line.
 * Sessions are not backed up (they hold live credentials).
 */
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { APP_VERSION } from '../config';
import { unitOfWork } from './unit-of-work';

const FORMAT = 'yiyuan-backup';
const EXCLUDED = new Set(['sessions']);

export interface BackupSummary {
  file: string;
  tables: { name: string; rows: number }[];
  migrations: number;
}

interface Header {
  format: string;
  formatVersion: 1;
  appVersion: string;
  createdAt: string;
  migrations: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the public schema in foreign-key order (parents first). */
async function tablesInOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const { rows: deps } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const names = tables.map((t) => t.name).filter((n) => !EXCLUDED.has(n));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const d of deps.filter((d) => d.child === name)) if (names.includes(d.parent)) visit(d.parent, path);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

async function columnsOf(client: pg.PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

async function migrationCount(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return rows[0]?.n ?? 0;
}

export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const tmp = `${file}.partial`;
  // One snapshot for every table: the backup is consistent even while the server writes.
  const snapshot = async (client: pg.PoolClient) => {
    const gzip = createGzip();
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    const done = pipeline(gzip, out);
    const write = async (chunk: string | Buffer) => {
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    };
    const migrations = await migrationCount(client);
    const header: Header = {
      format: FORMAT,
      formatVersion: 1,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
    };
    await write(`${JSON.stringify(header)}\n`);
    const summary: BackupSummary = { file, tables: [], migrations };
    for (const name of await tablesInOrder(client)) {
      const columns = await columnsOf(client, name);
      await write(`\\table ${JSON.stringify({ name, columns })}\n`);
      let rows = 0;
      const stream = client.query(
        copyTo(`copy ${quoteIdent(name)} (${columns.map(quoteIdent).join(', ')}) to stdout`),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 10) rows++;
        await write(chunk);
      }
      await write('\\.\n');
      summary.tables.push({ name, rows });
    }
    gzip.end();
    await done;
    return summary;
  };
  try {
    const summary = await unitOfWork(pool)((_tx, client) => snapshot(client), {
      isolation: 'repeatable read',
      readOnly: true,
    });
    await fs.promises.rename(tmp, file);
    return summary;
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

export class BackupFormatError extends Error {}

/**
 * Replaces the content of every backed-up table with the file's rows, in one transaction. The
 * schema must already be migrated (to at least the backup's migration level).
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    let header: Header;
    try {
      header = JSON.parse(first.value ?? '') as Header;
    } catch {
      throw new BackupFormatError(`${file} is not a Yiyuan backup (no header)`);
    }
    if (header.format !== FORMAT) throw new BackupFormatError(`${file} is not a Yiyuan backup`);
    return await unitOfWork(pool)((_tx, client) => load(client, header));
  } finally {
    lines.close();
  }

  async function load(client: pg.PoolClient, header: Header): Promise<BackupSummary> {
    const migrations = await migrationCount(client);
    if (migrations < header.migrations) {
      throw new BackupFormatError(
        `The backup comes from a newer schema (${header.migrations} migrations, this database has ${migrations}); upgrade Yiyuan first.`,
      );
    }
    // Replica mode: no triggers (the audit trail's append-only guard) and no FK checks while loading.
    await client.query("set local session_replication_role = 'replica'");
    const tables = await tablesInOrder(client);
    await client.query(`delete from sessions`);
    for (const t of [...tables].reverse()) await client.query(`delete from ${quoteIdent(t)}`);
    const summary: BackupSummary = { file, tables: [], migrations: header.migrations };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.startsWith('\\table ')) throw new BackupFormatError(`Unexpected line in ${file}`);
      const { name, columns } = JSON.parse(next.value.slice(7)) as { name: string; columns: string[] };
      if (!tables.includes(name))
        throw new BackupFormatError(`The backup has a table this schema lacks: ${name}`);
      const copy = client.query(
        copyFrom(`copy ${quoteIdent(name)} (${columns.map(quoteIdent).join(', ')}) from stdin`),
      );
      const finished = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      finished.catch(() => {}); // awaited below; this only keeps an early error from going unhandled
      let rows = 0;
      let complete = false;
      for (;;) {
        const line = await iterator.next();
        if (line.done) break;
        if (line.value === '\\.') {
          complete = true;
          break;
        }
        rows++;
        if (!copy.write(`${line.value}\n`)) await Promise.race([once(copy, 'drain'), finished]);
      }
      // End the COPY either way so the connection stays in step, then judge.
      copy.end();
      await finished.catch((error: Error) => {
        if (complete) throw error;
      });
      if (!complete)
        throw new BackupFormatError(`${file} ends inside table ${name}: the backup is incomplete`);
      summary.tables.push({ name, rows });
    }
    // Serial sequences continue after the restored ids.
    const { rows: serials } = await client.query<{ table: string; column: string; seq: string }>(
      `select c.table_name as table, c.column_name as column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
         from information_schema.columns c
        where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`,
    );
    for (const s of serials) {
      await client.query(
        `select setval($1, coalesce((select max(${quoteIdent(s.column)}) from ${quoteIdent(s.table)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    return summary;
  }
}
