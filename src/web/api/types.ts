// Types of the HTTP API (see docs/api-contract.md).

export type Permission =
  | 'platform:read'
  | 'platform:create'
  | 'platform:update'
  | 'platform:archive'
  | 'user:manage'
  | 'audit:read'
  | 'system:read'
  | 'enterprise:read'
  | 'enterprise:write'
  | 'enterprise:confirm'
  | 'import:run'
  | 'industry:map'
  | 'evaluation:read'
  | 'evaluation:run'
  | 'evaluation:object'
  | 'method:write'
  | 'cockpit:read'
  | 'plan:write'
  | 'stats:report'
  | 'chain:decide'
  | 'quota:write';

export type { RatingExemption } from '../../modules/enterprises/core/codes';

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

export type { Platform, PlatformInput } from '../../modules/platforms/platforms.schemas';
export type { Page } from '../../platform/contract';
import type { PlatformListQuery, PlatformSortKey } from '../../modules/platforms/platforms.schemas';

export type PlatformSort = PlatformSortKey;

/** The platform list's state in the address (booleans as the strings the address holds). */
export type PlatformQuery = Omit<PlatformListQuery, 'strategic' | 'page' | 'pageSize'> & {
  strategic?: 'true' | 'false';
  page: number;
  pageSize: number;
};

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

// ---- Enterprises (一企一档) ----

export type { Scale, Label as LabelCode } from '../../modules/enterprises/core/codes';
export { LABELS as LABEL_CODES } from '../../modules/enterprises/core/codes';
export { YEAR_FIELD_KEYS, type YearFieldKey } from '../../modules/enterprises/core/fields';
export type {
  EnterpriseListItem,
  EnterpriseYear,
  YearFlag as EnterpriseFlag,
  EnterpriseDetail,
  EnterpriseSortKey as EnterpriseSort,
  EnterpriseCreateBody as EnterpriseInput,
  EnterprisePatch,
  YearFigures as EnterpriseYearInput,
} from '../../modules/enterprises/enterprises.schemas';
export type { ClassLevel as IndustryLevel, IndustryClass } from '../../modules/industries/industries.schemas';
import type {
  EnterpriseDetail,
  EnterpriseExportQuery,
  EnterpriseListItem,
  EnterpriseSortKey,
} from '../../modules/enterprises/enterprises.schemas';

export type EnterpriseLabel = EnterpriseListItem['labels'][number];
export type EnterpriseContact = EnterpriseDetail['contacts'][number];
export type EnterpriseFilters = Omit<EnterpriseExportQuery, 'sort' | 'order'>;
/** The enterprise list's state in the address. */
export interface EnterpriseQuery extends EnterpriseFilters {
  page: number;
  pageSize: number;
  sort?: EnterpriseSortKey;
  order?: 'asc' | 'desc';
}

// ---- Imports ----

export type ImportKind = 'enterprises' | 'annual';

export type ImportStatus = 'validating' | 'ready' | 'importing' | 'succeeded' | 'rejected' | 'failed';

export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  value: unknown;
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
}

export interface ImportJob {
  id: number;
  kind: ImportKind | string;
  year: number | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  username: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: ImportStatus;
  progress: { phase: string; done: number; total: number | null } | null;
  rowsTotal: number | null;
  rowsInserted: number | null;
  rowsUpdated: number | null;
  errorCount: number;
  warningCount: number;
  /** The first 500 problems; left out in the history list. */
  problems?: ImportProblem[];
}
