/**
 * The per-mu evaluation (domain guide §5): methods as versioned data, runs, results, workflow
 * (draft → notice → published), objections and roll-ups. Scoring itself is the pure core.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database } from '../../platform/db/client';
import * as schema from '../../platform/db/schema';
import { AppError, fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { explain } from './core/explain';
import { INDICATORS } from './core/indicators';
import { canonicalJson, MethodSchema, validateMethod, weightSums, type Method } from './core/method';
import { PRESETS } from './core/presets';
import { score } from './core/score';
import { expandDetail, storedResults } from './core/storage';
import { addWorkingDays, DEFAULT_NOTICE_WORKING_DAYS, histogram } from './core/workflow';
import * as repo from './evaluation.repository';

export const METHOD_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface RunRequest {
  year: number;
  /** A method version id, or a method key (its latest version; presets are installed on demand). */
  method: number | string;
  reason?: string;
}

const hashOf = (definition: unknown) => createHash('sha256').update(canonicalJson(definition)).digest('hex');

export function createEvaluationService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) fail('FORBIDDEN');
  };

  async function methodOrFail(idOrKey: number | string) {
    const found = await repo.findMethod(db, idOrKey);
    if (found) return { ...found, definition: found.definition as Method };
    if (typeof idOrKey === 'string' && PRESETS[idOrKey]) {
      await ensurePresets();
      return methodOrFail(idOrKey);
    }
    return fail('METHOD_NOT_FOUND');
  }

  /** Installs every preset whose key is not in the database yet (as version 1). */
  async function ensurePresets(): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727411)`);
      const keys = await repo.methodKeys(tx);
      let added = 0;
      for (const [key, definition] of Object.entries(PRESETS)) {
        if (keys.has(key)) continue;
        await repo.insertMethod(tx, {
          key,
          name: definition.name.zh,
          definition,
          hash: hashOf(definition),
          basedOn: null,
          note: 'preset',
          createdBy: null,
        });
        added++;
      }
      return added;
    });
  }

  async function runOrFail(actor: Actor, id: number) {
    return (await repo.findRun(db, platformScope(actor), id)) ?? fail('RUN_NOT_FOUND');
  }

  return {
    ensurePresets,
    methodOrFail,

    indicators: () => Object.values(INDICATORS),
    presets: () => PRESETS,
    methodSchema: () => MethodSchema,

    async listMethods(actor: Actor) {
      require(actor, 'evaluation:read');
      return repo.listMethods(db);
    },

    async getMethod(actor: Actor, idOrKey: number | string) {
      require(actor, 'evaluation:read');
      const m = await methodOrFail(idOrKey);
      return { ...m, weightSums: weightSums(m.definition) };
    },

    /** Saves a method: a new key gets version 1, an existing key its next version. */
    async createMethod(
      actor: Actor,
      input: { key: string; definition: unknown; basedOn?: string | null; note?: string },
    ) {
      require(actor, 'method:write');
      const problems = validateMethod(input.definition);
      if (!METHOD_KEY_PATTERN.test(input.key))
        problems.unshift({
          path: '/key',
          zh: '方法编码只能用小写字母、数字、- 和 _',
          en: 'A method key uses lower-case letters, digits, - and _',
        });
      if (problems.length)
        throw new AppError(
          'METHOD_INVALID',
          problems.map((p) => ({ field: p.path, code: 'METHOD_INVALID', zh: p.zh, en: p.en })),
        );
      const definition = input.definition as Method;
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertMethod(tx, {
          key: input.key,
          name: definition.name.zh,
          definition,
          hash: hashOf(definition),
          basedOn: input.basedOn ?? null,
          note: input.note ?? '',
          createdBy: actor.userId,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'evaluation.method.create',
          result: 'success',
          objectType: 'evaluation_method',
          objectId: id,
          detail: { key: input.key, basedOn: input.basedOn ?? null },
        });
        return id;
      });
      return this.getMethod(actor, id);
    },

    /** Scores every enterprise of the year with the method; the new run starts as a draft. */
    async run(actor: Actor, request: RunRequest) {
      require(actor, 'evaluation:run');
      const method = await methodOrFail(request.method);
      if ((method.definition.subject ?? 'enterprise') !== 'enterprise') fail('METHOD_WRONG_SUBJECT');
      const existing = await repo.listRuns(db, { kind: 'all' }, request.year);
      const reason = request.reason?.trim() ?? '';
      if (!reason && existing.some((r) => r.status === 'notice' || r.status === 'published'))
        fail('REASON_REQUIRED');
      const client = await database.pool.connect();
      try {
        await client.query('begin isolation level repeatable read');
        let lap = performance.now();
        const since = () => {
          const now = performance.now();
          const ms = Math.round(now - lap);
          lap = now;
          return ms;
        };
        const escalating = (method.definition.policies.electricitySurcharge?.escalation ?? []).map(
          (e) => e.class,
        );
        const { firms, meta, unconfirmed, flagged, inputHash } = await repo.loadFirms(
          client,
          request.year,
          escalating,
        );
        const readMs = since();
        const scored = score(method.definition, firms);
        const scoreMs = since();
        const evaluated =
          scored.cohorts.reduce((n, c) => n + c.firms.length, 0) + scored.mergedTenants.length;
        if (evaluated === 0) fail('NO_EVALUATION_DATA');
        const run = await repo.insertRun(client, {
          year: request.year,
          methodId: method.id,
          reason,
          inputHash,
          summary: { cohorts: scored.cohorts.map((c) => c.summary), excluded: scored.excluded, evaluated },
          createdBy: actor.userId,
        });
        // Rows are built one by one, straight from the engine's columns, as COPY consumes them.
        await repo.insertResults(client, run.id, storedResults(scored), meta);
        const writeMs = since();
        await recordAudit(drizzle(client, { schema }), subjectOf(actor), {
          action: 'evaluation.run',
          result: 'success',
          objectType: 'evaluation_run',
          objectId: run.id,
          detail: { year: request.year, version: run.version, methodId: method.id, inputHash, reason },
        });
        // Data quality the task force should see before the notice (一企一单): evaluated firms
        // whose figures the enterprise has not confirmed, or has flagged as wrong (unresolved).
        const evaluatedIds = [
          ...scored.cohorts.flatMap((c) => c.firms.map((f) => f.id)),
          ...scored.mergedTenants.map((t) => t.firm.id),
        ];
        const quality = {
          unconfirmed: evaluatedIds.filter((id) => unconfirmed.has(id)).length,
          flagged: evaluatedIds.filter((id) => flagged.has(id)).length,
        };
        // How long each phase took (not part of the results; shown to operators).
        await client.query(`update evaluation_runs set summary = summary || $1::jsonb where id = $2`, [
          JSON.stringify({ dataQuality: quality, timings: { readMs, scoreMs, writeMs } }),
          run.id,
        ]);
        await client.query('commit');
        return (await repo.findRun(db, { kind: 'all' }, run.id))!;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async listRuns(actor: Actor, year?: number) {
      require(actor, 'evaluation:read');
      return repo.listRuns(db, platformScope(actor), year);
    },

    async getRun(actor: Actor, id: number) {
      require(actor, 'evaluation:read');
      const run = await runOrFail(actor, id);
      const method = await methodOrFail(run.methodId);
      return { ...run, method: method.definition };
    },

    /** Starts the public notice (公示): the results are fixed, enterprises see theirs. */
    async startNotice(actor: Actor, id: number, workingDays = DEFAULT_NOTICE_WORKING_DAYS) {
      require(actor, 'evaluation:run');
      await db.transaction(async (tx) => {
        const run = (await repo.findRun(tx, { kind: 'all' }, id, true)) ?? fail('RUN_NOT_FOUND');
        if (run.status !== 'draft') fail('RUN_WRONG_STATUS');
        const endsOn = addWorkingDays(new Date().toISOString().slice(0, 10), workingDays);
        await repo.setRunStatus(tx, id, 'notice', { noticeEndsOn: endsOn });
        for (const other of await repo.otherRuns(tx, run.year, id, ['notice']))
          await repo.setRunStatus(tx, other, 'superseded', { supersededBy: id });
        await recordAudit(tx, subjectOf(actor), {
          action: 'evaluation.notice',
          result: 'success',
          objectType: 'evaluation_run',
          objectId: id,
          detail: { year: run.year, version: run.version, noticeEndsOn: endsOn },
        });
      });
      return this.getRun(actor, id);
    },

    /** Publishes a run after its notice; a published run never changes again. */
    async publish(actor: Actor, id: number, options: { earlyReason?: string } = {}) {
      require(actor, 'evaluation:run');
      const earlyReason = options.earlyReason?.trim() ?? '';
      await db.transaction(async (tx) => {
        const run = (await repo.findRun(tx, { kind: 'all' }, id, true)) ?? fail('RUN_NOT_FOUND');
        if (run.status !== 'notice') fail('RUN_WRONG_STATUS');
        if (run.pendingObjections > 0) fail('OBJECTIONS_PENDING');
        // Enterprises get the whole notice period to object; ending it early is recorded with a reason.
        const early = run.noticeEndsOn !== null && new Date().toISOString().slice(0, 10) < run.noticeEndsOn;
        if (early && !earlyReason) fail('NOTICE_NOT_OVER');
        await repo.setRunStatus(tx, id, 'published', { publishedBy: actor.userId });
        for (const other of await repo.otherRuns(tx, run.year, id, ['published', 'notice']))
          await repo.setRunStatus(tx, other, 'superseded', { supersededBy: id });
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
      return this.getRun(actor, id);
    },

    /** Deletes a draft run and its results. */
    async discard(actor: Actor, id: number) {
      require(actor, 'evaluation:run');
      await db.transaction(async (tx) => {
        const run = (await repo.findRun(tx, { kind: 'all' }, id, true)) ?? fail('RUN_NOT_FOUND');
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
    },

    async results(actor: Actor, runId: number, query: repo.ResultQuery) {
      require(actor, 'evaluation:read');
      const run = await runOrFail(actor, runId);
      return repo.listResults(
        db,
        runId,
        platformScope(actor),
        run.summary.cohorts.map((c) => c.key),
        query,
      );
    },

    /** The run of a year that counts for the actor: published, else in notice, else the newest. */
    async currentRun(actor: Actor, year: number) {
      require(actor, 'evaluation:read');
      const id = await repo.currentRunId(db, platformScope(actor), year);
      return id === null ? fail('RUN_NOT_FOUND') : this.getRun(actor, id);
    },

    /** Every result with its items, in enterprise order (CLI `results`); the task force only. */
    async *iterateResultItems(actor: Actor, runId: number) {
      require(actor, 'evaluation:run');
      const run = await runOrFail(actor, runId);
      const method = (await methodOrFail(run.methodId)).definition;
      const rules = new Map(method.cohorts.map((c) => [c.key, c]));
      const summaries = new Map(run.summary.cohorts.map((c) => [c.key, c]));
      for await (const batch of repo.iterateResultItems(db, runId))
        yield batch.map(({ detail, ...r }) => ({
          ...r,
          ...expandDetail(detail, rules.get(r.cohort), summaries.get(r.cohort)),
        }));
    },

    /** One enterprise's scorecard in a run: items, explanation, history. */
    async result(actor: Actor, runId: number, enterpriseId: number) {
      require(actor, 'evaluation:read');
      const scope = platformScope(actor);
      const run = await runOrFail(actor, runId);
      const { detail: stored, ...found } =
        (await repo.findResult(db, runId, scope, enterpriseId)) ?? fail('RESULT_NOT_FOUND');
      const method = (await methodOrFail(run.methodId)).definition;
      const cohort = run.summary.cohorts.find((c) => c.key === found.cohort);
      const d = expandDetail(
        stored,
        method.cohorts.find((c) => c.key === found.cohort),
        cohort,
      );
      const history = await repo.classHistory(db, enterpriseId, scope.kind === 'enterprise');
      return {
        run: {
          id: run.id,
          year: run.year,
          version: run.version,
          status: run.status,
          noticeEndsOn: run.noticeEndsOn,
        },
        ...found,
        ...d,
        cohortName: method.cohorts.find((c) => c.key === found.cohort)?.name ?? null,
        cohortSummary: cohort ?? null,
        classes: method.classes,
        explanation: explain(method, { ...found, ...d }),
        history,
      };
    },

    /** The enterprise's result in the year's current visible run (the latest year when none given). */
    async scorecard(actor: Actor, enterpriseId: number, year?: number) {
      require(actor, 'evaluation:read');
      const scope = platformScope(actor);
      const history = await repo.classHistory(db, enterpriseId, scope.kind === 'enterprise');
      const pick = year ? history.find((h) => h.year === year) : history[history.length - 1];
      if (!pick) return fail('RESULT_NOT_FOUND');
      return this.result(actor, pick.runId, enterpriseId);
    },

    async distribution(actor: Actor, runId: number, options: { bins?: number; platformId?: number } = {}) {
      require(actor, 'evaluation:read');
      const run = await runOrFail(actor, runId);
      const scores = await repo.scoresByCohort(db, runId, platformScope(actor), options.platformId);
      return run.summary.cohorts.map((c) => ({
        cohort: c.key,
        rated: c.rated,
        bins: histogram(scores.get(c.key) ?? [], options.bins ?? 20),
        // The lowest score of each class: the cut lines between classes.
        cuts: Object.entries(c.classScores)
          .filter(([, s]) => s !== null)
          .map(([cls, s]) => ({
            class: cls,
            minScore: s!.min,
            maxScore: s!.max,
            count: c.classCounts[cls] ?? 0,
          })),
      }));
    },

    /** Per platform and city: class distribution, tax and value added per mu, share A+B, change on last year. */
    async rollup(actor: Actor, runId: number) {
      require(actor, 'evaluation:read');
      const scope = platformScope(actor);
      if (scope.kind === 'enterprise') fail('FORBIDDEN');
      const run = await runOrFail(actor, runId);
      const method = (await methodOrFail(run.methodId)).definition;
      const top = method.classes.slice(0, 2).map((c) => c.key);
      const rows = await repo.rollup(db, runId, scope, top);
      const prevId = await repo.currentRunId(db, scope, run.year - 1);
      const prev = prevId ? await repo.rollup(db, prevId, scope, top) : [];
      const prevOf = new Map(prev.map((p) => [p.platformId, p]));
      const delta = (a: number | null, b: number | null | undefined) =>
        a === null || b == null ? null : a - b;
      return {
        year: run.year,
        previousRunId: prevId,
        classes: method.classes,
        rows: rows.map((r) => {
          const p = prevOf.get(r.platformId);
          return {
            ...r,
            change: p
              ? {
                  taxPerMu: delta(r.taxPerMu, p.taxPerMu),
                  valueAddedPerMu: delta(r.valueAddedPerMu, p.valueAddedPerMu),
                  shareAB: delta(r.shareAB, p.shareAB),
                }
              : null,
          };
        }),
      };
    },

    async lowEfficiency(actor: Actor, runId: number, q: { taxPerMuFloor?: number; platformId?: number }) {
      require(actor, 'evaluation:read');
      const scope = platformScope(actor);
      if (scope.kind === 'enterprise') fail('FORBIDDEN');
      const run = await runOrFail(actor, runId);
      const method = (await methodOrFail(run.methodId)).definition;
      const floor = q.taxPerMuFloor ?? 1;
      const out = await repo.lowEfficiency(db, runId, scope, {
        taxPerMuFloor: floor,
        worstClass: method.classes[method.classes.length - 1]!.key,
        platformId: q.platformId,
      });
      return { taxPerMuFloor: floor, ...out };
    },

    async objections(actor: Actor, runId: number) {
      require(actor, 'evaluation:read');
      await runOrFail(actor, runId);
      return repo.listObjections(db, runId, platformScope(actor));
    },

    /** An enterprise objects to its result during the notice. */
    async fileObjection(actor: Actor, runId: number, reason: string) {
      require(actor, 'evaluation:object');
      const scope = platformScope(actor);
      if (scope.kind !== 'enterprise') return fail('FORBIDDEN');
      const text = reason.trim();
      if (text.length < 5)
        fail('VALIDATION_FAILED', [
          {
            field: 'reason',
            code: 'TOO_SHORT',
            zh: '请写明异议理由（至少 5 个字）',
            en: 'Give a reason (at least 5 characters)',
          },
        ]);
      return db.transaction(async (tx) => {
        const run = (await repo.findRun(tx, scope, runId, true)) ?? fail('RUN_NOT_FOUND');
        if (run.status !== 'notice') fail('RUN_WRONG_STATUS');
        if (!(await repo.findResult(tx, runId, scope, scope.enterpriseId))) fail('RESULT_NOT_FOUND');
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
    async decideObjection(actor: Actor, id: number, decision: 'accepted' | 'rejected', reason: string) {
      require(actor, 'evaluation:run');
      const text = reason.trim();
      if (!text)
        fail('VALIDATION_FAILED', [
          { field: 'reason', code: 'REQUIRED', zh: '请填写处理理由', en: 'Give the reason for the decision' },
        ]);
      return db.transaction(async (tx) => {
        const o = (await repo.findObjection(tx, id, true)) ?? fail('OBJECTION_NOT_FOUND');
        if (o.status !== 'pending') fail('RUN_WRONG_STATUS');
        await repo.decideObjection(tx, id, { status: decision, reason: text, decidedBy: actor.userId });
        await recordAudit(tx, subjectOf(actor), {
          action: `evaluation.objection.${decision === 'accepted' ? 'accept' : 'reject'}`,
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
export type EvaluationService = ReturnType<typeof createEvaluationService>;
