import type { App, RouteDeps } from '../../server/http';

export function reportedStatsRoutes(app: App, deps: RouteDeps) {
  void app;
  void deps;
}
