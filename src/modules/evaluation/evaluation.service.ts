/**
 * The per-mu evaluation (domain guide §5), in four parts on one engine (`core/`, pure scoring):
 * methods (versioned documents), runs (a year scored, and its workflow), results (lists,
 * scorecards, analysis) and objections. This wires them to one database.
 */
import type { Database } from '../../platform/db/client';
import { createMethodsService } from './methods/methods.service';
import { createObjectionsService } from './objections/objections.service';
import { createResultsService } from './results/results.service';
import { createRunsService } from './runs/runs.service';

export function createEvaluationService(database: Database) {
  const methods = createMethodsService(database);
  const runs = createRunsService(database, methods);
  return {
    methods,
    runs,
    results: createResultsService(database, runs, methods),
    objections: createObjectionsService(database, runs),
  };
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
