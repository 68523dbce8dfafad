import type { Command } from 'commander';
import { LABEL_KEYS } from '../modules/demo/city/generate';
import { DEFAULT_DEMO_SCALE, DEFAULT_DEMO_SEED, loadDemoCity } from '../modules/demo/city/load';
import { LABEL_NAMES } from '../modules/enterprises/core/fields';
import { seedDemoEvaluations } from '../modules/demo/demo-evaluations';
import { createEvaluationService } from '../modules/evaluation/evaluation.service';
import { CLI_SUBJECT } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';
import { keyRingOf } from '../platform/crypto/keys';

/** Progress shown from this many enterprises on. */
const PROGRESS_FROM = 10_000;

/** Pads to a display width, counting CJK characters as two columns. */
function padDisplay(value: string, width: number): string {
  let used = 0;
  for (const ch of value) used += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return value + ' '.repeat(Math.max(0, width - used));
}

function integer(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} ${raw}: expected an integer between ${min} and ${max}`);
  return n;
}

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('Generate a synthetic demo city (演示数据): enterprises, labels and 2021–2025 figures')
    .option('--scale <n>', 'number of enterprises', String(DEFAULT_DEMO_SCALE))
    .option('--seed <s>', 'random seed: the same seed gives the same city', String(DEFAULT_DEMO_SEED))
    .option('--replace', 'delete earlier generated demo enterprises first')
    .option('--force', 'generate even though the database holds real (non-demo) platforms or enterprises')
    .action(
      action(
        async (
          opts: { scale: string; seed: string; replace?: boolean; force?: boolean },
          command: Command,
        ) => {
          const global = command.optsWithGlobals();
          const scale = integer('--scale', opts.scale, 1, 1_000_000);
          const seed = integer('--seed', opts.seed, -2_147_483_648, 4_294_967_295);
          const showProgress = !global.json && scale >= PROGRESS_FROM;
          let lastShown = -1;
          const onProgress = (done: number, total: number) => {
            if (!showProgress || total === 0) return;
            const percent = Math.floor((done / total) * 100);
            if (percent === lastShown) return;
            lastShown = percent;
            process.stderr.write(
              `\r  writing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${percent}%)`,
            );
          };
          if (showProgress)
            process.stderr.write(`  generating ${scale.toLocaleString('en')} enterprises (seed ${seed})…\n`);
          // Demo data is demo mode: without a configured key, the data directory's demo key file.
          const config = configFrom({ demo: true });
          const result = await withDatabase(config, async (database) => {
            // Demo data also brings the demo accounts (published password): never into a real database by accident.
            const real = await database.pool.query<{ n: number }>(
              'select (select count(*) from platforms where not is_demo) + (select count(*) from enterprises where not is_demo) as n',
            );
            if (Number(real.rows[0]?.n ?? 0) > 0 && !opts.force)
              throw new Error(
                '该数据库已有正式（非演示）数据；演示数据会同时创建公开密码的演示账号。确需生成请加 --force。\n' +
                  'This database holds real (non-demo) data, and demo data brings demo accounts with a published password. Add --force if you really mean it.',
              );
            const loaded = await loadDemoCity(database, {
              scale,
              seed,
              replace: Boolean(opts.replace),
              onProgress,
              subject: CLI_SUBJECT,
              keys: keyRingOf(config).ring,
            });
            if (showProgress) process.stderr.write('\n  publishing demo evaluations of the earlier years…');
            const evaluation = createEvaluationService(database);
            await evaluation.methods.ensurePresets();
            const evaluatedYears = await seedDemoEvaluations(evaluation);
            return loaded && { ...loaded, evaluatedYears };
          });
          if (showProgress) process.stderr.write('\n');
          if (!result) throw new Error('The demo city was not generated');
          const years = Object.entries(result.aboveScaleByYear)
            .map(([year, n]) => `${year} ${n}`)
            .join(', ');
          output(global, { ok: true, ...result }, () =>
            [
              `✔ Demo city generated (seed ${result.seed}) in ${result.elapsedSeconds.toFixed(1)} s` +
                (result.deleted ? `, after deleting ${result.deleted} earlier demo enterprises` : ''),
              `  Enterprises 企业        ${result.enterprises}`,
              `  规上 (above scale)      ${result.aboveScale} (${((result.aboveScale / result.enterprises) * 100).toFixed(1)}%)  by year: ${years}`,
              `  Labels 标签             ${result.labelRows}`,
              ...LABEL_KEYS.map(
                (l) =>
                  `    ${padDisplay(`${LABEL_NAMES[l as keyof typeof LABEL_NAMES]?.zh ?? l} ${l}`, 38)} ${result.labels[l]}`,
              ),
              `  Year rows 年度数据      ${result.yearRows}`,
              `  Contacts 联系人         ${result.contacts}`,
              `  Evaluations 评价        ${result.evaluatedYears.length ? `published for ${result.evaluatedYears.join(', ')}` : 'kept as they were'}`,
              `  Odd records 异常样本    ${Object.entries(result.odd)
                .map(([k, n]) => `${k} ${n}`)
                .join(', ')}`,
            ].join('\n'),
          );
        },
      ),
    );
}
