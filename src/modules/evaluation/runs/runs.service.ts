/**
 * Evaluation runs (domain guide §5.6): score every enterprise of a year with a method version (a
 * draft), then the notice (公示), publication, supersession by a newer version; drafts may go.
 */
import type { Database, Tx } from '../../../platform/db/client';
import { fail, forbidden } from '../../../platform/errors';
import type { PlatformScope } from '../../../platform/scope';
import { zonedDate } from '../../../platform/time-zone';
import { recordAudit, subjectOf } from '../../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../../auth/core/access';
import { addWorkingDaysIn } from '../../calendar/calendar.service';
import type { MethodsService } from '../methods/methods.service';
import { DEFAULT_NOTICE_WORKING_DAYS, runAudience } from './core/workflow';
import { evaluateYear } from './evaluate-year.service';
import * as repo from './runs.repository';
import type { PublishBody, Run, RunDetail, RunRequest } from './runs.schemas';

interface Deps {
  database: Database;
  methods: MethodsService;
}

const requirePermission = (actor: Actor, permission: Permission) => {
  if (!can(actor, permission)) forbidden(permission);
};

/** Today in the configured time zone (the notice's days are calendar days there). */
const today = () => zonedDate();

/** A run the actor may see (enterprises: only from its notice on), or RUN_NOT_FOUND. */
async function visibleRun({ database }: Deps, actor: Actor, id: number): Promise<Run> {
  return (await repo.findRun(database.db, runAudience(platformScope(actor)), id)) ?? fail('RUN_NOT_FOUND');
}

/** Inside a unit of work: the run, locked, if the scope sees it (else RUN_NOT_FOUND). */
async function lockedRun(tx: Tx, scope: PlatformScope, id: number): Promise<Run> {
  return (await repo.findRun(tx, runAudience(scope), id, true)) ?? fail('RUN_NOT_FOUND');
}

async function getRun(deps: Deps, actor: Actor, id: number): Promise<RunDetail> {
  requirePermission(actor, 'evaluation:read');
  const run = await visibleRun(deps, actor, id);
  const method = await deps.methods.methodOrFail(run.methodId);
  return { ...run, method: method.definition };
}

/** Scores every enterprise of the year with the method; the new run starts as a draft. */
async function run({ database, methods }: Deps, actor: Actor, request: RunRequest): Promise<Run> {
  requirePermission(actor, 'evaluation:run');
  const method = await methods.methodOrFail(request.method, true);
  if ((method.definition.subject ?? 'enterprise') !== 'enterprise') fail('METHOD_WRONG_SUBJECT');
  const existing = await repo.listRuns(database.db, 'all', request.year);
  const reason = request.reason?.trim() ?? '';
  if (!reason && existing.some((r) => r.status === 'notice' || r.status === 'published'))
    fail('REASON_REQUIRED');
  const id = await evaluateYear(database, actor, { year: request.year, method, reason });
  return (await repo.findRun(database.db, 'all', id))!;
}

/** Moves the other runs of the year in these statuses to superseded (by `run`). */
async function supersede(tx: Tx, run: Run, statuses: Run['status'][]) {
  for (const other of await repo.otherRuns(tx, run.year, run.id, statuses))
    await repo.setRunStatus(tx, other, 'superseded', { supersededBy: run.id });
}

/**
 * Starts the public notice (公示): the results are fixed, enterprises see theirs. The notice ends
 * `workingDays` working days after `startedOn` (today in the configured zone) on the working-day
 * calendar, holidays and make-up days included.
 */
async function startNotice(
  deps: Deps,
  actor: Actor,
  id: number,
  workingDays = DEFAULT_NOTICE_WORKING_DAYS,
  startedOn: string = today(),
) {
  requirePermission(actor, 'evaluation:run');
  await deps.database.transaction(async (tx) => {
    const run = await lockedRun(tx, { kind: 'all' }, id);
    if (run.status !== 'draft') fail('RUN_WRONG_STATUS');
    const { due: endsOn, missingYears } = await addWorkingDaysIn(tx, startedOn, workingDays);
    await repo.setRunStatus(tx, id, 'notice', { noticeEndsOn: endsOn });
    await supersede(tx, run, ['notice']);
    await recordAudit(tx, subjectOf(actor), {
      action: 'evaluation.notice',
      result: 'success',
      objectType: 'evaluation_run',
      objectId: id,
      detail: {
        year: run.year,
        version: run.version,
        noticeEndsOn: endsOn,
        // Years crossed with no holiday schedule entered: counted Monday–Friday only.
        ...(missingYears.length > 0 ? { calendarMissingYears: missingYears } : {}),
      },
    });
  });
  return getRun(deps, actor, id);
}

/** Publishes a run after its notice; a published run never changes again. */
async function publish(deps: Deps, actor: Actor, id: number, options: PublishBody = {}) {
  requirePermission(actor, 'evaluation:run');
  const earlyReason = options.earlyReason?.trim() ?? '';
  await deps.database.transaction(async (tx) => {
    const run = await lockedRun(tx, { kind: 'all' }, id);
    if (run.status !== 'notice') fail('RUN_WRONG_STATUS');
    if (run.pendingObjections > 0) fail('OBJECTIONS_PENDING');
    // Enterprises get the whole notice period to object; ending it early is recorded with a reason.
    const early = run.noticeEndsOn !== null && today() < run.noticeEndsOn;
    if (early && !earlyReason) fail('NOTICE_NOT_OVER');
    await repo.setRunStatus(tx, id, 'published', {
      publishedBy: actor.userId,
      ...(early ? { endedEarly: { on: today(), reason: earlyReason } } : {}),
    });
    await supersede(tx, run, ['published', 'notice']);
    await recordAudit(tx, subjectOf(actor), {
      action: 'evaluation.publish',
      result: 'success',
      objectType: 'evaluation_run',
      objectId: id,
      detail: {
        year: run.year,
        version: run.version,
        ...(early ? { noticeEndsOn: run.noticeEndsOn, earlyReason } : {}),
      },
    });
  });
  return getRun(deps, actor, id);
}

/** Deletes a draft run and its results. */
async function discard({ database }: Deps, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'evaluation:run');
  await database.transaction(async (tx) => {
    const run = await lockedRun(tx, { kind: 'all' }, id);
    if (run.status !== 'draft') fail('RUN_WRONG_STATUS');
    await repo.deleteRun(tx, id);
    await recordAudit(tx, subjectOf(actor), {
      action: 'evaluation.discard',
      result: 'success',
      objectType: 'evaluation_run',
      objectId: id,
      detail: { year: run.year, version: run.version },
    });
  });
}

/** The run of a year that counts for the actor: published, else in notice, else the newest. */
async function currentRun(deps: Deps, actor: Actor, year: number): Promise<RunDetail> {
  requirePermission(actor, 'evaluation:read');
  const id = await repo.currentRunId(deps.database.db, runAudience(platformScope(actor)), year);
  return id === null ? fail('RUN_NOT_FOUND') : getRun(deps, actor, id);
}

/**
 * Years with enterprise figures to evaluate, oldest first, and whether any run exists (the demo
 * seeds evaluations of its own city's years when none does).
 */
async function evaluationYears({ database }: Deps, actor: Actor, options: { demoOnly?: boolean } = {}) {
  requirePermission(actor, 'evaluation:run');
  return {
    years: await repo.yearsWithFigures(database.db, options.demoOnly ?? false),
    anyRun: await repo.anyRun(database.db),
  };
}

export function createRunsService(database: Database, methods: MethodsService) {
  const deps: Deps = { database, methods };
  const { db } = database;
  return {
    visibleRun: (actor: Actor, id: number) => visibleRun(deps, actor, id),
    lockedRun,
    getRun: (actor: Actor, id: number) => getRun(deps, actor, id),
    run: (actor: Actor, request: RunRequest) => run(deps, actor, request),
    listRuns: async (actor: Actor, year?: number): Promise<Run[]> => {
      requirePermission(actor, 'evaluation:read');
      return repo.listRuns(db, runAudience(platformScope(actor)), year);
    },
    currentRun: (actor: Actor, year: number) => currentRun(deps, actor, year),
    /** The id of the run of a year that counts for the actor, or null. */
    currentRunId: (actor: Actor, year: number) =>
      repo.currentRunId(db, runAudience(platformScope(actor)), year),
    /** `startedOn` (YYYY-MM-DD) defaults to today in the configured zone. */
    startNotice: (actor: Actor, id: number, workingDays?: number, startedOn?: string) =>
      startNotice(deps, actor, id, workingDays, startedOn),
    publish: (actor: Actor, id: number, options?: PublishBody) => publish(deps, actor, id, options),
    discard: (actor: Actor, id: number) => discard(deps, actor, id),
    evaluationYears: (actor: Actor, options?: { demoOnly?: boolean }) =>
      evaluationYears(deps, actor, options),
  };
}
export type RunsService = ReturnType<typeof createRunsService>;
