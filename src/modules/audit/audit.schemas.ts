/** The audit trail API contract: filters, the page of rows and their types. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, PageOf, Paging } from '../../platform/contract';
import { AUDIT_RESULTS } from './core/audit';

/** A calendar day, YYYY-MM-DD (Beijing time). */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const filters = {
  action: Type.Optional(Type.String({ maxLength: 64 })),
  username: Type.Optional(Type.String({ maxLength: 100 })),
  result: Type.Optional(OneOf(AUDIT_RESULTS)),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  /** One object's history: its type (`core/actions.ts`) and its id as recorded. */
  objectType: Type.Optional(Type.String({ maxLength: 64 })),
  objectId: Type.Optional(Type.String({ maxLength: 200 })),
};

export const AuditFilterSchema = Type.Object(filters, { additionalProperties: false });
/** Which rows: by action, user name, result, object and a range of days (both ends included). */
export type AuditFilter = Static<typeof AuditFilterSchema>;

export const AuditListQuerySchema = Type.Object({ ...filters, ...Paging }, { additionalProperties: false });
export type AuditListQuery = Static<typeof AuditListQuerySchema>;
/** The list query with its defaults applied, as the repository receives it. */
export type AuditQuery = AuditFilter & { page: number; pageSize: number };

export const AuditObjectSchema = Type.Object({
  /** The object's name as stored now (an enterprise's name, an account's display name …). */
  name: Nullable(Type.String()),
  /** Its English name where the record has one. */
  nameEn: Nullable(Type.String()),
  /** Its code: USCC, user name, method key and version, run year and version … */
  code: Nullable(Type.String()),
  /** What its page is opened with (route parameters and query), e.g. `{ id: "12" }`. */
  params: Type.Record(Type.String(), Type.String()),
});
/** An audit row's object as it reads today, resolved on the server. */
export type AuditObject = Static<typeof AuditObjectSchema>;

export const AuditRecordSchema = Type.Object({
  id: Type.Integer(),
  /** ISO 8601 timestamp (UTC). */
  at: Type.String(),
  userId: Nullable(Type.Integer()),
  username: Nullable(Type.String()),
  /** The acting account's display name (null for a name that matches no account). */
  actorName: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  /** The object by name and code; null when there is none or it no longer exists. */
  object: Nullable(AuditObjectSchema),
  result: OneOf(AUDIT_RESULTS),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
/** One row of the audit trail, as the API answers it. */
export type AuditRecord = Static<typeof AuditRecordSchema>;

export const AuditPageSchema = PageOf(AuditRecordSchema);

export const ChainReportSchema = Type.Object({
  /** True when every hashed row follows its predecessor and still gives its hash. */
  ok: Type.Boolean(),
  /** Rows whose link and hash were checked. */
  checked: Type.Integer(),
  /** Rows written before the chain began (no hash), at the start of the trail. */
  legacy: Type.Integer(),
  /** The first broken link: the row, its time, and why. */
  broken: Nullable(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      reason: OneOf(['hash_mismatch', 'link_mismatch', 'unsealed'] as const),
    }),
  ),
  /** The hash the oldest remaining row follows (the last purged row's, or 64 zeros). */
  anchor: Type.String(),
});
/** The verifier's answer (`yiyuan audit verify`, 校验审计日志). */
export type ChainReport = Static<typeof ChainReportSchema>;

export const AuditActorSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
});
/** An account the actor filter offers. */
export type AuditActor = Static<typeof AuditActorSchema>;
export const AuditActorListSchema = Type.Array(AuditActorSchema);
