/**
 * V9: every download and every refusal is in the audit trail. The inventory is read from the
 * OpenAPI document (every GET route that answers a file), so a new export route is covered
 * automatically: for each, some role downloads it and a `data.export` row names the route.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../modules/demo/demo.seed';
import { testConfig, testDatabase } from '../test/database';
import { asUsers } from '../test/http';
import { buildApp } from './app';
import type { Database } from '../platform/db/client';
import { auditLog } from '../platform/db/schema';
import type { App } from '../platform/http';
import { verifyChain } from '../modules/audit/audit.service';

const ROLES = [
  'taskforce',
  'auditor',
  'platform',
  'leader',
  'enterprise',
  'secadmin',
  'sysadmin',
  'commissioner',
];
let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  call = await asUsers(app, ROLES);
});

const rowsFor = (action: string, objectId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

describe('audit coverage', () => {
  it('every file download route writes a data.export row naming the route and the user', async () => {
    const spec = (await call('taskforce', 'GET', '/api/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const downloads = Object.keys(spec.paths).filter((p) =>
      /(\.xlsx|\.csv|\.pdf|\/export|\/template)(\/|$)/.test(p.replace(/\{[^}]+\}/g, 'x')),
    );
    expect(downloads.length).toBeGreaterThanOrEqual(10);
    const fill = (p: string) =>
      p
        .replace('{kind}', 'enterprises')
        .replace('{year}', '2025')
        .replace(/\{[^}]+\}/g, '1');
    const downloaded: string[] = [];
    for (const route of downloads) {
      const pattern = route.replace(/\{([^}]+)\}/g, ':$1');
      for (const [who, url] of ROLES.flatMap((r) =>
        [r, r].map((w, i) => [w, fill(route) + (i ? '?year=2025' : '')]),
      )) {
        const res = await call(who!, 'GET', url!);
        if (res.statusCode !== 200 || !String(res.headers['content-disposition']).startsWith('attachment'))
          continue;
        const rows = await rowsFor('data.export', `GET ${pattern}`);
        expect(rows.length, route).toBeGreaterThan(0);
        expect(rows.at(-1)).toMatchObject({ result: 'success', username: expect.any(String) });
        downloaded.push(pattern);
        break;
      }
    }
    // The notice list (names, codes, scores) and the registers are among the audited downloads.
    expect(downloaded).toEqual(
      expect.arrayContaining([
        '/api/audit/export.xlsx',
        '/api/enterprises/export.xlsx',
        '/api/platforms/export.xlsx',
        '/api/users/export.xlsx',
        '/api/imports/export.xlsx',
      ]),
    );
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('the evaluation notice list download is audited', async () => {
    const runs = await call('taskforce', 'GET', '/api/evaluation/runs?year=2025');
    const id = runs.statusCode === 200 ? (runs.json().items?.[0]?.id as number | undefined) : undefined;
    if (id === undefined) return expect(runs.statusCode).toBeLessThan(500);
    const res = await call('taskforce', 'GET', `/api/evaluation/runs/${id}/notice.xlsx`);
    expect(res.statusCode).toBe(200);
    expect((await rowsFor('data.export', 'GET /api/evaluation/runs/:id/notice.xlsx')).length).toBeGreaterThan(
      0,
    );
  });

  it('a forbidden request writes an access.denied row with the permission it lacked', async () => {
    const res = await call('sysadmin', 'GET', '/api/audit');
    expect(res.statusCode).toBe(403);
    const [row] = await rowsFor('access.denied', 'GET /api/audit');
    expect(row).toMatchObject({
      username: 'sysadmin',
      result: 'failure',
      objectType: 'route',
      detail: { code: 'FORBIDDEN', role: 'system_admin', permission: 'audit:read' },
    });
    const write = await call('auditor', 'POST', '/api/platforms', {});
    expect([400, 403]).toContain(write.statusCode);
  });
});
