/**
 * The chain map's SQL: map versions and their nodes, enterprises placed on nodes (by class, by
 * hand), investment targets, chain leaders' partner links, and the project counts per node.
 *
 * Scope: enterprises, targets and links go through the one scope rule (`scopeSql`) on their
 * platform (a link on its leader's platform; a partner enterprise outside the scope is left out).
 * Maps and nodes are city-wide reference data.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type { MapStatus, PlacementMode, Relation, Segment, TargetStatus } from './core/codes';
import type { NodeInput } from './core/nodes';
import type { ChainNode, IndustryItem, MapHeader, Partner, Placement, Target } from './chain-map.schemas';

type Row = Record<string, unknown>;
type Conn = Db | Tx;
const rowsOf = async (db: Conn, q: SQL): Promise<Row[]> => (await db.execute<Row>(q)).rows;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

// Industries and maps

export async function keyIndustries(db: Conn): Promise<IndustryItem[]> {
  const rows = await rowsOf(
    db,
    sql`select i.code, i.name_zh, i.name_en,
               c.id as current_id, c.version as current_version, d.id as draft_id, d.version as draft_version
          from industries i
          left join chain_maps c on c.industry_code = i.code and c.status = 'current'
          left join chain_maps d on d.industry_code = i.code and d.status = 'draft'
         where i.is_key
         order by i.sort, i.code`,
  );
  return rows.map((r) => ({
    code: String(r.code),
    nameZh: String(r.name_zh),
    nameEn: String(r.name_en),
    currentMapId: num(r.current_id),
    currentVersion: num(r.current_version),
    draftMapId: num(r.draft_id),
    draftVersion: num(r.draft_version),
  }));
}

export async function industryOf(
  db: Conn,
  code: string,
): Promise<{ code: string; nameZh: string; nameEn: string; isKey: boolean } | null> {
  const [r] = await rowsOf(
    db,
    sql`select code, name_zh, name_en, is_key from industries where code = ${code}`,
  );
  return r
    ? { code: String(r.code), nameZh: String(r.name_zh), nameEn: String(r.name_en), isKey: Boolean(r.is_key) }
    : null;
}

const headerSelect = sql`select m.*, (select count(*) from chain_map_nodes n where n.map_id = m.id) as node_count from chain_maps m`;

function headerOf(r: Row): MapHeader {
  return {
    id: Number(r.id),
    industryCode: String(r.industry_code),
    version: Number(r.version),
    status: String(r.status) as MapStatus,
    note: String(r.note),
    weakShare: Number(r.weak_share),
    supplierMin: Number(r.supplier_min),
    createdByName: String(r.created_by_name),
    createdAt: iso(r.created_at)!,
    publishedByName: str(r.published_by_name),
    publishedAt: iso(r.published_at),
    retiredAt: iso(r.retired_at),
    nodeCount: Number(r.node_count),
  };
}

export async function mapVersions(db: Conn, industryCode: string): Promise<MapHeader[]> {
  return (
    await rowsOf(db, sql`${headerSelect} where m.industry_code = ${industryCode} order by m.version desc`)
  ).map(headerOf);
}

export async function mapById(db: Conn, id: number, lock = false): Promise<MapHeader | null> {
  const [r] = await rowsOf(
    db,
    sql`${headerSelect} where m.id = ${id}${lock ? sql` for update of m` : sql``}`,
  );
  return r ? headerOf(r) : null;
}

export async function mapOfStatus(
  db: Conn,
  industryCode: string,
  status: MapStatus,
): Promise<MapHeader | null> {
  const [r] = await rowsOf(
    db,
    sql`${headerSelect} where m.industry_code = ${industryCode} and m.status = ${status}`,
  );
  return r ? headerOf(r) : null;
}

export async function nodesOf(db: Conn, mapId: number): Promise<ChainNode[]> {
  const rows = await rowsOf(
    db,
    sql`select node_code, parent_code, segment, name_zh, name_en, class_codes, sort
          from chain_map_nodes where map_id = ${mapId}
         order by case segment when 'upstream' then 1 when 'midstream' then 2 else 3 end, sort, node_code`,
  );
  return rows.map((r) => ({
    code: String(r.node_code),
    parentCode: str(r.parent_code),
    segment: String(r.segment) as Segment,
    nameZh: String(r.name_zh),
    nameEn: String(r.name_en),
    classCodes: (r.class_codes as string[]) ?? [],
    sort: Number(r.sort),
  }));
}

export async function knownClasses(db: Conn): Promise<Set<string>> {
  const rows = await rowsOf(db, sql`select code from industry_classes where level = 'class'`);
  return new Set(rows.map((r) => String(r.code)));
}

/** Locks the industry's maps (one writer of an industry's versions at a time). */
export async function lockIndustryMaps(tx: Tx, industryCode: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chain_maps:' || ${industryCode}))`);
}

export async function insertMap(
  tx: Tx,
  m: {
    industryCode: string;
    note: string;
    weakShare: number;
    supplierMin: number;
    createdBy: number | null;
    createdByName: string;
  },
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into chain_maps (industry_code, version, status, note, weak_share, supplier_min, created_by, created_by_name)
        values (${m.industryCode},
                (select coalesce(max(version), 0) + 1 from chain_maps where industry_code = ${m.industryCode}),
                'draft', ${m.note}, ${m.weakShare}, ${m.supplierMin}, ${m.createdBy}, ${m.createdByName})
        returning id`,
  );
  return Number(r!.id);
}

export async function updateDraft(
  tx: Tx,
  id: number,
  m: { note: string; weakShare: number; supplierMin: number },
): Promise<void> {
  await tx.execute(
    sql`update chain_maps set note = ${m.note}, weak_share = ${m.weakShare}, supplier_min = ${m.supplierMin}
         where id = ${id} and status = 'draft'`,
  );
}

export async function replaceNodes(tx: Tx, mapId: number, nodes: NodeInput[]): Promise<void> {
  await tx.execute(sql`delete from chain_map_nodes where map_id = ${mapId}`);
  if (nodes.length === 0) return;
  await tx.execute(
    sql`insert into chain_map_nodes (map_id, node_code, parent_code, segment, name_zh, name_en, class_codes, sort)
        select ${mapId}, v.code, v.parent, v.segment, v.zh, v.en, v.classes::text[], v.sort
          from unnest(${sql.param(nodes.map((n) => n.code))}::text[],
                      ${sql.param(nodes.map((n) => n.parentCode))}::text[],
                      ${sql.param(nodes.map((n) => n.segment))}::text[],
                      ${sql.param(nodes.map((n) => n.nameZh))}::text[],
                      ${sql.param(nodes.map((n) => n.nameEn))}::text[],
                      ${sql.param(nodes.map((n) => `{${n.classCodes.join(',')}}`))}::text[],
                      ${sql.param(nodes.map((n) => n.sort))}::int[])
               as v(code, parent, segment, zh, en, classes, sort)`,
  );
}

export async function deleteMap(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from chain_maps where id = ${id} and status = 'draft'`);
}

/** Retires the industry's current map and makes `id` current. */
export async function publish(
  tx: Tx,
  industryCode: string,
  id: number,
  by: { userId: number | null; name: string },
): Promise<number | null> {
  const [old] = await rowsOf(
    tx,
    sql`update chain_maps set status = 'retired', retired_at = now()
         where industry_code = ${industryCode} and status = 'current' returning id`,
  );
  await tx.execute(
    sql`update chain_maps set status = 'current', published_by = ${by.userId}, published_by_name = ${by.name},
               published_at = now()
         where id = ${id}`,
  );
  return old ? Number(old.id) : null;
}

// Enterprises on the nodes

export interface PlacedRow {
  nodeCode: string;
  enterpriseId: number;
  above: boolean;
  output: number | null;
  placementId: number | null;
}

/** The latest year with any output figure, or null. */
export async function latestOutputYear(db: Conn): Promise<number | null> {
  const [r] = await rowsOf(db, sql`select max(year) as year from enterprise_years where output is not null`);
  return num(r?.year);
}

const enterpriseFilter = (scope: PlatformScope, platformId: number | null) =>
  sql`${scopeSql(scope, { platformId: sql`e.platform_id` })}${platformId ? sql` and e.platform_id = ${platformId}` : sql``}`;

/**
 * Every enterprise placed on a node of the map, in scope and the platform filter: by class (the
 * enterprise's GB/T 4754 class is one of the node's, and no placement by hand exists for it on
 * that node), or by hand (`include`). `exclude` placements take an enterprise off.
 */
export async function placedOnMap(
  db: Conn,
  scope: PlatformScope,
  q: {
    industryCode: string;
    mapId: number;
    platformId: number | null;
    year: number | null;
    nodeCode?: string;
  },
): Promise<PlacedRow[]> {
  const onlyNode = q.nodeCode ? sql` and n.node_code = ${q.nodeCode}` : sql``;
  const rows = await rowsOf(
    db,
    sql`with x as (
          select n.node_code, e.id as enterprise_id, null::int as placement_id
            from chain_map_nodes n
            join enterprises e on e.industry_class = any(n.class_codes)
           where n.map_id = ${q.mapId}${onlyNode} and ${enterpriseFilter(scope, q.platformId)}
             and not exists (select 1 from chain_placements p
                              where p.industry_code = ${q.industryCode} and p.node_code = n.node_code
                                and p.enterprise_id = e.id)
          union all
          select n.node_code, e.id, p.id
            from chain_placements p
            join chain_map_nodes n on n.map_id = ${q.mapId} and n.node_code = p.node_code
            join enterprises e on e.id = p.enterprise_id
           where p.industry_code = ${q.industryCode} and p.mode = 'include'${onlyNode}
             and ${enterpriseFilter(scope, q.platformId)})
        select x.node_code, x.enterprise_id, x.placement_id, e.scale, y.output
          from x join enterprises e on e.id = x.enterprise_id
          left join enterprise_years y on y.enterprise_id = x.enterprise_id and y.year = ${q.year ?? -1}`,
  );
  return rows.map((r) => ({
    nodeCode: String(r.node_code),
    enterpriseId: Number(r.enterprise_id),
    above: r.scale === 'above',
    output: num(r.output),
    placementId: num(r.placement_id),
  }));
}

export async function enterpriseRows(
  db: Conn,
  ids: number[],
): Promise<
  Map<
    number,
    {
      name: string;
      platformId: number;
      platformName: string;
      platformNameEn: string;
      industryClass: string | null;
    }
  >
> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf(
    db,
    sql`select e.id, e.name, e.platform_id, p.name as platform_name, p.name_en as platform_name_en, e.industry_class
          from enterprises e join platforms p on p.id = e.platform_id
         where e.id = any(${sql.param(ids)}::int[])`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        name: String(r.name),
        platformId: Number(r.platform_id),
        platformName: String(r.platform_name),
        platformNameEn: String(r.platform_name_en) || String(r.platform_name),
        industryClass: str(r.industry_class),
      },
    ]),
  );
}

/** Enterprises linked as suppliers to one of `leaderIds` (the partner enterprise ids). */
export async function suppliersOf(db: Conn, leaderIds: number[]): Promise<Set<number>> {
  if (leaderIds.length === 0) return new Set();
  const rows = await rowsOf(
    db,
    sql`select distinct partner_enterprise_id from chain_partner_links
         where relation = 'supplier' and partner_enterprise_id is not null
           and leader_enterprise_id = any(${sql.param(leaderIds)}::int[])`,
  );
  return new Set(rows.map((r) => Number(r.partner_enterprise_id)));
}

export async function enterpriseInScope(
  db: Conn,
  scope: PlatformScope,
  id: number,
): Promise<{ id: number; name: string; platformId: number } | null> {
  const [r] = await rowsOf(
    db,
    sql`select e.id, e.name, e.platform_id from enterprises e where e.id = ${id} and ${scopeSql(scope, { platformId: sql`e.platform_id` })}`,
  );
  return r ? { id: Number(r.id), name: String(r.name), platformId: Number(r.platform_id) } : null;
}

export async function platformInScope(
  db: Conn,
  scope: PlatformScope,
  id: number,
): Promise<{ id: number; name: string; nameEn: string; leading: string[] } | null> {
  const [r] = await rowsOf(
    db,
    sql`select p.id, p.name, p.name_en,
               array(select pi.industry_code from platform_industries pi where pi.platform_id = p.id order by pi.rank) as leading
          from platforms p where p.id = ${id} and ${scopeSql(scope, { platformId: sql`p.id` })}`,
  );
  return r
    ? {
        id: Number(r.id),
        name: String(r.name),
        nameEn: String(r.name_en) || String(r.name),
        leading: (r.leading as string[]) ?? [],
      }
    : null;
}

// Placements by hand

function placementOf(r: Row): Placement {
  return {
    id: Number(r.id),
    industryCode: String(r.industry_code),
    nodeCode: String(r.node_code),
    enterpriseId: Number(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    mode: String(r.mode) as PlacementMode,
    note: String(r.note),
    createdByName: String(r.created_by_name),
    createdAt: iso(r.created_at)!,
  };
}

const placementSelect = sql`select p.*, e.name as enterprise_name from chain_placements p join enterprises e on e.id = p.enterprise_id`;

export async function placementsOf(
  db: Conn,
  scope: PlatformScope,
  q: { industryCode: string; nodeCode: string; mode: PlacementMode; platformId: number | null },
): Promise<Placement[]> {
  const rows = await rowsOf(
    db,
    sql`${placementSelect}
         where p.industry_code = ${q.industryCode} and p.node_code = ${q.nodeCode} and p.mode = ${q.mode}
           and ${enterpriseFilter(scope, q.platformId)} order by p.created_at desc`,
  );
  return rows.map(placementOf);
}

export async function placementById(db: Conn, scope: PlatformScope, id: number): Promise<Placement | null> {
  const [r] = await rowsOf(
    db,
    sql`${placementSelect} where p.id = ${id} and ${scopeSql(scope, { platformId: sql`e.platform_id` })}`,
  );
  return r ? placementOf(r) : null;
}

export async function upsertPlacement(
  tx: Tx,
  p: {
    industryCode: string;
    nodeCode: string;
    enterpriseId: number;
    mode: PlacementMode;
    note: string;
    createdBy: number | null;
    createdByName: string;
  },
): Promise<{ id: number; previousMode: PlacementMode | null }> {
  const [prev] = await rowsOf(
    tx,
    sql`select mode from chain_placements where industry_code = ${p.industryCode} and node_code = ${p.nodeCode}
           and enterprise_id = ${p.enterpriseId} for update`,
  );
  const [r] = await rowsOf(
    tx,
    sql`insert into chain_placements (industry_code, node_code, enterprise_id, mode, note, created_by, created_by_name)
        values (${p.industryCode}, ${p.nodeCode}, ${p.enterpriseId}, ${p.mode}, ${p.note}, ${p.createdBy}, ${p.createdByName})
        on conflict (industry_code, node_code, enterprise_id) do update
          set mode = excluded.mode, note = excluded.note, created_by = excluded.created_by,
              created_by_name = excluded.created_by_name, created_at = now()
        returning id`,
  );
  return { id: Number(r!.id), previousMode: prev ? (String(prev.mode) as PlacementMode) : null };
}

export async function deletePlacement(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from chain_placements where id = ${id}`);
}

// Targets

const targetSelect = sql`select t.*, p.name as platform_name, p.name_en as platform_name_en,
    n.name_zh as node_name_zh, n.name_en as node_name_en
  from chain_targets t
  join platforms p on p.id = t.platform_id
  left join chain_maps m on m.industry_code = t.industry_code and m.status = 'current'
  left join chain_map_nodes n on n.map_id = m.id and n.node_code = t.node_code`;

function targetOf(r: Row): Target {
  return {
    id: Number(r.id),
    industryCode: String(r.industry_code),
    nodeCode: String(r.node_code),
    nodeNameZh: str(r.node_name_zh),
    nodeNameEn: str(r.node_name_en),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    platformNameEn: String(r.platform_name_en) || String(r.platform_name),
    name: String(r.name),
    uscc: str(r.uscc),
    origin: String(r.origin),
    note: String(r.note),
    status: String(r.status) as TargetStatus,
    createdByName: String(r.created_by_name),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    version: Number(r.version),
  };
}

export async function targets(
  db: Conn,
  scope: PlatformScope,
  q: {
    platformId?: number | null;
    industryCode?: string;
    nodeCode?: string;
    status?: TargetStatus;
    open?: boolean;
  },
): Promise<Target[]> {
  const where: SQL[] = [scopeSql(scope, { platformId: sql`t.platform_id` })];
  if (q.platformId) where.push(sql`t.platform_id = ${q.platformId}`);
  if (q.industryCode) where.push(sql`t.industry_code = ${q.industryCode}`);
  if (q.nodeCode) where.push(sql`t.node_code = ${q.nodeCode}`);
  if (q.status) where.push(sql`t.status = ${q.status}`);
  if (q.open) where.push(sql`t.status in ('new','contacting')`);
  const rows = await rowsOf(
    db,
    sql`${targetSelect} where ${sql.join(where, sql` and `)}
        order by t.industry_code, t.node_code, t.created_at desc, t.id desc limit 5000`,
  );
  return rows.map(targetOf);
}

export async function targetById(
  db: Conn,
  scope: PlatformScope,
  id: number,
  lock = false,
): Promise<Target | null> {
  const [r] = await rowsOf(
    db,
    sql`${targetSelect} where t.id = ${id} and ${scopeSql(scope, { platformId: sql`t.platform_id` })}${lock ? sql` for update of t` : sql``}`,
  );
  return r ? targetOf(r) : null;
}

export interface TargetValues {
  industryCode: string;
  nodeCode: string;
  platformId: number;
  name: string;
  uscc: string | null;
  origin: string;
  note: string;
  status: TargetStatus;
}

export async function insertTarget(
  tx: Tx,
  t: TargetValues & { createdBy: number | null; createdByName: string },
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into chain_targets (industry_code, node_code, platform_id, name, uscc, origin, note, status, created_by, created_by_name)
        values (${t.industryCode}, ${t.nodeCode}, ${t.platformId}, ${t.name}, ${t.uscc}, ${t.origin}, ${t.note}, ${t.status},
                ${t.createdBy}, ${t.createdByName})
        returning id`,
  );
  return Number(r!.id);
}

export async function updateTarget(tx: Tx, id: number, t: TargetValues): Promise<void> {
  await tx.execute(
    sql`update chain_targets set industry_code = ${t.industryCode}, node_code = ${t.nodeCode}, platform_id = ${t.platformId},
               name = ${t.name}, uscc = ${t.uscc}, origin = ${t.origin}, note = ${t.note}, status = ${t.status},
               updated_at = now(), version = version + 1
         where id = ${id}`,
  );
}

/** Open targets (new, contacting) per node of the industry, in scope and the platform filter. */
export async function openTargetCounts(
  db: Conn,
  scope: PlatformScope,
  industryCode: string,
  platformId: number | null,
): Promise<Map<string, number>> {
  const rows = await rowsOf(
    db,
    sql`select t.node_code, count(*) as n from chain_targets t
         where t.industry_code = ${industryCode} and t.status in ('new','contacting')
           and ${scopeSql(scope, { platformId: sql`t.platform_id` })}${platformId ? sql` and t.platform_id = ${platformId}` : sql``}
         group by t.node_code`,
  );
  return new Map(rows.map((r) => [String(r.node_code), Number(r.n)]));
}

export async function nodeOfCurrentMap(
  db: Conn,
  industryCode: string,
  nodeCode: string,
): Promise<ChainNode | null> {
  const m = await mapOfStatus(db, industryCode, 'current');
  if (!m) return null;
  return (await nodesOf(db, m.id)).find((n) => n.code === nodeCode) ?? null;
}

// Partner links

const partnerSelect = sql`select l.*, le.name as leader_name, pe.name as partner_enterprise_name,
    pp.name as partner_platform_name
  from chain_partner_links l
  join enterprises le on le.id = l.leader_enterprise_id
  left join enterprises pe on pe.id = l.partner_enterprise_id
  left join platforms pp on pp.id = pe.platform_id`;

function partnerOf(r: Row): Partner {
  return {
    id: Number(r.id),
    leaderEnterpriseId: Number(r.leader_enterprise_id),
    leaderName: String(r.leader_name),
    partnerEnterpriseId: num(r.partner_enterprise_id),
    partnerName: String(r.partner_enterprise_name ?? r.partner_name ?? ''),
    partnerPlatformName: str(r.partner_platform_name),
    relation: String(r.relation) as Relation,
    note: String(r.note),
    createdByName: String(r.created_by_name),
    createdAt: iso(r.created_at)!,
  };
}

/** Partner links of the leaders (in scope); partner enterprises outside the scope are left out. */
export async function partnersOf(db: Conn, scope: PlatformScope, leaderIds: number[]): Promise<Partner[]> {
  if (leaderIds.length === 0) return [];
  const rows = await rowsOf(
    db,
    sql`${partnerSelect}
         where l.leader_enterprise_id = any(${sql.param(leaderIds)}::int[])
           and ${scopeSql(scope, { platformId: sql`le.platform_id` })}
           and (pe.id is null or ${scopeSql(scope, { platformId: sql`pe.platform_id` })})
         order by l.relation, l.created_at desc, l.id desc`,
  );
  return rows.map(partnerOf);
}

export async function partnerById(db: Conn, scope: PlatformScope, id: number): Promise<Partner | null> {
  const [r] = await rowsOf(
    db,
    sql`${partnerSelect} where l.id = ${id} and ${scopeSql(scope, { platformId: sql`le.platform_id` })}`,
  );
  return r ? partnerOf(r) : null;
}

export async function insertPartner(
  tx: Tx,
  p: {
    leaderEnterpriseId: number;
    partnerEnterpriseId: number | null;
    partnerName: string | null;
    relation: Relation;
    note: string;
    createdBy: number | null;
    createdByName: string;
  },
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into chain_partner_links (leader_enterprise_id, partner_enterprise_id, partner_name, relation, note, created_by, created_by_name)
        values (${p.leaderEnterpriseId}, ${p.partnerEnterpriseId}, ${p.partnerName}, ${p.relation}, ${p.note},
                ${p.createdBy}, ${p.createdByName})
        returning id`,
  );
  return Number(r!.id);
}

export async function deletePartner(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from chain_partner_links where id = ${id}`);
}

export async function displayNameOf(db: Conn, userId: number): Promise<string | null> {
  const [r] = await rowsOf(db, sql`select display_name from users where id = ${userId}`);
  return str(r?.display_name);
}

// Projects in the pipeline

/** Active projects per node of the industry (`projects.chain_node_code`), in scope and the platform filter. */
export async function activeProjectCounts(
  db: Conn,
  scope: PlatformScope,
  industryCode: string,
  platformId: number | null,
): Promise<Map<string, number>> {
  const rows = await rowsOf(
    db,
    sql`select pr.chain_node_code as node_code, count(*) as n from projects pr
         where pr.industry_code = ${industryCode} and pr.status = 'active' and pr.chain_node_code is not null
           and ${scopeSql(scope, { platformId: sql`pr.platform_id` })}${platformId ? sql` and pr.platform_id = ${platformId}` : sql``}
         group by pr.chain_node_code`,
  );
  return new Map(rows.map((r) => [String(r.node_code), Number(r.n)]));
}
