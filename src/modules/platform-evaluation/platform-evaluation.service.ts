/**
 * Platform evaluation (plan §4.2): the platforms' metrics of a year scored with a platform method by
 * the evaluation engine, the "leading parks" (领跑者), and the land and energy quota pool divided
 * by score.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { quotaPools, users } from '../../platform/db/schema';
import { AppError, fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { DIMENSIONS, INDICATORS, type Dimension, type PlatformFigures } from '../evaluation/core/indicators';
import { evaluate, type EvaluationFirm, type FirmResult } from '../evaluation/core/score';
import type { Method } from '../evaluation/core/method';
import type { EvaluationService } from '../evaluation/evaluation.service';
import { cockpitScope, type MetricsService, type Snapshot } from '../metrics/metrics.service';
import { allocate } from './core/allocation';
import { DEFAULT_POOL, PLATFORM_PRESET_KEY } from './core/preset';

export interface PoolSettings {
  landMu: number;
  energyTce: number;
  threshold: number;
  leaders: number;
  methodId: number | null;
}

export interface PlatformScore {
  platformId: number;
  name: string;
  nameEn: string;
  score: number | null;
  rank: number | null;
  class: string | null;
  leader: boolean;
  dimensions: Record<Dimension, number>;
  items: (FirmResult['items'][number] & { dimension: Dimension | null })[];
  flags: string[];
  land: { units: number; exact: number; eligible: boolean };
  energy: { units: number; exact: number; eligible: boolean };
}

/** The allocation as confirmed (kept in quota_pools.snapshot). */
export interface AllocationSnapshot {
  method: { id: number; key: string; version: number; name: { zh: string; en: string } };
  pool: { landMu: number; energyTce: number; threshold: number; leaders?: number };
  platforms: {
    platformId: number;
    name: string;
    score: number | null;
    rank: number | null;
    leader: boolean;
    landMu: number;
    energyTce: number;
  }[];
}

/** A platform's figures for the engine: its metrics of the year, as the platform indicators read them. */
export function platformSubject(
  metrics: MetricsService,
  s: Snapshot,
  platformId: number,
  year: number,
): EvaluationFirm & PlatformFigures {
  const { values: v, bases } = metrics.platformValues(s, platformId, year);
  return {
    id: platformId,
    scale: 'above',
    ownLandMu: bases.aboveLand,
    leasedFloorM2: null,
    landholderId: null,
    labels: [],
    exemption: null,
    hasYear: bases.firms !== null && bases.firms > 0,
    tax: null,
    valueAdded: null,
    revenue: null,
    energyTce: null,
    emissions: null,
    employees: null,
    rdSpending: null,
    electricity: null,
    output: bases.output,
    priorClasses: [],
    outputGrowth: v.output_growth,
    leadingShare: v.leading_share,
    taxPerMu: v.tax_per_mu,
    chainLeaders: v.chain_leaders,
    investmentIntensity: v.investment_intensity,
    majorProjects: v.major_projects,
    aboveScaleGrowth: v.above_scale_growth,
    ticketClosureRate: null,
    serviceSatisfaction: null,
    ticketOnTimeRate: null,
    publicServicePlatform: v.public_service_coverage,
    rdIntensity: v.rd_intensity,
    highTechFirms: v.high_tech_firms,
    energyIntensityDecline: v.energy_intensity_decline,
    innovationPlatforms: v.innovation_platforms,
  };
}

export interface Computed {
  year: number;
  years: number[];
  method: { id: number; key: string; version: number; name: { zh: string; en: string } };
  noData: { indicators: string[]; rescale: number } | null;
  benchmarks: Record<string, number | null | undefined>;
  pool: PoolSettings & {
    saved: boolean;
    confirmedAt: Date | null;
    confirmedBy: number | null;
    confirmedByName: string | null;
    snapshot: AllocationSnapshot | null;
  };
  platforms: PlatformScore[];
}

export function createPlatformEvaluationService(
  db: Db,
  metrics: MetricsService,
  evaluation: EvaluationService,
) {
  async function poolOf(year: number) {
    const [row] = await db.select().from(quotaPools).where(eq(quotaPools.year, year));
    return row ?? null;
  }

  /** Who confirmed the allocation, by name (the banner says who and when). */
  async function userName(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
    return u?.name ?? null;
  }

  async function methodFor(methodId: number | string | null | undefined) {
    const m = await evaluation.methodOrFail(methodId ?? PLATFORM_PRESET_KEY);
    if (m.definition.subject !== 'platform') fail('METHOD_WRONG_SUBJECT');
    return m;
  }

  /** Results per snapshot: the same data, method and pool give the same evaluation. */
  const cache = new WeakMap<Snapshot, Map<string, Computed>>();

  /** Scores every platform with data in the year; the pool divided by score. */
  async function compute(
    year: number,
    methodId?: number | string | null,
    snapshot?: Snapshot,
  ): Promise<Computed> {
    const s = snapshot ?? (await metrics.snapshot());
    const pool = await poolOf(year);
    const settings: PoolSettings = pool
      ? {
          landMu: pool.landMu,
          energyTce: pool.energyTce,
          threshold: pool.threshold,
          leaders: pool.leaders,
          methodId: pool.methodId,
        }
      : { ...DEFAULT_POOL, methodId: null };
    const method = await methodFor(methodId ?? settings.methodId);
    const key = JSON.stringify([year, method.id, settings, pool !== null, pool?.confirmedAt ?? null]);
    const memo = cache.get(s) ?? cache.set(s, new Map()).get(s)!;
    const hit = memo.get(key);
    if (hit) return hit;
    const definition = method.definition as Method;
    const active = s.platforms.filter((p) => !p.archived);
    const subjects = active.map((p) => platformSubject(metrics, s, p.id, year));
    const outcome = evaluate(definition, subjects);
    const byId = new Map(outcome.results.map((r) => [r.enterpriseId, r]));
    const claimants = active.map((p) => ({ id: p.id, score: byId.get(p.id)?.score ?? null }));
    const land = allocate(settings.landMu, claimants, settings.threshold);
    const energy = allocate(settings.energyTce, claimants, settings.threshold);
    const cohort = outcome.cohorts[0];
    const rows: PlatformScore[] = active.map((p, i) => {
      const r = byId.get(p.id);
      const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
      const rescale = cohort?.noData?.rescale ?? 1;
      const items = (r?.items ?? []).map((it) => {
        const dimension = INDICATORS[it.indicator].dimension ?? null;
        if (dimension) dimensions[dimension] += it.points * rescale;
        return { ...it, dimension };
      });
      for (const d of DIMENSIONS) dimensions[d] = Math.round(dimensions[d] * 100) / 100;
      return {
        platformId: p.id,
        name: p.name,
        nameEn: p.nameEn,
        score: r?.score ?? null,
        rank: r?.rank ?? null,
        class: r?.class ?? null,
        leader: r?.rank != null && r.rank <= settings.leaders,
        dimensions,
        items,
        flags: r?.flags ?? [],
        land: { units: land[i]!.units, exact: land[i]!.exact, eligible: land[i]!.eligible },
        energy: { units: energy[i]!.units, exact: energy[i]!.exact, eligible: energy[i]!.eligible },
      };
    });
    rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.platformId - b.platformId);
    const result = {
      year,
      years: s.years,
      method: { id: method.id, key: method.key, version: method.version, name: definition.name },
      noData: cohort?.noData ?? null,
      benchmarks: cohort?.benchmarks ?? {},
      pool: {
        ...settings,
        saved: pool !== null,
        confirmedAt: pool?.confirmedAt ?? null,
        confirmedBy: pool?.confirmedBy ?? null,
        confirmedByName: await userName(pool?.confirmedBy ?? null),
        snapshot: (pool?.snapshot ?? null) as AllocationSnapshot | null,
      },
      platforms: rows,
    };
    memo.set(key, result);
    return result;
  }

  return {
    compute,

    /** The evaluation of a year in the actor's scope: a platform admin sees only their own row. */
    async evaluate(actor: Actor, year?: number, methodId?: number | string) {
      const scope = cockpitScope(actor);
      const s = await metrics.snapshot();
      const y = year ?? s.years[s.years.length - 1] ?? new Date().getFullYear() - 1;
      const result = await compute(y, methodId, s);
      if (!scope) return result;
      // A platform admin sees only their own row, in the confirmed allocation too. (Copies: the
      // computed result is cached and shared.)
      const snapshot = result.pool.snapshot as { platforms: { platformId: number }[] } | null;
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
    },

    /** Sets the year's pool (task force). */
    async savePool(actor: Actor, year: number, input: PoolSettings) {
      if (!can(actor, 'quota:write')) fail('FORBIDDEN');
      const problems = [];
      const whole = (v: number) => Number.isInteger(v) && v >= 0 && v <= 10_000_000;
      if (!whole(input.landMu))
        problems.push({
          field: 'landMu',
          code: 'QUOTA_POOL_INVALID',
          zh: '用地指标应为 0–1000 万之间的整数（亩）',
          en: 'Land: a whole number of mu',
        });
      if (!whole(input.energyTce))
        problems.push({
          field: 'energyTce',
          code: 'QUOTA_POOL_INVALID',
          zh: '用能指标应为整数（吨标准煤）',
          en: 'Energy: a whole number of tce',
        });
      if (!(input.threshold >= 0 && input.threshold <= 1000))
        problems.push({
          field: 'threshold',
          code: 'QUOTA_POOL_INVALID',
          zh: '门槛分应在 0–1000 之间',
          en: 'Threshold: 0–1000',
        });
      if (!(Number.isInteger(input.leaders) && input.leaders >= 0 && input.leaders <= 50))
        problems.push({
          field: 'leaders',
          code: 'QUOTA_POOL_INVALID',
          zh: '领跑者个数应为 0–50 的整数',
          en: 'Leading parks: 0–50',
        });
      if (problems.length) throw new AppError('QUOTA_POOL_INVALID', problems);
      if (input.methodId !== null) await methodFor(input.methodId);
      if (!(year >= 1990 && year <= 2100)) fail('BAD_REQUEST');
      await db.transaction(async (tx) => {
        await tx
          .insert(quotaPools)
          .values({ year, ...input, updatedBy: actor.userId })
          .onConflictDoUpdate({
            target: quotaPools.year,
            set: {
              ...input,
              updatedBy: actor.userId,
              updatedAt: new Date(),
              confirmedAt: null,
              confirmedBy: null,
              snapshot: null,
            },
          });
        await recordAudit(tx, subjectOf(actor), {
          action: 'quota.pool.save',
          result: 'success',
          objectType: 'quota_pool',
          objectId: year,
          detail: { ...input },
        });
      });
      return compute(year);
    },

    /** Confirms the year's allocation: keeps it as computed now, whatever the data does later. */
    async confirm(actor: Actor, year: number) {
      if (!can(actor, 'quota:write')) fail('FORBIDDEN');
      const result = await compute(year);
      if (!result.pool.saved) {
        const { landMu, energyTce, threshold, leaders } = result.pool;
        await db
          .insert(quotaPools)
          .values({ year, landMu, energyTce, threshold, leaders, updatedBy: actor.userId });
      }
      const snapshot: AllocationSnapshot = {
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
      await db.transaction(async (tx) => {
        await tx
          .update(quotaPools)
          .set({ confirmedAt: new Date(), confirmedBy: actor.userId, snapshot, methodId: result.method.id })
          .where(eq(quotaPools.year, year));
        await recordAudit(tx, subjectOf(actor), {
          action: 'quota.allocation.confirm',
          result: 'success',
          objectType: 'quota_pool',
          objectId: year,
          detail: { ...snapshot },
        });
      });
      return compute(year);
    },

    async poolYears() {
      const r = await db.execute(sql`select year from quota_pools order by year`);
      return (r.rows as { year: number }[]).map((x) => x.year);
    },
  };
}
export type PlatformEvaluationService = ReturnType<typeof createPlatformEvaluationService>;
