/** HTTP routes of the per-mu evaluation, part by part (`/api/evaluation/…`). */
import type { App, RouteDeps } from '../../platform/http';
import { methodRoutes } from './methods/methods.routes';
import { objectionRoutes } from './objections/objections.routes';
import { resultRoutes } from './results/results.routes';
import { runRoutes } from './runs/runs.routes';

export function evaluationRoutes(app: App, deps: RouteDeps) {
  methodRoutes(app, deps);
  runRoutes(app, deps);
  resultRoutes(app, deps);
  objectionRoutes(app, deps);
}
