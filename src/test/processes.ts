/**
 * Process tests of the `yiyuan` binary beside a real server: scratch data directories (embedded
 * PostgreSQL), `yiyuan serve` and CLI children that can be killed at will, a direct connection to
 * the directory's database, table fingerprints, a seeded random source and an HTTP session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isAlive } from '../platform/db/embedded';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/yiyuan.js');
export const DEMO_PASSWORD = 'Yiyuan#Demo2025';

const dirs: string[] = [];
const children: ChildProcess[] = [];

export async function dataDir(prefix = 'yiyuan-proc-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** The personal-information key of these scratch installations: random, never in the repository. */
const PI_KEY = randomBytes(32).toString('base64');

export function env(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  // No second factor for the demo accounts these trials log in with (MFA has its own tests).
  return {
    ...rest,
    YIYUAN_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    YIYUAN_PI_KEY: PI_KEY,
    YIYUAN_MFA_ROLES: 'none',
    ...extra,
  };
}

export interface Child {
  child: ChildProcess;
  output: () => string;
  /** Exit code, or the signal's name when killed. */
  exited: Promise<number | string | null>;
}

export function start(dir: string, args: string[], extra: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: env(dir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => out, exited };
}

export interface Served extends Child {
  url: string;
}

/** `yiyuan serve` until it prints its address (rejects with its output when it exits first). */
export function serve(dir: string, args: string[] = ['--port', '0'], extra: NodeJS.ProcessEnv = {}) {
  const c = start(dir, ['serve', ...args], extra);
  return new Promise<Served>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(c.output());
      if (m) {
        clearInterval(timer);
        resolve({ ...c, url: m[1]! });
      }
    }, 50);
    void c.exited.then((code) => {
      clearInterval(timer);
      reject(Object.assign(new Error(`serve exited with ${code}: ${c.output()}`), { code, out: c.output() }));
    });
  });
}

/** Runs a CLI command to its end. */
export async function cli(dir: string, ...args: string[]) {
  const c = start(dir, args);
  const code = await c.exited;
  return { code, output: c.output() };
}

export async function postmasterPid(dir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  return text ? Number(text.split('\n')[0]) : null;
}

/** A connection to the directory's running embedded cluster (as its owner). */
export async function connectTo(dir: string): Promise<pg.Client> {
  const text = await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8');
  const port = Number(text.split('\n')[3]);
  const c = JSON.parse(await fs.readFile(path.join(dir, 'pg-credentials.json'), 'utf8')) as {
    user: string;
    password: string;
    database: string;
  };
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: c.user,
    password: c.password,
    database: c.database,
    application_name: 'yiyuan-test',
  });
  // The cluster may be stopped under it (a server's clean stop): that is no test failure.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/**
 * One hash per table over every row, with the columns that record when or by which job a row was
 * written left out (they legitimately differ between two runs writing the same data).
 */
export async function fingerprint(
  client: pg.Client,
  tables: string[],
  volatile: string[] = ['created_at', 'updated_at', 'import_id', 'version', 'confirmed_at'],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: number; h: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(j, '|' order by j), '')) as h
         from (select (to_jsonb(t) - $1::text[])::text as j from ${table} t) x`,
      [volatile],
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

/** Mulberry32: a small seeded generator, so every trial's kill point is repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every `everyMs` until it returns a value other than null/false. */
export async function until<T>(probe: () => Promise<T | null | false>, timeoutMs = 120_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(everyMs);
  }
}

/** A logged-in HTTP session against a started server. */
export async function login(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    get: (p: string) => fetch(`${url}${p}`, { headers }),
    post: (p: string, body?: unknown) =>
      fetch(`${url}${p}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }),
    upload: (p: string, fileName: string, content: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), fileName);
      return fetch(`${url}${p}`, { method: 'POST', headers, body: form });
    },
  };
}

/** Kills every child still running and stops every cluster left behind, then removes the directories. */
export async function cleanUp() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const dir of dirs) {
    const pid = await postmasterPid(dir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  }
  await sleep(1000);
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
}
