import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ObjectionStatus } from '../../../modules/evaluation/objections/core/objections';
import type { RunStatus } from '../../../modules/evaluation/runs/core/workflow';
import { enterprises } from './enterprises';

/**
 * Evaluation methods (domain guide §5): versioned JSON documents. Insert-only: an edit is a new
 * version of the same key, so every run keeps the exact method it used (a trigger refuses changes).
 */
export const evaluationMethods = pgTable(
  'evaluation_methods',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    /** SHA-256 of the canonical JSON of the definition. */
    hash: text('hash').notNull(),
    /** The preset or method version this one was cloned from. */
    basedOn: text('based_on'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_methods_key_version').on(t.key, t.version)],
);

/** One evaluation of one year with one method version; versions per year count 1, 2, 3 … */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    methodId: integer('method_id')
      .notNull()
      .references(() => evaluationMethods.id),
    status: text('status').$type<RunStatus>().notNull().default('draft'),
    /** Why this version exists (required for a correction of a noticed or published run). */
    reason: text('reason').notNull().default(''),
    /** SHA-256 over the input figures, in enterprise order: same hash + same method → same results. */
    inputHash: text('input_hash').notNull(),
    /** Cohort summaries (benchmarks, ranges, class counts), counts left out. */
    summary: jsonb('summary').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    noticeStartedAt: timestamp('notice_started_at', { withTimezone: true }),
    noticeEndsOn: date('notice_ends_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by'),
    /** Published before `noticeEndsOn`: the day the notice actually ended (China time). */
    noticeEndedOn: date('notice_ended_on'),
    /** Why the notice was ended early (required with `noticeEndedOn`). */
    earlyEndReason: text('early_end_reason'),
    supersededBy: integer('superseded_by'),
  },
  (t) => [
    uniqueIndex('evaluation_runs_year_version').on(t.year, t.version),
    check('evaluation_runs_status_valid', sql`${t.status} in ('draft','notice','published','superseded')`),
    check(
      'evaluation_runs_early_end_reason',
      sql`${t.noticeEndedOn} is null or length(btrim(coalesce(${t.earlyEndReason}, ''))) > 0`,
    ),
  ],
);

/** One enterprise's result in one run: the score, its explanation and what the policies mean. */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    // No foreign keys here: a run writes 100,000 rows at once, and per-row RI triggers would
    // dominate it. Results are written only by the run in the same transaction, for enterprises
    // it has just read, and go only with their draft run (or the generated demo city).
    runId: integer('run_id').notNull(),
    enterpriseId: integer('enterprise_id').notNull(),
    /** The enterprise's platform when the run was made. */
    platformId: integer('platform_id').notNull(),
    industryClass: text('industry_class'),
    cohort: text('cohort').notNull(),
    status: text('status').$type<'rated' | 'unrated' | 'merged'>().notNull(),
    score: numeric('score', { mode: 'number' }),
    rank: integer('rank'),
    cohortSize: integer('cohort_size').notNull(),
    topPercent: numeric('top_percent', { mode: 'number' }),
    class: text('class'),
    policyClass: text('policy_class'),
    /** Land, tax and value added as evaluated: the roll-ups sum these. */
    landMu: numeric('land_mu', { mode: 'number' }),
    tax: numeric('tax', { mode: 'number' }),
    valueAdded: numeric('value_added', { mode: 'number' }),
    /** Data-quality flags, e.g. missing:value_added_per_emission, no_land. */
    flags: text('flags').array().notNull(),
    surchargeYuan: numeric('surcharge_yuan', { mode: 'number' }),
    reliefYuan: numeric('relief_yuan', { mode: 'number' }),
    /**
     * Items, adjustments, figures and policies in a compact form (core/storage.ts), as json text:
     * written once per firm and read whole, so jsonb's parsing on every write buys nothing.
     */
    detail: json('detail').notNull(),
  },
  (t) => [
    // One index: each is maintained row by row on the 100,000-row write. A run writes its rows in
    // key order (the key grows at its right edge); a run's reads use the run_id prefix, an
    // enterprise's history the key run by run.
    primaryKey({ columns: [t.runId, t.enterpriseId] }),
  ],
);

/** 异议: an enterprise disputes its result during the public notice; the task force decides. */
export const evaluationObjections = pgTable(
  'evaluation_objections',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    reason: text('reason').notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('pending'),
    filedBy: integer('filed_by').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('evaluation_objections_run').on(t.runId, t.status),
    check('evaluation_objections_status_valid', sql`${t.status} in ('pending','accepted','rejected')`),
  ],
);
