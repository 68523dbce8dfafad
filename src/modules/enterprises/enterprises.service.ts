import {
  PHONE_CONTEXT,
  PiCryptoError,
  normalisePhone,
  openPhone,
  type PiKeyRing,
} from '../../platform/crypto/personal-info';
import type { Database, Db, Tx } from '../../platform/db/client';
import { AppError, fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditAction } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { labelsAfterEdit, validateEnterprise, type EnterpriseInput } from './core/enterprise-rules';
import { YEAR_FIELD_KEYS, maskPhone } from './core/fields';
import {
  confirmYearRow,
  enterpriseExtras,
  enterpriseReference,
  findContactPhone,
  findEnterpriseItem,
  insertEnterprise,
  insertFlag,
  iterateEnterprises,
  iterateYear,
  listEnterprises,
  lockVersion,
  moveEnterpriseRow,
  platformNameOf,
  refreshScale,
  resolveFlagRow,
  updateEnterpriseRow,
  upsertYear,
  usccTaken,
  writeLabels,
  yearExists,
  yearVersion,
  type EnterpriseYearExportRow,
} from './enterprises.repository';
import type {
  ContactReveal,
  FlagResolveBody,
  EnterpriseDetail,
  EnterpriseListItem,
  EnterpriseMoveBody,
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

/** What a list shows for a stored number that cannot be opened (unknown key, altered bytes). */
export const UNREADABLE_PHONE = '***********';

/**
 * Enterprises, their figures and contacts. `keys` gives the personal-information key ring (read
 * when first needed): contact phone numbers are stored sealed and leave the server masked, except
 * through the audited `revealPhone`.
 */
export function createEnterpriseService(database: Database, keys: () => PiKeyRing) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  function maskedPhone(phoneCipher: Buffer | null): string {
    try {
      return maskPhone(openPhone(keys(), phoneCipher));
    } catch (error) {
      if (error instanceof PiCryptoError) return UNREADABLE_PHONE;
      throw error;
    }
  }

  /** A keyword that is a whole phone number also matches contacts, through the keyed index. */
  function withPhoneLookup<Q extends { keyword?: string }>(query: Q): Q & { phoneIndexes?: Buffer[] } {
    const keyword = query.keyword?.trim() ?? '';
    if (!/^[+\d\s()-]+$/.test(keyword)) return query;
    const digits = normalisePhone(keyword);
    if (digits.length < 7 || digits.length > 15) return query;
    return { ...query, phoneIndexes: keys().indexes(PHONE_CONTEXT, digits) };
  }

  async function detail(tx: Db | Tx, actor: Actor, id: number): Promise<EnterpriseDetail> {
    const item = await findEnterpriseItem(tx, platformScope(actor), id);
    if (!item) return fail('ENTERPRISE_NOT_FOUND');
    const { contacts, ...extras } = await enterpriseExtras(tx, id);
    return {
      ...item,
      ...extras,
      contacts: contacts.map(({ phoneCipher, ...c }) => ({ ...c, phone: maskedPhone(phoneCipher) })),
    };
  }

  async function validOrFail(tx: Tx, input: EnterpriseInput) {
    const errors = validateEnterprise(input, await enterpriseReference(tx));
    if (errors.length) fail('VALIDATION_FAILED', errors);
  }

  /** The platform a platform admin may place enterprises on; others may use any. */
  function checkPlatformAllowed(actor: Actor, platformId: number) {
    if (actor.role === 'platform_admin' && actor.platformId !== platformId) fail('FORBIDDEN');
  }

  const audit = (tx: Tx, actor: Actor, action: AuditAction, id: number, detail: Record<string, unknown>) =>
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
      return listEnterprises(db, platformScope(actor), withPhoneLookup(query));
    },

    /** Checks access now (not when the first row is read), then yields the rows in batches. */
    export(
      actor: Actor,
      query: Omit<EnterpriseQuery, 'page' | 'pageSize'>,
    ): AsyncGenerator<EnterpriseListItem[]> {
      require(actor, 'enterprise:read');
      return iterateEnterprises(db, platformScope(actor), withPhoneLookup(query));
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

    /**
     * A contact's phone number whole, for roles with `contact:reveal` and the contact in scope.
     * Every attempt leaves an audit row (user, enterprise, contact, result) before anything is
     * returned; no number is written to the trail.
     */
    async revealPhone(actor: Actor, enterpriseId: number, contactId: number): Promise<ContactReveal> {
      const record = (result: 'success' | 'failure', reason?: string) =>
        recordAudit(db, subjectOf(actor), {
          action: 'contact.reveal',
          result,
          objectType: 'enterprise_contact',
          objectId: contactId,
          detail: { enterpriseId, contactId, ...(reason ? { reason } : {}) },
        });
      if (!can(actor, 'contact:reveal')) {
        await record('failure', 'forbidden');
        return fail('FORBIDDEN');
      }
      const contact = await findContactPhone(db, platformScope(actor), enterpriseId, contactId);
      if (!contact) {
        await record('failure', 'not_found');
        return fail('CONTACT_NOT_FOUND');
      }
      let phone: string;
      try {
        phone = openPhone(keys(), contact.phoneCipher);
      } catch (error) {
        if (!(error instanceof PiCryptoError)) throw error;
        await record('failure', `unreadable:${error.problem}`);
        return fail('PERSONAL_INFO_UNREADABLE');
      }
      await record('success');
      return { contactId, phone };
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
        // Moving to another platform is its own action (move), for the task force only.
        if (patch.platformId !== undefined && patch.platformId !== current.platformId) {
          if (!can(actor, 'enterprise:move')) fail('FORBIDDEN');
          fail('VALIDATION_FAILED', [
            {
              field: 'platformId',
              code: 'USE_MOVE',
              zh: '修改不能改变所属园区，请在企业档案中使用“迁移园区”',
              en: 'An edit may not change the platform; use “Move to another platform” on the record',
            },
          ]);
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
          labels: patch.labels ? labelsAfterEdit(patch.labels, current.labels) : current.labels,
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

    /**
     * Moves an enterprise to another platform (task force only): checks the version, records the
     * move with from, to and the reason in the audit trail.
     */
    async move(actor: Actor, id: number, body: EnterpriseMoveBody): Promise<EnterpriseDetail> {
      require(actor, 'enterprise:move');
      return database.transaction(async (tx) => {
        const current = await detail(tx, actor, id);
        if ((await lockVersion(tx, id)) !== body.version) fail('VERSION_CONFLICT');
        const reason = body.reason.trim();
        const errors = [];
        if (body.platformId === current.platformId)
          errors.push({
            field: 'platformId',
            code: 'SAME_PLATFORM',
            zh: '企业已在该园区',
            en: 'The enterprise is already on this platform',
          });
        const to = await platformNameOf(tx, body.platformId);
        if (to === null)
          errors.push({
            field: 'platformId',
            code: 'UNKNOWN_PLATFORM',
            zh: '园区不存在',
            en: 'Unknown platform',
          });
        if (reason.length < 2)
          errors.push({
            field: 'reason',
            code: 'REQUIRED',
            zh: '请填写迁移原因（至少 2 个字）',
            en: 'Give the reason for the move (at least 2 characters)',
          });
        if (errors.length) fail('VALIDATION_FAILED', errors);
        await moveEnterpriseRow(tx, id, body.platformId);
        await audit(tx, actor, 'enterprise.move', id, {
          uscc: current.uscc,
          name: current.name,
          from: { platformId: current.platformId, name: current.platformName },
          to: { platformId: body.platformId, name: to },
          reason,
        });
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
        const expected = figures.version ?? 0;
        const row = await upsertYear(tx, id, year, values, expected);
        if (!row) {
          const current = await yearVersion(tx, id, year);
          return fail('VERSION_CONFLICT', [
            {
              field: 'version',
              code: 'STALE',
              zh: `${year} 年度数据已被他人修改（您读取的是第 ${expected} 版，现为第 ${current} 版），请刷新后再改`,
              en: `The ${year} figures were changed meanwhile (you read version ${expected}, it is now ${current}); reload and edit again`,
            },
          ]);
        }
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

    /**
     * Resolves a flagged figure with a note (corrected, or why it stands): whoever edits the
     * enterprise's figures — its platform's administrator or the task force.
     */
    async resolveFlag(actor: Actor, id: number, flagId: number, input: FlagResolveBody): Promise<YearFlag> {
      require(actor, 'enterprise:write');
      const note = input.note.trim();
      if (note.length < 2)
        fail('VALIDATION_FAILED', [
          {
            field: 'note',
            code: 'TOO_SHORT',
            zh: '请说明如何处理（至少 2 个字）',
            en: 'Say how it was resolved (at least 2 characters)',
          },
        ]);
      return database.transaction(async (tx) => {
        await detail(tx, actor, id);
        const flag = await resolveFlagRow(tx, id, flagId, actor.userId, note);
        if (flag === 'missing') return fail('YEAR_FLAG_NOT_FOUND');
        if (flag === 'resolved') return fail('YEAR_FLAG_RESOLVED');
        await audit(tx, actor, 'enterprise.year_flag_resolve', id, {
          flagId,
          year: flag.year,
          field: flag.field,
          note,
        });
        return flag;
      });
    },
  };
}
export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
