import path from 'node:path';
import type { Command } from 'commander';
import { createServices } from '../server/services';
import { CLI_SUBJECT } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function registerAudit(program: Command) {
  const audit = program
    .command('audit')
    .description('Audit trail: verify the hash chain, archive, purge past the retention');

  audit
    .command('verify')
    .description('Walk the SM3 hash chain of the whole trail and report the first broken link')
    .action(
      action(async (_opts, command: Command) => {
        const config = configFrom();
        const report = await withDatabase(config, (database) =>
          createServices(database, config).audit.verifyAsOperator(CLI_SUBJECT),
        );
        output(command.optsWithGlobals(), report, () =>
          report.ok
            ? `✔ 审计日志完整 / The audit trail is intact: ${report.checked} rows verified` +
              (report.legacy ? ` (${report.legacy} rows predate the hash chain)` : '') +
              '.'
            : `✖ 审计日志哈希链断裂 / The audit trail's hash chain breaks at row ${report.broken!.id} ` +
              `(${report.broken!.at}): ${report.broken!.reason}; ${report.checked} rows before it verified.`,
        );
        if (!report.ok) process.exitCode = 2;
      }),
    );

  audit
    .command('archive')
    .requiredOption('--before <day>', 'archive the rows written before this day (YYYY-MM-DD, UTC)')
    .requiredOption(
      '-o, --output <file>',
      'archive file to write (.jsonl.gz; its SM3 digest goes to FILE.sm3)',
    )
    .description('Write the oldest rows (with their hashes) to an archive file')
    .action(
      action(async (opts: { before: string; output: string }, command: Command) => {
        if (!DAY.test(opts.before)) throw new Error('--before must be a day, YYYY-MM-DD');
        const config = configFrom();
        const file = path.resolve(opts.output);
        const result = await withDatabase(config, (database) =>
          createServices(database, config).audit.archive(
            CLI_SUBJECT,
            new Date(`${opts.before}T00:00:00Z`),
            file,
          ),
        );
        output(
          command.optsWithGlobals(),
          { ok: true, ...result },
          () =>
            `✔ Archived ${result.rows} audit rows (ids ${result.firstId ?? '—'}–${result.lastId ?? '—'}) to ${file}\n` +
            `  SM3 ${result.digest} (also in ${path.basename(file)}.sm3)`,
        );
      }),
    );

  audit
    .command('purge')
    .description(
      'Delete archived rows older than YIYUAN_AUDIT_RETENTION_DAYS (≥ 180); the chain stays verifiable',
    )
    .action(
      action(async (_opts, command: Command) => {
        const config = configFrom();
        const result = await withDatabase(config, (database) =>
          createServices(database, config).audit.purge(CLI_SUBJECT, config.auditRetentionDays),
        );
        output(
          command.optsWithGlobals(),
          { ok: true, ...result },
          () =>
            `✔ Purged ${result.purged} archived audit rows older than ${result.cutoff} ` +
            `(retention ${config.auditRetentionDays} days).`,
        );
      }),
    );
}
