import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import {
  enterpriseContacts,
  enterpriseLabels,
  enterpriseYearFlags,
  enterpriseYears,
  enterprises,
  industryClassMapping,
  industryClasses,
  platforms,
  users,
} from '../../platform/db/schema';
import type { RatingExemption, Scale } from './core/codes';
import type { PlatformScope } from '../../platform/scope';
import type { Page } from '../../platform/contract';
import type { EnterpriseInput } from './core/enterprise-rules';
import { pinyinInitials } from './core/pinyin';
import type {
  EnterpriseListItem,
  EnterpriseQuery,
  EnterpriseSortKey,
  EnterpriseYear,
  YearFlag,
} from './enterprises.schemas';
import { YEAR_FIELD_KEYS, type YearFieldKey } from './core/fields';
import { ABOVE_SCALE_REVENUE } from './core/scale';

/** Sort keys → SQL (an allow-list: nothing from the request reaches SQL as text). */
const SORTS: Record<EnterpriseSortKey, SQL> = {
  name: sql`e.name collate "zh-x-icu"`,
  uscc: sql`e.uscc`,
  revenue: sql`ly.revenue`,
  tax: sql`ly.tax`,
  output: sql`ly.output`,
  ownLandMu: sql`e.own_land_mu`,
  updatedAt: sql`e.updated_at`,
};

/** Scope as a condition on the alias `e` (enterprises). */
export function enterpriseScopeSql(scope: PlatformScope): SQL {
  return scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The filters, plus (from the service, never the request) the keyed indexes of a keyword that is
 * a phone number: a contact's whole number finds its enterprise without the number in clear.
 */
export type EnterpriseFilter = Omit<EnterpriseQuery, 'page' | 'pageSize' | 'sort' | 'order'> & {
  phoneIndexes?: Buffer[];
};

export function filterSql(scope: PlatformScope, q: EnterpriseFilter): SQL {
  const parts: SQL[] = [enterpriseScopeSql(scope)];
  if (q.keyword?.trim()) {
    const k = q.keyword.trim();
    const like = `%${escapeLike(k)}%`;
    const byPhone = q.phoneIndexes?.length
      ? sql` or exists (select 1 from enterprise_contacts ct where ct.enterprise_id = e.id and ct.phone_index = any(${sql.param(q.phoneIndexes)}::bytea[]))`
      : sql``;
    parts.push(
      sql`(e.name ilike ${like} or e.uscc ilike ${`${escapeLike(k.toUpperCase())}%`} or e.name_initials like ${`%${escapeLike(k.toLowerCase())}%`}${byPhone})`,
    );
  }
  if (q.platformId) parts.push(sql`e.platform_id = ${q.platformId}`);
  if (q.industryClass) parts.push(sql`e.industry_class like ${`${escapeLike(q.industryClass)}%`}`);
  if (q.keyIndustry) parts.push(sql`m.industry_code = ${q.keyIndustry}`);
  if (q.scale) parts.push(sql`e.scale = ${q.scale}`);
  if (q.label)
    parts.push(
      sql`exists (select 1 from enterprise_labels l where l.enterprise_id = e.id and l.label = ${q.label})`,
    );
  return sql.join(parts, sql` and `);
}

const FROM = sql`
  from enterprises e
  join platforms p on p.id = e.platform_id
  left join industry_classes c on c.code = e.industry_class
  left join industry_class_mapping m on m.class_code = e.industry_class
  left join lateral (
    select y.year, y.output, y.revenue, y.tax, y.value_added, y.employees
      from enterprise_years y where y.enterprise_id = e.id order by y.year desc limit 1
  ) ly on true`;

const SELECT = sql`select e.id, e.uscc, e.name, e.platform_id, p.name as platform_name, p.name_en as platform_name_en,
  e.industry_class, c.name_zh as industry_class_name, c.name_en as industry_class_name_en, m.industry_code as key_industry, e.scale, e.scale_override,
  e.own_land_mu, e.leased_floor_m2, e.rating_exemption, e.is_demo, ly.year as latest_year, ly.output, ly.revenue, ly.tax,
  ly.value_added, ly.employees`;

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function withLabels(db: Db | Tx, rows: Row[]): Promise<EnterpriseListItem[]> {
  const ids = rows.map((r) => Number(r.id));
  const labels = ids.length
    ? await db
        .select()
        .from(enterpriseLabels)
        .where(inArray(enterpriseLabels.enterpriseId, ids))
        .orderBy(asc(enterpriseLabels.label))
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    uscc: String(r.uscc),
    name: String(r.name),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    platformNameEn: String(r.platform_name_en ?? ''),
    industryClass: (r.industry_class as string | null) ?? null,
    industryClassName: (r.industry_class_name as string | null) ?? null,
    industryClassNameEn: (r.industry_class_name_en as string | null) ?? null,
    keyIndustry: (r.key_industry as string | null) ?? null,
    scale: r.scale as Scale,
    scaleOverride: (r.scale_override as Scale | null) ?? null,
    ownLandMu: num(r.own_land_mu),
    leasedFloorM2: num(r.leased_floor_m2),
    ratingExemption: (r.rating_exemption as RatingExemption | null) ?? null,
    labels: labels
      .filter((l) => l.enterpriseId === Number(r.id))
      .map((l) => ({ label: l.label, grantedOn: l.grantedOn })),
    isDemo: Boolean(r.is_demo),
    latestYear: num(r.latest_year),
    output: num(r.output),
    revenue: num(r.revenue),
    tax: num(r.tax),
    valueAdded: num(r.value_added),
    employees: num(r.employees),
  }));
}

export async function listEnterprises(
  db: Db,
  scope: PlatformScope,
  q: EnterpriseQuery & EnterpriseFilter,
): Promise<Page<EnterpriseListItem>> {
  const where = filterSql(scope, q);
  const direction = q.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const [rows, total] = await Promise.all([
    db.execute<Row>(
      sql`${SELECT} ${FROM} where ${where} order by ${SORTS[q.sort]} ${direction}, e.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${FROM} where ${where}`),
  ]);
  return {
    items: await withLabels(db, rows.rows),
    total: total.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every matching row in pages of `batch`, for streaming exports. */
export async function* iterateEnterprises(
  db: Db,
  scope: PlatformScope,
  q: Omit<EnterpriseQuery, 'page' | 'pageSize'> & EnterpriseFilter,
  batch = 2000,
) {
  const where = filterSql(scope, q);
  let lastId = 0;
  for (;;) {
    const rows = await db.execute<Row>(
      sql`${SELECT} ${FROM} where ${where} and e.id > ${lastId} order by e.id limit ${batch}`,
    );
    if (!rows.rows.length) return;
    yield await withLabels(db, rows.rows);
    lastId = Number(rows.rows[rows.rows.length - 1]!.id);
  }
}

export async function findEnterpriseItem(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
): Promise<EnterpriseListItem | null> {
  const rows = await db.execute<Row>(
    sql`${SELECT} ${FROM} where ${enterpriseScopeSql(scope)} and e.id = ${id}`,
  );
  return rows.rows.length ? ((await withLabels(db, rows.rows))[0] ?? null) : null;
}

export type YearRow = typeof enterpriseYears.$inferSelect;

/** A contact's sealed phone number, when the contact and its enterprise are in scope. */
export async function findContactPhone(
  db: Db | Tx,
  scope: PlatformScope,
  enterpriseId: number,
  contactId: number,
): Promise<{ id: number; phoneCipher: Buffer | null } | null> {
  const rows = await db.execute<{ id: number; phone_cipher: Buffer | null }>(sql`
    select c.id, c.phone_cipher
      from enterprise_contacts c join enterprises e on e.id = c.enterprise_id
     where ${enterpriseScopeSql(scope)} and e.id = ${enterpriseId} and c.id = ${contactId}`);
  const row = rows.rows[0];
  return row ? { id: row.id, phoneCipher: row.phone_cipher } : null;
}

export async function enterpriseExtras(db: Db | Tx, id: number) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  const landholder = row?.landholderId
    ? ((
        await db
          .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
          .from(enterprises)
          .where(eq(enterprises.id, row.landholderId))
      )[0] ?? null)
    : null;
  const contacts = (
    await db
      .select()
      .from(enterpriseContacts)
      .where(eq(enterpriseContacts.enterpriseId, id))
      .orderBy(asc(enterpriseContacts.id))
  ).map((c) => ({ id: c.id, name: c.name, title: c.title, phoneCipher: c.phoneCipher }));
  const years = await db
    .select({ y: enterpriseYears, confirmedByName: users.displayName })
    .from(enterpriseYears)
    .leftJoin(users, eq(users.id, enterpriseYears.confirmedBy))
    .where(eq(enterpriseYears.enterpriseId, id))
    .orderBy(asc(enterpriseYears.year));
  const flags = await flagsOf(db, id);
  return {
    address: row?.address ?? '',
    version: row?.version ?? 1,
    landholder,
    contacts,
    years: years.map(({ y, confirmedByName }) => yearView(y, confirmedByName)),
    flags,
  };
}

/** An enterprise's flagged figures, oldest first, with who raised and who resolved each. */
async function flagsOf(db: Db | Tx, enterpriseId: number, flagId?: number): Promise<YearFlag[]> {
  const rows = await db.execute<{
    id: number;
    year: number;
    field: string;
    comment: string;
    created_by: string | null;
    created_at: Date;
    resolved_at: Date | null;
    resolved_by: string | null;
    resolution: string | null;
  }>(sql`
    select f.id, f.year, f.field, f.comment, c.display_name as created_by, f.created_at,
           f.resolved_at, r.display_name as resolved_by, f.resolution
      from enterprise_year_flags f
      left join users c on c.id = f.created_by
      left join users r on r.id = f.resolved_by
     where f.enterprise_id = ${enterpriseId} ${flagId === undefined ? sql`` : sql`and f.id = ${flagId}`}
     order by f.id`);
  return rows.rows.map((f) => ({
    id: f.id,
    year: f.year,
    field: f.field,
    comment: f.comment,
    createdBy: f.created_by ?? '',
    createdAt: new Date(f.created_at).toISOString(),
    resolvedAt: f.resolved_at ? new Date(f.resolved_at).toISOString() : null,
    resolvedBy: f.resolved_at ? (f.resolved_by ?? '') : null,
    resolution: f.resolution,
  }));
}

/** Marks an open flag of the enterprise resolved: 'missing' when not the enterprise's, 'resolved' when already done. */
export async function resolveFlagRow(
  tx: Tx,
  enterpriseId: number,
  flagId: number,
  userId: number,
  note: string,
): Promise<YearFlag | 'missing' | 'resolved'> {
  const [current] = await tx
    .select({ resolvedAt: enterpriseYearFlags.resolvedAt })
    .from(enterpriseYearFlags)
    .where(and(eq(enterpriseYearFlags.id, flagId), eq(enterpriseYearFlags.enterpriseId, enterpriseId)))
    .for('update');
  if (!current) return 'missing';
  if (current.resolvedAt) return 'resolved';
  await tx
    .update(enterpriseYearFlags)
    .set({ resolvedAt: new Date(), resolvedBy: userId || null, resolution: note })
    .where(eq(enterpriseYearFlags.id, flagId));
  return (await flagsOf(tx, enterpriseId, flagId))[0]!;
}

export function yearView(y: YearRow, confirmedByName: string | null): EnterpriseYear {
  const figures = Object.fromEntries(YEAR_FIELD_KEYS.map((k) => [k, y[k] ?? null])) as Record<
    YearFieldKey,
    number | null
  >;
  return {
    year: y.year,
    ...figures,
    confirmedBy: y.confirmedAt ? (confirmedByName ?? '') : null,
    confirmedAt: y.confirmedAt?.toISOString() ?? null,
    updatedAt: y.updatedAt.toISOString(),
    version: y.version,
  };
}

/**
 * Recomputes the effective scale (规上/规下) from the override and the latest year's revenue
 * (the rule of core/scale.ts, in SQL), for the given enterprises or all of them.
 */
export async function refreshScale(db: Db | Tx, ids?: number[]): Promise<void> {
  if (ids && ids.length === 0) return;
  // Set-based: the latest year per enterprise (DISTINCT ON), and only rows whose scale changes.
  const only = ids ? sql`and e.id = any(${sql.param(ids)}::int[])` : sql``;
  const onlyYears = ids ? sql`where y.enterprise_id = any(${sql.param(ids)}::int[])` : sql``;
  await db.execute(sql`
    update ${enterprises} set scale = s.scale from (
      select e.id, case
          when e.scale_override is not null then e.scale_override
          when ly.revenue >= ${ABOVE_SCALE_REVENUE} then 'above'
          else 'below' end as scale
        from enterprises e
        left join (select distinct on (y.enterprise_id) y.enterprise_id, y.revenue
                     from enterprise_years y ${onlyYears}
                    order by y.enterprise_id, y.year desc) ly on ly.enterprise_id = e.id
       where true ${only}
    ) s
    where ${enterprises.id} = s.id and ${enterprises.scale} <> s.scale`);
}

export async function keyIndustryOf(db: Db | Tx, classCode: string | null): Promise<string | null> {
  if (!classCode) return null;
  const [m] = await db
    .select()
    .from(industryClassMapping)
    .where(eq(industryClassMapping.classCode, classCode));
  return m?.industryCode ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Platforms and industry classes that an enterprise may name. */
export async function enterpriseReference(tx: Db | Tx) {
  const p = await tx.select({ id: platforms.id }).from(platforms);
  const c = await tx
    .select({ code: industryClasses.code })
    .from(industryClasses)
    .where(eq(industryClasses.level, 'class'));
  return { platformIds: new Set(p.map((r) => r.id)), industryClasses: new Set(c.map((r) => r.code)) };
}

export async function usccTaken(tx: Db | Tx, uscc: string): Promise<boolean> {
  const rows = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc));
  return rows.length > 0;
}

export async function writeLabels(tx: Tx, id: number, labels: EnterpriseInput['labels']): Promise<void> {
  await tx.delete(enterpriseLabels).where(eq(enterpriseLabels.enterpriseId, id));
  if (labels.length)
    await tx.insert(enterpriseLabels).values(labels.map((l) => ({ enterpriseId: id, ...l })));
}

const profileColumns = (input: EnterpriseInput) => ({
  name: input.name.trim(),
  nameInitials: pinyinInitials(input.name),
  platformId: input.platformId,
  industryClass: input.industryClass,
  scaleOverride: input.scaleOverride,
  ownLandMu: input.ownLandMu,
  leasedFloorM2: input.leasedFloorM2,
  ratingExemption: input.ratingExemption ?? null,
  address: input.address.trim(),
});

export async function insertEnterprise(tx: Tx, input: EnterpriseInput): Promise<number> {
  const [row] = await tx
    .insert(enterprises)
    .values({ uscc: input.uscc, ...profileColumns(input) })
    .returning({ id: enterprises.id });
  return row!.id;
}

/** The stored version of an enterprise, its row locked until the transaction ends. */
export async function lockVersion(tx: Tx, id: number): Promise<number | null> {
  const [row] = await tx
    .select({ version: enterprises.version })
    .from(enterprises)
    .where(eq(enterprises.id, id))
    .for('update');
  return row?.version ?? null;
}

export async function updateEnterpriseRow(tx: Tx, id: number, input: EnterpriseInput): Promise<void> {
  await tx
    .update(enterprises)
    .set({ ...profileColumns(input), version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
    .where(eq(enterprises.id, id));
}

/** Puts an enterprise on another platform; returns the platform it was on. */
export async function moveEnterpriseRow(tx: Tx, id: number, platformId: number): Promise<void> {
  await tx
    .update(enterprises)
    .set({ platformId, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
    .where(eq(enterprises.id, id));
}

export async function platformNameOf(tx: Db | Tx, id: number): Promise<string | null> {
  const [row] = await tx.select({ name: platforms.name }).from(platforms).where(eq(platforms.id, id));
  return row?.name ?? null;
}

/**
 * Writes the given figures of a year when its stored version is `expected` (0: the year has no
 * figures yet), bumping the version; a changed figure needs the enterprise's confirmation again.
 * Null when the year was changed since (a concurrent writer waits for the first and then fails).
 */
export async function upsertYear(
  tx: Tx,
  enterpriseId: number,
  year: number,
  values: Partial<Record<YearFieldKey, number | null>>,
  expected: number,
): Promise<EnterpriseYear | null> {
  const [row] = await tx
    .insert(enterpriseYears)
    .values({ enterpriseId, year, ...values })
    .onConflictDoUpdate({
      target: [enterpriseYears.enterpriseId, enterpriseYears.year],
      set: {
        ...values,
        confirmedAt: null,
        confirmedBy: null,
        updatedAt: new Date(),
        version: sql`${enterpriseYears.version} + 1`,
      },
      setWhere: sql`${enterpriseYears.version} = ${expected}`,
    })
    .returning();
  return row ? yearView(row, null) : null;
}

/** The stored version of a year (0 when it has no figures). */
export async function yearVersion(tx: Db | Tx, enterpriseId: number, year: number): Promise<number> {
  const [row] = await tx
    .select({ version: enterpriseYears.version })
    .from(enterpriseYears)
    .where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.year, year)));
  return row?.version ?? 0;
}

/** Marks a year confirmed by the user; null when the year has no figures. */
export async function confirmYearRow(
  tx: Tx,
  enterpriseId: number,
  year: number,
  userId: number,
  username: string,
): Promise<EnterpriseYear | null> {
  const [row] = await tx
    .update(enterpriseYears)
    .set({ confirmedAt: new Date(), confirmedBy: userId, version: sql`${enterpriseYears.version} + 1` })
    .where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.year, year)))
    .returning();
  return row ? yearView(row, username) : null;
}

export async function yearExists(tx: Db | Tx, enterpriseId: number, year: number): Promise<boolean> {
  const rows = await tx
    .select({ year: enterpriseYears.year })
    .from(enterpriseYears)
    .where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.year, year)));
  return rows.length > 0;
}

export async function insertFlag(
  tx: Tx,
  flag: {
    enterpriseId: number;
    year: number;
    field: string;
    comment: string;
    userId: number;
    username: string;
  },
): Promise<YearFlag> {
  const [row] = await tx
    .insert(enterpriseYearFlags)
    .values({
      enterpriseId: flag.enterpriseId,
      year: flag.year,
      field: flag.field,
      comment: flag.comment,
      createdBy: flag.userId,
    })
    .returning();
  return {
    id: row!.id,
    year: flag.year,
    field: row!.field,
    comment: row!.comment,
    createdBy: flag.username,
    createdAt: row!.createdAt.toISOString(),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
}

/** One enterprise's figures of a year, for the annual export (the annual import template's rows). */
export interface EnterpriseYearExportRow {
  id: number;
  uscc: string;
  name: string;
  year: number;
  figures: Record<YearFieldKey, number | null>;
}

/** The figures of `year` of every enterprise in scope, in pages of `batch` (by enterprise id). */
export async function* iterateYear(
  db: Db,
  scope: PlatformScope,
  year: number,
  batch = 5000,
): AsyncGenerator<EnterpriseYearExportRow[]> {
  const where = scopeSql(scope, { platformId: sql`e.platform_id`, enterpriseId: sql`e.id` });
  // eslint-disable-next-line no-restricted-syntax -- column names from the YEAR_FIELD_KEYS constant
  const columns = sql.raw(
    YEAR_FIELD_KEYS.map((k) => `y.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`).join(', '),
  );
  let lastId = 0;
  for (;;) {
    const rows = await db.execute<Row>(
      sql`select e.id, e.uscc, e.name, y.year, ${columns} from enterprise_years y join enterprises e on e.id = y.enterprise_id
           where y.year = ${year} and ${where} and e.id > ${lastId} order by e.id limit ${batch}`,
    );
    if (!rows.rows.length) return;
    yield rows.rows.map((r) => ({
      id: Number(r.id),
      uscc: String(r.uscc),
      name: String(r.name),
      year: Number(r.year),
      figures: Object.fromEntries(
        YEAR_FIELD_KEYS.map((k) => [k, num(r[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])]),
      ) as Record<YearFieldKey, number | null>,
    }));
    lastId = Number(rows.rows[rows.rows.length - 1]!.id);
  }
}
