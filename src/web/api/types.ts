// Types of the HTTP API (see docs/api-contract.md).

export type { Permission, Role as RoleCode } from '../../modules/auth/core/access';
export type { Me, SessionResponse } from '../../modules/auth/auth.schemas';
export type { Industry, NamedCode, Reference } from '../../modules/reference/reference.schemas';

/** 不定等级: evaluated without a class (domain guide §5.2). */
export type RatingExemption = 'utility' | 'startup' | 'major_project';

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

export type Scale = 'above' | 'below';

export const LABEL_CODES = [
  'high_tech',
  'tech_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
  'hidden_champion',
  'chain_leader',
  'rd_institution',
] as const;
export type LabelCode = (typeof LABEL_CODES)[number];

export interface EnterpriseLabel {
  label: LabelCode | string;
  /** YYYY-MM-DD */
  grantedOn: string | null;
}

/** Figures of one enterprise-year, in the contract's units (money 万元, energy tce, …). */
export const YEAR_FIELD_KEYS = [
  'output',
  'revenue',
  'tax',
  'valueAdded',
  'energyTce',
  'electricity',
  'emissions',
  'rdSpending',
  'employees',
  'fixedAssetInvestment',
] as const;
export type YearFieldKey = (typeof YEAR_FIELD_KEYS)[number];

export interface EnterpriseListItem {
  id: number;
  uscc: string;
  name: string;
  platformId: number;
  platformName: string;
  industryClass: string | null;
  industryClassName: string | null;
  keyIndustry: string | null;
  scale: Scale;
  scaleOverride: Scale | null;
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  ratingExemption: RatingExemption | null;
  labels: EnterpriseLabel[];
  isDemo: boolean;
  latestYear: number | null;
  output: number | null;
  revenue: number | null;
  tax: number | null;
  valueAdded: number | null;
  employees: number | null;
}

export type EnterpriseYear = { year: number } & Record<YearFieldKey, number | null> & {
    confirmedBy: string | null;
    confirmedAt: string | null;
    updatedAt: string;
  };

export interface EnterpriseFlag {
  id: number;
  year: number;
  field: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface EnterpriseContact {
  id: number;
  name: string;
  title: string;
  /** Masked by the server (138****1234). */
  phone: string;
}

export interface EnterpriseDetail extends EnterpriseListItem {
  address: string;
  version: number;
  landholder: { id: number; name: string; uscc: string } | null;
  contacts: EnterpriseContact[];
  years: EnterpriseYear[];
  flags: EnterpriseFlag[];
}

export type EnterpriseSort = 'name' | 'uscc' | 'revenue' | 'tax' | 'output' | 'ownLandMu' | 'updatedAt';

export interface EnterpriseFilters {
  keyword?: string;
  platformId?: number;
  industryClass?: string;
  keyIndustry?: string;
  scale?: Scale;
  label?: string;
}

export interface EnterpriseQuery extends EnterpriseFilters {
  page: number;
  pageSize: number;
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
}

export interface EnterpriseInput {
  uscc: string;
  name: string;
  platformId: number;
  industryClass?: string | null;
  scaleOverride?: Scale | null;
  ownLandMu?: number | null;
  leasedFloorM2?: number | null;
  ratingExemption?: RatingExemption | null;
  address?: string;
  labels?: EnterpriseLabel[];
}

export type EnterprisePatch = Partial<Omit<EnterpriseInput, 'uscc'>> & { version: number };

export type EnterpriseYearInput = Partial<Record<YearFieldKey, number | null>>;

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryClass {
  code: string;
  level: IndustryLevel | string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  keyIndustry: string | null;
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
