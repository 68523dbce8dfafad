/**
 * `yiyuan projects`: the investment projects (招商项目) as the task force sees them — code, platform,
 * stage, approved stage dates, investment, stall — and `yiyuan projects stalls [--notify]`: the
 * stalled ones, optionally sending the stall notices not sent yet (what the server does hourly).
 */
import type { Command } from 'commander';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

const pad = (s: string | number | null, n: number) => String(s ?? '-').padEnd(n);

export function registerProjects(program: Command) {
  const projects = program
    .command('projects')
    .description(
      'Investment projects: code, platform, stage, approved stage dates, total investment (万元), stalled ' +
        '(with --year: the projects with an approved stage date in that year)',
    )
    .option('-y, --year <year>', 'only projects with an approved stage date in this year')
    .action(
      action(async (opts: { year?: string }, command: Command) => {
        const year = opts.year === undefined ? null : Number(opts.year);
        if (year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100))
          throw new Error('--year must be a year, e.g. 2025');
        const rows = await withDatabase(configFrom(), (database) =>
          createServices(database, configFrom()).projects.exportRows(CLI_ACTOR, year),
        );
        output(command.optsWithGlobals(), rows, () =>
          [
            `${pad('CODE', 16)}${pad('STAGE', 17)}${pad('万元', 12)}${pad('STALLED', 9)}PLATFORM / NAME`,
            ...rows.map(
              (r) =>
                `${pad(r.code, 16)}${pad(r.status === 'active' ? r.stage : `${r.stage} (${r.status})`, 17)}` +
                `${pad(r.totalInvestment, 12)}${pad(r.stalled ? r.stallLevel : '-', 9)}${r.platform} / ${r.name}`,
            ),
            `${rows.length} projects`,
          ].join('\n'),
        );
      }),
    );

  projects
    .command('stalls')
    .description(
      'Stalled projects (too long in their stage by the stall rules); --notify sends the notices not sent ' +
        'yet: platform admins at level 1, the task force at level 2',
    )
    .option('--notify', 'send the stall notices (once per project, stage and level)')
    .action(
      action(async (opts: { notify?: boolean }, command: Command) => {
        const result = await withDatabase(configFrom(), async (database) => {
          const services = createServices(database, configFrom());
          const sweep = opts.notify ? await services.projects.sweepStalls() : null;
          const list = await services.projects.stalls(CLI_ACTOR, {});
          return { sweep, list };
        });
        const rows = result.list.items.map((p) => ({
          code: p.code,
          name: p.name,
          platform: p.platformName,
          stage: p.stage,
          stageDate: p.stageDate,
          days: p.stall.days,
          maxDays: p.stall.maxDays,
          level: p.stall.level,
        }));
        output(
          command.optsWithGlobals(),
          { asOf: result.list.asOf, items: rows, notified: result.sweep?.notified ?? null },
          () =>
            [
              `${pad('CODE', 16)}${pad('STAGE', 15)}${pad('SINCE', 12)}${pad('DAYS', 6)}${pad('MAX', 6)}${pad('LEVEL', 6)}PLATFORM / NAME`,
              ...rows.map(
                (r) =>
                  `${pad(r.code, 16)}${pad(r.stage, 15)}${pad(r.stageDate, 12)}${pad(r.days, 6)}${pad(r.maxDays, 6)}` +
                  `${pad(r.level, 6)}${r.platform} / ${r.name}`,
              ),
              `${rows.length} stalled projects as of ${result.list.asOf}` +
                (result.sweep ? `; ${result.sweep.notified} notifications sent` : ''),
            ].join('\n'),
        );
      }),
    );
}
