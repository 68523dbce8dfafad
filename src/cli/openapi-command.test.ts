import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../test/cli';

const { run, dir } = cliHarness('yiyuan-openapi-');

describe('yiyuan openapi', () => {
  it('prints the API document from the contracts without starting a database', async () => {
    const out = await run('openapi');
    expect(out.code, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.openapi).toMatch(/^3\./);
    // A contract's response schema reaches the document with its fields.
    const platform = doc.paths['/api/platforms/{id}'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(platform)).toContain('leadingIndustries');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/enterprises', '/api/cockpit']));
    // No database was started in the data directory.
    await expect(fs.access(path.join(dir(), 'data', 'pg'))).rejects.toThrow();
  });

  it('writes the document to a file with --out', async () => {
    const file = path.join(dir(), 'openapi.json');
    const out = await run('openapi', '--out', file);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).info.title).toContain('Yiyuan');
  });
});
