import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import {
  districts,
  industries,
  platformIndustries,
  platformTypes,
  platforms,
} from '../../platform/db/schema';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { ReferenceCodes } from './core/platform-rules';
import type { Page } from '../../platform/contract';
import type { Platform, PlatformInput, PlatformQuery, PlatformSortKey } from './platforms.schemas';

type PlatformRow = typeof platforms.$inferSelect;

/** Chinese names sort by pinyin (ICU collation, present in the embedded and Debian builds). */
const byPinyin = sql`${platforms.name} collate "zh-x-icu"`;

const SORTABLE: Record<PlatformSortKey, SQLWrapper> = {
  name: byPinyin,
  districtCode: platforms.districtCode,
  type: platforms.type,
  areaKm2: platforms.areaKm2,
  industrialLandMu: platforms.industrialLandMu,
  updatedAt: platforms.updatedAt,
};

/** A platform is in scope by its own id (an enterprise user's scope is its enterprise's platform). */
const inScope = (scope: PlatformScope) => scopeSql(scope, { platformId: platforms.id });

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function attachIndustries(db: Db | Tx, rows: PlatformRow[]): Promise<Platform[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select()
        .from(platformIndustries)
        .where(inArray(platformIndustries.platformId, ids))
        .orderBy(asc(platformIndustries.rank))
    : [];
  return rows.map((r) => ({
    ...r,
    leadingIndustries: links.filter((l) => l.platformId === r.id).map((l) => l.industryCode),
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listPlatforms(db: Db, scope: PlatformScope, q: PlatformQuery): Promise<Page<Platform>> {
  const where: (SQL | undefined)[] = [inScope(scope)];
  if (!q.includeArchived) where.push(isNull(platforms.archivedAt));
  if (q.keyword) {
    const pattern = `%${escapeLike(q.keyword.trim())}%`;
    where.push(or(ilike(platforms.name, pattern), ilike(platforms.nameEn, pattern)));
  }
  if (q.district) where.push(eq(platforms.districtCode, q.district));
  if (q.type) where.push(eq(platforms.type, q.type));
  if (q.strategic !== undefined) where.push(eq(platforms.isStrategic, q.strategic));
  if (q.industry) {
    where.push(
      inArray(
        platforms.id,
        db
          .select({ id: platformIndustries.platformId })
          .from(platformIndustries)
          .where(eq(platformIndustries.industryCode, q.industry)),
      ),
    );
  }
  const condition = and(...where);
  const direction = q.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(platforms)
      .where(condition)
      .orderBy(direction(SORTABLE[q.sort]), asc(platforms.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(platforms).where(condition),
  ]);
  return {
    items: await attachIndustries(db, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findPlatform(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
  forUpdate = false,
): Promise<Platform | null> {
  const query = db
    .select()
    .from(platforms)
    .where(and(eq(platforms.id, id), inScope(scope)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? ((await attachIndustries(db, [row]))[0] ?? null) : null;
}

export async function nameTaken(db: Db | Tx, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: platforms.id })
    .from(platforms)
    .where(and(eq(platforms.name, name.trim()), exceptId ? sql`${platforms.id} <> ${exceptId}` : undefined));
  return Boolean(row);
}

function columns(input: PlatformInput) {
  return {
    name: input.name.trim(),
    nameEn: input.nameEn.trim(),
    type: input.type,
    districtCode: input.districtCode,
    areaKm2: input.areaKm2,
    industrialLandMu: input.industrialLandMu,
    isStrategic: input.isStrategic,
    longitude: input.longitude,
    latitude: input.latitude,
    description: input.description,
  };
}

async function setIndustries(tx: Db | Tx, platformId: number, codes: string[]) {
  await tx.delete(platformIndustries).where(eq(platformIndustries.platformId, platformId));
  if (codes.length)
    await tx
      .insert(platformIndustries)
      .values(codes.map((industryCode, rank) => ({ platformId, industryCode, rank })));
}

export async function insertPlatform(tx: Db | Tx, input: PlatformInput, isDemo = false): Promise<number> {
  const [row] = await tx
    .insert(platforms)
    .values({ ...columns(input), isDemo })
    .returning({ id: platforms.id });
  await setIndustries(tx, row!.id, input.leadingIndustries);
  return row!.id;
}

export async function updatePlatformRow(tx: Db | Tx, id: number, input: PlatformInput): Promise<void> {
  await tx
    .update(platforms)
    .set({ ...columns(input), version: sql`${platforms.version} + 1`, updatedAt: new Date() })
    .where(eq(platforms.id, id));
  await setIndustries(tx, id, input.leadingIndustries);
}

export async function setArchived(tx: Db | Tx, id: number, archived: boolean): Promise<void> {
  await tx
    .update(platforms)
    .set({
      archivedAt: archived ? new Date() : null,
      version: sql`${platforms.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(platforms.id, id));
}

export async function referenceCodes(db: Db | Tx): Promise<ReferenceCodes> {
  // Sequential: `db` may be a transaction, which runs one query at a time.
  const t = await db.select({ code: platformTypes.code }).from(platformTypes);
  const d = await db.select({ code: districts.code }).from(districts);
  const i = await db.select({ code: industries.code }).from(industries);
  return {
    types: new Set(t.map((r) => r.code)),
    districts: new Set(d.map((r) => r.code)),
    industries: new Set(i.map((r) => r.code)),
  };
}
