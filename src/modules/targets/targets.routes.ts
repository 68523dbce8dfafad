import { Type } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { actorOf, errorResponses, IdParams, Nullable, type App, type RouteDeps } from '../../platform/http';
import { METRIC_KEYS, METRICS, type MetricKey } from '../metrics/core/metrics';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { TargetCard } from './targets.service';

const tags = ['plan'];
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const Open = Type.Object({}, { additionalProperties: true });

const targetFields = {
  code: Type.String({ minLength: 1, maxLength: 16 }),
  nameZh: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  metric: Type.String({ enum: [...METRIC_KEYS] }),
  comparator: Type.String({ enum: ['gte', 'gt', 'lte'] }),
  targetValue: Type.Number(),
  kind: Type.String({ enum: ['level', 'annual'] }),
  dueYear: Type.Optional(Nullable(Type.Integer())),
  baselineYear: Type.Optional(Nullable(Type.Integer())),
  baselineValue: Type.Optional(Nullable(Type.Number())),
  milestones: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), Type.Number())),
  ownerDepartment: Type.Optional(Type.String({ maxLength: 100 })),
  frequency: Type.Optional(Type.String({ enum: ['yearly', 'quarterly', 'monthly'] })),
  warningRatio: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  source: Type.Optional(Type.String({ maxLength: 500 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
const TargetBody = Type.Object(targetFields, { additionalProperties: false });
type TargetBodyT = Static<typeof TargetBody>;
const asInput = (b: TargetBodyT) => ({
  ...b,
  comparator: b.comparator as 'gte' | 'gt' | 'lte',
  kind: b.kind as 'level' | 'annual',
  frequency: b.frequency as 'yearly' | 'quarterly' | 'monthly' | undefined,
});

const STATUS_ZH = { on_track: '正常', at_risk: '预警', off_track: '滞后', no_data: '暂无数据' } as const;

export function targetRoutes(app: App, { services }: RouteDeps) {
  const targets = services.targets;

  app.get(
    '/api/plan/periods',
    {
      schema: {
        tags,
        summary: 'Plan periods / 规划期',
        response: { 200: Type.Array(Open), ...errorResponses },
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
        params: Type.Object({ key: Type.String({ maxLength: 32 }) }),
        response: { 200: Open, ...errorResponses },
      },
    },
    async (request) => {
      const k = request.params.key;
      return targets.getPeriod(actorOf(request), /^\d+$/.test(k) && Number(k) < 1900 ? Number(k) : k);
    },
  );

  app.post(
    '/api/plan/periods',
    {
      schema: {
        tags,
        summary: 'Create a plan period, optionally copying the targets of another / 新建规划期',
        body: Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 32 }),
            nameZh: Type.String({ minLength: 1, maxLength: 200 }),
            nameEn: Type.Optional(Type.String({ maxLength: 200 })),
            startYear: Year,
            endYear: Year,
            source: Type.Optional(Type.String({ maxLength: 500 })),
            copyFrom: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Open, ...errorResponses },
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
        params: Type.Object({ key: Type.String({ maxLength: 32 }) }),
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
        body: TargetBody,
        response: { 201: Open, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await targets.createTarget(actorOf(request), request.params.id, asInput(request.body))),
  );

  app.put(
    '/api/plan/targets/:id',
    {
      schema: {
        tags,
        summary: 'Edit a target (optimistic: send the version you read) / 修改目标',
        params: IdParams,
        body: Type.Object(
          { ...targetFields, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: Open, ...errorResponses },
      },
    },
    async (request) =>
      targets.updateTarget(actorOf(request), request.params.id, {
        ...asInput(request.body),
        version: request.body.version,
      }),
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

  const AssessQuery = Type.Object(
    {
      period: Type.Optional(Type.String({ maxLength: 32 })),
      year: Type.Optional(Year),
      platformId: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/plan/assessment',
    {
      schema: {
        tags,
        summary: 'Every target assessed for a year: value, progress, projection, status, source / 目标监测',
        querystring: AssessQuery,
        response: {
          200: Type.Object({
            period: Open,
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            platformId: Type.Union([Type.Integer(), Type.Null()]),
            cards: Type.Array(Open),
          }),
          ...errorResponses,
        },
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
        querystring: AssessQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const a = await targets.assess(actorOf(request), request.query);
      const unit = (c: TargetCard) => METRICS[c.target.metric as MetricKey].unitZh;
      // Ratios are stored as fractions; the sheet shows them in the unit it names (%): 0.6 → 60.
      const inUnit = (c: TargetCard, v: number | null | undefined) =>
        v == null
          ? v
          : METRICS[c.target.metric as MetricKey].format === 'ratio'
            ? Number((v * 100).toPrecision(12))
            : v;
      const spec = {
        name: `${a.year}年目标监测`,
        columns: [
          { header: '编号', width: 8, value: (c: TargetCard) => c.target.code },
          { header: '目标', width: 28, value: (c: TargetCard) => c.target.nameZh },
          { header: '指标', width: 24, value: (c: TargetCard) => METRICS[c.target.metric as MetricKey].zh },
          { header: '单位', width: 12, value: unit },
          { header: '目标值', value: (c: TargetCard) => inUnit(c, c.target.targetValue) },
          { header: `${a.year}年值`, value: (c: TargetCard) => inUnit(c, c.assessment.value) ?? '暂无数据' },
          { header: '完成进度', value: (c: TargetCard) => c.assessment.progress ?? '', numFmt: '0.0%' },
          {
            header: '预计到期值',
            value: (c: TargetCard) => inUnit(c, c.assessment.projection?.value) ?? '',
          },
          {
            header: '预测方法',
            width: 24,
            value: (c: TargetCard) =>
              c.assessment.projection?.method === 'linear_trend'
                ? `线性趋势（${c.assessment.projection.from}–${c.assessment.projection.to}）`
                : c.assessment.projection
                  ? '当年值'
                  : '',
          },
          {
            header: '状态',
            value: (c: TargetCard) => (c.applies ? STATUS_ZH[c.assessment.status] : '不适用'),
          },
          { header: '数据来源', value: (c: TargetCard) => c.source },
          { header: '责任单位', value: (c: TargetCard) => c.target.ownerDepartment },
          { header: '依据', width: 28, value: (c: TargetCard) => c.target.source },
        ],
      };
      return sendWorkbook(
        reply,
        datedName(`${a.period.key}规划目标监测-${a.year}`),
        streamWorkbook(spec, once(a.cards)),
      );
    },
  );
}
