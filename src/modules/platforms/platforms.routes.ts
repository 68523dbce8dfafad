import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  PlatformExportQuerySchema,
  PlatformInputSchema,
  PlatformListQuerySchema,
  PlatformPageSchema,
  PlatformPatchSchema,
  PlatformSchema,
} from './platforms.schemas';
import { platformListWorkbook } from './platforms.workbooks';

export function platformRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const tags = ['platforms'];
  app.get(
    '/api/platforms',
    {
      schema: {
        tags,
        summary: 'List platforms in scope / 园区列表',
        querystring: PlatformListQuerySchema,
        response: { 200: PlatformPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return services.platforms.list(actorOf(request), {
        ...q,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
        sort: q.sort ?? 'name',
        order: q.order ?? 'asc',
      });
    },
  );

  app.get(
    '/api/platforms/export.xlsx',
    {
      config: { rateLimit: { max: rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Export the filtered platform list as .xlsx / 导出园区名录',
        querystring: PlatformExportQuerySchema,
      },
    },
    async (request, reply) => {
      const [items, reference] = await Promise.all([
        services.platforms.export(actorOf(request), request.query),
        services.reference.all(),
      ]);
      return sendWorkbook(reply, datedName('园区名录'), platformListWorkbook(items, reference));
    },
  );

  app.get(
    '/api/platforms/:id',
    {
      schema: {
        tags,
        summary: 'Get a platform / 园区详情',
        params: IdParams,
        response: { 200: PlatformSchema, ...errorResponses },
      },
    },
    async (request) => services.platforms.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/platforms',
    {
      schema: {
        tags,
        summary: 'Create a platform / 新建园区',
        body: PlatformInputSchema,
        response: { 201: PlatformSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await services.platforms.create(actorOf(request), {
        ...b,
        nameEn: b.nameEn ?? '',
        areaKm2: b.areaKm2 ?? null,
        industrialLandMu: b.industrialLandMu ?? null,
        isStrategic: b.isStrategic ?? false,
        longitude: b.longitude ?? null,
        latitude: b.latitude ?? null,
        description: b.description ?? '',
      });
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/platforms/:id',
    {
      schema: {
        tags,
        summary: 'Update a platform (optimistic: send version) / 修改园区',
        params: IdParams,
        body: PlatformPatchSchema,
        response: { 200: PlatformSchema, ...errorResponses },
      },
    },
    async (request) => services.platforms.update(actorOf(request), request.params.id, request.body),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/platforms/:id/${action}`,
      {
        schema: {
          tags,
          summary: archived ? 'Archive a platform / 归档园区' : 'Restore an archived platform / 恢复园区',
          params: IdParams,
          response: { 200: PlatformSchema, ...errorResponses },
        },
      },
      async (request) => services.platforms.setArchived(actorOf(request), request.params.id, archived),
    );
  }
}
