/**
 * The account commands through the real `yiyuan` binary: the first administrator, the list, and
 * an unlock — each leaving its row in the audit trail under `system:cli`.
 */
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openEmbedded } from '../platform/db/embedded';
import { cliHarness } from '../test/cli';

const { run: yiyuan, dir: scratch } = cliHarness('yiyuan-cli-user-');

describe('yiyuan user create-admin / list / unlock / reset-mfa', () => {
  it('creates, lists and unlocks accounts, and audits the changes', async () => {
    const created = await yiyuan('--json', 'user', 'create-admin', '--username', 'first-sec');
    expect(created.code, created.stderr).toBe(0);
    const { user, oneTimePassword } = JSON.parse(created.stdout);
    expect(user).toMatchObject({ username: 'first-sec', role: 'security_admin', mustChangePassword: true });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);

    const wrongRole = await yiyuan('user', 'create-admin', '--username', 'x1', '--role', 'leader');
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/--role must be one of/);

    const list = await yiyuan('--json', 'user', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).users).toEqual([expect.objectContaining({ username: 'first-sec' })]);

    const unlocked = await yiyuan('--json', 'user', 'unlock', 'FIRST-SEC');
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(JSON.parse(unlocked.stdout)).toMatchObject({ ok: true, user: { username: 'first-sec' } });

    const mfaReset = await yiyuan('--json', 'user', 'reset-mfa', 'first-sec');
    expect(mfaReset.code, mfaReset.stderr).toBe(0);
    expect(JSON.parse(mfaReset.stdout)).toMatchObject({
      ok: true,
      user: { username: 'first-sec', mfaEnabled: false },
    });

    const missing = await yiyuan('user', 'unlock', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No account named nobody/);

    const cluster = await openEmbedded(path.join(scratch(), 'data'));
    const client = new pg.Client({ connectionString: cluster.url });
    try {
      await client.connect();
      const { rows } = await client.query(
        "select user_id, username, action, object_id from audit_log where action like 'user.%' order by id",
      );
      expect(rows).toEqual([
        { user_id: null, username: 'system:cli', action: 'user.create', object_id: String(user.id) },
        { user_id: null, username: 'system:cli', action: 'user.unlock', object_id: String(user.id) },
        { user_id: null, username: 'system:cli', action: 'user.mfa_reset', object_id: String(user.id) },
      ]);
    } finally {
      await client.end();
      await cluster.stop();
    }
  }, 240_000);
});
