import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { usePendingChanges } from '../../api/projects';

const PAGES = [
  { path: '/projects', key: 'pipeline' },
  { path: '/projects/approvals', key: 'approvals', permission: 'project:approve' },
  { path: '/projects/stalls', key: 'stalls' },
  { path: '/projects/analysis', key: 'analysis' },
  { path: '/projects/commitments', key: 'commitments' },
  { path: '/projects/import', key: 'import', permission: 'project:write' },
] as const;

/** The investment pages' own navigation: pipeline, approvals, stalls, analysis, 达产复核, import. */
export function ProjectsNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const approves = hasPermission(me, 'project:approve');
  const pending = usePendingChanges(approves);
  const pages = PAGES.filter((p) => !('permission' in p) || hasPermission(me, p.permission));
  const active = pages.find((p) => p.path === pathname)?.path ?? '/projects';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(key)}
      style={{ marginBottom: -8 }}
      data-testid="projects-nav"
      items={pages.map((p) => ({
        key: p.path,
        label:
          p.key === 'approvals' ? (
            <Badge count={pending.data?.length ?? 0} size="small" offset={[8, -2]}>
              {t(`projects.nav.${p.key}`)}
            </Badge>
          ) : (
            t(`projects.nav.${p.key}`)
          ),
      }))}
    />
  );
}
