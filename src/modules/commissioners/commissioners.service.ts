import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Database, Tx } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { FILE_HEADLINES } from '../spreadsheets/core/file-kind';
import { readSheet } from '../spreadsheets/read/read-in-worker';
import * as repo from './commissioners.repository';
import type {
  AssignBody,
  AssignmentFilter,
  AssignmentList,
  AssignmentListQuery,
  AssignResult,
  BulkBody,
  BulkPreview,
  Commissioner,
  History,
  ImportResult,
} from './commissioners.schemas';
import {
  mayAssignTo,
  normaliseReason,
  readAssignmentSheet,
  SHEET_NAME,
  USERNAME_HEADER,
  USCC_HEADER,
  type SheetProblem,
} from './core/assignments';

export type { Pair } from './commissioners.repository';

function require(actor: Actor, permission: Permission) {
  if (!can(actor, permission)) forbidden(permission);
}

function reasonOf(reason: string | undefined): string {
  const r = normaliseReason(reason);
  if (r === null)
    fail('VALIDATION_FAILED', [
      { field: 'reason', code: 'TOO_LONG', zh: '理由过长', en: 'The reason is too long' },
    ]);
  return r!;
}

/**
 * Applies assignments set-based in the caller's transaction, with one audit row: the rules are the
 * caller's (scope and `mayAssignTo`). The web's bulk and import and the demo city come through here.
 */
export async function applyAssignmentsIn(
  tx: Tx,
  subject: AuditSubject,
  pairs: repo.Pair[],
  change: {
    on: string;
    by: number | null;
    reason: string;
    kind: 'bulk' | 'import';
    detail?: Record<string, unknown>;
  },
): Promise<AssignResult> {
  const result = await repo.applyPairs(tx, pairs, change);
  await recordAudit(tx, subject, {
    action: change.kind === 'import' ? 'commissioner.import' : 'commissioner.bulk_assign',
    result: 'success',
    objectType: 'commissioner_assignment',
    detail: { ...change.detail, rows: pairs.length, ...result, on: change.on, reason: change.reason },
  });
  return result;
}

export function createCommissionerService(database: Database) {
  const { db } = database;

  /** The commissioner accounts the actor may pick (task force: all; platform admin: its own). */
  async function pickable(actor: Actor): Promise<Commissioner[]> {
    require(actor, 'commissioner:assign');
    return repo.commissioners(db, actor.role === 'task_force' ? null : (actor.platformId ?? -1));
  }

  async function assignableAccount(tx: Tx, actor: Actor, userId: number) {
    const [account] = await repo.commissionerAccounts(tx, { ids: [userId] });
    if (!account || !mayAssignTo(actor, account)) fail('COMMISSIONER_NOT_FOUND');
    return account!;
  }

  return {
    commissioners: pickable,

    async list(actor: Actor, q: AssignmentListQuery): Promise<AssignmentList> {
      require(actor, 'commissioner:assign');
      return repo.listAssignments(db, platformScope(actor), {
        ...q,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },

    /** An enterprise's current commissioner and history: whoever may read the enterprise. */
    async history(actor: Actor, enterpriseId: number): Promise<History> {
      require(actor, 'enterprise:read');
      if (!(await repo.enterpriseInScope(db, platformScope(actor), enterpriseId)))
        fail('ENTERPRISE_NOT_FOUND');
      const items = await repo.history(db, enterpriseId);
      return { enterpriseId, current: items.find((i) => i.endedOn === null) ?? null, items };
    },

    /**
     * Assigns (or reassigns) one enterprise: the current assignment ends today and the new one
     * starts today, in one transaction with its audit row; null ends the current one.
     */
    async assign(
      actor: Actor,
      enterpriseId: number,
      body: AssignBody,
      today: string = zonedDate(),
    ): Promise<History> {
      require(actor, 'commissioner:assign');
      const reason = reasonOf(body.reason);
      await database.transaction(async (tx) => {
        const enterprise = await repo.lockEnterprise(tx, platformScope(actor), enterpriseId);
        if (!enterprise) fail('ENTERPRISE_NOT_FOUND');
        if (body.commissionerUserId === null) {
          const ended = await repo.endCurrent(tx, enterpriseId, today, actor.userId);
          if (ended)
            await recordAudit(tx, subjectOf(actor), {
              action: 'commissioner.unassign',
              result: 'success',
              objectType: 'enterprise',
              objectId: enterpriseId,
              detail: { on: today, reason },
            });
          return;
        }
        const account = await assignableAccount(tx, actor, body.commissionerUserId);
        const result = await repo.applyPairs(tx, [{ enterpriseId, commissionerUserId: account.id }], {
          on: today,
          by: actor.userId,
          reason,
        });
        if (result.assigned)
          await recordAudit(tx, subjectOf(actor), {
            action: 'commissioner.assign',
            result: 'success',
            objectType: 'enterprise',
            objectId: enterpriseId,
            detail: { commissioner: account.username, on: today, reason, reassigned: result.ended > 0 },
          });
      });
      const items = await repo.history(db, enterpriseId);
      return { enterpriseId, current: items.find((i) => i.endedOn === null) ?? null, items };
    },

    /** How many enterprises a bulk assignment would touch. */
    async preview(actor: Actor, filter: AssignmentFilter, commissionerUserId?: number): Promise<BulkPreview> {
      require(actor, 'commissioner:assign');
      const rows = await repo.matchingEnterprises(db, platformScope(actor), filter);
      return {
        matching: rows.length,
        // Without a commissioner chosen yet: every matching enterprise would be (re)assigned.
        changing:
          commissionerUserId === undefined
            ? rows.length
            : rows.filter((r) => r.commissionerUserId !== commissionerUserId).length,
      };
    },

    /** Every enterprise in scope matching the filter goes to one commissioner. */
    async bulk(actor: Actor, body: BulkBody, today: string = zonedDate()): Promise<AssignResult> {
      require(actor, 'commissioner:assign');
      const reason = reasonOf(body.reason);
      return database.transaction(async (tx) => {
        const account = await assignableAccount(tx, actor, body.commissionerUserId);
        const rows = await repo.matchingEnterprises(tx, platformScope(actor), body.filter);
        return applyAssignmentsIn(
          tx,
          subjectOf(actor),
          rows.map((r) => ({ enterpriseId: r.enterpriseId, commissionerUserId: account.id })),
          {
            on: today,
            by: actor.userId,
            reason,
            kind: 'bulk',
            detail: { commissioner: account.username, filter: body.filter },
          },
        );
      });
    },

    /**
     * Imports USCC → commissioner-username rows, all or nothing: an enterprise outside the actor's
     * scope or a commissioner it may not assign is a row problem, like an unknown one.
     */
    async importWorkbook(
      actor: Actor,
      input: { file: string; fileName: string },
      today: string = zonedDate(),
    ): Promise<ImportResult> {
      require(actor, 'commissioner:assign');
      const sha256 = createHash('sha256')
        .update(await fs.readFile(input.file))
        .digest('hex');
      const parsed = await readSheet(input.file, { preferSheets: [SHEET_NAME] });
      if (!parsed.ok) {
        const { code, zh, en } = parsed.failure;
        const headline = FILE_HEADLINES[code];
        throw new AppError('FILE_REJECTED', [
          { field: 'file', code, zh: `${headline.zh}：${zh}`, en: `${headline.en}: ${en}` },
        ]);
      }
      const read = readAssignmentSheet(parsed.sheet.header, parsed.sheet.rows);
      const problems: SheetProblem[] = [...read.problems];
      const scope = platformScope(actor);
      const enterprises = await repo.enterprisesByUscc(
        db,
        scope,
        read.pairs.map((p) => p.uscc),
      );
      const accounts = await repo.commissionerAccounts(db, { usernames: read.pairs.map((p) => p.username) });
      const byName = new Map(accounts.map((a) => [a.username.toLowerCase(), a]));
      const pairs: repo.Pair[] = [];
      for (const p of read.pairs) {
        const e = enterprises.get(p.uscc);
        const a = byName.get(p.username.toLowerCase());
        if (!e)
          problems.push({
            row: p.row,
            column: USCC_HEADER,
            code: 'UNKNOWN_ENTERPRISE',
            zh: `没有统一社会信用代码为 ${p.uscc} 的企业（或不在您的管辖范围内）`,
            en: `No enterprise with USCC ${p.uscc} (or not in your scope)`,
          });
        if (!a || !mayAssignTo(actor, a))
          problems.push({
            row: p.row,
            column: USERNAME_HEADER,
            code: 'UNKNOWN_COMMISSIONER',
            zh: `没有可分配的服务专员账号“${p.username}”`,
            en: `No commissioner account “${p.username}” you may assign`,
          });
        if (e && a && mayAssignTo(actor, a)) pairs.push({ enterpriseId: e.id, commissionerUserId: a.id });
      }
      const rows = read.pairs.length;
      // All or nothing: with any problem nothing is written (each row and column named).
      if (problems.length)
        fail(
          'ASSIGNMENT_IMPORT_INVALID',
          problems
            .sort((x, y) => x.row - y.row)
            .slice(0, 200)
            .map((p) => ({
              field: `rows/${p.row}/${p.column}`,
              code: p.code,
              zh: `第 ${p.row} 行：${p.zh}`,
              en: `Row ${p.row}: ${p.en}`,
            })),
        );
      const result = await database.transaction((tx) =>
        applyAssignmentsIn(tx, subjectOf(actor), pairs, {
          on: today,
          by: actor.userId,
          reason: '导入',
          kind: 'import',
          detail: { file: input.fileName, sha256 },
        }),
      );
      return { rows, ...result };
    },

    /** The assignments in scope matching the filter, for the export (and the template's rows). */
    async exportRows(actor: Actor, filter: AssignmentFilter) {
      require(actor, 'commissioner:assign');
      return repo.exportRows(db, platformScope(actor), filter);
    },
  };
}
export type CommissionerService = ReturnType<typeof createCommissionerService>;
