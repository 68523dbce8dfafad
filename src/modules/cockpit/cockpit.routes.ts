import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { CockpitQuerySchema, CockpitSchema } from './cockpit.schemas';

export function cockpitRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/cockpit',
    {
      schema: {
        tags: ['cockpit'],
        summary: 'The cockpit: targets, platform ranking, clusters / 驾驶舱',
        description:
          'Targets of the period assessed for the year (value, progress, projection, status, source), the ' +
          'platforms with their key metrics and evaluation score, and the key-industry clusters. A platform ' +
          'administrator gets their own platform.',
        querystring: CockpitQuerySchema,
        response: { 200: CockpitSchema, ...errorResponses },
      },
    },
    async (request) => services.cockpit.cockpit(actorOf(request), request.query),
  );
}
