import os from 'node:os';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { REGISTRY_EXPORT } from '../modules/enterprises/enterprises.workbooks';
import type { ImportKind } from '../modules/imports/core/columns';
import {
  ANNUAL_EXPORT,
  annualExportWorkbook,
  reportWorkbook,
  templateWorkbook,
} from '../modules/imports/imports.workbooks';
import { streamWorkbook } from '../modules/spreadsheets/xlsx-writer';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';
import { templateWorkbook as projectTemplateWorkbook } from '../modules/projects/projects.workbooks';

/**
 * `yiyuan import projects FILE`: upsert by project code, all or nothing; the stage dates count as
 * approved (the CLI acts for the task force). Rejected: the row errors, exit code 1.
 */
async function importProjectsFile(file: string, command: Command) {
  await fs.access(file);
  const config = configFrom();
  const result = await withDatabase(config, (database) =>
    createServices(database, config).projects.importWorkbook(CLI_ACTOR, {
      file,
      fileName: path.basename(file),
      origin: 'cli',
    }),
  );
  output(command.optsWithGlobals(), { ok: result.accepted, ...result }, () =>
    result.accepted
      ? `✔ Imported ${path.basename(file)}: ${result.created} new, ${result.updated} updated projects; ${result.approvedChanges} stage changes approved.`
      : [
          `✖ Rejected ${path.basename(file)}: ${result.errors.length} errors, nothing was written.`,
          ...result.errors.map((e) => `  ✖ row ${e.row} ${e.column}: ${e.zh} / ${e.en}`),
        ].join('\n'),
  );
  if (!result.accepted) process.exitCode = 1;
}

function kindOf(value: string): ImportKind {
  if (value !== 'enterprises' && value !== 'annual')
    throw new Error(`Unknown kind "${value}": use enterprises or annual`);
  return value;
}

function progressLine(enabled: boolean) {
  let last = 0;
  return (phase: string, done: number, total: number | null) => {
    if (!enabled || Date.now() - last < 300) return;
    last = Date.now();
    const pct = total ? ` ${Math.min(100, Math.round((done / total) * 100))}%` : '';
    process.stderr.write(
      `\r  ${phase}: ${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''} rows${pct}   `,
    );
  };
}

export function registerData(program: Command) {
  program
    .command('template')
    .argument('<kind>', 'enterprises | annual | projects')
    .requiredOption('-o, --out <file>', 'where to write the .xlsx template')
    .description(
      'Write an import template (Chinese headers with units, plus a sheet explaining every column)',
    )
    .action(
      action(async (kind: string, opts: { out: string }, command: Command) => {
        await fs.writeFile(
          opts.out,
          kind === 'projects'
            ? await projectTemplateWorkbook('（园区名称）', '新材料')
            : await templateWorkbook(kindOf(kind)),
        );
        output(
          command.optsWithGlobals(),
          { ok: true, file: path.resolve(opts.out) },
          () => `✔ Template written to ${path.resolve(opts.out)}`,
        );
      }),
    );

  program
    .command('import')
    .argument('<kind>', 'enterprises | annual | projects')
    .argument('<file>', '.xlsx workbook')
    .option('-y, --year <year>', 'year of the figures (annual)')
    .option('-r, --report <file>', 'write the row-level problems to this .xlsx')
    .description('Import a workbook: all rows or nothing; prints row errors and exits non-zero when rejected')
    .action(
      action(
        async (kind: string, file: string, opts: { year?: string; report?: string }, command: Command) => {
          if (kind === 'projects') return importProjectsFile(file, command);
          const k = kindOf(kind);
          const json = Boolean(command.optsWithGlobals().json);
          const year = opts.year === undefined ? null : Number(opts.year);
          if (k === 'annual' && (!year || !Number.isInteger(year)))
            throw new Error('Annual imports need --year YYYY');
          await fs.access(file);
          const config = configFrom();
          const started = Date.now();
          const { job, problems } = await withDatabase(config, (database) =>
            createServices(database, config).imports.importNow(
              CLI_ACTOR,
              { kind: k, year, file, fileName: path.basename(file) },
              progressLine(!json && process.stderr.isTTY === true),
            ),
          );
          if (!json) process.stderr.write('\r\x1b[K');
          if (opts.report)
            await pipeline(reportWorkbook(problems, job.sheet), createWriteStream(opts.report));
          const seconds = (Date.now() - started) / 1000;
          const errors = problems.filter((p) => p.severity === 'error');
          output(
            command.optsWithGlobals(),
            { ok: job.status === 'succeeded', job: { ...job, problems: undefined }, problems, seconds },
            () => {
              const lines = problems
                .slice(0, 50)
                .map(
                  (p) =>
                    `  ${p.severity === 'error' ? '✖' : '!'} ${p.sheet} row ${p.row} ${p.column}: ${p.zh} / ${p.en}${p.value ? ` [${p.value}]` : ''}`,
                );
              if (problems.length > 50)
                lines.push(
                  `  … ${problems.length - 50} more${opts.report ? ` (see ${opts.report})` : ' (use --report FILE.xlsx for all)'}`,
                );
              // A file that could not be read at all: its problem is the headline.
              const whole = errors.length === 1 && errors[0]!.row === 0 ? errors[0]! : null;
              const head =
                job.status === 'succeeded'
                  ? `✔ Imported ${job.rowsTotal} rows from ${path.basename(file)} in ${seconds.toFixed(1)} s: ${job.rowsInserted} new, ${job.rowsUpdated} updated, ${job.rowsTotal - job.rowsInserted - job.rowsUpdated} unchanged; ${job.warningCount} warnings. SHA-256 ${job.sha256}`
                  : whole
                    ? `✖ Rejected ${path.basename(file)}: ${whole.zh} / ${whole.en}. Nothing was written.`
                    : `✖ Rejected ${path.basename(file)}: ${errors.length} errors, nothing was written. Fix the rows below and import again.`;
              const sheet = job.sheet ? [`  ${job.sheet.zh} / ${job.sheet.en}`] : [];
              return [head, ...sheet, ...(whole ? [] : lines)].join('\n');
            },
          );
          if (job.status !== 'succeeded') process.exitCode = 1;
        },
      ),
    );

  const exporter = program.command('export').description('Export lists to .xlsx (or JSON with --json)');
  exporter
    .command('enterprises')
    .option('-o, --out <file>', '.xlsx file to write')
    .description('Export the enterprise registry')
    .action(
      action(async (opts: { out?: string }, command: Command) => {
        const json = Boolean(command.optsWithGlobals().json);
        if (!json && !opts.out) throw new Error('Give --out FILE.xlsx, or --json for standard output');
        const config = configFrom();
        await withDatabase(config, async (database) => {
          const services = createServices(database, config);
          const batches = services.enterprises.export(CLI_ACTOR, { sort: 'name', order: 'asc' });
          if (json) {
            const items = [];
            for await (const b of batches) items.push(...b);
            console.log(JSON.stringify(items));
          } else {
            // The export watermark names the operating-system account that ran the command.
            const stamp = { name: CLI_ACTOR.username, account: os.userInfo().username, at: new Date() };
            await pipeline(streamWorkbook(REGISTRY_EXPORT, batches, stamp), createWriteStream(opts.out!));
            console.log(`✔ Written ${path.resolve(opts.out!)}`);
          }
          await services.audit.record(CLI_ACTOR, {
            action: 'enterprise.export',
            result: 'success',
            detail: { to: json ? 'stdout' : path.basename(opts.out!) },
          });
        });
      }),
    );

  exporter
    .command('annual')
    .requiredOption('-y, --year <year>', 'year')
    .option('-o, --out <file>', '.xlsx file to write')
    .description('Export one year of enterprise figures (the annual template layout)')
    .action(
      action(async (opts: { year: string; out?: string }, command: Command) => {
        const json = Boolean(command.optsWithGlobals().json);
        const year = Number(opts.year);
        if (!Number.isInteger(year)) throw new Error('--year must be a year such as 2025');
        if (!json && !opts.out) throw new Error('Give --out FILE.xlsx, or --json for standard output');
        const config = configFrom();
        await withDatabase(config, async (database) => {
          // Through the service: permission (enterprise:read), scope and an audit row.
          const batches = await createServices(database, config).enterprises.exportYear(CLI_ACTOR, year, {
            to: json ? 'stdout' : path.basename(opts.out!),
          });
          if (json) {
            const items: Record<string, unknown>[] = [];
            for await (const b of batches)
              items.push(
                ...b.map((r) => Object.fromEntries(ANNUAL_EXPORT.columns.map((c) => [c.header, c.value(r)]))),
              );
            console.log(JSON.stringify(items));
          } else {
            await pipeline(annualExportWorkbook(batches), createWriteStream(opts.out!));
            console.log(`✔ Written ${path.resolve(opts.out!)}`);
          }
        });
      }),
    );
}
