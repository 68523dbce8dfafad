import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  SlidersOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  NodeIndexOutlined,
  TrophyOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Me, Permission } from './api/types';

export interface NavItem {
  key: string;
  path: string;
  permission: Permission;
  labelKey: string;
  icon: ReactNode;
}

/** Side-menu areas in display order; each is shown only with its permission. */
export const NAV_ITEMS: NavItem[] = [
  {
    key: 'cockpit',
    path: '/cockpit',
    permission: 'cockpit:read',
    labelKey: 'nav.cockpit',
    icon: <FundOutlined />,
  },
  {
    key: 'plan',
    path: '/plan',
    permission: 'cockpit:read',
    labelKey: 'nav.plan',
    icon: <FlagOutlined />,
  },
  {
    key: 'platform-evaluation',
    path: '/platform-evaluation',
    permission: 'cockpit:read',
    labelKey: 'nav.platform-evaluation',
    icon: <TrophyOutlined />,
  },
  {
    key: 'chain-leaders',
    path: '/chain-leaders',
    permission: 'cockpit:read',
    labelKey: 'nav.chain-leaders',
    icon: <NodeIndexOutlined />,
  },
  {
    key: 'platform-stats',
    path: '/platform-stats',
    permission: 'stats:report',
    labelKey: 'nav.platform-stats',
    icon: <FormOutlined />,
  },
  {
    key: 'platforms',
    path: '/platforms',
    permission: 'platform:read',
    labelKey: 'nav.platforms',
    icon: <AppstoreOutlined />,
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    permission: 'enterprise:read',
    labelKey: 'nav.enterprises',
    icon: <ShopOutlined />,
  },
  {
    key: 'evaluation',
    path: '/evaluation',
    permission: 'evaluation:read',
    labelKey: 'nav.evaluation',
    icon: <BarChartOutlined />,
  },
  {
    key: 'methods',
    path: '/evaluation/methods',
    permission: 'method:write',
    labelKey: 'nav.methods',
    icon: <SlidersOutlined />,
  },
  {
    key: 'imports',
    path: '/imports',
    permission: 'import:run',
    labelKey: 'nav.imports',
    icon: <CloudUploadOutlined />,
  },
  {
    key: 'industries',
    path: '/industries',
    permission: 'industry:map',
    labelKey: 'nav.industries',
    icon: <ApartmentOutlined />,
  },
  { key: 'users', path: '/users', permission: 'user:manage', labelKey: 'nav.users', icon: <TeamOutlined /> },
  { key: 'audit', path: '/audit', permission: 'audit:read', labelKey: 'nav.audit', icon: <AuditOutlined /> },
  {
    key: 'system',
    path: '/system',
    permission: 'system:read',
    labelKey: 'nav.system',
    icon: <DashboardOutlined />,
  },
];

export function allowedNavItems(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  return NAV_ITEMS.filter((item) => me.permissions.includes(item.permission));
}

/** Where a user lands after login: the forced password change, else the first area they may see. */
export function homePath(me: Me): string {
  if (me.mustChangePassword) return '/account/password';
  // An enterprise user's home is its own record (一企一档).
  if (me.enterpriseId && me.permissions.includes('enterprise:read')) return `/enterprises/${me.enterpriseId}`;
  return allowedNavItems(me)[0]?.path ?? '/';
}
