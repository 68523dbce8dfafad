/**
 * Plan periods and targets: preloading the 2022–2025 plan, editing, copying a period, and assessing
 * every target for a year against the metrics of the actor's scope.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { planPeriods, planTargets } from '../../platform/db/schema';
import { AppError, fail } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { METRIC_KEYS, METRICS, type MetricKey } from '../metrics/core/metrics';
import { cockpitScope, type MetricsService, type Snapshot } from '../metrics/metrics.service';
import {
  assess,
  copyTargets,
  PLAN_2022_2025,
  type Assessment,
  type PeriodDefinition,
  type TargetDefinition,
} from './core/targets';

export type Period = typeof planPeriods.$inferSelect;
export type Target = typeof planTargets.$inferSelect;

export interface TargetInput {
  code: string;
  nameZh: string;
  nameEn?: string;
  metric: string;
  comparator: 'gte' | 'gt' | 'lte';
  targetValue: number;
  kind: 'level' | 'annual';
  dueYear?: number | null;
  baselineYear?: number | null;
  baselineValue?: number | null;
  milestones?: Record<string, number>;
  ownerDepartment?: string;
  frequency?: 'yearly' | 'quarterly' | 'monthly';
  warningRatio?: number;
  source?: string;
  note?: string;
  sort?: number;
}

export interface TargetCard {
  target: Target;
  /** Whether the target is assessed for this scope: a platform is assessed on rates, not on totals. */
  applies: boolean;
  assessment: Assessment;
  /** The metric's value every year of the period (and the baseline year): the sparkline. */
  series: { year: number; value: number | null }[];
  source: string;
  /** Reported-only metrics: how many platforms reported it this year. */
  reportedBy: number | null;
  /** A platform's share of the city's value (totals only, platform scope). */
  cityValue: number | null;
}

/** A stored target's definition: without its row's id, period, version and audit columns. */
function definitionOf(row: Target): TargetDefinition {
  const { id: _id, periodId: _periodId, version: _version, updatedBy: _by, updatedAt: _at, ...t } = row;
  return { ...t, metric: t.metric as MetricKey };
}

const problem = (field: string, zh: string, en: string) => ({ field, code: 'VALIDATION_FAILED', zh, en });

function validateTarget(input: TargetInput, period: { startYear: number; endYear: number }) {
  const problems = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/.test(input.code))
    problems.push(
      problem('code', '编号只能用字母、数字、- 和 _（最多 16 位）', 'Code: letters, digits, - and _ (≤ 16)'),
    );
  if (!input.nameZh.trim()) problems.push(problem('nameZh', '请填写目标名称', 'Name the target'));
  if (!(METRIC_KEYS as readonly string[]).includes(input.metric))
    problems.push(problem('metric', '未知的指标', 'Unknown metric'));
  if (!Number.isFinite(input.targetValue))
    problems.push(problem('targetValue', '目标值应为数字', 'Target must be a number'));
  const inPeriod = (y: number | null | undefined) =>
    y == null || (y >= period.startYear && y <= period.endYear);
  if (!inPeriod(input.dueYear))
    problems.push(problem('dueYear', '完成年份应在规划期内', 'The due year must be within the period'));
  if (input.baselineYear != null && input.baselineYear > period.endYear)
    problems.push(
      problem('baselineYear', '基期年份不能晚于规划期末', 'The baseline year must not be after the period'),
    );
  for (const y of Object.keys(input.milestones ?? {}))
    if (!inPeriod(Number(y)))
      problems.push(
        problem('milestones', `里程碑年份 ${y} 不在规划期内`, `Milestone year ${y} is outside the period`),
      );
  if (input.warningRatio !== undefined && !(input.warningRatio > 0 && input.warningRatio <= 1))
    problems.push(problem('warningRatio', '预警比例应在 0 到 1 之间', 'The warning ratio must be in (0, 1]'));
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

export function createTargetService(db: Db, metrics: MetricsService) {
  const requireWrite = (actor: Actor) => {
    if (!can(actor, 'plan:write')) fail('FORBIDDEN');
  };
  const requireRead = (actor: Actor) => {
    if (!can(actor, 'cockpit:read')) fail('FORBIDDEN');
  };

  async function periodOrFail(idOrKey: number | string): Promise<Period> {
    const [p] = await db
      .select()
      .from(planPeriods)
      .where(typeof idOrKey === 'number' ? eq(planPeriods.id, idOrKey) : eq(planPeriods.key, idOrKey));
    return p ?? fail('PERIOD_NOT_FOUND');
  }

  async function targetsOf(periodId: number): Promise<Target[]> {
    return db
      .select()
      .from(planTargets)
      .where(eq(planTargets.periodId, periodId))
      .orderBy(asc(planTargets.sort), asc(planTargets.code));
  }

  async function insertPeriod(
    tx: Db,
    period: PeriodDefinition,
    targets: readonly TargetDefinition[],
    createdBy: number | null,
    copiedFrom: number | null,
  ): Promise<number> {
    const [row] = await tx
      .insert(planPeriods)
      .values({ ...period, createdBy, copiedFrom })
      .returning({ id: planPeriods.id });
    if (targets.length)
      await tx
        .insert(planTargets)
        .values(targets.map((t) => ({ ...t, periodId: row!.id, updatedBy: createdBy })));
    return row!.id;
  }

  return {
    /** Preloads the 2022–2025 plan into an empty catalogue (the first start). */
    async ensurePlan(): Promise<boolean> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(727412)`);
        const rows = (await tx.execute(sql`select count(*)::int as n from plan_periods`)).rows as {
          n: number;
        }[];
        if (rows[0]!.n > 0) return false;
        await insertPeriod(tx as unknown as Db, PLAN_2022_2025.period, PLAN_2022_2025.targets, null, null);
        return true;
      });
    },

    async listPeriods(actor: Actor) {
      requireRead(actor);
      const rows = await db
        .select()
        .from(planPeriods)
        .orderBy(asc(planPeriods.startYear), asc(planPeriods.id));
      const counts = await db.execute(
        sql`select period_id, count(*)::int as n from plan_targets group by period_id`,
      );
      const byPeriod = new Map(
        (counts.rows as { period_id: number; n: number }[]).map((r) => [r.period_id, r.n]),
      );
      return rows.map((p) => ({ ...p, targets: byPeriod.get(p.id) ?? 0 }));
    },

    async getPeriod(actor: Actor, idOrKey: number | string) {
      requireRead(actor);
      const period = await periodOrFail(idOrKey);
      return { ...period, targets: await targetsOf(period.id) };
    },

    /** A new period, empty or with the targets of another copied (baselines moved to its last year). */
    async createPeriod(actor: Actor, input: PeriodDefinition & { copyFrom?: number | string | null }) {
      requireWrite(actor);
      const problems = [];
      if (!/^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$/.test(input.key))
        problems.push(problem('key', '编码只能用字母、数字、- 和 _', 'Key: letters, digits, - and _'));
      if (!input.nameZh.trim()) problems.push(problem('nameZh', '请填写规划期名称', 'Name the period'));
      if (!(input.startYear >= 1990 && input.endYear <= 2100 && input.endYear >= input.startYear))
        problems.push(problem('endYear', '起止年份有误', 'The years are not a valid range'));
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
      const [exists] = await db
        .select({ id: planPeriods.id })
        .from(planPeriods)
        .where(eq(planPeriods.key, input.key));
      if (exists) fail('PERIOD_EXISTS');
      let targets: TargetDefinition[] = [];
      let copiedFrom: number | null = null;
      if (input.copyFrom != null) {
        const from = await periodOrFail(input.copyFrom);
        copiedFrom = from.id;
        const s = await metrics.snapshot();
        const valueAt = (metric: MetricKey, year: number) =>
          s.years.includes(year) ? metrics.scopeValues(s, year, null).values[metric] : null;
        targets = copyTargets((await targetsOf(from.id)).map(definitionOf), from, valueAt);
      }
      const id = await db.transaction(async (tx) => {
        const id = await insertPeriod(tx as unknown as Db, input, targets, actor.userId, copiedFrom);
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.period.create',
          result: 'success',
          objectType: 'plan_period',
          objectId: id,
          detail: { key: input.key, copiedFrom, targets: targets.length },
        });
        return id;
      });
      return this.getPeriod(actor, id);
    },

    /** Deletes a period with its targets (e.g. one created by mistake); the last one stays. */
    async deletePeriod(actor: Actor, idOrKey: number | string) {
      requireWrite(actor);
      const period = await periodOrFail(idOrKey);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(727412)`);
        const rows = (await tx.execute(sql`select count(*)::int as n from plan_periods`)).rows as {
          n: number;
        }[];
        if (rows[0]!.n <= 1) fail('PERIOD_LAST');
        await tx.delete(planPeriods).where(eq(planPeriods.id, period.id));
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.period.delete',
          result: 'success',
          objectType: 'plan_period',
          objectId: period.id,
          detail: { key: period.key },
        });
      });
    },

    async createTarget(actor: Actor, periodId: number, input: TargetInput) {
      requireWrite(actor);
      const period = await periodOrFail(periodId);
      validateTarget(input, period);
      const [dup] = await db
        .select({ id: planTargets.id })
        .from(planTargets)
        .where(and(eq(planTargets.periodId, periodId), eq(planTargets.code, input.code)));
      if (dup) fail('TARGET_CODE_EXISTS');
      const row = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(planTargets)
          .values({ ...input, nameEn: input.nameEn ?? '', periodId, updatedBy: actor.userId })
          .returning();
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.create',
          result: 'success',
          objectType: 'plan_target',
          objectId: row!.id,
          detail: { period: period.key, code: input.code },
        });
        return row!;
      });
      return row;
    },

    /** Edits a target; `version` must be the one read (someone else's edit in between: 409). */
    async updateTarget(actor: Actor, id: number, input: TargetInput & { version: number }) {
      requireWrite(actor);
      const [current] = await db.select().from(planTargets).where(eq(planTargets.id, id));
      if (!current) fail('TARGET_NOT_FOUND');
      const period = await periodOrFail(current!.periodId);
      validateTarget(input, period);
      if (input.code !== current!.code) {
        const [dup] = await db
          .select({ id: planTargets.id })
          .from(planTargets)
          .where(and(eq(planTargets.periodId, current!.periodId), eq(planTargets.code, input.code)));
        if (dup) fail('TARGET_CODE_EXISTS');
      }
      const { version, ...fields } = input;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(planTargets)
          .set({
            ...fields,
            version: sql`${planTargets.version} + 1`,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          })
          .where(and(eq(planTargets.id, id), eq(planTargets.version, version)))
          .returning();
        if (!row) fail('VERSION_CONFLICT');
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.update',
          result: 'success',
          objectType: 'plan_target',
          objectId: id,
          detail: {
            code: input.code,
            before: {
              targetValue: current!.targetValue,
              comparator: current!.comparator,
              dueYear: current!.dueYear,
            },
            after: {
              targetValue: input.targetValue,
              comparator: input.comparator,
              dueYear: input.dueYear ?? null,
            },
          },
        });
        return row!;
      });
    },

    async deleteTarget(actor: Actor, id: number) {
      requireWrite(actor);
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(planTargets).where(eq(planTargets.id, id)).returning();
        if (!row) fail('TARGET_NOT_FOUND');
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.delete',
          result: 'success',
          objectType: 'plan_target',
          objectId: id,
          detail: { code: row!.code },
        });
      });
    },

    /** Every target of a period assessed for a year, in the actor's scope (a platform: its own). */
    async assess(
      actor: Actor,
      q: { period?: number | string; year?: number; platformId?: number },
      snapshot?: Snapshot,
    ) {
      const scope = cockpitScope(actor);
      let ids = scope;
      if (q.platformId !== undefined) {
        if (scope && !scope.includes(q.platformId)) fail('PLATFORM_NOT_FOUND');
        ids = [q.platformId];
      }
      const s = snapshot ?? (await metrics.snapshot());
      if (ids?.length === 1 && !s.platforms.some((p) => p.id === ids![0])) fail('PLATFORM_NOT_FOUND');
      const periods = await db.select().from(planPeriods).orderBy(asc(planPeriods.startYear));
      if (!periods.length) fail('PERIOD_NOT_FOUND');
      const lastYear = s.years[s.years.length - 1] ?? new Date().getFullYear() - 1;
      const period =
        q.period !== undefined
          ? await periodOrFail(q.period)
          : (periods.find((p) => p.startYear <= lastYear && lastYear <= p.endYear) ??
            periods[periods.length - 1]!);
      const year = q.year ?? Math.min(Math.max(lastYear, period.startYear), period.endYear);
      const targets = await targetsOf(period.id);
      const platformScope = ids?.length === 1;
      const seriesYears = new Set<number>();
      for (let y = period.startYear - 1; y <= period.endYear; y++) seriesYears.add(y);
      for (const t of targets) if (t.baselineYear !== null) seriesYears.add(t.baselineYear);
      const values = new Map<number, ReturnType<typeof metrics.scopeValues>>();
      for (const y of [...seriesYears].sort((a, b) => a - b)) values.set(y, metrics.scopeValues(s, y, ids));
      const city = platformScope ? metrics.scopeValues(s, year, null) : null;
      const cards: TargetCard[] = targets.map((t) => {
        const metric = t.metric as MetricKey;
        const def = METRICS[metric];
        const applies =
          !platformScope || ((def.format === 'ratio' || def.format === 'decimal') && def.scope !== 'city');
        const series = new Map<number, number | null>();
        for (const [y, v] of values)
          series.set(y, s.years.includes(y) || y <= lastYear ? (v.values[metric] ?? null) : null);
        const assessment = assess(t, period, series, year);
        if (!applies) assessment.status = 'no_data';
        const current = values.get(year);
        return {
          target: t,
          applies,
          assessment,
          series: [...series]
            .filter(([y]) => y >= period.startYear - 1)
            .map(([y, value]) => ({ year: y, value })),
          source: current?.sources[metric] ?? 'computed',
          reportedBy: current?.reportedBy[metric] ?? null,
          cityValue: city ? city.values[metric] : null,
        };
      });
      return { period, year, years: s.years, platformId: platformScope ? ids![0]! : null, cards };
    },
  };
}
export type TargetService = ReturnType<typeof createTargetService>;
