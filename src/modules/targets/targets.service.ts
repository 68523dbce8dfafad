/**
 * Plan periods and targets: preloading the 2022–2025 plan, editing, copying a period, and assessing
 * every target for a year against the metrics of the actor's scope.
 */
import type { Database } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { can, type Actor } from '../auth/core/access';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { METRIC_KEYS, METRICS, type MetricKey } from '../metrics/core/metrics';
import { cockpitScope, type MetricsService, type Snapshot } from '../metrics/metrics.service';
import {
  assess,
  yearIn,
  copyTargets,
  PLAN_2022_2025,
  type PeriodDefinition,
  type TargetDefinition,
} from './core/targets';
import * as repo from './targets.repository';
import type {
  AssessmentQuery,
  Period,
  PeriodDetail,
  PeriodSummary,
  PlanAssessment,
  Target,
  TargetBody,
  TargetCard,
  TargetUpdateBody,
} from './targets.schemas';

/** A stored target's definition: without its row's id, period, version and audit columns. */
function definitionOf(row: Target): TargetDefinition {
  const { id: _id, periodId: _periodId, version: _version, updatedBy: _by, updatedAt: _at, ...t } = row;
  return t;
}

/** A period named in an address: its id when all digits below 1900 (not a year), else its key. */
const periodRef = (ref: number | string) =>
  typeof ref === 'string' && /^\d+$/.test(ref) && Number(ref) < 1900 ? Number(ref) : ref;

const problem = (field: string, zh: string, en: string) => ({ field, code: 'VALIDATION_FAILED', zh, en });

function validateTarget(input: TargetBody, period: { startYear: number; endYear: number }) {
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

export function createTargetService(
  database: Database,
  metrics: MetricsService,
  options: { now?: () => Date } = {},
) {
  const { db } = database;
  const now = options.now ?? (() => new Date());
  const requireWrite = (actor: Actor) => {
    if (!can(actor, 'plan:write')) forbidden('plan:write');
  };
  const requireRead = (actor: Actor) => {
    if (!can(actor, 'cockpit:read')) forbidden('cockpit:read');
  };

  async function periodOrFail(idOrKey: number | string): Promise<Period> {
    return (await repo.findPeriod(db, idOrKey)) ?? fail('PERIOD_NOT_FOUND');
  }

  return {
    /** Preloads the 2022–2025 plan into an empty catalogue (the first start). */
    async ensurePlan(): Promise<boolean> {
      return database.transaction(async (tx) => {
        await repo.lockPeriods(tx);
        if ((await repo.countPeriods(tx)) > 0) return false;
        await repo.insertPeriod(tx, PLAN_2022_2025.period, PLAN_2022_2025.targets, null, null);
        return true;
      });
    },

    async listPeriods(actor: Actor): Promise<PeriodSummary[]> {
      requireRead(actor);
      return repo.listPeriods(db);
    },

    /** A period with its targets, by id or key (a string of digits below 1900 is an id). */
    async getPeriod(actor: Actor, ref: number | string): Promise<PeriodDetail> {
      requireRead(actor);
      const period = await periodOrFail(periodRef(ref));
      return { ...period, targets: await repo.targetsOf(db, period.id) };
    },

    /** A new period, empty or with the targets of another copied (baselines moved to its last year). */
    async createPeriod(
      actor: Actor,
      input: PeriodDefinition & { copyFrom?: number | string | null },
    ): Promise<PeriodDetail> {
      requireWrite(actor);
      const problems = [];
      if (!/^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$/.test(input.key))
        problems.push(problem('key', '编码只能用字母、数字、- 和 _', 'Key: letters, digits, - and _'));
      if (!input.nameZh.trim()) problems.push(problem('nameZh', '请填写规划期名称', 'Name the period'));
      if (!(input.startYear >= 1990 && input.endYear <= 2100 && input.endYear >= input.startYear))
        problems.push(problem('endYear', '起止年份有误', 'The years are not a valid range'));
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
      if (await repo.periodKeyTaken(db, input.key)) fail('PERIOD_EXISTS');
      let targets: TargetDefinition[] = [];
      let copiedFrom: number | null = null;
      if (input.copyFrom != null) {
        const from = await periodOrFail(input.copyFrom);
        copiedFrom = from.id;
        const s = await metrics.snapshot();
        const valueAt = (metric: MetricKey, year: number) =>
          s.years.includes(year) ? metrics.scopeValues(s, year, null).values[metric] : null;
        targets = copyTargets((await repo.targetsOf(db, from.id)).map(definitionOf), from, valueAt);
      }
      const { copyFrom: _copyFrom, ...period } = input;
      const id = await database.transaction(async (tx) => {
        const id = await repo.insertPeriod(tx, period, targets, actor.userId, copiedFrom);
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
    async deletePeriod(actor: Actor, idOrKey: number | string): Promise<void> {
      requireWrite(actor);
      const period = await periodOrFail(idOrKey);
      await database.transaction(async (tx) => {
        await repo.lockPeriods(tx);
        if ((await repo.countPeriods(tx)) <= 1) fail('PERIOD_LAST');
        await repo.deletePeriodRow(tx, period.id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.period.delete',
          result: 'success',
          objectType: 'plan_period',
          objectId: period.id,
          detail: { key: period.key },
        });
      });
    },

    async createTarget(actor: Actor, periodId: number, input: TargetBody): Promise<Target> {
      requireWrite(actor);
      const period = await periodOrFail(periodId);
      validateTarget(input, period);
      if (await repo.targetCodeTaken(db, periodId, input.code)) fail('TARGET_CODE_EXISTS');
      return database.transaction(async (tx) => {
        const row = await repo.insertTarget(tx, periodId, input, actor.userId);
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.create',
          result: 'success',
          objectType: 'plan_target',
          objectId: row.id,
          detail: { period: period.key, code: input.code },
        });
        return row;
      });
    },

    /** Edits a target; `version` must be the one read (someone else's edit in between: 409). */
    async updateTarget(actor: Actor, id: number, input: TargetUpdateBody): Promise<Target> {
      requireWrite(actor);
      const current = (await repo.findTarget(db, id)) ?? fail('TARGET_NOT_FOUND');
      const period = await periodOrFail(current.periodId);
      validateTarget(input, period);
      if (input.code !== current.code && (await repo.targetCodeTaken(db, current.periodId, input.code)))
        fail('TARGET_CODE_EXISTS');
      const { version, ...fields } = input;
      return database.transaction(async (tx) => {
        const row =
          (await repo.updateTargetRow(tx, id, version, fields, actor.userId)) ?? fail('VERSION_CONFLICT');
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.update',
          result: 'success',
          objectType: 'plan_target',
          objectId: id,
          detail: {
            code: input.code,
            before: {
              targetValue: current.targetValue,
              comparator: current.comparator,
              dueYear: current.dueYear,
            },
            after: {
              targetValue: input.targetValue,
              comparator: input.comparator,
              dueYear: input.dueYear ?? null,
            },
          },
        });
        return row;
      });
    },

    async deleteTarget(actor: Actor, id: number): Promise<void> {
      requireWrite(actor);
      await database.transaction(async (tx) => {
        const row = (await repo.deleteTargetRow(tx, id)) ?? fail('TARGET_NOT_FOUND');
        await recordAudit(tx, subjectOf(actor), {
          action: 'plan.target.delete',
          result: 'success',
          objectType: 'plan_target',
          objectId: id,
          detail: { code: row.code },
        });
      });
    },

    /** Every target of a period assessed for a year, in the actor's scope (a platform: its own). */
    async assess(actor: Actor, q: AssessmentQuery, snapshot?: Snapshot): Promise<PlanAssessment> {
      const scope = cockpitScope(actor);
      let ids = scope;
      if (q.platformId !== undefined) {
        if (scope && !scope.includes(q.platformId)) fail('PLATFORM_NOT_FOUND');
        ids = [q.platformId];
      }
      const s = snapshot ?? (await metrics.snapshot());
      if (ids?.length === 1 && !s.platforms.some((p) => p.id === ids![0])) fail('PLATFORM_NOT_FOUND');
      const periods = await repo.periodsByStart(db);
      if (!periods.length) fail('PERIOD_NOT_FOUND');
      const lastYear = s.years[s.years.length - 1] ?? new Date().getFullYear() - 1;
      const period =
        q.period !== undefined
          ? await periodOrFail(q.period)
          : (periods.find((p) => p.startYear <= lastYear && lastYear <= p.endYear) ??
            periods[periods.length - 1]!);
      const year = q.year ?? Math.min(Math.max(lastYear, period.startYear), period.endYear);
      const targets = await repo.targetsOf(db, period.id);
      const currentYear = yearIn(now());
      const platformScope = ids?.length === 1;
      const seriesYears = new Set<number>();
      for (let y = period.startYear - 1; y <= period.endYear; y++) seriesYears.add(y);
      for (const t of targets) if (t.baselineYear !== null) seriesYears.add(t.baselineYear);
      const values = new Map<number, ReturnType<typeof metrics.scopeValues>>();
      for (const y of [...seriesYears].sort((a, b) => a - b)) values.set(y, metrics.scopeValues(s, y, ids));
      const city = platformScope ? metrics.scopeValues(s, year, null) : null;
      const cards: TargetCard[] = targets.map((t) => {
        const metric = t.metric;
        const def = METRICS[metric];
        const applies =
          !platformScope || ((def.format === 'ratio' || def.format === 'decimal') && def.scope !== 'city');
        const series = new Map<number, number | null>();
        for (const [y, v] of values)
          series.set(y, s.years.includes(y) || y <= lastYear ? (v.values[metric] ?? null) : null);
        const assessment = assess(t, period, series, year, currentYear);
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
