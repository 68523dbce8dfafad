import { describe, expect, it } from 'vitest';
import { ROLES } from './access';
import {
  ADMIN_ROLES,
  can,
  mayEditStrategicFlag,
  permissionsOf,
  platformScope,
  scopeProblems,
  type Actor,
} from './access';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  role,
  platformId: null,
  enterpriseId: null,
  ip: null,
  ...extra,
});

describe('roles and permissions', () => {
  it('leaders only read', () => {
    expect(permissionsOf('leader')).toEqual([
      'platform:read',
      'enterprise:read',
      'evaluation:read',
      'cockpit:read',
      'request:read',
      'request:metrics',
      'task:read',
      'chainmap:read',
      'project:read',
    ]);
  });

  it('chain map: the task force, leaders and platform admins read; the task force and platform admins write targets and links; only the task force edits maps', () => {
    expect(ROLES.filter((r) => can(actor(r), 'chainmap:read'))).toEqual([
      'task_force',
      'leader',
      'platform_admin',
    ]);
    expect(ROLES.filter((r) => can(actor(r), 'chainmap:write'))).toEqual(['task_force', 'platform_admin']);
    expect(ROLES.filter((r) => can(actor(r), 'chainmap:edit'))).toEqual(['task_force']);
  });

  it('only the task force and platform admins may reveal a contact phone number whole', () => {
    expect(ROLES.filter((r) => can(actor(r), 'contact:reveal'))).toEqual(['task_force', 'platform_admin']);
  });

  it('the cockpit is for the task force, leaders and platform admins; only the task force plans and decides', () => {
    expect(ROLES.filter((r) => can(actor(r), 'cockpit:read'))).toEqual([
      'task_force',
      'leader',
      'platform_admin',
    ]);
    for (const p of ['plan:write', 'chain:decide', 'quota:write', 'calendar:write'] as const)
      expect(ROLES.filter((r) => can(actor(r), p))).toEqual(['task_force']);
    expect(ROLES.filter((r) => can(actor(r), 'stats:report'))).toEqual(['task_force', 'platform_admin']);
  });

  it('only the task force and platform admins write enterprises and import; enterprises confirm', () => {
    expect(ROLES.filter((r) => can(actor(r), 'enterprise:write'))).toEqual(['task_force', 'platform_admin']);
    expect(ROLES.filter((r) => can(actor(r), 'import:run'))).toEqual(['task_force', 'platform_admin']);
    expect(ROLES.filter((r) => can(actor(r), 'enterprise:confirm'))).toEqual(['enterprise']);
    expect(ROLES.filter((r) => can(actor(r), 'industry:map'))).toEqual(['task_force']);
  });

  it('only the task force creates and archives platforms and sets the strategic flag', () => {
    for (const role of ROLES) {
      expect(can(actor(role), 'platform:create')).toBe(role === 'task_force');
      expect(can(actor(role), 'platform:archive')).toBe(role === 'task_force');
      expect(mayEditStrategicFlag(actor(role))).toBe(role === 'task_force');
    }
  });

  it('keeps the three MLPS administrators apart and away from business data', () => {
    const grants = ADMIN_ROLES.map((r) => permissionsOf(r));
    expect(grants).toEqual([['system:read'], ['user:manage'], ['audit:read']]);
    for (const role of ADMIN_ROLES) expect(can(actor(role), 'platform:read')).toBe(false);
    // Only the security administrator manages accounts, roles and scopes.
    expect(ROLES.filter((r) => can(actor(r), 'user:manage'))).toEqual(['security_admin']);
    expect(ROLES.filter((r) => can(actor(r), 'audit:read'))).toEqual(['audit_admin']);
  });

  it.each([
    ['task_force', {}, { kind: 'all' }],
    ['leader', {}, { kind: 'all' }],
    ['commissioner', { userId: 7 }, { kind: 'commissioner', userId: 7 }],
    ['platform_admin', { platformId: 7 }, { kind: 'platform', platformId: 7 }],
    ['platform_admin', {}, { kind: 'none' }],
    ['enterprise', { enterpriseId: 3 }, { kind: 'enterprise', enterpriseId: 3 }],
    // A department's requests are a request-specific rule (requests.repository); no platform scope.
    ['department', { departmentId: 2 }, { kind: 'none' }],
    ['system_admin', {}, { kind: 'none' }],
    ['security_admin', {}, { kind: 'none' }],
    ['audit_admin', {}, { kind: 'none' }],
  ] as const)('scope of %s %j is %j', (role, extra, expected) => {
    expect(platformScope(actor(role, extra))).toEqual(expected);
  });

  it('requires exactly the scope a role needs', () => {
    expect(scopeProblems('platform_admin', 1, null)).toEqual([]);
    expect(scopeProblems('platform_admin', null, null)).toEqual(['platformId']);
    expect(scopeProblems('leader', 1, null)).toEqual(['platformId']);
    expect(scopeProblems('enterprise', null, 4)).toEqual([]);
    expect(scopeProblems('enterprise', 2, null)).toEqual(['platformId', 'enterpriseId']);
    // A commissioner may belong to a platform (its own commissioners) or to the city.
    expect(scopeProblems('commissioner', 2, null)).toEqual([]);
    expect(scopeProblems('commissioner', null, null)).toEqual([]);
    expect(scopeProblems('commissioner', null, 4)).toEqual(['enterpriseId']);
    expect(scopeProblems('department', null, null, 3)).toEqual([]);
    expect(scopeProblems('department', null, null, null)).toEqual(['departmentId']);
    expect(scopeProblems('leader', null, null, 3)).toEqual(['departmentId']);
  });

  it('gives assignment to the task force and platform admins, visits to commissioners too', () => {
    expect(ROLES.filter((r) => can(actor(r), 'commissioner:assign'))).toEqual([
      'task_force',
      'platform_admin',
    ]);
    expect(ROLES.filter((r) => can(actor(r), 'visit:write'))).toEqual([
      'task_force',
      'platform_admin',
      'commissioner',
    ]);
    // A commissioner reads its enterprises and their scorecards, not the cockpit.
    expect(can(actor('commissioner'), 'enterprise:read')).toBe(true);
    expect(can(actor('commissioner'), 'evaluation:read')).toBe(true);
    expect(can(actor('commissioner'), 'cockpit:read')).toBe(false);
  });

  it('requests: who reads, raises, dispatches, handles, rates and configures', () => {
    const holders = (p: Parameters<typeof can>[1]) => ROLES.filter((r) => can(actor(r), p));
    expect(holders('request:read')).toEqual([
      'task_force',
      'leader',
      'platform_admin',
      'commissioner',
      'enterprise',
      'department',
    ]);
    expect(holders('request:metrics')).toEqual([
      'task_force',
      'leader',
      'platform_admin',
      'commissioner',
      'department',
    ]);
    expect(holders('request:raise')).toEqual(['task_force', 'platform_admin', 'commissioner', 'enterprise']);
    expect(holders('request:dispatch')).toEqual(['task_force', 'platform_admin', 'commissioner']);
    expect(holders('request:handle')).toEqual(['task_force', 'platform_admin', 'department']);
    expect(holders('request:rate')).toEqual(['enterprise']);
    expect(holders('request:configure')).toEqual(['task_force']);
  });

  it('tasks: the task force manages, owners report, leaders read, enterprises and commissioners none', () => {
    const holders = (p: Parameters<typeof can>[1]) => ROLES.filter((r) => can(actor(r), p));
    expect(holders('task:read')).toEqual(['task_force', 'leader', 'platform_admin', 'department']);
    expect(holders('task:manage')).toEqual(['task_force']);
    expect(holders('task:report')).toEqual(['platform_admin', 'department']);
  });
});
