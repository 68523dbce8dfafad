/**
 * Reported statistics (统计上报数, domain guide §7): platform-year figures entered by hand. A reported
 * figure overrides the value computed from enterprise data, or supplies one nothing can compute
 * (≥10亿 projects, innovation and 双创 platforms, the public-service platform). The task force reports
 * for any platform, a platform administrator for their own; leaders read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Database, Db, Tx } from '../../platform/db/client';
import { AppError, fail, type FieldError, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditAction } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { readSheet } from '../spreadsheets/read/read-in-worker';
import { BASE_FIGURES, FIGURES, REPORTED_ONLY, type BaseFigure } from './core/metrics';
import {
  readStatsSheet,
  validateBatch,
  validateKey,
  validateStat,
  type BatchChange,
  type SheetProblem,
} from './core/reported';
import { FILE_HEADLINES } from '../spreadsheets/core/file-kind';
import * as repo from './reported-stats.repository';
import type {
  ChangeCounts,
  ReportableFigure,
  ReportedStat,
  StatClearQuery,
  StatClearResult,
  StatListQuery,
  StatSetBody,
  StatSetResult,
  StatsBatchBody,
  StatsBatchResult,
  StatsImportResult,
} from './reported-stats.schemas';

export type ChangeSource = 'single' | 'batch' | 'import';

/** What a year's reporting template holds: the actor's platforms and their reported figures. */
export interface TemplatePlatform {
  id: number;
  name: string;
  values: Partial<Record<BaseFigure, number>>;
}

const invalid = (problems: FieldError[]): never => {
  throw new AppError('STAT_INVALID', problems);
};

export function createReportedStatsService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  /** A platform the actor may report for (read scope = write scope), or 404. */
  async function platformOrFail(tx: Db | Tx, actor: Actor, platformId: number) {
    return (await repo.findPlatform(tx, platformScope(actor), platformId)) ?? fail('PLATFORM_NOT_FOUND');
  }

  /**
   * Applies changes to one platform-year inside `tx`: sets, clears, one audit row per real change.
   * A value and note equal to what is stored, or clearing a figure without override, change nothing.
   */
  async function apply(
    tx: Tx,
    actor: Actor,
    enteredByName: string,
    platform: { id: number; name: string },
    year: number,
    changes: readonly BatchChange[],
    source: ChangeSource,
  ): Promise<ChangeCounts> {
    const current = await repo.statsOf(tx, platform.id, year, true);
    const counts: ChangeCounts = { set: 0, cleared: 0, unchanged: 0 };
    for (const change of changes) {
      const old = current.get(change.figure);
      const audit = (action: AuditAction, detail: Record<string, unknown>) =>
        recordAudit(tx, subjectOf(actor), {
          action,
          result: 'success',
          objectType: 'platform_year_stat',
          objectId: `${platform.id}:${year}:${change.figure}`,
          detail: {
            platformId: platform.id,
            platformName: platform.name,
            year,
            figure: change.figure,
            old: old?.value ?? null,
            ...detail,
            source,
          },
        });
      if (change.value === null) {
        if (!old) {
          counts.unchanged++;
          continue;
        }
        await repo.deleteStat(tx, platform.id, year, change.figure);
        await audit('platform_stat.clear', { new: null, oldNote: old.note });
        counts.cleared++;
        continue;
      }
      const note = change.note ?? old?.note ?? '';
      if (old && old.value === change.value && old.note === note) {
        counts.unchanged++;
        continue;
      }
      await repo.upsertStat(tx, {
        platformId: platform.id,
        year,
        figure: change.figure,
        value: change.value,
        note,
        enteredBy: actor.userId,
        enteredByName,
      });
      await audit('platform_stat.set', {
        new: change.value,
        ...(old && old.note !== note ? { oldNote: old.note } : {}),
        note,
      });
      counts.set++;
    }
    return counts;
  }

  async function nameOf(actor: Actor) {
    return (await repo.displayNameOf(db, actor.userId)) || actor.username;
  }

  return {
    /** The figures that can be reported, with kind and unit (any signed-in user). */
    figures(_actor: Actor): ReportableFigure[] {
      return BASE_FIGURES.map((f) => ({ ...FIGURES[f], reportedOnly: REPORTED_ONLY.includes(f) }));
    },

    /** Reported figures of a year (and platform), within the actor's platforms. */
    async list(actor: Actor, filter: StatListQuery): Promise<ReportedStat[]> {
      require(actor, 'cockpit:read');
      const scope = platformScope(actor);
      if (filter.platformId !== undefined) await platformOrFail(db, actor, filter.platformId);
      return repo.listStats(db, scope, filter);
    },

    /** Sets (inserts or replaces) one reported figure. An omitted note keeps the stored one. */
    async set(actor: Actor, input: StatSetBody): Promise<StatSetResult> {
      require(actor, 'stats:report');
      const checked = validateStat(input);
      if (!checked.ok) return invalid(checked.problems);
      const { year, figure, value, note } = checked.value;
      const enteredByName = await nameOf(actor);
      return database.transaction(async (tx) => {
        const platform = await platformOrFail(tx, actor, input.platformId);
        const counts = await apply(
          tx,
          actor,
          enteredByName,
          platform,
          year,
          [{ figure, value, note }],
          'single',
        );
        const row = (await repo.statsOf(tx, platform.id, year)).get(figure)!;
        return { ...row, changed: counts.set > 0 };
      });
    },

    /** Removes one override: the computed value applies again. Every part of the key is required. */
    async clear(actor: Actor, key: StatClearQuery): Promise<StatClearResult> {
      const { platformId, year: yearIn, figure: figureIn } = key;
      if (platformId === undefined || yearIn === undefined || figureIn === undefined)
        throw new AppError(
          'VALIDATION_FAILED',
          (['platformId', 'year', 'figure'] as const)
            .filter((f) => key[f] === undefined)
            .map((field) => ({ field, code: 'REQUIRED', zh: '必填', en: 'Required' })),
        );
      require(actor, 'stats:report');
      const checked = validateKey({ year: yearIn, figure: figureIn });
      if (!checked.ok) return invalid(checked.problems);
      const { year, figure } = checked.value;
      return database.transaction(async (tx) => {
        const platform = await platformOrFail(tx, actor, platformId);
        const counts = await apply(
          tx,
          actor,
          '',
          platform,
          year,
          [{ figure, value: null, note: undefined }],
          'single',
        );
        return { cleared: counts.cleared > 0 };
      });
    },

    /** Several figures of one platform-year in one transaction; a null value clears. */
    async batch(actor: Actor, input: StatsBatchBody): Promise<StatsBatchResult> {
      require(actor, 'stats:report');
      const checked = validateBatch(input);
      if (!checked.ok) return invalid(checked.problems);
      const { year, items } = checked.value;
      const enteredByName = await nameOf(actor);
      return database.transaction(async (tx) => {
        const platform = await platformOrFail(tx, actor, input.platformId);
        const counts = await apply(tx, actor, enteredByName, platform, year, items, 'batch');
        const rows = [...(await repo.statsOf(tx, platform.id, year)).values()];
        return {
          platformId: platform.id,
          platformName: platform.name,
          year,
          ...counts,
          items: sortRows(rows),
        };
      });
    },

    /** What a template of a year holds: the actor's platforms and their reported figures. */
    async templateData(actor: Actor, year: number): Promise<TemplatePlatform[]> {
      require(actor, 'stats:report');
      const checked = validateKey({ year, figure: 'output' });
      if (!checked.ok) return invalid(checked.problems);
      const scope = platformScope(actor);
      const [platforms, stats] = await Promise.all([
        repo.platformsOf(db, scope),
        repo.listStats(db, scope, { year }),
      ]);
      const byPlatform = new Map<number, Partial<Record<BaseFigure, number>>>();
      for (const s of stats)
        byPlatform.set(s.platformId, { ...byPlatform.get(s.platformId), [s.figure]: s.value });
      return platforms.map((p) => ({ ...p, values: byPlatform.get(p.id) ?? {} }));
    },

    /**
     * Imports a workbook of one year (one row per platform, one column per figure): all or
     * nothing, one transaction; rows for platforms outside the actor's scope are refused.
     */
    async importWorkbook(
      actor: Actor,
      input: { year: number; file: string; fileName: string },
    ): Promise<StatsImportResult> {
      require(actor, 'stats:report');
      const checked = validateKey({ year: input.year, figure: 'output' });
      if (!checked.ok) return invalid(checked.problems);
      const sha256 = createHash('sha256')
        .update(await fs.readFile(input.file))
        .digest('hex');
      const parsed = await readSheet(input.file, { preferSheets: [`${input.year}年统计上报`] });
      if (!parsed.ok) {
        const { code, zh, en } = parsed.failure;
        const headline = FILE_HEADLINES[code];
        throw new AppError('FILE_REJECTED', [
          { field: 'file', code, zh: `${headline.zh}：${zh}`, en: `${headline.en}: ${en}` },
        ]);
      }
      const scope = platformScope(actor);
      // Archived platforms stay reportable (their past years still count).
      const platforms = await repo.platformsOf(db, scope, true);
      const read = readStatsSheet(parsed.sheet, platforms);
      if (!read.ok) return invalid(read.problems.slice(0, 200).map(detailOf));
      const enteredByName = await nameOf(actor);
      return database.transaction(async (tx) => {
        const total: ChangeCounts = { set: 0, cleared: 0, unchanged: 0 };
        for (const row of read.rows) {
          const platform = await platformOrFail(tx, actor, row.platformId);
          const counts = await apply(tx, actor, enteredByName, platform, input.year, row.changes, 'import');
          total.set += counts.set;
          total.cleared += counts.cleared;
          total.unchanged += counts.unchanged;
        }
        await recordAudit(tx, subjectOf(actor), {
          action: 'platform_stat.import',
          result: 'success',
          objectType: 'platform_year_stat',
          objectId: String(input.year),
          detail: { year: input.year, file: input.fileName, sha256, rows: read.rows.length, ...total },
        });
        return { year: input.year, platforms: read.rows.length, ...total };
      });
    },
  };
}

const detailOf = (p: SheetProblem): FieldError => ({ field: p.field, code: p.code, zh: p.zh, en: p.en });

const ORDER = Object.keys(FIGURES);
const sortRows = (rows: ReportedStat[]) =>
  rows.sort((a, b) => ORDER.indexOf(a.figure) - ORDER.indexOf(b.figure));
