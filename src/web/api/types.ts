// Types of the HTTP API (see docs/api-contract.md).

export type { Permission, Role as RoleCode } from '../../modules/auth/core/access';
export type { Me, SessionResponse } from '../../modules/auth/auth.schemas';
export type { Industry, NamedCode, Reference } from '../../modules/reference/reference.schemas';

export type { RatingExemption } from '../../modules/enterprises/core/codes';

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

export type {
  ScopeOptions,
  User,
  UserCreate as UserCreateInput,
  UserPatch as UserPatchInput,
  UserWithPassword,
} from '../../modules/users/users.schemas';
export type { AuditRecord as AuditEntry, AuditQuery } from '../../modules/audit/audit.schemas';
export type { SystemInfo } from '../../modules/system/system.schemas';

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

export type { ImportKind, ImportStatus } from '../../modules/imports/core/columns';
export type {
  ImportJobView as ImportJob,
  ImportProblemView as ImportProblem,
} from '../../modules/imports/imports.schemas';
