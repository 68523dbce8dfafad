// Types of the HTTP API (see docs/api-contract.md).

export type Permission =
  | 'platform:read'
  | 'platform:create'
  | 'platform:update'
  | 'platform:archive'
  | 'user:manage'
  | 'audit:read'
  | 'system:read';

export type RoleCode =
  | 'task_force'
  | 'leader'
  | 'platform_admin'
  | 'commissioner'
  | 'enterprise'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: RoleCode | string;
  platformId: number | null;
  enterpriseId: number | null;
  mustChangePassword: boolean;
  permissions: string[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Industry {
  code: string;
  nameZh: string;
  nameEn: string;
  isKey: boolean;
}

export interface NamedCode {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface Reference {
  industries: Industry[];
  districts: NamedCode[];
  platformTypes: NamedCode[];
  roles: NamedCode[];
}

export interface Platform {
  id: number;
  name: string;
  nameEn: string;
  type: string;
  districtCode: string;
  areaKm2: number | null;
  industrialLandMu: number | null;
  leadingIndustries: string[];
  isStrategic: boolean;
  longitude: number | null;
  latitude: number | null;
  description: string;
  isDemo: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PlatformInput = Omit<
  Platform,
  'id' | 'isDemo' | 'archivedAt' | 'version' | 'createdAt' | 'updatedAt'
>;

export type PlatformSort = 'name' | 'districtCode' | 'type' | 'areaKm2' | 'industrialLandMu' | 'updatedAt';

export interface PlatformQuery {
  keyword?: string;
  district?: string;
  type?: string;
  industry?: string;
  strategic?: 'true' | 'false';
  includeArchived?: boolean;
  page: number;
  pageSize: number;
  sort?: PlatformSort;
  order?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: RoleCode | string;
  platformId: number | null;
  enterpriseId: number | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface ScopeOptions {
  platforms: { id: number; name: string }[];
  enterprises: { id: number; name: string; uscc: string; platformId: number | null }[];
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  role: string;
  platformId?: number;
  enterpriseId?: number;
}

export interface UserPatchInput {
  displayName?: string;
  role?: string;
  platformId?: number | null;
  enterpriseId?: number | null;
  disabled?: boolean;
}

export interface UserWithPassword {
  user: User;
  oneTimePassword: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | number | null;
  result: 'success' | 'failure' | string;
  detail: unknown;
}

export interface AuditQuery {
  action?: string;
  username?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SystemInfo {
  version: string;
  database: { mode: 'embedded' | 'external' | string; serverVersion: string };
  migrations: number;
  counts: { users: number; platforms: number; sessions: number; auditRows: number };
}
