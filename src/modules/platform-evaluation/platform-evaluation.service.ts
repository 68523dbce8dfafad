/**
 * Platform evaluation (plan §4.2): the platforms' metrics of a year scored with a platform method by
 * the evaluation engine, the "leading parks" (领跑者), and the land and energy quota pool divided
 * by score.
 */
import type { Database } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, type Actor } from '../auth/core/access';
import { PLATFORM_PRESET_KEY } from '../evaluation/core/platform-preset';
import type { FindMethod } from '../evaluation/core/method';
import { evaluate } from '../evaluation/core/score';
import { cockpitScope, type MetricsService, type Snapshot } from '../metrics/metrics.service';
import { DEFAULT_POOL, poolProblems } from './core/pool';
import { rankPlatforms } from './core/ranking';
import { platformSubject } from './core/subject';
import * as repo from './platform-evaluation.repository';
import type {
  AllocationSnapshot,
  PlatformEvaluation,
  PoolBody,
  PoolSettings,
} from './platform-evaluation.schemas';

/** Only the platforms in scope, in the ranking and in the confirmed allocation (copies: results are cached). */
function scoped(result: PlatformEvaluation, scope: number[]): PlatformEvaluation {
  const snapshot = result.pool.snapshot;
  return {
    ...result,
    platforms: result.platforms.filter((p) => scope.includes(p.platformId)),
    pool: {
      ...result.pool,
      snapshot: snapshot
        ? { ...snapshot, platforms: snapshot.platforms.filter((p) => scope.includes(p.platformId)) }
        : null,
    },
  };
}

/** The allocation as it stands, to keep when the task force confirms it. */
function snapshotOf(result: PlatformEvaluation): AllocationSnapshot {
  return {
    method: result.method,
    pool: {
      landMu: result.pool.landMu,
      energyTce: result.pool.energyTce,
      threshold: result.pool.threshold,
      leaders: result.pool.leaders,
    },
    platforms: result.platforms.map((p) => ({
      platformId: p.platformId,
      name: p.name,
      score: p.score,
      rank: p.rank,
      leader: p.leader,
      landMu: p.land.units,
      energyTce: p.energy.units,
    })),
  };
}

interface Deps {
  database: Database;
  metrics: MetricsService;
  findMethod: FindMethod;
  /** Results per metrics snapshot: the same data, method and pool give the same evaluation. */
  cache: WeakMap<Snapshot, Map<string, PlatformEvaluation>>;
}

async function methodFor({ findMethod }: Deps, methodId: number | string | null | undefined) {
  const m = await findMethod(methodId ?? PLATFORM_PRESET_KEY);
  if (m.definition.subject !== 'platform') fail('METHOD_WRONG_SUBJECT');
  return m;
}

/** Scores every platform with data in the year; the pool divided by score. */
async function compute(
  deps: Deps,
  year: number,
  methodId?: number | string | null,
  snapshot?: Snapshot,
): Promise<PlatformEvaluation> {
  const { metrics } = deps;
  const s = snapshot ?? (await metrics.snapshot());
  const pool = await repo.findPool(deps.database.db, year);
  const settings: PoolSettings = pool
    ? {
        landMu: pool.landMu,
        energyTce: pool.energyTce,
        threshold: pool.threshold,
        leaders: pool.leaders,
        methodId: pool.methodId,
      }
    : { ...DEFAULT_POOL, methodId: null };
  const method = await methodFor(deps, methodId ?? settings.methodId);
  const key = JSON.stringify([year, method.id, settings, pool !== null, pool?.confirmedAt ?? null]);
  const memo = deps.cache.get(s) ?? deps.cache.set(s, new Map()).get(s)!;
  const hit = memo.get(key);
  if (hit) return hit;
  const active = s.platforms.filter((p) => !p.archived);
  const subjects = active.map((p) => {
    const { values, bases } = metrics.platformValues(s, p.id, year);
    return platformSubject(p.id, values, bases, metrics.requestRates(s, p.id, year));
  });
  const outcome = evaluate(method.definition, subjects);
  const cohort = outcome.cohorts[0];
  const result: PlatformEvaluation = {
    year,
    years: s.years,
    method: { id: method.id, key: method.key, version: method.version, name: method.definition.name },
    noData: cohort?.noData ?? null,
    benchmarks: cohort?.benchmarks ?? {},
    pool: {
      ...settings,
      saved: pool !== null,
      confirmedAt: pool?.confirmedAt ?? null,
      confirmedBy: pool?.confirmedBy ?? null,
      confirmedByName: pool?.confirmedByName ?? null,
      snapshot: pool?.snapshot ?? null,
    },
    platforms: rankPlatforms(active, outcome.results, cohort, settings),
  };
  memo.set(key, result);
  return result;
}

/** The evaluation of a year in the actor's scope: a platform admin sees only their own row. */
async function evaluateFor(deps: Deps, actor: Actor, year?: number, methodId?: number | string) {
  const scope = cockpitScope(actor);
  const s = await deps.metrics.snapshot();
  const y = year ?? s.years[s.years.length - 1] ?? new Date().getFullYear() - 1;
  const result = await compute(deps, y, methodId, s);
  return scope ? scoped(result, scope) : result;
}

/** Sets the year's pool (task force). */
async function savePool(
  deps: Deps,
  actor: Actor,
  year: number,
  input: PoolBody,
): Promise<PlatformEvaluation> {
  if (!can(actor, 'quota:write')) forbidden('quota:write');
  const problems = poolProblems(input);
  if (problems.length) throw new AppError('QUOTA_POOL_INVALID', problems);
  if (input.methodId !== null) await methodFor(deps, input.methodId);
  if (!(year >= 1990 && year <= 2100)) fail('BAD_REQUEST');
  await deps.database.transaction(async (tx) => {
    await repo.savePool(tx, year, input, actor.userId);
    await recordAudit(tx, subjectOf(actor), {
      action: 'quota.pool.save',
      result: 'success',
      objectType: 'quota_pool',
      objectId: year,
      detail: { ...input },
    });
  });
  return compute(deps, year);
}

/** Confirms the year's allocation: keeps it as computed now, whatever the data does later. */
async function confirm(deps: Deps, actor: Actor, year: number): Promise<PlatformEvaluation> {
  if (!can(actor, 'quota:write')) forbidden('quota:write');
  const result = await compute(deps, year);
  // The allocation divides a pool someone decided: never the defaults shown before one is saved.
  if (!result.pool.saved) fail('QUOTA_POOL_NOT_SAVED');
  const snapshot = snapshotOf(result);
  await deps.database.transaction(async (tx) => {
    const { landMu, energyTce, threshold, leaders } = result.pool;
    await repo.confirmPool(tx, year, { landMu, energyTce, threshold, leaders }, snapshot, actor.userId);
    await recordAudit(tx, subjectOf(actor), {
      action: 'quota.allocation.confirm',
      result: 'success',
      objectType: 'quota_pool',
      objectId: year,
      detail: { ...snapshot },
    });
  });
  return compute(deps, year);
}

/**
 * `findMethod` is the evaluation's method lookup (a method version by id, or a key's latest
 * version): the platform evaluation needs method documents, nothing else of the per-mu evaluation.
 */
export function createPlatformEvaluationService(
  database: Database,
  metrics: MetricsService,
  findMethod: FindMethod,
) {
  const deps: Deps = { database, metrics, findMethod, cache: new WeakMap() };
  return {
    compute: (year: number, methodId?: number | string | null, snapshot?: Snapshot) =>
      compute(deps, year, methodId, snapshot),
    evaluate: (actor: Actor, year?: number, methodId?: number | string) =>
      evaluateFor(deps, actor, year, methodId),
    savePool: (actor: Actor, year: number, input: PoolBody) => savePool(deps, actor, year, input),
    confirm: (actor: Actor, year: number) => confirm(deps, actor, year),
    poolYears: () => repo.poolYears(database.db),
  };
}
export type PlatformEvaluationService = ReturnType<typeof createPlatformEvaluationService>;
