/**
 * Projects in Excel: the import template (with an example row and a 说明 sheet), the import (upsert
 * by project code, all or nothing, row errors in Chinese and English) and the export of a filtered
 * list. Stage dates in an import by the task force or the CLI count as approved; by a platform admin
 * they are submitted for approval (one pending change: the furthest stage dated).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Database, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { zonedDate } from '../../platform/time-zone';
import { recordAudit, subjectOf } from '../audit/audit.service';
import type { Actor } from '../auth/core/access';
import { safeCell } from '../spreadsheets/core/cells';
import { FILE_HEADLINES } from '../spreadsheets/core/file-kind';
import { readSheet } from '../spreadsheets/read/read-in-worker';
import { SIZE_CLASS_NAMES, SOURCE_NAMES, STAGE_NAMES, STAGES, STATUS_NAMES, type Origin } from './core/codes';
import { stageIndex } from './core/stages';
import {
  COLUMN_OF_FIELD,
  PROJECT_COLUMNS,
  readProjectSheet,
  type RowError,
  type SheetCell,
} from './core/sheet';
import * as repo from './projects.repository';
import type { ImportResult, ProjectCreate, ProjectSummary, StageChangeCreate } from './projects.schemas';

export const PROJECT_SHEET = '招商项目';

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 36;
}

/** The import template: the columns, one example row, and a 说明 sheet. */
export async function templateWorkbook(platform: string, industry: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(PROJECT_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = PROJECT_COLUMNS.map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(12, Math.min(30, c.zh.length * 2 + 2)),
    style: c.kind === 'amount' ? { numFmt: '#,##0.##' } : c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  styleHeader(sheet);
  PROJECT_COLUMNS.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const year = Number(zonedDate().slice(0, 4)) - 1;
  sheet.addRow({
    code: '',
    name: '（示例）年产 10GWh 动力电池项目',
    investorName: '示例新能源科技有限公司',
    investorOrigin: '上海市',
    platform: safeCell(platform),
    industry: safeCell(industry),
    chainNodeCode: '',
    totalInvestment: 120000,
    fixedAssetInvestment: 90000,
    landMu: 200,
    parcel: '示例地块 A-01',
    energyTce: 15000,
    source: SOURCE_NAMES.chain.zh,
    ownerName: '张三',
    committedIntensity: 450,
    committedOutputPerMu: 800,
    committedTaxPerMu: 50,
    fullProductionYear: year + 4,
    note: '示例行：导入前请删除',
    date_lead: `${year}-01-10`,
    date_negotiating: `${year}-03-01`,
    date_signed: `${year}-06-18`,
  });
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'zh', width: 30 },
    { header: 'Column', key: 'en', width: 36 },
    { header: '说明', key: 'note', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  const notes: Record<string, string> = {
    code: '留空则新建并自动编号（XM-年份-5位序号）；填写已有编号则更新该项目',
    investorUscc: '投资方为已登记企业时填写；否则填写投资方名称',
    enterpriseUscc: '落地项目公司（已登记企业），达产复核用其年度数据；留空时同投资方',
    platform: '园区名称（平台管理员只能导入本平台项目）',
    industry: '产业名称或编码',
    source: Object.values(SOURCE_NAMES)
      .map((s) => s.zh)
      .join(' / '),
    referrerUscc: '以企招企时必填',
  };
  for (const c of PROJECT_COLUMNS)
    help.addRow({
      zh: c.zh + (c.required ? '（必填）' : ''),
      en: c.en + (c.required ? ' (required)' : ''),
      note:
        notes[c.key] ??
        (c.kind === 'date'
          ? '已批准的阶段日期，不能晚于今天，且按阶段先后不倒序'
          : c.kind === 'amount'
            ? '非负数'
            : ''),
    });
  help.addRow({});
  for (const [zh, en] of [
    [
      '整表校验通过才会导入（全部或全不）；错误按行列出。',
      'The file is imported only when every row passes (all or nothing); errors are listed by row.',
    ],
    [
      '工作专班导入（及命令行导入）的阶段日期直接生效；平台管理员导入的阶段日期提交审核（仅最后一个阶段）。',
      'Stage dates imported by the task force (or the CLI) count at once; a platform admin’s are submitted for approval (the furthest stage).',
    ],
    ['终止或流失请在项目页面操作。', 'Dropping or losing a project is done on its page.'],
  ])
    help.addRow({ zh: '注意', en, note: zh });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportItem {
  row: repo.ProjectRow;
  summary: ProjectSummary;
  dates: Record<string, string>;
}

/** The filtered list: the template's columns plus stage, status, size and stall. */
export async function exportWorkbook(items: ExportItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(PROJECT_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const extra = [
    { header: '当前阶段', key: 'stage', width: 10 },
    { header: '状态', key: 'status', width: 8 },
    { header: '规模', key: 'size', width: 12 },
    { header: '停留天数', key: 'days', width: 10 },
    { header: '停滞预警', key: 'stall', width: 10 },
    { header: '待审核变更', key: 'pending', width: 12 },
  ];
  sheet.columns = [
    ...PROJECT_COLUMNS.map((c) => ({
      header: c.zh,
      key: c.key,
      width: Math.max(12, Math.min(30, c.zh.length * 2 + 2)),
      style: c.kind === 'amount' ? { numFmt: '#,##0.##' } : {},
    })),
    ...extra,
  ];
  styleHeader(sheet);
  for (const { row: p, summary: s, dates } of items)
    sheet.addRow({
      code: p.code,
      name: safeCell(p.name),
      investorUscc: p.investorEnterpriseId ? null : p.investorUscc,
      investorName: safeCell(p.investorDisplayName),
      investorOrigin: safeCell(p.investorOrigin),
      enterpriseUscc: null,
      platform: safeCell(p.platformName),
      industry: p.industryZh,
      chainNodeCode: p.chainNodeCode,
      totalInvestment: p.totalInvestment,
      fixedAssetInvestment: p.fixedAssetInvestment,
      foreignInvestment: p.foreignInvestment,
      landMu: p.landMu,
      parcel: safeCell(p.parcel),
      energyTce: p.energyTce,
      source: SOURCE_NAMES[p.source].zh,
      referrerUscc: null,
      ownerName: safeCell(p.ownerName),
      committedIntensity: p.committedIntensity,
      committedOutputPerMu: p.committedOutputPerMu,
      committedTaxPerMu: p.committedTaxPerMu,
      fullProductionYear: p.fullProductionYear,
      note: safeCell(p.note),
      ...Object.fromEntries(STAGES.map((st) => [`date_${st}`, dates[st] ?? null])),
      stage: STAGE_NAMES[p.stage].zh,
      status: STATUS_NAMES[p.status].zh,
      size: SIZE_CLASS_NAMES[s.sizeClass].zh,
      days: s.stall.days,
      stall: s.stall.level === 2 ? '已上报专班' : s.stall.level === 1 ? '停滞' : '',
      pending: p.pendingStage
        ? (STAGE_NAMES[p.pendingStage as keyof typeof STAGE_NAMES]?.zh ?? p.pendingStage)
        : '',
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the import needs of the service (its transaction-level steps). */
export interface ImportSteps {
  createIn: (
    tx: Tx,
    actor: Actor,
    input: ProjectCreate,
    options: { today?: string; origin?: Origin },
  ) => Promise<number>;
  updateIn: (tx: Tx, actor: Actor, id: number, input: ProjectCreate & { version: number }) => Promise<void>;
  submitIn: (
    tx: Tx,
    actor: Actor,
    id: number,
    body: StageChangeCreate,
    options: { today?: string; origin?: Origin },
  ) => Promise<{ changeId: number; approved: boolean }>;
}

class Rejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('rejected');
  }
}

const errorsOf = (row: number, error: AppError): RowError[] =>
  error.details?.length
    ? error.details.map((d) => ({
        row,
        column: COLUMN_OF_FIELD[d.field] ?? d.field,
        zh: d.zh,
        en: d.en,
      }))
    : [
        {
          row,
          column: error.code === 'PLATFORM_NOT_FOUND' ? '园区' : '',
          zh: error.toJSON().error.zh,
          en: error.toJSON().error.en,
        },
      ];

/** Reads and applies a workbook in one transaction; a rejected file changes nothing. */
export async function importProjects(
  database: Database,
  steps: ImportSteps,
  actor: Actor,
  input: { file: string; fileName: string; origin: Origin; today?: string },
): Promise<ImportResult> {
  const today = input.today ?? zonedDate();
  const sha256 = createHash('sha256')
    .update(await fs.readFile(input.file))
    .digest('hex');
  const parsed = await readSheet(input.file, { preferSheets: [PROJECT_SHEET] });
  if (!parsed.ok) {
    const { code, zh, en } = parsed.failure;
    const headline = FILE_HEADLINES[code];
    throw new AppError('FILE_REJECTED', [
      { field: 'file', code, zh: `${headline.zh}：${zh}`, en: `${headline.en}: ${en}` },
    ]);
  }
  const read = readProjectSheet(
    parsed.sheet.header as SheetCell[],
    parsed.sheet.rows as { row: number; cells: SheetCell[] }[],
    today,
  );
  const empty = { accepted: false, created: 0, updated: 0, approvedChanges: 0, pendingChanges: 0 };
  if (!read.ok) return { ...empty, errors: read.errors };
  try {
    return await database.transaction(async (tx) => {
      const errors: RowError[] = [];
      const platforms = await repo.platformIdsByName(tx);
      const industries = await repo.industriesByName(tx);
      const usccs = read.rows.flatMap((r) => [r.investorUscc, r.enterpriseUscc, r.referrerUscc]);
      const enterprises = await repo.enterpriseIdsByUscc(tx, [
        ...new Set(usccs.filter((u): u is string => u !== null)),
      ]);
      const result = { accepted: true, created: 0, updated: 0, approvedChanges: 0, pendingChanges: 0 };
      for (const r of read.rows) {
        const rowErrors: RowError[] = [];
        const bad = (column: string, zh: string, en: string) =>
          rowErrors.push({ row: r.row, column, zh, en });
        const platformId = platforms.get(r.platform);
        if (!platformId) bad('园区', `园区不存在：${r.platform}`, `No such platform: ${r.platform}`);
        const industryCode = industries.get(r.industry);
        if (!industryCode) bad('产业', `产业不存在：${r.industry}`, `No such industry: ${r.industry}`);
        const enterpriseId = r.enterpriseUscc ? enterprises.get(r.enterpriseUscc) : undefined;
        if (r.enterpriseUscc && !enterpriseId)
          bad('项目公司统一社会信用代码', '该企业未登记', 'This enterprise is not registered');
        const referrerId = r.referrerUscc ? enterprises.get(r.referrerUscc) : undefined;
        if (r.referrerUscc && !referrerId)
          bad('推荐企业统一社会信用代码', '该企业未登记', 'This enterprise is not registered');
        const investorId = r.investorUscc ? enterprises.get(r.investorUscc) : undefined;
        if (rowErrors.length) {
          errors.push(...rowErrors);
          continue;
        }
        const fields: ProjectCreate = {
          name: r.name,
          investorEnterpriseId: investorId ?? null,
          investorName: r.investorName,
          investorUscc: investorId ? null : r.investorUscc,
          investorOrigin: r.investorOrigin,
          enterpriseId: enterpriseId ?? null,
          platformId: platformId!,
          industryCode: industryCode!,
          chainNodeCode: r.chainNodeCode,
          totalInvestment: r.totalInvestment,
          fixedAssetInvestment: r.fixedAssetInvestment,
          foreignInvestment: r.foreignInvestment,
          landMu: r.landMu,
          parcel: r.parcel,
          energyTce: r.energyTce,
          source: r.source,
          referrerEnterpriseId: referrerId ?? null,
          ownerName: r.ownerName,
          committedIntensity: r.committedIntensity,
          committedOutputPerMu: r.committedOutputPerMu,
          committedTaxPerMu: r.committedTaxPerMu,
          fullProductionYear: r.fullProductionYear,
          note: r.note,
        };
        try {
          const existingId = r.code ? await repo.projectIdByCode(tx, r.code) : null;
          let project = existingId ? await repo.projectById(tx, { kind: 'all' }, existingId) : null;
          if (existingId && actor.role === 'platform_admin' && project?.platformId !== actor.platformId) {
            bad(
              '项目编号',
              '项目编号已被其他园区的项目使用',
              'This code belongs to another platform’s project',
            );
            errors.push(...rowErrors);
            continue;
          }
          let id: number;
          if (project) {
            id = project.id;
            await steps.updateIn(tx, actor, id, { ...fields, version: project.version });
            result.updated++;
          } else {
            const lead = r.dates.find((d) => d.stage === 'lead')?.date ?? r.dates[0]?.date;
            id = await steps.createIn(
              tx,
              actor,
              { ...fields, ...(r.code ? { code: r.code } : {}), ...(lead ? { leadDate: lead } : {}) },
              { today, origin: input.origin },
            );
            result.created++;
          }
          project = await repo.projectById(tx, { kind: 'all' }, id);
          const ahead = r.dates.filter((d) => stageIndex(d.stage) > stageIndex(project!.stage));
          const direct = input.origin === 'cli' || actor.role === 'task_force';
          const toSubmit = direct ? ahead : ahead.slice(-1);
          for (const d of toSubmit) {
            const { approved } = await steps.submitIn(
              tx,
              actor,
              id,
              { stage: d.stage, stageDate: d.date, note: `导入：${input.fileName}`.slice(0, 200) },
              { today, origin: input.origin },
            );
            if (approved) result.approvedChanges++;
            else result.pendingChanges++;
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push(...errorsOf(r.row, error));
        }
      }
      if (errors.length) throw new Rejected(errors);
      await recordAudit(tx, subjectOf(actor), {
        action: 'project.import',
        result: 'success',
        objectType: 'project',

        detail: { file: input.fileName, sha256, rows: read.rows.length, origin: input.origin, ...result },
      });
      return { ...result, errors: [] };
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    // A rejected file changes nothing, but the attempt is on the record.
    await database.transaction((tx) =>
      recordAudit(tx, subjectOf(actor), {
        action: 'project.import',
        result: 'failure',
        objectType: 'project',
        detail: {
          file: input.fileName,
          sha256,
          rows: read.rows.length,
          origin: input.origin,
          errors: error.errors.length,
        },
      }),
    );
    return { ...empty, errors: error.errors.slice(0, 200) };
  }
}
