/**
 * Imports under concurrency, through app.inject: one import at a time per user, the server stays
 * responsive while a big file is validated (parsing and validation run in a worker thread), the
 * row cap is a setting, and two first imports of a new year at once both end cleanly.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { demoUscc, seedDemo } from '../demo/demo.seed';
import { COLUMNS } from './core/columns';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let own: number;
let big: Buffer;
const BIG_ROWS = 80_000;

async function annual(rows: unknown[][]): Promise<Buffer> {
  const file = path.join(
    os.tmpdir(),
    `yiyuan-concurrency-${process.pid}-${rows.length}-${Math.random().toString(16).slice(2)}.xlsx`,
  );
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('年度数据');
  ws.addRow(COLUMNS.annual.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
  const content = await fs.readFile(file);
  await fs.rm(file, { force: true });
  return content;
}

function uploader(target: () => Awaited<ReturnType<typeof asUsers>>) {
  return (who: string, year: number, content: Buffer) => {
    const boundary = '----yiyuan' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="年度数据.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return target()(who, 'POST', `/api/imports?kind=annual&year=${year}`, body as unknown as string, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };
}
const upload = uploader(() => call);

async function settle(c: typeof call, who: string, id: number) {
  for (let i = 0; i < 1200; i++) {
    const job = (await c(who, 'GET', `/api/imports/${id}`)).json();
    if (!['validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'platform']);
  own = (await call('platform', 'GET', '/api/auth/me')).json().user.platformId;
  // Unregistered enterprises: every row is read and validated (and refused), nothing is written.
  big = await annual(
    Array.from({ length: BIG_ROWS }, (_, i) => [
      demoUscc('330114', 200_000 + i),
      '',
      2030,
      100 + i,
      2500,
      90,
    ]),
  );
}, 120_000);

describe('V5: imports never hold up other users', () => {
  it('one import at a time per user: a second one while the first is validated is refused with 409', async () => {
    const first = await upload('platform', 2030, big);
    expect(first.statusCode, first.body).toBe(202);
    const second = await upload('platform', 2030, big);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('IMPORT_BUSY');
    expect(second.json().error.zh).toContain('同一时间只能进行一个导入');
    // Another user is not held up.
    const other = await upload('taskforce', 2030, big);
    expect(other.statusCode, other.body).toBe(202);
    await settle(call, 'platform', first.json().id);
    await settle(call, 'taskforce', other.json().id);
    // Once the first has finished, the user may import again.
    const third = await upload('platform', 2030, big);
    expect(third.statusCode, third.body).toBe(202);
    await settle(call, 'platform', third.json().id);
  }, 240_000);

  it('while a big file is validated, other requests answer quickly (the work runs off the request thread)', async () => {
    const started = await upload('platform', 2030, big);
    expect(started.statusCode, started.body).toBe(202);
    const latencies: number[] = [];
    let probesWhileValidating = 0;
    for (;;) {
      const t0 = performance.now();
      const me = await call('taskforce', 'GET', '/api/auth/me');
      latencies.push(performance.now() - t0);
      expect(me.statusCode).toBe(200);
      const job = (await call('platform', 'GET', `/api/imports/${started.json().id}`)).json();
      if (job.status !== 'validating') {
        expect(job.status).toBe('rejected');
        expect(job.rowsTotal).toBe(BIG_ROWS);
        break;
      }
      probesWhileValidating++;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The validation took a while (many probes answered meanwhile), and none of them waited on it.
    expect(probesWhileValidating).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(750);
  }, 240_000);

  it('the row cap is a setting (YIYUAN_IMPORT_MAX_ROWS): a file over it is refused', async () => {
    const capped = (
      await buildApp(
        testConfig({ imports: { maxRows: 5, maxCells: 4_000_000, uploadRetentionHours: 24 } }),
        database,
      )
    ).app;
    const c = await asUsers(capped, ['platform']);
    const file = await annual(
      Array.from({ length: 6 }, (_, i) => [demoUscc('330114', 300_000 + i), '', 2030, 1, 1, 1]),
    );
    const started = await uploader(() => c)('platform', 2030, file);
    expect(started.statusCode, started.body).toBe(202);
    const job = await settle(c, 'platform', started.json().id);
    expect(job.status).toBe('rejected');
    expect(job.problems[0].code).toBe('TOO_MANY_ROWS');
    await capped.close();
  }, 120_000);
});

describe('two first imports of a new year at once', () => {
  it('both end cleanly (serialised), never with a raw duplicate-key error', async () => {
    const usccs = [demoUscc('330114', 400_001), demoUscc('330114', 400_002)];
    for (const [i, uscc] of usccs.entries()) {
      const res = await call('taskforce', 'POST', '/api/enterprises', {
        uscc,
        name: `杭州新年度企业${i}有限公司`,
        platformId: own,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const year = 2031;
    const files = await Promise.all(
      [100, 200].map((revenue) => annual(usccs.map((u) => [u, '', year, 1, revenue, 1]))),
    );
    const jobs = await Promise.all(
      (['platform', 'taskforce'] as const).map(async (who, i) => {
        const started = await upload(who, year, files[i]!);
        expect(started.statusCode, started.body).toBe(202);
        const ready = await settle(call, who, started.json().id);
        expect(ready.status, JSON.stringify(ready.problems)).toBe('ready');
        return { who, id: ready.id as number };
      }),
    );
    const commits = await Promise.all(jobs.map((j) => call(j.who, 'POST', `/api/imports/${j.id}/commit`)));
    expect(commits.map((c) => c.statusCode)).toEqual([202, 202]);
    const done = await Promise.all(jobs.map((j) => settle(call, j.who, j.id)));
    expect(done.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
    // One of them created the year, the other updated it.
    expect(done.map((d) => d.rowsInserted).sort()).toEqual([0, 2]);
    const rows = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from enterprise_years where year = ${year}`,
    );
    expect(rows.rows[0]!.n).toBe(2);
  }, 120_000);
});
