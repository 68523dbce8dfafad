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
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { platforms } from './platforms';
import { departments } from './requests';

/**
 * Topic meetings of the task force (专题会议, plan §4.1): who met, where, what was decided. Each
 * decision (决定事项) is a row that can become a task.
 */
export const meetings = pgTable('meetings', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  host: text('host').notNull().default(''),
  place: text('place').notNull().default(''),
  /** `{ departmentIds: number[], platformIds: number[], others: string[] }`. */
  attendees: jsonb('attendees').notNull().default({}),
  summary: text('summary').notNull().default(''),
  createdBy: integer('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId, t.seq)],
);

/** Work tasks (工作任务清单): from a meeting decision or a plan measure, owned by a department or a platform. */
export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    /** RW-<year>-<four digits>. */
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** `meeting`: a meeting decision; `plan`: a measure of the plan (`plan_ref`, e.g. §3.3). */
    sourceKind: text('source_kind').notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id),
    decisionId: integer('decision_id').references(() => meetingDecisions.id),
    planRef: text('plan_ref'),
    ownerKind: text('owner_kind').notNull(),
    ownerDepartmentId: integer('owner_department_id').references(() => departments.id),
    ownerPlatformId: integer('owner_platform_id').references(() => platforms.id),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The deadline was given as N working days after `assigned_on` (null: a date). */
    dueWorkingDays: integer('due_working_days'),
    state: text('state').notNull().default('received'),
    percent: integer('percent').notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewNote: text('review_note'),
    /** 0 none; 1 督办; 2 city-level 督办 (more than 3 working days late). */
    supervisionLevel: integer('supervision_level').notNull().default(0),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_meeting_idx').on(t.meetingId),
    index('tasks_department_idx').on(t.ownerDepartmentId),
    index('tasks_platform_idx').on(t.ownerPlatformId),
    index('tasks_due_idx').on(t.dueOn),
    check(
      'tasks_state_valid',
      sql`${t.state} in ('received','in_progress','completed','completed_late','reviewed')`,
    ),
    check(
      'tasks_source',
      sql`(${t.sourceKind} = 'meeting' and ${t.meetingId} is not null) or (${t.sourceKind} = 'plan' and ${t.planRef} is not null)`,
    ),
    check(
      'tasks_owner',
      sql`(${t.ownerKind} = 'department' and ${t.ownerDepartmentId} is not null and ${t.ownerPlatformId} is null)
        or (${t.ownerKind} = 'platform' and ${t.ownerPlatformId} is not null and ${t.ownerDepartmentId} is null)`,
    ),
    check('tasks_percent', sql`${t.percent} between 0 and 100`),
    check('tasks_supervision', sql`${t.supervisionLevel} between 0 and 2`),
  ],
);

export const taskMilestones = pgTable(
  'task_milestones',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('task_milestones_task_idx').on(t.taskId, t.seq)],
);

/** Progress reports by the owner (进展报送). */
export const taskProgress = pgTable(
  'task_progress',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('task_progress_task_idx').on(t.taskId, t.id),
    check('task_progress_percent', sql`${t.percent} between 0 and 100`),
  ],
);

/** Supervision records (督办): raised on read for overdue open tasks, or by hand (督办提醒). */
export const taskSupervisions = pgTable(
  'task_supervisions',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    level: integer('level').notNull(),
    supervisedOn: date('supervised_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    /** Raised by the system on read (true) or by the task force (false). */
    automatic: boolean('automatic').notNull().default(false),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('task_supervisions_task_idx').on(t.taskId, t.id),
    check('task_supervisions_level', sql`${t.level} between 1 and 2`),
  ],
);

/** City leaders paired with key platforms (市领导联系重点产业平台), dated: `to_on` null = current. */
export const leaderPlatforms = pgTable(
  'leader_platforms',
  {
    id: serial('id').primaryKey(),
    leaderUserId: integer('leader_user_id')
      .notNull()
      .references(() => users.id),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leader_platforms_leader_idx').on(t.leaderUserId),
    check('leader_platforms_dates', sql`${t.toOn} is null or ${t.toOn} >= ${t.fromOn}`),
  ],
);
