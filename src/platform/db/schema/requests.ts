import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, enterprises } from './enterprises';
import { platforms } from './platforms';

/**
 * The task force's member departments (市发改委 leads; 经信局, 科技局, 财政局 …) and district
 * governments: data the task force edits. Requests are handed to them; department users belong to
 * one.
 */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** The short name (简称), e.g. 发改委. */
    shortName: text('short_name').notNull().default(''),
    /** `city`: a city department; `district`: a district (county) government. */
    kind: text('kind').notNull().default('city'),
    /** The lead department of the task force (市发改委). */
    isLead: boolean('is_lead').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('departments_code_unique').on(t.code),
    check('departments_kind_valid', sql`${t.kind} in ('city','district')`),
  ],
);

/** The request categories and their deadlines in working days (editable list, domain guide §10). */
export const requestCategories = pgTable(
  'request_categories',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    slaSimpleDays: integer('sla_simple_days').notNull().default(1),
    slaComplexDays: integer('sla_complex_days').notNull().default(3),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'request_categories_sla',
      sql`${t.slaSimpleDays} between 1 and 60 and ${t.slaComplexDays} between 1 and 60`,
    ),
  ],
);

/** Enterprise requests (企业诉求): the closed loop of domain guide §10. */
export const requests = pgTable(
  'requests',
  {
    id: serial('id').primaryKey(),
    /** QS-<year>-<six digits>. */
    code: text('code').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's platform when raised. */
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    category: text('category')
      .notNull()
      .references(() => requestCategories.code),
    title: text('title').notNull(),
    description: text('description').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    raisedBy: integer('raised_by'),
    raisedByName: text('raised_by_name').notNull().default(''),
    channel: text('channel').notNull(),
    complexity: text('complexity').notNull().default('simple'),
    state: text('state').notNull().default('submitted'),
    /** The state before a suspension (where `resume` returns). */
    suspendedFrom: text('suspended_from'),
    suspendedOn: date('suspended_on', { mode: 'string' }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    assigneeKind: text('assignee_kind'),
    assigneeDepartmentId: integer('assignee_department_id').references(() => departments.id),
    assigneePlatformId: integer('assignee_platform_id').references(() => platforms.id),
    /** 0 none; 1 platform-level 督办; 2 city-level 督办. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** The enterprise was a confirmed chain leader when the request was raised. */
    chainLeader: boolean('chain_leader').notNull().default(false),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    answer: text('answer'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requests_code_unique').on(t.code),
    index('requests_enterprise_idx').on(t.enterpriseId),
    index('requests_platform_idx').on(t.platformId),
    index('requests_received_idx').on(t.receivedOn),
    index('requests_department_idx').on(t.assigneeDepartmentId),
    check(
      'requests_state_valid',
      sql`${t.state} in ('submitted','accepted','assigned','in_progress','answered','closed','rated','suspended')`,
    ),
    check(
      'requests_channel_valid',
      sql`${t.channel} in ('enterprise','commissioner','platform','task_force')`,
    ),
    check('requests_complexity_valid', sql`${t.complexity} in ('simple','complex')`),
    check('requests_urgency_valid', sql`${t.urgency} in ('normal','urgent')`),
    check(
      'requests_rating_valid',
      sql`${t.rating} is null or ${t.rating} in ('satisfied','basically_satisfied','dissatisfied')`,
    ),
    check(
      'requests_assignee',
      sql`(${t.assigneeKind} is null and ${t.assigneeDepartmentId} is null and ${t.assigneePlatformId} is null)
        or (${t.assigneeKind} = 'department' and ${t.assigneeDepartmentId} is not null and ${t.assigneePlatformId} is null)
        or (${t.assigneeKind} = 'platform' and ${t.assigneePlatformId} is not null and ${t.assigneeDepartmentId} is null)`,
    ),
    check('requests_escalation', sql`${t.escalationLevel} between 0 and 2`),
  ],
);

/** A request's timeline: every step, who, when, from which state to which, with its note. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** `create`, an action of the state machine, or `escalate`. */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    /** Assignee, due-date, rating or escalation changes of the step. */
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.id)],
);

/** Files attached to a request (type checked by their bytes, 10 MB at most each). */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);
