import { describe, expect, it } from 'vitest';
import { toOpenApi30 } from './openapi';

describe('JSON Schema 2020-12 → OpenAPI 3.0.3 schemas', () => {
  it('turns numeric exclusive bounds into a bound with a boolean flag', () => {
    expect(toOpenApi30({ type: 'number', exclusiveMinimum: 0, maximum: 1 })).toEqual({
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 1,
    });
    expect(toOpenApi30({ type: 'number', exclusiveMaximum: 5, maximum: 3 })).toEqual({
      type: 'number',
      maximum: 3,
    });
  });

  it('turns const into enum, type arrays into nullable, and drops $id and example arrays', () => {
    expect(
      toOpenApi30({
        $id: 'X',
        type: 'object',
        properties: {
          kind: { const: 'a' },
          name: { type: ['string', 'null'], examples: ['x'] },
          any: { type: ['string', 'number'] },
          const: { type: 'string' },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        kind: { enum: ['a'] },
        name: { type: 'string', nullable: true },
        any: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        const: { type: 'string' },
      },
    });
  });

  it('leaves the rest of a document alone', () => {
    const doc = { openapi: '3.0.3', paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } };
    expect(toOpenApi30(doc)).toEqual(doc);
  });
});
