/**
 * The industrial-chain map (产业链图谱 / 招商图, plan §3.3): versioned maps per key industry,
 * enterprises placed on nodes (by GB/T 4754 class, adjusted by hand), node figures and ratings per
 * platform, investment targets for missing and weak nodes (the roadmap per platform), and chain
 * leaders' suppliers and partners (以企招企).
 *
 * Chain leaders come from the chain-leaders service (confirmed leaders of the latest year with
 * figures, in the actor's scope and the platform filter).
 */
import type { Database, Db, Tx } from '../../platform/db/client';
import { fail, forbidden, type FieldError } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import type { ChainLeaderService } from '../chain-leaders/chain-leaders.service';
import { usccError } from '../enterprises/core/enterprise-rules';
import * as repo from './chain-map.repository';
import type {
  ChainNode,
  ChainView,
  DraftWrite,
  ImportResult,
  IndustryList,
  Leader,
  MapDetail,
  MapHeader,
  MapVersions,
  NodeDetail,
  NodeQuery,
  NodeView,
  Partner,
  PartnerList,
  PartnerWrite,
  Placement,
  PlacementWrite,
  Roadmap,
  Target,
  TargetList,
  TargetQuery,
  TargetUpdate,
  TargetWrite,
  ViewQuery,
} from './chain-map.schemas';
import { DEFAULT_SUPPLIER_MIN, DEFAULT_WEAK_SHARE, type Relation } from './core/codes';
import { rateMap } from './core/figures';
import { normaliseNodes, validateNodes, type NodeInput, type NodeProblem } from './core/nodes';
import { readNodeSheet } from './chain-map.workbooks';

const problemsToDetails = (problems: NodeProblem[], prefix: (p: NodeProblem) => string): FieldError[] =>
  problems.slice(0, 200).map((p) => ({
    field: p.row > 0 ? `${prefix(p)}.${p.field}` : p.field,
    code: p.code,
    zh: p.row > 0 ? `第 ${p.row} 行：${p.zh}` : p.zh,
    en: p.row > 0 ? `Row ${p.row}: ${p.en}` : p.en,
  }));

/** Records an investment target in the caller's transaction, with its audit row (the demo city uses it). */
export async function createTargetIn(
  tx: Tx,
  subject: AuditSubject,
  values: repo.TargetValues & { createdBy: number | null; createdByName: string },
): Promise<number> {
  const id = await repo.insertTarget(tx, values);
  const { createdBy: _by, createdByName: _name, ...detail } = values;
  await recordAudit(tx, subject, {
    action: 'chain_target.create',
    result: 'success',
    objectType: 'chain_target',
    objectId: id,
    detail,
  });
  return id;
}

/** Links a partner to a chain leader in the caller's transaction, with its audit row. */
export async function linkPartnerIn(
  tx: Tx,
  subject: AuditSubject,
  link: {
    leaderEnterpriseId: number;
    partnerEnterpriseId: number | null;
    partnerName: string | null;
    relation: Relation;
    note: string;
    createdBy: number | null;
    createdByName: string;
  },
): Promise<number> {
  const id = await repo.insertPartner(tx, link);
  await recordAudit(tx, subject, {
    action: 'chain_partner.link',
    result: 'success',
    objectType: 'chain_partner',
    objectId: id,
    detail: {
      leaderEnterpriseId: link.leaderEnterpriseId,
      partnerEnterpriseId: link.partnerEnterpriseId,
      partnerName: link.partnerName,
      relation: link.relation,
    },
  });
  return id;
}

export function createChainMapService(database: Database, chainLeaders: ChainLeaderService) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };
  const nameOf = async (conn: Db | Tx, actor: Actor) =>
    (await repo.displayNameOf(conn, actor.userId)) ?? actor.username;

  async function industryOrFail(code: string) {
    const industry = await repo.industryOf(db, code);
    if (!industry || !industry.isKey) return fail('INDUSTRY_NOT_FOUND');
    return industry;
  }

  /** The platform filter: a platform administrator's own platform; others any platform in scope, or all. */
  async function platformFilter(actor: Actor, asked: number | undefined): Promise<number | null> {
    const scope = platformScope(actor);
    if (scope.kind === 'platform') {
      if (asked !== undefined && asked !== scope.platformId) fail('PLATFORM_NOT_FOUND');
      return scope.platformId;
    }
    if (asked === undefined) return null;
    if (!(await repo.platformInScope(db, scope, asked))) fail('PLATFORM_NOT_FOUND');
    return asked;
  }

  /** Confirmed chain leaders (enterprise ids) in scope and the platform filter. */
  async function confirmedLeaders(actor: Actor, platformId: number | null) {
    const list = await chainLeaders.list(actor, {
      status: 'confirmed',
      ...(platformId ? { platformId } : {}),
      page: 1,
      pageSize: 100_000,
    });
    return list.items;
  }

  async function computeView(
    actor: Actor,
    industryCode: string,
    platformId: number | null,
  ): Promise<{ view: ChainView; leaderIds: Set<number>; ids: Map<string, number[]> }> {
    const industry = await industryOrFail(industryCode);
    const map = await repo.mapOfStatus(db, industryCode, 'current');
    const year = await repo.latestOutputYear(db);
    const base = { code: industry.code, nameZh: industry.nameZh, nameEn: industry.nameEn };
    if (!map)
      return {
        view: { industry: base, map: null, year, platformId, industryOutput: 0, nodes: [] },
        leaderIds: new Set(),
        ids: new Map(),
      };
    const scope = platformScope(actor);
    const nodes = await repo.nodesOf(db, map.id);
    const placed = await repo.placedOnMap(db, scope, { industryCode, mapId: map.id, platformId, year });
    const leaderIds = new Set((await confirmedLeaders(actor, platformId)).map((l) => l.enterpriseId));
    const supplierIds = await repo.suppliersOf(db, [...leaderIds]);
    const { byNode, industryOutput } = rateMap(nodes, placed, leaderIds, supplierIds, {
      weakShare: map.weakShare,
      supplierMin: map.supplierMin,
    });
    const targets = await repo.openTargetCounts(db, scope, industryCode, platformId);
    const projects = await repo.activeProjectCounts(db, scope, industryCode, platformId);
    const ids = new Map<string, number[]>();
    const views: NodeView[] = nodes.map((n) => {
      const f = byNode.get(n.code)!;
      ids.set(n.code, f.enterpriseIds);
      return {
        ...n,
        enterprises: f.enterprises,
        above: f.above,
        output: f.output,
        share: f.share === null ? null : Math.round(f.share * 10000) / 10000,
        leaders: f.leaders,
        leaderSuppliers: f.leaderSuppliers,
        projects: projects.get(n.code) ?? 0,
        targets: targets.get(n.code) ?? 0,
        rating: f.rating,
        reasons: f.reasons,
      };
    });
    return {
      view: { industry: base, map, year, platformId, industryOutput, nodes: views },
      leaderIds,
      ids,
    };
  }

  async function draftOf(actor: Actor, input: DraftWrite, rowOf?: (i: number) => number) {
    const industry = await industryOrFail(input.industryCode);
    const nodes = normaliseNodes(
      input.nodes.map((n, i) => ({
        code: n.code,
        parentCode: n.parentCode ?? null,
        segment: n.segment,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        classCodes: n.classCodes,
        sort: n.sort ?? (i + 1) * 10,
      })),
    );
    const problems = validateNodes(nodes, await repo.knownClasses(db), rowOf);
    return { industry, nodes, problems };
  }

  async function writeDraft(
    actor: Actor,
    input: DraftWrite,
    nodes: NodeInput[],
    action: 'chain_map.draft' | 'chain_map.import',
    detail: Record<string, unknown> = {},
  ): Promise<MapHeader> {
    const createdByName = await nameOf(db, actor);
    return database.transaction(async (tx) => {
      await repo.lockIndustryMaps(tx, input.industryCode);
      const current = await repo.mapOfStatus(tx, input.industryCode, 'current');
      const settings = {
        note: (input.note ?? '').trim(),
        weakShare: input.weakShare ?? current?.weakShare ?? DEFAULT_WEAK_SHARE,
        supplierMin: input.supplierMin ?? current?.supplierMin ?? DEFAULT_SUPPLIER_MIN,
      };
      const existing = await repo.mapOfStatus(tx, input.industryCode, 'draft');
      const id = existing
        ? existing.id
        : await repo.insertMap(tx, {
            industryCode: input.industryCode,
            ...settings,
            createdBy: actor.userId,
            createdByName,
          });
      if (existing) await repo.updateDraft(tx, id, settings);
      await repo.replaceNodes(tx, id, nodes);
      const saved = (await repo.mapById(tx, id))!;
      await recordAudit(tx, subjectOf(actor), {
        action,
        result: 'success',
        objectType: 'chain_map',
        objectId: id,
        detail: {
          industry: input.industryCode,
          version: saved.version,
          nodes: nodes.length,
          ...settings,
          ...detail,
        },
      });
      return saved;
    });
  }

  async function targetValues(actor: Actor, input: TargetWrite) {
    const scope = platformScope(actor);
    await industryOrFail(input.industryCode);
    if (!(await repo.platformInScope(db, scope, input.platformId))) fail('PLATFORM_NOT_FOUND');
    if (!(await repo.nodeOfCurrentMap(db, input.industryCode, input.nodeCode))) fail('CHAIN_NODE_NOT_FOUND');
    const errors: FieldError[] = [];
    const name = input.name.trim();
    if (!name)
      errors.push({ field: 'name', code: 'REQUIRED', zh: '请填写企业名称', en: 'Enter the company name' });
    const uscc = input.uscc?.trim() ? input.uscc.trim().toUpperCase() : null;
    if (uscc) {
      const e = usccError('uscc', uscc);
      if (e) errors.push(e);
    }
    if (errors.length) fail('VALIDATION_FAILED', errors);
    return {
      industryCode: input.industryCode,
      nodeCode: input.nodeCode,
      platformId: input.platformId,
      name,
      uscc,
      origin: (input.origin ?? '').trim(),
      note: (input.note ?? '').trim(),
      status: input.status ?? 'new',
    } satisfies repo.TargetValues;
  }

  return {
    async industries(actor: Actor): Promise<IndustryList> {
      require(actor, 'chainmap:read');
      return { items: await repo.keyIndustries(db) };
    },

    async versions(actor: Actor, industryCode: string): Promise<MapVersions> {
      require(actor, 'chainmap:read');
      await industryOrFail(industryCode);
      return { items: await repo.mapVersions(db, industryCode) };
    },

    async map(actor: Actor, id: number): Promise<MapDetail> {
      require(actor, 'chainmap:read');
      const map = await repo.mapById(db, id);
      if (!map) return fail('CHAIN_MAP_NOT_FOUND');
      return { map, nodes: await repo.nodesOf(db, id) };
    },

    /** A map version for the workbook export; records the export. */
    async exportMap(actor: Actor, id: number): Promise<MapDetail & { industryName: string }> {
      const detail = await this.map(actor, id);
      const industry = await repo.industryOf(db, detail.map.industryCode);
      await recordAudit(db, subjectOf(actor), {
        action: 'chain_map.export',
        result: 'success',
        objectType: 'chain_map',
        objectId: id,
        detail: { industry: detail.map.industryCode, version: detail.map.version },
      });
      return { ...detail, industryName: industry?.nameZh ?? detail.map.industryCode };
    },

    async view(actor: Actor, q: ViewQuery): Promise<ChainView> {
      require(actor, 'chainmap:read');
      const platformId = await platformFilter(actor, q.platformId);
      return (await computeView(actor, q.industry, platformId)).view;
    },

    async node(actor: Actor, q: NodeQuery): Promise<NodeDetail> {
      require(actor, 'chainmap:read');
      const platformId = await platformFilter(actor, q.platformId);
      const { view, leaderIds, ids } = await computeView(actor, q.industry, platformId);
      const node = view.nodes.find((n) => n.code === q.node);
      if (!node || !view.map) return fail('CHAIN_NODE_NOT_FOUND');
      const scope = platformScope(actor);
      const memberIds = ids.get(node.code) ?? [];
      const codes = new Set(
        view.nodes
          .filter((n) => n.code === node.code || isBelow(view.nodes, n, node.code))
          .map((n) => n.code),
      );
      const placed = (
        await repo.placedOnMap(db, scope, {
          industryCode: q.industry,
          mapId: view.map.id,
          platformId,
          year: view.year,
        })
      ).filter((p) => codes.has(p.nodeCode));
      const info = await repo.enterpriseRows(db, memberIds);
      const seen = new Set<number>();
      const enterprises = placed
        .filter((p) => !seen.has(p.enterpriseId) && seen.add(p.enterpriseId))
        .map((p) => {
          const e = info.get(p.enterpriseId)!;
          return {
            id: p.enterpriseId,
            name: e.name,
            platformId: e.platformId,
            platformName: e.platformName,
            platformNameEn: e.platformNameEn,
            industryClass: e.industryClass,
            above: p.above,
            output: p.output,
            leader: leaderIds.has(p.enterpriseId),
            placed: p.placementId === null ? ('class' as const) : ('hand' as const),
            placementId: p.placementId,
          };
        })
        .sort(
          (a, b) => Number(b.leader) - Number(a.leader) || (b.output ?? -1) - (a.output ?? -1) || a.id - b.id,
        );
      const nodeLeaders = enterprises.filter((e) => e.leader);
      const partners = await repo.partnersOf(
        db,
        scope,
        nodeLeaders.map((l) => l.id),
      );
      const leaders: Leader[] = nodeLeaders.map((l) => ({
        enterpriseId: l.id,
        name: l.name,
        platformName: l.platformName,
        platformNameEn: l.platformNameEn,
        partners: partners.filter((p) => p.leaderEnterpriseId === l.id),
      }));
      return {
        node,
        year: view.year,
        enterprises: enterprises.slice(0, 500),
        excluded: await repo.placementsOf(db, scope, {
          industryCode: q.industry,
          nodeCode: q.node,
          mode: 'exclude',
          platformId,
        }),
        leaders,
        targets: await repo.targets(db, scope, { platformId, industryCode: q.industry, nodeCode: q.node }),
      };
    },

    /** Creates or replaces the industry's draft (the editor and the JSON import). */
    async saveDraft(actor: Actor, input: DraftWrite): Promise<MapDetail> {
      require(actor, 'chainmap:edit');
      const { nodes, problems } = await draftOf(actor, input);
      if (problems.length)
        fail(
          'VALIDATION_FAILED',
          problemsToDetails(problems, (p) => `nodes[${p.row - 1}]`),
        );
      const map = await writeDraft(actor, input, nodes, 'chain_map.draft');
      return { map, nodes: await repo.nodesOf(db, map.id) };
    },

    /** The node sheet of a workbook becomes the industry's draft, all or nothing. */
    async importWorkbook(
      actor: Actor,
      input: { industryCode: string; file: string; fileName: string },
    ): Promise<ImportResult> {
      require(actor, 'chainmap:edit');
      await industryOrFail(input.industryCode);
      const read = await readNodeSheet(input.file);
      if (!read.ok) fail(read.fileProblem ? 'FILE_REJECTED' : 'VALIDATION_FAILED', read.problems);
      const rows = read.ok ? read.rows : [];
      const draft: DraftWrite = { industryCode: input.industryCode, nodes: rows.map((r) => r.node) };
      const { nodes, problems } = await draftOf(actor, draft, (i) => rows[i]!.row);
      if (problems.length)
        fail(
          'VALIDATION_FAILED',
          problemsToDetails(problems, (p) => `row${p.row}`),
        );
      const current = await repo.mapOfStatus(db, input.industryCode, 'current');
      const map = await writeDraft(
        actor,
        {
          ...draft,
          note: `导入 ${input.fileName}`.slice(0, 500),
          weakShare: current?.weakShare,
          supplierMin: current?.supplierMin,
        },
        nodes,
        'chain_map.import',
        { file: input.fileName },
      );
      return { map, nodes: nodes.length };
    },

    /** Publishes a draft: it becomes current, the previous current version is retired (kept). */
    async publish(actor: Actor, id: number): Promise<MapHeader> {
      require(actor, 'chainmap:edit');
      const by = { userId: actor.userId, name: await nameOf(db, actor) };
      return database.transaction(async (tx) => {
        const found = await repo.mapById(tx, id);
        if (!found) return fail('CHAIN_MAP_NOT_FOUND');
        await repo.lockIndustryMaps(tx, found.industryCode);
        const map = (await repo.mapById(tx, id, true))!;
        if (map.status !== 'draft') fail('CHAIN_MAP_NOT_DRAFT');
        if (map.nodeCount === 0)
          fail('VALIDATION_FAILED', [
            {
              field: 'nodes',
              code: 'EMPTY',
              zh: '图谱至少需要一个节点',
              en: 'A map needs at least one node',
            },
          ]);
        const retired = await repo.publish(tx, map.industryCode, id, by);
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_map.publish',
          result: 'success',
          objectType: 'chain_map',
          objectId: id,
          detail: { industry: map.industryCode, version: map.version, retiredMapId: retired },
        });
        return (await repo.mapById(tx, id))!;
      });
    },

    /** Puts an enterprise on a node or takes it off by hand (wins over the class rule). */
    async place(actor: Actor, input: PlacementWrite): Promise<Placement> {
      require(actor, 'chainmap:edit');
      await industryOrFail(input.industryCode);
      const scope = platformScope(actor);
      if (!(await repo.nodeOfCurrentMap(db, input.industryCode, input.nodeCode)))
        fail('CHAIN_NODE_NOT_FOUND');
      if (!(await repo.enterpriseInScope(db, scope, input.enterpriseId))) fail('ENTERPRISE_NOT_FOUND');
      const createdByName = await nameOf(db, actor);
      return database.transaction(async (tx) => {
        const saved = await repo.upsertPlacement(tx, {
          ...input,
          note: (input.note ?? '').trim(),
          createdBy: actor.userId,
          createdByName,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_map.place',
          result: 'success',
          objectType: 'chain_placement',
          objectId: saved.id,
          detail: {
            industry: input.industryCode,
            node: input.nodeCode,
            enterpriseId: input.enterpriseId,
            mode: input.mode,
            previousMode: saved.previousMode,
          },
        });
        return (await repo.placementById(tx, scope, saved.id))!;
      });
    },

    async unplace(actor: Actor, id: number): Promise<{ ok: boolean }> {
      require(actor, 'chainmap:edit');
      const scope = platformScope(actor);
      return database.transaction(async (tx) => {
        const p = await repo.placementById(tx, scope, id);
        if (!p) return fail('CHAIN_PLACEMENT_NOT_FOUND');
        await repo.deletePlacement(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_map.unplace',
          result: 'success',
          objectType: 'chain_placement',
          objectId: id,
          detail: { industry: p.industryCode, node: p.nodeCode, enterpriseId: p.enterpriseId, mode: p.mode },
        });
        return { ok: true };
      });
    },

    async targets(actor: Actor, q: TargetQuery): Promise<TargetList> {
      require(actor, 'chainmap:read');
      const platformId = await platformFilter(actor, q.platformId);
      return {
        items: await repo.targets(db, platformScope(actor), {
          platformId,
          industryCode: q.industry,
          status: q.status,
        }),
      };
    },

    async createTarget(actor: Actor, input: TargetWrite): Promise<Target> {
      require(actor, 'chainmap:write');
      const values = await targetValues(actor, input);
      const createdByName = await nameOf(db, actor);
      return database.transaction(async (tx) => {
        const id = await createTargetIn(tx, subjectOf(actor), {
          ...values,
          createdBy: actor.userId,
          createdByName,
        });
        return (await repo.targetById(tx, platformScope(actor), id))!;
      });
    },

    async updateTarget(actor: Actor, id: number, input: TargetUpdate): Promise<Target> {
      require(actor, 'chainmap:write');
      const scope = platformScope(actor);
      if (!(await repo.targetById(db, scope, id))) fail('CHAIN_TARGET_NOT_FOUND');
      const { version, ...rest } = input;
      const values = await targetValues(actor, rest);
      return database.transaction(async (tx) => {
        const before = await repo.targetById(tx, scope, id, true);
        if (!before) return fail('CHAIN_TARGET_NOT_FOUND');
        if (before.version !== version) fail('VERSION_CONFLICT');
        await repo.updateTarget(tx, id, values);
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_target.update',
          result: 'success',
          objectType: 'chain_target',
          objectId: id,
          detail: {
            before: { status: before.status, nodeCode: before.nodeCode, platformId: before.platformId },
            after: values,
          },
        });
        return (await repo.targetById(tx, scope, id))!;
      });
    },

    /** The roadmap (路线图) of a platform: its leading industries' missing and weak nodes with their targets. */
    async roadmap(actor: Actor, platformIdAsked: number | undefined): Promise<Roadmap> {
      require(actor, 'chainmap:read');
      const scope = platformScope(actor);
      const platformId = await platformFilter(actor, platformIdAsked);
      if (platformId === null) return fail('PLATFORM_NOT_FOUND');
      const platform = (await repo.platformInScope(db, scope, platformId))!;
      const allTargets = await repo.targets(db, scope, { platformId });
      const industries: Roadmap['industries'] = [];
      let year: number | null = null;
      for (const code of platform.leading) {
        const industry = await repo.industryOf(db, code);
        if (!industry?.isKey) continue;
        const { view } = await computeView(actor, code, platformId);
        year = view.year;
        industries.push({
          code,
          nameZh: industry.nameZh,
          nameEn: industry.nameEn,
          mapVersion: view.map?.version ?? null,
          strong: view.nodes.filter((n) => n.rating === 'strong').length,
          nodes: view.nodes
            .filter((n) => n.rating !== 'strong')
            .map((node) => ({
              node,
              targets: allTargets.filter((t) => t.industryCode === code && t.nodeCode === node.code),
            })),
        });
      }
      return {
        platform: { id: platform.id, name: platform.name, nameEn: platform.nameEn },
        year,
        industries,
      };
    },

    /** The roadmap for the workbook; records the export. */
    async exportRoadmap(actor: Actor, platformId: number | undefined): Promise<Roadmap> {
      const roadmap = await this.roadmap(actor, platformId);
      await recordAudit(db, subjectOf(actor), {
        action: 'chain_target.export',
        result: 'success',
        objectType: 'platform',
        objectId: roadmap.platform.id,
        detail: { industries: roadmap.industries.map((i) => i.code) },
      });
      return roadmap;
    },

    async partners(actor: Actor, leaderId: number): Promise<PartnerList> {
      require(actor, 'chainmap:read');
      const scope = platformScope(actor);
      if (!(await repo.enterpriseInScope(db, scope, leaderId))) fail('ENTERPRISE_NOT_FOUND');
      return { items: await repo.partnersOf(db, scope, [leaderId]) };
    },

    async addPartner(actor: Actor, input: PartnerWrite): Promise<Partner> {
      require(actor, 'chainmap:write');
      const scope = platformScope(actor);
      const leader = await repo.enterpriseInScope(db, scope, input.leaderEnterpriseId);
      if (!leader) return fail('ENTERPRISE_NOT_FOUND');
      const leaders = await confirmedLeaders(actor, leader.platformId);
      if (!leaders.some((l) => l.enterpriseId === leader.id)) fail('CHAIN_LEADER_NOT_CONFIRMED');
      const partnerEnterpriseId = input.partnerEnterpriseId ?? null;
      const partnerName = input.partnerName?.trim() || null;
      if ((partnerEnterpriseId === null) === (partnerName === null))
        fail('VALIDATION_FAILED', [
          {
            field: 'partnerName',
            code: 'ONE_PARTNER',
            zh: '请选择本地企业，或填写外地企业名称（二选一）',
            en: 'Choose a local enterprise or type an outside company name (one of the two)',
          },
        ]);
      if (partnerEnterpriseId !== null) {
        if (!(await repo.enterpriseInScope(db, scope, partnerEnterpriseId))) fail('ENTERPRISE_NOT_FOUND');
        if (partnerEnterpriseId === leader.id)
          fail('VALIDATION_FAILED', [
            {
              field: 'partnerEnterpriseId',
              code: 'SELF',
              zh: '链主不能关联自身',
              en: 'A leader cannot be linked to itself',
            },
          ]);
      }
      const createdByName = await nameOf(db, actor);
      return database.transaction(async (tx) => {
        const id = await repo.insertPartner(tx, {
          leaderEnterpriseId: leader.id,
          partnerEnterpriseId,
          partnerName,
          relation: input.relation,
          note: (input.note ?? '').trim(),
          createdBy: actor.userId,
          createdByName,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_partner.link',
          result: 'success',
          objectType: 'chain_partner',
          objectId: id,
          detail: {
            leaderEnterpriseId: leader.id,
            partnerEnterpriseId,
            partnerName,
            relation: input.relation,
          },
        });
        return (await repo.partnerById(tx, scope, id))!;
      });
    },

    async removePartner(actor: Actor, id: number): Promise<{ ok: boolean }> {
      require(actor, 'chainmap:write');
      const scope = platformScope(actor);
      return database.transaction(async (tx) => {
        const p = await repo.partnerById(tx, scope, id);
        if (!p) return fail('CHAIN_PARTNER_NOT_FOUND');
        await repo.deletePartner(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'chain_partner.unlink',
          result: 'success',
          objectType: 'chain_partner',
          objectId: id,
          detail: {
            leaderEnterpriseId: p.leaderEnterpriseId,
            partnerEnterpriseId: p.partnerEnterpriseId,
            partnerName: p.partnerName,
            relation: p.relation,
          },
        });
        return { ok: true };
      });
    },
  };
}

/** Whether `n` lies below the node `code` in the tree. */
function isBelow(nodes: ChainNode[], n: ChainNode, code: string): boolean {
  const byCode = new Map(nodes.map((x) => [x.code, x]));
  let at = n.parentCode;
  for (let i = 0; at !== null && i <= nodes.length; i++) {
    if (at === code) return true;
    at = byCode.get(at)?.parentCode ?? null;
  }
  return false;
}

export type ChainMapService = ReturnType<typeof createChainMapService>;
