import { Type } from '@fastify/type-provider-typebox';
import { errorResponses, type App, type RouteDeps } from '../../platform/http';

const Entry = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

export function referenceRoutes(app: App, { services }: RouteDeps) {
  app.get(
    '/api/reference',
    {
      config: { auth: 'password-change' },
      schema: {
        tags: ['reference'],
        summary: 'Code tables: industries, districts, platform types, roles / 代码表',
        response: {
          200: Type.Object({
            industries: Type.Array(
              Type.Object({
                code: Type.String(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                isKey: Type.Boolean(),
              }),
            ),
            districts: Type.Array(Entry),
            platformTypes: Type.Array(Entry),
            roles: Type.Array(Entry),
          }),
          ...errorResponses,
        },
      },
    },
    async () => services.reference.all(),
  );
}
