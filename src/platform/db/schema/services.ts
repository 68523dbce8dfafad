import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ProblemCategory, VisitorKind, VisitStatus } from '../../../modules/visits/core/codes';
import { users } from './accounts';
import { enterprises } from './enterprises';

/**
 * Enterprise services (domain guide §10). Each enterprise has at most one service commissioner at
 * a time (`ended_on` null = current; a partial unique index guarantees it); a commissioner serves
 * many. Reassigning ends the current row and starts a new one: the rows are the history.
 */
export const commissionerAssignments = pgTable(
  'commissioner_assignments',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    commissionerUserId: integer('commissioner_user_id')
      .notNull()
      .references(() => users.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    assignedBy: integer('assigned_by').references(() => users.id),
    reason: text('reason').notNull().default(''),
    endedBy: integer('ended_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('commissioner_assignments_current_unique')
      .on(t.enterpriseId)
      .where(sql`${t.endedOn} is null`),
    index('commissioner_assignments_commissioner_idx')
      .on(t.commissionerUserId, t.enterpriseId)
      .where(sql`${t.endedOn} is null`),
    index('commissioner_assignments_enterprise_idx').on(t.enterpriseId, t.startedOn),
    check('commissioner_assignments_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A visit (走访) to an enterprise: planned, done or cancelled. */
export const visits = pgTable(
  'visits',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status').$type<VisitStatus>().notNull().default('planned'),
    plannedOn: date('planned_on').notNull(),
    doneOn: date('done_on'),
    visitorKind: text('visitor_kind').$type<VisitorKind>().notNull(),
    visitorUserId: integer('visitor_user_id').references(() => users.id),
    /** Who came along (names, departments), free text. */
    participants: text('participants').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_enterprise_idx').on(t.enterpriseId, t.plannedOn),
    index('visits_done_idx')
      .on(t.doneOn)
      .where(sql`${t.status} = 'done'`),
    index('visits_visitor_idx').on(t.visitorUserId),
    check('visits_status_valid', sql`${t.status} in ('planned','done','cancelled')`),
    check(
      'visits_visitor_kind_valid',
      sql`${t.visitorKind} in ('commissioner','platform_leader','department')`,
    ),
    check('visits_done_has_date', sql`(${t.status} = 'done') = (${t.doneOn} is not null)`),
  ],
);

/**
 * A problem found on a visit. `request_id` will point at the service request (诉求) raised from
 * it; it carries no foreign key until the requests table exists.
 */
export const visitProblems = pgTable(
  'visit_problems',
  {
    id: serial('id').primaryKey(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    text: text('text').notNull(),
    category: text('category').$type<ProblemCategory>().notNull(),
    requestId: integer('request_id'),
  },
  (t) => [
    index('visit_problems_visit_idx').on(t.visitId),
    check(
      'visit_problems_category_valid',
      sql`${t.category} in ('land','energy','finance','talent','policy','approvals','infrastructure','other')`,
    ),
  ],
);
