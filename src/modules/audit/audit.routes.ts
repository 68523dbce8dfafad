import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, Nullable, Paging, type App, type RouteDeps } from '../../server/http';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export function auditRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail (read-only) / 审计日志',
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 64 })),
            username: Type.Optional(Type.String({ maxLength: 100 })),
            result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
            from: Type.Optional(Day),
            to: Type.Optional(Day),
            ...Paging,
          },
          { additionalProperties: false },
        ),
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
