/**
 * The OpenAPI document (`/api/docs/json`, `yiyuan openapi`) is valid OpenAPI 3.0.3 for a standard
 * validator (swagger-parser), and a client generator (openapi-typescript) turns it into types that
 * compile. Built like `yiyuan openapi`: no database is queried.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../platform/db/client';
import { testConfig } from '../test/database';
import { buildApp } from './app';

let document: Record<string, unknown>;
let close: () => Promise<void>;

beforeAll(async () => {
  const database = connect('postgres://127.0.0.1:1/unused', 'external', null);
  const { app } = await buildApp(testConfig(), database);
  await app.ready();
  document = JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  close = async () => {
    await app.close();
    await database.close();
  };
}, 120_000);
afterAll(() => close());

describe('the OpenAPI document', () => {
  it('validates with swagger-parser as OpenAPI 3.0.3', async () => {
    expect(document.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('generates TypeScript types with openapi-typescript, without warnings, that compile', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    let source: string;
    try {
      source = astToString(await openapiTS(structuredClone(document) as never, { silent: false }));
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
    expect(source).toContain('"/api/cockpit"');
    const file = 'api.d.ts';
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name === file ? ts.createSourceFile(file, source, version) : read(name, version);
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true }, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
