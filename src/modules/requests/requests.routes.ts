import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { contentDisposition } from '../spreadsheets/core/cells';
import { readUploadedFile } from '../spreadsheets/upload';
import { ATTACHMENT_MAX_BYTES } from './core/attachments';
import { ACTIONS } from './core/requests';
import {
  AttachmentParamsSchema,
  AttachmentSchema,
  CategoryCreateSchema,
  CategoryListSchema,
  CategoryParamsSchema,
  CategorySchema,
  CategoryWriteSchema,
  DepartmentListSchema,
  DepartmentParamsSchema,
  DepartmentSchema,
  DepartmentWriteSchema,
  RequestCreateSchema,
  RequestDetailSchema,
  RequestIdParamsSchema,
  RequestListQuerySchema,
  RequestListSchema,
  RequestStatsSchema,
  RequestSummaryQuerySchema,
  ServiceMetricsSchema,
  StepBodySchema,
  VisitProblemParamsSchema,
} from './requests.schemas';
import { Type } from 'typebox';

const tags = ['requests'];

const STEP_SUMMARIES: Record<(typeof ACTIONS)[number], string> = {
  accept: 'Accept, choosing the complexity that sets the deadline / 受理',
  assign: 'Hand to a department or the platform / 交办',
  transfer: 'Hand to another department or the platform, with a reason / 转办',
  start: 'Start handling / 开始处置',
  answer: 'Answer the enterprise (the answer in `note`) / 反馈',
  close: 'Close / 办结',
  rate: 'Rate (the enterprise); 不满意 reopens it / 评价',
  suspend: 'Suspend, with a reason; the clock stops / 挂起',
  resume: 'Resume; the suspended working days extend the deadline / 恢复',
};

export function requestRoutes(app: App, { services }: RouteDeps) {
  const requests = services.requests;

  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Requests in scope, newest first, filtered and paged / 企业诉求列表',
        querystring: RequestListQuerySchema,
        response: { 200: RequestListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return requests.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/api/requests/stats',
    {
      schema: {
        tags,
        summary: 'The year’s figures: closure, on-time, overdue, escalated, satisfaction / 诉求办理统计',
        querystring: RequestSummaryQuerySchema,
        response: { 200: RequestStatsSchema, ...errorResponses },
      },
    },
    async (request) => requests.stats(actorOf(request), request.query.year),
  );

  app.get(
    '/api/requests/metrics',
    {
      schema: {
        tags,
        summary:
          'Service metrics of a year per platform, department and commissioner: requests, closure, on time, days to close, satisfaction, visit coverage / 服务成效',
        querystring: RequestSummaryQuerySchema,
        response: { 200: ServiceMetricsSchema, ...errorResponses },
      },
    },
    async (request) => requests.serviceMetrics(actorOf(request), request.query.year),
  );

  app.post(
    '/api/visits/:id/problems/:problemId/request',
    {
      schema: {
        tags,
        summary:
          'Turn a visit’s problem into a request (its category, the visit’s enterprise, raised by the visit’s recorder); once only / 走访问题转为诉求',
        params: VisitProblemParamsSchema,
        response: { 201: RequestDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await requests.raiseFromProblem(actorOf(request), request.params.id, request.params.problemId)),
  );

  app.post(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Raise a request (an enterprise for itself; others on its behalf) / 提出诉求',
        body: RequestCreateSchema,
        response: { 201: RequestDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await requests.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'A request with its timeline, attachments and the steps the caller may take / 诉求详情',
        params: RequestIdParamsSchema,
        response: { 200: RequestDetailSchema, ...errorResponses },
      },
    },
    async (request) => requests.get(actorOf(request), request.params.id),
  );

  for (const action of ACTIONS)
    app.post(
      `/api/requests/:id/${action}`,
      {
        schema: {
          tags,
          summary: STEP_SUMMARIES[action],
          description:
            '`version` is the one read; a request changed since is refused (409 VERSION_CONFLICT).',
          params: RequestIdParamsSchema,
          body: StepBodySchema,
          response: { 200: RequestDetailSchema, ...errorResponses },
        },
      },
      async (request) => requests.step(actorOf(request), request.params.id, action, request.body),
    );

  app.post(
    '/api/requests/:id/attachments',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Attach a file (multipart field "file"; PDF, JPG, PNG, DOCX, XLSX; ≤ 10 MB) / 上传附件',
        params: RequestIdParamsSchema,
        response: { 201: AttachmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ATTACHMENT_MAX_BYTES);
      return reply.code(201).send(await requests.attach(actorOf(request), request.params.id, file));
    },
  );

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment / 下载附件',
        params: AttachmentParamsSchema,
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await requests.attachment(actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .header('Content-Type', a.mime)
        .header('Content-Disposition', contentDisposition(a.fileName))
        .send(a.content as unknown as string);
    },
  );

  app.get(
    '/api/request-categories',
    {
      schema: {
        tags,
        summary: 'Request categories and their deadlines in working days / 诉求类别与办理时限',
        response: { 200: CategoryListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await requests.categories(actorOf(request)) }),
  );

  app.post(
    '/api/request-categories',
    {
      schema: {
        tags,
        summary: 'Add a category (task force) / 新增诉求类别',
        body: CategoryCreateSchema,
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requests.createCategory(actorOf(request), request.body)),
  );

  app.put(
    '/api/request-categories/:code',
    {
      schema: {
        tags,
        summary: 'Edit a category’s names, deadlines or activity (task force) / 修改诉求类别',
        params: CategoryParamsSchema,
        body: CategoryWriteSchema,
        response: { 200: CategorySchema, ...errorResponses },
      },
    },
    async (request) => requests.updateCategory(actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/api/departments',
    {
      schema: {
        tags,
        summary: 'The task force’s member departments / 成员部门',
        response: { 200: DepartmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await requests.departments(actorOf(request)) }),
  );

  app.post(
    '/api/departments',
    {
      schema: {
        tags,
        summary: 'Add a department (task force) / 新增成员部门',
        body: DepartmentWriteSchema,
        response: { 201: DepartmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requests.createDepartment(actorOf(request), request.body)),
  );

  app.put(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: 'Edit a department (task force) / 修改成员部门',
        params: DepartmentParamsSchema,
        body: DepartmentWriteSchema,
        response: { 200: DepartmentSchema, ...errorResponses },
      },
    },
    async (request) => requests.updateDepartment(actorOf(request), request.params.id, request.body),
  );
}
