import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
import { HomeRedirect } from './components/HomeRedirect';
import { RouteError } from './components/RouteError';
import { PageSpin } from './components/PageSpin';
import { LoginPage } from './pages/login/LoginPage';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { useLang } from './lib/useLang';

const PlatformListPage = lazy(() =>
  import('./pages/platforms/PlatformListPage').then((m) => ({ default: m.PlatformListPage })),
);
const PlatformDetailPage = lazy(() =>
  import('./pages/platforms/PlatformDetailPage').then((m) => ({ default: m.PlatformDetailPage })),
);
const PlatformFormPage = lazy(() =>
  import('./pages/platforms/PlatformFormPage').then((m) => ({ default: m.PlatformFormPage })),
);
const EnterpriseListPage = lazy(() =>
  import('./pages/enterprises/EnterpriseListPage').then((m) => ({ default: m.EnterpriseListPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('./pages/enterprises/EnterpriseDetailPage').then((m) => ({ default: m.EnterpriseDetailPage })),
);
const EnterpriseFormPage = lazy(() =>
  import('./pages/enterprises/EnterpriseFormPage').then((m) => ({ default: m.EnterpriseFormPage })),
);
const ImportPage = lazy(() => import('./pages/imports/ImportPage').then((m) => ({ default: m.ImportPage })));
const IndustryMappingPage = lazy(() =>
  import('./pages/industries/IndustryMappingPage').then((m) => ({ default: m.IndustryMappingPage })),
);
const EvaluationRunsPage = lazy(() =>
  import('./pages/evaluation/EvaluationRunsPage').then((m) => ({ default: m.EvaluationRunsPage })),
);
const EvaluationRunPage = lazy(() =>
  import('./pages/evaluation/EvaluationRunPage').then((m) => ({ default: m.EvaluationRunPage })),
);
const ScorecardPage = lazy(() =>
  import('./pages/evaluation/ScorecardPage').then((m) => ({ default: m.ScorecardPage })),
);
const MethodListPage = lazy(() =>
  import('./pages/evaluation-methods/MethodListPage').then((m) => ({ default: m.MethodListPage })),
);
const MethodEditorPage = lazy(() =>
  import('./pages/evaluation-methods/MethodEditorPage').then((m) => ({ default: m.MethodEditorPage })),
);
const CockpitPage = lazy(() =>
  import('./pages/cockpit/CockpitPage').then((m) => ({ default: m.CockpitPage })),
);
const PlanPage = lazy(() => import('./pages/plan/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlatformEvaluationPage = lazy(() =>
  import('./pages/platform-evaluation/PlatformEvaluationPage').then((m) => ({
    default: m.PlatformEvaluationPage,
  })),
);
const ChainLeadersPage = lazy(() =>
  import('./pages/chain-leaders/ChainLeadersPage').then((m) => ({ default: m.ChainLeadersPage })),
);
const PlatformStatsPage = lazy(() =>
  import('./pages/platform-stats/PlatformStatsPage').then((m) => ({ default: m.PlatformStatsPage })),
);
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const SystemPage = lazy(() => import('./pages/system/SystemPage').then((m) => ({ default: m.SystemPage })));

function guarded(permission: string, page: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageSpin />}>{page}</Suspense>
    </RequirePermission>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'cockpit', element: guarded('cockpit:read', <CockpitPage />) },
      { path: 'plan', element: guarded('cockpit:read', <PlanPage />) },
      { path: 'platform-evaluation', element: guarded('cockpit:read', <PlatformEvaluationPage />) },
      { path: 'chain-leaders', element: guarded('cockpit:read', <ChainLeadersPage />) },
      { path: 'platform-stats', element: guarded('stats:report', <PlatformStatsPage />) },
      { path: 'platforms', element: guarded('platform:read', <PlatformListPage />) },
      { path: 'platforms/new', element: guarded('platform:create', <PlatformFormPage />) },
      { path: 'platforms/:id', element: guarded('platform:read', <PlatformDetailPage />) },
      { path: 'platforms/:id/edit', element: guarded('platform:update', <PlatformFormPage />) },
      { path: 'enterprises', element: guarded('enterprise:read', <EnterpriseListPage />) },
      { path: 'enterprises/new', element: guarded('enterprise:write', <EnterpriseFormPage />) },
      { path: 'enterprises/:id', element: guarded('enterprise:read', <EnterpriseDetailPage />) },
      { path: 'enterprises/:id/edit', element: guarded('enterprise:write', <EnterpriseFormPage />) },
      { path: 'imports', element: guarded('import:run', <ImportPage />) },
      { path: 'evaluation', element: guarded('evaluation:read', <EvaluationRunsPage />) },
      { path: 'evaluation/runs/:id', element: guarded('evaluation:read', <EvaluationRunPage />) },
      {
        path: 'evaluation/runs/:id/enterprises/:enterpriseId',
        element: guarded('evaluation:read', <ScorecardPage />),
      },
      { path: 'evaluation/methods', element: guarded('method:write', <MethodListPage />) },
      { path: 'evaluation/methods/new', element: guarded('method:write', <MethodEditorPage />) },
      { path: 'evaluation/methods/:id', element: guarded('method:write', <MethodEditorPage />) },
      { path: 'industries', element: guarded('industry:map', <IndustryMappingPage />) },
      { path: 'users', element: guarded('user:manage', <UsersPage />) },
      { path: 'audit', element: guarded('audit:read', <AuditPage />) },
      { path: 'system', element: guarded('system:read', <SystemPage />) },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fbf' } }}>
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}
