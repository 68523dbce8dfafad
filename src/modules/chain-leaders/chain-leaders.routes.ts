import type { App, RouteDeps } from '../../server/http';

export function chainLeaderRoutes(app: App, deps: RouteDeps) {
  void app;
  void deps;
}
