/**
 * Strict responses: every reply is checked against its route's response schema before it is
 * serialised; a field the schema would drop fails the request (500 RESPONSE_CONTRACT, naming the
 * fields). On in tests and browser journeys (`YIYUAN_STRICT_RESPONSES=true`), off in production.
 */
import type { FastifySchema } from 'fastify';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { droppedFields, type SchemaRefs } from '../../platform/response-contract';

function schemaFor(schema: FastifySchema | undefined, status: number): unknown {
  const response = schema?.response as Record<string, unknown> | undefined;
  if (!response) return undefined;
  return (
    response[status] ?? response[String(status)] ?? response[`${String(status)[0]}xx`] ?? response.default
  );
}

export function strictResponses(app: App) {
  let refs: SchemaRefs | null = null;
  app.addHook('preSerialization', async (request, reply, payload) => {
    const schema = schemaFor(request.routeOptions.schema, reply.statusCode);
    if (!schema) return payload;
    refs ??= new Map(Object.entries(app.getSchemas()) as [string, Record<string, unknown>][]);
    const dropped = droppedFields(schema, payload, refs);
    if (!dropped.length) return payload;
    const route = `${request.method} ${request.routeOptions.url}`;
    request.log.error({ route, dropped }, 'response fields missing from the contract');
    throw new AppError(
      'RESPONSE_CONTRACT',
      dropped.slice(0, 50).map((field) => ({
        field,
        code: 'NOT_IN_CONTRACT',
        zh: `${route} 的响应约定缺少字段 ${field}`,
        en: `${route}: the response schema lacks ${field}`,
      })),
    );
  });
}
