import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import { LABEL_NAMES, RATING_EXEMPTION_NAMES } from './core/fields';
import {
  EnterpriseCreateSchema,
  EnterpriseDetailSchema,
  EnterpriseExportQuerySchema,
  EnterpriseListQuerySchema,
  EnterprisePageSchema,
  EnterprisePatchSchema,
  EnterpriseYearSchema,
  YearFiguresSchema,
  YearFlagBodySchema,
  YearFlagSchema,
  YearParamsSchema,
  type EnterpriseListItem,
} from './enterprises.schemas';

const SCALE_NAMES: Record<string, string> = { above: '规上', below: '规下' };

/** Columns of the enterprise export, headers with units. */
export const EXPORT_COLUMNS: { header: string; width?: number; value: (e: EnterpriseListItem) => unknown }[] =
  [
    { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
    { header: '企业名称', width: 34, value: (e) => e.name },
    { header: '所属园区', width: 24, value: (e) => e.platformName },
    { header: '行业代码（GB/T 4754-2017）', width: 14, value: (e) => e.industryClass },
    { header: '行业名称', width: 24, value: (e) => e.industryClassName },
    { header: '重点产业', width: 12, value: (e) => e.keyIndustry },
    { header: '规模', width: 8, value: (e) => SCALE_NAMES[e.scale] },
    { header: '自有用地（亩）', value: (e) => e.ownLandMu },
    { header: '租赁厂房面积（平方米）', value: (e) => e.leasedFloorM2 },
    {
      header: '不定等级（公用事业/初创企业/在建重大项目）',
      width: 14,
      value: (e) => (e.ratingExemption ? RATING_EXEMPTION_NAMES[e.ratingExemption].zh : ''),
    },
    { header: '标签', width: 30, value: (e) => e.labels.map((l) => LABEL_NAMES[l.label].zh).join('、') },
    { header: '数据年度', value: (e) => e.latestYear },
    { header: '工业总产值（万元）', value: (e) => e.output },
    { header: '营业收入（万元）', value: (e) => e.revenue },
    { header: '税收（万元）', value: (e) => e.tax },
    { header: '工业增加值（万元）', value: (e) => e.valueAdded },
    { header: '年平均职工人数（人）', value: (e) => e.employees },
  ];

export function enterpriseRoutes(app: App, { services }: RouteDeps) {
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
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
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
      return sendWorkbook(
        reply,
        datedName('企业名录'),
        streamWorkbook({ name: '企业名录', columns: EXPORT_COLUMNS }, batches),
      );
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
