import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  AuditActorListSchema,
  AuditFilterSchema,
  AuditListQuerySchema,
  AuditPageSchema,
  ChainReportSchema,
} from './audit.schemas';
import { auditWorkbook } from './audit.workbooks';

export function auditRoutes(app: App, { services }: RouteDeps) {
  const tags = ['audit'];
  app.get(
    '/api/audit/export.xlsx',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Export the filtered audit trail as .xlsx (audit administrator) / 导出审计日志',
        querystring: AuditFilterSchema,
      },
    },
    async (request, reply) => {
      const batches = await services.audit.export(actorOf(request), request.query);
      return sendWorkbook(reply, datedName('审计日志'), auditWorkbook(batches));
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { rateLimit: { max: 5, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Verify the hash chain of the whole audit trail (audit administrator) / 校验审计日志',
        response: { 200: ChainReportSchema, ...errorResponses },
      },
    },
    async (request) => services.audit.verify(actorOf(request)),
  );

  app.get(
    '/api/audit/actors',
    {
      schema: {
        tags,
        summary: 'Accounts to filter the audit trail by (audit administrator) / 审计日志的操作人',
        response: { 200: AuditActorListSchema, ...errorResponses },
      },
    },
    async (request) => services.audit.actors(actorOf(request)),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Audit trail, newest first (audit administrator, read-only) / 审计日志',
        querystring: AuditListQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.audit.list(actorOf(request), {
        ...request.query,
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 50,
      }),
  );
}
