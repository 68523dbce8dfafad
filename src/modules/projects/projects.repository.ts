/**
 * Investment projects' SQL: projects, stage changes, stall rules and notices, contacts (sealed
 * phones), documents, and the enterprise figures the 达产复核 reads.
 *
 * Scope: every project read and lock goes through the one scope rule (`scopeSql`) on the project's
 * platform — a platform administrator sees its platform's projects, the task force and city leaders
 * all of them; an out-of-scope project behaves like a missing one.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { scopeSql } from '../../platform/db/scope-sql';
import type { PlatformScope } from '../../platform/scope';
import type {
  ChangeState,
  ChangeTarget,
  Origin,
  ProjectStatus,
  SizeClass,
  Source,
  Stage,
} from './core/codes';
import type { StallRule } from './core/stalls';
import type { ProjectFilters } from './projects.schemas';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db | Tx, q: SQL): Promise<Row[]> => (await db.execute<Row>(q)).rows;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const visible = (scope: PlatformScope) => scopeSql(scope, { platformId: sql`p.platform_id` });

/** Every writable field of a project (as stored). */
export interface ProjectFields {
  name: string;
  investorEnterpriseId: number | null;
  investorName: string;
  investorUscc: string | null;
  investorOrigin: string;
  enterpriseId: number | null;
  platformId: number;
  industryCode: string;
  chainNodeCode: string | null;
  totalInvestment: number;
  fixedAssetInvestment: number | null;
  foreignInvestment: number | null;
  landMu: number | null;
  parcel: string;
  energyTce: number | null;
  source: Source;
  referrerEnterpriseId: number | null;
  ownerUserId: number | null;
  ownerName: string;
  committedIntensity: number | null;
  committedOutputPerMu: number | null;
  committedTaxPerMu: number | null;
  fullProductionYear: number | null;
  note: string;
}

export interface ProjectRow extends ProjectFields {
  id: number;
  code: string;
  investorDisplayName: string;
  investorEnterpriseName: string | null;
  enterpriseName: string | null;
  referrerName: string | null;
  platformName: string;
  platformNameEn: string;
  industryZh: string;
  industryEn: string;
  stage: Stage;
  stageDate: string;
  status: ProjectStatus;
  endReason: string | null;
  endDate: string | null;
  signedOn: string | null;
  pendingStage: ChangeTarget | null;
  pendingChangeId: number | null;
  pendingSubmittedBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const SELECT = sql`
  select p.*, p.stage_date::text as stage_date_text, p.end_date::text as end_date_text,
    pl.name as platform_name, pl.name_en as platform_name_en,
    i.name_zh as industry_zh, i.name_en as industry_en,
    ie.name as investor_enterprise_name, e.name as enterprise_name, re.name as referrer_name,
    (select c.stage_date::text from project_stage_changes c
      where c.project_id = p.id and c.stage = 'signed' and c.status = 'approved'
      order by c.decided_at desc nulls last, c.id desc limit 1) as signed_on,
    pc.id as pending_id, pc.stage as pending_stage, pc.submitted_by as pending_by
  from projects p
  join platforms pl on pl.id = p.platform_id
  join industries i on i.code = p.industry_code
  left join enterprises ie on ie.id = p.investor_enterprise_id
  left join enterprises e on e.id = p.enterprise_id
  left join enterprises re on re.id = p.referrer_enterprise_id
  left join project_stage_changes pc on pc.project_id = p.id and pc.status = 'pending'`;

function projectOf(r: Row): ProjectRow {
  const investorEnterpriseName = str(r.investor_enterprise_name);
  return {
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    investorEnterpriseId: num(r.investor_enterprise_id),
    investorName: String(r.investor_name),
    investorDisplayName: investorEnterpriseName ?? String(r.investor_name),
    investorEnterpriseName,
    investorUscc: str(r.investor_uscc),
    investorOrigin: String(r.investor_origin),
    enterpriseId: num(r.enterprise_id),
    enterpriseName: str(r.enterprise_name),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    platformNameEn: String(r.platform_name_en),
    industryCode: String(r.industry_code),
    industryZh: String(r.industry_zh),
    industryEn: String(r.industry_en),
    chainNodeCode: str(r.chain_node_code),
    totalInvestment: Number(r.total_investment),
    fixedAssetInvestment: num(r.fixed_asset_investment),
    foreignInvestment: num(r.foreign_investment),
    landMu: num(r.land_mu),
    parcel: String(r.parcel),
    energyTce: num(r.energy_tce),
    source: String(r.source) as Source,
    referrerEnterpriseId: num(r.referrer_enterprise_id),
    referrerName: str(r.referrer_name),
    ownerUserId: num(r.owner_user_id),
    ownerName: String(r.owner_name),
    stage: String(r.stage) as Stage,
    stageDate: String(r.stage_date_text),
    status: String(r.status) as ProjectStatus,
    endReason: str(r.end_reason),
    endDate: str(r.end_date_text),
    committedIntensity: num(r.committed_intensity),
    committedOutputPerMu: num(r.committed_output_per_mu),
    committedTaxPerMu: num(r.committed_tax_per_mu),
    fullProductionYear: num(r.full_production_year),
    note: String(r.note),
    signedOn: str(r.signed_on),
    pendingStage: str(r.pending_stage) as ChangeTarget | null,
    pendingChangeId: num(r.pending_id),
    pendingSubmittedBy: num(r.pending_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
  };
}

const SIZE_SQL = sql`(case when p.total_investment >= 100000 then 'major' when p.total_investment >= 10000 then 'large' else 'small' end)`;

/** The SQL filters (stall state is computed by the caller from the rules). */
function whereOf(scope: PlatformScope, f: Omit<ProjectFilters, 'stalled'>): SQL {
  const parts: SQL[] = [visible(scope)];
  if (f.platformId) parts.push(sql`p.platform_id = ${f.platformId}`);
  if (f.industryCode) parts.push(sql`p.industry_code = ${f.industryCode}`);
  if (f.chainNodeCode) parts.push(sql`p.chain_node_code = ${f.chainNodeCode}`);
  if (f.stage) parts.push(sql`p.stage = ${f.stage}`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  if (f.sizeClass) parts.push(sql`${SIZE_SQL} = ${f.sizeClass}`);
  if (f.source) parts.push(sql`p.source = ${f.source}`);
  if (f.ownerUserId) parts.push(sql`p.owner_user_id = ${f.ownerUserId}`);
  if (f.pending === true) parts.push(sql`pc.id is not null`);
  if (f.pending === false) parts.push(sql`pc.id is null`);
  const signedIn = (year: number) =>
    sql`exists (select 1 from project_stage_changes s where s.project_id = p.id and s.stage = 'signed'
      and s.status = 'approved' and extract(year from s.stage_date) = ${year})`;
  if (f.signedYear) parts.push(signedIn(f.signedYear));
  if (f.majorYear)
    parts.push(
      sql`p.total_investment >= 100000 and ${signedIn(f.majorYear)}
        and (p.status = 'active' or p.end_date > make_date(${f.majorYear}::int, 12, 31))`,
    );
  const keyword = f.keyword?.trim();
  if (keyword) {
    const like = `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`(p.code ilike ${like} or p.name ilike ${like} or p.investor_name ilike ${like}
        or ie.name ilike ${like} or p.owner_name ilike ${like})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** Every project in scope matching the filters, newest stage first. */
export async function projectRows(
  db: Db | Tx,
  scope: PlatformScope,
  filters: Omit<ProjectFilters, 'stalled'>,
): Promise<ProjectRow[]> {
  const rows = await rowsOf(
    db,
    sql`${SELECT} where ${whereOf(scope, filters)} order by p.stage_date desc, p.id desc`,
  );
  return rows.map(projectOf);
}

export async function projectById(
  db: Db | Tx,
  scope: PlatformScope,
  id: number,
  lock = false,
): Promise<ProjectRow | null> {
  if (lock)
    await db.execute(sql`select id from projects p where p.id = ${id} and ${visible(scope)} for update`);
  const [r] = await rowsOf(db, sql`${SELECT} where p.id = ${id} and ${visible(scope)}`);
  return r ? projectOf(r) : null;
}

export async function projectIdByCode(db: Db | Tx, code: string): Promise<number | null> {
  const [r] = await rowsOf(db, sql`select id from projects where code = ${code}`);
  return r ? Number(r.id) : null;
}

/** Serialises code numbering (two projects created at once must not take the same serial). */
export async function lockCodes(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('projects.code'))`);
}

/** The next free XM-<year>-NNNNN serial. */
export async function nextSerial(db: Db | Tx, year: number): Promise<number> {
  const [r] = await rowsOf(
    db,
    sql`select coalesce(max(substring(code from 9)::int), 0) + 1 as n from projects
      where code ~ ${`^XM-${year}-[0-9]{5}$`}`,
  );
  return Number(r!.n);
}

const fieldValues = (f: ProjectFields) => sql`
  name = ${f.name}, investor_enterprise_id = ${f.investorEnterpriseId}, investor_name = ${f.investorName},
  investor_uscc = ${f.investorUscc}, investor_origin = ${f.investorOrigin}, enterprise_id = ${f.enterpriseId},
  platform_id = ${f.platformId}, industry_code = ${f.industryCode}, chain_node_code = ${f.chainNodeCode},
  total_investment = ${f.totalInvestment}, fixed_asset_investment = ${f.fixedAssetInvestment},
  foreign_investment = ${f.foreignInvestment}, land_mu = ${f.landMu}, parcel = ${f.parcel},
  energy_tce = ${f.energyTce}, source = ${f.source}, referrer_enterprise_id = ${f.referrerEnterpriseId},
  owner_user_id = ${f.ownerUserId}, owner_name = ${f.ownerName}, committed_intensity = ${f.committedIntensity},
  committed_output_per_mu = ${f.committedOutputPerMu}, committed_tax_per_mu = ${f.committedTaxPerMu},
  full_production_year = ${f.fullProductionYear}, note = ${f.note}`;

export async function insertProject(
  tx: Tx,
  code: string,
  f: ProjectFields,
  stageDate: string,
  createdBy: number | null,
  isDemo = false,
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into projects (code, name, investor_enterprise_id, investor_name, investor_uscc, investor_origin,
        enterprise_id, platform_id, industry_code, chain_node_code, total_investment, fixed_asset_investment,
        foreign_investment, land_mu, parcel, energy_tce, source, referrer_enterprise_id, owner_user_id,
        owner_name, committed_intensity, committed_output_per_mu, committed_tax_per_mu, full_production_year,
        note, stage, stage_date, created_by, is_demo)
      values (${code}, ${f.name}, ${f.investorEnterpriseId}, ${f.investorName}, ${f.investorUscc},
        ${f.investorOrigin}, ${f.enterpriseId}, ${f.platformId}, ${f.industryCode}, ${f.chainNodeCode},
        ${f.totalInvestment}, ${f.fixedAssetInvestment}, ${f.foreignInvestment}, ${f.landMu}, ${f.parcel},
        ${f.energyTce}, ${f.source}, ${f.referrerEnterpriseId}, ${f.ownerUserId}, ${f.ownerName},
        ${f.committedIntensity}, ${f.committedOutputPerMu}, ${f.committedTaxPerMu}, ${f.fullProductionYear},
        ${f.note}, 'lead', ${stageDate}, ${createdBy}, ${isDemo})
      returning id`,
  );
  return Number(r!.id);
}

/** Writes the fields when the version matches; false when someone changed it since. */
export async function updateProject(tx: Tx, id: number, version: number, f: ProjectFields): Promise<boolean> {
  const r = await tx.execute(
    sql`update projects set ${fieldValues(f)}, version = version + 1, updated_at = now()
      where id = ${id} and version = ${version}`,
  );
  return (r.rowCount ?? 0) > 0;
}

export async function applyStage(
  tx: Tx,
  id: number,
  s: {
    stage: Stage;
    stageDate: string;
    status: ProjectStatus;
    endDate: string | null;
    endReason: string | null;
  },
): Promise<void> {
  await tx.execute(
    sql`update projects set stage = ${s.stage}, stage_date = ${s.stageDate}, status = ${s.status},
      end_date = ${s.endDate}, end_reason = ${s.endReason}, version = version + 1, updated_at = now()
      where id = ${id}`,
  );
}

/** Bumps the version (a change was submitted or decided: an edit that read the old one is refused). */
export async function touch(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`update projects set version = version + 1, updated_at = now() where id = ${id}`);
}

// Stage changes

export interface ChangeRow {
  id: number;
  projectId: number;
  fromStage: Stage | null;
  stage: ChangeTarget;
  stageDate: string;
  note: string;
  status: ChangeState;
  origin: Origin;
  submittedBy: number | null;
  submittedByName: string;
  submittedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const changeOf = (r: Row): ChangeRow => ({
  id: Number(r.id),
  projectId: Number(r.project_id),
  fromStage: str(r.from_stage) as Stage | null,
  stage: String(r.stage) as ChangeTarget,
  stageDate: String(r.stage_date_text),
  note: String(r.note),
  status: String(r.status) as ChangeState,
  origin: String(r.origin) as Origin,
  submittedBy: num(r.submitted_by),
  submittedByName: String(r.submitted_by_name),
  submittedAt: iso(r.submitted_at),
  decidedByName: str(r.decided_by_name),
  decidedAt: r.decided_at ? iso(r.decided_at) : null,
  decisionReason: str(r.decision_reason),
});

export async function changesOf(db: Db | Tx, projectId: number): Promise<ChangeRow[]> {
  const rows = await rowsOf(
    db,
    sql`select c.*, c.stage_date::text as stage_date_text from project_stage_changes c
      where c.project_id = ${projectId} order by c.submitted_at desc, c.id desc`,
  );
  return rows.map(changeOf);
}

export async function changeById(tx: Tx, projectId: number, changeId: number): Promise<ChangeRow | null> {
  const [r] = await rowsOf(
    tx,
    sql`select c.*, c.stage_date::text as stage_date_text from project_stage_changes c
      where c.id = ${changeId} and c.project_id = ${projectId} for update`,
  );
  return r ? changeOf(r) : null;
}

export interface ChangeInsert {
  projectId: number;
  fromStage: Stage | null;
  stage: ChangeTarget;
  stageDate: string;
  note: string;
  origin: Origin;
  approved: boolean;
  submittedBy: number | null;
  submittedByName: string;
}

export async function insertChange(tx: Tx, c: ChangeInsert): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into project_stage_changes (project_id, from_stage, stage, stage_date, note, status, origin,
        submitted_by, submitted_by_name, decided_by, decided_by_name, decided_at)
      values (${c.projectId}, ${c.fromStage}, ${c.stage}, ${c.stageDate}, ${c.note},
        ${c.approved ? 'approved' : 'pending'}, ${c.origin}, ${c.submittedBy}, ${c.submittedByName},
        ${c.approved ? c.submittedBy : null}, ${c.approved ? c.submittedByName : null},
        ${c.approved ? sql`now()` : null})
      returning id`,
  );
  return Number(r!.id);
}

export async function decideChange(
  tx: Tx,
  changeId: number,
  d: { status: 'approved' | 'rejected'; by: number | null; byName: string; reason: string | null },
): Promise<void> {
  await tx.execute(
    sql`update project_stage_changes set status = ${d.status}, decided_by = ${d.by},
      decided_by_name = ${d.byName}, decided_at = now(), decision_reason = ${d.reason}
      where id = ${changeId}`,
  );
}

/** Pending changes in scope, oldest first. */
export async function pendingChanges(
  db: Db | Tx,
  scope: PlatformScope,
): Promise<
  (ChangeRow & {
    projectCode: string;
    projectName: string;
    platformId: number;
    platformName: string;
    platformNameEn: string;
  })[]
> {
  const rows = await rowsOf(
    db,
    sql`select c.*, c.stage_date::text as stage_date_text, p.code as project_code, p.name as project_name,
        p.platform_id, pl.name as platform_name, pl.name_en as platform_name_en
      from project_stage_changes c join projects p on p.id = c.project_id join platforms pl on pl.id = p.platform_id
      where c.status = 'pending' and ${visible(scope)} order by c.submitted_at, c.id`,
  );
  return rows.map((r) => ({
    ...changeOf(r),
    projectCode: String(r.project_code),
    projectName: String(r.project_name),
    platformId: Number(r.platform_id),
    platformName: String(r.platform_name),
    platformNameEn: String(r.platform_name_en),
  }));
}

/** Approved stage dates of the given projects (stage → date; the latest approval of a stage wins). */
export async function approvedDates(
  db: Db | Tx,
  ids: number[],
): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>();
  if (!ids.length) return out;
  const rows = await rowsOf(
    db,
    sql`select project_id, stage, stage_date::text as d from project_stage_changes
      where status = 'approved' and project_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})
      order by decided_at nulls first, id`,
  );
  for (const r of rows) {
    const id = Number(r.project_id);
    const m = out.get(id) ?? {};
    m[String(r.stage)] = String(r.d);
    out.set(id, m);
  }
  return out;
}

// Stall rules and notices

export async function stallRules(db: Db | Tx): Promise<StallRule[]> {
  const rows = await rowsOf(
    db,
    sql`select stage, size_class, max_days, escalate_after_days from project_stall_rules`,
  );
  return rows.map((r) => ({
    stage: String(r.stage) as Stage,
    sizeClass: String(r.size_class) as SizeClass,
    maxDays: Number(r.max_days),
    escalateAfterDays: Number(r.escalate_after_days),
  }));
}

export async function upsertStallRule(tx: Tx, r: StallRule): Promise<void> {
  await tx.execute(
    sql`insert into project_stall_rules (stage, size_class, max_days, escalate_after_days)
      values (${r.stage}, ${r.sizeClass}, ${r.maxDays}, ${r.escalateAfterDays})
      on conflict (stage, size_class) do update set max_days = excluded.max_days,
        escalate_after_days = excluded.escalate_after_days, updated_at = now()`,
  );
}

/** Records a notice; false when it was already sent (once per project × stage stay × level). */
export async function recordStallNotice(
  tx: Tx,
  n: { projectId: number; stage: Stage; stageDate: string; level: number },
): Promise<boolean> {
  const r = await tx.execute(
    sql`insert into project_stall_notices (project_id, stage, stage_date, level)
      values (${n.projectId}, ${n.stage}, ${n.stageDate}, ${n.level}) on conflict do nothing`,
  );
  return (r.rowCount ?? 0) > 0;
}

// Contacts and documents

export async function contactsOf(db: Db | Tx, projectId: number) {
  const rows = await rowsOf(
    db,
    sql`select id, name, title, phone_cipher from project_contacts where project_id = ${projectId} order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    title: String(r.title),
    phoneCipher: (r.phone_cipher as Buffer | null) ?? null,
  }));
}

export async function insertContact(
  tx: Tx,
  projectId: number,
  c: { name: string; title: string; phoneCipher: Buffer | null; phoneIndex: Buffer | null },
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into project_contacts (project_id, name, title, phone_cipher, phone_index)
      values (${projectId}, ${c.name}, ${c.title}, ${c.phoneCipher}, ${c.phoneIndex}) returning id`,
  );
  return Number(r!.id);
}

export async function deleteContact(tx: Tx, projectId: number, contactId: number): Promise<boolean> {
  const r = await tx.execute(
    sql`delete from project_contacts where id = ${contactId} and project_id = ${projectId}`,
  );
  return (r.rowCount ?? 0) > 0;
}

export async function contactPhone(
  db: Db | Tx,
  projectId: number,
  contactId: number,
): Promise<{ phoneCipher: Buffer | null } | null> {
  const [r] = await rowsOf(
    db,
    sql`select phone_cipher from project_contacts where id = ${contactId} and project_id = ${projectId}`,
  );
  return r ? { phoneCipher: (r.phone_cipher as Buffer | null) ?? null } : null;
}

export async function documentsOf(db: Db | Tx, projectId: number) {
  const rows = await rowsOf(
    db,
    sql`select id, file_name, file_type, size, uploaded_at from project_documents
      where project_id = ${projectId} order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    fileName: String(r.file_name),
    fileType: String(r.file_type) as 'pdf',
    size: Number(r.size),
    uploadedAt: iso(r.uploaded_at),
  }));
}

export async function documentCount(tx: Tx, projectId: number): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`select count(*)::int as n from project_documents where project_id = ${projectId}`,
  );
  return Number(r!.n);
}

export async function insertDocument(
  tx: Tx,
  d: { projectId: number; fileName: string; fileType: string; content: Buffer; uploadedBy: number | null },
): Promise<number> {
  const [r] = await rowsOf(
    tx,
    sql`insert into project_documents (project_id, file_name, file_type, size, content, uploaded_by)
      values (${d.projectId}, ${d.fileName}, ${d.fileType}, ${d.content.length}, ${d.content}, ${d.uploadedBy})
      returning id`,
  );
  return Number(r!.id);
}

export async function documentContent(db: Db | Tx, projectId: number, documentId: number) {
  const [r] = await rowsOf(
    db,
    sql`select file_name, file_type, content from project_documents where id = ${documentId} and project_id = ${projectId}`,
  );
  return r
    ? { fileName: String(r.file_name), fileType: String(r.file_type), content: r.content as Buffer }
    : null;
}

export async function deleteDocument(tx: Tx, projectId: number, documentId: number): Promise<boolean> {
  const r = await tx.execute(
    sql`delete from project_documents where id = ${documentId} and project_id = ${projectId}`,
  );
  return (r.rowCount ?? 0) > 0;
}

// References

export async function livePlatform(db: Db | Tx, id: number) {
  const [r] = await rowsOf(db, sql`select id, name from platforms where id = ${id} and archived_at is null`);
  return r ? { id: Number(r.id), name: String(r.name) } : null;
}

export async function industryExists(db: Db | Tx, code: string): Promise<boolean> {
  return (await rowsOf(db, sql`select 1 from industries where code = ${code}`)).length > 0;
}

export async function enterpriseIds(db: Db | Tx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await rowsOf(
    db,
    sql`select id from enterprises where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

export async function enterpriseIdsByUscc(db: Db | Tx, usccs: string[]): Promise<Map<string, number>> {
  if (!usccs.length) return new Map();
  const rows = await rowsOf(
    db,
    sql`select id, uscc from enterprises where uscc in (${sql.join(
      usccs.map((u) => sql`${u}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [String(r.uscc), Number(r.id)]));
}

export async function platformIdsByName(db: Db | Tx): Promise<Map<string, number>> {
  const rows = await rowsOf(db, sql`select id, name from platforms where archived_at is null`);
  return new Map(rows.map((r) => [String(r.name), Number(r.id)]));
}

export async function industriesByName(db: Db | Tx): Promise<Map<string, string>> {
  const rows = await rowsOf(db, sql`select code, name_zh from industries`);
  const m = new Map<string, string>();
  for (const r of rows) {
    m.set(String(r.code), String(r.code));
    m.set(String(r.name_zh), String(r.code));
  }
  return m;
}

export async function displayNameOf(db: Db | Tx, userId: number): Promise<string | null> {
  const [r] = await rowsOf(db, sql`select display_name from users where id = ${userId}`);
  return r ? String(r.display_name) : null;
}

/** The leading industries (主导产业) of every platform. */
export async function leadingIndustries(db: Db | Tx): Promise<Map<number, Set<string>>> {
  const rows = await rowsOf(db, sql`select platform_id, industry_code from platform_industries`);
  const m = new Map<number, Set<string>>();
  for (const r of rows) {
    const id = Number(r.platform_id);
    if (!m.has(id)) m.set(id, new Set());
    m.get(id)!.add(String(r.industry_code));
  }
  return m;
}

export async function livePlatforms(db: Db | Tx, scope: PlatformScope) {
  const rows = await rowsOf(
    db,
    sql`select p.id, p.name, p.name_en from platforms p
      where p.archived_at is null and ${scopeSql(scope, { platformId: sql`p.id` })} order by p.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), nameEn: String(r.name_en) }));
}

export async function keyIndustries(db: Db | Tx) {
  const rows = await rowsOf(db, sql`select code, name_zh, name_en from industries order by sort, code`);
  return rows.map((r) => ({ code: String(r.code), nameZh: String(r.name_zh), nameEn: String(r.name_en) }));
}

// 达产复核

export interface ActualsRow {
  ownLandMu: number | null;
  revenue: number | null;
  tax: number | null;
  /** Rows of the full-production year. */
  hasYear: boolean;
  fixedAssetInvestment: number | null;
}

/**
 * The enterprise figures each project's check needs: own land, the full-production year's revenue
 * and tax, and the reported fixed-asset investment summed from the signing year (or the year the
 * project started) to the full-production year.
 */
export async function actualsOf(
  db: Db | Tx,
  items: { projectId: number; enterpriseId: number; fromYear: number; year: number }[],
): Promise<Map<number, ActualsRow>> {
  const out = new Map<number, ActualsRow>();
  for (const it of items) {
    const [r] = await rowsOf(
      db,
      sql`select e.own_land_mu,
          (select y.revenue from enterprise_years y where y.enterprise_id = e.id and y.year = ${it.year}) as revenue,
          (select y.tax from enterprise_years y where y.enterprise_id = e.id and y.year = ${it.year}) as tax,
          exists (select 1 from enterprise_years y where y.enterprise_id = e.id and y.year = ${it.year}) as has_year,
          (select sum(y.fixed_asset_investment) from enterprise_years y where y.enterprise_id = e.id
            and y.year between ${it.fromYear} and ${it.year}) as fai
        from enterprises e where e.id = ${it.enterpriseId}`,
    );
    if (r)
      out.set(it.projectId, {
        ownLandMu: num(r.own_land_mu),
        revenue: num(r.revenue),
        tax: num(r.tax),
        hasYear: Boolean(r.has_year),
        fixedAssetInvestment: num(r.fai),
      });
  }
  return out;
}
