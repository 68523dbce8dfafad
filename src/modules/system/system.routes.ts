import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, type App, type RouteDeps } from '../../platform/http';

export function systemRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health: database reachable, version / 健康检查',
        response: {
          200: Type.Object({ status: Type.String(), database: Type.String(), version: Type.String() }),
          503: Type.Object({ status: Type.String(), database: Type.String(), version: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const health = await services.system.health();
      return reply.code(health.database === 'up' ? 200 : 503).send(health);
    },
  );

  app.get(
    '/api/system',
    {
      schema: {
        tags: ['system'],
        summary: 'System status / 系统状态',
        response: {
          200: Type.Object({
            version: Type.String(),
            database: Type.Object({ mode: Type.String(), serverVersion: Type.String() }),
            migrations: Type.Integer(),
            counts: Type.Object({
              users: Type.Integer(),
              platforms: Type.Integer(),
              sessions: Type.Integer(),
              auditRows: Type.Integer(),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.system.status(actorOf(request)),
  );
}
