import { errorResponses, IdParams } from '../../platform/contract';
import type { Config } from '../../platform/config';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import {
  ContactParamsSchema,
  ContactRevealSchema,
  EnterpriseCreateSchema,
  EnterpriseDetailSchema,
  FlagParamsSchema,
  FlagResolveBodySchema,
  EnterpriseExportQuerySchema,
  EnterpriseListQuerySchema,
  EnterpriseMoveSchema,
  EnterprisePageSchema,
  EnterprisePatchSchema,
  EnterpriseYearSchema,
  YearFiguresSchema,
  YearFlagBodySchema,
  YearFlagSchema,
  YearParamsSchema,
} from './enterprises.schemas';
import { REGISTRY_EXPORT } from './enterprises.workbooks';

export function enterpriseRoutes(app: App, { services, rateLimits }: RouteDeps, config: Config) {
  const tags = ['enterprises'];
  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'List enterprises in scope / 企业列表',
        querystring: EnterpriseListQuerySchema,
        response: { 200: EnterprisePageSchema, ...errorResponses },
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
      config: { rateLimit: { max: rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Export the filtered list as .xlsx / 导出企业名录',
        querystring: EnterpriseExportQuerySchema,
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
        response: { 200: EnterpriseDetailSchema, ...errorResponses },
      },
    },
    async (request) => services.enterprises.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/enterprises/:id/contacts/:contactId/reveal',
    {
      // Per account (not per address): a permitted user cannot harvest numbers quickly.
      config: {
        rateLimit: {
          max: config.security.revealRateLimit,
          timeWindow: 60_000,
          keyGenerator: (request) => `reveal:${request.session?.actor.userId ?? request.ip}`,
        },
      },
      schema: {
        tags,
        summary: "Show a contact's phone number whole (audited) / 查看联系人完整手机号（留痕）",
        params: ContactParamsSchema,
        response: { 200: ContactRevealSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.enterprises.revealPhone(actorOf(request), request.params.id, request.params.contactId),
  );

  app.post(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'Register an enterprise / 新建企业',
        body: EnterpriseCreateSchema,
        response: { 201: EnterpriseDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await services.enterprises.create(actorOf(request), {
        uscc: b.uscc.trim().toUpperCase(),
        name: b.name,
        platformId: b.platformId,
        industryClass: b.industryClass ?? null,
        scaleOverride: b.scaleOverride ?? null,
        ownLandMu: b.ownLandMu ?? null,
        leasedFloorM2: b.leasedFloorM2 ?? null,
        ratingExemption: b.ratingExemption ?? null,
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
        body: EnterprisePatchSchema,
        response: { 200: EnterpriseDetailSchema, ...errorResponses },
      },
    },
    async (request) => services.enterprises.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/enterprises/:id/move',
    {
      schema: {
        tags,
        summary: 'Move an enterprise to another platform (task force; send version and reason) / 迁移园区',
        params: IdParams,
        body: EnterpriseMoveSchema,
        response: { 200: EnterpriseDetailSchema, ...errorResponses },
      },
    },
    async (request) => services.enterprises.move(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/enterprises/:id/years/:year',
    {
      schema: {
        tags,
        summary: 'Enter or correct a year of figures / 录入年度数据',
        params: YearParamsSchema,
        body: YearFiguresSchema,
        response: { 200: EnterpriseYearSchema, ...errorResponses },
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
        params: YearParamsSchema,
        response: { 200: EnterpriseYearSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.enterprises.confirmYear(actorOf(request), request.params.id, request.params.year),
  );

  app.post(
    '/api/enterprises/:id/flags/:flagId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a flagged figure with a note / 处理数据反馈',
        params: FlagParamsSchema,
        body: FlagResolveBodySchema,
        response: { 200: YearFlagSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.enterprises.resolveFlag(
        actorOf(request),
        request.params.id,
        request.params.flagId,
        request.body,
      ),
  );

  app.post(
    '/api/enterprises/:id/years/:year/flags',
    {
      schema: {
        tags,
        summary: 'Enterprise flags a figure as wrong / 反馈数据有误',
        params: YearParamsSchema,
        body: YearFlagBodySchema,
        response: { 201: YearFlagSchema, ...errorResponses },
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
}
