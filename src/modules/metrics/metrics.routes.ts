import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import {
  DrillQuerySchema,
  DrillSchema,
  MetricCatalogueSchema,
  MetricsOverviewSchema,
  MetricsQuerySchema,
  PlatformYearFiguresSchema,
  PlatformYearQuerySchema,
} from './metrics.schemas';

const tags = ['metrics'];

export function metricsRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/metrics/catalogue',
    {
      schema: {
        tags,
        summary: 'Metric and figure catalogue: names, units, formulas / 指标目录',
        response: { 200: MetricCatalogueSchema, ...errorResponses },
      },
    },
    async () => services.metrics.catalogue(),
  );

  app.get(
    '/api/metrics',
    {
      schema: {
        tags,
        summary: 'Every metric of the city (or a platform) in a year, with sources / 指标值',
        querystring: MetricsQuerySchema,
        response: { 200: MetricsOverviewSchema, ...errorResponses },
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
        querystring: PlatformYearQuerySchema,
        response: { 200: PlatformYearFiguresSchema, ...errorResponses },
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
        querystring: DrillQuerySchema,
        response: { 200: DrillSchema, ...errorResponses },
      },
    },
    async (request) => services.metrics.drill(actorOf(request), request.query),
  );
}
