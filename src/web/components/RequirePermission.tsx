import type { ReactNode } from 'react';
import { useMe, hasPermission } from '../api/auth';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';

/** Renders its children only when the user holds `permission`; otherwise the 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) return <ForbiddenPage />;
  return <>{children}</>;
}
