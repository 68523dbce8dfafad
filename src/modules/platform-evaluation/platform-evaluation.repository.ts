/** SQL of the platform evaluation: the quota pools per year and their confirmed allocations. */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { quotaPools, users } from '../../platform/db/schema';
import type { AllocationSnapshot, PoolSettings } from './platform-evaluation.schemas';

export interface StoredPool extends PoolSettings {
  confirmedAt: string | null;
  confirmedBy: number | null;
  /** Who confirmed, by name (the banner says who and when). */
  confirmedByName: string | null;
  snapshot: AllocationSnapshot | null;
}

/** The year's pool with who confirmed it, or null when the year has none. */
export async function findPool(db: Db | Tx, year: number): Promise<StoredPool | null> {
  const [row] = await db
    .select({ pool: quotaPools, confirmedByName: users.displayName })
    .from(quotaPools)
    .leftJoin(users, eq(users.id, quotaPools.confirmedBy))
    .where(eq(quotaPools.year, year));
  if (!row) return null;
  const p = row.pool;
  return {
    landMu: p.landMu,
    energyTce: p.energyTce,
    threshold: p.threshold,
    leaders: p.leaders,
    methodId: p.methodId,
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    confirmedBy: p.confirmedBy,
    confirmedByName: p.confirmedBy === null ? null : (row.confirmedByName ?? null),
    snapshot: (p.snapshot ?? null) as AllocationSnapshot | null,
  };
}

/** Sets the year's pool; a changed pool is no longer confirmed. */
export async function savePool(tx: Tx, year: number, input: PoolSettings, by: number): Promise<void> {
  await tx
    .insert(quotaPools)
    .values({ year, ...input, updatedBy: by })
    .onConflictDoUpdate({
      target: quotaPools.year,
      set: {
        ...input,
        updatedBy: by,
        updatedAt: new Date(),
        confirmedAt: null,
        confirmedBy: null,
        snapshot: null,
      },
    });
}

/** Keeps the year's allocation as confirmed now (the pool row is created when the year had none). */
export async function confirmPool(
  tx: Tx,
  year: number,
  pool: Omit<PoolSettings, 'methodId'>,
  snapshot: AllocationSnapshot,
  by: number,
): Promise<void> {
  await tx
    .insert(quotaPools)
    .values({ year, ...pool, updatedBy: by })
    .onConflictDoNothing({ target: quotaPools.year });
  await tx
    .update(quotaPools)
    .set({ confirmedAt: new Date(), confirmedBy: by, snapshot, methodId: snapshot.method.id })
    .where(eq(quotaPools.year, year));
}

export async function poolYears(db: Db | Tx): Promise<number[]> {
  const r = await db.execute(sql`select year from quota_pools order by year`);
  return (r.rows as { year: number }[]).map((x) => x.year);
}
