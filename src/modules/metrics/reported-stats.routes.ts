import { withUploadedWorkbook } from '../spreadsheets/upload';
import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { sendWorkbook } from '../spreadsheets/reply';
import {
  ReportableFiguresSchema,
  ReportedStatListSchema,
  StatClearBodySchema,
  StatClearQuerySchema,
  StatClearResultSchema,
  StatListQuerySchema,
  StatsBatchBodySchema,
  StatsBatchResultSchema,
  StatSetBodySchema,
  StatSetResultSchema,
  StatsImportResultSchema,
  StatsYearQuerySchema,
  WorkbookFileSchema,
} from './reported-stats.schemas';
import { templateWorkbook } from './reported-stats.workbooks';

const tags = ['platform-stats'];

export function reportedStatsRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const stats = services.reportedStats;

  app.get(
    '/api/platform-stats/figures',
    {
      schema: {
        tags,
        summary: 'The figures that can be reported, with kind and unit / 统计上报项目',
        response: { 200: ReportableFiguresSchema, ...errorResponses },
      },
    },
    async (request) => stats.figures(actorOf(request)),
  );

  app.get(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Reported figures of a year (a platform administrator: their platform) / 统计上报数',
        querystring: StatListQuerySchema,
        response: { 200: ReportedStatListSchema, ...errorResponses },
      },
    },
    async (request) => stats.list(actorOf(request), request.query),
  );

  app.put(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Set one reported figure (it overrides the computed value) / 填报统计数',
        body: StatSetBodySchema,
        response: { 200: StatSetResultSchema, ...errorResponses },
      },
    },
    async (request) => stats.set(actorOf(request), request.body),
  );

  app.delete(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Remove a reported figure: the computed value applies again (body or query) / 恢复计算值',
        querystring: StatClearQuerySchema,
        body: StatClearBodySchema,
        response: { 200: StatClearResultSchema, ...errorResponses },
      },
    },
    async (request) => stats.clear(actorOf(request), request.body ?? request.query),
  );

  app.put(
    '/api/platform-stats/batch',
    {
      schema: {
        tags,
        summary: 'Set and clear several figures of one platform-year in one transaction / 批量填报',
        body: StatsBatchBodySchema,
        response: { 200: StatsBatchResultSchema, ...errorResponses },
      },
    },
    async (request) => stats.batch(actorOf(request), request.body),
  );

  app.get(
    '/api/platform-stats/template',
    {
      schema: {
        tags,
        summary: "A year's reporting template with the current reported figures (.xlsx) / 下载上报模板",
        querystring: StatsYearQuerySchema,
        response: { 200: WorkbookFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const year = request.query.year;
      const platforms = await stats.templateData(actorOf(request), year);
      return sendWorkbook(reply, `${year}年度统计上报模板.xlsx`, await templateWorkbook(year, platforms));
    },
  );

  app.post(
    '/api/platform-stats/import',
    {
      config: { rateLimit: { max: rateLimits.imports, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a year from a workbook (multipart field "file"), all or nothing / 导入上报数',
        querystring: StatsYearQuerySchema,
        response: { 200: StatsImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUploadedWorkbook(request, ({ file, fileName }) =>
        stats.importWorkbook(actor, { year: request.query.year, file, fileName }),
      );
    },
  );
}
