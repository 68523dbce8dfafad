import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { strictResponses } from './response-contract';

/** A route whose service returns a field its response schema lacks. */
async function appWithDrift(strict: boolean) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.setErrorHandler((error, _request, reply) =>
    error instanceof AppError ? reply.code(error.status).send(error.toJSON()) : reply.code(500).send({}),
  );
  if (strict) strictResponses(app);
  const service = () => ({ id: 1, name: '演示', addedLater: 42 });
  app.get(
    '/thing',
    { schema: { response: { 200: Type.Object({ id: Type.Integer(), name: Type.String() }) } } },
    async () => service(),
  );
  app.get('/ok', { schema: { response: { 200: Type.Object({ id: Type.Integer() }) } } }, async () => ({
    id: 1,
  }));
  return app;
}

describe('strict responses', () => {
  it('fails a reply whose service returns a field the route schema lacks, naming the field', async () => {
    const app = await appWithDrift(true);
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('RESPONSE_CONTRACT');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['addedLater']);
    expect((await app.inject({ method: 'GET', url: '/ok' })).statusCode).toBe(200);
  });

  it('without the check, the serializer silently drops the field (the drift it exists to catch)', async () => {
    const app = await appWithDrift(false);
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, name: '演示' });
  });
});
