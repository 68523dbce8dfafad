/** Reported statistics: the year's template (which carries the reported figures) imports back unchanged. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { seedDemo } from '../demo/demo.seed';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
const YEAR = 2023;
const URL = '/api/platform-stats';

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce']);
});

async function upload(content: Buffer, filename = '上报.xlsx') {
  const boundary = '----yiyuan' + Date.now();
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return call('taskforce', 'POST', `${URL}/import?year=${YEAR}`, body as unknown as string, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

describe('reported statistics template → import', () => {
  it('changes nothing when the downloaded template is imported as it is', async () => {
    const { rows } = await database.pool.query('select id from platforms order by id limit 2');
    for (const [i, { id }] of rows.entries()) {
      const res = await call('taskforce', 'PUT', `${URL}/batch`, {
        platformId: id,
        year: YEAR,
        items: [
          { figure: 'output', value: 12345.6789 + i },
          { figure: 'innovationPlatforms', value: 3 + i },
          { figure: 'publicServicePlatform', value: 1 },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const before = (await database.pool.query('select * from platform_year_stats order by 1, 2, 3')).rows;
    const template = await call('taskforce', 'GET', `${URL}/template?year=${YEAR}`);
    expect(template.statusCode).toBe(200);
    const imported = await upload(template.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ year: YEAR, set: 0, cleared: 0, unchanged: 6 });
    expect((await database.pool.query('select * from platform_year_stats order by 1, 2, 3')).rows).toEqual(
      before,
    );
  });

  it('refuses an .xls renamed .xlsx with what it is and what to do', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('Workbook', 'utf16le'),
    ]);
    const res = await upload(xls, '上报.xlsx'); // named .xlsx: refused by its bytes
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details[0];
    expect(detail).toMatchObject({ field: 'file', code: 'NOT_XLSX' });
    expect(detail.zh).toMatch(/^不是有效的 \.xlsx 文件：这是 Excel 97–2003/);
    expect(detail.en).toMatch(/This is an Excel 97–2003 \.xls file; open it in Excel or WPS/);
  });
});
