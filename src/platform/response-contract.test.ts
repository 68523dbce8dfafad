import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { Nullable } from './http';
import { droppedFields } from './response-contract';

const Item = Type.Object({ id: Type.Integer(), name: Type.String(), score: Nullable(Type.Number()) });

describe('droppedFields', () => {
  it('names the fields a schema would drop, at any depth', () => {
    const Page = Type.Object({ items: Type.Array(Item), total: Type.Integer() });
    const reply = {
      items: [
        { id: 1, name: 'a', score: null },
        { id: 2, name: 'b', score: 3, rank: 1 },
      ],
      total: 2,
      extra: true,
    };
    expect(droppedFields(Page, reply)).toEqual(['items[1].rank', 'extra']);
    expect(droppedFields(Page, { items: [{ id: 1, name: 'a', score: 1 }], total: 1 })).toEqual([]);
  });

  it('keeps what records, free objects and unknown values allow, and ignores undefined', () => {
    const S = Type.Object({
      byYear: Type.Record(Type.String(), Type.Number()),
      meta: Type.Unknown(),
      free: Type.Object({}, { additionalProperties: true }),
      note: Type.Optional(Type.String()),
    });
    expect(
      droppedFields(S, { byYear: { 2024: 1 }, meta: { a: 1 }, free: { x: 1 }, note: undefined }),
    ).toEqual([]);
  });

  it('accepts a value that fits any branch of a union, and reports the closest branch otherwise', () => {
    const U = Type.Union([Type.Object({ kind: Type.Literal('a'), a: Type.Number() }), Type.Null()]);
    expect(droppedFields(U, { kind: 'a', a: 1 })).toEqual([]);
    expect(droppedFields(U, null)).toEqual([]);
    expect(droppedFields(U, { kind: 'a', a: 1, b: 2 })).toEqual(['b']);
  });

  it('follows $ref to shared schemas', () => {
    const Shared = { $id: 'Thing', type: 'object', properties: { id: { type: 'integer' } } };
    const refs = new Map([['Thing', Shared]]);
    expect(droppedFields({ $ref: 'Thing#' }, { id: 1, secret: 'x' }, refs)).toEqual(['secret']);
  });
});
