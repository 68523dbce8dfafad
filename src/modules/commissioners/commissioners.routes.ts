import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { withUploadedWorkbook } from '../spreadsheets/upload';
import {
  AssignBodySchema,
  AssignmentFilterSchema,
  AssignmentListQuerySchema,
  AssignmentListSchema,
  AssignResultSchema,
  BulkBodySchema,
  BulkPreviewQuerySchema,
  BulkPreviewSchema,
  CommissionerListSchema,
  EnterpriseParamsSchema,
  HistorySchema,
  ImportResultSchema,
  WorkbookFileSchema,
} from './commissioners.schemas';
import { assignmentWorkbook } from './commissioners.workbooks';

const tags = ['commissioners'];

export function commissionerRoutes(app: App, { services, rateLimits }: RouteDeps) {
  const service = services.commissioners;

  app.get(
    '/api/commissioners',
    {
      schema: {
        tags,
        summary: 'Commissioner accounts the actor may assign, with their workload / 可分配的服务专员',
        response: { 200: CommissionerListSchema, ...errorResponses },
      },
    },
    async (request) => service.commissioners(actorOf(request)),
  );

  app.get(
    '/api/commissioners/assignments',
    {
      schema: {
        tags,
        summary: 'Enterprises in scope with their current commissioner / 服务专员分配列表',
        querystring: AssignmentListQuerySchema,
        response: { 200: AssignmentListSchema, ...errorResponses },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/commissioners/assignments/:enterpriseId',
    {
      schema: {
        tags,
        summary: "An enterprise's current commissioner and history / 企业的服务专员及历史",
        params: EnterpriseParamsSchema,
        response: { 200: HistorySchema, ...errorResponses },
      },
    },
    async (request) => service.history(actorOf(request), request.params.enterpriseId),
  );

  app.put(
    '/api/commissioners/assignments/:enterpriseId',
    {
      schema: {
        tags,
        summary: 'Assign, reassign (ends the current one today) or unassign (null) / 分配服务专员',
        params: EnterpriseParamsSchema,
        body: AssignBodySchema,
        response: { 200: HistorySchema, ...errorResponses },
      },
    },
    async (request) => service.assign(actorOf(request), request.params.enterpriseId, request.body),
  );

  app.get(
    '/api/commissioners/bulk/preview',
    {
      schema: {
        tags,
        summary: 'How many enterprises a bulk assignment would touch / 批量分配预览',
        querystring: BulkPreviewQuerySchema,
        response: { 200: BulkPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { to, ...filter } = request.query;
      return service.preview(actorOf(request), filter, to);
    },
  );

  app.post(
    '/api/commissioners/bulk',
    {
      schema: {
        tags,
        summary: 'Assign every enterprise matching the filter to one commissioner / 批量分配服务专员',
        body: BulkBodySchema,
        response: { 200: AssignResultSchema, ...errorResponses },
      },
    },
    async (request) => service.bulk(actorOf(request), request.body),
  );

  app.get(
    '/api/commissioners/export',
    {
      config: { rateLimit: { max: rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'The assignments as .xlsx (the import template: fill in the username column) / 导出服务专员分配',
        querystring: AssignmentFilterSchema,
        response: { 200: WorkbookFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rows = await service.exportRows(actorOf(request), request.query);
      return sendWorkbook(reply, datedName('服务专员分配'), assignmentWorkbook(rows));
    },
  );

  app.post(
    '/api/commissioners/import',
    {
      config: { rateLimit: { max: rateLimits.imports, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import USCC → commissioner username (multipart field "file"), all or nothing / 导入服务专员分配',
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUploadedWorkbook(request, ({ file, fileName }) =>
        service.importWorkbook(actor, { file, fileName }),
      );
    },
  );
}
