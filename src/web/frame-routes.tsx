// The router's children of the application frame, derived from the one route table (routes.tsx).
import { Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageSpin } from './components/PageSpin';
import { PageWatermark } from './components/PageWatermark';
import { RequirePermission } from './components/RequirePermission';
import { RouteError } from './components/RouteError';
import { ROUTES, type RouteEntry, type RouteHandle } from './routes';

/** The router's children of the application frame, each behind its permission. */
export function frameRoutes(routes: readonly RouteEntry[] = ROUTES): RouteObject[] {
  return routes.map((r) => {
    const Page = r.page;
    let element: ReactNode = <Page />;
    if (!r.eager) element = <Suspense fallback={<PageSpin />}>{element}</Suspense>;
    if (r.watermark) element = <PageWatermark>{element}</PageWatermark>;
    if (r.permission) element = <RequirePermission permission={r.permission}>{element}</RequirePermission>;
    // A page that fails (its code not downloadable offline, or a bug) keeps the frame and its menu.
    const errorElement = <RouteError />;
    const handle: RouteHandle = { bare: r.bare };
    return r.path === ''
      ? { index: true, element, errorElement, handle }
      : { path: r.path, element, errorElement, handle };
  });
}
