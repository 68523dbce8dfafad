import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES, type Role } from '../modules/auth/core/access';
import type { Me } from '../modules/auth/auth.schemas';
import { allowedMenuItems, homePath, mayOpen, ROUTES } from './routes';

/**
 * What each role saw before the route table existed (the side menu as [path, label] in order, and
 * the guarded pages it may open): the table must give exactly the same.
 */
const BEFORE: Record<Role, { menu: [string, string][]; routes: string[] }> = {
  task_force: {
    menu: [
      ['/cockpit', 'nav.cockpit'],
      ['/plan', 'nav.plan'],
      ['/platform-evaluation', 'nav.platform-evaluation'],
      ['/chain-leaders', 'nav.chain-leaders'],
      ['/projects', 'nav.projects'],
      ['/projects/approvals', 'nav.projectApprovals'],
      ['/chain-map', 'nav.chain-map'],
      ['/chain-map/targets', 'nav.chain-roadmap'],
      ['/chain-map/edit', 'nav.chain-edit'],
      ['/platform-stats', 'nav.platform-stats'],
      ['/platforms', 'nav.platforms'],
      ['/enterprises', 'nav.enterprises'],
      ['/services/commissioners', 'nav.commissioners'],
      ['/services/visits', 'nav.visits'],
      ['/requests', 'nav.requests'],
      ['/request-categories', 'nav.request-categories'],
      ['/services/metrics', 'nav.serviceMetrics'],
      ['/tasks', 'nav.tasks'],
      ['/meetings', 'nav.meetings'],
      ['/departments', 'nav.departments'],
      ['/leader-platforms', 'nav.pairings'],
      ['/settings/webhooks', 'nav.webhooks'],
      ['/evaluation', 'nav.evaluation'],
      ['/evaluation/methods', 'nav.methods'],
      ['/imports', 'nav.imports'],
      ['/industries', 'nav.industries'],
      ['/calendar', 'nav.calendar'],
    ],
    routes: [
      'cockpit',
      'cockpit/screen',
      'plan',
      'platform-evaluation',
      'chain-leaders',
      'projects',
      'projects/approvals',
      'projects/new',
      'projects/stalls',
      'projects/analysis',
      'projects/commitments',
      'projects/import',
      'projects/:id',
      'projects/:id/edit',
      'chain-map',
      'chain-map/targets',
      'chain-map/edit',
      'platform-stats',
      'platforms',
      'platforms/new',
      'platforms/:id',
      'platforms/:id/edit',
      'enterprises',
      'services/commissioners',
      'services/visits',
      'enterprises/new',
      'enterprises/:id',
      'enterprises/:id/edit',
      'imports',
      'evaluation',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'evaluation/methods',
      'evaluation/methods/new',
      'evaluation/methods/:id',
      'requests',
      'services/metrics',
      'requests/new',
      'requests/:id',
      'request-categories',
      'tasks',
      'meetings',
      'departments',
      'leader-platforms',
      'settings/webhooks',
      'industries',
      'calendar',
    ],
  },
  leader: {
    menu: [
      ['/cockpit', 'nav.cockpit'],
      ['/plan', 'nav.plan'],
      ['/platform-evaluation', 'nav.platform-evaluation'],
      ['/chain-leaders', 'nav.chain-leaders'],
      ['/projects', 'nav.projects'],
      ['/chain-map', 'nav.chain-map'],
      ['/chain-map/targets', 'nav.chain-roadmap'],
      ['/platforms', 'nav.platforms'],
      ['/enterprises', 'nav.enterprises'],
      ['/requests', 'nav.requests'],
      ['/services/metrics', 'nav.serviceMetrics'],
      ['/tasks', 'nav.tasks'],
      ['/evaluation', 'nav.evaluation'],
    ],
    routes: [
      'cockpit',
      'cockpit/screen',
      'plan',
      'platform-evaluation',
      'chain-leaders',
      'projects',
      'projects/stalls',
      'projects/analysis',
      'projects/commitments',
      'projects/:id',
      'chain-map',
      'chain-map/targets',
      'platforms',
      'platforms/:id',
      'enterprises',
      'enterprises/:id',
      'evaluation',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'requests',
      'services/metrics',
      'requests/:id',
      'tasks',
    ],
  },
  platform_admin: {
    menu: [
      ['/cockpit', 'nav.cockpit'],
      ['/plan', 'nav.plan'],
      ['/platform-evaluation', 'nav.platform-evaluation'],
      ['/chain-leaders', 'nav.chain-leaders'],
      ['/projects', 'nav.projects'],
      ['/projects/approvals', 'nav.projectApprovals'],
      ['/chain-map', 'nav.chain-map'],
      ['/chain-map/targets', 'nav.chain-roadmap'],
      ['/platform-stats', 'nav.platform-stats'],
      ['/platforms', 'nav.platforms'],
      ['/enterprises', 'nav.enterprises'],
      ['/services/commissioners', 'nav.commissioners'],
      ['/services/visits', 'nav.visits'],
      ['/requests', 'nav.requests'],
      ['/services/metrics', 'nav.serviceMetrics'],
      ['/tasks', 'nav.tasks'],
      ['/evaluation', 'nav.evaluation'],
      ['/imports', 'nav.imports'],
    ],
    routes: [
      'cockpit',
      'cockpit/screen',
      'plan',
      'platform-evaluation',
      'chain-leaders',
      'projects',
      'projects/approvals',
      'projects/new',
      'projects/stalls',
      'projects/analysis',
      'projects/commitments',
      'projects/import',
      'projects/:id',
      'projects/:id/edit',
      'chain-map',
      'chain-map/targets',
      'platform-stats',
      'platforms',
      'platforms/:id',
      'platforms/:id/edit',
      'enterprises',
      'services/commissioners',
      'services/visits',
      'enterprises/new',
      'enterprises/:id',
      'enterprises/:id/edit',
      'imports',
      'evaluation',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'requests',
      'services/metrics',
      'requests/new',
      'requests/:id',
      'tasks',
    ],
  },
  commissioner: {
    menu: [
      ['/platforms', 'nav.platforms'],
      ['/enterprises', 'nav.enterprises'],
      ['/services/visits', 'nav.visits'],
      ['/requests', 'nav.requests'],
      ['/services/metrics', 'nav.serviceMetrics'],
      ['/evaluation', 'nav.evaluation'],
    ],
    routes: [
      'platforms',
      'platforms/:id',
      'enterprises',
      'services/visits',
      'enterprises/:id',
      'evaluation',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'requests',
      'services/metrics',
      'requests/new',
      'requests/:id',
    ],
  },
  enterprise: {
    menu: [
      ['/portal', 'nav.portal'],
      ['/platforms', 'nav.platforms'],
      ['/enterprises', 'nav.enterprises'],
      ['/requests', 'nav.requests'],
      ['/evaluation', 'nav.evaluation'],
    ],
    routes: [
      'portal',
      'platforms',
      'platforms/:id',
      'enterprises',
      'enterprises/:id',
      'evaluation',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'requests',
      'requests/new',
      'requests/:id',
    ],
  },
  department: {
    menu: [
      ['/requests', 'nav.requests'],
      ['/services/metrics', 'nav.serviceMetrics'],
      ['/tasks', 'nav.tasks'],
    ],
    routes: ['requests', 'services/metrics', 'requests/:id', 'tasks'],
  },
  system_admin: {
    menu: [['/system', 'nav.system']],
    routes: ['system'],
  },
  security_admin: {
    menu: [['/users', 'nav.users']],
    routes: ['users'],
  },
  audit_admin: {
    menu: [['/audit', 'nav.audit']],
    routes: ['audit'],
  },
};

/** Pages every logged-in user may open: the landing redirect, the password change, the 404 page. */
const OPEN_TO_ALL = ['', 'inbox', 'account/password', 'account/mfa', '*'];

function meOf(role: Role, extra: Partial<Me> = {}): Me {
  return {
    id: 1,
    username: role,
    displayName: role,
    role,
    platformId: null,
    enterpriseId: null,
    permissions: [...permissionsOf(role)],
    mustChangePassword: false,
    ...extra,
  } as Me;
}

describe('route table', () => {
  it.each(ROLES)('%s sees the same menu items as before', (role) => {
    expect(allowedMenuItems(meOf(role)).map((i) => [i.path, i.labelKey])).toEqual(BEFORE[role].menu);
  });

  it.each(ROLES)('%s may open the same pages as before', (role) => {
    const me = meOf(role);
    const open = ROUTES.filter((r) => mayOpen(me, r)).map((r) => r.path);
    expect(open).toEqual([...OPEN_TO_ALL.slice(0, 1), ...BEFORE[role].routes, ...OPEN_TO_ALL.slice(1)]);
  });

  it('lands each role where it did before', () => {
    const homes = Object.fromEntries(ROLES.map((role) => [role, homePath(meOf(role))]));
    expect(homes).toEqual({
      task_force: '/cockpit',
      leader: '/cockpit',
      platform_admin: '/cockpit',
      commissioner: '/platforms',
      enterprise: '/portal',
      department: '/requests',
      system_admin: '/system',
      security_admin: '/users',
      audit_admin: '/audit',
    });
    expect(homePath(meOf('enterprise', { enterpriseId: 7 }))).toBe('/portal');
    expect(homePath(meOf('task_force', { mustChangePassword: true }))).toBe('/account/password');
    expect(homePath(meOf('task_force', { mfaEnrolmentRequired: true }))).toBe('/account/mfa');
  });

  it('has no address twice and a menu key once', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    const keys = ROUTES.flatMap((r) => (r.menu ? [r.menu.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('nobody opens a page without logging in', () => {
    expect(allowedMenuItems(null)).toEqual([]);
    expect(ROUTES.filter((r) => mayOpen(null, r)).map((r) => r.path)).toEqual(OPEN_TO_ALL);
  });

  it('watermarks every page with personal or unpublished data (enterprises, results and objections, cockpit drill-down, audit, accounts)', () => {
    expect(ROUTES.filter((r) => r.watermark).map((r) => r.path)).toEqual([
      'portal',
      'cockpit',
      'cockpit/screen',
      'chain-leaders',
      'projects',
      'projects/:id',
      'chain-map',
      'chain-map/targets',
      'enterprises',
      'services/commissioners',
      'services/visits',
      'enterprises/:id',
      'enterprises/:id/edit',
      'imports',
      'evaluation/runs/:id',
      'evaluation/runs/:id/enterprises/:enterpriseId',
      'users',
      'audit',
    ]);
  });
});
