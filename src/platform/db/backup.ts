/**
 * Logical backup and restore of the whole database, portable between the embedded cluster and
 * any PostgreSQL (no pg_dump needed, no server-version coupling).
 *
 * File format (gzip): a JSON header line, then per table a line `\table <json {name, columns}>`
 * followed by the table's rows in PostgreSQL COPY text format and a terminating `\.` line.
 * Sessions are not backed up (they hold live credentials). The last line, `\sm3 <hex>`, is the
 * SM3 digest of everything before it: restore refuses a file whose digest does not match (one
 * flipped byte) or that has none, before anything it loaded is committed.
 */
import { createHash } from 'node:crypto';
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
  /** 2: with the `\sm3` trailer. */
  formatVersion: 2;
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
    const sm3 = createHash('sm3');
    const write = async (chunk: string | Buffer) => {
      sm3.update(chunk);
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    };
    const migrations = await migrationCount(client);
    const header: Header = {
      format: FORMAT,
      formatVersion: 2,
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
    gzip.write(`\\sm3 ${sm3.digest('hex')}\n`);
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

/** Reads the whole file once and checks its `\\sm3` trailer; throws BackupFormatError when it fails. */
export async function verifyBackupFile(file: string): Promise<void> {
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const sm3 = createHash('sm3');
  let trailer: string | null = null;
  try {
    for await (const line of lines) {
      if (trailer !== null) throw corrupt(file); // nothing may follow the trailer
      if (line.startsWith('\\sm3 ')) trailer = line.slice(5);
      else sm3.update(`${line}\n`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof BackupFormatError) throw error;
    throw corrupt(file);
  } finally {
    lines.close();
  }
  if (trailer === null || trailer !== sm3.digest('hex')) throw corrupt(file);
}

const corrupt = (file: string) =>
  new BackupFormatError(
    `备份文件已损坏或被修改，校验失败，未恢复任何数据 / The backup file ${file} is damaged or was altered ` +
      '(its SM3 checksum does not match); nothing was restored.',
  );

/**
 * Replaces the content of every backed-up table with the file's rows, in one transaction. The
 * schema must already be migrated (to at least the backup's migration level).
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  // A first pass checks the digest, so a damaged file is refused with that reason before any
  // row of it reaches the database (the load checks it again as it reads).
  await verifyBackupFile(file);
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const sm3 = createHash('sm3');
  const raw = lines[Symbol.asyncIterator]();
  let trailer: string | null = null;
  // Every line but the trailer goes into the digest, exactly as the backup wrote it.
  const iterator = {
    async next(): Promise<IteratorResult<string>> {
      let next: IteratorResult<string>;
      try {
        next = await raw.next();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
        throw corrupt(file); // not gzip, or a damaged stream
      }
      if (!next.done && next.value.startsWith('\\sm3 ')) {
        trailer = next.value.slice(5);
        return { done: true, value: undefined };
      }
      if (!next.done) sm3.update(`${next.value}\n`);
      return next;
    },
  };
  try {
    const first = await iterator.next();
    let header: Header;
    try {
      header = JSON.parse(first.value ?? '') as Header;
    } catch {
      throw new BackupFormatError(`${file} is not a Yiyuan backup (no header)`);
    }
    if (header.format !== FORMAT) throw new BackupFormatError(`${file} is not a Yiyuan backup`);
    if (header.formatVersion < 2)
      throw new BackupFormatError(
        `备份文件没有校验和，无法验证 / ${file} has no checksum (written by an older Yiyuan); it cannot be verified.`,
      );
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
    // Nothing loaded is committed unless the whole file is exactly what the backup wrote.
    if (trailer === null || trailer !== sm3.digest('hex')) throw corrupt(file);
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
