/**
 * Rate limits on the import and export routes (security checklist item 48): past the configured
 * number per minute and address (`YIYUAN_IMPORT_RATE_LIMIT`, `YIYUAN_EXPORT_RATE_LIMIT`, set low
 * here) the answer is 429 with the error in Chinese and English; another address is not affected.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../platform/http';
import { loadConfig } from '../platform/config';
import { testConfig, testDatabase } from '../test/database';
import { login, multipartFile, type Session } from '../test/http';
import { seedDemo } from '../modules/demo/demo.seed';
import { buildApp } from './app';

const IMPORTS = 2;
const EXPORTS = 3;
let app: App;
let session: Session;
let workbook: Buffer;

beforeAll(async () => {
  const database = await testDatabase();
  await seedDemo(database);
  const base = testConfig();
  ({ app } = await buildApp(
    { ...base, security: { ...base.security, importRateLimit: IMPORTS, exportRateLimit: EXPORTS } },
    database,
  ));
  session = await login(app, 'taskforce');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('企业名录').addRow(['统一社会信用代码', '企业名称', '所属园区']);
  workbook = Buffer.from(await wb.xlsx.writeBuffer());
});

const headers = () => ({ cookie: session.cookie, 'x-csrf-token': session.csrf });

function expectRateLimited(res: Awaited<ReturnType<App['inject']>>) {
  expect(res.statusCode, res.body).toBe(429);
  const { error } = res.json() as { error: { code: string; zh: string; en: string } };
  expect(error.code).toBe('RATE_LIMITED');
  expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.en).toMatch(/too many requests/i);
}

describe('import and export rate limits', () => {
  it('the limits are settings with the documented defaults', () => {
    const config = loadConfig({
      YIYUAN_PI_KEY: Buffer.alloc(32, 1).toString('base64'),
      YIYUAN_IMPORT_RATE_LIMIT: '7',
    });
    expect(config.security.importRateLimit).toBe(7);
    expect(config.security.exportRateLimit).toBe(30);
  });

  it.each(['/api/imports?kind=enterprises', '/api/platform-stats/import?year=2024'])(
    'answers 429 in both languages past the limit of uploads per minute (%s)',
    async (url) => {
      const upload = (remoteAddress: string) => {
        const { body, headers: type } = multipartFile(workbook);
        return app.inject({
          method: 'POST',
          url,
          remoteAddress,
          headers: { ...headers(), ...type },
          payload: body,
        });
      };
      const address = `198.51.100.${url.length}`;
      for (let i = 0; i < IMPORTS; i++) {
        const res = await upload(address);
        // Accepted, refused for its content or busy with the previous one: never limited yet.
        expect(res.statusCode, res.body).not.toBe(429);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }
      expectRateLimited(await upload(address));
      expect((await upload('198.51.100.200')).statusCode).not.toBe(429);
    },
  );

  it.each([
    '/api/enterprises/export.xlsx',
    '/api/platforms/export.xlsx',
    '/api/imports/years/2024/export.xlsx',
  ])('answers 429 in both languages past the limit of downloads per minute (%s)', async (url) => {
    const download = (remoteAddress: string) => app.inject({ url, remoteAddress, headers: headers() });
    const address = `203.0.113.${url.length}`;
    for (let i = 0; i < EXPORTS; i++) {
      const res = await download(address);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    }
    expectRateLimited(await download(address));
    expect((await download('203.0.113.250')).statusCode).toBe(200);
  });
});
