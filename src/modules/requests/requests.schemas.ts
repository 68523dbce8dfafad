/** The enterprise-requests API contract (企业诉求, domain guide §10): schemas and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, NullableOneOf, OneOf, Paging } from '../../platform/contract';
import { ACTIONS, ASSIGNEE_KINDS, CHANNELS, COMPLEXITIES, RATINGS, STATES, URGENCIES } from './core/requests';
import { ATTACHMENT_TYPES } from './core/attachments';

const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' });

export const RequestIdParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });
export const VisitProblemParamsSchema = Type.Object(
  { id: Id, problemId: Id },
  { additionalProperties: false },
);
export const AttachmentParamsSchema = Type.Object(
  { id: Id, attachmentId: Id },
  { additionalProperties: false },
);

/** A request as listed. */
export const RequestSummarySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'QS-<year>-<six digits>' }),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  category: Type.String(),
  categoryZh: Type.String(),
  categoryEn: Type.String(),
  title: Type.String(),
  urgency: OneOf(URGENCIES),
  channel: OneOf(CHANNELS),
  complexity: OneOf(COMPLEXITIES),
  state: OneOf(STATES),
  receivedOn: Day,
  dueOn: Day,
  closedOn: Nullable(Day),
  /** Closed on or before its due date; null while not closed. */
  onTime: Nullable(Type.Boolean()),
  /** Open and past its due date (today, China time). */
  overdue: Type.Boolean(),
  /** 0 none; 1 platform-level 督办; 2 city-level 督办. */
  escalationLevel: Type.Integer({ minimum: 0, maximum: 2 }),
  /** The enterprise was a confirmed chain leader when the request was raised. */
  chainLeader: Type.Boolean(),
  assigneeKind: NullableOneOf(ASSIGNEE_KINDS),
  assigneeId: Nullable(Type.Integer()),
  assigneeName: Nullable(Type.String()),
  assigneeNameEn: Nullable(Type.String()),
  rating: NullableOneOf(RATINGS),
  version: Type.Integer(),
});
export type RequestSummary = Static<typeof RequestSummarySchema>;

export const RequestEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorName: Type.String(),
  /** create, escalate, or a step of the state machine. */
  step: Type.String(),
  fromState: NullableOneOf(STATES),
  toState: OneOf(STATES),
  note: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type RequestEvent = Static<typeof RequestEventSchema>;

export const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  fileType: OneOf(Object.keys(ATTACHMENT_TYPES) as (keyof typeof ATTACHMENT_TYPES)[]),
  size: Type.Integer({ description: 'bytes' }),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof AttachmentSchema>;

export const RequestDetailSchema = Type.Object({
  ...RequestSummarySchema.properties,
  description: Type.String(),
  raisedByName: Type.String(),
  answer: Nullable(Type.String()),
  ratingComment: Nullable(Type.String()),
  suspendedFrom: NullableOneOf(STATES),
  events: Type.Array(RequestEventSchema),
  attachments: Type.Array(AttachmentSchema),
  /** The steps the caller may take now (the buttons to show). */
  actions: Type.Array(OneOf(ACTIONS)),
});
export type RequestDetail = Static<typeof RequestDetailSchema>;

const filters = {
  year: Type.Optional(Year),
  state: Type.Optional(OneOf(STATES)),
  category: Type.Optional(Code),
  platformId: Type.Optional(Id),
  /** Only the requests handed to this department now. */
  departmentId: Type.Optional(Id),
  /** Only the requests of the enterprises currently assigned to this commissioner. */
  commissionerUserId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  escalated: Type.Optional(Type.Boolean()),
  /** Only chain leaders' requests (true) or only the others (false). */
  chainLeader: Type.Optional(Type.Boolean()),
  /** Only the requests handed to the caller's department or platform. */
  mine: Type.Optional(Type.Boolean()),
  /** Only the requests of the platforms the calling city leader is paired with (我联系的平台). */
  paired: Type.Optional(Type.Boolean()),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
};
export const RequestListQuerySchema = Type.Object({ ...filters, ...Paging }, { additionalProperties: false });
export type RequestFilters = Omit<Static<typeof RequestListQuerySchema>, 'page' | 'pageSize' | 'paired'> & {
  platformIds?: number[];
};
export type RequestQuery = Static<typeof RequestListQuerySchema> & { page: number; pageSize: number };

export const RequestListSchema = Type.Object({
  items: Type.Array(RequestSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type RequestList = Static<typeof RequestListSchema>;

export const RequestCreateSchema = Type.Object(
  {
    /** Required for everyone but an enterprise user (who raises for itself). */
    enterpriseId: Type.Optional(Id),
    category: Code,
    title: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    urgency: Type.Optional(OneOf(URGENCIES)),
  },
  { additionalProperties: false },
);
export type RequestCreate = Static<typeof RequestCreateSchema>;

/** A step's body: the version read, and what the step needs. */
export const StepBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    /** Reason (transfer, suspend), the answer (answer), or an optional remark. */
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    /** accept: the complexity that sets the deadline. */
    complexity: Type.Optional(OneOf(COMPLEXITIES)),
    /** assign / transfer: to whom. */
    assigneeKind: Type.Optional(OneOf(ASSIGNEE_KINDS)),
    assigneeId: Type.Optional(Id),
    /** rate */
    rating: Type.Optional(OneOf(RATINGS)),
  },
  { additionalProperties: false },
);
export type StepBody = Static<typeof StepBodySchema>;

export const MetricsSchema = Type.Object({
  received: Type.Integer(),
  closed: Type.Integer(),
  closureRate: Nullable(Type.Number()),
  closedOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  averageDaysToClose: Nullable(Type.Number({ description: 'working days' })),
  rated: Type.Integer(),
  satisfactionShare: Nullable(Type.Number()),
  overdue: Type.Integer(),
  escalated: Type.Integer(),
});

export const RequestSummaryQuerySchema = Type.Object(
  { year: Type.Optional(Year) },
  { additionalProperties: false },
);
export const RequestStatsSchema = Type.Object({
  year: Type.Integer(),
  ...MetricsSchema.properties,
  /** The province-wide closure rate to compare with (0.9997). */
  provincialBar: Type.Number(),
});
export type RequestStats = Static<typeof RequestStatsSchema>;

const Share = Nullable(Type.Number({ description: 'a share in [0, 1]' }));
export const CoverageCountSchema = Type.Object({
  assigned: Type.Integer(),
  visited: Type.Integer(),
  share: Share,
});
const ServiceFigures = { ...MetricsSchema.properties, coverage: Nullable(CoverageCountSchema) };

/** Service metrics (服务成效) of a year per platform, department and commissioner. */
export const ServiceMetricsSchema = Type.Object({
  year: Type.Integer(),
  platforms: Type.Array(
    Type.Object({
      platformId: Type.Integer(),
      name: Type.String(),
      nameEn: Type.String(),
      ...ServiceFigures,
    }),
  ),
  departments: Type.Array(
    Type.Object({
      departmentId: Type.Integer(),
      name: Type.String(),
      nameEn: Type.String(),
      ...ServiceFigures,
    }),
  ),
  commissioners: Type.Array(
    Type.Object({
      commissionerUserId: Type.Integer(),
      name: Type.String(),
      ...ServiceFigures,
    }),
  ),
  total: Type.Object(ServiceFigures),
});
export type ServiceMetricsReport = Static<typeof ServiceMetricsSchema>;

/** `yiyuan requests --json`: one object per request. */
export interface RequestExportRow {
  id: string;
  uscc: string;
  category: string;
  state: string;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  onTime: boolean | null;
  rating: string | null;
}

export const CategorySchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  slaSimpleDays: Type.Integer(),
  slaComplexDays: Type.Integer(),
  active: Type.Boolean(),
});
export type Category = Static<typeof CategorySchema>;
export const CategoryListSchema = Type.Object({ items: Type.Array(CategorySchema) });
const Sla = Type.Integer({ minimum: 1, maximum: 60 });
export const CategoryWriteSchema = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 40 }),
    nameEn: Type.String({ maxLength: 80 }),
    slaSimpleDays: Sla,
    slaComplexDays: Sla,
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CategoryWrite = Static<typeof CategoryWriteSchema>;
export const CategoryCreateSchema = Type.Object(
  { code: Code, ...CategoryWriteSchema.properties },
  { additionalProperties: false },
);
export type CategoryCreate = Static<typeof CategoryCreateSchema>;
export const CategoryParamsSchema = Type.Object({ code: Code }, { additionalProperties: false });

export const DEPARTMENT_KINDS = ['city', 'district'] as const;
export const DepartmentSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** The short name (简称), e.g. 发改委. */
  shortName: Type.String(),
  kind: OneOf(DEPARTMENT_KINDS),
  isLead: Type.Boolean(),
  active: Type.Boolean(),
});
export type Department = Static<typeof DepartmentSchema>;
export const DepartmentListSchema = Type.Object({ items: Type.Array(DepartmentSchema) });
export const DepartmentWriteSchema = Type.Object(
  {
    code: Code,
    nameZh: Type.String({ minLength: 1, maxLength: 60 }),
    nameEn: Type.String({ maxLength: 120 }),
    shortName: Type.Optional(Type.String({ maxLength: 20 })),
    kind: OneOf(DEPARTMENT_KINDS),
    /** The lead department of the task force. */
    isLead: Type.Optional(Type.Boolean()),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DepartmentWrite = Static<typeof DepartmentWriteSchema>;
export const DepartmentParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });
