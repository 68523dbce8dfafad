import { Type } from '@fastify/type-provider-typebox';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  LABELS,
  RATING_EXEMPTIONS,
  SCALES,
  type Label,
  type RatingExemption,
  type Scale,
} from './core/codes';
import {
  actorOf,
  errorResponses,
  IdParams,
  Nullable,
  Paging,
  type App,
  type RouteDeps,
} from '../../platform/http';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import { REGISTRY_EXPORT } from './enterprises.workbooks';
import { YEAR_FIELDS } from './core/fields';
import { SORT_KEYS, type SortKey } from './enterprises.repository';

const Num = Nullable(Type.Number());
const LabelSchema = Type.Union(LABELS.map((l) => Type.Literal(l as Label)));
const ScaleSchema = Type.Union(SCALES.map((s) => Type.Literal(s as Scale)));
const LabelsSchema = Type.Array(
  Type.Object(
    { label: LabelSchema, grantedOn: Nullable(Type.String({ maxLength: 10 })) },
    { additionalProperties: false },
  ),
  {
    maxItems: 8,
  },
);

const listFields = {
  id: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  industryClass: Nullable(Type.String()),
  industryClassName: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String()),
  scale: Type.String(),
  scaleOverride: Nullable(Type.String()),
  ownLandMu: Num,
  leasedFloorM2: Num,
  ratingExemption: Nullable(Type.String()),
  labels: Type.Array(Type.Object({ label: Type.String(), grantedOn: Nullable(Type.String()) })),
  isDemo: Type.Boolean(),
  latestYear: Nullable(Type.Integer()),
  output: Num,
  revenue: Num,
  tax: Num,
  valueAdded: Num,
  employees: Num,
};
const ListItem = Type.Object(listFields);
const YearSchema = Type.Object({
  year: Type.Integer(),
  ...Object.fromEntries(YEAR_FIELDS.map((f) => [f.key, Num])),
  confirmedBy: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
const FlagSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  field: Type.String(),
  comment: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});
const Detail = Type.Object({
  ...listFields,
  address: Type.String(),
  version: Type.Integer(),
  landholder: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String() }),
    Type.Null(),
  ]),
  contacts: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), title: Type.String(), phone: Type.String() }),
  ),
  years: Type.Array(YearSchema),
  flags: Type.Array(FlagSchema),
});

const filters = {
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  industryClass: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{1,4}$' })),
  keyIndustry: Type.Optional(Type.String({ maxLength: 64 })),
  scale: Type.Optional(ScaleSchema),
  label: Type.Optional(LabelSchema),
  sort: Type.Optional(Type.Union(SORT_KEYS.map((k) => Type.Literal(k as SortKey)))),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};
const YearParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), year: Type.Integer({ minimum: 1990, maximum: 2100 }) },
  { additionalProperties: false },
);
const YearBody = Type.Object(
  Object.fromEntries(YEAR_FIELDS.map((f) => [f.key, Type.Optional(Nullable(Type.Number({ minimum: 0 })))])),
  {
    additionalProperties: false,
  },
);

export function enterpriseRoutes(app: App, { services }: RouteDeps) {
  const tags = ['enterprises'];
  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'List enterprises in scope / 企业列表',
        querystring: Type.Object({ ...filters, ...Paging }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(ListItem),
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
      return services.enterprises.list(actorOf(request), {
        ...q,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
        sort: q.sort ?? 'name',
        order: q.order ?? 'asc',
      });
    },
  );

  app.get(
    '/api/enterprises/export.xlsx',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Export the filtered list as .xlsx / 导出企业名录',
        querystring: Type.Object(filters, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const actor = actorOf(request);
      const batches = services.enterprises.export(actor, {
        ...q,
        sort: q.sort ?? 'name',
        order: q.order ?? 'asc',
      });
      await services.audit.record(actor, {
        action: 'enterprise.export',
        result: 'success',
        objectType: 'enterprise',
        detail: { filters: q },
      });
      return sendWorkbook(reply, datedName('企业名录'), streamWorkbook(REGISTRY_EXPORT, batches));
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Enterprise profile, land, labels, years / 企业档案',
        params: IdParams,
        response: { 200: Detail, ...errorResponses },
      },
    },
    async (request) => services.enterprises.get(actorOf(request), request.params.id),
  );

  const body = {
    name: Type.String({ maxLength: 150 }),
    platformId: Type.Integer({ minimum: 1 }),
    industryClass: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
    scaleOverride: Type.Optional(Nullable(Type.String({ enum: ['above', 'below'] }))),
    ownLandMu: Type.Optional(Num),
    leasedFloorM2: Type.Optional(Num),
    ratingExemption: Type.Optional(Nullable(Type.String({ enum: [...RATING_EXEMPTIONS] }))),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    labels: Type.Optional(LabelsSchema),
  };

  app.post(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'Register an enterprise / 新建企业',
        body: Type.Object({ uscc: Type.String({ maxLength: 18 }), ...body }, { additionalProperties: false }),
        response: { 201: Detail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await services.enterprises.create(actorOf(request), {
        uscc: b.uscc.trim().toUpperCase(),
        name: b.name,
        platformId: b.platformId,
        industryClass: b.industryClass ?? null,
        scaleOverride: (b.scaleOverride as Scale | null | undefined) ?? null,
        ownLandMu: b.ownLandMu ?? null,
        leasedFloorM2: b.leasedFloorM2 ?? null,
        ratingExemption: (b.ratingExemption as RatingExemption | null | undefined) ?? null,
        address: b.address ?? '',
        labels: b.labels ?? [],
      });
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Edit an enterprise (send version) / 修改企业',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            name: Type.Optional(body.name),
            platformId: Type.Optional(body.platformId),
            industryClass: body.industryClass,
            scaleOverride: body.scaleOverride,
            ownLandMu: body.ownLandMu,
            leasedFloorM2: body.leasedFloorM2,
            ratingExemption: body.ratingExemption,
            address: body.address,
            labels: body.labels,
          },
          { additionalProperties: false },
        ),
        response: { 200: Detail, ...errorResponses },
      },
    },
    async (request) => {
      const { scaleOverride, ratingExemption, ...rest } = request.body;
      return services.enterprises.update(actorOf(request), request.params.id, {
        ...rest,
        ...(scaleOverride !== undefined ? { scaleOverride: scaleOverride as Scale | null } : {}),
        ...(ratingExemption !== undefined
          ? { ratingExemption: ratingExemption as RatingExemption | null }
          : {}),
      });
    },
  );

  app.put(
    '/api/enterprises/:id/years/:year',
    {
      schema: {
        tags,
        summary: 'Enter or correct a year of figures / 录入年度数据',
        params: YearParams,
        body: YearBody,
        response: { 200: YearSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.enterprises.putYear(actorOf(request), request.params.id, request.params.year, request.body),
  );

  app.post(
    '/api/enterprises/:id/years/:year/confirm',
    {
      schema: {
        tags,
        summary: 'Enterprise confirms its year data (一企一单) / 确认数据',
        params: YearParams,
        response: { 200: YearSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.enterprises.confirmYear(actorOf(request), request.params.id, request.params.year),
  );

  app.post(
    '/api/enterprises/:id/years/:year/flags',
    {
      schema: {
        tags,
        summary: 'Enterprise flags a figure as wrong / 反馈数据有误',
        params: YearParams,
        body: Type.Object(
          { field: Type.String({ maxLength: 40 }), comment: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 201: FlagSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await services.enterprises.flag(
            actorOf(request),
            request.params.id,
            request.params.year,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/industry-classes',
    {
      schema: {
        tags: ['reference'],
        summary: 'GB/T 4754-2017 industry classes with their key industry / 行业分类',
        querystring: Type.Object(
          {
            keyword: Type.Optional(Type.String({ maxLength: 50 })),
            level: Type.Optional(Type.String({ enum: ['section', 'division', 'group', 'class'] })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                level: Type.String(),
                parentCode: Nullable(Type.String()),
                nameZh: Type.String(),
                nameEn: Type.String(),
                keyIndustry: Nullable(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.enterprises.industryClasses(actorOf(request), request.query),
  );

  app.put(
    '/api/industry-classes/:code/key-industry',
    {
      schema: {
        tags: ['reference'],
        summary: 'Map an industry class to a key industry / 行业与重点产业对应',
        params: Type.Object(
          { code: Type.String({ pattern: '^[0-9]{4}$' }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          { industryCode: Nullable(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ code: Type.String(), keyIndustry: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      services.enterprises.setKeyIndustry(actorOf(request), request.params.code, request.body.industryCode),
  );
}
