/** `yiyuan targets`, `yiyuan platforms evaluate`: plan targets and the platform evaluation from the shell. */
import type { Command } from 'commander';
import { METRICS } from '../modules/metrics/core/metrics';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new Error(`--year ${value}: expected a year such as 2025`);
  return n;
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '暂无数据 no data' : Number.isInteger(v) ? String(v) : v.toFixed(4);

export function registerCockpit(program: Command) {
  program
    .command('targets')
    .description('Plan targets of a period assessed for a year: value, target, progress, status, source')
    .option('--period <key>', 'plan period key, e.g. 2022-2025 (default: the one holding the year)')
    .option('--year <year>', 'year assessed (default: the latest year with data)', year)
    .action(
      action(async (opts: { period?: string; year?: number }, command: Command) => {
        const result = await withDatabase(configFrom(), async (database) => {
          const services = createServices(database, configFrom());
          await services.targets.ensurePlan();
          return services.targets.assess(CLI_ACTOR, { period: opts.period, year: opts.year });
        });
        const targets = result.cards.map((c) => ({
          code: c.target.code,
          name: c.target.nameZh,
          metric: c.target.metric,
          unit: METRICS[c.target.metric].unitZh,
          value: c.assessment.value,
          target: c.target.targetValue,
          comparator: c.target.comparator,
          progress: c.assessment.progress,
          projection: c.assessment.projection,
          status: c.assessment.status,
          source: c.source,
          reportedBy: c.reportedBy,
        }));
        output(command.optsWithGlobals(), { period: result.period.key, year: result.year, targets }, () =>
          [
            `${result.period.nameZh} — ${result.year}`,
            `${pad('CODE', 6)}${pad('STATUS', 11)}${pad('VALUE', 22)}${pad('TARGET', 14)}${pad('PROGRESS', 10)}NAME`,
            ...targets.map(
              (t) =>
                `${pad(t.code, 6)}${pad(t.status, 11)}${pad(fmt(t.value), 22)}${pad(`${t.comparator} ${t.target}`, 14)}` +
                `${pad(t.progress === null ? '-' : `${(t.progress * 100).toFixed(1)}%`, 10)}${t.name}（${t.unit}）`,
            ),
          ].join('\n'),
        );
      }),
    );

  const platforms = program.command('platforms').description('Industrial platforms');
  platforms
    .command('evaluate')
    .description("Platform evaluation of a year: each platform's score, rank and quota allocation")
    .option('--year <year>', 'year evaluated (default: the latest year with data)', year)
    .option('--method <ref>', 'platform method id or key (default: the pool’s, else platform-2022)')
    .action(
      action(async (opts: { year?: number; method?: string }, command: Command) => {
        const result = await withDatabase(configFrom(), async (database) => {
          const services = createServices(database, configFrom());
          await services.evaluation.methods.ensurePresets();
          const m = opts.method;
          return services.platformEvaluation.evaluate(
            CLI_ACTOR,
            opts.year,
            m && /^\d+$/.test(m) ? Number(m) : m,
          );
        });
        const rows = result.platforms.map((p) => ({
          platformId: p.platformId,
          name: p.name,
          score: p.score,
          rank: p.rank,
          class: p.class,
          leader: p.leader,
          dimensions: p.dimensions,
          landMu: p.land.units,
          energyTce: p.energy.units,
          eligible: p.land.eligible,
        }));
        output(
          command.optsWithGlobals(),
          {
            year: result.year,
            method: result.method,
            pool: {
              landMu: result.pool.landMu,
              energyTce: result.pool.energyTce,
              threshold: result.pool.threshold,
              leaders: result.pool.leaders,
            },
            platforms: rows,
          },
          () =>
            [
              `${result.year} — ${result.method.name.zh} (${result.method.key} v${result.method.version}); ` +
                `pool ${result.pool.landMu} 亩, ${result.pool.energyTce} tce, threshold ${result.pool.threshold}`,
              `${pad('RANK', 6)}${pad('SCORE', 9)}${pad('CLASS', 7)}${pad('LAND 亩', 9)}${pad('ENERGY tce', 12)}PLATFORM`,
              ...rows.map(
                (r) =>
                  `${pad(r.rank ?? '-', 6)}${pad(r.score ?? '-', 9)}${pad(r.class ?? '-', 7)}${pad(r.landMu, 9)}` +
                  `${pad(r.energyTce, 12)}${r.name}${r.leader ? '  ★ 领跑者' : ''}`,
              ),
            ].join('\n'),
        );
      }),
    );
}
