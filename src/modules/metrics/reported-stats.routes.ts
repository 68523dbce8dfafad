import { Type } from '@fastify/type-provider-typebox';
import { withUploadedWorkbook } from '../spreadsheets/upload';
import { actorOf, errorResponses, Nullable, type App, type RouteDeps } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { MAX_UPLOAD_BYTES } from '../spreadsheets/read/read-in-worker';
import { sendWorkbook } from '../spreadsheets/reply';
import { BASE_FIGURES, FIGURES, REPORTED_ONLY } from './core/metrics';
import { AMOUNT_DECIMALS, NOTE_MAX, YEAR_MAX, YEAR_MIN } from './core/reported';
import { templateWorkbook } from './reported-stats.workbook';

const tags = ['platform-stats'];
const PlatformId = Type.Integer({ minimum: 1, maximum: 2147483647 });
/** Checked by the service (STAT_INVALID with field details), so the schema only asks for the type. */
const YearInput = Type.Integer({ description: `${YEAR_MIN}–${YEAR_MAX}` });
const FigureInput = Type.String({
  maxLength: 64,
  description: `One of: ${BASE_FIGURES.join(', ')}`,
});
const VALUE_RULE = `By the figure's kind: amount ≥ 0 with up to ${AMOUNT_DECIMALS} decimals, count a whole number ≥ 0, flag 0 or 1`;
const ValueInput = Type.Number({ description: VALUE_RULE });
const NoteInput = Type.String({
  description: `At most ${NOTE_MAX} characters; omitted: the stored note is kept`,
});

const Stat = Type.Object({
  platformId: Type.Integer(),
  platformName: Type.String(),
  year: Type.Integer(),
  figure: Type.String({ enum: [...BASE_FIGURES] }),
  value: Type.Number(),
  note: Type.String(),
  enteredBy: Nullable(Type.Integer()),
  enteredByName: Type.String(),
  enteredAt: Type.String({ format: 'date-time' }),
});

const Counts = {
  set: Type.Integer({ description: 'figures set or changed' }),
  cleared: Type.Integer({ description: 'overrides removed' }),
  unchanged: Type.Integer({ description: 'items equal to what was stored' }),
};

const KeyFields = { platformId: PlatformId, year: YearInput, figure: FigureInput };

export function reportedStatsRoutes(app: App, { services }: RouteDeps) {
  const stats = services.reportedStats;

  app.get(
    '/api/platform-stats/figures',
    {
      schema: {
        tags,
        summary: 'The figures that can be reported, with kind and unit / 统计上报项目',
        response: {
          200: Type.Array(
            Type.Object({
              key: Type.String({ enum: [...BASE_FIGURES] }),
              zh: Type.String(),
              en: Type.String(),
              unitZh: Type.String(),
              unitEn: Type.String(),
              kind: Type.String({ enum: ['amount', 'count', 'flag'] }),
              reportedOnly: Type.Boolean(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      actorOf(request);
      return BASE_FIGURES.map((f) => ({ ...FIGURES[f], reportedOnly: REPORTED_ONLY.includes(f) }));
    },
  );

  app.get(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Reported figures of a year (a platform administrator: their platform) / 统计上报数',
        querystring: Type.Object(
          {
            year: Type.Integer({ minimum: YEAR_MIN, maximum: YEAR_MAX }),
            platformId: Type.Optional(PlatformId),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Stat), ...errorResponses },
      },
    },
    async (request) => stats.list(actorOf(request), request.query),
  );

  app.put(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Set one reported figure (it overrides the computed value) / 填报统计数',
        body: Type.Object(
          {
            ...KeyFields,
            // Nullable so that a null is refused as missing, not coerced to 0.
            value: Nullable(ValueInput),
            note: Type.Optional(NoteInput),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ...Stat.properties, changed: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => stats.set(actorOf(request), request.body),
  );

  app.delete(
    '/api/platform-stats',
    {
      schema: {
        tags,
        summary: 'Remove a reported figure: the computed value applies again (body or query) / 恢复计算值',
        querystring: Type.Object(
          {
            platformId: Type.Optional(PlatformId),
            year: Type.Optional(YearInput),
            figure: Type.Optional(FigureInput),
          },
          { additionalProperties: false },
        ),
        body: Type.Union([Type.Object(KeyFields, { additionalProperties: false }), Type.Null()]),
        response: {
          200: Type.Object({ cleared: Type.Boolean({ description: 'false: there was no reported figure' }) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const key = request.body ?? request.query;
      if (key.platformId === undefined || key.year === undefined || key.figure === undefined)
        throw new AppError(
          'VALIDATION_FAILED',
          (['platformId', 'year', 'figure'] as const)
            .filter((f) => key[f] === undefined)
            .map((field) => ({ field, code: 'REQUIRED', zh: '必填', en: 'Required' })),
        );
      return stats.clear(actorOf(request), {
        platformId: key.platformId,
        year: key.year,
        figure: key.figure,
      });
    },
  );

  app.put(
    '/api/platform-stats/batch',
    {
      schema: {
        tags,
        summary: 'Set and clear several figures of one platform-year in one transaction / 批量填报',
        body: Type.Object(
          {
            platformId: PlatformId,
            year: YearInput,
            items: Type.Array(
              Type.Object(
                {
                  figure: FigureInput,
                  value: Nullable(Type.Number({ description: `${VALUE_RULE}; null clears` })),
                  note: Type.Optional(NoteInput),
                },
                { additionalProperties: false },
              ),
              { maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            platformId: Type.Integer(),
            platformName: Type.String(),
            year: Type.Integer(),
            ...Counts,
            items: Type.Array(Stat, {
              description: 'every reported figure of the platform-year after the change',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => stats.batch(actorOf(request), request.body),
  );

  app.get(
    '/api/platform-stats/template',
    {
      schema: {
        tags,
        summary: "A year's reporting template with the current reported figures (.xlsx) / 下载上报模板",
        querystring: Type.Object(
          { year: Type.Integer({ minimum: YEAR_MIN, maximum: YEAR_MAX }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const year = request.query.year;
      const platforms = await stats.templateData(actorOf(request), year);
      return sendWorkbook(reply, `${year}年度统计上报模板.xlsx`, await templateWorkbook(year, platforms));
    },
  );

  app.post(
    '/api/platform-stats/import',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a year from a workbook (multipart field "file"), all or nothing / 导入上报数',
        querystring: Type.Object(
          { year: Type.Integer({ minimum: YEAR_MIN, maximum: YEAR_MAX }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ year: Type.Integer(), platforms: Type.Integer(), ...Counts }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withUploadedWorkbook(request, ({ file, fileName }) =>
        stats.importWorkbook(actor, { year: request.query.year, file, fileName }),
      );
    },
  );
}
