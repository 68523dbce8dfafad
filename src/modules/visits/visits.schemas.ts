/** The visits contract (走访, domain guide §10): visits, their problems, coverage. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging } from '../../platform/contract';
import {
  NOTES_MAX,
  PARTICIPANTS_MAX,
  PROBLEM_CATEGORIES,
  PROBLEM_TEXT_MAX,
  PROBLEMS_MAX,
  VISIT_STATUSES,
  VISITOR_KINDS,
} from './core/codes';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const DayPattern = '^\\d{4}-\\d{2}-\\d{2}$';
const Day = Type.String({ pattern: DayPattern, description: 'YYYY-MM-DD (China time)' });

export const VisitProblemSchema = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  category: OneOf(PROBLEM_CATEGORIES),
  requestId: Nullable(Type.Integer({ description: 'The service request raised from it, if any' })),
});

export const VisitSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  status: OneOf(VISIT_STATUSES),
  plannedOn: Type.String(),
  doneOn: Nullable(Type.String()),
  visitorKind: OneOf(VISITOR_KINDS),
  visitorUserId: Nullable(Type.Integer()),
  visitorName: Nullable(Type.String()),
  participants: Type.String(),
  notes: Type.String(),
  problems: Type.Array(VisitProblemSchema),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Visit = Static<typeof VisitSchema>;

export const VisitListQuerySchema = Type.Object(
  {
    enterpriseId: Type.Optional(Id),
    platformId: Type.Optional(Id),
    visitorUserId: Type.Optional(Id),
    status: Type.Optional(OneOf(VISIT_STATUSES)),
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    /** Planned or done on or after / before these days. */
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    ...Paging,
  },
  { additionalProperties: false },
);
export type VisitListQuery = Static<typeof VisitListQuerySchema>;
export const VisitListSchema = PageOf(VisitSchema);
export type VisitList = Static<typeof VisitListSchema>;

const ProblemInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: PROBLEM_TEXT_MAX }),
    category: OneOf(PROBLEM_CATEGORIES),
  },
  { additionalProperties: false },
);

const visitFields = {
  status: OneOf(VISIT_STATUSES),
  plannedOn: Day,
  doneOn: Type.Optional(Type.Union([Day, Type.Null()])),
  visitorKind: OneOf(VISITOR_KINDS),
  visitorUserId: Type.Optional(Type.Union([Id, Type.Null()])),
  participants: Type.Optional(Type.String({ maxLength: PARTICIPANTS_MAX })),
  notes: Type.Optional(Type.String({ maxLength: NOTES_MAX })),
  problems: Type.Optional(Type.Array(ProblemInput, { maxItems: PROBLEMS_MAX })),
};

export const VisitCreateSchema = Type.Object(
  { enterpriseId: Id, ...visitFields },
  { additionalProperties: false },
);
export type VisitCreate = Static<typeof VisitCreateSchema>;
/** The whole visit again (problems replace the old list; ones already raised as requests stay). */
export const VisitUpdateSchema = Type.Object(
  { ...visitFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type VisitUpdate = Static<typeof VisitUpdateSchema>;

export const CoverageQuerySchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  },
  { additionalProperties: false },
);
export type CoverageQuery = Static<typeof CoverageQuerySchema>;

const counts = {
  assigned: Type.Integer({ description: 'Enterprises currently assigned' }),
  visited: Type.Integer({ description: 'Of those, with a done visit in the period' }),
  share: Nullable(Type.Number({ description: 'visited / assigned (0–1); null when none assigned' })),
};
export const CoverageSchema = Type.Object({
  year: Type.Integer(),
  quarter: Nullable(Type.Integer()),
  from: Type.String(),
  to: Type.String(),
  commissioners: Type.Array(
    Type.Object({
      commissionerUserId: Type.Integer(),
      name: Type.String(),
      ...counts,
    }),
  ),
  platforms: Type.Array(Type.Object({ platformId: Type.Integer(), name: Type.String(), ...counts })),
  total: Type.Object(counts),
});
export type CoverageReport = Static<typeof CoverageSchema>;
