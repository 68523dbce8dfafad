import { Type } from '@fastify/type-provider-typebox';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  actorOf,
  errorResponses,
  IdParams,
  Nullable,
  Paging,
  type App,
  type RouteDeps,
} from '../../platform/http';
import { DESCRIPTION_MAX, NAME_MAX } from './core/platform-rules';
import { SORTABLE, type Platform } from './platforms.repository';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';

const Code = Type.String({ minLength: 1, maxLength: 64 });
const fields = {
  name: Type.String({ maxLength: NAME_MAX + 50 }),
  nameEn: Type.String({ maxLength: 200 }),
  type: Code,
  districtCode: Type.String({ pattern: '^[0-9]{6}$' }),
  areaKm2: Nullable(Type.Number({ minimum: 0 })),
  industrialLandMu: Nullable(Type.Number({ minimum: 0 })),
  leadingIndustries: Type.Array(Code, { maxItems: 10 }),
  isStrategic: Type.Boolean(),
  longitude: Nullable(Type.Number()),
  latitude: Nullable(Type.Number()),
  description: Type.String({ maxLength: DESCRIPTION_MAX + 100 }),
};

export const PlatformSchema = Type.Object(
  {
    id: Type.Integer(),
    ...fields,
    isDemo: Type.Boolean(),
    archivedAt: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Platform' },
);

const PlatformInputSchema = Type.Object(
  {
    ...fields,
    nameEn: Type.Optional(fields.nameEn),
    areaKm2: Type.Optional(fields.areaKm2),
    industrialLandMu: Type.Optional(fields.industrialLandMu),
    isStrategic: Type.Optional(fields.isStrategic),
    longitude: Type.Optional(fields.longitude),
    latitude: Type.Optional(fields.latitude),
    description: Type.Optional(fields.description),
  },
  { additionalProperties: false },
);

const PlatformPatchSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(fields.name),
    nameEn: Type.Optional(fields.nameEn),
    type: Type.Optional(fields.type),
    districtCode: Type.Optional(fields.districtCode),
    areaKm2: Type.Optional(fields.areaKm2),
    industrialLandMu: Type.Optional(fields.industrialLandMu),
    leadingIndustries: Type.Optional(fields.leadingIndustries),
    isStrategic: Type.Optional(fields.isStrategic),
    longitude: Type.Optional(fields.longitude),
    latitude: Type.Optional(fields.latitude),
    description: Type.Optional(fields.description),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    district: Type.Optional(Type.String({ maxLength: 6 })),
    type: Type.Optional(Code),
    industry: Type.Optional(Code),
    strategic: Type.Optional(Type.Boolean()),
    includeArchived: Type.Optional(Type.Boolean()),
    ...Paging,
    sort: Type.Optional(
      Type.Union(Object.keys(SORTABLE).map((k) => Type.Literal(k as keyof typeof SORTABLE))),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  },
  { additionalProperties: false },
);

export function platformRoutes(app: App, { services }: RouteDeps) {
  const tags = ['platforms'];
  app.get(
    '/api/platforms',
    {
      schema: {
        tags,
        summary: 'List platforms in scope / 园区列表',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(PlatformSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses,
        },
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
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Export the filtered platform list as .xlsx / 导出园区名录',
        querystring: Type.Omit(ListQuery, ['page', 'pageSize']),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const [list, reference] = await Promise.all([
        services.platforms.list(actor, {
          ...q,
          page: 1,
          pageSize: 10_000,
          sort: q.sort ?? 'name',
          order: q.order ?? 'asc',
        }),
        services.reference.all(),
      ]);
      const name = (rows: { code: string; nameZh: string }[], code: string) =>
        rows.find((r) => r.code === code)?.nameZh ?? code;
      await services.audit.record(actor, {
        action: 'platform.export',
        result: 'success',
        objectType: 'platform',
        detail: { filters: q, rows: list.total },
      });
      const columns: { header: string; width?: number; value: (p: Platform) => unknown }[] = [
        { header: '园区名称', width: 28, value: (p) => p.name },
        { header: '英文名称', width: 30, value: (p) => p.nameEn },
        { header: '类型', width: 24, value: (p) => name(reference.platformTypes, p.type) },
        { header: '行政区划代码（GB/T 2260）', value: (p) => p.districtCode },
        { header: '所在区县', value: (p) => name(reference.districts, p.districtCode) },
        {
          header: '主导产业',
          width: 30,
          value: (p) => p.leadingIndustries.map((c) => name(reference.industries, c)).join('、'),
        },
        { header: '省高能级战略平台', value: (p) => (p.isStrategic ? '是' : '否') },
        { header: '规划面积（平方公里）', value: (p) => p.areaKm2 },
        { header: '工业用地（亩）', value: (p) => p.industrialLandMu },
        { header: '经度', value: (p) => p.longitude },
        { header: '纬度', value: (p) => p.latitude },
        { header: '演示数据', value: (p) => (p.isDemo ? '是' : '否') },
        { header: '已归档', value: (p) => (p.archivedAt ? '是' : '否') },
      ];
      return sendWorkbook(
        reply,
        datedName('园区名录'),
        streamWorkbook({ name: '园区名录', columns }, once(list.items)),
      );
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
        name: b.name,
        nameEn: b.nameEn ?? '',
        type: b.type,
        districtCode: b.districtCode,
        areaKm2: b.areaKm2 ?? null,
        industrialLandMu: b.industrialLandMu ?? null,
        leadingIndustries: b.leadingIndustries,
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
