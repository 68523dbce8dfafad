/** The service-commissioner contract (服务专员, domain guide §10): assignments, history, import. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging } from '../../platform/contract';
import { SCALES } from '../enterprises/core/codes';
import { REASON_MAX_LENGTH } from './core/assignments';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Day = Type.String({ description: 'YYYY-MM-DD (China time)' });

/** A commissioner account (role `commissioner`) the actor may assign. */
export const CommissionerSchema = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  platformId: Nullable(Type.Integer({ description: 'The platform the commissioner belongs to; null: city' })),
  platformName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  assigned: Type.Integer({ description: 'Enterprises currently assigned' }),
});
export type Commissioner = Static<typeof CommissionerSchema>;
export const CommissionerListSchema = Type.Array(CommissionerSchema);

/** The current commissioner of an enterprise. */
export const CurrentAssignmentSchema = Type.Object({
  id: Type.Integer(),
  commissionerUserId: Type.Integer(),
  commissionerName: Type.String(),
  commissionerUsername: Type.String(),
  startedOn: Day,
});

/** An enterprise in scope with its current commissioner (or none). */
export const AssignmentRowSchema = Type.Object({
  enterpriseId: Type.Integer(),
  name: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  industryClass: Nullable(Type.String()),
  scale: OneOf(SCALES),
  current: Type.Union([CurrentAssignmentSchema, Type.Null()]),
});
export type AssignmentRow = Static<typeof AssignmentRowSchema>;

const filters = {
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  platformId: Type.Optional(Id),
  /** Industry class prefix (GB/T 4754). */
  industryClass: Type.Optional(Type.String({ maxLength: 8 })),
  scale: Type.Optional(OneOf(SCALES)),
  commissionerUserId: Type.Optional(Id),
  /** Only enterprises without a current commissioner. */
  unassigned: Type.Optional(Type.Boolean()),
};

export const AssignmentFilterSchema = Type.Object(filters, { additionalProperties: false });
export type AssignmentFilter = Static<typeof AssignmentFilterSchema>;

export const AssignmentListQuerySchema = Type.Object(
  { ...filters, ...Paging },
  { additionalProperties: false },
);
export type AssignmentListQuery = Static<typeof AssignmentListQuerySchema>;
export const AssignmentListSchema = PageOf(AssignmentRowSchema);
export type AssignmentList = Static<typeof AssignmentListSchema>;

export const EnterpriseParamsSchema = Type.Object({ enterpriseId: Id }, { additionalProperties: false });

const Reason = Type.Optional(Type.String({ maxLength: REASON_MAX_LENGTH }));

/** Assign (or reassign) one enterprise; `commissionerUserId` null ends the current assignment. */
export const AssignBodySchema = Type.Object(
  { commissionerUserId: Type.Union([Id, Type.Null()]), reason: Reason },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBodySchema>;

/** One row of an enterprise's history (newest first). */
export const HistoryItemSchema = Type.Object({
  id: Type.Integer(),
  commissionerUserId: Type.Integer(),
  commissionerName: Type.String(),
  commissionerUsername: Type.String(),
  startedOn: Day,
  endedOn: Nullable(Day),
  assignedByName: Nullable(Type.String()),
  reason: Type.String(),
});
export type HistoryItem = Static<typeof HistoryItemSchema>;
export const HistorySchema = Type.Object({
  enterpriseId: Type.Integer(),
  current: Type.Union([HistoryItemSchema, Type.Null()]),
  items: Type.Array(HistoryItemSchema),
});
export type History = Static<typeof HistorySchema>;

/** Bulk: every enterprise matching the filter goes to one commissioner. */
export const BulkBodySchema = Type.Object(
  { filter: AssignmentFilterSchema, commissionerUserId: Id, reason: Reason },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBodySchema>;
export const BulkPreviewSchema = Type.Object({
  matching: Type.Integer({ description: 'Enterprises the filter matches' }),
  changing: Type.Integer({ description: 'Of those, not already with that commissioner' }),
});
export type BulkPreview = Static<typeof BulkPreviewSchema>;
export const BulkPreviewQuerySchema = Type.Object(
  { ...filters, to: Type.Optional(Id) },
  { additionalProperties: false, description: '`to`: the commissioner the enterprises would go to' },
);
export type BulkPreviewQuery = Static<typeof BulkPreviewQuerySchema>;
export const AssignResultSchema = Type.Object({
  assigned: Type.Integer({ description: 'Assignments started' }),
  ended: Type.Integer({ description: 'Current assignments ended' }),
  unchanged: Type.Integer(),
});
export type AssignResult = Static<typeof AssignResultSchema>;

/** An import applies all rows or none: with problems it is refused (400, each row named). */
export const ImportResultSchema = Type.Object({
  rows: Type.Integer(),
  assigned: Type.Integer(),
  ended: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResultSchema>;

export const WorkbookFileSchema = Type.String({ format: 'binary', description: 'An .xlsx workbook' });
