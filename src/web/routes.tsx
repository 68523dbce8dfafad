import { AimOutlined, ApartmentOutlined, AppstoreOutlined, AuditOutlined } from '@ant-design/icons';
import { BarChartOutlined, CalendarOutlined, CarryOutOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { ClusterOutlined, ContainerOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { DashboardOutlined, FlagOutlined, FormOutlined, FundOutlined } from '@ant-design/icons';
import { HomeOutlined, LinkOutlined, NodeIndexOutlined, NotificationOutlined } from '@ant-design/icons';
import { ProfileOutlined, SafetyCertificateOutlined, ScheduleOutlined } from '@ant-design/icons';
import { ShopOutlined, SlidersOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { CompassOutlined, EditOutlined, PartitionOutlined } from '@ant-design/icons';
import { HomeRedirect } from './components/HomeRedirect';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { MfaPage } from './pages/account/MfaPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import type { Me } from '../modules/auth/auth.schemas';
import { mayOpen, page, type Access, type MenuItem, type RouteEntry } from './route-types';

export { mayOpen, type MenuEntry, type MenuItem, type RouteEntry, type RouteHandle } from './route-types';

/** Every page behind login: router, permission guard, side menu and landing page derive from it. */
export const ROUTES: readonly RouteEntry[] = [
  { path: '', page: HomeRedirect, eager: true },
  {
    path: 'portal', // the enterprise's own portal: only the enterprise role holds enterprise:confirm
    permission: 'enterprise:confirm',
    watermark: true,
    page: page(() => import('./pages/portal/PortalPage'), 'PortalPage'),
    menu: { key: 'portal', labelKey: 'nav.portal', icon: <HomeOutlined />, order: 5 },
  },
  {
    path: 'cockpit',
    permission: 'cockpit:read',
    watermark: true,
    page: page(() => import('./pages/cockpit/CockpitPage'), 'CockpitPage'),
    menu: { key: 'cockpit', labelKey: 'nav.cockpit', icon: <FundOutlined />, order: 10 },
  },
  {
    path: 'cockpit/screen',
    permission: 'cockpit:read',
    watermark: true,
    bare: true,
    page: page(() => import('./pages/cockpit/screen/CockpitScreenPage'), 'CockpitScreenPage'),
  },
  {
    path: 'plan',
    permission: 'cockpit:read',
    page: page(() => import('./pages/plan/PlanPage'), 'PlanPage'),
    menu: { key: 'plan', labelKey: 'nav.plan', icon: <FlagOutlined />, order: 20 },
  },
  {
    path: 'platform-evaluation',
    permission: 'cockpit:read',
    page: page(() => import('./pages/platform-evaluation/PlatformEvaluationPage'), 'PlatformEvaluationPage'),
    menu: {
      key: 'platform-evaluation',
      labelKey: 'nav.platform-evaluation',
      icon: <TrophyOutlined />,
      order: 30,
    },
  },
  {
    path: 'chain-leaders',
    permission: 'cockpit:read',
    watermark: true,
    page: page(() => import('./pages/chain-leaders/ChainLeadersPage'), 'ChainLeadersPage'),
    menu: { key: 'chain-leaders', labelKey: 'nav.chain-leaders', icon: <NodeIndexOutlined />, order: 40 },
  },
  { path: 'projects', permission: 'project:read', watermark: true, page: page(() => import('./pages/projects/ProjectListPage'), 'ProjectListPage'), menu: { key: 'projects', labelKey: 'nav.projects', icon: <AimOutlined />, order: 45 } }, // prettier-ignore
  { path: 'projects/approvals', permission: 'project:approve', page: page(() => import('./pages/projects/ApprovalsPage'), 'ApprovalsPage'), menu: { key: 'projects/approvals', labelKey: 'nav.projectApprovals', icon: <SafetyCertificateOutlined />, order: 46 } }, // prettier-ignore
  { path: 'projects/new', permission: 'project:write', page: page(() => import('./pages/projects/ProjectFormPage'), 'ProjectFormPage') }, // prettier-ignore
  { path: 'projects/stalls', permission: 'project:read', page: page(() => import('./pages/projects/StallsPage'), 'StallsPage') }, // prettier-ignore
  { path: 'projects/analysis', permission: 'project:read', page: page(() => import('./pages/projects/AnalysisPage'), 'AnalysisPage') }, // prettier-ignore
  { path: 'projects/commitments', permission: 'project:read', page: page(() => import('./pages/projects/CommitmentsPage'), 'CommitmentsPage') }, // prettier-ignore
  { path: 'projects/import', permission: 'project:write', page: page(() => import('./pages/projects/ProjectImportPage'), 'ProjectImportPage') }, // prettier-ignore
  { path: 'projects/:id', permission: 'project:read', watermark: true, page: page(() => import('./pages/projects/ProjectDetailPage'), 'ProjectDetailPage') }, // prettier-ignore
  { path: 'projects/:id/edit', permission: 'project:write', page: page(() => import('./pages/projects/ProjectFormPage'), 'ProjectFormPage') }, // prettier-ignore
  { path: 'chain-map', permission: 'chainmap:read', watermark: true, page: page(() => import('./pages/chain-map/ChainMapPage'), 'ChainMapPage'), menu: { key: 'chain-map', labelKey: 'nav.chain-map', icon: <PartitionOutlined />, order: 47 } }, // prettier-ignore
  { path: 'chain-map/targets', permission: 'chainmap:read', watermark: true, page: page(() => import('./pages/chain-map/RoadmapPage'), 'RoadmapPage'), menu: { key: 'chain-map/targets', labelKey: 'nav.chain-roadmap', icon: <CompassOutlined />, order: 48 } }, // prettier-ignore
  { path: 'chain-map/edit', permission: 'chainmap:edit', page: page(() => import('./pages/chain-map/MapEditorPage'), 'MapEditorPage'), menu: { key: 'chain-map/edit', labelKey: 'nav.chain-edit', icon: <EditOutlined />, order: 49 } }, // prettier-ignore
  {
    path: 'platform-stats',
    permission: 'stats:report',
    page: page(() => import('./pages/platform-stats/PlatformStatsPage'), 'PlatformStatsPage'),
    menu: { key: 'platform-stats', labelKey: 'nav.platform-stats', icon: <FormOutlined />, order: 50 },
  },
  {
    path: 'platforms',
    permission: 'platform:read',
    page: page(() => import('./pages/platforms/PlatformListPage'), 'PlatformListPage'),
    menu: { key: 'platforms', labelKey: 'nav.platforms', icon: <AppstoreOutlined />, order: 60 },
  },
  {
    path: 'platforms/new',
    permission: 'platform:create',
    page: page(() => import('./pages/platforms/PlatformFormPage'), 'PlatformFormPage'),
  },
  {
    path: 'platforms/:id',
    permission: 'platform:read',
    page: page(() => import('./pages/platforms/PlatformDetailPage'), 'PlatformDetailPage'),
  },
  {
    path: 'platforms/:id/edit',
    permission: 'platform:update',
    page: page(() => import('./pages/platforms/PlatformFormPage'), 'PlatformFormPage'),
  },
  {
    path: 'enterprises',
    permission: 'enterprise:read',
    watermark: true,
    page: page(() => import('./pages/enterprises/EnterpriseListPage'), 'EnterpriseListPage'),
    menu: { key: 'enterprises', labelKey: 'nav.enterprises', icon: <ShopOutlined />, order: 70 },
  },
  {
    path: 'services/commissioners',
    permission: 'commissioner:assign',
    watermark: true,
    page: page(() => import('./pages/services/CommissionersPage'), 'CommissionersPage'),
    menu: { key: 'services/commissioners', labelKey: 'nav.commissioners', icon: <TeamOutlined />, order: 72 },
  },
  {
    path: 'services/visits',
    permission: 'visit:read',
    watermark: true,
    page: page(() => import('./pages/services/VisitsPage'), 'VisitsPage'),
    menu: { key: 'services/visits', labelKey: 'nav.visits', icon: <CarryOutOutlined />, order: 74 },
  },
  {
    path: 'enterprises/new',
    permission: 'enterprise:write',
    page: page(() => import('./pages/enterprises/EnterpriseFormPage'), 'EnterpriseFormPage'),
  },
  {
    path: 'enterprises/:id',
    permission: 'enterprise:read',
    watermark: true,
    page: page(() => import('./pages/enterprises/EnterpriseDetailPage'), 'EnterpriseDetailPage'),
  },
  {
    path: 'enterprises/:id/edit',
    permission: 'enterprise:write',
    watermark: true,
    page: page(() => import('./pages/enterprises/EnterpriseFormPage'), 'EnterpriseFormPage'),
  },
  {
    path: 'imports',
    permission: 'import:run',
    watermark: true,
    page: page(() => import('./pages/imports/ImportPage'), 'ImportPage'),
    menu: { key: 'imports', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, order: 100 },
  },
  {
    path: 'evaluation',
    permission: 'evaluation:read',
    page: page(() => import('./pages/evaluation/EvaluationRunsPage'), 'EvaluationRunsPage'),
    menu: { key: 'evaluation', labelKey: 'nav.evaluation', icon: <BarChartOutlined />, order: 80 },
  },
  {
    path: 'evaluation/runs/:id',
    permission: 'evaluation:read',
    watermark: true,
    page: page(() => import('./pages/evaluation/EvaluationRunPage'), 'EvaluationRunPage'),
  },
  {
    path: 'evaluation/runs/:id/enterprises/:enterpriseId',
    permission: 'evaluation:read',
    watermark: true,
    page: page(() => import('./pages/evaluation/ScorecardPage'), 'ScorecardPage'),
  },
  {
    path: 'evaluation/methods',
    permission: 'method:write',
    page: page(() => import('./pages/evaluation-methods/MethodListPage'), 'MethodListPage'),
    menu: { key: 'methods', labelKey: 'nav.methods', icon: <SlidersOutlined />, order: 90 },
  },
  {
    path: 'evaluation/methods/new',
    permission: 'method:write',
    page: page(() => import('./pages/evaluation-methods/MethodEditorPage'), 'MethodEditorPage'),
  },
  {
    path: 'evaluation/methods/:id',
    permission: 'method:write',
    page: page(() => import('./pages/evaluation-methods/MethodEditorPage'), 'MethodEditorPage'),
  },
  {
    path: 'requests',
    permission: 'request:read',
    page: page(() => import('./pages/requests/RequestListPage'), 'RequestListPage'),
    menu: { key: 'requests', labelKey: 'nav.requests', icon: <CustomerServiceOutlined />, order: 75 },
  },
  { path: 'services/metrics', permission: 'request:metrics', page: page(() => import('./pages/services/ServiceMetricsPage'), 'ServiceMetricsPage'), menu: { key: 'services/metrics', labelKey: 'nav.serviceMetrics', icon: <FundOutlined />, order: 77 } }, // prettier-ignore
  {
    path: 'requests/new',
    permission: 'request:raise',
    page: page(() => import('./pages/requests/NewRequestPage'), 'NewRequestPage'),
  },
  {
    path: 'requests/:id',
    permission: 'request:read',
    page: page(() => import('./pages/requests/RequestDetailPage'), 'RequestDetailPage'),
  },
  {
    path: 'request-categories',
    permission: 'request:configure',
    page: page(() => import('./pages/requests/CategoriesPage'), 'CategoriesPage'),
    menu: {
      key: 'request-categories',
      labelKey: 'nav.request-categories',
      icon: <ScheduleOutlined />,
      order: 76,
    },
  },
  {
    path: 'tasks',
    permission: 'task:read',
    page: page(() => import('./pages/tasks/TaskListPage'), 'TaskListPage'),
    menu: { key: 'tasks', labelKey: 'nav.tasks', icon: <ProfileOutlined />, order: 77 },
  },
  {
    path: 'meetings',
    permission: 'task:manage',
    page: page(() => import('./pages/tasks/MeetingsPage'), 'MeetingsPage'),
    menu: { key: 'meetings', labelKey: 'nav.meetings', icon: <ContainerOutlined />, order: 78 },
  },
  {
    path: 'departments',
    permission: 'request:configure',
    page: page(() => import('./pages/tasks/DepartmentsPage'), 'DepartmentsPage'),
    menu: { key: 'departments', labelKey: 'nav.departments', icon: <ClusterOutlined />, order: 79 },
  },
  {
    path: 'leader-platforms',
    permission: 'task:manage',
    page: page(() => import('./pages/tasks/PairingsPage'), 'PairingsPage'),
    menu: { key: 'leader-platforms', labelKey: 'nav.pairings', icon: <LinkOutlined />, order: 79.5 },
  },
  {
    path: 'settings/webhooks',
    permission: 'request:configure',
    page: page(() => import('./pages/settings/WebhooksPage'), 'WebhooksPage'),
    menu: { key: 'webhooks', labelKey: 'nav.webhooks', icon: <NotificationOutlined />, order: 79.8 },
  },
  {
    path: 'industries',
    permission: 'industry:map',
    page: page(() => import('./pages/industries/IndustryMappingPage'), 'IndustryMappingPage'),
    menu: { key: 'industries', labelKey: 'nav.industries', icon: <ApartmentOutlined />, order: 110 },
  },
  {
    path: 'calendar',
    permission: 'calendar:write',
    page: page(() => import('./pages/calendar/CalendarPage'), 'CalendarPage'),
    menu: { key: 'calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, order: 115 },
  },
  {
    path: 'users',
    permission: 'user:manage',
    watermark: true,
    page: page(() => import('./pages/users/UsersPage'), 'UsersPage'),
    menu: { key: 'users', labelKey: 'nav.users', icon: <TeamOutlined />, order: 120 },
  },
  {
    path: 'audit',
    permission: 'audit:read',
    watermark: true,
    page: page(() => import('./pages/audit/AuditPage'), 'AuditPage'),
    menu: { key: 'audit', labelKey: 'nav.audit', icon: <AuditOutlined />, order: 130 },
  },
  {
    path: 'system',
    permission: 'system:read',
    page: page(() => import('./pages/system/SystemPage'), 'SystemPage'),
    menu: { key: 'system', labelKey: 'nav.system', icon: <DashboardOutlined />, order: 140 },
  },
  { path: 'inbox', page: page(() => import('./pages/inbox/InboxPage'), 'InboxPage') },
  { path: 'account/password', page: ChangePasswordPage, eager: true },
  { path: 'account/mfa', page: MfaPage, eager: true },
  { path: '*', page: NotFoundPage, eager: true },
];

/** The side-menu items the user may see, in menu order. */
export function allowedMenuItems(me: Access | null | undefined, routes = ROUTES): MenuItem[] {
  if (!me) return [];
  return routes
    .filter((r) => r.menu && mayOpen(me, r))
    .map((r) => ({ ...r.menu!, path: `/${r.path}` }))
    .sort((a, b) => a.order - b.order);
}

/**
 * Where a user lands after login: the forced password change, else the first area they may see
 * (an enterprise user: its portal, first in its menu).
 */
export function homePath(me: Me): string {
  if (me.mustChangePassword) return '/account/password';
  if (me.mfaEnrolmentRequired) return '/account/mfa';
  return allowedMenuItems(me)[0]?.path ?? '/';
}
