/** `yiyuan notifications deliver`: one pass of the group-robot outbox (what the server does every 15 s). */
import type { Command } from 'commander';
import { createServices } from '../server/services';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

export function registerNotifications(program: Command) {
  const notifications = program.command('notifications').description('Notifications: the group-robot outbox');
  notifications
    .command('deliver')
    .description(
      'Send the queued webhook messages whose time has come, once (failures wait for their next attempt)',
    )
    .action(
      action(async (_opts: unknown, command: Command) => {
        const run = await withDatabase(configFrom(), (database) =>
          createServices(database, configFrom()).notifications.deliverDue(),
        );
        output(
          command.optsWithGlobals(),
          run,
          () => `sent ${run.sent}, to retry ${run.retried}, failed ${run.failed}`,
        );
      }),
    );
}
