/**
 * A `yiyuan serve` that cannot run must leave a running CLI import and the database under it
 * alone; a server that does start leaves a job another live process runs alone too.
 */
import net from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../platform/db/embedded';
import { COLUMNS } from '../modules/imports/core/columns';
import { demoUscc } from '../modules/demo/demo.seed';
import { cleanUp, cli, connectTo, dataDir, postmasterPid, serve, start, until } from '../test/processes';

afterAll(cleanUp, 60_000);

const E = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;

describe('a server that fails to start', { timeout: 300_000 }, () => {
  it('leaves a running CLI import, its job and its PostgreSQL alone when the port is busy', async () => {
    const dir = await dataDir('yiyuan-guard-');
    // Platforms and accounts only.
    const seed = await serve(dir, ['--port', '0', '--demo'], { YIYUAN_DEMO_SCALE: '0' });
    seed.child.kill('SIGTERM');
    expect(await seed.exited, seed.output()).toBe(0);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    ws.addRow([E('uscc'), E('name'), E('platform'), E('industryClass')]);
    for (let i = 0; i < 5; i++)
      ws.addRow([demoUscc('330114', 3000 + i), `杭州守护${i}号科技有限公司`, '钱塘新区产业集聚区', '3973']);
    const file = path.join(dir, 'registry.xlsx');
    await wb.xlsx.writeFile(file);

    // A CLI import starts the database itself; it is held (SIGSTOP) once its job exists.
    const importing = start(dir, ['--json', 'import', 'enterprises', file]);
    const job = await until(async () => {
      const db = await connectTo(dir).catch(() => null);
      if (!db) return null;
      try {
        const { rows } = await db.query<{ id: number }>(
          "select id from import_jobs where file_name = 'registry.xlsx'",
        );
        return rows[0]?.id ?? null;
      } finally {
        await db.end();
      }
    });
    importing.child.kill('SIGSTOP');
    const pgPid = (await postmasterPid(dir))!;

    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    const refused = await cli(dir, 'serve', '--port', String(port));
    busy.close();
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/端口 \d+.*已被占用/);
    expect(refused.output).toMatch(/already in use/);

    const db = await connectTo(dir);
    const status = async () =>
      (await db.query<{ status: string }>('select status from import_jobs where id = $1', [job])).rows[0]!
        .status;
    try {
      expect(isAlive(pgPid)).toBe(true);
      expect(await status()).toBe('validating');

      // A server that does start recovers only jobs whose process died: this one lives.
      const server = await serve(dir);
      expect(await status()).toBe('validating');

      importing.child.kill('SIGCONT');
      expect(await importing.exited, importing.output()).toBe(0);
      expect(JSON.parse(importing.output()).job.status).toBe('succeeded');
      expect(await status()).toBe('succeeded');
      const audit = await db.query<{ result: string }>(
        "select result from audit_log where object_type = 'import' and object_id = $1::text",
        [job],
      );
      expect(audit.rows.map((r) => r.result)).toEqual(['success']);
      await db.end();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await db.end().catch(() => {});
    }
  });
});
