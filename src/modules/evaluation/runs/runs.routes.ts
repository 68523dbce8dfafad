/** HTTP routes of evaluation runs and their workflow. */
import { actorOf, type App, type RouteDeps } from '../../../platform/http';
import {
  createRunRoute,
  discardRunRoute,
  getRunRoute,
  listRunsRoute,
  publishRoute,
  startNoticeRoute,
} from './runs.schemas';

export function runRoutes(app: App, { services }: RouteDeps) {
  const runs = services.evaluation.runs;

  app.get('/api/evaluation/runs', { schema: listRunsRoute }, async (request) =>
    runs.listRuns(actorOf(request), request.query.year),
  );

  app.post('/api/evaluation/runs', { schema: createRunRoute }, async (request, reply) => {
    const { year, methodId, reason } = request.body;
    const run = await runs.run(actorOf(request), { year, method: methodId, reason });
    return reply.code(201).send(run);
  });

  app.get('/api/evaluation/runs/:id', { schema: getRunRoute }, async (request) =>
    runs.getRun(actorOf(request), request.params.id),
  );

  app.delete('/api/evaluation/runs/:id', { schema: discardRunRoute }, async (request, reply) => {
    await runs.discard(actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/evaluation/runs/:id/notice', { schema: startNoticeRoute }, async (request) =>
    runs.startNotice(actorOf(request), request.params.id, request.body.workingDays),
  );

  app.post('/api/evaluation/runs/:id/publish', { schema: publishRoute }, async (request) =>
    runs.publish(actorOf(request), request.params.id, request.body),
  );
}
