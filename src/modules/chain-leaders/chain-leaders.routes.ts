import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  ChainLeaderFiltersSchema,
  ChainLeaderListQuerySchema,
  ChainLeaderListSchema,
  ChainLeaderSummarySchema,
  DecisionBodySchema,
  DecisionResultSchema,
  SummaryQuerySchema,
  TrailQuerySchema,
  TrailSchema,
  WorkbookFileSchema,
} from './chain-leaders.schemas';
import { chainLeaderWorkbook, chainLeaderWorkbookName } from './chain-leaders.workbooks';

const tags = ['chain-leaders'];

export function chainLeaderRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const chain = services.chainLeaders;

  app.get(
    '/api/chain-leaders',
    {
      schema: {
        tags,
        summary:
          'Chain-leader candidates of a year (output ≥ 20 亿元) and confirmed leaders below the line / 链主企业候选名单',
        description:
          'Without `year`: the latest year with enterprise figures. `years` lists the years that have figures.',
        querystring: ChainLeaderListQuerySchema,
        response: { 200: ChainLeaderListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return chain.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/api/chain-leaders/summary',
    {
      schema: {
        tags,
        summary: 'Counts of a year: in total, by platform, by key industry / 链主企业统计',
        querystring: SummaryQuerySchema,
        response: { 200: ChainLeaderSummarySchema, ...errorResponses },
      },
    },
    async (request) => chain.summary(actorOf(request), request.query.year),
  );

  app.get(
    '/api/chain-leaders/decisions',
    {
      schema: {
        tags,
        summary: 'Decision trail, newest first (of one enterprise, or the latest 500) / 链主认定记录',
        querystring: TrailQuerySchema,
        response: { 200: TrailSchema, ...errorResponses },
      },
    },
    async (request) => chain.decisions(actorOf(request), request.query),
  );

  app.post(
    '/api/chain-leaders/decisions',
    {
      schema: {
        tags,
        summary: 'Confirm a candidate or decline (revoke) it, with a reason; task force only / 链主认定',
        body: DecisionBodySchema,
        response: { 201: DecisionResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await chain.decide(actorOf(request), request.body)),
  );

  app.get(
    '/api/chain-leaders/export',
    {
      config: { rateLimit: { max: rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'The year’s list as .xlsx (same filters as the list) / 导出链主企业名单',
        querystring: ChainLeaderFiltersSchema,
        response: { 200: WorkbookFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { year, rows, industryNames } = await chain.exportRows(actorOf(request), request.query);
      return sendWorkbook(
        reply,
        datedName(chainLeaderWorkbookName(year)),
        chainLeaderWorkbook(year, rows, industryNames),
      );
    },
  );
}
