/**
 * Fault suite, load (issue 11 deliverable 6): 50 concurrent clients read the cockpit and the
 * enterprise list of a real started server for 60 s while web imports run back to back. Zero
 * errors; the latency percentiles are printed and kept in test-results/load.json; every import
 * succeeds and leaves exactly its file's figures.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../modules/imports/core/columns';
import { cleanUp, connectTo, dataDir, login, serve, sleep, until, type Served } from '../test/processes';

const CLIENTS = 50;
const SECONDS = 60;

let dir: string;
let server: Served;
let db: pg.Client;
let year: number;
let usccs: string[] = [];

const A = (key: string) => COLUMNS.annual.find((c) => c.key === key)!.header;

async function annualWorkbook(base: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度数据');
  ws.addRow([A('uscc'), A('year'), A('revenue'), A('tax'), A('employees')]);
  usccs.forEach((u, i) => ws.addRow([u, year, base + i, (base + i) / 10, 10 + (i % 50)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

beforeAll(async () => {
  dir = await dataDir('yiyuan-load-');
  server = await serve(dir, ['--port', '0', '--demo'], {
    YIYUAN_DEMO_SCALE: '1500',
    YIYUAN_LOGIN_RATE_LIMIT: '1000',
  });
  db = await connectTo(dir);
  year = (await db.query<{ y: number }>('select max(year)::int as y from enterprise_years')).rows[0]!.y;
  usccs = (
    await db.query<{ uscc: string }>(
      'select e.uscc from enterprises e join enterprise_years y on y.enterprise_id = e.id and y.year = $1 order by e.id',
      [year],
    )
  ).rows.map((r) => r.uscc);
}, 600_000);

afterAll(async () => {
  await db?.end().catch(() => {});
  await cleanUp();
}, 60_000);

describe('load', { timeout: 600_000 }, () => {
  it(`${CLIENTS} clients on the cockpit and the enterprise list for ${SECONDS} s while imports run: zero errors`, async () => {
    const reader = await login(server.url, 'taskforce');
    const importer = await login(server.url, 'taskforce');
    const files = { A: await annualWorkbook(1000), B: await annualWorkbook(7000) };
    const paths = [
      `/api/cockpit?year=${year}`,
      '/api/enterprises?page=1&pageSize=20',
      '/api/enterprises?page=3&pageSize=50&sort=name&order=asc',
    ];
    // Warm up once (the cockpit's metrics are computed at start-up in the background).
    for (const p of paths) expect((await reader.get(p)).status, p).toBe(200);

    const latencies: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
    const errors: string[] = [];
    const stopAt = Date.now() + SECONDS * 1000;
    const client = async (n: number) => {
      for (let i = n; Date.now() < stopAt; i++) {
        const p = paths[i % paths.length]!;
        const t0 = performance.now();
        try {
          const res = await reader.get(p);
          await res.arrayBuffer();
          if (res.status !== 200) errors.push(`${p}: ${res.status}`);
        } catch (error) {
          errors.push(`${p}: ${(error as Error).message}`);
        }
        latencies[p]!.push(performance.now() - t0);
      }
    };

    // Imports back to back, alternating two files, each checked against its file's figures.
    const imports: { id: number; file: 'A' | 'B'; ms: number; correct: boolean }[] = [];
    const importing = (async () => {
      for (let k = 0; Date.now() < stopAt - 5000; k++) {
        const file = k % 2 ? 'B' : 'A';
        const t0 = Date.now();
        const upload = await importer.upload(
          `/api/imports?kind=annual&year=${year}`,
          `load-${file}.xlsx`,
          files[file],
        );
        expect(upload.status).toBe(202);
        const { id } = (await upload.json()) as { id: number };
        const status = async () =>
          ((await (await importer.get(`/api/imports/${id}`)).json()) as { status: string }).status;
        await until(async () => (await status()) !== 'validating', 120_000, 100);
        expect((await importer.post(`/api/imports/${id}/commit`)).status).toBe(202);
        const final = await until(
          async () => {
            const s = await status();
            return s === 'importing' ? null : s;
          },
          120_000,
          100,
        );
        expect(final).toBe('succeeded');
        const base = file === 'A' ? 1000 : 7000;
        const { rows } = await db.query<{ n: number }>(
          `select count(*)::int as n from enterprise_years y join enterprises e on e.id = y.enterprise_id
            where y.year = $1 and y.revenue = $2::numeric + (array_position($3::text[], e.uscc) - 1)`,
          [year, base, usccs],
        );
        imports.push({ id, file, ms: Date.now() - t0, correct: rows[0]!.n === usccs.length });
        await sleep(500);
      }
    })();

    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), importing]);

    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b);
    const round = (v: number) => Math.round(v);
    const byPath = Object.fromEntries(
      Object.entries(latencies).map(([p, l]) => {
        const s = [...l].sort((a, b) => a - b);
        return [
          p,
          {
            requests: s.length,
            p50: round(percentile(s, 50)),
            p95: round(percentile(s, 95)),
            p99: round(percentile(s, 99)),
          },
        ];
      }),
    );
    const figures = {
      clients: CLIENTS,
      seconds: SECONDS,
      enterprises: usccs.length,
      requests: all.length,
      throughputPerSecond: Math.round(all.length / SECONDS),
      errors: errors.length,
      p50: round(percentile(all, 50)),
      p95: round(percentile(all, 95)),
      p99: round(percentile(all, 99)),
      max: round(all.at(-1) ?? 0),
      byPath,
      imports,
    };
    console.log(`load: ${JSON.stringify(figures)}`);
    await fs.mkdir('test-results', { recursive: true });
    await fs.writeFile(path.join('test-results', 'load.json'), JSON.stringify(figures, null, 2));

    expect(errors.slice(0, 5)).toEqual([]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((i) => i.correct)).toBe(true);
    expect(all.length).toBeGreaterThan(CLIENTS);
  });
});
