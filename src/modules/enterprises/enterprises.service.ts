import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import {
  enterpriseLabels,
  enterpriseYearFlags,
  enterpriseYears,
  enterprises,
  industries,
  industryClassMapping,
  industryClasses,
  platforms,
} from '../../platform/db/schema';
import { AppError, fail } from '../../platform/errors';
import { recordAudit, subjectOf } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { validateEnterprise, type EnterpriseInput } from './core/enterprise-rules';
import { YEAR_FIELD_KEYS, type YearFieldKey } from './core/fields';
import { pinyinInitials } from './core/pinyin';
import {
  enterpriseExtras,
  findEnterpriseItem,
  iterateEnterprises,
  iterateYear,
  listEnterprises,
  refreshScale,
  yearView,
  type EnterpriseListItem,
  type EnterpriseQuery,
  type EnterpriseYearExportRow,
} from './enterprises.repository';

export type { EnterpriseYearExportRow };

export type EnterprisePatch = Partial<Omit<EnterpriseInput, 'uscc'>> & { version: number };
export type YearFigures = Partial<Record<YearFieldKey, number | null>>;

/**
 * Recomputes 规上/规下 of the given enterprises from their latest figures, inside the caller's
 * transaction (imports call it after writing figures).
 */
export async function refreshEnterpriseScale(tx: Tx, ids: number[]): Promise<void> {
  await refreshScale(tx, ids);
}

export function createEnterpriseService(db: Db) {
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) fail('FORBIDDEN');
  };

  async function detail(tx: Db | Tx, actor: Actor, id: number) {
    const item = await findEnterpriseItem(tx, platformScope(actor), id);
    if (!item) return fail('ENTERPRISE_NOT_FOUND');
    return { ...item, ...(await enterpriseExtras(tx, id)) };
  }

  async function reference(tx: Db | Tx) {
    const p = await tx.select({ id: platforms.id }).from(platforms);
    const c = await tx
      .select({ code: industryClasses.code })
      .from(industryClasses)
      .where(eq(industryClasses.level, 'class'));
    return { platformIds: new Set(p.map((r) => r.id)), industryClasses: new Set(c.map((r) => r.code)) };
  }

  async function writeLabels(tx: Db | Tx, id: number, labels: EnterpriseInput['labels']) {
    await tx.delete(enterpriseLabels).where(eq(enterpriseLabels.enterpriseId, id));
    if (labels.length)
      await tx.insert(enterpriseLabels).values(labels.map((l) => ({ enterpriseId: id, ...l })));
  }

  /** The platform a platform admin may place enterprises on; others may use any. */
  function checkPlatformAllowed(actor: Actor, platformId: number) {
    if (actor.role === 'platform_admin' && actor.platformId !== platformId) fail('FORBIDDEN');
  }

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

    async get(actor: Actor, id: number) {
      require(actor, 'enterprise:read');
      return detail(db, actor, id);
    },

    async create(actor: Actor, input: EnterpriseInput) {
      require(actor, 'enterprise:write');
      checkPlatformAllowed(actor, input.platformId);
      return db.transaction(async (tx) => {
        const errors = validateEnterprise(input, await reference(tx));
        if (errors.length) fail('VALIDATION_FAILED', errors);
        const taken = await tx
          .select({ id: enterprises.id })
          .from(enterprises)
          .where(eq(enterprises.uscc, input.uscc));
        if (taken.length)
          throw new AppError('DUPLICATE_USCC', [
            {
              field: 'uscc',
              code: 'DUPLICATE_USCC',
              zh: '该统一社会信用代码已登记',
              en: 'This USCC is already registered',
            },
          ]);
        const [row] = await tx
          .insert(enterprises)
          .values({
            uscc: input.uscc,
            name: input.name.trim(),
            nameInitials: pinyinInitials(input.name),
            platformId: input.platformId,
            industryClass: input.industryClass,
            scaleOverride: input.scaleOverride,
            ownLandMu: input.ownLandMu,
            leasedFloorM2: input.leasedFloorM2,
            ratingExemption: input.ratingExemption ?? null,
            address: input.address.trim(),
          })
          .returning({ id: enterprises.id });
        await writeLabels(tx, row!.id, input.labels);
        await refreshScale(tx, [row!.id]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'enterprise.create',
          result: 'success',
          objectType: 'enterprise',
          objectId: row!.id,
          detail: { uscc: input.uscc, name: input.name },
        });
        return detail(tx, actor, row!.id);
      });
    },

    async update(actor: Actor, id: number, patch: EnterprisePatch) {
      require(actor, 'enterprise:write');
      return db.transaction(async (tx) => {
        const current = await detail(tx, actor, id);
        const [locked] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
        if (locked!.version !== patch.version) fail('VERSION_CONFLICT');
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
        const errors = validateEnterprise(next, await reference(tx));
        if (errors.length) fail('VALIDATION_FAILED', errors);
        await tx
          .update(enterprises)
          .set({
            name: next.name.trim(),
            nameInitials: pinyinInitials(next.name),
            platformId: next.platformId,
            industryClass: next.industryClass,
            scaleOverride: next.scaleOverride,
            ownLandMu: next.ownLandMu,
            leasedFloorM2: next.leasedFloorM2,
            ratingExemption: next.ratingExemption ?? null,
            address: next.address.trim(),
            version: sql`${enterprises.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(enterprises.id, id));
        if (patch.labels) await writeLabels(tx, id, next.labels);
        await refreshScale(tx, [id]);
        const { version: _v, ...fields } = patch;
        await recordAudit(tx, subjectOf(actor), {
          action: 'enterprise.update',
          result: 'success',
          objectType: 'enterprise',
          objectId: id,
          detail: { fields: Object.keys(fields) },
        });
        return detail(tx, actor, id);
      });
    },

    async putYear(actor: Actor, id: number, year: number, figures: YearFigures) {
      require(actor, 'enterprise:write');
      return db.transaction(async (tx) => {
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
        const [row] = await tx
          .insert(enterpriseYears)
          .values({ enterpriseId: id, year, ...values })
          .onConflictDoUpdate({
            target: [enterpriseYears.enterpriseId, enterpriseYears.year],
            // A changed figure needs the enterprise's confirmation again.
            set: { ...values, confirmedAt: null, confirmedBy: null, updatedAt: new Date() },
          })
          .returning();
        await refreshScale(tx, [id]);
        await recordAudit(tx, subjectOf(actor), {
          action: 'enterprise.year_update',
          result: 'success',
          objectType: 'enterprise',
          objectId: id,
          detail: { year, fields: Object.keys(values) },
        });
        return yearView(row!, null);
      });
    },

    async confirmYear(actor: Actor, id: number, year: number) {
      require(actor, 'enterprise:confirm');
      return db.transaction(async (tx) => {
        await detail(tx, actor, id);
        const [row] = await tx
          .update(enterpriseYears)
          .set({ confirmedAt: new Date(), confirmedBy: actor.userId })
          .where(and(eq(enterpriseYears.enterpriseId, id), eq(enterpriseYears.year, year)))
          .returning();
        if (!row) fail('YEAR_NOT_FOUND');
        await recordAudit(tx, subjectOf(actor), {
          action: 'enterprise.year_confirm',
          result: 'success',
          objectType: 'enterprise',
          objectId: id,
          detail: { year },
        });
        return yearView(row!, actor.username);
      });
    },

    async flag(actor: Actor, id: number, year: number, input: { field: string; comment: string }) {
      require(actor, 'enterprise:confirm');
      if (!(YEAR_FIELD_KEYS as readonly string[]).includes(input.field))
        fail('VALIDATION_FAILED', [
          { field: 'field', code: 'UNKNOWN_FIELD', zh: '未知的指标', en: 'Unknown figure' },
        ]);
      if (!input.comment.trim())
        fail('VALIDATION_FAILED', [
          { field: 'comment', code: 'REQUIRED', zh: '请说明哪里有误', en: 'Say what is wrong' },
        ]);
      return db.transaction(async (tx) => {
        await detail(tx, actor, id);
        const [y] = await tx
          .select({ year: enterpriseYears.year })
          .from(enterpriseYears)
          .where(and(eq(enterpriseYears.enterpriseId, id), eq(enterpriseYears.year, year)));
        if (!y) fail('YEAR_NOT_FOUND');
        const [row] = await tx
          .insert(enterpriseYearFlags)
          .values({
            enterpriseId: id,
            year,
            field: input.field,
            comment: input.comment.trim(),
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, subjectOf(actor), {
          action: 'enterprise.year_flag',
          result: 'success',
          objectType: 'enterprise',
          objectId: id,
          detail: { year, field: input.field },
        });
        return {
          id: row!.id,
          year,
          field: row!.field,
          comment: row!.comment,
          createdBy: actor.username,
          createdAt: row!.createdAt.toISOString(),
          resolvedAt: null,
        };
      });
    },

    async industryClasses(actor: Actor, q: { keyword?: string; level?: string }) {
      if (!can(actor, 'enterprise:read') && !can(actor, 'platform:read')) fail('FORBIDDEN');
      const k = q.keyword?.trim();
      const rows = await db
        .select({
          code: industryClasses.code,
          level: industryClasses.level,
          parentCode: industryClasses.parentCode,
          nameZh: industryClasses.nameZh,
          nameEn: industryClasses.nameEn,
          keyIndustry: industryClassMapping.industryCode,
        })
        .from(industryClasses)
        .leftJoin(industryClassMapping, eq(industryClassMapping.classCode, industryClasses.code))
        .where(
          and(
            q.level ? eq(industryClasses.level, q.level as 'class') : undefined,
            k
              ? or(
                  like(industryClasses.code, `${k.replace(/[\\%_]/g, '')}%`),
                  ilike(industryClasses.nameZh, `%${k.replace(/[\\%_]/g, '')}%`),
                )
              : undefined,
          ),
        )
        .orderBy(asc(industryClasses.code))
        .limit(1000);
      return { items: rows.map((r) => ({ ...r, keyIndustry: r.keyIndustry ?? null })) };
    },

    async setKeyIndustry(actor: Actor, classCode: string, industryCode: string | null) {
      require(actor, 'industry:map');
      return db.transaction(async (tx) => {
        const [cls] = await tx
          .select()
          .from(industryClasses)
          .where(and(eq(industryClasses.code, classCode), eq(industryClasses.level, 'class')));
        if (!cls) fail('INDUSTRY_CLASS_NOT_FOUND');
        if (industryCode !== null) {
          const [ind] = await tx.select().from(industries).where(eq(industries.code, industryCode));
          if (!ind)
            fail('VALIDATION_FAILED', [
              {
                field: 'industryCode',
                code: 'UNKNOWN_INDUSTRY',
                zh: '未知的重点产业',
                en: 'Unknown key industry',
              },
            ]);
        }
        const [before] = await tx
          .select()
          .from(industryClassMapping)
          .where(eq(industryClassMapping.classCode, classCode));
        if (industryCode === null)
          await tx.delete(industryClassMapping).where(eq(industryClassMapping.classCode, classCode));
        else
          await tx
            .insert(industryClassMapping)
            .values({ classCode, industryCode })
            .onConflictDoUpdate({
              target: industryClassMapping.classCode,
              set: { industryCode, updatedAt: new Date() },
            });
        await recordAudit(tx, subjectOf(actor), {
          action: 'industry.mapping_change',
          result: 'success',
          objectType: 'industry_class',
          objectId: classCode,
          detail: { before: before?.industryCode ?? null, after: industryCode },
        });
        return { code: classCode, keyIndustry: industryCode };
      });
    },
  };
}
export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
