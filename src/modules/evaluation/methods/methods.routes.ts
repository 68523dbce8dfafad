/** HTTP routes of evaluation methods: catalogue, presets, schema, versions. */
import { actorOf, type App, type RouteDeps } from '../../../platform/http';
import {
  createMethodRoute,
  getMethodRoute,
  indicatorsRoute,
  listMethodsRoute,
  methodSchemaRoute,
  presetsRoute,
} from './methods.schemas';

export function methodRoutes(app: App, { services }: RouteDeps) {
  const methods = services.evaluation.methods;

  app.get('/api/evaluation/indicators', { schema: indicatorsRoute }, async () => methods.indicators());

  app.get('/api/evaluation/method-schema', { schema: methodSchemaRoute }, async () => methods.methodSchema());

  app.get('/api/evaluation/presets', { schema: presetsRoute }, async () => methods.presets());

  app.get('/api/evaluation/methods', { schema: listMethodsRoute }, async (request) =>
    methods.listMethods(actorOf(request)),
  );

  app.get('/api/evaluation/methods/:id', { schema: getMethodRoute }, async (request) =>
    methods.getMethod(actorOf(request), request.params.id),
  );

  app.post('/api/evaluation/methods', { schema: createMethodRoute }, async (request, reply) => {
    const created = await methods.createMethod(actorOf(request), request.body);
    return reply.code(201).send(created);
  });
}
