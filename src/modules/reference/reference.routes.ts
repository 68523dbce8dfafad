import { errorResponses } from '../../platform/contract';
import type { App, RouteDeps } from '../../platform/http';
import { ReferenceSchema } from './reference.schemas';

export function referenceRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/reference',
    {
      config: { auth: 'password-change' },
      schema: {
        tags: ['reference'],
        summary: 'Code tables: industries, districts, platform types, roles (any session) / 代码表',
        response: { 200: ReferenceSchema, ...errorResponses },
      },
    },
    async () => services.reference.all(),
  );
}
