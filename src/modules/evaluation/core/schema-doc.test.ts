import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MethodSchema } from './method';

const DOC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../docs/evaluation-method.schema.json',
);

describe('docs/evaluation-method.schema.json', () => {
  it('is the schema the code validates with (regenerate: node bin/yiyuan.js method schema > docs/evaluation-method.schema.json)', async () => {
    expect(JSON.parse(await fs.readFile(DOC, 'utf8'))).toEqual(JSON.parse(JSON.stringify(MethodSchema)));
  });
});
