/**
 * The demo data's SQL. The demo city is bulk-loaded with COPY straight into the enterprise tables
 * (and a replaced city's evaluations deleted) in one transaction: going through the per-record
 * services would take minutes for the 100,000-firm benchmark city. It runs only for demo mode and
 * `yiyuan demo`, and leaves one audit row. Everything else the demo seeds goes through services.
 */
import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db, Tx } from '../../platform/db/client';
import { copyRows } from '../../platform/db/copy';
import type { SealedPhone } from '../../platform/crypto/personal-info';
import { departments, enterprises, platforms, users } from '../../platform/db/schema';
import { pinyinInitials } from '../enterprises/core/pinyin';
import { effectiveScale } from '../enterprises/core/scale';
import type { CityPlatform, GeneratedAnchor, GeneratedCity, GeneratedYear } from './city/generate';
import { SEEDED_DEMO_USCC } from './core/demo-identity';

/** Serialises concurrent demo seeders or loaders for the rest of the transaction. */
export async function lockDemo(tx: Tx, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}

export async function countDemoPlatforms(tx: Db | Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(platforms)
    .where(eq(platforms.isDemo, true));
  return row?.n ?? 0;
}

export async function platformIdByName(tx: Db | Tx, name: string): Promise<number | null> {
  const [row] = await tx.select({ id: platforms.id }).from(platforms).where(eq(platforms.name, name));
  return row?.id ?? null;
}

/** A department by its code (the preloaded task-force members). */
export async function departmentIdByCode(tx: Db | Tx, code: string): Promise<number | null> {
  const [row] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  return row?.id ?? null;
}

/** The seeded demo enterprise: found, or created on the given platform. */
export async function ensureDemoEnterprise(
  tx: Tx,
  uscc: string,
  name: string,
  platformId: number | null,
): Promise<{ id: number; name: string } | null> {
  const [found] = await tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.uscc, uscc));
  if (found || platformId === null) return found ?? null;
  const [created] = await tx
    .insert(enterprises)
    .values({ uscc, name, platformId, isDemo: true })
    .returning({ id: enterprises.id, name: enterprises.name });
  return created ?? null;
}

/** The demo task force's account (who confirms the demo city's chain leaders), if it exists. */
export async function demoDecider(
  tx: Db | Tx,
  username: string,
): Promise<{ id: number; displayName: string } | null> {
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return rows[0] ?? null;
}

export async function usernameTaken(tx: Db | Tx, username: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return rows.length > 0;
}

/** The seeded enterprise as the loader needs it, or undefined. */
export async function seededEnterprise(client: pg.PoolClient) {
  const { rows } = await client.query<{
    id: number;
    name: string;
    platform_id: number;
    scale_override: 'above' | 'below' | null;
  }>('select id, name, platform_id, scale_override from enterprises where uscc = $1', [SEEDED_DEMO_USCC]);
  return rows[0];
}

/** Every USCC and name in the registry (a generated city must not reuse them). */
export async function takenIdentities(client: pg.PoolClient) {
  const { rows } = await client.query<{ uscc: string; name: string }>('select uscc, name from enterprises');
  return rows;
}

/** Fresh planner statistics after a load (outside the transaction; failure is harmless). */
export async function analyzeCity(db: Db): Promise<void> {
  await db
    .execute(sql`analyze enterprises, enterprise_years, enterprise_labels, enterprise_contacts`)
    .catch(() => {});
}

/** Generated demo enterprises (is_demo, other than the one `seedDemo` creates). */
export async function countGeneratedDemoEnterprises(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enterprises)
    .where(sql`${enterprises.isDemo} and ${enterprises.uscc} <> ${SEEDED_DEMO_USCC}`);
  return row?.n ?? 0;
}

export async function countGenerated(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from enterprises where is_demo and uscc <> $1',
    [SEEDED_DEMO_USCC],
  );
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Inputs from the database

export async function cityInputs(client: pg.PoolClient) {
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
export async function deleteGenerated(client: pg.PoolClient): Promise<number> {
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
  // The demo pipeline goes with the city (its project companies are generated enterprises).
  await client.query('delete from projects where is_demo');
  await client.query(
    'update projects set enterprise_id = null where enterprise_id in (select id from demo_city_old)',
  );
  for (const child of ['request_events', 'request_attachments'])
    await client.query(
      `delete from ${child} where request_id in (select id from requests where enterprise_id in (select id from demo_city_old))`,
    );
  await client.query(
    'update visit_problems set request_id = null where request_id in (select id from requests where enterprise_id in (select id from demo_city_old))',
  );
  for (const child of [
    'requests',
    'visits',
    'commissioner_assignments',
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
export async function writeCity(
  client: pg.PoolClient,
  city: GeneratedCity,
  sealPhone: (phone: string) => SealedPhone,
  onProgress: ((done: number, total: number) => void) | undefined,
) {
  const n = city.enterprises.length;
  const labelTotal = city.enterprises.reduce(
    (s, e) => s + e.labels.filter((l) => l.label !== 'chain_leader').length,
    0,
  );
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
  // The chain-leader label is granted by a decision of the task force (see load.ts), not copied.
  const labelIndex: [number, number][] = [];
  city.enterprises.forEach((e, i) =>
    e.labels.forEach((l, j) => {
      if (l.label !== 'chain_leader') labelIndex.push([i, j]);
    }),
  );
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
    ['enterprise_id', 'name', 'title', 'phone_cipher', 'phone_index'],
    n,
    (i) => {
      const c = city.enterprises[i]!.contact;
      // Personal information: sealed before it reaches the COPY stream.
      const { phoneCipher, phoneIndex } = sealPhone(c.phone);
      return [idOf(i), c.name, c.title, phoneCipher, phoneIndex];
    },
    progress,
  );
  return { yearRows, labelRows, contacts, idOf };
}

/**
 * Gives the `seedDemo` enterprise a profile where it has none: yearly figures, industry, land,
 * address, labels, a contact, the search initials and its scale. Existing data is left alone.
 */
export async function completeSeeded(
  client: pg.PoolClient,
  seeded: { id: number; name: string; scale_override: 'above' | 'below' | null },
  anchor: GeneratedAnchor,
  sealPhone: (phone: string) => SealedPhone,
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
  if ((contactCount[0]?.n ?? 0) === 0) {
    const { phoneCipher, phoneIndex } = sealPhone(anchor.contact.phone);
    await client.query(
      'insert into enterprise_contacts (enterprise_id, name, title, phone_cipher, phone_index) values ($1, $2, $3, $4, $5)',
      [seeded.id, anchor.contact.name, anchor.contact.title, phoneCipher, phoneIndex],
    );
  }
  return completed;
}

/** The enterprises of the demo platforms and the demo platforms' commissioner accounts. */
export async function demoServiceInputs(client: pg.PoolClient): Promise<{
  enterprises: { id: number; platformId: number }[];
  commissioners: Map<number, number[]>;
}> {
  const e = await client.query<{ id: number; platform_id: number }>(
    `select e.id, e.platform_id from enterprises e join platforms p on p.id = e.platform_id
      where p.is_demo order by e.id`,
  );
  const c = await client.query<{ id: number; platform_id: number }>(
    `select u.id, u.platform_id from users u join platforms p on p.id = u.platform_id
      where p.is_demo and u.role = 'commissioner' and u.disabled_at is null order by u.id`,
  );
  const commissioners = new Map<number, number[]>();
  for (const r of c.rows)
    commissioners.set(r.platform_id, [...(commissioners.get(r.platform_id) ?? []), r.id]);
  return { enterprises: e.rows.map((r) => ({ id: r.id, platformId: r.platform_id })), commissioners };
}

/** What the demo requests are generated from: the demo enterprises, people, departments, categories. */
export async function demoRequestInputs(client: pg.PoolClient) {
  const e = await client.query<{
    id: number;
    platform_id: number;
    name: string;
    chain_leader: boolean;
    commissioner: number | null;
  }>(
    `select e.id, e.platform_id, e.name,
        exists (select 1 from enterprise_labels l where l.enterprise_id = e.id and l.label = 'chain_leader') as chain_leader,
        ca.commissioner_user_id as commissioner
      from enterprises e join platforms p on p.id = e.platform_id
      left join commissioner_assignments ca on ca.enterprise_id = e.id and ca.ended_on is null
      where p.is_demo order by e.id`,
  );
  const c = await client.query<{ id: number; display_name: string }>(
    `select id, display_name from users where role = 'commissioner' and disabled_at is null order by id`,
  );
  const p = await client.query<{ id: number; name: string }>(`select id, name from platforms order by id`);
  const d = await client.query<{ id: number }>(`select id from departments where active order by id`);
  const k = await client.query<{ code: string; sla_simple_days: number; sla_complex_days: number }>(
    `select code, sla_simple_days, sla_complex_days from request_categories where active order by sort_order, code`,
  );
  return {
    enterprises: e.rows.map((r) => ({
      id: r.id,
      platformId: r.platform_id,
      name: r.name,
      chainLeader: r.chain_leader,
      commissionerUserId: r.commissioner,
    })),
    commissioners: new Map(c.rows.map((r) => [r.id, r.display_name])),
    platforms: new Map(p.rows.map((r) => [r.id, r.name])),
    departments: d.rows.map((r) => r.id),
    categories: k.rows.map((r) => ({
      code: r.code,
      slaSimpleDays: r.sla_simple_days,
      slaComplexDays: r.sla_complex_days,
    })),
  };
}

/** What the demo task list needs: departments by code, platforms by name, the demo accounts. */
export async function demoTaskInputs(tx: Db | Tx) {
  const deps = await tx
    .select({ id: departments.id, code: departments.code, nameZh: departments.nameZh })
    .from(departments);
  const plats = await tx.select({ id: platforms.id, name: platforms.name }).from(platforms);
  const accounts = await tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      platformId: users.platformId,
      departmentId: users.departmentId,
    })
    .from(users)
    .where(sql`${users.username} in ('taskforce', 'leader', 'platform', 'department')`);
  const [meeting] = (
    await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from meetings where title like '2026年第%次产业平台工作专班会议'`,
    )
  ).rows;
  return { departments: deps, platforms: plats, accounts, demoMeetings: Number(meeting?.n ?? 0) };
}

/** Pairs the demo leader with platforms (skipped when it has any pairing). */
export async function pairDemoLeader(tx: Tx, leaderId: number, platformIds: number[], fromOn: string) {
  const [has] = (
    await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from leader_platforms where leader_user_id = ${leaderId}`,
    )
  ).rows;
  if (Number(has?.n ?? 0) > 0) return 0;
  for (const p of platformIds)
    await tx.execute(
      sql`insert into leader_platforms (leader_user_id, platform_id, from_on) values (${leaderId}, ${p}, ${fromOn}::date)`,
    );
  return platformIds.length;
}

// Demo investment projects

/** What the demo pipeline is built from: demo platforms, project companies, referrers, the submitters. */
export async function demoProjectInputs(client: pg.PoolClient) {
  const existing = Number(
    (await client.query<{ n: number }>('select count(*)::int as n from projects where is_demo')).rows[0]!.n,
  );
  const platformRows = (
    await client.query<{ id: number; leading: string[] }>(
      `select p.id, coalesce((select array_agg(pi.industry_code order by pi.rank) from platform_industries pi
         where pi.platform_id = p.id), '{}') as leading
       from platforms p where p.is_demo and p.archived_at is null order by p.id`,
    )
  ).rows;
  // Up to 30 landholding demo enterprises per platform, with their yearly figures.
  const figures = (
    await client.query<{
      id: number;
      platform_id: number;
      industry: string | null;
      own_land_mu: string;
      year: number;
      revenue: string | null;
      tax: string | null;
      fai: string | null;
    }>(
      `with c as (
         select id, platform_id, industry_class, own_land_mu,
           row_number() over (partition by platform_id order by id) as rn
         from enterprises where is_demo and own_land_mu > 0)
       select c.id, c.platform_id, m.industry_code as industry, c.own_land_mu, y.year, y.revenue, y.tax,
         y.fixed_asset_investment as fai
       from c join enterprise_years y on y.enterprise_id = c.id
       left join industry_class_mapping m on m.class_code = c.industry_class
       where c.rn <= 30 order by c.id, y.year`,
    )
  ).rows;
  const companies = new Map<
    number,
    {
      id: number;
      platformId: number;
      industry: string | null;
      ownLandMu: number;
      years: Record<number, { revenue: number; tax: number; fai: number }>;
    }
  >();
  for (const f of figures) {
    let c = companies.get(f.id);
    if (!c)
      companies.set(
        f.id,
        (c = {
          id: f.id,
          platformId: f.platform_id,
          industry: f.industry,
          ownLandMu: Number(f.own_land_mu),
          years: {},
        }),
      );
    if (f.revenue !== null && f.tax !== null)
      c.years[f.year] = { revenue: Number(f.revenue), tax: Number(f.tax), fai: Number(f.fai ?? 0) };
  }
  const referrers = new Map<number, number[]>();
  for (const r of (
    await client.query<{ id: number; platform_id: number }>(
      `select id, platform_id from (select id, platform_id, row_number() over (partition by platform_id order by id desc) rn
         from enterprises where is_demo) x where rn <= 8`,
    )
  ).rows)
    (referrers.get(r.platform_id) ?? referrers.set(r.platform_id, []).get(r.platform_id)!).push(r.id);
  const admins = new Map<number, { id: number; name: string }>();
  for (const a of (
    await client.query<{ id: number; platform_id: number; display_name: string }>(
      `select id, platform_id, display_name from users where role = 'platform_admin' and disabled_at is null order by id`,
    )
  ).rows)
    if (!admins.has(a.platform_id)) admins.set(a.platform_id, { id: a.id, name: a.display_name });
  const taskForce = (
    await client.query<{ id: number; display_name: string }>(
      `select id, display_name from users where username = 'taskforce'`,
    )
  ).rows[0];
  return {
    existing,
    platforms: platformRows.map((p) => ({ id: p.id, leadingIndustries: p.leading })),
    companies: [...companies.values()],
    referrers,
    admins,
    taskForce: taskForce ? { id: taskForce.id, name: taskForce.display_name } : null,
  };
}

/** Writes one demo project with its stage changes; the project stands at its last approved stage. */
export async function insertDemoProject(
  client: pg.PoolClient,
  p: {
    code: string;
    name: string;
    platformId: number;
    industryCode: string;
    investorName: string;
    investorOrigin: string;
    investorEnterpriseId: number | null;
    enterpriseId: number | null;
    totalInvestment: number;
    fixedAssetInvestment: number;
    foreignInvestment: number | null;
    landMu: number | null;
    parcel: string;
    energyTce: number | null;
    source: string;
    referrerEnterpriseId: number | null;
    ownerName: string;
    committedIntensity: number | null;
    committedOutputPerMu: number | null;
    committedTaxPerMu: number | null;
    fullProductionYear: number | null;
    stage: string;
    stageDate: string;
    status: string;
    endDate: string | null;
    endReason: string | null;
  },
  steps: {
    stage: string;
    fromStage: string | null;
    date: string;
    status: string;
    note: string;
    by: { id: number; name: string } | null;
    decider: { id: number; name: string } | null;
  }[],
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `insert into projects (code, name, platform_id, industry_code, investor_name, investor_origin,
       investor_enterprise_id, enterprise_id, total_investment, fixed_asset_investment, foreign_investment, land_mu,
       parcel, energy_tce, source, referrer_enterprise_id, owner_name, committed_intensity, committed_output_per_mu,
       committed_tax_per_mu, full_production_year, stage, stage_date, status, end_date, end_reason, note, is_demo)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,'演示数据',true)
     returning id`,
    [
      p.code,
      p.name,
      p.platformId,
      p.industryCode,
      p.investorName,
      p.investorOrigin,
      p.investorEnterpriseId,
      p.enterpriseId,
      p.totalInvestment,
      p.fixedAssetInvestment,
      p.foreignInvestment,
      p.landMu,
      p.parcel,
      p.energyTce,
      p.source,
      p.referrerEnterpriseId,
      p.ownerName,
      p.committedIntensity,
      p.committedOutputPerMu,
      p.committedTaxPerMu,
      p.fullProductionYear,
      p.stage,
      p.stageDate,
      p.status,
      p.endDate,
      p.endReason,
    ],
  );
  const id = rows[0]!.id;
  const values: unknown[] = [];
  const tuples = steps.map((s, i) => {
    values.push(
      id,
      s.fromStage,
      s.stage,
      s.date,
      s.note,
      s.status,
      s.by?.id ?? null,
      s.by?.name ?? '园区招商专员',
    );
    values.push(
      s.decider?.id ?? null,
      s.decider?.name ?? null,
      s.status === 'approved' ? `${s.date}T10:00:00+08:00` : null,
    );
    values.push(`${s.date}T09:00:00+08:00`);
    const b = i * 12;
    return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},'form',$${b + 7},$${b + 8},$${b + 9},$${b + 10},$${b + 11},$${b + 12})`;
  });
  await client.query(
    `insert into project_stage_changes (project_id, from_stage, stage, stage_date, note, status, origin, submitted_by,
       submitted_by_name, decided_by, decided_by_name, decided_at, submitted_at)
     values ${tuples.join(',')}`,
    values,
  );
  return id;
}
/** What the demo chain map needs: leaders, their platforms' enterprises by key industry, gaps, the task force. */
export async function demoChainInputs(tx: Tx) {
  const rows = async (q: ReturnType<typeof sql>) => (await tx.execute<Record<string, unknown>>(q)).rows;
  const leaders = (
    await rows(sql`select e.id, e.platform_id, m.industry_code from enterprise_labels l
                     join enterprises e on e.id = l.enterprise_id
                     left join industry_class_mapping m on m.class_code = e.industry_class
                    where l.label = 'chain_leader' and e.is_demo order by e.id`)
  ).map((r) => ({
    id: Number(r.id),
    platformId: Number(r.platform_id),
    industry: r.industry_code as string | null,
  }));
  const peers = (
    await rows(sql`select e.id, e.platform_id, m.industry_code from enterprises e
                     join industry_class_mapping m on m.class_code = e.industry_class
                    where e.is_demo and e.platform_id in (
                      select e2.platform_id from enterprise_labels l join enterprises e2 on e2.id = l.enterprise_id
                       where l.label = 'chain_leader')
                    order by e.id`)
  ).map((r) => ({ id: Number(r.id), platformId: Number(r.platform_id), industry: String(r.industry_code) }));
  const leading = (
    await rows(sql`select pi.platform_id, pi.industry_code from platform_industries pi
                     join platforms p on p.id = pi.platform_id
                     join industries i on i.code = pi.industry_code and i.is_key
                    where p.is_demo and p.archived_at is null order by p.id, pi.rank`)
  ).map((r) => ({ platformId: Number(r.platform_id), industry: String(r.industry_code) }));
  const gaps = (
    await rows(sql`select m.industry_code, n.node_code, n.name_zh from chain_map_nodes n
                     join chain_maps m on m.id = n.map_id and m.status = 'current'
                    where cardinality(n.class_codes) = 0
                      and not exists (select 1 from chain_map_nodes c where c.map_id = n.map_id and c.parent_code = n.node_code)
                    order by m.industry_code, n.sort`)
  ).map((r) => ({ industry: String(r.industry_code), node: String(r.node_code), nameZh: String(r.name_zh) }));
  const [counts] = await rows(
    sql`select (select count(*) from chain_targets) as targets, (select count(*) from chain_partner_links) as links`,
  );
  const [tf] = await rows(sql`select id, display_name from users where username = 'taskforce'`);
  return {
    leaders,
    peers,
    leading,
    gaps,
    targets: Number(counts!.targets),
    links: Number(counts!.links),
    taskForce: tf ? { id: Number(tf.id), name: String(tf.display_name) } : null,
  };
}
