import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { enterprises } from './enterprises';
import { evaluationMethods } from './evaluation';
import { platforms } from './platforms';

/** A plan period (规划期): the 2022–2025 plan, the next one (2026–2030) … (domain guide §7). */
export const planPeriods = pgTable(
  'plan_periods',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** The document the targets come from (e.g. 杭政办函〔2022〕69号). */
    source: text('source').notNull().default(''),
    copiedFrom: integer('copied_from'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_periods_key_unique').on(t.key),
    check('plan_periods_years', sql`${t.startYear} between 1990 and 2100 and ${t.endYear} >= ${t.startYear}`),
  ],
);

/** A target of a period: which metric measures it, the goal, baseline, milestones, owner … */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: serial('id').primaryKey(),
    periodId: integer('period_id')
      .notNull()
      .references(() => planPeriods.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    metric: text('metric').notNull(),
    comparator: text('comparator').$type<'gte' | 'gt' | 'lte'>().notNull(),
    targetValue: numeric('target_value', { mode: 'number' }).notNull(),
    /** level: reach the value by the due year; annual: reach it every year. */
    kind: text('kind').$type<'level' | 'annual'>().notNull(),
    /** The year the target is due (the period's end unless the plan says earlier, e.g. T12: 2023). */
    dueYear: integer('due_year'),
    baselineYear: integer('baseline_year'),
    baselineValue: numeric('baseline_value', { mode: 'number' }),
    /** Yearly milestones: {"2023": 2.4e8, …} in the metric's unit. */
    milestones: jsonb('milestones').$type<Record<string, number>>().notNull().default({}),
    ownerDepartment: text('owner_department').notNull().default(''),
    frequency: text('frequency').$type<'yearly' | 'quarterly' | 'monthly'>().notNull().default('yearly'),
    /** Projected below target × this: off track; between it and the target: at risk. */
    warningRatio: numeric('warning_ratio', { mode: 'number' }).notNull().default(0.9),
    source: text('source').notNull().default(''),
    note: text('note').notNull().default(''),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_targets_code_unique').on(t.periodId, t.code),
    check('plan_targets_comparator', sql`${t.comparator} in ('gte','gt','lte')`),
    check('plan_targets_kind', sql`${t.kind} in ('level','annual')`),
    check('plan_targets_warning', sql`${t.warningRatio} > 0 and ${t.warningRatio} <= 1`),
  ],
);

/**
 * A reported statistic (统计上报数): a platform-year figure entered by hand. It overrides the value
 * computed from enterprise data, or supplies one the system cannot compute (projects, platforms …).
 */
export const platformYearStats = pgTable(
  'platform_year_stats',
  {
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    figure: text('figure').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    enteredBy: integer('entered_by'),
    enteredByName: text('entered_by_name').notNull().default(''),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.year, t.figure] }),
    check('platform_year_stats_year', sql`${t.year} between 1990 and 2100`),
    check('platform_year_stats_value', sql`${t.value} >= 0`),
  ],
);

/** Chain-leader decisions (§3.1): the task force confirms or declines a candidate, with a reason. */
export const chainLeaderDecisions = pgTable(
  'chain_leader_decisions',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    decision: text('decision').$type<'confirmed' | 'declined'>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: integer('decided_by'),
    decidedByName: text('decided_by_name').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('chain_leader_decisions_year_idx').on(t.year, t.enterpriseId),
    check('chain_leader_decisions_decision', sql`${t.decision} in ('confirmed','declined')`),
  ],
);

/** The quota pool of a year (§4.2): land and energy quotas divided among platforms by score. */
export const quotaPools = pgTable(
  'quota_pools',
  {
    year: integer('year').primaryKey(),
    methodId: integer('method_id').references(() => evaluationMethods.id),
    landMu: integer('land_mu').notNull(),
    energyTce: integer('energy_tce').notNull(),
    /** Platforms scoring below this get no quota. */
    threshold: numeric('threshold', { mode: 'number' }).notNull(),
    /** How many top platforms are named "leading park" (领跑者). */
    leaders: integer('leaders').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the task force confirms the allocation: the allocation as confirmed. */
    confirmedBy: integer('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    snapshot: jsonb('snapshot'),
  },
  (t) => [check('quota_pools_amounts', sql`${t.landMu} >= 0 and ${t.energyTce} >= 0 and ${t.leaders} >= 0`)],
);

/**
 * A counter every change to the data the metrics read moves on (statement triggers), so computed
 * metrics can be cached until the next change.
 */
export const dataVersion = pgTable('data_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
