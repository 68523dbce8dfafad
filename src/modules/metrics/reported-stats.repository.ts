/** Queries of reported statistics (统计上报数): the `platform_year_stats` table. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { platforms, platformYearStats, users } from '../../platform/db/schema';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import { BASE_FIGURES, type BaseFigure } from './core/metrics';
import type { ReportedStat } from './reported-stats.schemas';

type StatRow = ReportedStat;

const figureOrder = (f: string) => (BASE_FIGURES as readonly string[]).indexOf(f);

const columns = {
  platformId: platformYearStats.platformId,
  platformName: platforms.name,
  year: platformYearStats.year,
  figure: platformYearStats.figure,
  value: platformYearStats.value,
  note: platformYearStats.note,
  enteredBy: platformYearStats.enteredBy,
  enteredByName: platformYearStats.enteredByName,
  enteredAt: platformYearStats.enteredAt,
};

interface Selected extends Omit<StatRow, 'figure' | 'enteredAt'> {
  figure: string;
  enteredAt: Date;
}

const view = (r: Selected): StatRow => ({
  ...r,
  figure: r.figure as BaseFigure,
  enteredAt: r.enteredAt.toISOString(),
});

/** Rows in catalogue order within a platform: the order of `BASE_FIGURES`. */
const sorted = (rows: StatRow[]) =>
  rows.sort(
    (a, b) =>
      a.year - b.year ||
      a.platformName.localeCompare(b.platformName, 'zh-CN') ||
      a.platformId - b.platformId ||
      figureOrder(a.figure) - figureOrder(b.figure),
  );

/**
 * The reported figures of a year (or of every year), limited to the scope's platforms. Figures no
 * longer in the catalogue are left out (they would override nothing).
 */
export async function listStats(
  db: Db | Tx,
  scope: PlatformScope,
  filter: { year?: number; platformId?: number },
): Promise<StatRow[]> {
  const rows = await db
    .select(columns)
    .from(platformYearStats)
    .innerJoin(platforms, eq(platforms.id, platformYearStats.platformId))
    .where(
      and(
        scopeSql(scope, { platformId: platforms.id }),
        filter.year === undefined ? undefined : eq(platformYearStats.year, filter.year),
        filter.platformId === undefined ? undefined : eq(platformYearStats.platformId, filter.platformId),
        inArray(platformYearStats.figure, [...BASE_FIGURES]),
      ),
    )
    .orderBy(asc(platformYearStats.year), asc(platformYearStats.platformId));
  return sorted(rows.map(view));
}

/** The figures of one platform-year, locked for update when `lock` is set (inside a transaction). */
export async function statsOf(tx: Db | Tx, platformId: number, year: number, lock = false) {
  const q = tx
    .select(columns)
    .from(platformYearStats)
    .innerJoin(platforms, eq(platforms.id, platformYearStats.platformId))
    .where(and(eq(platformYearStats.platformId, platformId), eq(platformYearStats.year, year)));
  const rows = lock ? await q.for('update', { of: platformYearStats }) : await q;
  return new Map(rows.map((r) => [r.figure, view(r)]));
}

/** A platform the scope may see: id and name, or null (unknown and out of scope look the same). */
export async function findPlatform(db: Db | Tx, scope: PlatformScope, id: number) {
  const [row] = await db
    .select({
      id: platforms.id,
      name: platforms.name,
      archived: sql<boolean>`${platforms.archivedAt} is not null`,
    })
    .from(platforms)
    .where(and(eq(platforms.id, id), scopeSql(scope, { platformId: platforms.id })));
  return row ?? null;
}

/** Platforms of the scope, by pinyin; archived ones only when asked. */
export async function platformsOf(db: Db | Tx, scope: PlatformScope, includeArchived = false) {
  return db
    .select({ id: platforms.id, name: platforms.name })
    .from(platforms)
    .where(
      and(
        scopeSql(scope, { platformId: platforms.id }),
        includeArchived ? undefined : isNull(platforms.archivedAt),
      ),
    )
    .orderBy(sql`${platforms.name} collate "zh-x-icu"`);
}

export async function displayNameOf(db: Db | Tx, userId: number): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}

export async function upsertStat(
  tx: Db | Tx,
  row: {
    platformId: number;
    year: number;
    figure: BaseFigure;
    value: number;
    note: string;
    enteredBy: number;
    enteredByName: string;
  },
) {
  await tx
    .insert(platformYearStats)
    .values({ ...row, enteredAt: sql`now()` })
    .onConflictDoUpdate({
      target: [platformYearStats.platformId, platformYearStats.year, platformYearStats.figure],
      set: {
        value: row.value,
        note: row.note,
        enteredBy: row.enteredBy,
        enteredByName: row.enteredByName,
        enteredAt: sql`now()`,
      },
    });
}

/** Removes an override; returns the removed row's value and note, or null when there was none. */
export async function deleteStat(tx: Db | Tx, platformId: number, year: number, figure: BaseFigure) {
  const [row] = await tx
    .delete(platformYearStats)
    .where(
      and(
        eq(platformYearStats.platformId, platformId),
        eq(platformYearStats.year, year),
        eq(platformYearStats.figure, figure),
      ),
    )
    .returning({ value: platformYearStats.value, note: platformYearStats.note });
  return row ?? null;
}
