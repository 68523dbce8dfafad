/** HTTP routes of evaluation results: lists, scorecards, analysis and the notice list. */
import { actorOf, type App, type RouteDeps } from '../../../platform/http';
import { sendWorkbook } from '../../spreadsheets/reply';
import {
  distributionRoute,
  lowEfficiencyRoute,
  noticeListRoute,
  resultRoute,
  resultsRoute,
  rollupRoute,
  scorecardRoute,
} from './results.schemas';
import { noticeWorkbook } from './results.workbooks';

export function resultRoutes(app: App, { services }: RouteDeps) {
  const { runs, results } = services.evaluation;

  app.get('/api/evaluation/runs/:id/results', { schema: resultsRoute }, async (request) =>
    results.results(actorOf(request), request.params.id, request.query),
  );

  app.get('/api/evaluation/runs/:id/results/:enterpriseId', { schema: resultRoute }, async (request) =>
    results.result(actorOf(request), request.params.id, request.params.enterpriseId),
  );

  app.get('/api/evaluation/scorecard/:id', { schema: scorecardRoute }, async (request) =>
    results.scorecard(actorOf(request), request.params.id, request.query.year),
  );

  app.get('/api/evaluation/runs/:id/distribution', { schema: distributionRoute }, async (request) =>
    results.distribution(actorOf(request), request.params.id, request.query),
  );

  app.get('/api/evaluation/runs/:id/rollup', { schema: rollupRoute }, async (request) =>
    results.rollup(actorOf(request), request.params.id),
  );

  app.get('/api/evaluation/runs/:id/low-efficiency', { schema: lowEfficiencyRoute }, async (request) =>
    results.lowEfficiency(actorOf(request), request.params.id, request.query),
  );

  app.get('/api/evaluation/runs/:id/notice.xlsx', { schema: noticeListRoute }, async (request, reply) => {
    const actor = actorOf(request);
    const run = await runs.getRun(actor, request.params.id);
    const { fileName, body } = noticeWorkbook(results, actor, run);
    return sendWorkbook(reply, fileName, body);
  });
}
