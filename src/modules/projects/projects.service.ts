/**
 * Investment projects (招商项目, domain guide §13; T6): the pipeline with stage changes submitted
 * and approved before they count, stall detection and escalation, the funnel and yearly figures,
 * 标准地 commitments checked at full production (达产复核), contacts (phones sealed, masked) and
 * documents.
 *
 * Who approves: a change by the task force (form or import) or the CLI counts at once; a platform
 * admin's waits for the task force or another admin of the same platform (never the submitter).
 */
import {
  PROJECT_PHONE_CONTEXT,
  PiCryptoError,
  openPhone,
  sealPhone,
  type PiKeyRing,
} from '../../platform/crypto/personal-info';
import type { Database, Db, Tx } from '../../platform/db/client';
import { fail, forbidden, type FieldError } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf, type AuditSubject } from '../audit/audit.service';
import { can, platformScope, type Actor, type Permission } from '../auth/core/access';
import { maskPhone } from '../enterprises/core/fields';
import { notifyIn } from '../notifications/notifications.service';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, sniffType } from '../requests/core/attachments';
import { formatProjectCode, STAGE_NAMES, type Origin } from './core/codes';
import { checkCommitments, isShort } from './core/commitments';
import { funnel as funnelOf, majorSigned, shareOf, signedIn } from './core/figures';
import { rulesByKey, stallOf, type StallRule } from './core/stalls';
import {
  applyChange,
  approvedAtOnce,
  mayDecide,
  refuseChange,
  refuseDecision,
  sizeClassOf,
  timeline,
} from './core/stages';
import * as repo from './projects.repository';
import { exportWorkbook, importProjects, templateWorkbook } from './projects.workbooks';
import type {
  CommitmentList,
  ContactWrite,
  Decision,
  Funnel,
  ImportResult,
  PendingChangeList,
  ProjectCreate,
  ProjectDetail,
  ProjectDocument,
  ProjectExportRow,
  ProjectFilters,
  ProjectList,
  ProjectQuery,
  ProjectStats,
  ProjectSummary,
  ProjectUpdate,
  StageChange,
  StageChangeCreate,
  StallList,
  StallRuleList,
} from './projects.schemas';

/** The plan's T6 bar: more than 60 projects of ≥ 10 亿元 signed a year, city-wide. */
export const T6_TARGET = 60;
/** Documents per project. */
export const DOCUMENTS_PER_PROJECT = 20;

const UNREADABLE_PHONE = '***********';
const STALL_SUBJECT: AuditSubject = { userId: null, username: 'system:stalls', ip: null };

const field = (name: string, code: string, zh: string, en: string): FieldError => ({
  field: name,
  code,
  zh,
  en,
});

/** T6 computed per platform for a year (the metrics module's base figure). */
export async function majorProjectsByPlatform(db: Db | Tx, year: number): Promise<Map<number, number>> {
  const rows = await repo.projectRows(db, { kind: 'all' }, { majorYear: year });
  return majorSigned(rows, year).byPlatform;
}

/** The stall rules in force (the demo pipeline keeps its projects within or past them). */
export const stallRulesIn = (db: Db | Tx): Promise<StallRule[]> => repo.stallRules(db);

export interface ProjectOptions {
  today?: string;
  origin?: Origin;
}

type Fields = repo.ProjectFields;

export function createProjectService(database: Database, keys: () => PiKeyRing) {
  const { db } = database;
  const require = (actor: Actor, permission: Permission) => {
    if (!can(actor, permission)) forbidden(permission);
  };
  const nameOf = async (tx: Db | Tx, actor: Actor) =>
    (actor.userId ? await repo.displayNameOf(tx, actor.userId) : null) ?? actor.username;

  function maskedPhone(cipher: Buffer | null): string {
    try {
      return maskPhone(openPhone(keys(), cipher, PROJECT_PHONE_CONTEXT));
    } catch (error) {
      if (error instanceof PiCryptoError) return UNREADABLE_PHONE;
      throw error;
    }
  }

  function summaryOf(p: repo.ProjectRow, rules: Map<string, StallRule>, today: string): ProjectSummary {
    const sizeClass = sizeClassOf(p.totalInvestment);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      investorName: p.investorDisplayName,
      investorEnterpriseId: p.investorEnterpriseId,
      investorOrigin: p.investorOrigin,
      platformId: p.platformId,
      platformName: p.platformName,
      platformNameEn: p.platformNameEn,
      industryCode: p.industryCode,
      industryZh: p.industryZh,
      industryEn: p.industryEn,
      chainNodeCode: p.chainNodeCode,
      totalInvestment: p.totalInvestment,
      sizeClass,
      landMu: p.landMu,
      source: p.source,
      ownerName: p.ownerName,
      stage: p.stage,
      stageDate: p.stageDate,
      status: p.status,
      endDate: p.endDate,
      signedOn: p.signedOn,
      pendingStage: p.pendingStage,
      pendingChangeId: p.pendingChangeId,
      stall: stallOf({ ...p, sizeClass }, rules, today),
      version: p.version,
    };
  }

  const changeView = (actor: Actor, c: repo.ChangeRow, platformId: number): StageChange => ({
    ...c,
    canDecide: can(actor, 'project:approve') && mayDecide(actor, c, platformId),
  });

  async function commitmentChecks(p: repo.ProjectRow, today: string) {
    const year = p.fullProductionYear;
    if (year === null || p.enterpriseId === null || year >= Number(today.slice(0, 4))) return null;
    const fromYear = Math.min(Number((p.signedOn ?? p.stageDate).slice(0, 4)), year);
    const actuals = (
      await repo.actualsOf(db, [{ projectId: p.id, enterpriseId: p.enterpriseId, fromYear, year }])
    ).get(p.id);
    const figures = actuals?.hasYear ? actuals : null;
    return { checks: checkCommitments(p, figures), missing: !actuals?.hasYear };
  }

  async function detailOf(actor: Actor, p: repo.ProjectRow, today: string): Promise<ProjectDetail> {
    const rules = rulesByKey(await repo.stallRules(db));
    const changes = await repo.changesOf(db, p.id);
    const approved = changes.filter((c) => c.status === 'approved').reverse();
    const contacts = await repo.contactsOf(db, p.id);
    const result = await commitmentChecks(p, today);
    const writable = can(actor, 'project:write');
    return {
      ...summaryOf(p, rules, today),
      investorUscc: p.investorUscc,
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      fixedAssetInvestment: p.fixedAssetInvestment,
      foreignInvestment: p.foreignInvestment,
      parcel: p.parcel,
      energyTce: p.energyTce,
      referrerEnterpriseId: p.referrerEnterpriseId,
      referrerName: p.referrerName,
      ownerUserId: p.ownerUserId,
      endReason: p.endReason,
      committedIntensity: p.committedIntensity,
      committedOutputPerMu: p.committedOutputPerMu,
      committedTaxPerMu: p.committedTaxPerMu,
      fullProductionYear: p.fullProductionYear,
      note: p.note,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      timeline: timeline(p.stage, approved, null),
      changes: changes.map((c) => changeView(actor, c, p.platformId)),
      contacts: contacts.map(({ phoneCipher, ...c }) => ({ ...c, phone: maskedPhone(phoneCipher) })),
      documents: (await repo.documentsOf(db, p.id)) as ProjectDocument[],
      commitments: result?.checks ?? [],
      canEdit: writable,
      canSubmit:
        writable && p.status === 'active' && p.pendingChangeId === null && p.stage !== 'full_production',
    };
  }

  async function found(tx: Db | Tx, actor: Actor, id: number, lock = false): Promise<repo.ProjectRow> {
    const p = await repo.projectById(tx, platformScope(actor), id, lock);
    return p ?? fail('PROJECT_NOT_FOUND');
  }

  /** A platform admin places projects on its own platform only: another platform is out of scope (404). */
  function checkPlatform(actor: Actor, platformId: number) {
    if (actor.role === 'platform_admin' && actor.platformId !== platformId) fail('PLATFORM_NOT_FOUND');
  }

  /** Validates and normalises the writable fields (references checked in the transaction). */
  async function fieldsOf(
    tx: Tx,
    actor: Actor,
    input: Omit<ProjectCreate, 'code' | 'leadDate'>,
  ): Promise<Fields> {
    checkPlatform(actor, input.platformId);
    const errors: FieldError[] = [];
    const name = input.name.trim();
    if (!name) errors.push(field('name', 'REQUIRED', '请填写项目名称', 'Enter the project name'));
    const investorEnterpriseId = input.investorEnterpriseId ?? null;
    const investorName = (input.investorName ?? '').trim();
    if (investorEnterpriseId === null && !investorName) fail('PROJECT_INVESTOR_REQUIRED');
    const referrerEnterpriseId = input.referrerEnterpriseId ?? null;
    if (input.source === 'referral' && referrerEnterpriseId === null) fail('PROJECT_REFERRER_REQUIRED');
    if (!(await repo.livePlatform(tx, input.platformId)))
      errors.push(field('platformId', 'UNKNOWN', '园区不存在', 'No such platform'));
    if (!(await repo.industryExists(tx, input.industryCode)))
      errors.push(field('industryCode', 'UNKNOWN', '产业不存在', 'No such industry'));
    const enterpriseId = input.enterpriseId ?? investorEnterpriseId;
    const ids = [investorEnterpriseId, enterpriseId, referrerEnterpriseId].filter(
      (x): x is number => x !== null,
    );
    const known = await repo.enterpriseIds(tx, ids);
    for (const [key, id] of [
      ['investorEnterpriseId', investorEnterpriseId],
      ['enterpriseId', enterpriseId],
      ['referrerEnterpriseId', referrerEnterpriseId],
    ] as const)
      if (id !== null && !known.has(id))
        errors.push(field(key, 'UNKNOWN', '企业不存在', 'No such enterprise'));
    if (input.fixedAssetInvestment != null && input.fixedAssetInvestment > input.totalInvestment)
      errors.push(
        field(
          'fixedAssetInvestment',
          'TOO_LARGE',
          '固定资产投资不能大于总投资（万元）',
          'Fixed-asset investment cannot exceed the total investment (万元)',
        ),
      );
    if (errors.length) fail('VALIDATION_FAILED', errors);
    return {
      name,
      investorEnterpriseId,
      investorName,
      investorUscc: input.investorUscc ?? null,
      investorOrigin: (input.investorOrigin ?? '').trim(),
      enterpriseId,
      platformId: input.platformId,
      industryCode: input.industryCode,
      chainNodeCode: input.chainNodeCode ?? null,
      totalInvestment: input.totalInvestment,
      fixedAssetInvestment: input.fixedAssetInvestment ?? null,
      foreignInvestment: input.foreignInvestment ?? null,
      landMu: input.landMu ?? null,
      parcel: (input.parcel ?? '').trim(),
      energyTce: input.energyTce ?? null,
      source: input.source,
      referrerEnterpriseId,
      ownerUserId: input.ownerUserId ?? null,
      ownerName: (input.ownerName ?? '').trim(),
      committedIntensity: input.committedIntensity ?? null,
      committedOutputPerMu: input.committedOutputPerMu ?? null,
      committedTaxPerMu: input.committedTaxPerMu ?? null,
      fullProductionYear: input.fullProductionYear ?? null,
      note: (input.note ?? '').trim(),
    };
  }

  /** Creates a project at 线索 with its approved lead change; returns its id. */
  async function createIn(
    tx: Tx,
    actor: Actor,
    input: ProjectCreate,
    options: ProjectOptions & { isDemo?: boolean } = {},
  ): Promise<number> {
    require(actor, 'project:write');
    const today = options.today ?? zonedDate();
    const leadDate = input.leadDate ?? today;
    if (leadDate > today) fail('PROJECT_STAGE_DATE_FUTURE');
    const f = await fieldsOf(tx, actor, input);
    let code = input.code;
    await repo.lockCodes(tx);
    if (code) {
      if (await repo.projectIdByCode(tx, code)) fail('DUPLICATE_PROJECT_CODE');
    } else {
      const year = Number(leadDate.slice(0, 4));
      code = formatProjectCode(year, await repo.nextSerial(tx, year));
    }
    const id = await repo.insertProject(tx, code, f, leadDate, actor.userId || null, options.isDemo);
    await repo.insertChange(tx, {
      projectId: id,
      fromStage: null,
      stage: 'lead',
      stageDate: leadDate,
      note: '',
      origin: options.origin ?? 'form',
      approved: true,
      submittedBy: actor.userId || null,
      submittedByName: await nameOf(tx, actor),
    });
    await recordAudit(tx, subjectOf(actor), {
      action: 'project.create',
      result: 'success',
      objectType: 'project',
      objectId: id,
      detail: { code, name: f.name, platformId: f.platformId, totalInvestment: f.totalInvestment, leadDate },
    });
    return id;
  }

  async function updateIn(tx: Tx, actor: Actor, id: number, input: ProjectUpdate): Promise<void> {
    require(actor, 'project:write');
    const p = await found(tx, actor, id, true);
    if (p.version !== input.version) fail('VERSION_CONFLICT');
    const { version, ...rest } = input;
    const f = await fieldsOf(tx, actor, rest);
    if (!(await repo.updateProject(tx, id, version, f))) fail('VERSION_CONFLICT');
    const changed = Object.fromEntries(
      (Object.keys(f) as (keyof Fields)[])
        .filter((k) => JSON.stringify(f[k]) !== JSON.stringify(p[k]))
        .map((k) => [k, { from: p[k], to: f[k] }]),
    );
    await recordAudit(tx, subjectOf(actor), {
      action: 'project.update',
      result: 'success',
      objectType: 'project',
      objectId: id,
      detail: { code: p.code, changed },
    });
  }

  /**
   * Submits a stage change; approved at once when the task force (form or import) or the CLI
   * submits it, otherwise pending. Returns whether it was approved.
   */
  async function submitIn(
    tx: Tx,
    actor: Actor,
    id: number,
    body: StageChangeCreate,
    options: ProjectOptions = {},
  ): Promise<{ changeId: number; approved: boolean }> {
    require(actor, 'project:write');
    const today = options.today ?? zonedDate();
    const origin = options.origin ?? 'form';
    const p = await found(tx, actor, id, true);
    const note = (body.note ?? '').trim();
    const refusal = refuseChange({ ...p, hasPending: p.pendingChangeId !== null }, { ...body, note }, today);
    if (refusal) fail(refusal);
    const approved = approvedAtOnce(actor.role === 'task_force' ? 'task_force' : 'platform_admin', origin);
    const name = await nameOf(tx, actor);
    const changeId = await repo.insertChange(tx, {
      projectId: id,
      fromStage: p.stage,
      stage: body.stage,
      stageDate: body.stageDate,
      note,
      origin,
      approved,
      submittedBy: actor.userId || null,
      submittedByName: name,
    });
    if (approved) await repo.applyStage(tx, id, applyChange(p, { ...body, note }));
    else await repo.touch(tx, id);
    await recordAudit(tx, subjectOf(actor), {
      action: 'project.stage_submit',
      result: 'success',
      objectType: 'project_stage_change',
      objectId: changeId,
      detail: {
        projectId: id,
        code: p.code,
        from: p.stage,
        to: body.stage,
        stageDate: body.stageDate,
        origin,
        status: approved ? 'approved' : 'pending',
      },
    });
    return { changeId, approved };
  }

  async function decideIn(
    tx: Tx,
    actor: Actor,
    id: number,
    changeId: number,
    approve: boolean,
    body: Decision,
  ): Promise<void> {
    require(actor, 'project:approve');
    const p = await found(tx, actor, id, true);
    const c = await repo.changeById(tx, id, changeId);
    if (!c) return fail('PROJECT_CHANGE_NOT_FOUND');
    const reason = (body.reason ?? '').trim();
    const refusal = refuseDecision(actor, c, p.platformId, !approve, reason);
    if (refusal === 'FORBIDDEN') forbidden('project:approve');
    if (refusal) fail(refusal);
    const name = await nameOf(tx, actor);
    if (approve) {
      // The project may have moved since (an end, or a later approved stage): check again.
      const again = refuseChange({ ...p, hasPending: false }, c, '9999-12-31');
      if (again) fail(again);
      await repo.applyStage(tx, id, applyChange(p, c));
    } else await repo.touch(tx, id);
    await repo.decideChange(tx, changeId, {
      status: approve ? 'approved' : 'rejected',
      by: actor.userId || null,
      byName: name,
      reason: reason || null,
    });
    await recordAudit(tx, subjectOf(actor), {
      action: approve ? 'project.stage_approve' : 'project.stage_reject',
      result: 'success',
      objectType: 'project_stage_change',
      objectId: changeId,
      detail: { projectId: id, code: p.code, stage: c.stage, stageDate: c.stageDate, reason: reason || null },
    });
  }

  /** Every project in scope matching the filters, with its stall state (the stalled filter applied). */
  async function filtered(actor: Actor, filters: ProjectFilters, today: string) {
    const { stalled, ...sqlFilters } = filters;
    const rules = rulesByKey(await repo.stallRules(db));
    const rows = await repo.projectRows(db, platformScope(actor), sqlFilters);
    let items = rows.map((r) => summaryOf(r, rules, today));
    if (stalled !== undefined) items = items.filter((s) => s.stall.level > 0 === stalled);
    return { rows, items };
  }

  async function stallsIn(tx: Tx, today: string, notify: boolean) {
    const rules = rulesByKey(await repo.stallRules(tx));
    const rows = await repo.projectRows(tx, { kind: 'all' }, { status: 'active' });
    let sent = 0;
    const stalled: { project: repo.ProjectRow; level: number; days: number }[] = [];
    for (const p of rows) {
      const s = stallOf({ ...p, sizeClass: sizeClassOf(p.totalInvestment) }, rules, today);
      if (s.level === 0) continue;
      stalled.push({ project: p, level: s.level, days: s.days });
      if (!notify) continue;
      for (let level = 1; level <= s.level; level++) {
        if (
          !(await repo.recordStallNotice(tx, {
            projectId: p.id,
            stage: p.stage,
            stageDate: p.stageDate,
            level,
          }))
        )
          continue;
        const n = await notifyIn(tx, {
          kind: 'project_stalled',
          to: [level === 2 ? { kind: 'task_force' } : { kind: 'platform_admins', id: p.platformId }],
          params: { code: p.code, title: p.name, level, step: p.stage, dueOn: p.stageDate },
          link: `/projects/${p.id}`,
          webhooks: level === 1 ? [{ target: 'platform', id: p.platformId }] : [],
        });
        sent += n;
        await recordAudit(tx, STALL_SUBJECT, {
          action: 'project.stall_notify',
          result: 'success',
          objectType: 'project',
          objectId: p.id,
          detail: { code: p.code, stage: p.stage, stageDate: p.stageDate, days: s.days, level, notified: n },
        });
      }
    }
    return { stalled, sent };
  }

  return {
    createIn,
    updateIn,
    submitIn,
    decideIn,

    /** The import template (an example row on the caller's platform, or the first one). */
    async template(actor: Actor): Promise<Buffer> {
      require(actor, 'project:write');
      const [platform] = await repo.livePlatforms(db, platformScope(actor));
      const [industry] = await repo.keyIndustries(db);
      return templateWorkbook(platform?.name ?? '', industry?.nameZh ?? '');
    },

    async importWorkbook(
      actor: Actor,
      input: { file: string; fileName: string; origin?: Origin; today?: string },
    ): Promise<ImportResult> {
      require(actor, 'project:write');
      return importProjects(database, { createIn, updateIn, submitIn }, actor, {
        ...input,
        origin: input.origin ?? 'import',
      });
    },

    async exportWorkbook(
      actor: Actor,
      filters: ProjectFilters,
      today: string = zonedDate(),
    ): Promise<Buffer> {
      return exportWorkbook(await this.rows(actor, filters, today));
    },

    async list(actor: Actor, query: ProjectQuery, today: string = zonedDate()): Promise<ProjectList> {
      require(actor, 'project:read');
      const { page, pageSize, ...filters } = query;
      const { items } = await filtered(actor, filters, today);
      return {
        items: items.slice((page - 1) * pageSize, page * pageSize),
        total: items.length,
        page,
        pageSize,
      };
    },

    async get(actor: Actor, id: number, today: string = zonedDate()): Promise<ProjectDetail> {
      require(actor, 'project:read');
      return detailOf(actor, await found(db, actor, id), today);
    },

    async create(actor: Actor, input: ProjectCreate, options: ProjectOptions = {}): Promise<ProjectDetail> {
      const id = await database.transaction((tx) => createIn(tx, actor, input, options));
      return this.get(actor, id, options.today);
    },

    async update(actor: Actor, id: number, input: ProjectUpdate): Promise<ProjectDetail> {
      await database.transaction((tx) => updateIn(tx, actor, id, input));
      return this.get(actor, id);
    },

    async submit(
      actor: Actor,
      id: number,
      body: StageChangeCreate,
      options: ProjectOptions = {},
    ): Promise<ProjectDetail> {
      await database.transaction((tx) => submitIn(tx, actor, id, body, options));
      return this.get(actor, id, options.today);
    },

    async decide(
      actor: Actor,
      id: number,
      changeId: number,
      approve: boolean,
      body: Decision,
    ): Promise<ProjectDetail> {
      await database.transaction((tx) => decideIn(tx, actor, id, changeId, approve, body));
      return this.get(actor, id);
    },

    /** Changes waiting for approval that the caller may decide. */
    async pending(actor: Actor): Promise<PendingChangeList> {
      require(actor, 'project:approve');
      const rows = await repo.pendingChanges(db, platformScope(actor));
      return {
        items: rows
          .map((c) => ({ ...c, canDecide: mayDecide(actor, c, c.platformId) }))
          .filter((c) => c.canDecide),
      };
    },

    async stalls(
      actor: Actor,
      query: { platformId?: number; minLevel?: number },
      today: string = zonedDate(),
    ): Promise<StallList> {
      require(actor, 'project:read');
      const { items } = await filtered(
        actor,
        { platformId: query.platformId, status: 'active', stalled: true },
        today,
      );
      const minLevel = query.minLevel ?? 1;
      return {
        asOf: today,
        items: items
          .filter((s) => s.stall.level >= minLevel)
          .sort((a, b) => b.stall.level - a.stall.level || b.stall.days - a.stall.days),
      };
    },

    /** Sends the stall notices not sent yet (platform admins at level 1, the task force at 2). */
    async sweepStalls(
      today: string = zonedDate(),
    ): Promise<{ stalled: number; escalated: number; notified: number }> {
      const r = await database.transaction((tx) => stallsIn(tx, today, true));
      return {
        stalled: r.stalled.length,
        escalated: r.stalled.filter((s) => s.level === 2).length,
        notified: r.sent,
      };
    },

    async stallRules(actor: Actor): Promise<StallRuleList> {
      require(actor, 'project:read');
      const rules = await repo.stallRules(db);
      const order = (r: StallRule) =>
        Object.keys(STAGE_NAMES).indexOf(r.stage) * 3 + ['major', 'large', 'small'].indexOf(r.sizeClass);
      return { items: rules.sort((a, b) => order(a) - order(b)) as StallRuleList['items'] };
    },

    async putStallRules(actor: Actor, items: StallRuleList['items']): Promise<StallRuleList> {
      require(actor, 'project:configure');
      await database.transaction(async (tx) => {
        const before = await repo.stallRules(tx);
        for (const r of items) await repo.upsertStallRule(tx, r);
        await recordAudit(tx, subjectOf(actor), {
          action: 'project.stall_rules_update',
          result: 'success',
          objectType: 'project_stall_rules',

          detail: {
            changed: items
              .map((r) => ({ r, b: before.find((x) => x.stage === r.stage && x.sizeClass === r.sizeClass) }))
              .filter(
                ({ r, b }) => !b || b.maxDays !== r.maxDays || b.escalateAfterDays !== r.escalateAfterDays,
              )
              .map(({ r, b }) => ({
                ...r,
                fromMaxDays: b?.maxDays ?? null,
                fromEscalateAfterDays: b?.escalateAfterDays ?? null,
              })),
          },
        });
      });
      return this.stallRules(actor);
    },

    async funnel(
      actor: Actor,
      query: { year?: number; platformId?: number; industryCode?: string },
    ): Promise<Funnel> {
      require(actor, 'project:read');
      const rows = await repo.projectRows(db, platformScope(actor), {
        platformId: query.platformId,
        industryCode: query.industryCode,
      });
      const approved = await repo.approvedDates(
        db,
        rows.map((r) => r.id),
      );
      const inYear = query.year
        ? rows.filter((r) => (approved.get(r.id)?.lead ?? '').startsWith(String(query.year)))
        : rows;
      return { year: query.year ?? null, ...funnelOf(inYear) };
    },

    async stats(
      actor: Actor,
      query: { year?: number; platformId?: number; industryCode?: string },
      today: string = zonedDate(),
    ): Promise<ProjectStats> {
      require(actor, 'project:read');
      const year = query.year ?? Number(today.slice(0, 4));
      const { items, rows } = await filtered(
        actor,
        { platformId: query.platformId, industryCode: query.industryCode },
        today,
      );
      const byId = new Map(items.map((s) => [s.id, s]));
      const leading = await repo.leadingIndustries(db);
      const platforms = (await repo.livePlatforms(db, platformScope(actor))).filter(
        (p) => !query.platformId || p.id === query.platformId,
      );
      const signed = rows.filter((r) => signedIn(r, year));
      const t6 = majorSigned(rows, year);
      const perPlatform = platforms.map((pl) => {
        const mine = signed.filter((r) => r.platformId === pl.id);
        const invest = mine.reduce((a, r) => a + r.totalInvestment, 0);
        const lead = leading.get(pl.id) ?? new Set<string>();
        const leadInvest = mine
          .filter((r) => lead.has(r.industryCode))
          .reduce((a, r) => a + r.totalInvestment, 0);
        const own = rows.filter((r) => r.platformId === pl.id);
        return {
          platformId: pl.id,
          name: pl.name,
          nameEn: pl.nameEn,
          majorSigned: t6.byPlatform.get(pl.id) ?? 0,
          signed: mine.length,
          signedInvestment: invest,
          leadingIndustryShare: lead.size ? shareOf(leadInvest, invest) : null,
          stalled: own.filter((r) => (byId.get(r.id)?.stall.level ?? 0) > 0).length,
          pending: own.filter((r) => r.pendingChangeId !== null).length,
        };
      });
      const industries = (await repo.keyIndustries(db)).map((i) => {
        const mine = signed.filter((r) => r.industryCode === i.code);
        return {
          industryCode: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          signed: mine.length,
          signedInvestment: mine.reduce((a, r) => a + r.totalInvestment, 0),
        };
      });
      return {
        year,
        platforms: perPlatform,
        city: {
          majorSigned: t6.city,
          signed: signed.length,
          signedInvestment: signed.reduce((a, r) => a + r.totalInvestment, 0),
          stalled: items.filter((s) => s.stall.level > 0).length,
          pending: rows.filter((r) => r.pendingChangeId !== null).length,
        },
        industries,
        target: T6_TARGET,
      };
    },

    /** 达产复核: projects whose full-production year has passed, checked against the real figures. */
    async commitments(
      actor: Actor,
      query: { year?: number; platformId?: number; shortOnly?: boolean },
      today: string = zonedDate(),
    ): Promise<CommitmentList> {
      require(actor, 'project:read');
      const thisYear = Number(today.slice(0, 4));
      const rows = (
        await repo.projectRows(db, platformScope(actor), { platformId: query.platformId })
      ).filter(
        (p) =>
          p.fullProductionYear !== null &&
          p.fullProductionYear < thisYear &&
          (!query.year || p.fullProductionYear === query.year) &&
          p.status === 'active' &&
          (p.committedIntensity ?? p.committedOutputPerMu ?? p.committedTaxPerMu) !== null,
      );
      const actuals = await repo.actualsOf(
        db,
        rows
          .filter((p) => p.enterpriseId !== null)
          .map((p) => ({
            projectId: p.id,
            enterpriseId: p.enterpriseId!,
            fromYear: Math.min(Number((p.signedOn ?? p.stageDate).slice(0, 4)), p.fullProductionYear!),
            year: p.fullProductionYear!,
          })),
      );
      const items = rows
        .map((p) => {
          const a = actuals.get(p.id);
          const checks = checkCommitments(p, a?.hasYear ? a : null);
          return {
            projectId: p.id,
            code: p.code,
            name: p.name,
            platformId: p.platformId,
            platformName: p.platformName,
            platformNameEn: p.platformNameEn,
            enterpriseId: p.enterpriseId,
            enterpriseName: p.enterpriseName,
            stage: p.stage,
            fullProductionYear: p.fullProductionYear!,
            landMu: p.landMu,
            checks,
            short: isShort(checks),
            missingFigures: !a?.hasYear,
          };
        })
        .filter((r) => !query.shortOnly || r.short)
        .sort(
          (a, b) =>
            Number(b.short) - Number(a.short) ||
            Math.max(...b.checks.map((c) => c.shortfallPct ?? -Infinity)) -
              Math.max(...a.checks.map((c) => c.shortfallPct ?? -Infinity)) ||
            a.code.localeCompare(b.code),
        );
      return {
        items,
        shortLandMu: items.filter((r) => r.short).reduce((a, r) => a + (r.landMu ?? 0), 0),
      };
    },

    async addContact(actor: Actor, id: number, input: ContactWrite): Promise<ProjectDetail> {
      require(actor, 'project:write');
      await database.transaction(async (tx) => {
        const p = await found(tx, actor, id, true);
        const sealed = sealPhone(keys(), input.phone ?? '', PROJECT_PHONE_CONTEXT);
        const contactId = await repo.insertContact(tx, id, {
          name: input.name.trim(),
          title: (input.title ?? '').trim(),
          ...sealed,
        });
        await repo.touch(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'project.contact_add',
          result: 'success',
          objectType: 'project_contact',
          objectId: contactId,
          detail: {
            projectId: id,
            code: p.code,
            name: input.name.trim(),
            phone: sealed.phoneCipher ? 'sealed' : 'none',
          },
        });
      });
      return this.get(actor, id);
    },

    async deleteContact(actor: Actor, id: number, contactId: number): Promise<ProjectDetail> {
      require(actor, 'project:write');
      await database.transaction(async (tx) => {
        const p = await found(tx, actor, id, true);
        if (!(await repo.deleteContact(tx, id, contactId))) fail('PROJECT_CONTACT_NOT_FOUND');
        await repo.touch(tx, id);
        await recordAudit(tx, subjectOf(actor), {
          action: 'project.contact_delete',
          result: 'success',
          objectType: 'project_contact',
          objectId: contactId,
          detail: { projectId: id, code: p.code },
        });
      });
      return this.get(actor, id);
    },

    /** The whole number of a contact (audited, successes and failures alike). */
    async revealPhone(
      actor: Actor,
      id: number,
      contactId: number,
    ): Promise<{ contactId: number; phone: string }> {
      const record = (result: 'success' | 'failure', reason?: string) =>
        database.transaction((tx) =>
          recordAudit(tx, subjectOf(actor), {
            action: 'project.contact_reveal',
            result,
            objectType: 'project_contact',
            objectId: contactId,
            detail: { projectId: id, contactId, ...(reason ? { reason } : {}) },
          }),
        );
      if (!can(actor, 'project:write')) {
        await record('failure', 'forbidden');
        return forbidden('project:write');
      }
      const p = await repo.projectById(db, platformScope(actor), id);
      const contact = p ? await repo.contactPhone(db, id, contactId) : null;
      if (!contact) {
        await record('failure', 'not_found');
        return fail('PROJECT_CONTACT_NOT_FOUND');
      }
      let phone: string;
      try {
        phone = openPhone(keys(), contact.phoneCipher, PROJECT_PHONE_CONTEXT);
      } catch (error) {
        if (!(error instanceof PiCryptoError)) throw error;
        await record('failure', `unreadable:${error.problem}`);
        return fail('PERSONAL_INFO_UNREADABLE');
      }
      await record('success');
      return { contactId, phone };
    },

    async upload(
      actor: Actor,
      id: number,
      file: { fileName: string; content: Buffer },
    ): Promise<ProjectDocument> {
      require(actor, 'project:write');
      if (file.content.length > ATTACHMENT_MAX_BYTES) fail('ATTACHMENT_TOO_LARGE');
      const type = sniffType(file.content);
      if (!type) return fail('ATTACHMENT_TYPE_REFUSED');
      return database.transaction(async (tx) => {
        const p = await found(tx, actor, id, true);
        if ((await repo.documentCount(tx, id)) >= DOCUMENTS_PER_PROJECT) fail('ATTACHMENT_TOO_LARGE');
        const documentId = await repo.insertDocument(tx, {
          projectId: id,
          fileName: file.fileName,
          fileType: type,
          content: file.content,
          uploadedBy: actor.userId || null,
        });
        await recordAudit(tx, subjectOf(actor), {
          action: 'project.document_upload',
          result: 'success',
          objectType: 'project_document',
          objectId: documentId,
          detail: { projectId: id, code: p.code, fileName: file.fileName, type, size: file.content.length },
        });
        return (await repo.documentsOf(tx, id)).find((d) => d.id === documentId)! as ProjectDocument;
      });
    },

    async document(actor: Actor, id: number, documentId: number) {
      require(actor, 'project:read');
      await found(db, actor, id);
      const d = await repo.documentContent(db, id, documentId);
      if (!d) return fail('ATTACHMENT_NOT_FOUND');
      return {
        ...d,
        mime: ATTACHMENT_TYPES[d.fileType as keyof typeof ATTACHMENT_TYPES] ?? 'application/octet-stream',
      };
    },

    async deleteDocument(actor: Actor, id: number, documentId: number): Promise<void> {
      require(actor, 'project:write');
      await database.transaction(async (tx) => {
        const p = await found(tx, actor, id, true);
        if (!(await repo.deleteDocument(tx, id, documentId))) fail('ATTACHMENT_NOT_FOUND');
        await recordAudit(tx, subjectOf(actor), {
          action: 'project.document_delete',
          result: 'success',
          objectType: 'project_document',
          objectId: documentId,
          detail: { projectId: id, code: p.code },
        });
      });
    },

    /** The filtered list in full (exports). */
    async rows(actor: Actor, filters: ProjectFilters, today: string = zonedDate()) {
      require(actor, 'project:read');
      const { rows, items } = await filtered(actor, filters, today);
      const keep = new Set(items.map((s) => s.id));
      const kept = rows.filter((r) => keep.has(r.id));
      const dates = await repo.approvedDates(
        db,
        kept.map((r) => r.id),
      );
      const byId = new Map(items.map((s) => [s.id, s]));
      return kept.map((r) => ({ row: r, summary: byId.get(r.id)!, dates: dates.get(r.id) ?? {} }));
    },

    /** `yiyuan projects --year Y --json`: the projects with an approved stage date in the year. */
    async exportRows(
      actor: Actor,
      year: number | null,
      today: string = zonedDate(),
    ): Promise<ProjectExportRow[]> {
      const rows = await this.rows(actor, {}, today);
      return rows
        .filter(({ dates }) => year === null || Object.values(dates).some((d) => d.startsWith(String(year))))
        .map(({ row, summary, dates }) => ({
          code: row.code,
          name: row.name,
          platform: row.platformName,
          industry: row.industryCode,
          stage: row.stage,
          status: row.status,
          stageDates: dates,
          totalInvestment: row.totalInvestment,
          sizeClass: summary.sizeClass,
          stalled: summary.stall.level > 0,
          stallLevel: summary.stall.level,
        }));
    },
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
