import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import {
  CoverageQuerySchema,
  CoverageSchema,
  VisitCreateSchema,
  VisitListQuerySchema,
  VisitListSchema,
  VisitSchema,
  VisitUpdateSchema,
} from './visits.schemas';

const tags = ['visits'];

export function visitRoutes(app: App, { services }: RouteDeps) {
  const service = services.visits;

  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Visits in scope, newest first / 走访记录',
        querystring: VisitListQuerySchema,
        response: { 200: VisitListSchema, ...errorResponses },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/visits/coverage',
    {
      schema: {
        tags,
        summary: 'Share of assigned enterprises visited in a year or quarter / 走访覆盖率',
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, ...errorResponses },
      },
    },
    async (request) => service.coverage(actorOf(request), request.query),
  );

  app.get(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: 'One visit / 走访详情',
        params: IdParams,
        response: { 200: VisitSchema, ...errorResponses },
      },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Plan or record a visit, with the problems found / 登记走访',
        body: VisitCreateSchema,
        response: { 201: VisitSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );

  app.put(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: 'Edit a visit (mark it done, its problems …); version-checked / 修改走访',
        params: IdParams,
        body: VisitUpdateSchema,
        response: { 200: VisitSchema, ...errorResponses },
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
}
