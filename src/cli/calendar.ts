/** `yiyuan calendar`: the working-day calendar from the shell (due dates, a year's days). */
import type { Command } from 'commander';
import { createServices } from '../server/services';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`--from ${value}: expected a date such as 2026-09-29`);
  return value;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000)
    throw new Error(`--days ${value}: expected a whole number of working days from 0 to 1000`);
  return n;
}

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    throw new Error(`--year ${value}: expected a year such as 2026`);
  return n;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (d: string) => `周${WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]}`;

export function registerCalendar(program: Command) {
  const calendar = program
    .command('calendar')
    .description('Working-day calendar: holidays and make-up working days (调休)');

  calendar
    .command('add-working-days')
    .description('The date N working days after a date (counting starts the first working day after it)')
    .requiredOption('--from <date>', 'start date, YYYY-MM-DD', date)
    .requiredOption('--days <n>', 'working days, 0–1000', count)
    .action(
      action(async (opts: { from: string; days: number }, command: Command) => {
        const result = await withDatabase(configFrom(), async (database) =>
          createServices(database, configFrom()).calendar.addWorkingDays(opts.from, opts.days),
        );
        // The date alone on standard output (for scripts); a year without a schedule is a warning.
        output(command.optsWithGlobals(), result, () => result.due);
        if (result.missingYears.length > 0 && !command.optsWithGlobals().json)
          console.error(
            `! ${result.missingYears.join('、')} 年节假日安排尚未录入，按周一至周五计算 / ` +
              `no holiday schedule entered for ${result.missingYears.join(', ')}: counted Monday–Friday`,
          );
      }),
    );

  calendar
    .command('show')
    .description("A year's holidays and make-up working days and the notice they come from")
    .requiredOption('--year <year>', 'the year, e.g. 2026', year)
    .action(
      action(async (opts: { year: number }, command: Command) => {
        const result = await withDatabase(configFrom(), async (database) =>
          createServices(database, configFrom()).calendar.year(opts.year),
        );
        output(command.optsWithGlobals(), result, () =>
          result.entered
            ? [
                `${result.year} — ${result.source}`,
                ...result.days.map(
                  (d) =>
                    `${d.date} ${weekday(d.date)}  ${d.kind === 'holiday' ? '休 holiday' : '班 workday'}  ${d.name}`,
                ),
              ].join('\n')
            : `${result.year}: 节假日安排尚未录入，按周一至周五计算 / no holiday schedule entered: counted Monday–Friday`,
        );
      }),
    );
}
