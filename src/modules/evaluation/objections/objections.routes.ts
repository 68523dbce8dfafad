/** HTTP routes of objections. */
import { actorOf, type App, type RouteDeps } from '../../../platform/http';
import { decideObjectionRoute, fileObjectionRoute, listObjectionsRoute } from './objections.schemas';

export function objectionRoutes(app: App, { services }: RouteDeps) {
  const objections = services.evaluation.objections;

  app.get('/api/evaluation/runs/:id/objections', { schema: listObjectionsRoute }, async (request) =>
    objections.objections(actorOf(request), request.params.id),
  );

  app.post('/api/evaluation/runs/:id/objections', { schema: fileObjectionRoute }, async (request, reply) => {
    const o = await objections.fileObjection(actorOf(request), request.params.id, request.body.reason);
    return reply.code(201).send(o);
  });

  app.post('/api/evaluation/objections/:id/decision', { schema: decideObjectionRoute }, async (request) =>
    objections.decideObjection(
      actorOf(request),
      request.params.id,
      request.body.decision,
      request.body.reason,
    ),
  );
}
