/**
 * The embedded database's life cycle, through the real `yiyuan` command in child processes:
 * one server per data directory, CLI beside a running server, clean stop, recovery after
 * SIGKILL, and backup → restore into a fresh directory.
 */
import { randomBytes } from 'node:crypto';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded, isAlive } from './embedded';
import pg from 'pg';
import { DEMO_COMMISSIONERS_PER_PLATFORM } from '../../modules/demo/core/demo-services';
import { DEMO_PLATFORMS } from '../../modules/demo/demo.seed';

/** One demo account per role, and each demo platform's commissioners (one of them the demo login). */
const DEMO_ACCOUNTS = 9 + DEMO_PLATFORMS.length * DEMO_COMMISSIONERS_PER_PLATFORM - 1;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/yiyuan.js');
const run = promisify(execFile);
const dirs: string[] = [];
const children: ChildProcess[] = [];

async function dataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yiyuan-life-'));
  await fs.chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** The personal-information key of these scratch installations: random, never in the repository. */
const PI_KEY = randomBytes(32).toString('base64');

function env(dir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return {
    ...rest,
    YIYUAN_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    YIYUAN_DEMO_SCALE: '200',
    YIYUAN_PI_KEY: PI_KEY,
  };
}

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function serve(dir: string, extra: string[] = ['--demo']): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...extra], {
    env: env(dir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ child, url: m[1]!, output: () => out, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(Object.assign(new Error(`serve exited with ${code}: ${out}`), { code, out }));
    });
  });
}

async function cli(dir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: env(dir) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function postmasterPid(dir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  return text ? Number(text.split('\n')[0]) : null;
}

async function health(url: string) {
  return (await fetch(`${url}/api/health`)).json();
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const dir of dirs) {
    const pid = await postmasterPid(dir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  }
  await new Promise((r) => setTimeout(r, 1000));
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

// Each case starts real servers and CLI processes, each starting and stopping PostgreSQL.
describe('embedded database life cycle', { timeout: 240_000 }, () => {
  it('refuses a second server, serves CLI commands beside the first, and stops cleanly on SIGTERM', async () => {
    const dir = await dataDir();
    const first = await serve(dir);
    expect(await health(first.url)).toMatchObject({ status: 'ok', database: 'up' });
    expect(first.output()).toContain('taskforce');

    const second = await serve(dir).catch((e: { code: number; out: string }) => e);
    expect(second).toMatchObject({ code: 1 });
    expect((second as { out: string }).out).toMatch(/already using the data directory/);

    const users = await cli(dir, '--json', 'user', 'list');
    expect(users.code).toBe(0);
    expect(JSON.parse(users.stdout).users.map((u: { username: string }) => u.username)).toContain(
      'taskforce',
    );
    // The CLI attached to the server's database and left it running.
    expect(await health(first.url)).toMatchObject({ database: 'up' });

    const pgPid = await postmasterPid(dir);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Stopped cleanly');
    expect(isAlive(pgPid!)).toBe(false);
    expect(await postmasterPid(dir)).toBeNull();

    // With no server running, a CLI command starts the database and stops it again.
    const list = await cli(dir, 'user', 'list');
    expect(list.code).toBe(0);
    expect(await postmasterPid(dir)).toBeNull();
  });

  it('starts again after SIGKILL, whether PostgreSQL survived as an orphan or died too', async () => {
    const dir = await dataDir();
    const first = await serve(dir);
    first.child.kill('SIGKILL');
    await first.exited;
    const orphan = await postmasterPid(dir);
    expect(orphan && isAlive(orphan)).toBe(true);

    const second = await serve(dir, []);
    expect(await health(second.url)).toMatchObject({ database: 'up' });
    second.child.kill('SIGKILL');
    await second.exited;
    const pid = (await postmasterPid(dir))!;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
    expect(await postmasterPid(dir)).toBe(pid); // a stale postmaster.pid is left behind

    const third = await serve(dir, []);
    expect(await health(third.url)).toMatchObject({ database: 'up' });
    const users = await cli(dir, '--json', 'user', 'list');
    expect(JSON.parse(users.stdout).users).toHaveLength(DEMO_ACCOUNTS);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  });

  it('backup → restore into a fresh directory gives the same data, table by table', async () => {
    const source = await dataDir();
    const server = await serve(source);
    // Change something beyond the seed, through the API.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
      body: JSON.stringify({ username: 'taskforce', password: 'Yiyuan#Demo2025' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${server.url}/api/platforms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({
        name: '备份测试园区',
        type: 'other',
        districtCode: '330127',
        leadingIndustries: ['green_energy', 'other'],
      }),
    });
    expect(created.status).toBe(201);

    const file = path.join(source, 'backup.yiyuan.gz');
    const backup = await cli(source, '--json', 'db', 'backup', file);
    expect(backup.code, backup.stderr).toBe(0);
    server.child.kill('SIGTERM');
    await server.exited;

    const target = await dataDir();
    const restore = await cli(target, 'db', 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    const again = await cli(target, 'db', 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--force/);

    const a = await openEmbedded(source);
    const b = await openEmbedded(target);
    try {
      const tables = JSON.parse(backup.stdout).tables as { name: string; rows: number }[];
      expect(tables.find((t) => t.name === 'platforms')?.rows).toBe(17);
      for (const { name } of tables) {
        const q = `select * from ${name} ${name === 'audit_log' ? "where action not in ('db.backup', 'db.restore')" : ''} order by 1, 2`;
        const rowsOf = async (url: string) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          const { rows } = await client.query(q);
          await client.end();
          return rows;
        };
        expect(await rowsOf(b.url), name).toEqual(await rowsOf(a.url));
      }
      // Sequences continue after the restored ids.
      const client = new pg.Client({ connectionString: b.url });
      await client.connect();
      const { rows } = await client.query(
        "insert into platforms (name, type, district_code) values ('新', 'other', '330127') returning id",
      );
      await client.end();
      expect(rows[0].id).toBe(18);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('exits non-zero with advice when the configuration is wrong', async () => {
    const dir = await dataDir();
    const { code, stderr } = await run(process.execPath, [BIN, 'user', 'list'], {
      env: { ...env(dir), PORT: 'eighty' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT=eighty/);
  });
});
