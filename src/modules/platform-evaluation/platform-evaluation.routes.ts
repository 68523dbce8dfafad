/** HTTP routes of the platform evaluation and the quota pools. */
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { sendWorkbook } from '../spreadsheets/reply';
import { confirmRoute, evaluationRoute, exportRoute, savePoolRoute } from './platform-evaluation.schemas';
import { evaluationWorkbook } from './platform-evaluation.workbooks';

/** A method reference from the query: digits are a version id, anything else a key. */
const methodRef = (m: string | undefined) => (m && /^\d+$/.test(m) ? Number(m) : m);

export function platformEvaluationRoutes(app: App, { services }: RouteDeps) {
  const pe = services.platformEvaluation;

  app.get('/api/platform-evaluation', { schema: evaluationRoute }, async (request) =>
    pe.evaluate(actorOf(request), request.query.year, methodRef(request.query.method)),
  );

  app.put('/api/quota-pools/:year', { schema: savePoolRoute }, async (request) =>
    pe.savePool(actorOf(request), request.params.year, request.body),
  );

  app.post('/api/quota-pools/:year/confirm', { schema: confirmRoute }, async (request) =>
    pe.confirm(actorOf(request), request.params.year),
  );

  app.get('/api/platform-evaluation/export', { schema: exportRoute }, async (request, reply) => {
    const r = await pe.evaluate(actorOf(request), request.query.year, methodRef(request.query.method));
    const { fileName, body } = evaluationWorkbook(r);
    return sendWorkbook(reply, fileName, body);
  });
}
