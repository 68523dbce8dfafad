import type { Database, Db, Tx } from '../../platform/db/client';
import type { PlatformScope } from '../../platform/scope';
import { fail, forbidden } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { coverage, periodOf } from './core/coverage';
import { checkVisitDates, visitorOf } from './core/rules';
import * as repo from './visits.repository';
import type {
  CoverageQuery,
  CoverageReport,
  Visit,
  VisitCreate,
  VisitList,
  VisitListQuery,
  VisitUpdate,
} from './visits.schemas';

export type { ProblemForRequest, VisitRow } from './visits.repository';

function require(actor: Actor, permission: Permission) {
  if (!can(actor, permission)) forbidden(permission);
}

/**
 * Inserts many visits in the caller's transaction with one audit row, the rules checked by the
 * caller: the demo city's year of visits comes through here (the same insert as a recorded visit).
 */
export async function insertVisitsIn(
  tx: Tx,
  subject: AuditSubject,
  visits: repo.VisitRow[],
): Promise<number> {
  const ids = await repo.insertVisits(tx, visits);
  await recordAudit(tx, subject, {
    action: 'visit.seed',
    result: 'success',
    objectType: 'visit',
    detail: { visits: ids.length, done: visits.filter((v) => v.status === 'done').length },
  });
  return ids.length;
}

/** Current assignments in scope and the done visits of a year (the service metrics' coverage). */
export function coverageDataIn(db: Db | Tx, scope: PlatformScope, year: number) {
  const period = periodOf(year);
  return repo.coverageData(db, scope, period.from, period.to);
}

/** A problem of a visit in scope, locked, to turn into a request (the requests service does). */
export const problemForRequestIn = (tx: Tx, scope: PlatformScope, visitId: number, problemId: number) =>
  repo.problemForRequest(tx, scope, visitId, problemId);

/** Links problems to the requests raised from them, in the caller's transaction. */
export const linkProblemsIn = (tx: Tx, links: { problemId: number; requestId: number }[]) =>
  repo.linkProblems(tx, links);

/** Demo: done visits' problems not yet raised as requests. */
export const openProblemsIn = (tx: Tx) => repo.openProblems(tx);

/** The demo city's current assignments (enterprise → commissioner). */
export const currentAssignmentsIn = (tx: Tx) => repo.currentAssignments(tx);

type Fields = Omit<VisitCreate, 'enterpriseId'>;

export function createVisitService(database: Database) {
  const { db } = database;

  /** The row to write: dates checked, visitor decided (a commissioner: itself only). */
  function rowOf(
    actor: Actor,
    input: Fields,
    commissioner: number | null,
    today: string,
  ): Omit<repo.VisitRow, 'enterpriseId' | 'createdBy'> {
    const doneOn = input.doneOn ?? null;
    const problems = checkVisitDates({ status: input.status, plannedOn: input.plannedOn, doneOn }, today);
    const visitor = visitorOf(actor, input, commissioner);
    if (!visitor)
      problems.push({
        field: 'visitorKind',
        code: 'OWN_VISITS_ONLY',
        zh: '服务专员只能登记本人的走访',
        en: 'A commissioner records its own visits only',
      });
    if (problems.length) fail('VALIDATION_FAILED', problems);
    return {
      status: input.status,
      plannedOn: input.plannedOn,
      doneOn,
      ...visitor!,
      participants: (input.participants ?? '').trim(),
      notes: (input.notes ?? '').trim(),
      problems: (input.problems ?? []).map((p) => ({ text: p.text.trim(), category: p.category })),
    };
  }

  return {
    async list(actor: Actor, q: VisitListQuery): Promise<VisitList> {
      require(actor, 'visit:read');
      return repo.listVisits(db, platformScope(actor), {
        ...q,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },

    async get(actor: Actor, id: number): Promise<Visit> {
      require(actor, 'visit:read');
      return (await repo.findVisit(db, platformScope(actor), id)) ?? fail('VISIT_NOT_FOUND');
    },

    /** Plans or records a visit to an enterprise in scope. */
    async create(actor: Actor, input: VisitCreate, today: string = zonedDate()): Promise<Visit> {
      require(actor, 'visit:write');
      const scope = platformScope(actor);
      return database.transaction(async (tx) => {
        const enterprise = await repo.enterpriseForVisit(tx, scope, input.enterpriseId);
        if (!enterprise) return fail('ENTERPRISE_NOT_FOUND');
        const row = rowOf(actor, input, enterprise.commissionerUserId, today);
        const [id] = await repo.insertVisits(tx, [
          { ...row, enterpriseId: enterprise.id, createdBy: actor.userId },
        ]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'visit.create',
          result: 'success',
          objectType: 'visit',
          objectId: id!,
          detail: { enterpriseId: enterprise.id, status: row.status, problems: row.problems.length },
        });
        return (await repo.findVisit(tx, scope, id!))!;
      });
    },

    /** Edits a visit (mark it done, add problems …); version-checked. */
    async update(actor: Actor, id: number, input: VisitUpdate, today: string = zonedDate()): Promise<Visit> {
      require(actor, 'visit:write');
      const scope = platformScope(actor);
      return database.transaction(async (tx) => {
        const current = (await repo.findVisit(tx, scope, id, true)) ?? fail('VISIT_NOT_FOUND');
        if (current.version !== input.version) fail('VERSION_CONFLICT');
        // A commissioner edits only its own visits.
        if (actor.role === 'commissioner' && current.visitorUserId !== actor.userId) fail('VISIT_NOT_FOUND');
        const enterprise = await repo.enterpriseForVisit(tx, scope, current.enterpriseId);
        const { version: _version, ...fields } = input;
        const row = rowOf(actor, fields, enterprise?.commissionerUserId ?? null, today);
        await repo.updateVisit(tx, id, row);
        await recordAudit(tx, subjectOf(actor), {
          action: 'visit.update',
          result: 'success',
          objectType: 'visit',
          objectId: id,
          detail: { from: current.status, to: row.status, problems: row.problems.length },
        });
        return (await repo.findVisit(tx, scope, id))!;
      });
    },

    /** Coverage of the period per commissioner, per platform and in total, in the actor's scope. */
    async coverage(actor: Actor, q: CoverageQuery): Promise<CoverageReport> {
      require(actor, 'visit:read');
      const period = periodOf(q.year, q.quarter);
      const data = await database.transaction(
        (tx) => repo.coverageData(tx, platformScope(actor), period.from, period.to),
        { isolation: 'repeatable read', readOnly: true },
      );
      const c = coverage(data.assignments, data.visits);
      const people = new Map(data.commissioners.map((u) => [u.id, u]));
      const platforms = new Map(data.platforms.map((p) => [p.id, p.name]));
      return {
        ...period,
        commissioners: c.commissioners.map((r) => ({
          ...r,
          name: people.get(r.commissionerUserId)?.name ?? '',
        })),
        platforms: c.platforms.map((r) => ({ ...r, name: platforms.get(r.platformId) ?? '' })),
        total: c.total,
      };
    },
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
