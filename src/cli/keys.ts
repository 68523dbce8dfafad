/**
 * `yiyuan keys`: the personal-information keys. `generate` prints a new key; `status` shows which
 * key seals how many values; `rotate` re-seals every value under the current (first) key.
 */
import type { Command } from 'commander';
import { keyRingOf } from '../platform/crypto/keys';
import { generatePiKey, PiKeyRing } from '../platform/crypto/personal-info';
import { createServices } from '../server/services';
import { CLI_SUBJECT } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

export function registerKeys(program: Command) {
  const keys = program
    .command('keys')
    .description('Personal-information keys (SM4/SM3): generate, status, rotate');

  keys
    .command('generate')
    .description('Print a new random key (base64 of 32 bytes) and its key id; nothing is stored')
    .action(
      action(async (_opts, command: Command) => {
        const key = generatePiKey();
        const keyId = new PiKeyRing([Buffer.from(key, 'base64')]).current.id;
        output(
          command.optsWithGlobals(),
          { ok: true, key, keyId },
          () =>
            `${key}\n` +
            `# key id ${keyId}. Put it first in YIYUAN_PI_KEY (or the YIYUAN_PI_KEY_FILE file), keep the old\n` +
            `# key after it, run \`yiyuan keys rotate\`, then remove the old key. 请妥善保管，勿提交到代码库。`,
        );
      }),
    );

  keys
    .command('status')
    .description('Which configured key seals how many values')
    .action(
      action(async (_opts, command: Command) => {
        const config = configFrom();
        const status = await withDatabase(config, (database) =>
          createServices(database, config).personalInfo.status(),
        );
        output(command.optsWithGlobals(), { ok: true, ...status }, () =>
          [
            `Current key: ${status.currentKeyId}; configured: ${status.configuredKeyIds.join(', ')}`,
            ...Object.entries(status.sealedByKey).map(
              ([id, n]) =>
                `  ${id}: ${n} values${status.configuredKeyIds.includes(id) ? '' : '  ✖ key not configured'}`,
            ),
            status.clearValuesPending ? '  clear values wait to be sealed (start the server or rotate)' : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );

  keys
    .command('rotate')
    .description('Re-seal every value under the current key (restartable; audited)')
    .action(
      action(async (_opts, command: Command) => {
        const config = configFrom();
        const json = Boolean(command.optsWithGlobals().json);
        const ring = keyRingOf(config).ring;
        if (!json) process.stderr.write(`  re-sealing under key ${ring.current.id}…\n`);
        let shown = -1;
        const result = await withDatabase(config, (database) =>
          createServices(database, config).personalInfo.rotate(CLI_SUBJECT, (done, total) => {
            if (json) return;
            const percent = total ? Math.floor((done / total) * 100) : 100;
            if (percent === shown) return;
            shown = percent;
            process.stderr.write(`\r  ${done} / ${total} values (${percent}%)`);
          }),
        );
        if (!json) process.stderr.write('\n');
        const failed = result.unreadable.length + result.totpUnreadable.length;
        if (failed) process.exitCode = 1;
        output(command.optsWithGlobals(), { ok: failed === 0, ...result }, () =>
          failed
            ? `✖ ${failed} values no configured key opens (contacts ${result.unreadable
                .slice(0, 20)
                .join(', ')}; accounts' TOTP secrets ${result.totpUnreadable
                .slice(0, 20)
                .join(', ')}): add their key and run again. ${result.resealed} re-sealed.`
            : `✔ Every value is sealed under key ${result.keyId}: ${result.resealed} re-sealed, ` +
              `${result.alreadyCurrent} already were${result.legacySealed ? `, ${result.legacySealed} clear values sealed` : ''}, ` +
              `${result.totpResealed} TOTP secrets re-sealed. ` +
              'Old keys may now be removed.',
        );
      }),
    );
}
