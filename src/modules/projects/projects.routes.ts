import { Type } from 'typebox';
import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { ATTACHMENT_MAX_BYTES } from '../requests/core/attachments';
import { contentDisposition } from '../spreadsheets/core/cells';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { readUploadedFile, withUploadedWorkbook } from '../spreadsheets/upload';
import {
  ChangeParamsSchema,
  CommitmentListSchema,
  CommitmentQuerySchema,
  ContactParamsSchema,
  ContactRevealSchema,
  ContactWriteSchema,
  DecisionSchema,
  DocumentParamsSchema,
  DocumentSchema,
  FunnelSchema,
  PendingChangeListSchema,
  ImportResultSchema,
  ProjectCreateSchema,
  ProjectExportQuerySchema,
  ProjectDetailSchema,
  ProjectIdParamsSchema,
  ProjectListQuerySchema,
  ProjectListSchema,
  ProjectStatsSchema,
  ProjectUpdateSchema,
  StageChangeCreateSchema,
  StallListSchema,
  StallQuerySchema,
  StallRuleListSchema,
  StallRulesWriteSchema,
  YearQuerySchema,
} from './projects.schemas';

const tags = ['projects'];

export function projectRoutes(app: App, deps: RouteDeps) {
  const projects = deps.services.projects;

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Investment projects in scope, filtered and paged / 招商项目',
        description: '`majorYear` lists exactly the projects T6 counts in that year (the drill-down).',
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return projects.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Add a project; it starts at 线索 (lead) / 新增招商项目',
        body: ProjectCreateSchema,
        response: { 201: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await projects.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/projects/pending-changes',
    {
      schema: {
        tags,
        summary: 'Stage changes waiting for the caller’s approval / 待审核的阶段变更',
        response: { 200: PendingChangeListSchema, ...errorResponses },
      },
    },
    async (request) => projects.pending(actorOf(request)),
  );

  app.get(
    '/api/projects/stalls',
    {
      schema: {
        tags,
        summary: 'Stalled projects, escalated first / 停滞项目',
        querystring: StallQuerySchema,
        response: { 200: StallListSchema, ...errorResponses },
      },
    },
    async (request) => projects.stalls(actorOf(request), request.query),
  );

  app.get(
    '/api/projects/stall-rules',
    {
      schema: {
        tags,
        summary: 'Stall rules: maximum days per stage and size class / 停滞规则',
        response: { 200: StallRuleListSchema, ...errorResponses },
      },
    },
    async (request) => projects.stallRules(actorOf(request)),
  );

  app.put(
    '/api/projects/stall-rules',
    {
      schema: {
        tags,
        summary: 'Edit stall rules (task force) / 修改停滞规则',
        body: StallRulesWriteSchema,
        response: { 200: StallRuleListSchema, ...errorResponses },
      },
    },
    async (request) => projects.putStallRules(actorOf(request), request.body.items),
  );

  app.get(
    '/api/projects/funnel',
    {
      schema: {
        tags,
        summary: 'The stage funnel with conversion rates / 项目漏斗',
        querystring: YearQuerySchema,
        response: { 200: FunnelSchema, ...errorResponses },
      },
    },
    async (request) => projects.funnel(actorOf(request), request.query),
  );

  app.get(
    '/api/projects/stats',
    {
      schema: {
        tags,
        summary: 'T6 and signed investment per platform, city and key industry / 招商统计',
        querystring: YearQuerySchema,
        response: { 200: ProjectStatsSchema, ...errorResponses },
      },
    },
    async (request) => projects.stats(actorOf(request), request.query),
  );

  app.get(
    '/api/projects/commitments',
    {
      schema: {
        tags,
        summary: '标准地 commitments checked at full production / 达产复核',
        querystring: CommitmentQuerySchema,
        response: { 200: CommitmentListSchema, ...errorResponses },
      },
    },
    async (request) => projects.commitments(actorOf(request), request.query),
  );

  app.get(
    '/api/projects/template',
    {
      schema: {
        tags,
        summary: 'The import template with an example row (.xlsx) / 下载项目导入模板',
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, '招商项目导入模板.xlsx', await projects.template(actorOf(request))),
  );

  app.post(
    '/api/projects/import',
    {
      config: { rateLimit: { max: deps.rateLimits.imports, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Import projects (multipart field "file"), upsert by code, all or nothing / 导入招商项目',
        description:
          'Rejected files change nothing and return `accepted: false` with row errors. Stage dates count at once for the task force; a platform admin’s are submitted for approval.',
        response: { 200: ImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUploadedWorkbook(request, ({ file, fileName }) =>
        projects.importWorkbook(actor, { file, fileName }),
      );
    },
  );

  app.get(
    '/api/projects/export',
    {
      config: { rateLimit: { max: deps.rateLimits.exports, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'The filtered list as a workbook (.xlsx) / 导出招商项目',
        querystring: ProjectExportQuerySchema,
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        datedName('招商项目'),
        await projects.exportWorkbook(actorOf(request), request.query),
      ),
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with its timeline, changes, contacts, documents and 达产复核 / 项目详情',
        params: ProjectIdParamsSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => projects.get(actorOf(request), request.params.id),
  );

  app.put(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit a project’s fields (not its stage) / 修改招商项目',
        description: '`version` is the one read; a project changed since is refused (409 VERSION_CONFLICT).',
        params: ProjectIdParamsSchema,
        body: ProjectUpdateSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => projects.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/projects/:id/stage-changes',
    {
      schema: {
        tags,
        summary: 'Submit a stage change (approved at once for the task force) / 提交阶段变更',
        params: ProjectIdParamsSchema,
        body: StageChangeCreateSchema,
        response: { 201: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await projects.submit(actorOf(request), request.params.id, request.body)),
  );

  for (const [step, approve, zh] of [
    ['approve', true, '审核通过'],
    ['reject', false, '退回'],
  ] as const)
    app.post(
      `/api/projects/:id/stage-changes/:changeId/${step}`,
      {
        schema: {
          tags,
          summary: `${approve ? 'Approve' : 'Reject (with a reason)'} a pending stage change / ${zh}`,
          params: ChangeParamsSchema,
          body: DecisionSchema,
          response: { 200: ProjectDetailSchema, ...errorResponses },
        },
      },
      async (request) =>
        projects.decide(actorOf(request), request.params.id, request.params.changeId, approve, request.body),
    );

  app.post(
    '/api/projects/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact (phone sealed, shown masked) / 新增项目联系人',
        params: ProjectIdParamsSchema,
        body: ContactWriteSchema,
        response: { 201: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await projects.addContact(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/projects/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Delete a contact / 删除项目联系人',
        params: ContactParamsSchema,
        response: { 200: ProjectDetailSchema, ...errorResponses },
      },
    },
    async (request) => projects.deleteContact(actorOf(request), request.params.id, request.params.contactId),
  );

  app.post(
    '/api/projects/:id/contacts/:contactId/reveal',
    {
      schema: {
        tags,
        summary: 'The whole phone number of a contact (audited) / 查看完整电话',
        params: ContactParamsSchema,
        response: { 200: ContactRevealSchema, ...errorResponses },
      },
    },
    async (request) => projects.revealPhone(actorOf(request), request.params.id, request.params.contactId),
  );

  app.post(
    '/api/projects/:id/documents',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload a document (multipart field "file"; PDF, JPG, PNG, DOCX, XLSX; ≤ 10 MB) / 上传项目文件',
        params: ProjectIdParamsSchema,
        response: { 201: DocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ATTACHMENT_MAX_BYTES);
      return reply.code(201).send(await projects.upload(actorOf(request), request.params.id, file));
    },
  );

  app.get(
    '/api/projects/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Download a document / 下载项目文件',
        params: DocumentParamsSchema,
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await projects.document(actorOf(request), request.params.id, request.params.documentId);
      return reply
        .header('Content-Type', d.mime)
        .header('Content-Disposition', contentDisposition(d.fileName))
        .send(d.content as unknown as string);
    },
  );

  app.delete(
    '/api/projects/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Delete a document / 删除项目文件',
        params: DocumentParamsSchema,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await projects.deleteDocument(actorOf(request), request.params.id, request.params.documentId);
      return reply.code(204).send(null);
    },
  );
}
