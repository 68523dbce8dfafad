/**
 * The personal-information key lives outside the database and outside the repository (security
 * checklist 25): no tracked file holds a key file or a key assigned to YIYUAN_PI_KEY, and the
 * places keys are written (the data directory, *.key) are ignored by git. Tests make random keys.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { startServer } from '../../server/main';
import { DEMO_KEY_FILE } from './keys';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The tracked files (a source tree without git: every file but dependencies and build output). */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        if (['node_modules', '.git', 'dist', 'data', 'test-results'].includes(e.name)) continue;
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

describe('personal-information keys stay out of the repository', () => {
  it('no key file and no key literal for YIYUAN_PI_KEY is tracked', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => f.endsWith('.key') || path.basename(f) === DEMO_KEY_FILE)).toEqual([]);
    const literal = /YIYUAN_PI_KEY\s*[=:]\s*['"`]?(?:[A-Za-z0-9+/_-]{42,44}={0,2}|[0-9a-fA-F]{64})\b/;
    const offenders = files.filter((f) => {
      if (!/\.(ts|tsx|js|mjs|cjs|json|md|ya?ml|env|sh|txt|conf|service)$|^\.env|Dockerfile/.test(f))
        return false;
      const full = path.join(ROOT, f);
      return fs.existsSync(full) && literal.test(fs.readFileSync(full, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('git ignores the data directory (the demo key file) and *.key files', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toContain('/data/');
    expect(ignore).toContain('*.key');
  });

  it('a production server (not demo) without a key refuses to start, saying what to set', async () => {
    const config = loadConfig({
      YIYUAN_DATA_DIR: path.join(ROOT, 'test-results', 'no-key'),
      LOG_LEVEL: 'silent',
    });
    await expect(startServer(config)).rejects.toThrow(/YIYUAN_PI_KEY.*YIYUAN_PI_KEY_FILE/s);
  });
});
