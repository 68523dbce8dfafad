/**
 * The investment-projects API contract (招商项目, domain guide §13; T6): the pipeline, stage changes
 * and their approval, stalls and their rules, funnel and statistics, 标准地 commitments (达产复核),
 * contacts and documents. Amounts in 万元, foreign investment in 万美元, land in 亩, energy in tce.
 */
import { Type, type Static } from 'typebox';
import { Nullable, NullableOneOf, OneOf, Paging } from '../../platform/contract';
import {
  CHANGE_STATES,
  CHANGE_TARGETS,
  COMMITMENTS,
  NODE_CODE_PATTERN,
  ORIGINS,
  PROJECT_CODE_PATTERN,
  SIZE_CLASSES,
  SOURCES,
  STAGES,
  STALLABLE_STAGES,
  STATUSES,
} from './core/codes';
import { ATTACHMENT_TYPES } from '../requests/core/attachments';

const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const IndustryCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' });
const ProjectCode = Type.String({ pattern: PROJECT_CODE_PATTERN, description: 'XM-<year>-<5 digits>' });
const NodeCode = Type.String({
  pattern: NODE_CODE_PATTERN,
  description: 'a chain-map node code, e.g. IC-U01',
});
const Wan = (description = '万元') => Type.Number({ minimum: 0, maximum: 1e9, description });
const Uscc = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' });

export const ProjectIdParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });
export const ChangeParamsSchema = Type.Object({ id: Id, changeId: Id }, { additionalProperties: false });
export const ContactParamsSchema = Type.Object({ id: Id, contactId: Id }, { additionalProperties: false });
export const DocumentParamsSchema = Type.Object({ id: Id, documentId: Id }, { additionalProperties: false });

/** Stall state of a project now (China time). */
export const StallSchema = Type.Object({
  /** Calendar days since the current stage's approved date. */
  days: Type.Integer(),
  /** The rule's maximum; null when the stage never stalls (达产) or the project ended. */
  maxDays: Nullable(Type.Integer()),
  /** 0 on time; 1 stalled (platform admins); 2 escalated (task force). */
  level: Type.Integer({ minimum: 0, maximum: 2 }),
});
export type Stall = Static<typeof StallSchema>;

/** A project as listed. */
export const ProjectSummarySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  investorName: Type.String({ description: 'the registered enterprise’s name or the outside investor’s' }),
  investorEnterpriseId: Nullable(Type.Integer()),
  investorOrigin: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  industryCode: Type.String(),
  industryZh: Type.String(),
  industryEn: Type.String(),
  chainNodeCode: Nullable(Type.String()),
  totalInvestment: Type.Number({ description: '万元' }),
  sizeClass: OneOf(SIZE_CLASSES),
  landMu: Nullable(Type.Number({ description: '亩' })),
  source: OneOf(SOURCES),
  ownerName: Type.String(),
  /** The current approved stage and its date. */
  stage: OneOf(STAGES),
  stageDate: Day,
  status: OneOf(STATUSES),
  endDate: Nullable(Day),
  /** The approved signing date (签约), if any. */
  signedOn: Nullable(Day),
  /** The change waiting for approval, if any. */
  pendingStage: NullableOneOf(CHANGE_TARGETS),
  pendingChangeId: Nullable(Type.Integer()),
  stall: StallSchema,
  version: Type.Integer(),
});
export type ProjectSummary = Static<typeof ProjectSummarySchema>;

export const StageChangeSchema = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  fromStage: NullableOneOf(STAGES),
  stage: OneOf(CHANGE_TARGETS),
  stageDate: Day,
  note: Type.String(),
  status: OneOf(CHANGE_STATES),
  origin: OneOf(ORIGINS),
  submittedBy: Nullable(Type.Integer()),
  submittedByName: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionReason: Nullable(Type.String()),
  /** The caller may approve or reject it now. */
  canDecide: Type.Boolean(),
});
export type StageChange = Static<typeof StageChangeSchema>;

/** One row of the timeline: each stage with its approved date (null: not reached or skipped). */
export const TimelineStepSchema = Type.Object({
  stage: OneOf(STAGES),
  date: Nullable(Day),
  /** Reached by a later approved stage without a date of its own. */
  skipped: Type.Boolean(),
});

export const ContactSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  title: Type.String(),
  /** Masked (138****5678); the whole number only through reveal. */
  phone: Type.String(),
});
export type ProjectContact = Static<typeof ContactSchema>;
export const ContactWriteSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    title: Type.Optional(Type.String({ maxLength: 40 })),
    phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9+\\- ]*$' })),
  },
  { additionalProperties: false },
);
export type ContactWrite = Static<typeof ContactWriteSchema>;
export const ContactRevealSchema = Type.Object({ contactId: Type.Integer(), phone: Type.String() });

export const DocumentSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  fileType: OneOf(Object.keys(ATTACHMENT_TYPES) as (keyof typeof ATTACHMENT_TYPES)[]),
  size: Type.Integer({ description: 'bytes' }),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type ProjectDocument = Static<typeof DocumentSchema>;

/** The result of one 标准地 commitment checked against the enterprise's real figures. */
export const CommitmentCheckSchema = Type.Object({
  commitment: OneOf(COMMITMENTS),
  /** 万元/亩 */
  committed: Type.Number(),
  /** 万元/亩; null when the figures are missing. */
  actual: Nullable(Type.Number()),
  /** (committed − actual) ÷ committed in %, > 0 when short; null without an actual. */
  shortfallPct: Nullable(Type.Number()),
  met: Nullable(Type.Boolean()),
});
export type CommitmentCheck = Static<typeof CommitmentCheckSchema>;

export const ProjectDetailSchema = Type.Object({
  ...ProjectSummarySchema.properties,
  investorUscc: Nullable(Type.String()),
  enterpriseId: Nullable(Type.Integer()),
  enterpriseName: Nullable(Type.String()),
  fixedAssetInvestment: Nullable(Type.Number({ description: '万元' })),
  foreignInvestment: Nullable(Type.Number({ description: '万美元' })),
  parcel: Type.String(),
  energyTce: Nullable(Type.Number({ description: 'tce' })),
  referrerEnterpriseId: Nullable(Type.Integer()),
  referrerName: Nullable(Type.String()),
  ownerUserId: Nullable(Type.Integer()),
  endReason: Nullable(Type.String()),
  committedIntensity: Nullable(Type.Number({ description: '万元/亩' })),
  committedOutputPerMu: Nullable(Type.Number({ description: '万元/亩' })),
  committedTaxPerMu: Nullable(Type.Number({ description: '万元/亩' })),
  fullProductionYear: Nullable(Type.Integer()),
  note: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  timeline: Type.Array(TimelineStepSchema),
  /** Every stage change, newest first. */
  changes: Type.Array(StageChangeSchema),
  contacts: Type.Array(ContactSchema),
  documents: Type.Array(DocumentSchema),
  /** The 达产复核 result once the full-production year's figures exist; else empty. */
  commitments: Type.Array(CommitmentCheckSchema),
  /** What the caller may do now. */
  canEdit: Type.Boolean(),
  canSubmit: Type.Boolean(),
});
export type ProjectDetail = Static<typeof ProjectDetailSchema>;

const filters = {
  platformId: Type.Optional(Id),
  industryCode: Type.Optional(IndustryCode),
  chainNodeCode: Type.Optional(NodeCode),
  stage: Type.Optional(OneOf(STAGES)),
  status: Type.Optional(OneOf(STATUSES)),
  sizeClass: Type.Optional(OneOf(SIZE_CLASSES)),
  source: Type.Optional(OneOf(SOURCES)),
  ownerUserId: Type.Optional(Id),
  /** Only stalled (level ≥ 1) projects (true) or only the others (false). */
  stalled: Type.Optional(Type.Boolean()),
  /** Only projects with a change waiting for approval. */
  pending: Type.Optional(Type.Boolean()),
  /** Only projects whose signing (签约) was approved with a date in this year. */
  signedYear: Type.Optional(Year),
  /** T6 drill-down: only the projects T6 counts in this year (≥ 10 亿, signed in the year, not ended). */
  majorYear: Type.Optional(Year),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
};
export const ProjectListQuerySchema = Type.Object({ ...filters, ...Paging }, { additionalProperties: false });
export type ProjectFilters = Omit<Static<typeof ProjectListQuerySchema>, 'page' | 'pageSize'>;
export type ProjectQuery = Static<typeof ProjectListQuerySchema> & { page: number; pageSize: number };
export const ProjectExportQuerySchema = Type.Object(filters, { additionalProperties: false });

export const ProjectListSchema = Type.Object({
  items: Type.Array(ProjectSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ProjectList = Static<typeof ProjectListSchema>;

const writable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  /** A registered enterprise as investor, or investorName (+ USCC, origin) for an outside one. */
  investorEnterpriseId: Type.Optional(Nullable(Id)),
  investorName: Type.Optional(Type.String({ maxLength: 100 })),
  investorUscc: Type.Optional(Nullable(Uscc)),
  investorOrigin: Type.Optional(Type.String({ maxLength: 40 })),
  /** The local project company; defaults to the investor when that is a registered enterprise. */
  enterpriseId: Type.Optional(Nullable(Id)),
  platformId: Id,
  industryCode: IndustryCode,
  chainNodeCode: Type.Optional(Nullable(NodeCode)),
  totalInvestment: Wan(),
  fixedAssetInvestment: Type.Optional(Nullable(Wan())),
  foreignInvestment: Type.Optional(Nullable(Wan('万美元'))),
  landMu: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e6, description: '亩' }))),
  parcel: Type.Optional(Type.String({ maxLength: 100 })),
  energyTce: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e8, description: 'tce' }))),
  source: OneOf(SOURCES),
  /** Required when source = referral (以企招企). */
  referrerEnterpriseId: Type.Optional(Nullable(Id)),
  ownerUserId: Type.Optional(Nullable(Id)),
  ownerName: Type.Optional(Type.String({ maxLength: 40 })),
  committedIntensity: Type.Optional(Nullable(Wan('万元/亩'))),
  committedOutputPerMu: Type.Optional(Nullable(Wan('万元/亩'))),
  committedTaxPerMu: Type.Optional(Nullable(Wan('万元/亩'))),
  fullProductionYear: Type.Optional(Nullable(Year)),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
};

/** A new project starts at 线索 (lead) on leadDate (default today); later stages are stage changes. */
export const ProjectCreateSchema = Type.Object(
  {
    code: Type.Optional(ProjectCode),
    ...writable,
    leadDate: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type ProjectCreate = Static<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...writable },
  { additionalProperties: false },
);
export type ProjectUpdate = Static<typeof ProjectUpdateSchema>;

/** Submit a stage change (a stage ahead, or dropped / lost with a reason in note). */
export const StageChangeCreateSchema = Type.Object(
  {
    stage: OneOf(CHANGE_TARGETS),
    stageDate: Day,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type StageChangeCreate = Static<typeof StageChangeCreateSchema>;

export const DecisionSchema = Type.Object(
  {
    /** Required to reject. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type Decision = Static<typeof DecisionSchema>;

/** Pending changes the caller may decide (审核). */
export const PendingChangeSchema = Type.Object({
  ...StageChangeSchema.properties,
  projectCode: Type.String(),
  projectName: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
});
export const PendingChangeListSchema = Type.Object({ items: Type.Array(PendingChangeSchema) });
export type PendingChangeList = Static<typeof PendingChangeListSchema>;

export const StallQuerySchema = Type.Object(
  {
    platformId: Type.Optional(Id),
    /** 1: stalled and escalated; 2: escalated only. */
    minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
  },
  { additionalProperties: false },
);
export const StallListSchema = Type.Object({
  /** Today (China time) the stalls were computed on. */
  asOf: Day,
  items: Type.Array(ProjectSummarySchema),
});
export type StallList = Static<typeof StallListSchema>;

export const StallRuleSchema = Type.Object({
  stage: OneOf(STALLABLE_STAGES),
  sizeClass: OneOf(SIZE_CLASSES),
  maxDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  escalateAfterDays: Type.Integer({ minimum: 1, maximum: 3650 }),
});
export type StallRule = Static<typeof StallRuleSchema>;
export const StallRuleListSchema = Type.Object({ items: Type.Array(StallRuleSchema) });
export type StallRuleList = Static<typeof StallRuleListSchema>;
export const StallRulesWriteSchema = Type.Object(
  { items: Type.Array(StallRuleSchema, { minItems: 1, maxItems: 21 }) },
  { additionalProperties: false },
);

export const YearQuerySchema = Type.Object(
  {
    year: Type.Optional(Year),
    platformId: Type.Optional(Id),
    industryCode: Type.Optional(IndustryCode),
  },
  { additionalProperties: false },
);

/** The funnel: how many projects reached each stage (approved) and the conversion to the next. */
export const FunnelSchema = Type.Object({
  /** Projects whose lead date falls in this year (all years when null). */
  year: Nullable(Type.Integer()),
  steps: Type.Array(
    Type.Object({
      stage: OneOf(STAGES),
      /** Projects that reached this stage or a later one. */
      reached: Type.Integer(),
      /** Projects standing at this stage now (active). */
      current: Type.Integer(),
      /** reached(this) ÷ reached(previous); null for the first stage or when the previous is 0. */
      conversion: Nullable(Type.Number()),
    }),
  ),
  dropped: Type.Integer(),
  lost: Type.Integer(),
});
export type Funnel = Static<typeof FunnelSchema>;

/** T6 and the other yearly figures, per platform and city. */
export const ProjectStatsSchema = Type.Object({
  year: Type.Integer(),
  platforms: Type.Array(
    Type.Object({
      platformId: Type.Integer(),
      name: Type.String(),
      nameEn: Type.String(),
      /** T6 computed: ≥ 10 亿元 projects signed (approved) in the year and not ended by 31 Dec. */
      majorSigned: Type.Integer(),
      /** Signed (approved) in the year: count and total investment (万元). */
      signed: Type.Integer(),
      signedInvestment: Type.Number({ description: '万元' }),
      /** Share of the signed investment in the platform's leading industries (0–1; null with none). */
      leadingIndustryShare: Nullable(Type.Number()),
      stalled: Type.Integer(),
      pending: Type.Integer(),
    }),
  ),
  city: Type.Object({
    majorSigned: Type.Integer(),
    signed: Type.Integer(),
    signedInvestment: Type.Number({ description: '万元' }),
    stalled: Type.Integer(),
    pending: Type.Integer(),
  }),
  /** Signed investment by key industry (万元). */
  industries: Type.Array(
    Type.Object({
      industryCode: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      signed: Type.Integer(),
      signedInvestment: Type.Number({ description: '万元' }),
    }),
  ),
  /** The plan's T6 bar: more than 60 a year city-wide. */
  target: Type.Integer(),
});
export type ProjectStats = Static<typeof ProjectStatsSchema>;

/** 达产复核: projects past their full-production year whose commitments are checked. */
export const CommitmentQuerySchema = Type.Object(
  {
    /** Only the projects whose full-production year is this one (default: all past years). */
    year: Type.Optional(Year),
    platformId: Type.Optional(Id),
    /** Only the ones short on at least one commitment. */
    shortOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const CommitmentRowSchema = Type.Object({
  projectId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  enterpriseId: Nullable(Type.Integer()),
  enterpriseName: Nullable(Type.String()),
  stage: OneOf(STAGES),
  fullProductionYear: Type.Integer(),
  /** The land the commitments rest on (亩). */
  landMu: Nullable(Type.Number({ description: '亩' })),
  checks: Type.Array(CommitmentCheckSchema),
  /** Short on at least one commitment. */
  short: Type.Boolean(),
  /** The enterprise's figures of that year are missing. */
  missingFigures: Type.Boolean(),
});
export type CommitmentRow = Static<typeof CommitmentRowSchema>;
export const CommitmentListSchema = Type.Object({
  items: Type.Array(CommitmentRowSchema),
  /** Land involved in the short projects (亩). */
  shortLandMu: Type.Number({ description: '亩' }),
});
export type CommitmentList = Static<typeof CommitmentListSchema>;

/** The result of an import (all or nothing). */
export const ImportRowErrorSchema = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});
export const ImportResultSchema = Type.Object({
  accepted: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  /** Stage changes approved at once (task force) or submitted for approval (platform admin). */
  approvedChanges: Type.Integer(),
  pendingChanges: Type.Integer(),
  errors: Type.Array(ImportRowErrorSchema),
});
export type ImportResult = Static<typeof ImportResultSchema>;

/** `yiyuan projects --json`: one object per project. */
export interface ProjectExportRow {
  code: string;
  name: string;
  platform: string;
  industry: string;
  stage: string;
  status: string;
  /** Approved stage dates by stage code. */
  stageDates: Partial<Record<string, string>>;
  /** 万元 */
  totalInvestment: number;
  sizeClass: string;
  stalled: boolean;
  stallLevel: number;
}
