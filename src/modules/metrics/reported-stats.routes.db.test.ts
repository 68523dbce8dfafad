/** Reported statistics (统计上报数) through app.inject: roles, scope, validation by kind, audit. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { seedDemo } from '../demo/demo.seed';
import { BASE_FIGURES } from './core/metrics';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number; // the platform administrator's platform
let other: number; // another platform

const YEAR = 2024;
const URL = '/api/platform-stats';

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'auditor']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  const { rows } = await database.pool.query('select id from platforms where id <> $1 order by id limit 1', [
    own,
  ]);
  other = rows[0].id;
}, 120_000);

async function auditRows(action: string) {
  const { rows } = await database.pool.query(
    `select username, object_type, object_id, detail from audit_log where action = $1 order by id`,
    [action],
  );
  return rows as {
    username: string;
    object_type: string;
    object_id: string;
    detail: Record<string, unknown>;
  }[];
}

async function stored(platformId: number, year = YEAR) {
  const { rows } = await database.pool.query(
    'select figure, value::float8 as value, note from platform_year_stats where platform_id = $1 and year = $2 order by figure',
    [platformId, year],
  );
  return Object.fromEntries(rows.map((r: { figure: string; value: number }) => [r.figure, r.value]));
}

describe('platform-stats API', () => {
  it('lists the figure catalogue with kinds and the reported-only marks', async () => {
    const res = await call('leader', 'GET', `${URL}/figures`);
    expect(res.statusCode).toBe(200);
    const figures: { key: string; kind: string; reportedOnly: boolean }[] = res.json();
    expect(figures.map((f) => f.key)).toEqual([...BASE_FIGURES]);
    expect(figures.find((f) => f.key === 'publicServicePlatform')).toMatchObject({
      kind: 'flag',
      reportedOnly: true,
    });
    expect(figures.find((f) => f.key === 'output')).toMatchObject({ kind: 'amount', reportedOnly: false });
  });

  it('sets, updates and reads a figure (task force, any platform), with who and when', async () => {
    const set = await call('taskforce', 'PUT', URL, {
      platformId: other,
      year: YEAR,
      figure: 'output',
      value: 1234.5678,
      note: '统计局快报',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      platformId: other,
      year: YEAR,
      figure: 'output',
      value: 1234.5678,
      note: '统计局快报',
      enteredByName: '市专班 演示',
      changed: true,
    });
    expect(Date.parse(set.json().enteredAt)).not.toBeNaN();

    // An update keeps the note when none is sent.
    const update = await call('taskforce', 'PUT', URL, {
      platformId: other,
      year: YEAR,
      figure: 'output',
      value: 2000,
    });
    expect(update.statusCode, update.body).toBe(200);
    expect(update.json()).toMatchObject({ value: 2000, note: '统计局快报', changed: true });
    // The same again changes nothing.
    const same = await call('taskforce', 'PUT', URL, {
      platformId: other,
      year: YEAR,
      figure: 'output',
      value: 2000,
    });
    expect(same.json()).toMatchObject({ value: 2000, changed: false });

    const list = await call('leader', 'GET', `${URL}?year=${YEAR}&platformId=${other}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        platformId: other,
        figure: 'output',
        value: 2000,
        platformName: expect.any(String),
      }),
    ]);
    expect(list.json()[0].platformName.length).toBeGreaterThan(0);
    expect(await stored(other)).toEqual({ output: 2000 });
    expect((await call('leader', 'GET', `${URL}?year=${YEAR - 1}`)).json()).toEqual([]);
  });

  it('audits a set with the old and new value', async () => {
    const rows = (await auditRows('platform_stat.set')).filter((r) => r.detail.platformId === other);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      username: 'taskforce',
      object_type: 'platform_year_stat',
      object_id: `${other}:${YEAR}:output`,
      detail: {
        figure: 'output',
        year: YEAR,
        old: null,
        new: 1234.5678,
        note: '统计局快报',
        source: 'single',
      },
    });
    expect(rows[1]!.detail).toMatchObject({ old: 1234.5678, new: 2000 });
  });

  it('refuses values that do not fit the kind, unknown figures and bad years, in both languages', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ figure: 'majorProjects', value: 1.5 }, 'value', 'VALUE_NOT_INTEGER'],
      [{ figure: 'publicServicePlatform', value: 2 }, 'value', 'VALUE_NOT_FLAG'],
      [{ figure: 'output', value: -1 }, 'value', 'VALUE_NEGATIVE'],
      [{ figure: 'firms', value: -3 }, 'value', 'VALUE_NEGATIVE'],
      [{ figure: 'output', value: 1.23456 }, 'value', 'VALUE_TOO_PRECISE'],
      [{ figure: 'output', value: null }, 'value', 'VALUE_REQUIRED'],
      [{ figure: 'profit', value: 1 }, 'figure', 'FIGURE_UNKNOWN'],
      [{ figure: 'output', value: 1, year: 1989 }, 'year', 'YEAR_OUT_OF_RANGE'],
      [{ figure: 'output', value: 1, note: 'x'.repeat(501) }, 'note', 'NOTE_TOO_LONG'],
    ];
    for (const [body, field, code] of cases) {
      const res = await call('taskforce', 'PUT', URL, { platformId: other, year: YEAR, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('STAT_INVALID');
      expect(error.details).toEqual([{ field, code, zh: expect.any(String), en: expect.any(String) }]);
      expect(error.details[0].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    // Unknown body fields are refused by the schema.
    const extra = await call('taskforce', 'PUT', URL, {
      platformId: other,
      year: YEAR,
      figure: 'output',
      value: 1,
      by: 9,
    });
    expect(extra.statusCode).toBe(400);
    expect(await stored(other)).toEqual({ output: 2000 });
  });

  it('clears an override (body or query); clearing twice is harmless', async () => {
    await call('taskforce', 'PUT', URL, { platformId: other, year: YEAR, figure: 'incubators', value: 4 });
    const clear = await call('taskforce', 'DELETE', URL, { platformId: other, year: YEAR, figure: 'output' });
    expect(clear.statusCode, clear.body).toBe(200);
    expect(clear.json()).toEqual({ cleared: true });
    const again = await call('taskforce', 'DELETE', URL, { platformId: other, year: YEAR, figure: 'output' });
    expect(again.json()).toEqual({ cleared: false });
    const byQuery = await call(
      'taskforce',
      'DELETE',
      `${URL}?platformId=${other}&year=${YEAR}&figure=incubators`,
    );
    expect(byQuery.statusCode, byQuery.body).toBe(200);
    expect(byQuery.json()).toEqual({ cleared: true });
    expect(await stored(other)).toEqual({});
    const missing = await call('taskforce', 'DELETE', `${URL}?platformId=${other}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['year', 'figure']);
    const unknown = await call('taskforce', 'DELETE', URL, { platformId: other, year: YEAR, figure: 'nope' });
    expect(unknown.json().error.code).toBe('STAT_INVALID');

    const audit = (await auditRows('platform_stat.clear')).filter((r) => r.detail.platformId === other);
    expect(audit.map((r) => [r.detail.figure, r.detail.old, r.detail.new])).toEqual([
      ['output', 2000, null],
      ['incubators', 4, null],
    ]);
  });

  it('saves a batch in one transaction: sets, clears (null), leaves equal values alone', async () => {
    const first = await call('taskforce', 'PUT', `${URL}/batch`, {
      platformId: other,
      year: YEAR,
      items: [
        { figure: 'output', value: 500, note: '快报' },
        { figure: 'majorProjects', value: 3 },
        { figure: 'publicServicePlatform', value: 1 },
        { figure: 'incubators', value: null },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ platformId: other, year: YEAR, set: 3, cleared: 0, unchanged: 1 });
    expect(first.json().items.map((i: { figure: string }) => i.figure)).toEqual([
      'output',
      'majorProjects',
      'publicServicePlatform',
    ]);

    const second = await call('taskforce', 'PUT', `${URL}/batch`, {
      platformId: other,
      year: YEAR,
      items: [
        { figure: 'output', value: 500, note: '快报' },
        { figure: 'majorProjects', value: null },
        { figure: 'publicServicePlatform', value: 0 },
      ],
    });
    expect(second.json()).toMatchObject({ set: 1, cleared: 1, unchanged: 1 });
    expect(await stored(other)).toEqual({ output: 500, publicServicePlatform: 0 });

    // One bad item: nothing is saved, every problem is named by its index.
    const auditBefore = (await auditRows('platform_stat.set')).length;
    const bad = await call('taskforce', 'PUT', `${URL}/batch`, {
      platformId: other,
      year: YEAR,
      items: [
        { figure: 'output', value: 600 },
        { figure: 'highTechFirms', value: 1.5 },
        { figure: 'publicServicePlatform', value: 2 },
        { figure: 'output', value: 700 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('STAT_INVALID');
    expect(
      bad.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual([
      'items/1/value:VALUE_NOT_INTEGER',
      'items/2/value:VALUE_NOT_FLAG',
      'items/3/figure:FIGURE_DUPLICATE',
    ]);
    expect(await stored(other)).toEqual({ output: 500, publicServicePlatform: 0 });
    expect((await auditRows('platform_stat.set')).length).toBe(auditBefore);
  });

  it('lets a platform administrator report only for their own platform (others: 404)', async () => {
    const mine = await call('platform', 'PUT', URL, {
      platformId: own,
      year: YEAR,
      figure: 'innovationPlatforms',
      value: 2,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().enteredByName).toBe('钱塘园区管理员 演示');
    const batch = await call('platform', 'PUT', `${URL}/batch`, {
      platformId: own,
      year: YEAR,
      items: [{ figure: 'incubators', value: 1 }],
    });
    expect(batch.statusCode, batch.body).toBe(200);

    const foreign = [
      await call('platform', 'PUT', URL, { platformId: other, year: YEAR, figure: 'incubators', value: 1 }),
      await call('platform', 'PUT', `${URL}/batch`, { platformId: other, year: YEAR, items: [] }),
      await call('platform', 'DELETE', URL, { platformId: other, year: YEAR, figure: 'output' }),
      await call('platform', 'GET', `${URL}?year=${YEAR}&platformId=${other}`),
      await call('platform', 'PUT', URL, { platformId: 999999, year: YEAR, figure: 'incubators', value: 1 }),
    ];
    for (const res of foreign) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('PLATFORM_NOT_FOUND');
    }
    expect(await stored(other)).toEqual({ output: 500, publicServicePlatform: 0 });

    // Their list holds their platform only; the task force sees both.
    const theirs: { platformId: number }[] = (await call('platform', 'GET', `${URL}?year=${YEAR}`)).json();
    expect(new Set(theirs.map((s) => s.platformId))).toEqual(new Set([own]));
    const all: { platformId: number }[] = (await call('taskforce', 'GET', `${URL}?year=${YEAR}`)).json();
    expect(new Set(all.map((s) => s.platformId))).toEqual(new Set([own, other]));
  });

  it('keeps leaders read-only and other roles out', async () => {
    expect((await call('leader', 'GET', `${URL}?year=${YEAR}`)).statusCode).toBe(200);
    const writes = [
      await call('leader', 'PUT', URL, { platformId: own, year: YEAR, figure: 'output', value: 1 }),
      await call('leader', 'PUT', `${URL}/batch`, { platformId: own, year: YEAR, items: [] }),
      await call('leader', 'DELETE', URL, { platformId: own, year: YEAR, figure: 'innovationPlatforms' }),
      await call('leader', 'GET', `${URL}/template?year=${YEAR}`),
    ];
    for (const res of writes) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await call('auditor', 'GET', `${URL}?year=${YEAR}`)).statusCode).toBe(403);
    expect((await stored(own)).innovationPlatforms).toBe(2);
  });
});

describe('platform-stats workbooks', () => {
  async function upload(who: string, year: number, content: Buffer) {
    const boundary = '----yiyuan' + Date.now();
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="上报.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return call(who, 'POST', `${URL}/import?year=${year}`, body as unknown as string, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  it('gives a template of the own platforms with the current figures, and imports it back', async () => {
    const res = await call('platform', 'GET', `${URL}/template?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['园区编号', '园区名称', '工业总产值（万元）']);
    expect(sheet.rowCount).toBe(2); // the header and their one platform
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(own);
    expect(row.getCell(col('省级以上科技创新平台（个）')).value).toBe(2);

    row.getCell(col('工业总产值（万元）')).value = 8888.5;
    row.getCell(col('省级以上科技创新平台（个）')).value = '清除';
    row.getCell(col('建有综合公共服务平台（有=1）')).value = 1;
    const ok = await upload('platform', YEAR, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(200);
    // incubators (1) was in the template too: equal, so unchanged.
    expect(ok.json()).toEqual({ year: YEAR, platforms: 1, set: 2, cleared: 1, unchanged: 1 });
    expect(await stored(own)).toEqual({ output: 8888.5, incubators: 1, publicServicePlatform: 1 });
    const [imported] = await auditRows('platform_stat.import');
    expect(imported!.detail).toMatchObject({
      year: YEAR,
      set: 2,
      cleared: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses the whole file when a row is wrong or names a platform that is not theirs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('上报');
    ws.addRow(['园区编号', '工业总产值（万元）', '新招引10亿元以上产业项目（个）']);
    ws.addRow([own, 1, 2]);
    ws.addRow([other, 1, 2]);
    ws.addRow([own, -5, 1.5]);
    const res = await upload('platform', YEAR, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('STAT_INVALID');
    expect(
      res.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual(['rows/3/platform:PLATFORM_UNKNOWN', 'rows/4/platform:PLATFORM_DUPLICATE']);
    expect(await stored(own)).toEqual({ output: 8888.5, incubators: 1, publicServicePlatform: 1 });
    const notXlsx = await upload('platform', YEAR, Buffer.from('not a workbook'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('FILE_REJECTED');
  });
});
