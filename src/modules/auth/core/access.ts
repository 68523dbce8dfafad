/**
 * Roles, permissions and scopes: the access model every feature uses. Pure: no I/O.
 * Services ask these functions; routes and the UI only mirror them.
 */
import type { PlatformScope } from '../../../platform/scope';

export type { PlatformScope };

/** The roles of domain guide §1; one per account. */
export const ROLES = [
  'task_force',
  'leader',
  'platform_admin',
  'commissioner',
  'enterprise',
  'department',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: number;
  username: string;
  role: Role;
  platformId: number | null;
  enterpriseId: number | null;
  /** A department user's department (部门用户); absent or null for every other role. */
  departmentId?: number | null;
  ip: string | null;
}

export const PERMISSIONS = [
  'platform:read',
  'platform:create',
  'platform:update',
  'platform:archive',
  'enterprise:read',
  'enterprise:write',
  'enterprise:confirm',
  /** See a contact's phone number whole (audited, rate-limited); everyone else sees it masked. */
  'contact:reveal',
  'enterprise:move',
  'import:run',
  'industry:map',
  'evaluation:read',
  'evaluation:run',
  'evaluation:object',
  'method:write',
  'cockpit:read',
  'plan:write',
  'stats:report',
  'chain:decide',
  'quota:write',
  /** Enter and edit the working-day calendar (holidays and make-up working days). */
  'calendar:write',
  /** Assign enterprises to service commissioners (task force: any; platform admin: its platform). */
  'commissioner:assign',
  /** Read visits (走访) and coverage in scope; write: plan and record them. */
  'visit:read',
  'visit:write',
  'user:manage',
  'audit:read',
  'system:read',
  /** Enterprise requests (企业诉求): read those in scope. */
  'request:read',
  /** Service metrics (服务成效): request figures and visit coverage per platform, department, commissioner. */
  'request:metrics',
  /** Raise a request (an enterprise for itself; the others on an enterprise's behalf). */
  'request:raise',
  /** Accept, assign and transfer requests (受理, 交办). */
  'request:dispatch',
  /** Handle a request handed over: start, answer, close, suspend, resume. */
  'request:handle',
  /** Rate a closed request (the enterprise that raised it). */
  'request:rate',
  /** Edit the request categories, their deadlines, and the departments. */
  'request:configure',
  /** Work tasks and topic meetings (工作任务清单, 专题会议): read those in scope. */
  'task:read',
  /** Record meetings, create tasks, review and supervise them, pair city leaders with platforms. */
  'task:manage',
  /** Report progress on and complete the tasks one's department or platform owns. */
  'task:report',
  /** The industrial-chain map (产业链图谱 / 招商图): maps, node ratings, targets, leaders' partners. */
  'chainmap:read',
  /** Enter investment targets and chain leaders' partner links (a platform admin: its platform's). */
  'chainmap:write',
  /** Edit, import and publish chain maps; place enterprises on nodes by hand (the task force). */
  'chainmap:edit',
  /** Investment projects (招商项目): read those in scope (a platform admin: its platform's). */
  'project:read',
  /** Add and edit projects, submit stage changes, manage their contacts and documents. */
  'project:write',
  /** Approve or reject stage changes (never one's own). */
  'project:approve',
  /** Edit the stall rules (maximum days per stage and size class). */
  'project:configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  task_force: [
    'platform:read',
    'platform:create',
    'platform:update',
    'platform:archive',
    'enterprise:read',
    'enterprise:write',
    'contact:reveal',
    'enterprise:move',
    'import:run',
    'industry:map',
    'evaluation:read',
    'evaluation:run',
    'method:write',
    'cockpit:read',
    'plan:write',
    'stats:report',
    'chain:decide',
    'quota:write',
    'calendar:write',
    'commissioner:assign',
    'visit:read',
    'visit:write',
    'request:read',
    'request:metrics',
    'request:raise',
    'request:dispatch',
    'request:handle',
    'request:configure',
    'task:read',
    'task:manage',
    'chainmap:read',
    'chainmap:write',
    'chainmap:edit',
    'project:read',
    'project:write',
    'project:approve',
    'project:configure',
  ],
  leader: [
    'platform:read',
    'enterprise:read',
    'evaluation:read',
    'cockpit:read',
    'request:read',
    'request:metrics',
    'task:read',
    'chainmap:read',
    'project:read',
  ],
  platform_admin: [
    'platform:read',
    'platform:update',
    'enterprise:read',
    'enterprise:write',
    'contact:reveal',
    'import:run',
    'evaluation:read',
    'cockpit:read',
    'stats:report',
    'commissioner:assign',
    'visit:read',
    'visit:write',
    'request:read',
    'request:metrics',
    'request:raise',
    'request:dispatch',
    'request:handle',
    'task:read',
    'task:report',
    'chainmap:read',
    'chainmap:write',
    'project:read',
    'project:write',
    'project:approve',
  ],
  // A commissioner reads the enterprises assigned to it (records, figures, published scorecards),
  // records visits to them, raises their requests and accepts and hands them to a department;
  // no cockpit (its numbers are city- or platform-wide).
  commissioner: [
    'platform:read',
    'enterprise:read',
    'evaluation:read',
    'visit:read',
    'visit:write',
    'request:read',
    'request:metrics',
    'request:raise',
    'request:dispatch',
  ],
  // An enterprise sees its own scorecard once the public notice starts, and may object to it.
  enterprise: [
    'platform:read',
    'enterprise:read',
    'enterprise:confirm',
    'evaluation:read',
    'evaluation:object',
    'request:read',
    'request:raise',
    'request:rate',
  ],
  // A member department of the task force handles the requests handed to it (its scope is a
  // request-specific rule: see `requests.repository.ts`).
  department: ['request:read', 'request:metrics', 'request:handle', 'task:read', 'task:report'],
  // MLPS 三权分立: administrators do not see business data.
  system_admin: ['system:read'],
  security_admin: ['user:manage'],
  audit_admin: ['audit:read'],
};

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  task_force: { zh: '市工作专班', en: 'City task force' },
  leader: { zh: '市领导', en: 'City leader' },
  platform_admin: { zh: '园区管理员', en: 'Platform administrator' },
  commissioner: { zh: '企业服务专员', en: 'Service commissioner' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  department: { zh: '部门用户', en: 'Department user' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
};

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission);
}

export function platformScope(actor: Actor): PlatformScope {
  switch (actor.role) {
    case 'task_force':
    case 'leader':
      return { kind: 'all' };
    case 'commissioner':
      return { kind: 'commissioner', userId: actor.userId };
    case 'platform_admin':
      return actor.platformId === null
        ? { kind: 'none' }
        : { kind: 'platform', platformId: actor.platformId };
    case 'enterprise':
      return actor.enterpriseId === null
        ? { kind: 'none' }
        : { kind: 'enterprise', enterpriseId: actor.enterpriseId };
    default:
      return { kind: 'none' };
  }
}

/** Fields of a platform only the task force may set (the provincial strategic-platform flag). */
export function mayEditStrategicFlag(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'task_force';
}

/** Scope rule for accounts: which role needs which scope. */
export function scopeProblems(
  role: Role,
  platformId: number | null | undefined,
  enterpriseId: number | null | undefined,
  departmentId?: number | null,
): string[] {
  const problems: string[] = [];
  if (role === 'department' && !departmentId) problems.push('departmentId');
  if (role !== 'department' && departmentId) problems.push('departmentId');
  if (role === 'platform_admin' && !platformId) problems.push('platformId');
  // A commissioner may belong to a platform (the platform's own commissioners) or to none (city).
  if (role !== 'platform_admin' && role !== 'commissioner' && platformId) problems.push('platformId');
  if (role === 'enterprise' && !enterpriseId) problems.push('enterpriseId');
  if (role !== 'enterprise' && enterpriseId) problems.push('enterpriseId');
  return problems;
}
