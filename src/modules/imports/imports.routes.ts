import { withUploadedWorkbook } from '../spreadsheets/upload';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { actorOf, errorResponses, IdParams, type App, type RouteDeps } from '../../platform/http';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import type { Problem } from './core/problems';
import type { ImportJob } from './imports.service';
import {
  annualExportWorkbook,
  changesWorkbook,
  historyWorkbook,
  reportWorkbook,
  templateWorkbook,
} from './imports.workbooks';
import {
  HistoryPage,
  HistoryQuery,
  ImportJobSchema,
  TemplateParams,
  UploadQuery,
  YearParams,
  type ImportJobView,
} from './imports.schemas';

const view = ({ userId: _owner, ...job }: ImportJob, withProblems = true): ImportJobView => ({
  ...job,
  startedAt: job.startedAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
  problems: withProblems ? (job.problems as Problem[]).slice(0, 500) : undefined,
});

export function importRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const tags = ['imports'];

  app.get(
    '/api/imports/templates/:kind.xlsx',
    {
      schema: {
        tags,
        summary: 'Download an import template / 下载导入模板',
        params: TemplateParams,
      },
    },
    async (request, reply) => {
      actorOf(request);
      const kind = request.params.kind;
      return sendWorkbook(
        reply,
        kind === 'annual' ? '年度数据导入模板.xlsx' : '企业名录导入模板.xlsx',
        await templateWorkbook(kind),
      );
    },
  );

  app.get(
    '/api/imports/years/:year/export.xlsx',
    {
      config: { rateLimit: { max: rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "A year's enterprise figures in the annual template's layout (re-importable) / 导出年度数据",
        params: YearParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const year = request.params.year;
      const batches = await services.enterprises.exportYear(actorOf(request), year, { to: 'download' });
      return sendWorkbook(reply, datedName(`${year}年度数据`), annualExportWorkbook(batches));
    },
  );

  app.post(
    '/api/imports',
    {
      config: { rateLimit: { max: rateLimits.imports, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a workbook for validation (multipart field "file") / 上传并校验',
        querystring: UploadQuery,
        response: { 202: ImportJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const job = await withUploadedWorkbook(request, ({ file, fileName }) =>
        services.imports.upload(actor, {
          kind: request.query.kind,
          year: request.query.year ?? null,
          file,
          fileName,
        }),
      );
      return reply.code(202).send(view(job));
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Import history / 导入记录',
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errorResponses },
      },
    },
    async (request) => {
      const result = await services.imports.history(
        actorOf(request),
        request.query.page ?? 1,
        request.query.pageSize ?? 20,
      );
      return { ...result, items: result.items.map((j) => view(j, false)) };
    },
  );

  app.get(
    '/api/imports/export.xlsx',
    { schema: { tags, summary: 'Export the import history as .xlsx / 导出导入记录' } },
    async (request, reply) => {
      const result = await services.imports.history(actorOf(request), 1, 100_000);
      return sendWorkbook(reply, datedName('导入记录'), historyWorkbook(result.items));
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Import status, progress, sheet read and problems / 导入状态',
        params: IdParams,
        response: { 200: ImportJobSchema, ...errorResponses },
      },
    },
    async (request) => view(await services.imports.get(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write a validated import / 确认导入',
        params: IdParams,
        response: { 202: ImportJobSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(view(await services.imports.commit(actorOf(request), request.params.id))),
  );

  app.get(
    '/api/imports/:id/report.xlsx',
    { schema: { tags, summary: 'Row-level problems as a workbook / 下载问题清单', params: IdParams } },
    async (request, reply) => {
      const job = await services.imports.get(actorOf(request), request.params.id);
      return sendWorkbook(
        reply,
        `导入问题清单-${job.id}.xlsx`,
        reportWorkbook(job.problems as Problem[], job.sheet),
      );
    },
  );

  app.get(
    '/api/imports/:id/changes.xlsx',
    {
      schema: {
        tags,
        summary: 'Every enterprise the import changed (the list its audit row refers to) / 下载变更企业清单',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { job, batches } = await services.imports.changes(actorOf(request), request.params.id);
      return sendWorkbook(reply, `导入变更企业-${job.id}.xlsx`, changesWorkbook(batches));
    },
  );
}
