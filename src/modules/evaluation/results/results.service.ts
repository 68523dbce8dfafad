/**
 * Results of evaluation runs (domain guide §5.6–§5.7): scoped lists, scorecards with their
 * explanation and history, the histogram, roll-ups per platform and city, low-efficiency land.
 */
import type { Database } from '../../../platform/db/client';
import { fail, forbidden } from '../../../platform/errors';
import { can, platformScope, type Actor, type Permission } from '../../auth/core/access';
import { explain } from '../core/explain';
import { expandDetail } from '../core/storage';
import type { MethodsService } from '../methods/methods.service';
import { runAudience } from '../runs/core/workflow';
import type { RunsService } from '../runs/runs.service';
import { histogram, lowEfficiencyReasons, rollupTotals, withChange } from './core/analysis';
import * as repo from './results.repository';
import type {
  DistributionCohort,
  DistributionQuery,
  LowEfficiency,
  LowEfficiencyQuery,
  ResultsPage,
  ResultsQuery,
  ResultWithItems,
  Rollup,
  Scorecard,
} from './results.schemas';

interface Deps {
  database: Database;
  runs: RunsService;
  methods: MethodsService;
}

const requirePermission = (actor: Actor, permission: Permission) => {
  if (!can(actor, permission)) forbidden(permission);
};

/** A run the actor may see, with its method document. */
async function runWithMethod({ runs, methods }: Deps, actor: Actor, runId: number) {
  const run = await runs.visibleRun(actor, runId);
  return { run, method: (await methods.methodOrFail(run.methodId)).definition };
}

/** A page of a run's results in the actor's scope (rank order, 20 a page unless asked). */
async function results(deps: Deps, actor: Actor, runId: number, query: ResultsQuery): Promise<ResultsPage> {
  requirePermission(actor, 'evaluation:read');
  const run = await deps.runs.visibleRun(actor, runId);
  const cohortOrder = run.summary.cohorts.map((c) => c.key);
  return repo.listResults(deps.database.db, runId, platformScope(actor), cohortOrder, {
    ...query,
    sort: query.sort ?? 'rank',
    order: query.order ?? 'asc',
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
  });
}

/** One enterprise's scorecard in a run: items, explanation, history. */
async function result(deps: Deps, actor: Actor, runId: number, enterpriseId: number): Promise<Scorecard> {
  requirePermission(actor, 'evaluation:read');
  const { db } = deps.database;
  const scope = platformScope(actor);
  const run = await deps.runs.visibleRun(actor, runId);
  // The stored detail is expanded into items, indicators and adjustments; it is not sent itself.
  const { detail: stored, ...found } =
    (await repo.findResult(db, runId, scope, enterpriseId)) ?? fail('RESULT_NOT_FOUND');
  const method = (await deps.methods.methodOrFail(run.methodId)).definition;
  const rule = method.cohorts.find((c) => c.key === found.cohort);
  const cohort = run.summary.cohorts.find((c) => c.key === found.cohort);
  const d = expandDetail(stored, rule, cohort);
  const history = await repo.classHistory(db, enterpriseId, runAudience(scope) === 'noticed');
  return {
    run: {
      id: run.id,
      year: run.year,
      version: run.version,
      status: run.status,
      noticeEndsOn: run.noticeEndsOn,
      noticeEndedOn: run.noticeEndedOn,
      earlyEndReason: run.earlyEndReason,
    },
    ...found,
    ...d,
    cohortName: rule?.name ?? null,
    cohortSummary: cohort ?? null,
    classes: method.classes,
    explanation: explain(method, { ...found, ...d }),
    history,
  };
}

/** The enterprise's result in the year's current visible run (the latest year when none given). */
async function scorecard(deps: Deps, actor: Actor, enterpriseId: number, year?: number): Promise<Scorecard> {
  requirePermission(actor, 'evaluation:read');
  const scope = platformScope(actor);
  const history = await repo.classHistory(deps.database.db, enterpriseId, runAudience(scope) === 'noticed');
  const pick = year ? history.find((h) => h.year === year) : history[history.length - 1];
  if (!pick) return fail('RESULT_NOT_FOUND');
  return result(deps, actor, pick.runId, enterpriseId);
}

/** Per cohort: the histogram of the rated firms' scores and the cut lines between classes. */
async function distribution(
  deps: Deps,
  actor: Actor,
  runId: number,
  options: DistributionQuery = {},
): Promise<DistributionCohort[]> {
  requirePermission(actor, 'evaluation:read');
  const run = await deps.runs.visibleRun(actor, runId);
  const scores = await repo.scoresByCohort(deps.database.db, runId, platformScope(actor), options.platformId);
  return run.summary.cohorts.map((c) => ({
    cohort: c.key,
    rated: c.rated,
    bins: histogram(scores.get(c.key) ?? [], options.bins ?? 20),
    // The lowest score of each class: the cut lines between classes.
    cuts: Object.entries(c.classScores)
      .filter(([, s]) => s !== null)
      .map(([cls, s]) => ({
        class: cls,
        minScore: s!.min,
        maxScore: s!.max,
        count: c.classCounts[cls] ?? 0,
      })),
  }));
}

/** Per platform and city: class distribution, tax and value added per mu, share A+B, change on last year. */
async function rollup(deps: Deps, actor: Actor, runId: number): Promise<Rollup> {
  requirePermission(actor, 'evaluation:read');
  const { db } = deps.database;
  const scope = platformScope(actor);
  // City- and platform-wide figures: not for an enterprise or a commissioner.
  if (scope.kind === 'enterprise' || scope.kind === 'commissioner') fail('FORBIDDEN');
  const { run, method } = await runWithMethod(deps, actor, runId);
  const top = method.classes.slice(0, 2).map((c) => c.key);
  const rows = rollupTotals(await repo.rollupGroups(db, runId, scope), top);
  const prevId = await deps.runs.currentRunId(actor, run.year - 1);
  const prev = prevId ? rollupTotals(await repo.rollupGroups(db, prevId, scope), top) : [];
  return { year: run.year, previousRunId: prevId, classes: method.classes, rows: withChange(rows, prev) };
}

/** 低效用地 candidates: the worst class, or tax per mu below the floor (default 1 万元/亩). */
async function lowEfficiency(
  deps: Deps,
  actor: Actor,
  runId: number,
  q: LowEfficiencyQuery,
): Promise<LowEfficiency> {
  requirePermission(actor, 'evaluation:read');
  const scope = platformScope(actor);
  // City- and platform-wide figures: not for an enterprise or a commissioner.
  if (scope.kind === 'enterprise' || scope.kind === 'commissioner') fail('FORBIDDEN');
  const { method } = await runWithMethod(deps, actor, runId);
  const floor = q.taxPerMuFloor ?? 1;
  const worstClass = method.classes[method.classes.length - 1]!.key;
  const rows = await repo.lowEfficiency(deps.database.db, runId, scope, {
    taxPerMuFloor: floor,
    worstClass,
    platformId: q.platformId,
  });
  const items = rows.map((r) => ({ ...r, reasons: lowEfficiencyReasons(r, worstClass, floor) }));
  return { taxPerMuFloor: floor, landMu: items.reduce((s, i) => s + (i.landMu ?? 0), 0), items };
}

/** Every result with its items, in enterprise order (CLI `results`); the task force only. */
async function* iterateResultItems(
  deps: Deps,
  actor: Actor,
  runId: number,
): AsyncGenerator<ResultWithItems[]> {
  requirePermission(actor, 'evaluation:run');
  const { run, method } = await runWithMethod(deps, actor, runId);
  const rules = new Map(method.cohorts.map((c) => [c.key, c]));
  const summaries = new Map(run.summary.cohorts.map((c) => [c.key, c]));
  for await (const batch of repo.iterateResultItems(deps.database.db, runId))
    yield batch.map(({ detail, ...r }) => ({
      ...r,
      ...expandDetail(detail, rules.get(r.cohort), summaries.get(r.cohort)),
    }));
}

export function createResultsService(database: Database, runs: RunsService, methods: MethodsService) {
  const deps: Deps = { database, runs, methods };
  return {
    results: (actor: Actor, runId: number, query: ResultsQuery) => results(deps, actor, runId, query),
    result: (actor: Actor, runId: number, enterpriseId: number) => result(deps, actor, runId, enterpriseId),
    scorecard: (actor: Actor, enterpriseId: number, year?: number) =>
      scorecard(deps, actor, enterpriseId, year),
    distribution: (actor: Actor, runId: number, options?: DistributionQuery) =>
      distribution(deps, actor, runId, options),
    rollup: (actor: Actor, runId: number) => rollup(deps, actor, runId),
    lowEfficiency: (actor: Actor, runId: number, q: LowEfficiencyQuery) =>
      lowEfficiency(deps, actor, runId, q),
    iterateResultItems: (actor: Actor, runId: number) => iterateResultItems(deps, actor, runId),
  };
}
export type ResultsService = ReturnType<typeof createResultsService>;
