import type { Database, Db, Tx } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { validateEnterprise, type EnterpriseInput } from './core/enterprise-rules';
import { YEAR_FIELD_KEYS } from './core/fields';
import {
  confirmYearRow,
  enterpriseExtras,
  enterpriseReference,
  findEnterpriseItem,
  insertEnterprise,
  insertFlag,
  iterateEnterprises,
  iterateYear,
  listEnterprises,
  lockVersion,
  refreshScale,
  updateEnterpriseRow,
  upsertYear,
  usccTaken,
  writeLabels,
  yearExists,
  type EnterpriseYearExportRow,
} from './enterprises.repository';
import type {
  EnterpriseDetail,
  EnterpriseListItem,
  EnterprisePatch,
  EnterpriseQuery,
  EnterpriseYear,
  YearFigures,
  YearFlag,
  YearFlagBody,
} from './enterprises.schemas';

export type { EnterpriseYearExportRow };

/**
 * Recomputes 规上/规下 of the given enterprises from their latest figures, inside the caller's
 * transaction (imports call it after writing figures).
 */
export async function refreshEnterpriseScale(tx: Tx, ids: number[]): Promise<void> {
  await refreshScale(tx, ids);
}

export function createEnterpriseService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  async function detail(tx: Db | Tx, actor: Actor, id: number): Promise<EnterpriseDetail> {
    const item = await findEnterpriseItem(tx, platformScope(actor), id);
    if (!item) return fail('ENTERPRISE_NOT_FOUND');
    return { ...item, ...(await enterpriseExtras(tx, id)) };
  }

  async function validOrFail(tx: Tx, input: EnterpriseInput) {
    const errors = validateEnterprise(input, await enterpriseReference(tx));
    if (errors.length) fail('VALIDATION_FAILED', errors);
  }

  /** The platform a platform admin may place enterprises on; others may use any. */
  function checkPlatformAllowed(actor: Actor, platformId: number) {
    if (actor.role === 'platform_admin' && actor.platformId !== platformId) fail('FORBIDDEN');
  }

  const audit = (tx: Tx, actor: Actor, action: string, id: number, detail: Record<string, unknown>) =>
    recordAudit(tx, subjectOf(actor), {
      action,
      result: 'success',
      objectType: 'enterprise',
      objectId: id,
      detail,
    });

  return {
    async list(actor: Actor, query: EnterpriseQuery) {
      require(actor, 'enterprise:read');
      return listEnterprises(db, platformScope(actor), query);
    },

    /** Checks access now (not when the first row is read), then yields the rows in batches. */
    export(
      actor: Actor,
      query: Omit<EnterpriseQuery, 'page' | 'pageSize'>,
    ): AsyncGenerator<EnterpriseListItem[]> {
      require(actor, 'enterprise:read');
      return iterateEnterprises(db, platformScope(actor), query);
    },

    /**
     * One year of figures of the enterprises in scope, for download (web and CLI): checks access
     * and records the export in the audit log now, then yields the rows in batches.
     */
    async exportYear(
      actor: Actor,
      year: number,
      detail: Record<string, unknown> = {},
    ): Promise<AsyncGenerator<EnterpriseYearExportRow[]>> {
      require(actor, 'enterprise:read');
      await recordAudit(db, subjectOf(actor), {
        action: 'enterprise_year.export',
        result: 'success',
        objectType: 'enterprise_year',
        objectId: String(year),
        detail: { year, ...detail },
      });
      return iterateYear(db, platformScope(actor), year);
    },

    async get(actor: Actor, id: number): Promise<EnterpriseDetail> {
      require(actor, 'enterprise:read');
      return detail(db, actor, id);
    },

    async create(actor: Actor, input: EnterpriseInput): Promise<EnterpriseDetail> {
      require(actor, 'enterprise:write');
      checkPlatformAllowed(actor, input.platformId);
      return database.transaction(async (tx) => {
        await validOrFail(tx, input);
        if (await usccTaken(tx, input.uscc))
          throw new AppError('DUPLICATE_USCC', [
            {
              field: 'uscc',
              code: 'DUPLICATE_USCC',
              zh: '该统一社会信用代码已登记',
              en: 'This USCC is already registered',
            },
          ]);
        const id = await insertEnterprise(tx, input);
        await writeLabels(tx, id, input.labels);
        await refreshScale(tx, [id]);
        await audit(tx, actor, 'enterprise.create', id, { uscc: input.uscc, name: input.name });
        return detail(tx, actor, id);
      });
    },

    async update(actor: Actor, id: number, patch: EnterprisePatch): Promise<EnterpriseDetail> {
      require(actor, 'enterprise:write');
      return database.transaction(async (tx) => {
        const current = await detail(tx, actor, id);
        if ((await lockVersion(tx, id)) !== patch.version) fail('VERSION_CONFLICT');
        if (patch.platformId !== undefined && patch.platformId !== current.platformId) {
          if (actor.role !== 'task_force') fail('FORBIDDEN');
        }
        const next: EnterpriseInput = {
          uscc: current.uscc,
          name: patch.name ?? current.name,
          platformId: patch.platformId ?? current.platformId,
          industryClass: patch.industryClass !== undefined ? patch.industryClass : current.industryClass,
          scaleOverride: patch.scaleOverride !== undefined ? patch.scaleOverride : current.scaleOverride,
          ownLandMu: patch.ownLandMu !== undefined ? patch.ownLandMu : current.ownLandMu,
          leasedFloorM2: patch.leasedFloorM2 !== undefined ? patch.leasedFloorM2 : current.leasedFloorM2,
          ratingExemption:
            patch.ratingExemption !== undefined ? patch.ratingExemption : current.ratingExemption,
          address: patch.address ?? current.address,
          // The chain-leader label is decided with a reason on the chain-leader page (plan §3.1):
          // an edit of the record keeps it as it is.
          labels: patch.labels
            ? [
                ...patch.labels.filter((l) => l.label !== 'chain_leader'),
                ...current.labels.filter((l) => l.label === 'chain_leader'),
              ]
            : current.labels,
        };
        await validOrFail(tx, next);
        await updateEnterpriseRow(tx, id, next);
        if (patch.labels) await writeLabels(tx, id, next.labels);
        await refreshScale(tx, [id]);
        const { version: _v, ...fields } = patch;
        await audit(tx, actor, 'enterprise.update', id, { fields: Object.keys(fields) });
        return detail(tx, actor, id);
      });
    },

    async putYear(actor: Actor, id: number, year: number, figures: YearFigures): Promise<EnterpriseYear> {
      require(actor, 'enterprise:write');
      return database.transaction(async (tx) => {
        await detail(tx, actor, id);
        const values = Object.fromEntries(
          YEAR_FIELD_KEYS.filter((k) => k in figures).map((k) => [k, figures[k] ?? null]),
        );
        const negative = Object.entries(values).filter(([, v]) => v !== null && (v as number) < 0);
        if (negative.length)
          fail(
            'VALIDATION_FAILED',
            negative.map(([field]) => ({
              field,
              code: 'NEGATIVE',
              zh: '不能为负数',
              en: 'Must be zero or more',
            })),
          );
        const row = await upsertYear(tx, id, year, values);
        await refreshScale(tx, [id]);
        await audit(tx, actor, 'enterprise.year_update', id, { year, fields: Object.keys(values) });
        return row;
      });
    },

    async confirmYear(actor: Actor, id: number, year: number): Promise<EnterpriseYear> {
      require(actor, 'enterprise:confirm');
      return database.transaction(async (tx) => {
        await detail(tx, actor, id);
        const row =
          (await confirmYearRow(tx, id, year, actor.userId, actor.username)) ?? fail('YEAR_NOT_FOUND');
        await audit(tx, actor, 'enterprise.year_confirm', id, { year });
        return row;
      });
    },

    async flag(actor: Actor, id: number, year: number, input: YearFlagBody): Promise<YearFlag> {
      require(actor, 'enterprise:confirm');
      if (!(YEAR_FIELD_KEYS as readonly string[]).includes(input.field))
        fail('VALIDATION_FAILED', [
          { field: 'field', code: 'UNKNOWN_FIELD', zh: '未知的指标', en: 'Unknown figure' },
        ]);
      if (!input.comment.trim())
        fail('VALIDATION_FAILED', [
          { field: 'comment', code: 'REQUIRED', zh: '请说明哪里有误', en: 'Say what is wrong' },
        ]);
      return database.transaction(async (tx) => {
        await detail(tx, actor, id);
        if (!(await yearExists(tx, id, year))) fail('YEAR_NOT_FOUND');
        const flag = await insertFlag(tx, {
          enterpriseId: id,
          year,
          field: input.field,
          comment: input.comment.trim(),
          userId: actor.userId,
          username: actor.username,
        });
        await audit(tx, actor, 'enterprise.year_flag', id, { year, field: input.field });
        return flag;
      });
    },
  };
}
export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
