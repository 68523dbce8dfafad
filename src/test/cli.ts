/** Process tests of the `yiyuan` binary: a scratch data directory per test file (embedded PostgreSQL). */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/yiyuan.js');

/**
 * Registers the scratch directory's set-up and clean-up, and returns `run(...args)`, which runs
 * the binary there (never against DATABASE_URL) and returns its exit code and output, and `dir()`.
 */
export function cliHarness(prefix: string) {
  let dir = '';
  // The personal-information key of this scratch installation: random, never in the repository.
  const piKey = randomBytes(32).toString('base64');
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    await fs.chmod(dir, 0o755);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  async function run(...args: string[]) {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
        env: { ...env, YIYUAN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', YIYUAN_PI_KEY: piKey },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  return { run, dir: () => dir, piKey };
}
