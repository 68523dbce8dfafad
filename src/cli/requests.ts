/** `yiyuan requests`: the enterprise requests of a year, one object per request. */
import type { Command } from 'commander';
import { zonedDate } from '../platform/time-zone';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new Error(`--year ${value}: expected a year such as 2026`);
  return n;
}

const pad = (s: string | number | null, n: number) => String(s ?? '-').padEnd(n);

export function registerRequests(program: Command) {
  program
    .command('requests')
    .description(
      'Enterprise requests received in a year: id, uscc, category, state, receivedOn, dueOn, closedOn, onTime, rating ' +
        '(overdue requests are escalated first, as on every read)',
    )
    .option('--year <year>', 'year received (default: this year)', year)
    .action(
      action(async (opts: { year?: number }, command: Command) => {
        const y = opts.year ?? Number(zonedDate().slice(0, 4));
        const rows = await withDatabase(configFrom(), async (database) => {
          const services = createServices(database, configFrom());
          await services.requests.escalateOverdue();
          return services.requests.exportRows(CLI_ACTOR, y);
        });
        output(command.optsWithGlobals(), rows, () =>
          [
            `${pad('ID', 16)}${pad('USCC', 20)}${pad('CATEGORY', 16)}${pad('STATE', 13)}${pad('RECEIVED', 12)}` +
              `${pad('DUE', 12)}${pad('CLOSED', 12)}${pad('ON TIME', 9)}RATING`,
            ...rows.map(
              (r) =>
                `${pad(r.id, 16)}${pad(r.uscc, 20)}${pad(r.category, 16)}${pad(r.state, 13)}${pad(r.receivedOn, 12)}` +
                `${pad(r.dueOn, 12)}${pad(r.closedOn, 12)}${pad(r.onTime === null ? '-' : r.onTime ? 'yes' : 'no', 9)}${r.rating ?? '-'}`,
            ),
            `${rows.length} requests received in ${y}`,
          ].join('\n'),
        );
      }),
    );
}
