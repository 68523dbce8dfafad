/**
 * Loads a generated demo city (see generate.ts) into the database: one transaction, PostgreSQL
 * COPY for the bulk rows (enterprises, yearly figures, labels, contacts), streamed in chunks so a
 * 100,000-firm city neither builds the whole COPY text in memory nor takes long.
 *
 * The generated enterprises are flagged is_demo and go onto the demo platforms (`seedDemo`). The
 * single demo enterprise that `seedDemo` creates (the demo `enterprise` user is scoped to it) is
 * never deleted: it only gets a profile (yearly figures, industry, land …) where it has none.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, Db } from '../../../platform/db/client';
import { copyRows } from '../../../platform/db/copy';
import * as schema from '../../../platform/db/schema';
import type { Label } from '../../enterprises/core/codes';
import { recordAudit, type AuditSubject } from '../../audit/audit.service';
import { pinyinInitials } from '../../enterprises/core/pinyin';
import { effectiveScale } from '../../enterprises/core/scale';
import { demoUscc, seedDemo } from '../demo.seed';
import {
  generateCity,
  type CityPlatform,
  type GeneratedAnchor,
  type GeneratedCity,
  type GeneratedYear,
  type OddKind,
} from './generate';

/** `serve --demo` loads this city when none has been generated yet. */
export const DEFAULT_DEMO_SCALE = 3000;
export const DEFAULT_DEMO_SEED = 1;

/** The USCC of the one enterprise `seedDemo` creates (kept across `--replace`). */
export const SEEDED_DEMO_USCC = demoUscc('330108', 1);

const LOAD_LOCK = 727402;

export class DemoCityExistsError extends Error {
  constructor(readonly existing: number) {
    super(
      `已有 ${existing} 家生成的演示企业，如需重新生成请加 --replace / ` +
        `${existing} generated demo enterprises already exist: add --replace to delete and regenerate them`,
    );
  }
}

export interface LoadDemoCityOptions {
  scale: number;
  seed: number;
  /** Delete earlier generated demo enterprises first (otherwise their presence is an error). */
  replace?: boolean;
  /** Do nothing (return null) when generated demo enterprises exist: what `serve --demo` wants. */
  ifNone?: boolean;
  /** Rows written so far (all four tables together) out of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Who asked, for the audit row. */
  subject?: AuditSubject;
}

export interface DemoCityResult {
  scale: number;
  seed: number;
  /** Generated demo enterprises deleted first (--replace). */
  deleted: number;
  enterprises: number;
  /** 规上 by the latest year's revenue (the `scale` column). */
  aboveScale: number;
  aboveScaleByYear: Record<number, number>;
  labels: Record<Label, number>;
  labelRows: number;
  yearRows: number;
  contacts: number;
  odd: Record<OddKind, number>;
  /** Whether the `seedDemo` enterprise was given yearly figures in this run. */
  seededEnterpriseCompleted: boolean;
  generateSeconds: number;
  elapsedSeconds: number;
}

/** Generated demo enterprises (is_demo, other than the one `seedDemo` creates). */
export async function countGeneratedDemoEnterprises(db: Db): Promise<number> {
  const { enterprises } = schema;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enterprises)
    .where(sql`${enterprises.isDemo} and ${enterprises.uscc} <> ${SEEDED_DEMO_USCC}`);
  return row?.n ?? 0;
}

async function countGenerated(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from enterprises where is_demo and uscc <> $1',
    [SEEDED_DEMO_USCC],
  );
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Inputs from the database

async function cityInputs(client: pg.PoolClient) {
  const { rows: platformRows } = await client.query<{
    id: number;
    district_code: string;
    industrial_land_mu: number | null;
    industries: string[] | null;
  }>(
    `select p.id, p.district_code, p.industrial_land_mu,
            array_agg(pi.industry_code order by pi.rank) filter (where pi.industry_code is not null) as industries
       from platforms p left join platform_industries pi on pi.platform_id = p.id
      where p.is_demo and p.archived_at is null
      group by p.id order by p.id`,
  );
  if (platformRows.length === 0)
    throw new Error('没有演示园区，无法生成演示城市 / No demo platforms to put the demo city on');
  const platforms: CityPlatform[] = platformRows.map((p) => ({
    id: p.id,
    districtCode: p.district_code,
    leadingIndustries: p.industries ?? [],
    industrialLandMu: p.industrial_land_mu === null ? null : Number(p.industrial_land_mu),
  }));
  const { rows: classRows } = await client.query<{ code: string }>(
    `select code from industry_classes where level = 'class' order by code`,
  );
  if (classRows.length === 0)
    throw new Error('行业分类表为空 / The industry classification (industry_classes) is empty');
  const { rows: mappingRows } = await client.query<{ class_code: string; industry_code: string }>(
    'select class_code, industry_code from industry_class_mapping order by class_code',
  );
  return {
    platforms,
    classes: classRows.map((r) => r.code),
    mapping: Object.fromEntries(mappingRows.map((r) => [r.class_code, r.industry_code])),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

const YEAR_COLUMNS = [
  'enterprise_id',
  'year',
  'output',
  'revenue',
  'tax',
  'value_added',
  'energy_tce',
  'electricity',
  'emissions',
  'rd_spending',
  'employees',
  'fixed_asset_investment',
];

const yearValues = (id: number, y: GeneratedYear) => [
  id,
  y.year,
  y.output,
  y.revenue,
  y.tax,
  y.valueAdded,
  y.energyTce,
  y.electricity,
  y.emissions,
  y.rdSpending,
  y.employees,
  y.fixedAssetInvestment,
];

/**
 * Deletes the generated demo enterprises (children first, by set, so the foreign-key cascades
 * find nothing left to do). Returns how many enterprises went.
 */
async function deleteGenerated(client: pg.PoolClient): Promise<number> {
  await client.query(
    `create temporary table demo_city_old on commit drop as
       select id from enterprises where is_demo and uscc <> $1`,
    [SEEDED_DEMO_USCC],
  );
  await client.query('alter table demo_city_old add primary key (id)');
  await client.query('analyze demo_city_old');
  // Evaluations made on the generated city go with it (the immutability triggers let exactly
  // this transaction through).
  await client.query(`set local yiyuan.demo_reset = 'on'`);
  await client.query(
    `create temp table demo_city_runs on commit drop as
       select distinct run_id from evaluation_results where enterprise_id in (select id from demo_city_old)
       union select distinct run_id from evaluation_objections where enterprise_id in (select id from demo_city_old)`,
  );
  await client.query('delete from evaluation_results where run_id in (select run_id from demo_city_runs)');
  await client.query('delete from evaluation_runs where id in (select run_id from demo_city_runs)');
  await client.query(`set local yiyuan.demo_reset = 'off'`);
  for (const child of [
    'enterprise_year_flags',
    'enterprise_contacts',
    'enterprise_labels',
    'enterprise_years',
  ])
    await client.query(`delete from ${child} where enterprise_id in (select id from demo_city_old)`);
  // Other enterprises must not stay tenants of a deleted landholder.
  await client.query(
    `update enterprises set landholder_id = null
      where landholder_id in (select id from demo_city_old) and id not in (select id from demo_city_old)`,
  );
  const { rowCount } = await client.query(
    'delete from enterprises where id in (select id from demo_city_old)',
  );
  return rowCount ?? 0;
}

/** Writes the city with ids reserved up front, so children and landholders need no lookups. */
async function writeCity(
  client: pg.PoolClient,
  city: GeneratedCity,
  onProgress: ((done: number, total: number) => void) | undefined,
) {
  const n = city.enterprises.length;
  const labelTotal = city.enterprises.reduce((s, e) => s + e.labels.length, 0);
  const total = n * 2 + city.yearRows.length + labelTotal;
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    onProgress?.(done, total);
  };
  onProgress?.(0, total);

  // Reserve n consecutive ids. The table lock keeps other writers from drawing ids meanwhile.
  await client.query('lock table enterprises in share row exclusive mode');
  const { rows } = await client.query<{ first: string }>(
    `select nextval(pg_get_serial_sequence('enterprises', 'id')) as first`,
  );
  const first = Number(rows[0]!.first);
  if (n > 1)
    await client.query(`select setval(pg_get_serial_sequence('enterprises', 'id'), $1)`, [first + n - 1]);
  const idOf = (i: number) => first + i;

  await copyRows(
    client,
    'enterprises',
    [
      'id',
      'uscc',
      'name',
      'name_initials',
      'platform_id',
      'industry_class',
      'scale',
      'own_land_mu',
      'leased_floor_m2',
      'landholder_id',
      'address',
      'is_demo',
    ],
    n,
    (i) => {
      const e = city.enterprises[i]!;
      return [
        idOf(i),
        e.uscc,
        e.name,
        pinyinInitials(e.name),
        e.platformId,
        e.industryClass,
        e.scale,
        e.ownLandMu,
        e.leasedFloorM2,
        e.landholderIndex === null ? null : idOf(e.landholderIndex),
        e.address,
        't',
      ];
    },
    progress,
  );
  const yearRows = await copyRows(
    client,
    'enterprise_years',
    YEAR_COLUMNS,
    city.yearRows.length,
    (i) => {
      const y = city.yearRows[i]!;
      return yearValues(idOf(y.enterprise), y);
    },
    progress,
  );
  // Labels: (enterprise, label) index pairs, flattened.
  const labelIndex: [number, number][] = [];
  city.enterprises.forEach((e, i) => e.labels.forEach((_, j) => labelIndex.push([i, j])));
  const labelRows = await copyRows(
    client,
    'enterprise_labels',
    ['enterprise_id', 'label', 'granted_on'],
    labelIndex.length,
    (k) => {
      const [i, j] = labelIndex[k]!;
      const l = city.enterprises[i]!.labels[j]!;
      return [idOf(i), l.label, l.grantedOn];
    },
    progress,
  );
  const contacts = await copyRows(
    client,
    'enterprise_contacts',
    ['enterprise_id', 'name', 'title', 'phone'],
    n,
    (i) => {
      const c = city.enterprises[i]!.contact;
      return [idOf(i), c.name, c.title, c.phone];
    },
    progress,
  );
  return { yearRows, labelRows, contacts };
}

/**
 * Gives the `seedDemo` enterprise a profile where it has none: yearly figures, industry, land,
 * address, labels, a contact, the search initials and its scale. Existing data is left alone.
 */
async function completeSeeded(
  client: pg.PoolClient,
  seeded: { id: number; name: string; scale_override: 'above' | 'below' | null },
  anchor: GeneratedAnchor,
): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from enterprise_years where enterprise_id = $1',
    [seeded.id],
  );
  let completed = false;
  if ((rows[0]?.n ?? 0) === 0) {
    await client.query(
      `insert into enterprise_years (${YEAR_COLUMNS.join(', ')})
       select * from unnest($1::int[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[],
                            $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[])`,
      YEAR_COLUMNS.map((_, c) => anchor.years.map((y) => yearValues(seeded.id, y)[c] ?? null)),
    );
    completed = true;
  }
  const { rows: latestRows } = await client.query<{ revenue: number | null }>(
    'select revenue from enterprise_years where enterprise_id = $1 order by year desc limit 1',
    [seeded.id],
  );
  const latest = latestRows[0]?.revenue;
  const scale = effectiveScale(
    seeded.scale_override,
    latest === undefined || latest === null ? null : Number(latest),
  );
  await client.query(
    `update enterprises set
        industry_class = coalesce(industry_class, $2),
        own_land_mu = case when own_land_mu is null and leased_floor_m2 is null then $3 else own_land_mu end,
        address = case when address = '' then $4 else address end,
        name_initials = case when name_initials = '' then $5 else name_initials end,
        scale = $6
      where id = $1`,
    [seeded.id, anchor.industryClass, anchor.ownLandMu, anchor.address, pinyinInitials(seeded.name), scale],
  );
  const { rows: labelCount } = await client.query<{ n: number }>(
    'select count(*)::int as n from enterprise_labels where enterprise_id = $1',
    [seeded.id],
  );
  if ((labelCount[0]?.n ?? 0) === 0)
    for (const l of anchor.labels)
      await client.query(
        'insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, $2, $3)',
        [seeded.id, l.label, l.grantedOn],
      );
  const { rows: contactCount } = await client.query<{ n: number }>(
    'select count(*)::int as n from enterprise_contacts where enterprise_id = $1',
    [seeded.id],
  );
  if ((contactCount[0]?.n ?? 0) === 0)
    await client.query(
      'insert into enterprise_contacts (enterprise_id, name, title, phone) values ($1, $2, $3, $4)',
      [seeded.id, anchor.contact.name, anchor.contact.title, anchor.contact.phone],
    );
  return completed;
}

// ---------------------------------------------------------------------------------------------

const DEMO_SUBJECT: AuditSubject = { userId: null, username: 'system:demo-city', ip: null };

/**
 * Seeds the demo platforms and users (idempotent), then generates and loads a city of `scale`
 * enterprises in one transaction, with its audit row. Returns null when `ifNone` is set and a
 * generated city already exists.
 */
export async function loadDemoCity(
  database: Pick<Database, 'db' | 'pool'>,
  options: LoadDemoCityOptions,
): Promise<DemoCityResult | null> {
  const started = performance.now();
  if (options.ifNone && (await countGeneratedDemoEnterprises(database.db)) > 0) return null;
  await seedDemo(database.db);
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    // One loader at a time (two servers starting on one external database, say).
    await client.query('select pg_advisory_xact_lock($1)', [LOAD_LOCK]);
    const existing = await countGenerated(client);
    if (existing > 0 && options.ifNone) {
      await client.query('rollback');
      return null;
    }
    if (existing > 0 && !options.replace) throw new DemoCityExistsError(existing);
    const deleted = existing > 0 ? await deleteGenerated(client) : 0;

    const inputs = await cityInputs(client);
    const { rows: seededRows } = await client.query<{
      id: number;
      name: string;
      platform_id: number;
      scale_override: 'above' | 'below' | null;
    }>('select id, name, platform_id, scale_override from enterprises where uscc = $1', [SEEDED_DEMO_USCC]);
    const seeded = seededRows[0];
    // What the city must not reuse: every USCC and name still in the table.
    const { rows: taken } = await client.query<{ uscc: string; name: string }>(
      'select uscc, name from enterprises',
    );
    const generateStarted = performance.now();
    const city = generateCity({
      scale: options.scale,
      seed: options.seed,
      ...inputs,
      reservedUsccs: new Set(taken.map((t) => t.uscc)),
      reservedNames: new Set(taken.map((t) => t.name)),
      anchorPlatformId: seeded
        ? inputs.platforms.some((p) => p.id === seeded.platform_id)
          ? seeded.platform_id
          : inputs.platforms[0]!.id
        : undefined,
    });
    const generateSeconds = (performance.now() - generateStarted) / 1000;

    const written = await writeCity(client, city, options.onProgress);
    const seededEnterpriseCompleted =
      seeded && city.anchor ? await completeSeeded(client, seeded, city.anchor) : false;
    const { summary } = city;
    await recordAudit(drizzle(client, { schema }), options.subject ?? DEMO_SUBJECT, {
      action: 'demo.generate',
      result: 'success',
      objectType: 'demo_city',
      detail: {
        scale: options.scale,
        seed: options.seed,
        replace: Boolean(options.replace),
        deleted,
        enterprises: summary.enterprises,
        aboveScale: summary.aboveScale,
        labels: summary.labels,
        yearRows: written.yearRows,
      },
    });
    await client.query('commit');
    // Fresh statistics for the planner: the tables just grew a lot.
    await client
      .query('analyze enterprises, enterprise_years, enterprise_labels, enterprise_contacts')
      .catch(() => {});
    return {
      scale: options.scale,
      seed: options.seed,
      deleted,
      enterprises: summary.enterprises,
      aboveScale: summary.aboveScale,
      aboveScaleByYear: summary.aboveScaleByYear,
      labels: summary.labels,
      labelRows: written.labelRows,
      yearRows: written.yearRows,
      contacts: written.contacts,
      odd: summary.odd,
      seededEnterpriseCompleted,
      generateSeconds,
      elapsedSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
