/** The sums behind the metrics: one pass over the enterprise figures, grouped by platform and year. */
import { sql } from 'drizzle-orm';
import type { MetricRow } from '../requests/core/requests';
import type { Db, Tx } from '../../platform/db/client';
import { CHAIN_LEADER_OUTPUT, emptyBases, type BaseFigure, type Bases, type Override } from './core/metrics';
import { ABOVE_SCALE_REVENUE } from '../enterprises/core/scale';
import type { DrillRow, PlatformInfo } from './metrics.schemas';
import { MAJOR_THRESHOLD } from '../projects/core/codes';
import { countsForT6, type SignedProject } from '../projects/core/figures';

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A firm is above scale in a year when set so by hand, or when that year's revenue reaches the line. */
// eslint-disable-next-line no-restricted-syntax -- a number constant of the code
const ABOVE = sql.raw(
  `coalesce(e.scale_override, case when y.revenue >= ${ABOVE_SCALE_REVENUE} then 'above' else 'below' end) = 'above'`,
);

/**
 * Everything the metrics read, in the caller's transaction (a read-only repeatable-read one gives a
 * consistent snapshot). JIT off: compiling these aggregates costs more than it saves (~1 s).
 */
export async function snapshotData(tx: Tx) {
  await tx.execute(sql`set local jit = off`);
  return {
    platforms: await platformsInfo(tx),
    computed: await computedBases(tx),
    industry: await industryOutput(tx),
    reported: await reportedStats(tx),
    keyIndustries: await keyIndustries(tx),
    requests: await requestRows(tx),
    projects: await signedProjects(tx),
  };
}

/**
 * The projects T6 may count (total investment ≥ 10 亿 and an approved signing), with what its rule
 * reads (`countsForT6`); `registry` says whether any project is recorded at all (none: T6 is left
 * to the reported figures).
 */
export async function signedProjects(db: Db | Tx): Promise<{ registry: boolean; rows: SignedProject[] }> {
  const r = await db.execute(sql`
    select p.platform_id, p.total_investment, p.status, p.end_date::text as end_date,
      (select c.stage_date::text from project_stage_changes c where c.project_id = p.id and c.stage = 'signed'
        and c.status = 'approved' order by c.id desc limit 1) as signed_on
    from projects p where p.total_investment >= ${MAJOR_THRESHOLD}`);
  const any = await db.execute(sql`select exists (select 1 from projects) as any`);
  return {
    registry: Boolean((any.rows[0] as Row).any),
    rows: (r.rows as Row[]).map((x) => ({
      platformId: Number(x.platform_id),
      totalInvestment: Number(x.total_investment),
      status: x.status as SignedProject['status'],
      endDate: x.end_date === null ? null : String(x.end_date),
      signedOn: x.signed_on === null ? null : String(x.signed_on),
    })),
  };
}

/** T6's drill-down: the projects counted in a year (platforms: null = all). */
export async function majorProjectRows(db: Db | Tx, year: number, platformIds: number[] | null) {
  const r = await db.execute(sql`
    select p.id, p.code, p.name, p.platform_id, pl.name as platform_name, p.total_investment, p.industry_code,
      p.status, p.end_date::text as end_date, s.stage_date::text as signed_on
    from projects p join platforms pl on pl.id = p.platform_id
    join lateral (select c.stage_date from project_stage_changes c where c.project_id = p.id and c.stage = 'signed'
      and c.status = 'approved' order by c.id desc limit 1) s on true
    where p.total_investment >= ${MAJOR_THRESHOLD} and extract(year from s.stage_date) = ${year}
    order by s.stage_date, p.id`);
  return (r.rows as Row[])
    .map((x) => ({
      id: Number(x.id),
      code: String(x.code),
      name: String(x.name),
      platformId: Number(x.platform_id),
      platformName: String(x.platform_name),
      industryCode: String(x.industry_code),
      totalInvestment: Number(x.total_investment),
      signedOn: String(x.signed_on),
      status: x.status as SignedProject['status'],
      endDate: x.end_date === null ? null : String(x.end_date),
    }))
    .filter((p) => (!platformIds || platformIds.includes(p.platformId)) && countsForT6(p, year))
    .map(({ status: _s, endDate: _e, ...rest }) => rest);
}

/**
 * Every request with its platform and year received: the platform evaluation's 营商环境 figures
 * (closure rate, on-time rate, satisfaction) per platform and year. A trigger moves the data
 * version when a request is raised or changes state, deadline or rating.
 */
export async function requestRows(
  db: Db | Tx,
): Promise<({ platformId: number; year: number } & MetricRow)[]> {
  const r = await db.execute(
    sql`select platform_id, extract(year from received_on)::int as year, received_on::text as received_on,
      due_on::text as due_on, closed_on::text as closed_on, state, rating, escalation_level from requests`,
  );
  return (r.rows as Row[]).map((x) => ({
    platformId: Number(x.platform_id),
    year: Number(x.year),
    receivedOn: String(x.received_on),
    dueOn: String(x.due_on),
    closedOn: x.closed_on === null ? null : String(x.closed_on),
    state: x.state as MetricRow['state'],
    rating: x.rating as MetricRow['rating'],
    escalationLevel: Number(x.escalation_level),
  }));
}

export async function dataVersion(db: Db | Tx): Promise<number> {
  const r = await db.execute(sql`select version from data_version where id = 1`);
  return Number((r.rows[0] as Row | undefined)?.version ?? 0);
}

export async function platformsInfo(db: Db | Tx): Promise<PlatformInfo[]> {
  const r = await db.execute(sql`
    select p.id, p.name, p.name_en, p.is_strategic, p.archived_at is not null as archived, p.industrial_land_mu,
      coalesce((select array_agg(pi.industry_code order by pi.rank) from platform_industries pi
        where pi.platform_id = p.id), '{}') as leading_industries
    from platforms p order by p.id`);
  return (r.rows as Row[]).map((x) => ({
    id: Number(x.id),
    name: String(x.name),
    nameEn: String(x.name_en ?? ''),
    isStrategic: Boolean(x.is_strategic),
    archived: Boolean(x.archived),
    industrialLandMu: num(x.industrial_land_mu),
    leadingIndustries: (x.leading_industries as string[]) ?? [],
  }));
}

export async function keyIndustries(
  db: Db | Tx,
): Promise<{ code: string; nameZh: string; nameEn: string }[]> {
  const r = await db.execute(
    sql`select code, name_zh, name_en from industries where is_key order by sort, code`,
  );
  return (r.rows as Row[]).map((x) => ({
    code: String(x.code),
    nameZh: String(x.name_zh),
    nameEn: String(x.name_en),
  }));
}

/** Computed bases of every platform and year that has enterprise figures. */
export async function computedBases(
  db: Db | Tx,
): Promise<{ platformId: number; year: number; bases: Bases }[]> {
  const figures = await db.execute(sql`
    with f as (
      select e.platform_id, y.year, y.output, y.tax, y.revenue, y.rd_spending, y.fixed_asset_investment,
        y.energy_tce, y.value_added, e.own_land_mu as land, ${ABOVE} as above,
        pi.platform_id is not null as is_leading
      from enterprise_years y
      join enterprises e on e.id = y.enterprise_id
      left join industry_class_mapping m on m.class_code = e.industry_class
      left join platform_industries pi on pi.platform_id = e.platform_id and pi.industry_code = m.industry_code
    )
    select platform_id, year,
      sum(output) as output,
      coalesce(sum(output) filter (where is_leading), 0) as leading_output,
      sum(tax) filter (where above and land > 0) as above_tax,
      sum(land) filter (where above and land > 0 and tax is not null) as above_land,
      sum(revenue) filter (where above and revenue > 0) as above_revenue,
      sum(coalesce(rd_spending, 0)) filter (where above and revenue > 0) as above_rd,
      sum(land) filter (where land > 0 and fixed_asset_investment is not null) as land,
      sum(fixed_asset_investment) filter (where land > 0) as fai,
      sum(energy_tce) filter (where value_added > 0) as energy,
      sum(value_added) filter (where value_added > 0 and energy_tce is not null) as value_added,
      count(*) as firms,
      count(*) filter (where above) as above_firms,
      count(*) filter (where output >= ${CHAIN_LEADER_OUTPUT}) as candidates
    from f group by platform_id, year order by platform_id, year`);
  const labels = await db.execute(sql`
    with years as (select distinct year from enterprise_years)
    select e.platform_id, years.year,
      count(*) filter (where l.label = 'high_tech') as high_tech,
      count(*) filter (where l.label = 'tech_sme') as tech_sme,
      count(*) filter (where l.label = 'chain_leader') as chain_leader
    from enterprise_labels l
    join enterprises e on e.id = l.enterprise_id
    join years on l.granted_on is null or l.granted_on <= make_date(years.year, 12, 31)
    where l.label in ('high_tech', 'tech_sme', 'chain_leader')
    group by e.platform_id, years.year`);
  const labelCounts = new Map<string, Row>();
  for (const x of labels.rows as Row[]) labelCounts.set(`${x.platform_id as number}:${x.year as number}`, x);
  return (figures.rows as Row[]).map((x) => {
    const l = labelCounts.get(`${x.platform_id as number}:${x.year as number}`);
    const b = emptyBases();
    b.output = num(x.output);
    b.leadingOutput = num(x.leading_output);
    b.aboveTax = num(x.above_tax);
    b.aboveLand = num(x.above_land);
    b.aboveRevenue = num(x.above_revenue);
    b.aboveRd = num(x.above_rd);
    b.land = num(x.land);
    b.fixedAssetInvestment = num(x.fai);
    b.energyTce = num(x.energy);
    b.valueAdded = num(x.value_added);
    b.firms = Number(x.firms);
    b.aboveScaleFirms = Number(x.above_firms);
    b.chainLeaderCandidates = Number(x.candidates);
    b.highTechFirms = Number(l?.high_tech ?? 0);
    b.techSmes = Number(l?.tech_sme ?? 0);
    b.chainLeaders = Number(l?.chain_leader ?? 0);
    return { platformId: Number(x.platform_id), year: Number(x.year), bases: b };
  });
}

/** City-wide output per key industry and year (万元): the clusters of targets T4 and T5. */
export async function industryOutput(
  db: Db | Tx,
): Promise<{ industry: string; year: number; output: number }[]> {
  const r = await db.execute(sql`
    select m.industry_code as industry, y.year, sum(y.output) as output
    from enterprise_years y
    join enterprises e on e.id = y.enterprise_id
    join industry_class_mapping m on m.class_code = e.industry_class
    join industries i on i.code = m.industry_code and i.is_key
    where y.output is not null
    group by m.industry_code, y.year`);
  return (r.rows as Row[]).map((x) => ({
    industry: String(x.industry),
    year: Number(x.year),
    output: Number(x.output),
  }));
}

export async function reportedStats(
  db: Db | Tx,
): Promise<(Override & { platformId: number; year: number })[]> {
  const r = await db.execute(sql`
    select platform_id, year, figure, value, note, entered_by_name, entered_at
    from platform_year_stats order by platform_id, year, figure`);
  return (r.rows as Row[]).map((x) => ({
    platformId: Number(x.platform_id),
    year: Number(x.year),
    figure: x.figure as BaseFigure,
    value: Number(x.value),
    by: String(x.entered_by_name ?? ''),
    at: new Date(x.entered_at as string).toISOString(),
    note: String(x.note ?? ''),
  }));
}

/** What a drill-down lists: enterprises of a platform-year (or the city) matching a filter. */
export interface DrillFilter {
  year: number;
  platformIds: number[] | null;
  above?: boolean;
  label?: 'high_tech' | 'tech_sme' | 'chain_leader';
  minOutput?: number;
  industry?: string;
  leading?: boolean;
  sort: 'output' | 'tax' | 'taxPerMu' | 'fixedAssetInvestment' | 'energyTce' | 'rdSpending';
  page: number;
  pageSize: number;
}

const SORT_SQL: Record<DrillFilter['sort'], string> = {
  output: 'y.output',
  tax: 'y.tax',
  taxPerMu: 'case when e.own_land_mu > 0 then y.tax / e.own_land_mu end',
  fixedAssetInvestment: 'y.fixed_asset_investment',
  energyTce: 'y.energy_tce',
  rdSpending: 'y.rd_spending',
};
/** The sort's column from the allow-list above (the contract admits only its keys). */
// eslint-disable-next-line no-restricted-syntax -- a value of the SORT_SQL allow-list
const sortSql = (sort: DrillFilter['sort']) => sql.raw(SORT_SQL[sort]);

export async function drillEnterprises(
  db: Db | Tx,
  f: DrillFilter,
): Promise<{ total: number; rows: DrillRow[] }> {
  const where = [sql`y.year = ${f.year}`];
  if (f.platformIds) where.push(sql`e.platform_id = any(${`{${f.platformIds.join(',')}}`}::int[])`);
  if (f.above !== undefined) where.push(f.above ? ABOVE : sql`not (${ABOVE})`);
  if (f.minOutput !== undefined) where.push(sql`y.output >= ${f.minOutput}`);
  if (f.industry) where.push(sql`m.industry_code = ${f.industry}`);
  if (f.label)
    where.push(sql`exists (select 1 from enterprise_labels l where l.enterprise_id = e.id and l.label = ${f.label}
      and (l.granted_on is null or l.granted_on <= make_date(${f.year}::int, 12, 31)))`);
  const leading = sql`exists (select 1 from platform_industries pi
    where pi.platform_id = e.platform_id and pi.industry_code = m.industry_code)`;
  if (f.leading !== undefined) where.push(f.leading ? leading : sql`not ${leading}`);
  const cond = sql.join(where, sql` and `);
  const from = sql`from enterprise_years y join enterprises e on e.id = y.enterprise_id
    join platforms p on p.id = e.platform_id
    left join industry_class_mapping m on m.class_code = e.industry_class where ${cond}`;
  const total = await db.execute(sql`select count(*) as n ${from}`);
  const r = await db.execute(sql`
    select e.id, e.name, e.uscc, e.platform_id, p.name as platform_name, e.industry_class, m.industry_code,
      ${leading} as is_leading, ${ABOVE} as above, e.own_land_mu, y.output, y.revenue, y.tax, y.value_added,
      y.energy_tce, y.rd_spending, y.fixed_asset_investment
    ${from}
    order by ${sortSql(f.sort)} desc nulls last, e.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return {
    total: Number((total.rows[0] as Row).n),
    rows: (r.rows as Row[]).map((x) => ({
      id: Number(x.id),
      name: String(x.name),
      uscc: String(x.uscc),
      platformId: Number(x.platform_id),
      platformName: String(x.platform_name),
      industryCode: (x.industry_class as string | null) ?? null,
      keyIndustry: (x.industry_code as string | null) ?? null,
      leading: Boolean(x.is_leading),
      above: Boolean(x.above),
      ownLandMu: num(x.own_land_mu),
      output: num(x.output),
      revenue: num(x.revenue),
      tax: num(x.tax),
      valueAdded: num(x.value_added),
      energyTce: num(x.energy_tce),
      rdSpending: num(x.rd_spending),
      fixedAssetInvestment: num(x.fixed_asset_investment),
    })),
  };
}
