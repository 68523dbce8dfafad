import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/presets';
import { canonicalJson, METHOD_KEY_PATTERN, methodExport, methodImport } from './document';

describe('method files', () => {
  const definition = PRESETS['huangyan-2022']!;
  const version = {
    id: 4,
    key: 'my-county',
    version: 2,
    name: 'x',
    nameEn: '',
    hash: 'h',
    basedOn: 'huangyan-2022@1',
    note: 'n',
    createdBy: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    runs: 0,
    subject: 'enterprise' as const,
    definition,
  };

  it('an export imports again under its own key, with where it came from', () => {
    const file = JSON.parse(JSON.stringify(methodExport(version)));
    expect(Object.keys(file)).toEqual(['key', 'version', 'basedOn', 'note', 'hash', 'definition']);
    expect(methodImport(file, { fileName: 'other.json' })).toEqual({
      key: 'my-county',
      definition,
      basedOn: 'huangyan-2022@1',
    });
  });

  it('a bare document takes the key asked for, else the file name', () => {
    expect(methodImport(definition, { fileName: 'county.JSON' })).toEqual({
      key: 'county',
      definition,
      basedOn: null,
    });
    expect(methodImport(definition, { key: 'k', fileName: 'county.json' }).key).toBe('k');
    expect(methodImport(null, { fileName: 'n.json' })).toEqual({ key: 'n', definition: null, basedOn: null });
  });

  it('canonical JSON sorts keys at every level, so equal documents hash alike', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it.each([
    ['huangyan-2022', true],
    ['my_county-2', true],
    ['Upper', false],
    ['-lead', false],
    ['', false],
  ])('key %s valid: %s', (key, ok) => {
    expect(METHOD_KEY_PATTERN.test(key)).toBe(ok);
  });
});
