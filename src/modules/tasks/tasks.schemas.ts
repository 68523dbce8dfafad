/** The tasks-and-meetings API contract (工作任务清单, 专题会议, plan §4.1): schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, Paging } from '../../platform/contract';
import { OWNER_KINDS, SOURCE_KINDS, TASK_ACTIONS, TASK_STATES } from './core/tasks';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const IdParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });
export const MilestoneParamsSchema = Type.Object(
  { id: Id, milestoneId: Id },
  { additionalProperties: false },
);

export const AttendeesSchema = Type.Object(
  {
    departmentIds: Type.Array(Id, { maxItems: 50 }),
    platformIds: Type.Array(Id, { maxItems: 100 }),
    /** Free-text names (e.g. 市政府副秘书长 张某). */
    others: Type.Array(Text(60, 1), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Attendees = Static<typeof AttendeesSchema>;

export const DecisionSchema = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  text: Type.String(),
  /** The tasks made from this decision. */
  taskIds: Type.Array(Type.Integer()),
});
export type Decision = Static<typeof DecisionSchema>;

export const MeetingSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  heldOn: Day,
  host: Type.String(),
  place: Type.String(),
  attendees: AttendeesSchema,
  summary: Type.String(),
  decisions: Type.Array(DecisionSchema),
  taskCount: Type.Integer(),
  version: Type.Integer(),
});
export type Meeting = Static<typeof MeetingSchema>;
export const MeetingListSchema = Type.Object({ items: Type.Array(MeetingSchema) });

export const MeetingWriteSchema = Type.Object(
  {
    title: Text(100, 1),
    heldOn: Day,
    host: Text(60),
    place: Text(100),
    attendees: AttendeesSchema,
    summary: Text(4000),
    /** The decisions in order; on edit, existing decisions keep their ids by position. */
    decisions: Type.Array(Text(1000, 1), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type MeetingWrite = Static<typeof MeetingWriteSchema>;

export const MilestoneSchema = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  title: Type.String(),
  dueOn: Day,
  doneOn: Nullable(Day),
});
export type Milestone = Static<typeof MilestoneSchema>;

export const ProgressSchema = Type.Object({
  id: Type.Integer(),
  reportedOn: Day,
  text: Type.String(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  actorName: Type.String(),
});
export type Progress = Static<typeof ProgressSchema>;

export const SupervisionSchema = Type.Object({
  id: Type.Integer(),
  level: Type.Integer({ minimum: 1, maximum: 2 }),
  supervisedOn: Day,
  note: Type.String(),
  automatic: Type.Boolean(),
  actorName: Type.String(),
});
export type Supervision = Static<typeof SupervisionSchema>;

export const TaskSummarySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'RW-<year>-<four digits>' }),
  title: Type.String(),
  sourceKind: OneOf(SOURCE_KINDS),
  meetingId: Nullable(Type.Integer()),
  meetingTitle: Nullable(Type.String()),
  decisionId: Nullable(Type.Integer()),
  planRef: Nullable(Type.String()),
  ownerKind: OneOf(OWNER_KINDS),
  ownerId: Type.Integer(),
  ownerName: Type.String(),
  ownerNameEn: Type.String(),
  assignedOn: Day,
  dueOn: Day,
  dueWorkingDays: Nullable(Type.Integer()),
  state: OneOf(TASK_STATES),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  completedOn: Nullable(Day),
  reviewedOn: Nullable(Day),
  /** Open and past its deadline (today, China time). */
  overdue: Type.Boolean(),
  /** 0 none; 1 督办; 2 city-level 督办. */
  supervisionLevel: Type.Integer({ minimum: 0, maximum: 2 }),
  version: Type.Integer(),
});
export type TaskSummary = Static<typeof TaskSummarySchema>;

export const TaskDetailSchema = Type.Object({
  ...TaskSummarySchema.properties,
  description: Type.String(),
  reviewNote: Nullable(Type.String()),
  milestones: Type.Array(MilestoneSchema),
  progress: Type.Array(ProgressSchema),
  supervisions: Type.Array(SupervisionSchema),
  /** The steps the caller may take now. */
  actions: Type.Array(OneOf(TASK_ACTIONS)),
});
export type TaskDetail = Static<typeof TaskDetailSchema>;

const filters = {
  state: Type.Optional(OneOf(TASK_STATES)),
  ownerKind: Type.Optional(OneOf(OWNER_KINDS)),
  ownerId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  meetingId: Type.Optional(Id),
  /** Only tasks owned by the platforms the calling city leader is paired with (我联系的平台). */
  paired: Type.Optional(Type.Boolean()),
};
export const TaskListQuerySchema = Type.Object({ ...filters, ...Paging }, { additionalProperties: false });
export type TaskFilters = Omit<Static<typeof TaskListQuerySchema>, 'page' | 'pageSize' | 'paired'> & {
  platformIds?: number[];
};
export type TaskQuery = Static<typeof TaskListQuerySchema> & { page: number; pageSize: number };

export const TaskListSchema = Type.Object({
  items: Type.Array(TaskSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type TaskList = Static<typeof TaskListSchema>;

export const TaskCreateSchema = Type.Object(
  {
    title: Text(100, 1),
    description: Text(4000),
    sourceKind: OneOf(SOURCE_KINDS),
    /** For `meeting`: the decision the task comes from. */
    decisionId: Type.Optional(Id),
    /** For `plan`: the plan section, e.g. §3.3. */
    planRef: Type.Optional(Text(40, 1)),
    ownerKind: OneOf(OWNER_KINDS),
    ownerId: Id,
    /** The deadline as a date … */
    dueOn: Type.Optional(Day),
    /** … or as N working days from today (the working-day calendar). */
    dueWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
    milestones: Type.Optional(
      Type.Array(Type.Object({ title: Text(100, 1), dueOn: Day }, { additionalProperties: false }), {
        maxItems: 20,
      }),
    ),
  },
  { additionalProperties: false },
);
export type TaskCreate = Static<typeof TaskCreateSchema>;

/** A step: `version` is the one read. */
export const TaskStepSchema = Type.Object(
  {
    version: Type.Integer(),
    /** The progress text, the reason to return, the review or supervision note. */
    note: Type.Optional(Text(2000)),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    /** For `milestone`: which one. */
    milestoneId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type TaskStep = Static<typeof TaskStepSchema>;

export const PairingSchema = Type.Object({
  id: Type.Integer(),
  leaderUserId: Type.Integer(),
  leaderName: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  fromOn: Day,
  toOn: Nullable(Day),
});
export type Pairing = Static<typeof PairingSchema>;
export const PairingListSchema = Type.Object({
  items: Type.Array(PairingSchema),
  /** The city-leader accounts, for the picker. */
  leaders: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
});
export const PairingCreateSchema = Type.Object(
  { leaderUserId: Id, platformId: Id, fromOn: Day },
  { additionalProperties: false },
);
export type PairingCreate = Static<typeof PairingCreateSchema>;
export const PairingEndSchema = Type.Object({ toOn: Day }, { additionalProperties: false });

/** A city leader's paired platforms with their open requests and tasks (the home card). */
export const MyPlatformsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      platformId: Type.Integer(),
      platformName: Type.String(),
      platformNameEn: Type.String(),
      openRequests: Type.Integer(),
      openTasks: Type.Integer(),
      overdueTasks: Type.Integer(),
    }),
  ),
});
export type MyPlatforms = Static<typeof MyPlatformsSchema>;

export const DepartmentUsersSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      displayName: Type.String(),
      active: Type.Boolean(),
    }),
  ),
});
