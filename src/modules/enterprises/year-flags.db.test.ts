/**
 * The enterprise's yearly figures (一企一单): it confirms or flags only its own years; the
 * platform administrator (its platform's) and the task force see the flags on the enterprise and
 * resolve each with a note, audited; a flag is resolved once. Service and routes on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import type { Services } from '../../server/services';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers } from '../../test/http';
import { DEMO_PLATFORMS, demoUscc, seedDemo } from '../demo/demo.seed';
import type { Actor } from '../auth/core/access';

let database: Database;
let app: App;
let services: Services;
let call: Awaited<ReturnType<typeof asUsers>>;
let mine: number; // the demo enterprise user's enterprise (滨江)
let qiantang: number; // an enterprise of the platform administrator's platform (钱塘)

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app, services } = await buildApp(testConfig(), database));
  call = await asUsers(app, ['taskforce', 'platform', 'commissioner', 'enterprise', 'leader']);
  mine = (await q(`select enterprise_id from users where username = 'enterprise'`))[0].enterprise_id;
  const qiantangPlatform = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[0]![0]]))[0]
    .id;
  qiantang = (
    await q(
      `insert into enterprises (uscc, name, platform_id) values ($1, '钱塘数据反馈企业', $2) returning id`,
      [demoUscc('330114', 771), qiantangPlatform],
    )
  )[0].id;
  for (const id of [mine, qiantang])
    await q(
      `insert into enterprise_years (enterprise_id, year, revenue, tax) values ($1, 2025, 3000, 120)
       on conflict do nothing`,
      [id],
    );
});

describe('confirm and flag: the enterprise, its own years only', () => {
  it('confirms and flags its own year; another enterprise’s is 404; other roles 403', async () => {
    const confirmed = await ok('enterprise', 'POST', `/api/enterprises/${mine}/years/2025/confirm`);
    expect(confirmed).toMatchObject({ year: 2025, confirmedAt: expect.any(String) });
    const flag = await call('enterprise', 'POST', `/api/enterprises/${mine}/years/2025/flags`, {
      field: 'tax',
      comment: '税收应为 118 万元',
    });
    expect(flag.statusCode, flag.body).toBe(201);
    expect(flag.json()).toMatchObject({ field: 'tax', resolvedAt: null, resolvedBy: null, resolution: null });
    // Another enterprise's year: as if it did not exist.
    expect(
      (await call('enterprise', 'POST', `/api/enterprises/${qiantang}/years/2025/confirm`)).statusCode,
    ).toBe(404);
    expect(
      (
        await call('enterprise', 'POST', `/api/enterprises/${qiantang}/years/2025/flags`, {
          field: 'tax',
          comment: 'x',
        })
      ).statusCode,
    ).toBe(404);
    // Confirming is the enterprise's alone.
    for (const who of ['taskforce', 'platform', 'commissioner'])
      expect((await call(who, 'POST', `/api/enterprises/${mine}/years/2025/confirm`)).statusCode).toBe(403);
    // A year without figures cannot be flagged.
    expect(
      (
        await call('enterprise', 'POST', `/api/enterprises/${mine}/years/2019/flags`, {
          field: 'tax',
          comment: '没有这一年',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('resolving a flag', () => {
  it('the task force resolves with a note, audited; once only; the enterprise sees how', async () => {
    const flag = await ok('enterprise', 'POST', `/api/enterprises/${mine}/years/2025/flags`, {
      field: 'revenue',
      comment: '营业收入应为 3100 万元',
    });
    // The enterprise, the leader and the commissioner do not resolve; the 钱塘 administrator does
    // not see a 滨江 enterprise at all.
    for (const who of ['enterprise', 'leader', 'commissioner'])
      expect(
        (await call(who, 'POST', `/api/enterprises/${mine}/flags/${flag.id}/resolve`, { note: '已更正' }))
          .statusCode,
      ).toBe(403);
    expect(
      (
        await call('platform', 'POST', `/api/enterprises/${mine}/flags/${flag.id}/resolve`, {
          note: '已更正',
        })
      ).statusCode,
    ).toBe(404);
    // The flag must belong to the enterprise named in the address.
    expect(
      (
        await call('taskforce', 'POST', `/api/enterprises/${qiantang}/flags/${flag.id}/resolve`, {
          note: '已更正',
        })
      ).statusCode,
    ).toBe(404);
    const short = await call('taskforce', 'POST', `/api/enterprises/${mine}/flags/${flag.id}/resolve`, {
      note: ' x ',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('note');

    const resolved = await ok('taskforce', 'POST', `/api/enterprises/${mine}/flags/${flag.id}/resolve`, {
      note: '  已核对统计局数据，更正为 3100 万元  ',
    });
    expect(resolved).toMatchObject({
      id: flag.id,
      resolvedBy: '市专班 演示',
      resolution: '已核对统计局数据，更正为 3100 万元',
      resolvedAt: expect.any(String),
    });
    const again = await call('taskforce', 'POST', `/api/enterprises/${mine}/flags/${flag.id}/resolve`, {
      note: '再处理一次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('YEAR_FLAG_RESOLVED');

    const seen = (await ok('enterprise', 'GET', `/api/enterprises/${mine}`)).flags.find(
      (f: { id: number }) => f.id === flag.id,
    );
    expect(seen).toMatchObject({
      resolvedBy: '市专班 演示',
      resolution: '已核对统计局数据，更正为 3100 万元',
    });
    const audit = await q(
      `select action, username, detail from audit_log where object_type = 'enterprise' and object_id = $1
        and action = 'enterprise.year_flag_resolve'`,
      [String(mine)],
    );
    expect(audit).toEqual([
      {
        action: 'enterprise.year_flag_resolve',
        username: 'taskforce',
        detail: { flagId: flag.id, year: 2025, field: 'revenue', note: '已核对统计局数据，更正为 3100 万元' },
      },
    ]);
  });

  it('the platform administrator resolves its platform’s flags through the service', async () => {
    const [row] = await q(
      `insert into enterprise_year_flags (enterprise_id, year, field, comment, created_by)
       values ($1, 2025, 'tax', '税收有误', (select id from users where username = 'taskforce')) returning id`,
      [qiantang],
    );
    const admin = (await q(`select id, username, platform_id from users where username = 'platform'`))[0];
    const actor: Actor = {
      userId: admin.id,
      username: admin.username,
      role: 'platform_admin',
      platformId: admin.platform_id,
      enterpriseId: null,
      ip: null,
    };
    const resolved = await services.enterprises.resolveFlag(actor, qiantang, row.id, {
      note: '数据无误，维持',
    });
    expect(resolved).toMatchObject({ resolvedBy: '钱塘园区管理员 演示', resolution: '数据无误，维持' });
    // A resolved flag is no longer open (evaluation runs count open flags only).
    expect(
      (
        await q(
          `select count(*)::int as n from enterprise_year_flags where id = $1 and resolved_at is null`,
          [row.id],
        )
      )[0].n,
    ).toBe(0);
    await expect(
      services.enterprises.resolveFlag(actor, mine, 999_999, { note: '不在园区' }),
    ).rejects.toMatchObject({ code: 'ENTERPRISE_NOT_FOUND' });
  });
});
