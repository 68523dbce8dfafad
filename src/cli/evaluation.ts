/** `yiyuan method …`, `yiyuan evaluate`, `yiyuan results`: the per-mu evaluation from the shell. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { INDICATORS } from '../modules/evaluation/core/indicators';
import { MethodSchema } from '../modules/evaluation/core/method';
import type { ResultWithItems } from '../modules/evaluation/results/results.schemas';
import type { Run } from '../modules/evaluation/runs/runs.schemas';
import { createServices } from '../server/services';
import { CLI_ACTOR } from './actor';
import { action, configFrom, output } from './main';
import { withDatabase } from './with-database';

/** A method reference: a number is a version id, anything else a key (its latest version). */
const methodRef = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new Error(`--year ${value}: expected a year such as 2025`);
  return n;
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

/** What `evaluate` prints: the run, its input hash and each cohort's classes. */
function runReport(run: Run, seconds: number): string {
  return [
    `✔ ${run.year} evaluated with ${run.methodKey} v${run.methodVersion}: run ${run.id} (version ${run.version}, ${run.status}) in ${seconds.toFixed(1)} s`,
    `  input hash ${run.inputHash}`,
    `  evaluated ${run.summary.evaluated}; left out: no data ${run.summary.excluded.noData}, in no cohort ${run.summary.excluded.outOfScope}`,
    ...run.summary.cohorts.map(
      (c) =>
        `  ${pad(c.key, 8)} ${pad(`${c.rated} rated`, 12)} ${Object.entries(c.classCounts)
          .map(([k, n]) => `${k} ${n}`)
          .join('  ')}`,
    ),
  ].join('\n');
}

/** One result as `results --json` prints it (one object per line). */
function resultJson(run: Run, r: ResultWithItems) {
  return {
    runId: run.id,
    year: run.year,
    uscc: r.uscc,
    name: r.name,
    cohort: r.cohort,
    status: r.status,
    score: r.score,
    rank: r.rank,
    cohortSize: r.cohortSize,
    class: r.class,
    policyClass: r.policyClass,
    items: r.items.map((i) => ({
      indicator: i.indicator,
      name: INDICATORS[i.indicator].zh,
      value: i.value,
      benchmark: i.benchmark,
      weight: i.weight,
      points: i.points,
      capped: i.capped,
      missing: i.missing,
    })),
    policies: r.policies,
    flags: r.flags,
  };
}

/** One result as `results` prints it in a table. */
const resultLine = (r: ResultWithItems) =>
  `${pad(r.uscc, 20)}${pad(r.cohort, 8)}${pad(r.rank ?? '-', 7)}${pad(r.score?.toFixed(2) ?? '-', 9)}${pad(r.class ?? (r.policyClass ? `(${r.policyClass})` : '-'), 6)}${r.name}\n`;

export function registerEvaluation(program: Command) {
  registerMethods(program);
  registerEvaluate(program);
  registerResults(program);
}

function registerMethods(program: Command) {
  const method = program.command('method').description('Evaluation methods (versioned JSON documents)');

  method
    .command('list')
    .description('List method versions (presets are installed on first use)')
    .action(
      action(async (_opts: unknown, command: Command) => {
        const methods = await withDatabase(configFrom(), async (database) => {
          const { methods } = createServices(database, configFrom()).evaluation;
          await methods.ensurePresets();
          return methods.listMethods(CLI_ACTOR);
        });
        output(command.optsWithGlobals(), methods, () =>
          [
            `${pad('ID', 5)}${pad('KEY', 22)}${pad('VERSION', 9)}${pad('RUNS', 6)}NAME`,
            ...methods.map(
              (m) => `${pad(m.id, 5)}${pad(m.key, 22)}${pad(m.version, 9)}${pad(m.runs, 6)}${m.name}`,
            ),
          ].join('\n'),
        );
      }),
    );

  method
    .command('schema')
    .description('Print the JSON Schema of a method document (docs/evaluation-method.schema.json)')
    .action(
      action(async () => {
        process.stdout.write(`${JSON.stringify(MethodSchema, null, 2)}\n`);
      }),
    );

  method
    .command('import')
    .argument('<file>', 'method JSON: a bare method document or a `method export` file')
    .option('-k, --key <key>', 'method key (default: the key in the file, else the file name)')
    .option('-n, --note <text>', 'why this version exists')
    .description('Save a method from JSON as a new key (version 1) or the next version of its key')
    .action(
      action(async (file: string, opts: { key?: string; note?: string }, command: Command) => {
        const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
        const saved = await withDatabase(configFrom(), (database) =>
          createServices(database, configFrom()).evaluation.methods.importMethod(CLI_ACTOR, parsed, {
            key: opts.key,
            note: opts.note,
            fileName: path.basename(file),
          }),
        );
        output(
          command.optsWithGlobals(),
          { ok: true, id: saved.id, key: saved.key, version: saved.version, weightSums: saved.weightSums },
          () =>
            `✔ Saved ${saved.key} version ${saved.version} (id ${saved.id}); weights: ${saved.weightSums
              .map((w) => `${w.cohort} ${w.sum}`)
              .join(', ')}`,
        );
      }),
    );

  method
    .command('export')
    .argument('<id>', 'method version id, or a key (its latest version)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .description('Print a method version as JSON (importable with `method import`)')
    .action(
      action(async (id: string, opts: { out?: string }) => {
        const m = await withDatabase(configFrom(), (database) =>
          createServices(database, configFrom()).evaluation.methods.exportMethod(CLI_ACTOR, methodRef(id)),
        );
        const text = `${JSON.stringify(m, null, 2)}\n`;
        if (opts.out) {
          await fs.writeFile(opts.out, text);
          console.error(`✔ ${m.key} version ${m.version} written to ${path.resolve(opts.out)}`);
        } else process.stdout.write(text);
      }),
    );
}

function registerEvaluate(program: Command) {
  program
    .command('evaluate')
    .requiredOption('-y, --year <year>', 'data year to evaluate')
    .requiredOption('-m, --method <id>', 'method version id, or a key (its latest version)')
    .option('-r, --reason <text>', 'why (required when the year already has a noticed or published run)')
    .option(
      '--publish',
      'start the notice and publish at once (operator shortcut; recorded in the audit log)',
    )
    .description('Score every enterprise of a year with a method: a new run version (draft unless --publish)')
    .action(
      action(
        async (
          opts: { year: string; method: string; reason?: string; publish?: boolean },
          command: Command,
        ) => {
          const started = Date.now();
          const run = await withDatabase(configFrom(), async (database) => {
            const { runs } = createServices(database, configFrom()).evaluation;
            const created = await runs.run(CLI_ACTOR, {
              year: year(opts.year),
              method: methodRef(opts.method),
              reason: opts.reason,
            });
            if (!opts.publish) return created;
            await runs.startNotice(CLI_ACTOR, created.id);
            return runs.publish(CLI_ACTOR, created.id, {
              earlyReason: opts.reason ?? 'yiyuan evaluate --publish: published without a notice period',
            });
          });
          const seconds = (Date.now() - started) / 1000;
          output(command.optsWithGlobals(), { ok: true, ...run, seconds }, () => runReport(run, seconds));
        },
      ),
    );
}

function registerResults(program: Command) {
  program
    .command('results')
    .requiredOption('-y, --year <year>', 'data year')
    .option(
      '--run <id>',
      'a specific run (default: the year’s published run, else the one in notice, else the newest)',
    )
    .description(
      'Print results; with --json one JSON object per enterprise per line (uscc, cohort, score, rank, class, items)',
    )
    .action(
      action(async (opts: { year: string; run?: string }, command: Command) => {
        const json = Boolean(command.optsWithGlobals().json);
        await withDatabase(configFrom(), async (database) => {
          const { runs, results } = createServices(database, configFrom()).evaluation;
          const run = opts.run
            ? await runs.getRun(CLI_ACTOR, Number(opts.run))
            : await runs.currentRun(CLI_ACTOR, year(opts.year));
          if (run.year !== year(opts.year))
            throw new Error(`Run ${run.id} is of ${run.year}, not ${opts.year}`);
          if (!json)
            console.log(
              `${run.year} run ${run.id} (version ${run.version}, ${run.status}, ${run.methodKey} v${run.methodVersion})\n` +
                `${pad('USCC', 20)}${pad('COHORT', 8)}${pad('RANK', 7)}${pad('SCORE', 9)}${pad('CLASS', 6)}NAME`,
            );
          for await (const batch of results.iterateResultItems(CLI_ACTOR, run.id)) {
            let out = '';
            for (const r of batch) out += json ? `${JSON.stringify(resultJson(run, r))}\n` : resultLine(r);
            if (!process.stdout.write(out))
              await new Promise((resolve) => process.stdout.once('drain', resolve));
          }
        });
      }),
    );
}
