import { Type } from 'typebox';
import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { TASK_ACTIONS } from './core/tasks';
import {
  DepartmentUsersSchema,
  IdParamsSchema,
  MeetingListSchema,
  MeetingSchema,
  MeetingWriteSchema,
  MyPlatformsSchema,
  PairingCreateSchema,
  PairingEndSchema,
  PairingListSchema,
  PairingSchema,
  TaskCreateSchema,
  TaskDetailSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskStepSchema,
} from './tasks.schemas';

const tags = ['tasks'];

const STEP_SUMMARIES: Record<(typeof TASK_ACTIONS)[number], string> = {
  report: 'Report progress (text in `note`, `percent`) — the owner / 报送进展',
  milestone: 'Mark a milestone done (`milestoneId`) — the owner / 完成节点',
  complete: 'Complete; after the deadline it is 逾期完成 — the owner / 完成',
  review: 'Review a completed task — the task force / 审核',
  return: 'Return a completed task with a reason — the task force / 退回',
  supervise: 'Send a supervision reminder with a note — the task force / 督办提醒',
};

export function taskRoutes(app: App, { services }: RouteDeps) {
  const tasks = services.tasks;

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks in scope by deadline, filtered and paged / 工作任务清单',
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return tasks.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/api/tasks/my-platforms',
    {
      schema: {
        tags,
        summary: 'A city leader’s paired platforms with open requests and tasks / 我联系的平台',
        response: { 200: MyPlatformsSchema, ...errorResponses },
      },
    },
    async (request) => tasks.myPlatforms(actorOf(request)),
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Create a task from a meeting decision or a plan measure (task force) / 新建任务',
        body: TaskCreateSchema,
        response: { 201: TaskDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await tasks.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'A task with milestones, progress, supervision and the caller’s steps / 任务详情',
        params: IdParamsSchema,
        response: { 200: TaskDetailSchema, ...errorResponses },
      },
    },
    async (request) => tasks.get(actorOf(request), request.params.id),
  );

  for (const action of TASK_ACTIONS)
    app.post(
      `/api/tasks/:id/${action}`,
      {
        schema: {
          tags,
          summary: STEP_SUMMARIES[action],
          description: '`version` is the one read; a task changed since is refused (409 VERSION_CONFLICT).',
          params: IdParamsSchema,
          body: TaskStepSchema,
          response: { 200: TaskDetailSchema, ...errorResponses },
        },
      },
      async (request) => tasks.step(actorOf(request), request.params.id, action, request.body),
    );

  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Topic meetings, newest first (task force, city leaders) / 专题会议',
        response: { 200: MeetingListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await tasks.meetings(actorOf(request)) }),
  );

  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Record a meeting with its decisions (task force) / 记录专题会议',
        body: MeetingWriteSchema,
        response: { 201: MeetingSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await tasks.createMeeting(actorOf(request), request.body)),
  );

  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting with its decisions and their tasks / 会议详情',
        params: IdParamsSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (request) => tasks.meeting(actorOf(request), request.params.id),
  );

  app.put(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a meeting (task force) / 修改专题会议',
        params: IdParamsSchema,
        body: Type.Object(
          { ...MeetingWriteSchema.properties, version: Type.Integer() },
          { additionalProperties: false },
        ),
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (request) => tasks.updateMeeting(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/departments/:id/users',
    {
      schema: {
        tags,
        summary: 'The accounts of a department (task force) / 部门用户',
        params: IdParamsSchema,
        response: { 200: DepartmentUsersSchema, ...errorResponses },
      },
    },
    async (request) => tasks.departmentUsers(actorOf(request), request.params.id),
  );

  app.get(
    '/api/leader-platforms',
    {
      schema: {
        tags,
        summary: 'City leaders paired with key platforms (task force) / 市领导联系重点产业平台',
        response: { 200: PairingListSchema, ...errorResponses },
      },
    },
    async (request) => tasks.pairings(actorOf(request)),
  );

  app.post(
    '/api/leader-platforms',
    {
      schema: {
        tags,
        summary: 'Pair a city leader with a platform from a date (task force) / 新增联系平台',
        body: PairingCreateSchema,
        response: { 201: PairingSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await tasks.createPairing(actorOf(request), request.body)),
  );

  app.post(
    '/api/leader-platforms/:id/end',
    {
      schema: {
        tags,
        summary: 'End a pairing on a date (task force) / 结束联系',
        params: IdParamsSchema,
        body: PairingEndSchema,
        response: { 200: PairingSchema, ...errorResponses },
      },
    },
    async (request) => tasks.endPairing(actorOf(request), request.params.id, request.body.toOn),
  );
}
