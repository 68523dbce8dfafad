/**
 * Published demo evaluations for every year but the latest, so a demo city has class histories
 * (and consecutive-D escalations) and the latest year is left for the user to evaluate.
 */
import type { Actor } from '../auth/core/access';
import type { EvaluationService } from '../evaluation/evaluation.service';

export const DEMO_EVALUATION_ACTOR: Actor = {
  userId: 0,
  username: 'system:demo',
  role: 'task_force',
  platformId: null,
  enterpriseId: null,
  ip: null,
};

/** The preset matching a data year: Huangyan's 2021 benchmarks for 2021, its 2022 ones after. */
export const demoMethodFor = (year: number) => (year <= 2021 ? 'huangyan-2021' : 'huangyan-2022');

/** Runs, notices and publishes the earlier years when no evaluation exists yet. Returns the years done. */
export async function seedDemoEvaluations(evaluation: EvaluationService): Promise<number[]> {
  const { runs } = evaluation;
  const { years, anyRun } = await runs.evaluationYears(DEMO_EVALUATION_ACTOR, { demoOnly: true });
  if (anyRun) return [];
  const done: number[] = [];
  for (const year of years.slice(0, -1)) {
    const run = await runs.run(DEMO_EVALUATION_ACTOR, { year, method: demoMethodFor(year) });
    await runs.startNotice(DEMO_EVALUATION_ACTOR, run.id);
    await runs.publish(DEMO_EVALUATION_ACTOR, run.id, { earlyReason: '演示数据：历史年度直接发布' });
    done.push(year);
  }
  return done;
}
