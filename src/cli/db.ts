import path from 'node:path';
import type { Command } from 'commander';
import { migrateDatabase } from '../platform/db/client';
import { APP_GRANTS_SQL, APP_ROLE, APP_ROLE_SQL } from '../platform/db/roles';
import { readServerLock } from '../platform/server-lock';
import { createServices } from '../server/services';
import { CLI_SUBJECT } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

export function registerDb(program: Command) {
  const db = program.command('db').description('Database: migrate, backup, restore');

  db.command('migrate')
    .description('Apply pending schema migrations')
    .action(
      action(async (_opts, command: Command) => {
        const applied = await withDatabase(configFrom(), (database) => migrateDatabase(database), {
          migrate: false,
        });
        output(
          command.optsWithGlobals(),
          { ok: true, migrations: applied },
          () => `✔ Database schema is up to date (${applied} migrations applied in total).`,
        );
      }),
    );

  db.command('grant')
    .option('--print', 'print the SQL for a database administrator instead of applying it')
    .description('Create the least-privilege application role yiyuan_app and apply its grants')
    .action(
      action(async (opts: { print?: boolean }, command: Command) => {
        if (opts.print) {
          console.log(`${APP_ROLE_SQL}\n${APP_GRANTS_SQL}`);
          return;
        }
        const applied = await withDatabase(configFrom(), (database) => migrateDatabase(database), {
          migrate: false,
        });
        output(
          command.optsWithGlobals(),
          { ok: true, role: APP_ROLE, migrations: applied },
          () =>
            `✔ The application role ${APP_ROLE} exists and holds its grants (schema at ${applied} migrations).`,
        );
      }),
    );

  db.command('backup')
    .argument('<file>', 'backup file to write (gzip)')
    .description('Write a consistent backup of the whole database to FILE')
    .action(
      action(async (file: string, _opts, command: Command) => {
        const target = path.resolve(file);
        const config = configFrom();
        const summary = await withDatabase(config, (database) =>
          createServices(database, config).system.backup(CLI_SUBJECT, target),
        );
        const rows = summary.tables.reduce((s, t) => s + t.rows, 0);
        output(
          command.optsWithGlobals(),
          { ok: true, ...summary },
          () => `✔ Backup written to ${target}: ${summary.tables.length} tables, ${rows} rows.`,
        );
      }),
    );

  db.command('restore')
    .argument('<file>', 'backup file written by `yiyuan db backup`')
    .option('--force', 'replace a database that already holds data')
    .description('Replace the whole database with the content of FILE')
    .action(
      action(async (file: string, opts: { force?: boolean }, command: Command) => {
        const config = configFrom();
        if (!config.databaseUrl) {
          const server = await readServerLock(config.dataDir);
          if (server)
            throw new Error(
              `A Yiyuan server (pid ${server.pid}) uses ${config.dataDir}; stop it before restoring.`,
            );
        }
        const summary = await withDatabase(config, async (database) => {
          const { system } = createServices(database, config);
          if ((await system.hasAccounts()) && !opts.force) {
            throw new Error(
              'The database already holds data. Re-run with --force to replace all of it with the backup.',
            );
          }
          return system.restore(CLI_SUBJECT, path.resolve(file));
        });
        const rows = summary.tables.reduce((s, t) => s + t.rows, 0);
        output(
          command.optsWithGlobals(),
          { ok: true, ...summary },
          () => `✔ Restored ${summary.tables.length} tables, ${rows} rows from ${file}.`,
        );
      }),
    );
}
