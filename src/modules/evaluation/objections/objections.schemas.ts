/** The contract of objections: filed by an enterprise during the notice, decided by the task force. */
import { Type, type Static } from 'typebox';
import { errorResponses, IdParams, Nullable } from '../../../platform/http';
import { StringEnum, tags } from '../evaluation.schemas';
import { DECISIONS, OBJECTION_STATUSES } from './core/objections';

export const Objection = Type.Object({
  id: Type.Integer(),
  runId: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  reason: Type.String(),
  status: StringEnum(OBJECTION_STATUSES),
  filedBy: Type.Integer(),
  filedAt: Type.String(),
  decisionReason: Nullable(Type.String()),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
});
export type Objection = Static<typeof Objection>;
export type ObjectionStatus = Objection['status'];

export const FileObjectionBody = Type.Object(
  { reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { decision: StringEnum(DECISIONS), reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const listObjectionsRoute = {
  tags,
  summary: 'Objections of a run (scoped) / 异议',
  params: IdParams,
  response: { 200: Type.Array(Objection), ...errorResponses },
};

export const fileObjectionRoute = {
  tags,
  summary: 'An enterprise objects to its result during the notice / 提出异议',
  params: IdParams,
  body: FileObjectionBody,
  response: { 201: Objection, ...errorResponses },
};

export const decideObjectionRoute = {
  tags,
  summary: 'Accept or reject an objection, with a reason / 处理异议',
  params: IdParams,
  body: DecisionBody,
  response: { 200: Objection, ...errorResponses },
};
