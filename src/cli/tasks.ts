/** `yiyuan tasks`: the task force's task list, one object per task. */
import type { Command } from 'commander';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

const pad = (s: string | number | null, n: number) => String(s ?? '-').padEnd(n);

export function registerTasks(program: Command) {
  program
    .command('tasks')
    .description(
      'Work tasks (工作任务清单): id, title, owner, ownerKind, source, state, dueOn, completedOn, overdue, ' +
        'supervisionLevel (overdue tasks are supervised first, as on every read)',
    )
    .action(
      action(async (_opts: Record<string, never>, command: Command) => {
        const rows = await withDatabase(configFrom(), async (database) => {
          const services = createServices(database, configFrom());
          await services.tasks.superviseOverdue();
          return services.tasks.exportRows(CLI_ACTOR);
        });
        output(command.optsWithGlobals(), rows, () =>
          [
            `${pad('ID', 14)}${pad('STATE', 16)}${pad('DUE', 12)}${pad('DONE', 12)}${pad('SUPERVISED', 11)}OWNER / TITLE`,
            ...rows.map(
              (r) =>
                `${pad(r.id, 14)}${pad(r.state, 16)}${pad(r.dueOn, 12)}${pad(r.completedOn, 12)}` +
                `${pad(r.supervisionLevel || '-', 11)}${r.owner} / ${r.title}`,
            ),
            `${rows.length} tasks`,
          ].join('\n'),
        );
      }),
    );
}
