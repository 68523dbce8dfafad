import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, type App, type RouteDeps } from '../../platform/http';

const Open = Type.Object({}, { additionalProperties: true });

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
        querystring: Type.Object(
          {
            year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
            platformId: Type.Optional(Type.Integer({ minimum: 1 })),
            period: Type.Optional(Type.String({ maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            period: Open,
            platformId: Type.Union([Type.Integer(), Type.Null()]),
            dataVersion: Type.Integer(),
            targets: Type.Array(Open),
            summary: Open,
            platforms: Type.Array(Open),
            clusters: Type.Array(Open),
            clusterLines: Type.Object({ hundredBillion: Type.Number(), trillion: Type.Number() }),
            evaluation: Type.Union([Open, Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.cockpit.cockpit(actorOf(request), request.query),
  );
}
