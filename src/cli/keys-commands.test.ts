/** `yiyuan keys generate`: a fresh random key each time, in a form YIYUAN_PI_KEY accepts. */
import { describe, expect, it } from 'vitest';
import { PiKeyRing, parsePiKey } from '../platform/crypto/personal-info';
import { cliHarness } from '../test/cli';

const { run: yiyuan } = cliHarness('yiyuan-cli-keys-');

describe('yiyuan keys generate', () => {
  it('prints a new 256-bit key and its id, different every time, storing nothing', async () => {
    const first = await yiyuan('--json', 'keys', 'generate');
    expect(first.code, first.stderr).toBe(0);
    const { key, keyId } = JSON.parse(first.stdout);
    const material = parsePiKey(key)!;
    expect(material).toHaveLength(32);
    expect(keyId).toBe(new PiKeyRing([material]).current.id);
    const human = await yiyuan('keys', 'generate');
    expect(human.stdout).toMatch(/^[A-Za-z0-9+/]{43}=\n# key id [0-9a-f]{8}/);
    expect(human.stdout).not.toContain(key);
  }, 240_000);
});
