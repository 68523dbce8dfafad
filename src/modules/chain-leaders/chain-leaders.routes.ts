import { Type } from '@fastify/type-provider-typebox';
import { actorOf, errorResponses, Nullable, Paging, type App, type RouteDeps } from '../../platform/http';
import { datedName, sendWorkbook } from '../spreadsheets/reply';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { ChainLeaderRow } from './chain-leaders.service';
import { DECISIONS, REASON_MAX_LENGTH, STATUSES, type ChainLeaderStatus, type Decision } from './core/rules';

const tags = ['chain-leaders'];
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const EnterpriseId = Type.Integer({ minimum: 1, maximum: 2147483647 });

const DecisionSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Type.Integer(),
  year: Type.Integer(),
  decision: Type.String({ enum: [...DECISIONS] }),
  reason: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedByName: Type.String(),
  decidedAt: Type.String({ format: 'date-time' }),
});

const Row = Type.Object({
  enterpriseId: Type.Integer(),
  name: Type.String(),
  uscc: Type.String(),
  platformId: Type.Integer(),
  platformName: Type.String(),
  platformNameEn: Type.String(),
  industryClass: Nullable(Type.String()),
  keyIndustry: Nullable(Type.String({ description: 'Key-industry code; null when the class is not mapped' })),
  output: Nullable(Type.Number({ description: 'Output of the year, 万元' })),
  belowThreshold: Type.Boolean({
    description: 'A confirmed leader whose output of the year is below 20 亿元',
  }),
  status: Type.String({ enum: [...STATUSES] }),
  grantedOn: Nullable(Type.String({ description: 'Label grant date (confirmed rows)' })),
  latestDecision: Type.Union([DecisionSchema, Type.Null()]),
});

const Counts = {
  candidates: Type.Integer(),
  confirmed: Type.Integer(),
  pending: Type.Integer(),
  declined: Type.Integer(),
  belowThreshold: Type.Integer(),
};

const Filters = {
  year: Type.Optional(Year),
  platformId: Type.Optional(Type.Integer({ minimum: 1 })),
  industry: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.String({ enum: [...STATUSES] })),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
};

const STATUS_NAMES: Record<ChainLeaderStatus, string> = {
  confirmed: '已确认',
  declined: '未予确认',
  pending: '待确认',
};
const DECISION_NAMES: Record<Decision, string> = { confirmed: '确认', declined: '不予确认/撤销' };

/** China Standard Time, `YYYY-MM-DD HH:mm`. */
const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const exportColumns = (year: number, industryName: (code: string | null) => string) => [
  { header: '企业名称', width: 36, value: (r: ChainLeaderRow) => r.name },
  { header: '统一社会信用代码', width: 22, value: (r: ChainLeaderRow) => r.uscc },
  { header: '所属园区', width: 24, value: (r: ChainLeaderRow) => r.platformName },
  { header: '重点产业', width: 14, value: (r: ChainLeaderRow) => industryName(r.keyIndustry) },
  {
    header: `${year}年工业总产值（亿元）`,
    width: 16,
    numFmt: '#,##0.00',
    value: (r: ChainLeaderRow) => (r.output === null ? null : r.output / 10_000),
  },
  { header: '状态', width: 10, value: (r: ChainLeaderRow) => STATUS_NAMES[r.status] },
  {
    header: '产值低于20亿元',
    width: 12,
    value: (r: ChainLeaderRow) => (r.belowThreshold ? '是' : ''),
  },
  { header: '认定日期', width: 12, value: (r: ChainLeaderRow) => r.grantedOn },
  {
    header: '最近决定',
    width: 16,
    value: (r: ChainLeaderRow) =>
      r.latestDecision ? `${DECISION_NAMES[r.latestDecision.decision]}（${r.latestDecision.year}年度）` : '',
  },
  { header: '决定人', width: 14, value: (r: ChainLeaderRow) => r.latestDecision?.decidedByName ?? '' },
  {
    header: '决定时间',
    width: 20,
    value: (r: ChainLeaderRow) => (r.latestDecision ? chinaTime(r.latestDecision.decidedAt) : ''),
  },
  { header: '理由', width: 40, value: (r: ChainLeaderRow) => r.latestDecision?.reason ?? '' },
];

export function chainLeaderRoutes(app: App, { services }: RouteDeps) {
  const chain = services.chainLeaders;

  app.get(
    '/api/chain-leaders',
    {
      schema: {
        tags,
        summary:
          'Chain-leader candidates of a year (output ≥ 20 亿元) and confirmed leaders below the line / 链主企业候选名单',
        description:
          'Without `year`: the latest year with enterprise figures. `years` lists the years that have figures.',
        querystring: Type.Object({ ...Filters, ...Paging }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            threshold: Type.Number({ description: '万元' }),
            items: Type.Array(Row),
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
      return chain.list(actorOf(request), {
        ...q,
        status: q.status as ChainLeaderStatus | undefined,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
    },
  );

  app.get(
    '/api/chain-leaders/summary',
    {
      schema: {
        tags,
        summary: 'Counts of a year: in total, by platform, by key industry / 链主企业统计',
        querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            threshold: Type.Number(),
            total: Type.Object(Counts),
            byPlatform: Type.Array(
              Type.Object({
                platformId: Type.Integer(),
                platformName: Type.String(),
                platformNameEn: Type.String(),
                ...Counts,
              }),
            ),
            byIndustry: Type.Array(
              Type.Object({
                industry: Nullable(Type.String()),
                nameZh: Type.String(),
                nameEn: Type.String(),
                isKey: Type.Boolean(),
                ...Counts,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => chain.summary(actorOf(request), request.query.year),
  );

  app.get(
    '/api/chain-leaders/decisions',
    {
      schema: {
        tags,
        summary: 'Decision trail, newest first (of one enterprise, or the latest 500) / 链主认定记录',
        querystring: Type.Object(
          { enterpriseId: Type.Optional(EnterpriseId), year: Type.Optional(Year) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              ...DecisionSchema.properties,
              enterpriseName: Type.String(),
              uscc: Type.String(),
              platformId: Type.Integer(),
              platformName: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => chain.decisions(actorOf(request), request.query),
  );

  app.post(
    '/api/chain-leaders/decisions',
    {
      schema: {
        tags,
        summary: 'Confirm a candidate or decline (revoke) it, with a reason; task force only / 链主认定',
        body: Type.Object(
          {
            enterpriseId: EnterpriseId,
            year: Year,
            decision: Type.String({ enum: [...DECISIONS] }),
            reason: Type.String({ maxLength: REASON_MAX_LENGTH }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ decision: DecisionSchema, item: Type.Union([Row, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await chain.decide(actorOf(request), { ...body, decision: body.decision as Decision });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/chain-leaders/export',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'The year’s list as .xlsx (same filters as the list) / 导出链主企业名单',
        querystring: Type.Object(Filters, { additionalProperties: false }),
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { year, rows, industryNames } = await chain.exportRows(actorOf(request), {
        ...q,
        status: q.status as ChainLeaderStatus | undefined,
      });
      return sendWorkbook(
        reply,
        datedName(`${year}年度链主企业候选名单`),
        streamWorkbook(
          {
            name: `${year}年度链主企业`,
            columns: exportColumns(year, (code) => (code ? (industryNames.get(code) ?? code) : '')),
          },
          once(rows),
        ),
      );
    },
  );
}
