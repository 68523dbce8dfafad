/** The contract of evaluation runs: a year scored with a method version, and its workflow. */
import { Type, type Static } from 'typebox';
import { errorResponses, IdParams, Nullable } from '../../../platform/http';
import type { Method } from '../core/method';
import type { EvaluationOutcome } from '../core/score';
import { JsonOf, StringEnum, tags, Year } from '../evaluation.schemas';
import { RUN_STATUSES } from './core/workflow';

/** What a run keeps about its outcome (besides the results). */
export interface RunSummary {
  cohorts: EvaluationOutcome['cohorts'];
  excluded: EvaluationOutcome['excluded'];
  evaluated: number;
  /** Evaluated firms whose figures are unconfirmed, or flagged by the enterprise and unresolved. */
  dataQuality?: { unconfirmed: number; flagged: number };
  /** Milliseconds per phase of the run (read, score, write with COPY). */
  timings?: { readMs: number; scoreMs: number; writeMs: number };
}

export const Run = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  version: Type.Integer(),
  methodId: Type.Integer(),
  methodKey: Type.String(),
  methodVersion: Type.Integer(),
  methodName: Type.String(),
  /** The method's English name ('' when it has none). */
  methodNameEn: Type.String(),
  status: StringEnum(RUN_STATUSES),
  reason: Type.String(),
  inputHash: Type.String(),
  summary: JsonOf<RunSummary>(),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  noticeStartedAt: Nullable(Type.String()),
  noticeEndsOn: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  publishedByName: Nullable(Type.String({ description: 'Who published the run' })),
  noticeEndedOn: Nullable(
    Type.String({ description: 'Published before noticeEndsOn: the day the notice actually ended' }),
  ),
  earlyEndReason: Nullable(Type.String({ description: 'Why the notice was ended early' })),
  supersededBy: Nullable(Type.Integer()),
  pendingObjections: Type.Integer(),
});
export type Run = Static<typeof Run>;

export const RunDetail = Type.Object({ ...Run.properties, method: JsonOf<Method>() });
export type RunDetail = Static<typeof RunDetail>;

export const RunsQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });

export const CreateRunBody = Type.Object(
  {
    year: Year,
    methodId: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateRunBody = Static<typeof CreateRunBody>;

/** A run to make: the CLI may name the method by key (its latest version; presets on demand). */
export interface RunRequest {
  year: number;
  /** A method version id, or a method key. */
  method: number | string;
  reason?: string;
}

export const NoticeBody = Type.Object(
  { workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })) },
  { additionalProperties: false },
);

export const PublishBody = Type.Object(
  { earlyReason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;

export const listRunsRoute = {
  tags,
  summary: 'Evaluation runs / 评价批次',
  querystring: RunsQuery,
  response: { 200: Type.Array(Run), ...errorResponses },
};

export const createRunRoute = {
  tags,
  summary: 'Run an evaluation for a year with a method version (a draft) / 开始评价',
  body: CreateRunBody,
  response: { 201: Run, ...errorResponses },
};

export const getRunRoute = {
  tags,
  summary: 'One run with its method / 评价批次详情',
  params: IdParams,
  response: { 200: RunDetail, ...errorResponses },
};

export const discardRunRoute = {
  tags,
  summary: 'Discard a draft run / 删除草稿',
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses },
};

export const startNoticeRoute = {
  tags,
  summary: 'Start the public notice (公示) / 开始公示',
  params: IdParams,
  body: NoticeBody,
  response: { 200: RunDetail, ...errorResponses },
};

export const publishRoute = {
  tags,
  summary: 'Publish (final, immutable); before the notice ends only with a reason / 正式发布',
  params: IdParams,
  body: PublishBody,
  response: { 200: RunDetail, ...errorResponses },
};
