import { describe, expect, it } from 'vitest';
import type { MethodSummary } from '../../api/evaluationMethods';
import { exportFileName, keyFromFileName, readMethodFile } from './methodFile';
import { basedOnOf, groupMethods, nextVersion } from './methodGroups';

const summary = (id: number, key: string, version: number, createdAt: string, runs = 0): MethodSummary => ({
  id,
  subject: 'enterprise',
  key,
  version,
  name: key,
  nameEn: '',
  hash: 'h',
  basedOn: null,
  note: '',
  createdBy: null,
  createdAt,
  runs,
});

describe('method list', () => {
  it('groups versions by key, latest first, most recently changed key first', () => {
    const groups = groupMethods([
      summary(1, 'huangyan-2022', 1, '2025-01-01T00:00:00Z', 2),
      summary(2, 'my-district', 1, '2025-02-01T00:00:00Z'),
      summary(3, 'my-district', 2, '2025-03-01T00:00:00Z', 1),
      summary(4, 'huangyan-2021', 1, '2025-01-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.key, g.latest.version, g.older.map((o) => o.version), g.runs])).toEqual([
      ['my-district', 2, [1], 1],
      ['huangyan-2021', 1, [], 0],
      ['huangyan-2022', 1, [], 2],
    ]);
  });

  it('tells the next version of a key', () => {
    const all = [summary(1, 'a', 1, ''), summary(2, 'a', 3, '')];
    expect(nextVersion(all, 'a')).toBe(4);
    expect(nextVersion(all, 'b')).toBe(1);
    expect(basedOnOf({ key: 'a', version: 3 })).toBe('a@3');
  });
});

describe('method files', () => {
  it('names exports and reads the key back from the name', () => {
    expect(exportFileName('my-district', 3)).toBe('my-district-v3.json');
    expect(keyFromFileName('my-district-v3.json')).toBe('my-district');
    expect(keyFromFileName('Xiaoshan Method.JSON')).toBe('xiaoshan-method');
    expect(keyFromFileName('方法.json')).toBeUndefined();
  });

  it('reads a bare document or an API method version', () => {
    expect(readMethodFile('{"schemaVersion":1}', 'a-v1.json')).toEqual({
      ok: true,
      definition: { schemaVersion: 1 },
      key: 'a',
    });
    expect(readMethodFile('\uFEFF{"key":"b","definition":{"x":1}}', 'c.json')).toEqual({
      ok: true,
      definition: { x: 1 },
      key: 'b',
    });
    expect(readMethodFile('{oops', 'a.json')).toEqual({ ok: false, reason: 'json' });
    expect(readMethodFile('[1]', 'a.json')).toEqual({ ok: false, reason: 'notObject' });
  });
});
