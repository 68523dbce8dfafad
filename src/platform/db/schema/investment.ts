import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, enterprises } from './enterprises';
import { platforms } from './platforms';
import { industries } from './reference';

const STAGE_LIST = `'lead','negotiating','signed','land_supplied','construction','completed','production','full_production'`;

/**
 * Investment projects (招商项目, domain guide §13): the pipeline from lead to full production, with
 * the 标准地 commitments checked against the enterprise's real figures once it reaches full
 * production. `stage` and `stage_date` are the current APPROVED stage.
 */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    /** XM-<year>-<5 digits> when not given. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The investor when it is a registered enterprise. */
    investorEnterpriseId: integer('investor_enterprise_id').references(() => enterprises.id),
    /** An outside investor: its name, USCC (if any) and origin (上海市, 境外·德国 …). */
    investorName: text('investor_name').notNull().default(''),
    investorUscc: text('investor_uscc'),
    investorOrigin: text('investor_origin').notNull().default(''),
    /** The local project company once registered: the enterprise whose figures 达产复核 uses. */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    /** A node of the chain map (no foreign key: the chain map owns its nodes). */
    chainNodeCode: text('chain_node_code'),
    /** 万元 */
    totalInvestment: numeric('total_investment', { mode: 'number' }).notNull(),
    /** 万元 */
    fixedAssetInvestment: numeric('fixed_asset_investment', { mode: 'number' }),
    /** 万美元 */
    foreignInvestment: numeric('foreign_investment', { mode: 'number' }),
    /** 亩 */
    landMu: numeric('land_mu', { mode: 'number' }),
    parcel: text('parcel').notNull().default(''),
    /** tce */
    energyTce: numeric('energy_tce', { mode: 'number' }),
    source: text('source').notNull(),
    referrerEnterpriseId: integer('referrer_enterprise_id').references(() => enterprises.id),
    ownerUserId: integer('owner_user_id'),
    ownerName: text('owner_name').notNull().default(''),
    stage: text('stage').notNull().default('lead'),
    stageDate: date('stage_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    endReason: text('end_reason'),
    endDate: date('end_date', { mode: 'string' }),
    /** 标准地: fixed-asset investment per mu (万元/亩). */
    committedIntensity: numeric('committed_intensity', { mode: 'number' }),
    /** 万元/亩 at full production. */
    committedOutputPerMu: numeric('committed_output_per_mu', { mode: 'number' }),
    /** 万元/亩 at full production. */
    committedTaxPerMu: numeric('committed_tax_per_mu', { mode: 'number' }),
    fullProductionYear: integer('full_production_year'),
    note: text('note').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('projects_code_unique').on(t.code),
    index('projects_platform_idx').on(t.platformId),
    index('projects_industry_idx').on(t.industryCode),
    index('projects_stage_idx').on(t.stage),
    index('projects_enterprise_idx').on(t.enterpriseId),
    // eslint-disable-next-line no-restricted-syntax -- a constant list of the code
    check('projects_stage_valid', sql.raw(`"stage" in (${STAGE_LIST})`)),
    check('projects_status_valid', sql`${t.status} in ('active','dropped','lost')`),
    check('projects_source_valid', sql`${t.source} in ('referral','chain','fund','agency','expo','other')`),
    check(
      'projects_referral_has_referrer',
      sql`${t.source} <> 'referral' or ${t.referrerEnterpriseId} is not null`,
    ),
    check(
      'projects_investor_given',
      sql`${t.investorEnterpriseId} is not null or length(${t.investorName}) > 0`,
    ),
    check('projects_end_consistent', sql`(${t.status} = 'active') = (${t.endDate} is null)`),
    check(
      'projects_amounts_nonnegative',
      sql`${t.totalInvestment} >= 0 and coalesce(${t.fixedAssetInvestment}, 0) >= 0
        and coalesce(${t.foreignInvestment}, 0) >= 0 and coalesce(${t.landMu}, 0) >= 0
        and coalesce(${t.energyTce}, 0) >= 0 and coalesce(${t.committedIntensity}, 0) >= 0
        and coalesce(${t.committedOutputPerMu}, 0) >= 0 and coalesce(${t.committedTaxPerMu}, 0) >= 0`,
    ),
    check(
      'projects_full_production_year_range',
      sql`${t.fullProductionYear} is null or ${t.fullProductionYear} between 1990 and 2100`,
    ),
  ],
);

/**
 * Stage changes (阶段变更): submitted, then approved or rejected. Only approved changes count; one
 * pending change per project.
 */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** A stage, or `dropped` / `lost`. */
    stage: text('stage').notNull(),
    stageDate: date('stage_date', { mode: 'string' }).notNull(),
    /** The stage the project stood at when submitted (the timeline's "from"). */
    fromStage: text('from_stage'),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('pending'),
    origin: text('origin').notNull().default('form'),
    submittedBy: integer('submitted_by'),
    submittedByName: text('submitted_by_name').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('project_stage_changes_project_idx').on(t.projectId),
    index('project_stage_changes_status_idx').on(t.status),
    uniqueIndex('project_stage_changes_one_pending')
      .on(t.projectId)
      .where(sql`${t.status} = 'pending'`),
    check(
      'project_stage_changes_stage_valid',
      // eslint-disable-next-line no-restricted-syntax -- a constant list of the code
      sql.raw(`"stage" in (${STAGE_LIST},'dropped','lost')`),
    ),
    check('project_stage_changes_status_valid', sql`${t.status} in ('pending','approved','rejected')`),
    check('project_stage_changes_origin_valid', sql`${t.origin} in ('form','import','cli')`),
    check(
      'project_stage_changes_rejection_reason',
      sql`${t.status} <> 'rejected' or length(coalesce(${t.decisionReason}, '')) > 0`,
    ),
  ],
);

/** Stall rules: the most calendar days a project may stay in a stage, per size class (task force data). */
export const projectStallRules = pgTable(
  'project_stall_rules',
  {
    stage: text('stage').notNull(),
    sizeClass: text('size_class').notNull(),
    maxDays: integer('max_days').notNull(),
    /** Escalated to the task force after max_days + escalate_after_days. */
    escalateAfterDays: integer('escalate_after_days').notNull().default(30),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.stage, t.sizeClass] }),
    check('project_stall_rules_size_valid', sql`${t.sizeClass} in ('major','large','small')`),
    check(
      'project_stall_rules_days',
      sql`${t.maxDays} between 1 and 3650 and ${t.escalateAfterDays} between 1 and 3650`,
    ),
  ],
);

/** Stall notices already sent: once per project × stage × level. */
export const projectStallNotices = pgTable(
  'project_stall_notices',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    /** The approved stage date the notice was about (a new date is a new stay). */
    stageDate: date('stage_date', { mode: 'string' }).notNull(),
    level: integer('level').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.stage, t.stageDate, t.level] }),
    check('project_stall_notices_level', sql`${t.level} in (1, 2)`),
  ],
);

/** A project's contacts; phones sealed like enterprise contacts (SM4 cipher + keyed index). */
export const projectContacts = pgTable(
  'project_contacts',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    phoneCipher: bytea('phone_cipher'),
    phoneIndex: bytea('phone_index'),
  },
  (t) => [
    index('project_contacts_project_idx').on(t.projectId),
    index('project_contacts_phone_index_idx').on(t.phoneIndex),
    check('project_contacts_phone_sealed', sql`(${t.phoneCipher} is null) = (${t.phoneIndex} is null)`),
  ],
);

/** Documents of a project (agreements, land certificates …): type read from the bytes. */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_documents_project_idx').on(t.projectId)],
);
