import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { HealthSchema, SystemInfoSchema } from './system.schemas';

export function systemRoutes(app: App, { services }: RouteDeps) {
  const tags = ['system'];
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Health: database reachable, version (no login; 503 when the database is down) / 健康检查',
        response: { 200: HealthSchema, 503: HealthSchema },
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
        tags,
        summary: 'System status: version, database, migrations, row counts (system administrator) / 系统状态',
        response: { 200: SystemInfoSchema, ...errorResponses },
      },
    },
    async (request) => services.system.status(actorOf(request)),
  );
}
