import { Navigate, Outlet, useLocation, useMatches } from 'react-router';
import { Flex } from 'antd';
import { useMe } from '../api/auth';
import { AppLayout } from './AppLayout';
import { ErrorAlert } from './ErrorAlert';
import { PageSpin } from './PageSpin';
import type { RouteHandle } from '../routes';

/**
 * Gate for every page behind login: no session → /login; a forced password change → only
 * /account/password; a required second factor not yet set up → only /account/mfa; otherwise the application frame
 * (or, for a route marked `bare`, the page alone).
 */
export function RequireAuth() {
  const location = useLocation();
  const bare = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.bare);
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) return <PageSpin />;
  if (error && me === undefined) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Flex>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  if (!me.mustChangePassword && me.mfaEnrolmentRequired && location.pathname !== '/account/mfa') {
    return <Navigate to="/account/mfa" replace />;
  }
  return bare ? <Outlet /> : <AppLayout me={me} />;
}
