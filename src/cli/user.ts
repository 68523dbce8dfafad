import type { Command } from 'commander';
import { ADMIN_ROLES, ROLE_NAMES, type Role } from '../modules/auth/core/access';
import { createServices } from '../server/services';
import { CLI_SUBJECT } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

const BOOTSTRAP_ROLES: Role[] = [...ADMIN_ROLES, 'task_force'];

export function registerUser(program: Command) {
  const user = program
    .command('user')
    .description('Accounts: create the first administrator, list, unlock, reset the second factor');

  user
    .command('create-admin')
    .description('Create an administrator with a one-time password (changed at first login)')
    .requiredOption('-u, --username <name>', 'login name')
    .option('-n, --display-name <name>', 'display name', '')
    .option('-r, --role <role>', `one of ${BOOTSTRAP_ROLES.join(', ')}`, 'security_admin')
    .action(
      action(async (opts: { username: string; displayName: string; role: Role }, command: Command) => {
        if (!BOOTSTRAP_ROLES.includes(opts.role))
          throw new Error(`--role must be one of ${BOOTSTRAP_ROLES.join(', ')}`);
        const config = configFrom();
        const result = await withDatabase(config, (database) =>
          createServices(database, config).users.operator.create(CLI_SUBJECT, {
            username: opts.username,
            displayName: opts.displayName || ROLE_NAMES[opts.role].zh,
            role: opts.role,
          }),
        );
        output(
          command.optsWithGlobals(),
          { ok: true, ...result },
          () =>
            `✔ Created ${result.user.username} (${ROLE_NAMES[opts.role].zh} / ${ROLE_NAMES[opts.role].en}).\n` +
            `  One-time password: ${result.oneTimePassword}\n` +
            '  It is shown only now; the user must change it at first login.',
        );
      }),
    );

  user
    .command('list')
    .description('List accounts')
    .action(
      action(async (_opts, command: Command) => {
        const config = configFrom();
        const rows = await withDatabase(config, (database) =>
          createServices(database, config).users.operator.list(),
        );
        output(command.optsWithGlobals(), { ok: true, users: rows }, () =>
          rows.length
            ? rows
                .map(
                  (u) =>
                    `${u.username.padEnd(16)} ${ROLE_NAMES[u.role].en.padEnd(24)} ${u.disabled ? 'disabled' : u.lockedUntil ? 'locked' : 'active'}`,
                )
                .join('\n')
            : 'No accounts yet. Create the first one with: yiyuan user create-admin --username <name>',
        );
      }),
    );

  user
    .command('unlock')
    .argument('<username>')
    .description('Clear a lockout after repeated failed logins')
    .action(
      action(async (username: string, _opts, command: Command) => {
        const config = configFrom();
        const found = await withDatabase(config, (database) =>
          createServices(database, config).users.operator.unlock(CLI_SUBJECT, username),
        );
        if (!found) throw new Error(`No account named ${username}. See: yiyuan user list`);
        output(
          command.optsWithGlobals(),
          { ok: true, user: found },
          () => `✔ ${found.username} is unlocked.`,
        );
      }),
    );

  user
    .command('reset-mfa')
    .argument('<username>')
    .description('Remove the second factor (TOTP) of an account; it is set up again at the next login')
    .action(
      action(async (username: string, _opts, command: Command) => {
        const config = configFrom();
        const found = await withDatabase(config, (database) =>
          createServices(database, config).users.operator.resetMfa(CLI_SUBJECT, username),
        );
        if (!found) throw new Error(`No account named ${username}. See: yiyuan user list`);
        output(
          command.optsWithGlobals(),
          { ok: true, user: found },
          () => `✔ The second factor of ${found.username} is removed; its sessions have ended.`,
        );
      }),
    );
}
