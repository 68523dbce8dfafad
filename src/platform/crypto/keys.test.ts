import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { DEMO_KEY_FILE, resolveKeyRing } from './keys';
import { PiKeyRing } from './personal-info';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiyuan-keys-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('personal-information keys', () => {
  it('production (not demo) without a key refuses to start, with advice', () => {
    const config = loadConfig({ YIYUAN_DATA_DIR: dir });
    expect(() => resolveKeyRing(config)).toThrowError(ConfigError);
    expect(() => resolveKeyRing(config)).toThrowError(/YIYUAN_PI_KEY.*yiyuan keys generate/s);
    expect(fs.existsSync(path.join(dir, DEMO_KEY_FILE))).toBe(false);
  });

  it('demo mode without a key generates a 0600 key file once and reuses it', () => {
    const config = loadConfig({ YIYUAN_DATA_DIR: path.join(dir, 'demo'), YIYUAN_DEMO: 'true' });
    const first = resolveKeyRing(config);
    const file = path.join(dir, 'demo', DEMO_KEY_FILE);
    expect(first.generated).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = resolveKeyRing(config);
    expect(second.generated).toBeNull();
    expect(second.ring.current.id).toBe(first.ring.current.id);
  });

  it('takes a list from YIYUAN_PI_KEY (first seals) and a file from YIYUAN_PI_KEY_FILE', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const fromEnv = resolveKeyRing(
      loadConfig({ YIYUAN_PI_KEY: `${a.toString('base64')},${b.toString('hex')}` }),
    ).ring;
    expect(fromEnv.current.id).toBe(new PiKeyRing([a]).current.id);
    expect(fromEnv.ids).toHaveLength(2);
    const file = path.join(dir, 'keys');
    fs.writeFileSync(file, `# current\n${b.toString('hex')}\n\n# old\n${a.toString('base64')}\n`, {
      mode: 0o644,
    });
    const fromFile = resolveKeyRing(loadConfig({ YIYUAN_PI_KEY_FILE: file }));
    expect(fromFile.ring.current.id).toBe(new PiKeyRing([b]).current.id);
    expect(fromFile.ring.ids).toHaveLength(2);
    expect(fromFile.warnings.join()).toMatch(/chmod 600/);
  });

  it('refuses a malformed key, a missing file, and both variables at once', () => {
    expect(() => resolveKeyRing(loadConfig({ YIYUAN_PI_KEY: 'password123' }))).toThrowError(
      /not 64 hex digits/,
    );
    expect(() => resolveKeyRing(loadConfig({ YIYUAN_PI_KEY_FILE: path.join(dir, 'missing') }))).toThrowError(
      /cannot read/,
    );
    expect(() => loadConfig({ YIYUAN_PI_KEY: 'x', YIYUAN_PI_KEY_FILE: 'y' })).toThrowError(/set one/);
  });
});
