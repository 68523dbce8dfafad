import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Scale } from '../../../modules/enterprises/core/codes';
import type { ImportStatus } from '../../../modules/imports/core/columns';
import { platforms } from './platforms';
import { industries } from './reference';

/** GB/T 4754-2017 national economic industry classification (sections, divisions, groups, classes). */
export const industryClasses = pgTable(
  'industry_classes',
  {
    code: text('code').primaryKey(),
    level: text('level').$type<'section' | 'division' | 'group' | 'class'>().notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
  },
  (t) => [index('industry_classes_parent_idx').on(t.parentCode)],
);

/** Which key industry (智能物联 …) an industry class belongs to: data the task force edits. */
export const industryClassMapping = pgTable('industry_class_mapping', {
  classCode: text('class_code')
    .primaryKey()
    .references(() => industryClasses.code),
  industryCode: text('industry_code')
    .notNull()
    .references(() => industries.code),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Enterprises (一企一档): identity, platform, industry, scale and land. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name, for search ("hzyszl…"). */
    nameInitials: text('name_initials').notNull().default(''),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    industryClass: text('industry_class').references(() => industryClasses.code),
    /** 规上 / 规下 when set by hand; otherwise derived from revenue (≥ 2,000 万元 = 规上). */
    scaleOverride: text('scale_override').$type<Scale>(),
    /** The effective scale, kept up to date from the override and the latest revenue. */
    scale: text('scale').$type<Scale>().notNull().default('below'),
    ownLandMu: numeric('own_land_mu', { mode: 'number' }),
    leasedFloorM2: numeric('leased_floor_m2', { mode: 'number' }),
    /** The enterprise whose parcel this one shares (as a tenant of the landholder). */
    landholderId: integer('landholder_id'),
    /** Why the enterprise takes part in the evaluation without a class (不定等级), if it does. */
    ratingExemption: text('rating_exemption').$type<RatingExemption>(),
    address: text('address').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_unique').on(t.uscc),
    index('enterprises_platform_idx').on(t.platformId),
    index('enterprises_industry_idx').on(t.industryClass),
    index('enterprises_scale_idx').on(t.scale),
    check('enterprises_scale_valid', sql`${t.scale} in ('above','below')`),
    check(
      'enterprises_scale_override_valid',
      sql`${t.scaleOverride} is null or ${t.scaleOverride} in ('above','below')`,
    ),
    check(
      'enterprises_rating_exemption_valid',
      sql`${t.ratingExemption} is null or ${t.ratingExemption} in ('utility','startup','major_project')`,
    ),
    check(
      'enterprises_land_nonnegative',
      sql`coalesce(${t.ownLandMu}, 0) >= 0 and coalesce(${t.leasedFloorM2}, 0) >= 0`,
    ),
  ],
);

import type { Label, RatingExemption } from '../../../modules/enterprises/core/codes';

export const enterpriseLabels = pgTable(
  'enterprise_labels',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    label: text('label').$type<Label>().notNull(),
    grantedOn: date('granted_on'),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.label] }),
    index('enterprise_labels_label_idx').on(t.label),
  ],
);

/** Raw bytes (bytea): sealed personal information and its keyed index. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Contacts. Phone numbers are personal information: stored sealed (SM4-CBC + HMAC-SM3 under a key
 * outside the database, see platform/crypto) with a keyed SM3 index for lookups; every response
 * masks them, only the audited reveal shows one whole.
 */
export const enterpriseContacts = pgTable(
  'enterprise_contacts',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    /** Null when the contact has no phone. */
    phoneCipher: bytea('phone_cipher'),
    /** HMAC-SM3 of the normalised number under the sealing key; null with no phone. */
    phoneIndex: bytea('phone_index'),
  },
  (t) => [
    index('enterprise_contacts_enterprise_idx').on(t.enterpriseId),
    index('enterprise_contacts_phone_index_idx').on(t.phoneIndex),
    check('enterprise_contacts_phone_sealed', sql`(${t.phoneCipher} is null) = (${t.phoneIndex} is null)`),
  ],
);

/**
 * Yearly figures per enterprise. Money in 万元, energy in tce, electricity in 万kWh, emissions in t.
 */
export const enterpriseYears = pgTable(
  'enterprise_years',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    output: numeric('output', { mode: 'number' }),
    revenue: numeric('revenue', { mode: 'number' }),
    tax: numeric('tax', { mode: 'number' }),
    valueAdded: numeric('value_added', { mode: 'number' }),
    energyTce: numeric('energy_tce', { mode: 'number' }),
    electricity: numeric('electricity', { mode: 'number' }),
    emissions: numeric('emissions', { mode: 'number' }),
    rdSpending: numeric('rd_spending', { mode: 'number' }),
    employees: numeric('employees', { mode: 'number' }),
    fixedAssetInvestment: numeric('fixed_asset_investment', { mode: 'number' }),
    importId: integer('import_id'),
    confirmedBy: integer('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Bumped by every write of the year (edit, confirmation, import); an edit sends the one it read. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    index('enterprise_years_year_idx').on(t.year),
    check('enterprise_years_year_range', sql`${t.year} between 1990 and 2100`),
  ],
);

/** A figure the enterprise says is wrong (一企一单 objection), with its comment. */
export const enterpriseYearFlags = pgTable(
  'enterprise_year_flags',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    field: text('field').notNull(),
    comment: text('comment').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Who resolved it (a platform administrator or the task force) and what was done. */
    resolvedBy: integer('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [index('enterprise_year_flags_enterprise_idx').on(t.enterpriseId, t.year)],
);

/** Import history: who loaded which file, when, and what came of it. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<'enterprises' | 'annual'>().notNull(),
    year: integer('year'),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<ImportStatus>().notNull(),
    /** Rows done of the current phase, for progress bars. */
    progress: jsonb('progress').$type<{ phase: string; done: number; total: number | null }>(),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsInserted: integer('rows_inserted').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    /** Row-level problems (capped), for the downloadable report. */
    problems: jsonb('problems').$type<unknown[]>().notNull().default([]),
    /** Which sheet of the workbook was read, and why (in both languages). */
    sheet: jsonb('sheet').$type<{ name: string; reason: string; zh: string; en: string }>(),
  },
  (t) => [
    // One import at a time per user: at most one job of a user is being validated or written.
    uniqueIndex('import_jobs_one_running_per_user')
      .on(t.userId)
      .where(sql`${t.status} in ('validating', 'importing') and ${t.userId} is not null`),
  ],
);

/**
 * Every enterprise an import changed (inserted or updated), linked to the import: the import's
 * audit row references this list, the import history exports it.
 */
export const importChanges = pgTable(
  'import_changes',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    enterpriseId: integer('enterprise_id').notNull(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    change: text('change').$type<'inserted' | 'updated'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.enterpriseId] })],
);
