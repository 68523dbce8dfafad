import { Type } from '@fastify/type-provider-typebox';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { auditLog } from '../../platform/db/schema';
import { actorOf, errorResponses, Nullable, Paging, type App, type RouteDeps } from '../../platform/http';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const AuditFilters = {
  action: Type.Optional(Type.String({ maxLength: 64 })),
  username: Type.Optional(Type.String({ maxLength: 100 })),
  result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
};

export function auditRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/audit/export.xlsx',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['audit'],
        summary: 'Export the filtered audit trail as .xlsx / 导出审计日志',
        querystring: Type.Object(AuditFilters, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const batches = services.audit.export(actor, request.query);
      await services.audit.record(actor, {
        action: 'audit.export',
        result: 'success',
        detail: { filters: request.query },
      });
      type Row = typeof auditLog.$inferSelect;
      return sendWorkbook(
        reply,
        datedName('审计日志'),
        streamWorkbook<Row>(
          {
            name: '审计日志',
            columns: [
              { header: '序号', value: (r) => r.id },
              { header: '时间（UTC）', width: 22, value: (r) => r.at.toISOString() },
              { header: '用户', value: (r) => r.username },
              { header: 'IP 地址', value: (r) => r.ip },
              { header: '操作', width: 22, value: (r) => r.action },
              { header: '对象类型', value: (r) => r.objectType },
              { header: '对象', value: (r) => r.objectId },
              { header: '结果', value: (r) => (r.result === 'success' ? '成功' : '失败') },
              { header: '详情', width: 60, value: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
            ],
          },
          batches,
        ),
      );
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail (read-only) / 审计日志',
        querystring: Type.Object({ ...AuditFilters, ...Paging }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: Type.String(),
                userId: Nullable(Type.Integer()),
                username: Nullable(Type.String()),
                ip: Nullable(Type.String()),
                action: Type.String(),
                objectType: Nullable(Type.String()),
                objectId: Nullable(Type.String()),
                result: Type.String(),
                detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
              }),
            ),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await services.audit.list(actorOf(request), {
        ...request.query,
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 50,
      });
      return { ...result, items: result.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
}
