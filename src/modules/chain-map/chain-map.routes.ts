import { Type } from 'typebox';
import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { withUploadedWorkbook } from '../spreadsheets/upload';
import {
  ChainViewSchema,
  DraftWriteSchema,
  IdParamsSchema,
  ImportQuerySchema,
  ImportResultSchema,
  IndustryListSchema,
  IndustryQuerySchema,
  MapDetailSchema,
  MapHeaderSchema,
  MapVersionsSchema,
  NodeDetailSchema,
  NodeQuerySchema,
  PartnerListSchema,
  PartnerQuerySchema,
  PartnerSchema,
  PartnerWriteSchema,
  PlacementSchema,
  PlacementWriteSchema,
  RoadmapQuerySchema,
  RoadmapSchema,
  TargetListSchema,
  TargetQuerySchema,
  TargetSchema,
  TargetUpdateSchema,
  TargetWriteSchema,
  ViewQuerySchema,
  WorkbookFileSchema,
} from './chain-map.schemas';
import { mapWorkbook, roadmapWorkbook } from './chain-map.workbooks';

const tags = ['chain-map'];

export function chainMapRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const chain = services.chainMap;

  app.get(
    '/api/chain-map/industries',
    {
      schema: {
        tags,
        summary: 'Key industries with their current and draft map versions / 重点产业及图谱版本',
        response: { 200: IndustryListSchema, ...errorResponses },
      },
    },
    async (request) => chain.industries(actorOf(request)),
  );

  app.get(
    '/api/chain-map/view',
    {
      schema: {
        tags,
        summary: "An industry's current map with node figures and ratings (platform filter) / 产业链图谱",
        querystring: ViewQuerySchema,
        response: { 200: ChainViewSchema, ...errorResponses },
      },
    },
    async (request) => chain.view(actorOf(request), request.query),
  );

  app.get(
    '/api/chain-map/node',
    {
      schema: {
        tags,
        summary: 'One node: enterprises, chain leaders and their partners, targets / 节点详情',
        querystring: NodeQuerySchema,
        response: { 200: NodeDetailSchema, ...errorResponses },
      },
    },
    async (request) => chain.node(actorOf(request), request.query),
  );

  app.get(
    '/api/chain-map/maps',
    {
      schema: {
        tags,
        summary: "An industry's map versions, newest first / 图谱版本",
        querystring: IndustryQuerySchema,
        response: { 200: MapVersionsSchema, ...errorResponses },
      },
    },
    async (request) => chain.versions(actorOf(request), request.query.industry),
  );

  app.get(
    '/api/chain-map/maps/:id',
    {
      schema: {
        tags,
        summary: 'A map version with its nodes (also the JSON export) / 图谱版本详情',
        params: IdParamsSchema,
        response: { 200: MapDetailSchema, ...errorResponses },
      },
    },
    async (request) => chain.map(actorOf(request), request.params.id),
  );

  app.get(
    '/api/chain-map/maps/:id/workbook',
    {
      schema: {
        tags,
        summary: 'A map version as a workbook (one sheet of nodes) / 导出图谱 Excel',
        params: IdParamsSchema,
        response: { 200: WorkbookFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await chain.exportMap(actorOf(request), request.params.id);
      return sendWorkbook(
        reply,
        datedName(`产业链图谱-${detail.industryName}-v${detail.map.version}`),
        await mapWorkbook(detail),
      );
    },
  );

  app.put(
    '/api/chain-map/draft',
    {
      schema: {
        tags,
        summary: "Create or replace an industry's draft map (editor, JSON import) — task force / 保存草稿",
        body: DraftWriteSchema,
        response: { 200: MapDetailSchema, ...errorResponses },
      },
    },
    async (request) => chain.saveDraft(actorOf(request), request.body),
  );

  app.post(
    '/api/chain-map/import',
    {
      config: { rateLimit: { max: rateLimits.imports, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a node sheet (multipart field "file") as the draft, all or nothing / 导入图谱',
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUploadedWorkbook(request, ({ file, fileName }) =>
        chain.importWorkbook(actor, { industryCode: request.query.industry, file, fileName }),
      );
    },
  );

  app.post(
    '/api/chain-map/maps/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it becomes current, the old version is retired — task force / 发布',
        params: IdParamsSchema,
        response: { 200: MapHeaderSchema, ...errorResponses },
      },
    },
    async (request) => chain.publish(actorOf(request), request.params.id),
  );

  app.post(
    '/api/chain-map/placements',
    {
      schema: {
        tags,
        summary: 'Put an enterprise on a node or take it off by hand — task force / 调整挂接',
        body: PlacementWriteSchema,
        response: { 200: PlacementSchema, ...errorResponses },
      },
    },
    async (request) => chain.place(actorOf(request), request.body),
  );

  app.delete(
    '/api/chain-map/placements/:id',
    {
      schema: {
        tags,
        summary: 'Remove a placement by hand (the class rule applies again) — task force / 撤销挂接调整',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await chain.unplace(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/chain-map/targets',
    {
      schema: {
        tags,
        summary: 'Investment targets in scope / 招商目标',
        querystring: TargetQuerySchema,
        response: { 200: TargetListSchema, ...errorResponses },
      },
    },
    async (request) => chain.targets(actorOf(request), request.query),
  );

  app.post(
    '/api/chain-map/targets',
    {
      schema: {
        tags,
        summary: 'Add an investment target for a node (platform admin: its platform) / 新增招商目标',
        body: TargetWriteSchema,
        response: { 201: TargetSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await chain.createTarget(actorOf(request), request.body)),
  );

  app.put(
    '/api/chain-map/targets/:id',
    {
      schema: {
        tags,
        summary: 'Edit an investment target (its status among them) / 修改招商目标',
        params: IdParamsSchema,
        body: TargetUpdateSchema,
        response: { 200: TargetSchema, ...errorResponses },
      },
    },
    async (request) => chain.updateTarget(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/chain-map/roadmap',
    {
      schema: {
        tags,
        summary:
          "A platform's roadmap: its leading industries' missing and weak nodes with targets / 招商路线图",
        querystring: RoadmapQuerySchema,
        response: { 200: RoadmapSchema, ...errorResponses },
      },
    },
    async (request) => chain.roadmap(actorOf(request), request.query.platformId),
  );

  app.get(
    '/api/chain-map/roadmap/workbook',
    {
      schema: {
        tags,
        summary: "A platform's roadmap as a workbook / 导出招商路线图",
        querystring: RoadmapQuerySchema,
        response: { 200: WorkbookFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const roadmap = await chain.exportRoadmap(actorOf(request), request.query.platformId);
      return sendWorkbook(
        reply,
        datedName(`招商路线图-${roadmap.platform.name}`),
        await roadmapWorkbook(roadmap),
      );
    },
  );

  app.get(
    '/api/chain-map/partners',
    {
      schema: {
        tags,
        summary: "A chain leader's suppliers, customers and partners (以企招企) / 链主配套企业",
        querystring: PartnerQuerySchema,
        response: { 200: PartnerListSchema, ...errorResponses },
      },
    },
    async (request) => chain.partners(actorOf(request), request.query.leaderId),
  );

  app.post(
    '/api/chain-map/partners',
    {
      schema: {
        tags,
        summary: 'Link an enterprise or an outside company to a chain leader / 关联配套企业',
        body: PartnerWriteSchema,
        response: { 201: PartnerSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await chain.addPartner(actorOf(request), request.body)),
  );

  app.delete(
    '/api/chain-map/partners/:id',
    {
      schema: {
        tags,
        summary: 'Remove a partner link / 解除配套关系',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await chain.removePartner(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
