import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import {
  AssessmentQuerySchema,
  PeriodBodySchema,
  PeriodDetailSchema,
  PeriodKeyParams,
  PeriodListSchema,
  PlanAssessmentSchema,
  TargetBodySchema,
  TargetSchema,
  TargetUpdateBodySchema,
} from './targets.schemas';
import { assessmentWorkbook, assessmentWorkbookName } from './targets.workbooks';

const tags = ['plan'];

export function targetRoutes(app: App, { services }: RouteDeps) {
  const targets = services.targets;

  app.get(
    '/api/plan/periods',
    {
      schema: {
        tags,
        summary: 'Plan periods / 规划期',
        response: { 200: PeriodListSchema, ...errorResponses },
      },
    },
    async (request) => targets.listPeriods(actorOf(request)),
  );

  app.get(
    '/api/plan/periods/:key',
    {
      schema: {
        tags,
        summary: 'A plan period with its targets (by key, e.g. 2022-2025, or id) / 规划期及目标',
        params: PeriodKeyParams,
        response: { 200: PeriodDetailSchema, ...errorResponses },
      },
    },
    async (request) => targets.getPeriod(actorOf(request), request.params.key),
  );

  app.post(
    '/api/plan/periods',
    {
      schema: {
        tags,
        summary: 'Create a plan period, optionally copying the targets of another / 新建规划期',
        body: PeriodBodySchema,
        response: { 201: PeriodDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const period = await targets.createPeriod(actorOf(request), {
        ...b,
        nameEn: b.nameEn ?? '',
        source: b.source ?? '',
      });
      return reply.code(201).send(period);
    },
  );

  app.delete(
    '/api/plan/periods/:key',
    {
      schema: {
        tags,
        summary: 'Delete a plan period and its targets (not the last one) / 删除规划期',
        params: PeriodKeyParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await targets.deletePeriod(actorOf(request), request.params.key);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/plan/periods/:id/targets',
    {
      schema: {
        tags,
        summary: 'Add a target to a period / 新增目标',
        params: IdParams,
        body: TargetBodySchema,
        response: { 201: TargetSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await targets.createTarget(actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/api/plan/targets/:id',
    {
      schema: {
        tags,
        summary: 'Edit a target (optimistic: send the version you read) / 修改目标',
        params: IdParams,
        body: TargetUpdateBodySchema,
        response: { 200: TargetSchema, ...errorResponses },
      },
    },
    async (request) => targets.updateTarget(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/plan/targets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a target / 删除目标',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await targets.deleteTarget(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/plan/assessment',
    {
      schema: {
        tags,
        summary: 'Every target assessed for a year: value, progress, projection, status, source / 目标监测',
        querystring: AssessmentQuerySchema,
        response: { 200: PlanAssessmentSchema, ...errorResponses },
      },
    },
    async (request) => targets.assess(actorOf(request), request.query),
  );

  app.get(
    '/api/plan/assessment/export',
    {
      schema: {
        tags,
        summary: 'The target assessment as .xlsx / 导出目标监测表',
        querystring: AssessmentQuerySchema,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const a = await targets.assess(actorOf(request), request.query);
      return sendWorkbook(reply, datedName(assessmentWorkbookName(a)), assessmentWorkbook(a));
    },
  );
}
