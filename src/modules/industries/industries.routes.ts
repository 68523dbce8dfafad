import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import {
  ClassCodeParams,
  IndustryClassListSchema,
  IndustryClassQuerySchema,
  KeyIndustryBodySchema,
  KeyIndustryMappingSchema,
} from './industries.schemas';

export function industryRoutes(app: App, { services }: RouteDeps) {
  const tags = ['reference'];
  app.get(
    '/api/industry-classes',
    {
      schema: {
        tags,
        summary: 'GB/T 4754-2017 industry classes with their key industry / 行业分类',
        querystring: IndustryClassQuerySchema,
        response: { 200: IndustryClassListSchema, ...errorResponses },
      },
    },
    async (request) => services.industries.classes(actorOf(request), request.query),
  );

  app.put(
    '/api/industry-classes/:code/key-industry',
    {
      schema: {
        tags,
        summary: 'Map an industry class to a key industry / 行业与重点产业对应',
        params: ClassCodeParams,
        body: KeyIndustryBodySchema,
        response: { 200: KeyIndustryMappingSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.industries.setKeyIndustry(actorOf(request), request.params.code, request.body.industryCode),
  );
}
