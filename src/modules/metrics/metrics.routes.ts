import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, type App, type RouteDeps } from '../../platform/http';
import { BASE_FIGURES, FIGURES, METRIC_KEYS, METRICS } from './core/metrics';

const tags = ['metrics'];
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
/** Open objects: figures and metrics keyed by their codes (see GET /api/metrics/catalogue). */
const Values = Type.Object({}, { additionalProperties: true });

export function metricsRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/metrics/catalogue',
    {
      schema: {
        tags,
        summary: 'Metric and figure catalogue: names, units, formulas / 指标目录',
        response: {
          200: Type.Object({ metrics: Type.Array(Values), figures: Type.Array(Values) }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      metrics: METRIC_KEYS.map((k) => {
        const { compute: _compute, ...d } = METRICS[k];
        return d;
      }),
      figures: BASE_FIGURES.map((k) => FIGURES[k]),
    }),
  );

  app.get(
    '/api/metrics',
    {
      schema: {
        tags,
        summary: 'Every metric of the city (or a platform) in a year, with sources / 指标值',
        querystring: Type.Object(
          { year: Type.Optional(Year), platformId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            current: Type.Object({
              values: Values,
              sources: Values,
              reportedBy: Values,
              bases: Values,
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      services.metrics.overview(actorOf(request), request.query.year, request.query.platformId),
  );

  app.get(
    '/api/metrics/platform-year',
    {
      schema: {
        tags,
        summary: 'A platform-year: computed, reported and effective figures / 平台年度基础数',
        querystring: Type.Object(
          { year: Year, platformId: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            platformId: Type.Integer(),
            year: Type.Integer(),
            computed: Values,
            reported: Values,
            bases: Values,
            overrides: Type.Array(Values),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      services.metrics.platformYear(actorOf(request), request.query.platformId, request.query.year),
  );

  app.get(
    '/api/metrics/drill',
    {
      schema: {
        tags,
        summary: 'The records behind a number (drill-down) / 数据穿透',
        querystring: Type.Object(
          {
            metric: Type.String({ enum: [...METRIC_KEYS] }),
            year: Year,
            platformId: Type.Optional(Type.Integer({ minimum: 1 })),
            industry: Type.Optional(Type.String({ maxLength: 32 })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            kind: Type.String({ enum: ['enterprises', 'platforms', 'reported', 'industries'] }),
            total: Type.Optional(Type.Integer()),
            rows: Type.Optional(Type.Array(Values)),
            overrides: Type.Optional(Type.Array(Values)),
            platforms: Type.Optional(Type.Array(Values)),
            reported: Type.Optional(Type.Array(Values)),
            industries: Type.Optional(Values),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      services.metrics.drill(actorOf(request), {
        ...request.query,
        metric: request.query.metric as (typeof METRIC_KEYS)[number],
      }),
  );
}
