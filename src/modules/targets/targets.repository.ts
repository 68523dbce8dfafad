/** Plan periods and targets: the `plan_periods` and `plan_targets` tables. */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { planPeriods, planTargets } from '../../platform/db/schema';
import type { MetricKey } from '../metrics/core/metrics';
import type { PeriodDefinition, TargetDefinition } from './core/targets';
import type { Period, PeriodSummary, Target, TargetBody } from './targets.schemas';

type PeriodRow = typeof planPeriods.$inferSelect;
type TargetRow = typeof planTargets.$inferSelect;

const periodView = (r: PeriodRow): Period => ({ ...r, createdAt: r.createdAt.toISOString() });
const targetView = (r: TargetRow): Target => ({
  ...r,
  metric: r.metric as MetricKey,
  updatedAt: r.updatedAt.toISOString(),
});

/** Every period (by start year) with the number of its targets. */
export async function listPeriods(db: Db | Tx): Promise<PeriodSummary[]> {
  const rows = await db.select().from(planPeriods).orderBy(asc(planPeriods.startYear), asc(planPeriods.id));
  const counts = await db
    .select({ periodId: planTargets.periodId, n: count() })
    .from(planTargets)
    .groupBy(planTargets.periodId);
  const byPeriod = new Map(counts.map((r) => [r.periodId, r.n]));
  return rows.map((p) => ({ ...periodView(p), targets: byPeriod.get(p.id) ?? 0 }));
}

/** Every period by start year (the assessment picks the one holding the year). */
export async function periodsByStart(db: Db | Tx): Promise<Period[]> {
  const rows = await db.select().from(planPeriods).orderBy(asc(planPeriods.startYear));
  return rows.map(periodView);
}

/** A period by id or by key. */
export async function findPeriod(db: Db | Tx, idOrKey: number | string): Promise<Period | null> {
  const [row] = await db
    .select()
    .from(planPeriods)
    .where(typeof idOrKey === 'number' ? eq(planPeriods.id, idOrKey) : eq(planPeriods.key, idOrKey));
  return row ? periodView(row) : null;
}

export async function periodKeyTaken(db: Db | Tx, key: string): Promise<boolean> {
  const [row] = await db.select({ id: planPeriods.id }).from(planPeriods).where(eq(planPeriods.key, key));
  return Boolean(row);
}

/** The targets of a period in their order. */
export async function targetsOf(db: Db | Tx, periodId: number): Promise<Target[]> {
  const rows = await db
    .select()
    .from(planTargets)
    .where(eq(planTargets.periodId, periodId))
    .orderBy(asc(planTargets.sort), asc(planTargets.code));
  return rows.map(targetView);
}

/** Serialises changes to the set of periods (the preload, deleting one) across processes. */
export async function lockPeriods(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727412)`);
}

export async function countPeriods(tx: Db | Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(planPeriods);
  return row?.n ?? 0;
}

export async function insertPeriod(
  tx: Tx,
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

/** Deletes a period; its targets go with it (foreign key cascade). */
export async function deletePeriodRow(tx: Tx, id: number): Promise<void> {
  await tx.delete(planPeriods).where(eq(planPeriods.id, id));
}

export async function targetCodeTaken(db: Db | Tx, periodId: number, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: planTargets.id })
    .from(planTargets)
    .where(and(eq(planTargets.periodId, periodId), eq(planTargets.code, code)));
  return Boolean(row);
}

export async function findTarget(db: Db | Tx, id: number): Promise<Target | null> {
  const [row] = await db.select().from(planTargets).where(eq(planTargets.id, id));
  return row ? targetView(row) : null;
}

export async function insertTarget(
  tx: Tx,
  periodId: number,
  input: TargetBody,
  updatedBy: number,
): Promise<Target> {
  const [row] = await tx
    .insert(planTargets)
    .values({ ...input, nameEn: input.nameEn ?? '', periodId, updatedBy })
    .returning();
  return targetView(row!);
}

/** Writes a target if it is still at `version`; null when someone else changed it in between. */
export async function updateTargetRow(
  tx: Tx,
  id: number,
  version: number,
  fields: TargetBody,
  updatedBy: number,
): Promise<Target | null> {
  const [row] = await tx
    .update(planTargets)
    .set({ ...fields, version: sql`${planTargets.version} + 1`, updatedBy, updatedAt: new Date() })
    .where(and(eq(planTargets.id, id), eq(planTargets.version, version)))
    .returning();
  return row ? targetView(row) : null;
}

/** Deletes a target; returns it, or null when there was none. */
export async function deleteTargetRow(tx: Tx, id: number): Promise<Target | null> {
  const [row] = await tx.delete(planTargets).where(eq(planTargets.id, id)).returning();
  return row ? targetView(row) : null;
}
