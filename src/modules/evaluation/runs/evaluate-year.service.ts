/**
 * One evaluation run in one unit of work: read every enterprise of the year (COPY), score with the
 * engine, write the run and its results (COPY), audit — at repeatable read, so the input hash is
 * the hash of exactly what was scored.
 */
import type { Database } from '../../../platform/db/client';
import { fail } from '../../../platform/errors';
import { recordAudit, subjectOf } from '../../audit/audit.service';
import type { Actor } from '../../auth/core/access';
import { score, type Scored } from '../core/score';
import type { MethodVersion } from '../methods/methods.schemas';
import { loadFirms, type RunInput } from './run-input.repository';
import * as repo from './runs.repository';
import type { RunSummary } from './runs.schemas';

/** Milliseconds since the last lap. */
function stopwatch() {
  let lap = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - lap);
    lap = now;
    return ms;
  };
}

/**
 * Data quality the task force should see before the notice (一企一单): evaluated firms whose
 * figures the enterprise has not confirmed, or has flagged as wrong (unresolved).
 */
function dataQuality(scored: Scored, input: RunInput) {
  const evaluatedIds = [
    ...scored.cohorts.flatMap((c) => c.firms.map((f) => f.id)),
    ...scored.mergedTenants.map((t) => t.firm.id),
  ];
  return {
    unconfirmed: evaluatedIds.filter((id) => input.unconfirmed.has(id)).length,
    flagged: evaluatedIds.filter((id) => input.flagged.has(id)).length,
  };
}

function summaryOf(scored: Scored): RunSummary {
  const evaluated = scored.cohorts.reduce((n, c) => n + c.firms.length, 0) + scored.mergedTenants.length;
  if (evaluated === 0) fail('NO_EVALUATION_DATA');
  return { cohorts: scored.cohorts.map((c) => c.summary), excluded: scored.excluded, evaluated };
}

/** Scores the year with the method and writes a new draft run; returns its id. */
export async function evaluateYear(
  database: Database,
  actor: Actor,
  { year, method, reason }: { year: number; method: MethodVersion; reason: string },
): Promise<number> {
  return database.transaction(
    async (tx, client) => {
      const since = stopwatch();
      const escalating = (method.definition.policies.electricitySurcharge?.escalation ?? []).map(
        (e) => e.class,
      );
      const input = await loadFirms(client, year, escalating);
      const readMs = since();
      const scored = score(method.definition, input.firms);
      const scoreMs = since();
      const summary = summaryOf(scored);
      const { inputHash } = input;
      const run = await repo.insertRun(tx, {
        year,
        methodId: method.id,
        reason,
        inputHash,
        summary,
        createdBy: actor.userId,
      });
      // Rows are built one by one, straight from the engine's columns, as COPY consumes them.
      await repo.insertResults(client, run.id, scored, input.meta);
      const writeMs = since();
      await recordAudit(tx, subjectOf(actor), {
        action: 'evaluation.run',
        result: 'success',
        objectType: 'evaluation_run',
        objectId: run.id,
        detail: { year, version: run.version, methodId: method.id, inputHash, reason },
      });
      // How long each phase took (not part of the results; shown to operators).
      await repo.addToSummary(tx, run.id, {
        dataQuality: dataQuality(scored, input),
        timings: { readMs, scoreMs, writeMs },
      });
      return run.id;
    },
    { isolation: 'repeatable read' },
  );
}
