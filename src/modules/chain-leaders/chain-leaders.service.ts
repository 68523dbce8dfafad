import type { Database, Tx } from '../../platform/db/client';
import type { PlatformScope } from '../../platform/scope';
import { zonedDate } from '../../platform/time-zone';
import { fail, forbidden } from '../../platform/errors';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import * as repo from './chain-leaders.repository';
import type {
  ChainLeaderDecision,
  ChainLeaderFilters,
  ChainLeaderList,
  ChainLeaderQuery,
  ChainLeaderRow,
  ChainLeaderSummary,
  DecisionInput,
  DecisionResult,
  TrailItem,
  TrailQuery,
} from './chain-leaders.schemas';
import {
  addTo,
  CHAIN_LEADER_OUTPUT,
  decisionAllowed,
  emptyCounts,
  grantDate,
  isCandidate,
  matchesKeyword,
  normaliseReason,
  REASON_MIN_LENGTH,
  statusOf,
  type Counts,
  type Decision,
} from './core/rules';

type ListFilters = Omit<ChainLeaderFilters, 'year'>;

const withoutInitials = ({ nameInitials: _omit, ...row }: ChainLeaderRow & { nameInitials: string }) =>
  row as ChainLeaderRow;

export interface DecisionRecord {
  enterpriseId: number;
  year: number;
  decision: Decision;
  /** Already normalised (`normaliseReason`). */
  reason: string;
  decidedBy: number | null;
  decidedByName: string;
  /** The day of the decision (YYYY-MM-DD, China time): the label's date follows from it. */
  today: string;
  /** When the decision was taken; now when left out. */
  decidedAt?: Date;
}

/**
 * Records one decision in the caller's transaction: the rules (a candidate of the year, or a
 * leader to revoke), the decision row, the label and the audit row. The task force's decisions
 * (`decide`) and the demo city's confirmed leaders both come through here.
 */
export async function applyDecisionIn(
  tx: Tx,
  subject: AuditSubject,
  scope: PlatformScope,
  d: DecisionRecord,
): Promise<ChainLeaderDecision> {
  const found = await repo.lockForDecision(tx, scope, d.enterpriseId, d.year);
  if (!found) return fail('ENTERPRISE_NOT_FOUND');
  const candidate = isCandidate(found.output);
  if (!decisionAllowed(d.decision, candidate, found.label !== null)) fail('CHAIN_NOT_CANDIDATE');
  const saved = await repo.insertDecision(tx, {
    enterpriseId: d.enterpriseId,
    year: d.year,
    decision: d.decision,
    reason: d.reason,
    decidedBy: d.decidedBy,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt ?? null,
  });
  let label: Record<string, unknown>;
  if (d.decision === 'confirmed') {
    const grantedOn = grantDate(d.year, d.today, found.label ? found.label.grantedOn : undefined);
    await repo.upsertLabel(tx, d.enterpriseId, grantedOn);
    label = { grantedOn, previousGrantedOn: found.label ? found.label.grantedOn : undefined };
  } else {
    if (found.label) await repo.deleteLabel(tx, d.enterpriseId);
    label = { revoked: found.label !== null, previousGrantedOn: found.label?.grantedOn };
  }
  await recordAudit(tx, subject, {
    action: d.decision === 'confirmed' ? 'chain_leader.confirm' : 'chain_leader.decline',
    result: 'success',
    objectType: 'enterprise',
    objectId: d.enterpriseId,
    detail: {
      decisionId: saved.id,
      year: d.year,
      output: found.output,
      reason: d.reason,
      decidedAt: saved.decidedAt,
      ...label,
    },
  });
  return saved;
}

/** Chain leaders (plan §3.1): candidates from data, confirmation by the task force. */
export function createChainLeaderService(database: Database) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };

  /** The asked year, or the latest year with enterprise figures (this year when there are none). */
  async function resolveYear(year: number | undefined) {
    const years = await repo.yearsWithFigures(db);
    const resolved = year ?? years[years.length - 1] ?? Number(zonedDate().slice(0, 4));
    return { year: resolved, years };
  }

  /** Every row of the year in the actor's scope, with its status. */
  async function rowsOfYear(
    actor: Actor,
    year: number,
  ): Promise<(ChainLeaderRow & { nameInitials: string })[]> {
    const rows = await repo.yearRows(db, platformScope(actor), year);
    const decisions = await repo.latestDecisions(
      db,
      rows.map((r) => r.enterpriseId),
      year,
    );
    return rows.map(({ labelled, grantedOn, ...r }) => {
      const latest = decisions.get(r.enterpriseId) ?? null;
      return {
        ...r,
        belowThreshold: !isCandidate(r.output),
        status: statusOf({
          labelled,
          latestDecisionOfYear: latest && latest.year === year ? latest.decision : null,
        }),
        grantedOn: labelled ? grantedOn : null,
        latestDecision: latest,
      };
    });
  }

  function filtered(rows: (ChainLeaderRow & { nameInitials: string })[], f: ListFilters): ChainLeaderRow[] {
    return rows
      .filter(
        (r) =>
          (!f.platformId || r.platformId === f.platformId) &&
          (!f.industry || r.keyIndustry === f.industry) &&
          (!f.status || r.status === f.status) &&
          matchesKeyword(r, f.keyword),
      )
      .map(withoutInitials);
  }

  return {
    /** Candidates of the year and confirmed leaders below the line, filtered and paged. */
    async list(actor: Actor, q: ChainLeaderQuery): Promise<ChainLeaderList> {
      require(actor, 'cockpit:read');
      const { year, years } = await resolveYear(q.year);
      const rows = filtered(await rowsOfYear(actor, year), q);
      const start = (q.page - 1) * q.pageSize;
      return {
        year,
        years,
        threshold: CHAIN_LEADER_OUTPUT,
        items: rows.slice(start, start + q.pageSize),
        total: rows.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Every row matching the filters (for the export); records the export in the audit log. */
    async exportRows(
      actor: Actor,
      q: ChainLeaderFilters,
    ): Promise<{ year: number; rows: ChainLeaderRow[]; industryNames: Map<string, string> }> {
      require(actor, 'cockpit:read');
      const { year } = await resolveYear(q.year);
      const rows = filtered(await rowsOfYear(actor, year), q);
      await recordAudit(db, subjectOf(actor), {
        action: 'chain_leader.export',
        result: 'success',
        objectType: 'chain_leader',
        detail: { year, filters: { ...q, year: undefined }, rows: rows.length },
      });
      const industryNames = new Map((await repo.industryList(db)).map((i) => [i.code, i.nameZh]));
      return { year, rows, industryNames };
    },

    /** Counts of the year: in total, by platform and by key industry. */
    async summary(actor: Actor, yearAsked?: number): Promise<ChainLeaderSummary> {
      require(actor, 'cockpit:read');
      const { year, years } = await resolveYear(yearAsked);
      const rows = await rowsOfYear(actor, year);
      const total = emptyCounts();
      const byPlatform = new Map<number, Counts>();
      const byIndustry = new Map<string | null, Counts>();
      for (const r of rows) {
        addTo(total, r);
        const p = byPlatform.get(r.platformId) ?? emptyCounts();
        addTo(p, r);
        byPlatform.set(r.platformId, p);
        const i = byIndustry.get(r.keyIndustry) ?? emptyCounts();
        addTo(i, r);
        byIndustry.set(r.keyIndustry, i);
      }
      const platforms = await repo.platformsInScope(db, platformScope(actor));
      const industries = await repo.industryList(db);
      return {
        year,
        years,
        threshold: CHAIN_LEADER_OUTPUT,
        total,
        // Every active platform in scope (zeros included), and archived ones that have rows.
        byPlatform: platforms
          .filter((p) => !p.archived || byPlatform.has(p.id))
          .map((p) => ({
            platformId: p.id,
            platformName: p.name,
            platformNameEn: p.nameEn,
            ...(byPlatform.get(p.id) ?? emptyCounts()),
          })),
        // Every key industry (zeros included), then other industries and unmapped ones with rows.
        byIndustry: [
          ...industries
            .filter((i) => i.isKey || byIndustry.has(i.code))
            .map((i) => ({
              industry: i.code as string | null,
              nameZh: i.nameZh,
              nameEn: i.nameEn,
              isKey: i.isKey,
              ...(byIndustry.get(i.code) ?? emptyCounts()),
            })),
          ...(byIndustry.has(null)
            ? [
                {
                  industry: null,
                  nameZh: '未归入重点产业',
                  nameEn: 'Not in a key industry',
                  isKey: false,
                  ...byIndustry.get(null)!,
                },
              ]
            : []),
        ],
      };
    },

    /** Decisions, newest first: of one enterprise, or of every enterprise in scope (the latest 500). */
    async decisions(actor: Actor, q: TrailQuery): Promise<TrailItem[]> {
      require(actor, 'cockpit:read');
      const scope = platformScope(actor);
      if (q.enterpriseId && !(await repo.enterpriseInScope(db, scope, q.enterpriseId)))
        fail('ENTERPRISE_NOT_FOUND');
      return repo.decisionTrail(db, scope, { ...q, limit: 500 });
    },

    /**
     * The task force confirms a candidate (grants the label) or declines it (revokes the label if
     * held), with a reason. One transaction with the decision and the audit row.
     */
    async decide(actor: Actor, input: DecisionInput, today: string = zonedDate()): Promise<DecisionResult> {
      require(actor, 'chain:decide');
      const reason = normaliseReason(input.reason);
      if (reason === null)
        fail('DECISION_REASON_REQUIRED', [
          {
            field: 'reason',
            code: 'TOO_SHORT',
            zh: `请填写理由（至少 ${REASON_MIN_LENGTH} 个字）`,
            en: `Give a reason (at least ${REASON_MIN_LENGTH} characters)`,
          },
        ]);
      const decision = await database.transaction(async (tx) =>
        applyDecisionIn(tx, subjectOf(actor), platformScope(actor), {
          enterpriseId: input.enterpriseId,
          year: input.year,
          decision: input.decision,
          reason: reason!,
          decidedBy: actor.userId,
          decidedByName: (await repo.displayNameOf(tx, actor.userId)) ?? actor.username,
          today,
        }),
      );
      // The enterprise's row of the year after the decision (none: a revoked leader below the line).
      const row = (await rowsOfYear(actor, input.year)).find((r) => r.enterpriseId === input.enterpriseId);
      return { decision, item: row ? withoutInitials(row) : null };
    },
  };
}
export type ChainLeaderService = ReturnType<typeof createChainLeaderService>;
