/**
 * Objections (异议, domain guide §5.6): an enterprise objects to its result during the notice; the
 * task force accepts (then corrects the data and runs a new version) or rejects, with a reason.
 * A run cannot be published while an objection is pending.
 */
import type { Database } from '../../../platform/db/client';
import { fail, forbidden } from '../../../platform/errors';
import { recordAudit, subjectOf } from '../../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../../auth/core/access';
import type { RunsService } from '../runs/runs.service';
import { decisionReasonProblem, objectionReasonProblem, type Decision } from './core/objections';
import * as repo from './objections.repository';
import type { Objection } from './objections.schemas';

const requirePermission = (actor: Actor, permission: Permission) => {
  if (!can(actor, permission)) forbidden(permission);
};

export function createObjectionsService(database: Database, runs: RunsService) {
  const { db } = database;

  return {
    async objections(actor: Actor, runId: number): Promise<Objection[]> {
      requirePermission(actor, 'evaluation:read');
      await runs.visibleRun(actor, runId);
      return repo.listObjections(db, runId, platformScope(actor));
    },

    /** An enterprise objects to its result during the notice. */
    async fileObjection(actor: Actor, runId: number, reason: string): Promise<Objection> {
      requirePermission(actor, 'evaluation:object');
      const scope = platformScope(actor);
      if (scope.kind !== 'enterprise') return fail('FORBIDDEN');
      const text = reason.trim();
      const problem = objectionReasonProblem(text);
      if (problem) fail('VALIDATION_FAILED', [problem]);
      return database.transaction(async (tx) => {
        const run = await runs.lockedRun(tx, scope, runId);
        if (run.status !== 'notice') fail('RUN_WRONG_STATUS');
        if (!(await repo.hasResult(tx, runId, scope.enterpriseId))) fail('RESULT_NOT_FOUND');
        if (await repo.pendingObjectionOf(tx, runId, scope.enterpriseId)) fail('OBJECTION_EXISTS');
        const id = await repo.insertObjection(tx, {
          runId,
          enterpriseId: scope.enterpriseId,
          reason: text,
          filedBy: actor.userId,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'evaluation.objection.file',
          result: 'success',
          objectType: 'evaluation_objection',
          objectId: id,
          detail: { runId, enterpriseId: scope.enterpriseId },
        });
        return (await repo.findObjection(tx, id))!;
      });
    },

    /** The task force accepts (then corrects the data and runs a new version) or rejects, with a reason. */
    async decideObjection(actor: Actor, id: number, decision: Decision, reason: string): Promise<Objection> {
      requirePermission(actor, 'evaluation:run');
      const text = reason.trim();
      const problem = decisionReasonProblem(text);
      if (problem) fail('VALIDATION_FAILED', [problem]);
      return database.transaction(async (tx) => {
        const o = (await repo.findObjection(tx, id, true)) ?? fail('OBJECTION_NOT_FOUND');
        if (o.status !== 'pending') fail('RUN_WRONG_STATUS');
        await repo.decideObjection(tx, id, { status: decision, reason: text, decidedBy: actor.userId });
        await recordAudit(tx, subjectOf(actor), {
          action: decision === 'accepted' ? 'evaluation.objection.accept' : 'evaluation.objection.reject',
          result: 'success',
          objectType: 'evaluation_objection',
          objectId: id,
          detail: { runId: o.runId, enterpriseId: o.enterpriseId },
        });
        return (await repo.findObjection(tx, id))!;
      });
    },
  };
}
export type ObjectionsService = ReturnType<typeof createObjectionsService>;
