import { Type } from '@fastify/type-provider-typebox';
import {
  actorOf,
  errorResponses,
  IdParams,
  Nullable,
  Paging,
  type App,
  type RouteDeps,
} from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { streamSheets, type SheetSpec } from '../spreadsheets/xlsx-writer';
import { ALL_INDICATOR_KEYS, DIMENSIONS, SUBJECTS } from './core/indicators';
import type { Method } from './core/method';
import type { ResultRow } from './evaluation.repository';

const tags = ['evaluation'];
const Json = Type.Unknown();
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

const MethodSummary = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  hash: Type.String(),
  basedOn: Nullable(Type.String()),
  note: Type.String(),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  runs: Type.Integer(),
  /** What the method evaluates: enterprises (per-mu) or platforms. */
  subject: Type.String({ enum: ['enterprise', 'platform'] }),
});
const MethodDetail = Type.Object({
  ...MethodSummary.properties,
  definition: Json,
  weightSums: Type.Array(Type.Object({ cohort: Type.String(), sum: Type.Number() })),
});

const RunSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  version: Type.Integer(),
  methodId: Type.Integer(),
  methodKey: Type.String(),
  methodVersion: Type.Integer(),
  methodName: Type.String(),
  status: Type.String({ enum: ['draft', 'notice', 'published', 'superseded'] }),
  reason: Type.String(),
  inputHash: Type.String(),
  summary: Json,
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  noticeStartedAt: Nullable(Type.String()),
  noticeEndsOn: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  supersededBy: Nullable(Type.Integer()),
  pendingObjections: Type.Integer(),
});
const RunDetail = Type.Object({ ...RunSchema.properties, method: Json });

const ResultSchema = Type.Object({
  enterpriseId: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  industryClass: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String()),
  cohort: Type.String(),
  status: Type.String({ enum: ['rated', 'unrated', 'merged'] }),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  cohortSize: Type.Integer(),
  topPercent: Nullable(Type.Number()),
  class: Nullable(Type.String()),
  policyClass: Nullable(Type.String()),
  landMu: Nullable(Type.Number()),
  tax: Nullable(Type.Number()),
  valueAdded: Nullable(Type.Number()),
  taxPerMu: Nullable(Type.Number()),
  flags: Type.Array(Type.String()),
  surchargeYuan: Nullable(Type.Number()),
  reliefYuan: Nullable(Type.Number()),
});

const HistoryItem = Type.Object({
  year: Type.Integer(),
  runId: Type.Integer(),
  status: Type.String(),
  score: Nullable(Type.Number()),
  class: Nullable(Type.String()),
  policyClass: Nullable(Type.String()),
  rank: Nullable(Type.Integer()),
  cohortSize: Type.Integer(),
});
const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Scorecard = Type.Object({
  ...ResultSchema.properties,
  run: Type.Object({
    id: Type.Integer(),
    year: Type.Integer(),
    version: Type.Integer(),
    status: Type.String(),
    noticeEndsOn: Nullable(Type.String()),
  }),
  mergedInto: Nullable(Type.Integer()),
  figures: Json,
  tenants: Type.Integer(),
  items: Type.Array(
    Type.Object({
      indicator: Type.String(),
      value: Nullable(Type.Number()),
      benchmark: Nullable(Type.Number()),
      weight: Type.Number(),
      points: Type.Number(),
      capped: Type.Boolean(),
      missing: Nullable(Type.String()),
    }),
  ),
  itemsTotal: Type.Number(),
  adjustments: Type.Array(Type.Object({ key: Type.String(), points: Type.Number() })),
  policies: Json,
  cohortName: Type.Union([Text, Type.Null()]),
  cohortSummary: Json,
  classes: Type.Array(Type.Object({ key: Type.String(), name: Text })),
  explanation: Type.Array(Text),
  history: Type.Array(HistoryItem),
});

const Objection = Type.Object({
  id: Type.Integer(),
  runId: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  reason: Type.String(),
  status: Type.String({ enum: ['pending', 'accepted', 'rejected'] }),
  filedBy: Type.Integer(),
  filedAt: Type.String(),
  decisionReason: Nullable(Type.String()),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
});

const RunParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    enterpriseId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);

const ResultsQuery = Type.Object(
  {
    cohort: Type.Optional(Type.String({ maxLength: 64 })),
    platformId: Type.Optional(Type.Integer({ minimum: 1 })),
    class: Type.Optional(Type.String({ maxLength: 16 })),
    industry: Type.Optional(Type.String({ maxLength: 64 })),
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(Type.String({ enum: ['rank', 'score', 'name', 'taxPerMu'] })),
    order: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
    ...Paging,
  },
  { additionalProperties: false },
);

const classLabel = (r: ResultRow, method: Method) => {
  if (r.status === 'merged') return '合并评价';
  if (r.status === 'unrated') return `不定等级（按${r.policyClass}类）`;
  const name = method.classes.find((c) => c.key === r.class)?.name.zh;
  return name ? `${r.class}（${name}）` : (r.class ?? '');
};

export function evaluationRoutes(app: App, { services }: RouteDeps) {
  const ev = services.evaluation;

  app.get(
    '/api/evaluation/indicators',
    {
      schema: {
        tags,
        summary: 'Indicator catalogue: enterprises (domain guide §5.1) and platforms (§6) / 评价指标',
        response: {
          200: Type.Array(
            Type.Object({
              key: Type.String({ enum: [...ALL_INDICATOR_KEYS] }),
              subject: Type.String({ enum: [...SUBJECTS] }),
              zh: Type.String(),
              en: Type.String(),
              unitZh: Type.String(),
              unitEn: Type.String(),
              numerator: Type.String(),
              denominator: Nullable(Type.String()),
              decimals: Type.Integer(),
              dimension: Type.Optional(Type.String({ enum: [...DIMENSIONS] })),
              source: Type.Optional(Type.String({ enum: ['computed', 'reported', 'later'] })),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () => ev.indicators(),
  );

  app.get(
    '/api/evaluation/method-schema',
    {
      schema: {
        tags,
        summary: 'JSON Schema of a method document / 评价方法格式',
        response: { 200: Json, ...errorResponses },
      },
    },
    async () => ev.methodSchema(),
  );

  app.get(
    '/api/evaluation/presets',
    {
      schema: {
        tags,
        summary: 'Preset methods (published examples and the template) / 预置方法',
        response: { 200: Type.Record(Type.String(), Json), ...errorResponses },
      },
    },
    async () => ev.presets(),
  );

  app.get(
    '/api/evaluation/methods',
    {
      schema: {
        tags,
        summary: 'Method versions / 评价方法列表',
        response: { 200: Type.Array(MethodSummary), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return ev.listMethods(actor);
    },
  );

  app.get(
    '/api/evaluation/methods/:id',
    {
      schema: {
        tags,
        summary: 'One method version with its document / 评价方法',
        params: IdParams,
        response: { 200: MethodDetail, ...errorResponses },
      },
    },
    async (request) => ev.getMethod(actorOf(request), request.params.id),
  );

  app.post(
    '/api/evaluation/methods',
    {
      schema: {
        tags,
        summary: 'Save a method (a new key, or the next version of a key) / 保存评价方法',
        body: Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 64 }),
            definition: Json,
            basedOn: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: MethodDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await ev.createMethod(actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/evaluation/runs',
    {
      schema: {
        tags,
        summary: 'Evaluation runs / 评价批次',
        querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
        response: { 200: Type.Array(RunSchema), ...errorResponses },
      },
    },
    async (request) => ev.listRuns(actorOf(request), request.query.year),
  );

  app.post(
    '/api/evaluation/runs',
    {
      schema: {
        tags,
        summary: 'Run an evaluation for a year with a method version (a draft) / 开始评价',
        body: Type.Object(
          {
            year: Year,
            methodId: Type.Integer({ minimum: 1 }),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RunSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { year, methodId, reason } = request.body;
      const run = await ev.run(actorOf(request), { year, method: methodId, reason });
      return reply.code(201).send(run);
    },
  );

  app.get(
    '/api/evaluation/runs/:id',
    {
      schema: {
        tags,
        summary: 'One run with its method / 评价批次详情',
        params: IdParams,
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => ev.getRun(actorOf(request), request.params.id),
  );

  app.delete(
    '/api/evaluation/runs/:id',
    {
      schema: {
        tags,
        summary: 'Discard a draft run / 删除草稿',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await ev.discard(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/evaluation/runs/:id/notice',
    {
      schema: {
        tags,
        summary: 'Start the public notice (公示) / 开始公示',
        params: IdParams,
        body: Type.Object(
          { workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })) },
          { additionalProperties: false },
        ),
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => ev.startNotice(actorOf(request), request.params.id, request.body.workingDays),
  );

  app.post(
    '/api/evaluation/runs/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish (final, immutable); before the notice ends only with a reason / 正式发布',
        params: IdParams,
        body: Type.Object(
          { earlyReason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => ev.publish(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/evaluation/runs/:id/results',
    {
      schema: {
        tags,
        summary: 'Results of a run (scoped) / 评价结果',
        params: IdParams,
        querystring: ResultsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ResultSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return ev.results(actorOf(request), request.params.id, {
        ...q,
        sort: (q.sort as 'rank' | undefined) ?? 'rank',
        order: (q.order as 'asc' | undefined) ?? 'asc',
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },
  );

  app.get(
    '/api/evaluation/runs/:id/results/:enterpriseId',
    {
      schema: {
        tags,
        summary: "An enterprise's scorecard in a run / 企业评价单",
        params: RunParams,
        response: { 200: Scorecard, ...errorResponses },
      },
    },
    async (request) => ev.result(actorOf(request), request.params.id, request.params.enterpriseId),
  );

  app.get(
    '/api/evaluation/scorecard/:id',
    {
      schema: {
        tags,
        summary: "An enterprise's latest visible scorecard (or a year's) / 企业最新评价",
        params: IdParams,
        querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
        response: { 200: Scorecard, ...errorResponses },
      },
    },
    async (request) => ev.scorecard(actorOf(request), request.params.id, request.query.year),
  );

  app.get(
    '/api/evaluation/runs/:id/distribution',
    {
      schema: {
        tags,
        summary: 'Score histogram per cohort with the class cut lines / 得分分布',
        params: IdParams,
        querystring: Type.Object(
          {
            bins: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
            platformId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              cohort: Type.String(),
              rated: Type.Integer(),
              bins: Type.Array(
                Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() }),
              ),
              cuts: Type.Array(
                Type.Object({
                  class: Type.String(),
                  minScore: Type.Number(),
                  maxScore: Type.Number(),
                  count: Type.Integer(),
                }),
              ),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => ev.distribution(actorOf(request), request.params.id, request.query),
  );

  const RollupRow = Type.Object({
    platformId: Nullable(Type.Integer()),
    platformName: Nullable(Type.String()),
    evaluated: Type.Integer(),
    classCounts: Type.Record(Type.String(), Type.Integer()),
    landMu: Type.Number(),
    tax: Type.Number(),
    valueAdded: Type.Number(),
    taxPerMu: Nullable(Type.Number()),
    valueAddedPerMu: Nullable(Type.Number()),
    shareAB: Nullable(Type.Number()),
    change: Type.Union([
      Type.Object({
        taxPerMu: Nullable(Type.Number()),
        valueAddedPerMu: Nullable(Type.Number()),
        shareAB: Nullable(Type.Number()),
      }),
      Type.Null(),
    ]),
  });
  app.get(
    '/api/evaluation/runs/:id/rollup',
    {
      schema: {
        tags,
        summary: 'Per platform and city: classes, tax and value added per mu, change on last year / 汇总',
        params: IdParams,
        response: {
          200: Type.Object({
            year: Type.Integer(),
            previousRunId: Nullable(Type.Integer()),
            classes: Type.Array(Type.Object({ key: Type.String(), name: Text })),
            rows: Type.Array(RollupRow),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ev.rollup(actorOf(request), request.params.id),
  );

  app.get(
    '/api/evaluation/runs/:id/low-efficiency',
    {
      schema: {
        tags,
        summary: 'Low-efficiency candidates: worst class or tax per mu below a floor / 低效企业',
        params: IdParams,
        querystring: Type.Object(
          {
            taxPerMuFloor: Type.Optional(Type.Number({ minimum: 0, maximum: 10000 })),
            platformId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            taxPerMuFloor: Type.Number(),
            landMu: Type.Number(),
            items: Type.Array(
              Type.Object({ ...ResultSchema.properties, reasons: Type.Array(Type.String()) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ev.lowEfficiency(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/evaluation/runs/:id/notice.xlsx',
    {
      schema: {
        tags,
        summary: 'The notice list, one sheet per cohort (.xlsx) / 公示名单',
        params: IdParams,
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const run = await ev.getRun(actor, request.params.id);
      const method = run.method as Method;
      const sheets = method.cohorts.map((c) => {
        const spec: SheetSpec<ResultRow> = {
          name: c.name.zh.slice(0, 31),
          columns: [
            { header: '排名', value: (r) => r.rank, width: 8 },
            { header: '企业名称', value: (r) => r.name, width: 36 },
            { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
            { header: '所属园区', value: (r) => r.platformName, width: 24 },
            { header: '综合得分', value: (r) => r.score, numFmt: '0.00', width: 10 },
            { header: '评价等级', value: (r) => classLabel(r, method), width: 18 },
          ],
        };
        async function* batches() {
          for (let page = 1; ; page++) {
            const { items } = await ev.results(actor, run.id, {
              cohort: c.key,
              sort: 'rank',
              order: 'asc',
              page,
              pageSize: 2000,
            });
            if (items.length) yield items;
            if (items.length < 2000) return;
          }
        }
        return { spec: spec as SheetSpec<unknown>, batches: batches() as AsyncIterable<unknown[]> };
      });
      return sendWorkbook(
        reply,
        datedName(`${run.year}年度亩均效益评价公示名单-v${run.version}`),
        streamSheets(sheets),
      );
    },
  );

  app.get(
    '/api/evaluation/runs/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections of a run (scoped) / 异议',
        params: IdParams,
        response: { 200: Type.Array(Objection), ...errorResponses },
      },
    },
    async (request) => ev.objections(actorOf(request), request.params.id),
  );

  app.post(
    '/api/evaluation/runs/:id/objections',
    {
      schema: {
        tags,
        summary: 'An enterprise objects to its result during the notice / 提出异议',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 201: Objection, ...errorResponses },
      },
    },
    async (request, reply) => {
      const o = await ev.fileObjection(actorOf(request), request.params.id, request.body.reason);
      return reply.code(201).send(o);
    },
  );

  app.post(
    '/api/evaluation/objections/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept or reject an objection, with a reason / 处理异议',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.String({ enum: ['accepted', 'rejected'] }),
            reason: Type.String({ maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Objection, ...errorResponses },
      },
    },
    async (request) =>
      ev.decideObjection(
        actorOf(request),
        request.params.id,
        request.body.decision as 'accepted',
        request.body.reason,
      ),
  );
}
