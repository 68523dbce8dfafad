import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, Nullable, type App, type RouteDeps } from '../../platform/http';
import { DIMENSION_NAMES, DIMENSIONS } from '../evaluation/core/indicators';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { PlatformScore } from './platform-evaluation.service';

const tags = ['platform-evaluation'];
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const Open = Type.Object({}, { additionalProperties: true });
const YearParams = Type.Object({ year: Year }, { additionalProperties: false });

const Evaluation = Type.Object({
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  method: Open,
  noData: Type.Union([Open, Type.Null()]),
  benchmarks: Open,
  pool: Open,
  platforms: Type.Array(Open),
});

export function platformEvaluationRoutes(app: App, { services }: RouteDeps) {
  const pe = services.platformEvaluation;

  app.get(
    '/api/platform-evaluation',
    {
      schema: {
        tags,
        summary: 'Platform evaluation of a year: scores, ranks, leading parks, quota allocation / 平台评价',
        description:
          'The platforms scored by the evaluation engine with a platform method (default `platform-2022`), ' +
          'the dimension subtotals, and the land and energy pools divided by score (largest remainder).',
        querystring: Type.Object(
          { year: Type.Optional(Year), method: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Evaluation, ...errorResponses },
      },
    },
    async (request) => {
      const m = request.query.method;
      return pe.evaluate(actorOf(request), request.query.year, m && /^\d+$/.test(m) ? Number(m) : m);
    },
  );

  app.put(
    '/api/quota-pools/:year',
    {
      schema: {
        tags,
        summary: "Set a year's quota pool (land 亩, energy tce, threshold, leading parks) / 设置指标池",
        params: YearParams,
        body: Type.Object(
          {
            landMu: Type.Integer({ minimum: 0 }),
            energyTce: Type.Integer({ minimum: 0 }),
            threshold: Type.Number({ minimum: 0 }),
            leaders: Type.Integer({ minimum: 0 }),
            methodId: Nullable(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Evaluation, ...errorResponses },
      },
    },
    async (request) => pe.savePool(actorOf(request), request.params.year, request.body),
  );

  app.post(
    '/api/quota-pools/:year/confirm',
    {
      schema: {
        tags,
        summary: "Confirm the year's allocation (kept as confirmed) / 确认分配方案",
        params: YearParams,
        response: { 200: Evaluation, ...errorResponses },
      },
    },
    async (request) => pe.confirm(actorOf(request), request.params.year),
  );

  app.get(
    '/api/platform-evaluation/export',
    {
      schema: {
        tags,
        summary: 'Platform evaluation and quota allocation as .xlsx / 导出平台评价与指标分配',
        querystring: Type.Object(
          { year: Type.Optional(Year), method: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const m = request.query.method;
      const r = await pe.evaluate(actorOf(request), request.query.year, m && /^\d+$/.test(m) ? Number(m) : m);
      const spec = {
        name: `${r.year}年平台评价`,
        columns: [
          { header: '排名', width: 8, value: (p: PlatformScore) => p.rank ?? '' },
          { header: '平台', width: 28, value: (p: PlatformScore) => p.name },
          { header: '总分', value: (p: PlatformScore) => p.score ?? '' },
          { header: '等级', width: 8, value: (p: PlatformScore) => p.class ?? '' },
          { header: '领跑者', width: 8, value: (p: PlatformScore) => (p.leader ? '是' : '') },
          ...DIMENSIONS.map((d) => ({
            header: DIMENSION_NAMES[d].zh,
            value: (p: PlatformScore) => p.dimensions[d],
          })),
          {
            header: `用地指标（亩，池 ${r.pool.landMu as number}）`,
            width: 20,
            value: (p: PlatformScore) => p.land.units,
          },
          {
            header: `用能指标（吨标准煤，池 ${r.pool.energyTce as number}）`,
            width: 24,
            value: (p: PlatformScore) => p.energy.units,
          },
          {
            header: `参与分配（≥ ${r.pool.threshold as number} 分）`,
            width: 16,
            value: (p: PlatformScore) => (p.land.eligible ? '是' : '否'),
          },
        ],
      };
      return sendWorkbook(
        reply,
        datedName(`${r.year}年产业平台评价与指标分配`),
        streamWorkbook(spec, once(r.platforms)),
      );
    },
  );
}
