/**
 * The chain map through app.inject: the seeded default maps, node figures and ratings per platform
 * (hand-computed), placements by hand over the class rule, versions (a draft, publishing retires
 * the old version), the workbook import with row errors, investment targets scoped to a platform
 * administrator's platform, chain leaders' partner links, the roadmap and its export.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../platform/db/client';
import type { App } from '../../platform/http';
import { testConfig, testDatabase } from '../../test/database';
import { asUsers, multipartFile } from '../../test/http';
import { DEMO_PLATFORMS, demoUscc, seedDemo } from '../demo/demo.seed';
import { DEFAULT_MAPS } from './core/default-maps';

let database: Database;
let app: App;
let call: Awaited<ReturnType<typeof asUsers>>;
let qiantang: number;
let binjiang: number;
const ids: Record<string, number> = {};
const YEAR = 2025;

const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;

async function ok(who: string, method: string, url: string, body?: unknown) {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}

type NodeView = {
  code: string;
  rating: string;
  enterprises: number;
  above: number;
  output: number;
  share: number | null;
  reasons: string[];
  leaders: number;
  projects: number;
};
const nodesOf = async (who: string, query: string) => {
  const view = await ok(who, 'GET', `/api/chain-map/view?${query}`);
  return new Map((view.nodes as NodeView[]).map((n) => [n.code, n]));
};

/**
 * Qiantang's integrated-circuit enterprises (output 万元 in 2025), 100,000 in all:
 * Q1 3973 wafer fab, 规上, 50,000; Q2 3973, 规下, 10,000; Q3 3562 equipment, 规下, 1,000;
 * Q4 3972 discrete devices, 规上, 2,000; Q5 3921 communication equipment, 规上, 37,000.
 * Binjiang: B1 3973, 规上, 100,000.
 */
const FIXTURES = [
  { key: 'Q1', platform: () => qiantang, cls: '3973', above: true, output: 50_000 },
  { key: 'Q2', platform: () => qiantang, cls: '3973', above: false, output: 10_000 },
  { key: 'Q3', platform: () => qiantang, cls: '3562', above: false, output: 1_000 },
  { key: 'Q4', platform: () => qiantang, cls: '3972', above: true, output: 2_000 },
  { key: 'Q5', platform: () => qiantang, cls: '3921', above: true, output: 37_000 },
  { key: 'B1', platform: () => binjiang, cls: '3973', above: true, output: 100_000 },
];

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database);
  ({ app } = await buildApp(testConfig(), database));
  qiantang = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[0]![0]]))[0].id;
  binjiang = (await q('select id from platforms where name = $1', [DEMO_PLATFORMS[1]![0]]))[0].id;
  let serial = 9100;
  for (const f of FIXTURES) {
    const [row] = await q(
      `insert into enterprises (uscc, name, platform_id, industry_class, scale) values ($1, $2, $3, $4, $5) returning id`,
      [
        demoUscc('330114', serial++),
        `图谱测试企业${f.key}`,
        f.platform(),
        f.cls,
        f.above ? 'above' : 'below',
      ],
    );
    ids[f.key] = row.id;
    await q('insert into enterprise_years (enterprise_id, year, output) values ($1, $2, $3)', [
      row.id,
      YEAR,
      f.output,
    ]);
  }
  call = await asUsers(app, ['taskforce', 'leader', 'platform', 'commissioner', 'enterprise']);
}, 120_000);

describe('default maps', () => {
  it('a fresh install has the seven key industries’ maps, version 1 current, exactly the default nodes', async () => {
    const industries = await ok('leader', 'GET', '/api/chain-map/industries');
    expect(industries.items).toHaveLength(7);
    for (const i of industries.items) {
      expect(i.currentVersion, i.code).toBe(1);
      const detail = await ok('leader', 'GET', `/api/chain-map/maps/${i.currentMapId}`);
      const expected = DEFAULT_MAPS[i.code]!.nodes;
      expect(
        detail.nodes
          .map((n: { code: string; parentCode: string | null; classCodes: string[] }) => [
            n.code,
            n.parentCode,
            n.classCodes,
          ])
          .sort(),
      ).toEqual(expected.map((n) => [n.code, n.parent ?? null, n.classes]).sort());
    }
    // Every class code of the default maps is a GB/T 4754-2017 class of the seeded table.
    const codes = [...new Set(Object.values(DEFAULT_MAPS).flatMap((m) => m.nodes.flatMap((n) => n.classes)))];
    const known = await q(
      `select code from industry_classes where level = 'class' and code = any($1::text[])`,
      [codes],
    );
    expect(known.length).toBe(codes.length);
  });

  it('only the task force, leaders and platform administrators read the map', async () => {
    for (const who of ['commissioner', 'enterprise'])
      expect((await call(who, 'GET', '/api/chain-map/view?industry=integrated_circuits')).statusCode).toBe(
        403,
      );
  });
});

describe('node figures and ratings', () => {
  it('rates qiantang’s integrated-circuit nodes (hand-computed)', async () => {
    const nodes = await nodesOf('taskforce', `industry=integrated_circuits&platformId=${qiantang}`);
    // IC-M02 wafer fab: Q1 + Q2, 60,000 of 100,000 = 60%, one 规上 → strong.
    expect(nodes.get('IC-M02')).toMatchObject({
      enterprises: 2,
      above: 1,
      output: 60_000,
      share: 0.6,
      rating: 'strong',
    });
    // IC-U03 equipment: Q3 only, 规下, 1% → weak on both counts.
    expect(nodes.get('IC-U03')).toMatchObject({
      enterprises: 1,
      above: 0,
      rating: 'weak',
      reasons: ['no_above', 'low_share'],
    });
    // IC-M04 discrete: Q4, 规上, 2,000 = 2% < 5% → weak.
    expect(nodes.get('IC-M04')).toMatchObject({ share: 0.02, rating: 'weak', reasons: ['low_share'] });
    // IC-D01 communication equipment: Q5, 37% → strong.
    expect(nodes.get('IC-D01')).toMatchObject({ output: 37_000, rating: 'strong' });
    expect(nodes.get('IC-U01')).toMatchObject({ enterprises: 0, rating: 'missing' });
  });

  it('a platform administrator sees its own platform by default and no other', async () => {
    const own = await nodesOf('platform', 'industry=integrated_circuits');
    expect(own.get('IC-M02')).toMatchObject({ enterprises: 2, output: 60_000 });
    const res = await call(
      'platform',
      'GET',
      `/api/chain-map/view?industry=integrated_circuits&platformId=${binjiang}`,
    );
    expect(res.statusCode).toBe(404);
    // City-wide (the task force without a filter): B1 joins the wafer fabs.
    const city = await nodesOf('taskforce', 'industry=integrated_circuits');
    expect(city.get('IC-M02')).toMatchObject({ enterprises: 3, output: 160_000 });
  });

  it('counts the active projects on a node (dropped ones and other platforms left out)', async () => {
    const project = (code: string, platformId: number, node: string | null, status: string) =>
      q(
        `insert into projects (code, name, investor_name, platform_id, industry_code, chain_node_code, total_investment,
                               source, stage, stage_date, status, end_reason, end_date)
         values ($1, '测试项目', '外地投资方', $2, 'integrated_circuits', $3, 120000, 'chain', 'signed', '2026-01-05', $4,
                 $5, $6)`,
        [
          code,
          platformId,
          node,
          status,
          status === 'active' ? null : '投资方调整',
          status === 'active' ? null : '2026-02-01',
        ],
      );
    await project('XM-2026-90001', qiantang, 'IC-U01', 'active');
    await project('XM-2026-90002', qiantang, 'IC-U01', 'active');
    await project('XM-2026-90003', qiantang, 'IC-U01', 'dropped');
    await project('XM-2026-90004', binjiang, 'IC-U01', 'active');
    await project('XM-2026-90005', qiantang, null, 'active');
    const own = await nodesOf('platform', 'industry=integrated_circuits');
    expect(own.get('IC-U01')).toMatchObject({ projects: 2, rating: 'missing' });
    expect(own.get('IC-M02')).toMatchObject({ projects: 0 });
    expect((await nodesOf('leader', 'industry=integrated_circuits')).get('IC-U01')).toMatchObject({
      projects: 3,
    });
  });

  it('a confirmed chain leader lifts its weak node to strong', async () => {
    await q(
      `insert into enterprise_labels (enterprise_id, label, granted_on) values ($1, 'chain_leader', null)`,
      [ids.Q4],
    );
    const nodes = await nodesOf('taskforce', `industry=integrated_circuits&platformId=${qiantang}`);
    expect(nodes.get('IC-M04')).toMatchObject({
      leaders: 1,
      rating: 'strong',
      reasons: ['low_share', 'leader'],
    });
    const detail = await ok(
      'platform',
      'GET',
      '/api/chain-map/node?industry=integrated_circuits&node=IC-M04',
    );
    expect(detail.leaders.map((l: { enterpriseId: number }) => l.enterpriseId)).toEqual([ids.Q4]);
    expect(detail.enterprises[0]).toMatchObject({ id: ids.Q4, leader: true, placed: 'class' });
  });
});

describe('placements by hand win over the class rule', () => {
  let excludeId: number;
  it('taking Q1 off the wafer-fab node and putting Q3 on EDA changes both nodes; audited with who', async () => {
    const off = await ok('taskforce', 'POST', '/api/chain-map/placements', {
      industryCode: 'integrated_circuits',
      nodeCode: 'IC-M02',
      enterpriseId: ids.Q1,
      mode: 'exclude',
      note: '主营为封装',
    });
    excludeId = off.id;
    expect(off).toMatchObject({ mode: 'exclude', createdByName: '市专班 演示' });
    await ok('taskforce', 'POST', '/api/chain-map/placements', {
      industryCode: 'integrated_circuits',
      nodeCode: 'IC-U01',
      enterpriseId: ids.Q3,
      mode: 'include',
    });
    const nodes = await nodesOf('taskforce', `industry=integrated_circuits&platformId=${qiantang}`);
    // IC-M02 keeps Q2 only: 10,000 of 50,000 (Q1 is on no node now) = 20%, no 规上 → weak.
    expect(nodes.get('IC-M02')).toMatchObject({ enterprises: 1, output: 10_000, share: 0.2, rating: 'weak' });
    expect(nodes.get('IC-U01')).toMatchObject({ enterprises: 1, rating: 'weak' });
    const detail = await ok(
      'taskforce',
      'GET',
      `/api/chain-map/node?industry=integrated_circuits&node=IC-U01&platformId=${qiantang}`,
    );
    expect(detail.enterprises[0]).toMatchObject({ id: ids.Q3, placed: 'hand' });
    const excluded = await ok(
      'taskforce',
      'GET',
      `/api/chain-map/node?industry=integrated_circuits&node=IC-M02&platformId=${qiantang}`,
    );
    expect(excluded.excluded.map((p: { enterpriseId: number }) => p.enterpriseId)).toEqual([ids.Q1]);
    const [audit] = await q(
      `select action, username, detail from audit_log where object_type = 'chain_placement' and object_id = $1`,
      [String(excludeId)],
    );
    expect(audit).toMatchObject({ action: 'chain_map.place', username: 'taskforce' });
    expect(audit.detail).toMatchObject({ node: 'IC-M02', enterpriseId: ids.Q1, mode: 'exclude' });
  });

  it('only the task force places by hand; removing the placement restores the class rule', async () => {
    const body = {
      industryCode: 'integrated_circuits',
      nodeCode: 'IC-M02',
      enterpriseId: ids.Q1,
      mode: 'include',
    };
    expect((await call('platform', 'POST', '/api/chain-map/placements', body)).statusCode).toBe(403);
    expect((await call('platform', 'DELETE', `/api/chain-map/placements/${excludeId}`)).statusCode).toBe(403);
    await ok('taskforce', 'DELETE', `/api/chain-map/placements/${excludeId}`);
    const nodes = await nodesOf('taskforce', `industry=integrated_circuits&platformId=${qiantang}`);
    expect(nodes.get('IC-M02')).toMatchObject({ enterprises: 2, output: 60_000, rating: 'strong' });
  });
});

describe('versions', () => {
  it('editing makes a draft; publishing makes it current and retires the old version (kept)', async () => {
    const v1 = await ok('taskforce', 'GET', '/api/chain-map/maps?industry=green_energy');
    const current = v1.items[0];
    const detail = await ok('taskforce', 'GET', `/api/chain-map/maps/${current.id}`);
    const nodes = [
      ...detail.nodes,
      {
        code: 'GE-M07',
        parentCode: null,
        segment: 'midstream',
        nameZh: '储能变流器',
        nameEn: 'Power conversion systems',
        classCodes: ['3824'],
        sort: 999,
      },
    ];
    expect(
      (await call('platform', 'PUT', '/api/chain-map/draft', { industryCode: 'green_energy', nodes }))
        .statusCode,
    ).toBe(403);
    const draft = await ok('taskforce', 'PUT', '/api/chain-map/draft', {
      industryCode: 'green_energy',
      note: '增加储能变流器',
      nodes,
    });
    expect(draft.map).toMatchObject({
      version: 2,
      status: 'draft',
      nodeCount: nodes.length,
      weakShare: 0.05,
    });
    // Saving again replaces the same draft.
    const again = await ok('taskforce', 'PUT', '/api/chain-map/draft', {
      industryCode: 'green_energy',
      nodes,
      weakShare: 0.08,
    });
    expect(again.map).toMatchObject({ id: draft.map.id, version: 2, weakShare: 0.08 });
    // The view still shows version 1.
    expect((await ok('taskforce', 'GET', '/api/chain-map/view?industry=green_energy')).map.version).toBe(1);

    const published = await ok('taskforce', 'POST', `/api/chain-map/maps/${draft.map.id}/publish`);
    expect(published).toMatchObject({ status: 'current', version: 2, publishedByName: '市专班 演示' });
    const versions = await ok('leader', 'GET', '/api/chain-map/maps?industry=green_energy');
    expect(versions.items.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
      [2, 'current'],
      [1, 'retired'],
    ]);
    const view = await ok('taskforce', 'GET', '/api/chain-map/view?industry=green_energy');
    expect(view.map.version).toBe(2);
    expect(view.nodes.some((n: { code: string }) => n.code === 'GE-M07')).toBe(true);
    // A published version cannot be published again.
    expect((await call('taskforce', 'POST', `/api/chain-map/maps/${draft.map.id}/publish`)).statusCode).toBe(
      409,
    );
    const [audit] = await q(`select detail from audit_log where action = 'chain_map.publish'`);
    expect(audit.detail).toMatchObject({ industry: 'green_energy', version: 2, retiredMapId: current.id });
  });

  it('a draft with problems is refused with row errors', async () => {
    const res = await call('taskforce', 'PUT', '/api/chain-map/draft', {
      industryCode: 'green_energy',
      nodes: [
        { code: 'GE-U01', segment: 'upstream', nameZh: '硅料', nameEn: 'Silicon', classCodes: ['3218'] },
        { code: 'GE-U01', segment: 'upstream', nameZh: '硅片', nameEn: 'Wafers', classCodes: ['9999'] },
      ],
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details.map((d: { field: string }) => d.field)).toEqual(['nodes[1].code', 'nodes[1].classCodes']);
    expect(details[0].zh).toBe('第 2 行：节点编码 GE-U01 与第 1 行重复');
  });
});

async function nodeWorkbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('节点');
  s.addRow(['节点编码', '上级节点编码', '环节', '中文名称', '英文名称', '行业代码', '排序']);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workbook import and export', () => {
  it('a sheet with errors is refused whole, each error with its sheet row', async () => {
    const file = multipartFile(
      await nodeWorkbook([
        ['AI-U01', null, '上游', '人工智能芯片', 'AI chips', '', 10],
        ['AI-U02', 'AI-U09', '上游', '算力', 'Computing', '3919', 20],
        ['AI-M01', null, '中游', '', 'Vision', '12345', 30],
      ]),
      '图谱.xlsx',
    );
    const res = await call(
      'taskforce',
      'POST',
      '/api/chain-map/import?industry=artificial_intelligence',
      file.body,
      file.headers,
    );
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as { field: string; zh: string; en: string }[];
    expect(details.map((d) => d.zh)).toEqual([
      '第 3 行：上级节点 AI-U09 不在图谱中',
      '第 4 行：请填写中文名称',
      '第 4 行：“12345”不是 GB/T 4754-2017 的行业小类代码（4 位）',
    ]);
    expect(details[1]!.en).toBe('Row 4: Chinese name is required');
    expect(
      (
        await q(`select count(*)::int as n from chain_maps where industry_code = 'artificial_intelligence'`)
      )[0].n,
    ).toBe(1);
  });

  it('the export reads back as the draft of the next version', async () => {
    const [map] = (await ok('taskforce', 'GET', '/api/chain-map/maps?industry=biomedicine')).items;
    const res = await call('taskforce', 'GET', `/api/chain-map/maps/${map.id}/workbook`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('节点')!.rowCount).toBe(DEFAULT_MAPS.biomedicine!.nodes.length + 1);
    const file = multipartFile(res.rawPayload, '生物医药.xlsx');
    expect(
      (await call('platform', 'POST', '/api/chain-map/import?industry=biomedicine', file.body, file.headers))
        .statusCode,
    ).toBe(403);
    const res2 = await call(
      'taskforce',
      'POST',
      '/api/chain-map/import?industry=biomedicine',
      file.body,
      file.headers,
    );
    expect(res2.statusCode, res2.body).toBe(200);
    const imported = res2.json();
    expect(imported).toMatchObject({
      nodes: DEFAULT_MAPS.biomedicine!.nodes.length,
      map: { version: 2, status: 'draft' },
    });
    const draft = await ok('taskforce', 'GET', `/api/chain-map/maps/${imported.map.id}`);
    const original = await ok('taskforce', 'GET', `/api/chain-map/maps/${map.id}`);
    expect(draft.nodes).toEqual(original.nodes);
  });
});

describe('investment targets', () => {
  const target = (platformId: number, extra: Record<string, unknown> = {}) => ({
    industryCode: 'integrated_circuits',
    nodeCode: 'IC-U01',
    platformId,
    name: '上海某 EDA 软件有限公司',
    origin: '上海市',
    note: '已有合作意向',
    ...extra,
  });

  it('a platform administrator writes only its own platform’s targets', async () => {
    const own = await ok('platform', 'POST', '/api/chain-map/targets', target(qiantang));
    expect(own).toMatchObject({
      status: 'new',
      platformId: qiantang,
      nodeNameZh: 'EDA 与 IP 核',
      createdByName: '钱塘园区管理员 演示',
    });
    expect((await call('platform', 'POST', '/api/chain-map/targets', target(binjiang))).statusCode).toBe(404);
    const foreign = await ok(
      'taskforce',
      'POST',
      '/api/chain-map/targets',
      target(binjiang, { name: '深圳某芯片设计公司', uscc: null }),
    );
    expect(
      (
        await call('platform', 'PUT', `/api/chain-map/targets/${foreign.id}`, {
          ...target(binjiang),
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('leader', 'POST', '/api/chain-map/targets', target(qiantang))).statusCode).toBe(403);
    const list = await ok('platform', 'GET', '/api/chain-map/targets');
    expect(list.items.map((t: { id: number }) => t.id)).toEqual([own.id]);
    const updated = await ok('platform', 'PUT', `/api/chain-map/targets/${own.id}`, {
      ...target(qiantang),
      status: 'contacting',
      version: 1,
    });
    expect(updated).toMatchObject({ status: 'contacting', version: 2 });
    expect(
      (await call('platform', 'PUT', `/api/chain-map/targets/${own.id}`, { ...target(qiantang), version: 1 }))
        .statusCode,
    ).toBe(409);
  });

  it('validates the USCC and the node', async () => {
    const bad = await call(
      'taskforce',
      'POST',
      '/api/chain-map/targets',
      target(qiantang, { uscc: '91330100MA2XXXXXX1' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('uscc');
    expect(
      (await call('taskforce', 'POST', '/api/chain-map/targets', target(qiantang, { nodeCode: 'IC-ZZ' })))
        .statusCode,
    ).toBe(404);
  });

  it('the roadmap lists the platform’s leading industries’ missing and weak nodes with their targets', async () => {
    const roadmap = await ok('platform', 'GET', '/api/chain-map/roadmap');
    expect(roadmap.platform.id).toBe(qiantang);
    expect(roadmap.industries.map((i: { code: string }) => i.code)).toEqual(DEMO_PLATFORMS[0]![4]);
    const ic = roadmap.industries.find((i: { code: string }) => i.code === 'integrated_circuits');
    const eda = ic.nodes.find((n: { node: { code: string } }) => n.node.code === 'IC-U01');
    expect(eda.targets.map((t: { name: string }) => t.name)).toEqual(['上海某 EDA 软件有限公司']);
    expect(ic.nodes.every((n: { node: { rating: string } }) => n.node.rating !== 'strong')).toBe(true);
    expect(ic.nodes.some((n: { node: { code: string } }) => n.node.code === 'IC-M02')).toBe(false);
    const xlsx = await call('platform', 'GET', '/api/chain-map/roadmap/workbook');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.getWorksheet('招商路线图')!.getSheetValues().flat().map(String);
    expect(values).toContain('上海某 EDA 软件有限公司');
    expect(values).not.toContain('深圳某芯片设计公司');
  });
});

describe('chain leaders’ partners', () => {
  it('links suppliers and outside partners to a leader of its own platform; shown on the node', async () => {
    const s = await ok('platform', 'POST', '/api/chain-map/partners', {
      leaderEnterpriseId: ids.Q4,
      partnerEnterpriseId: ids.Q3,
      relation: 'supplier',
    });
    expect(s).toMatchObject({ partnerName: '图谱测试企业Q3', relation: 'supplier' });
    await ok('platform', 'POST', '/api/chain-map/partners', {
      leaderEnterpriseId: ids.Q4,
      partnerName: '苏州某封测公司',
      relation: 'customer',
    });
    // Not a confirmed leader; another platform's enterprise; both or neither partner.
    expect(
      (
        await call('platform', 'POST', '/api/chain-map/partners', {
          leaderEnterpriseId: ids.Q1,
          partnerName: 'X 公司',
          relation: 'partner',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call('platform', 'POST', '/api/chain-map/partners', {
          leaderEnterpriseId: ids.B1,
          partnerName: 'X 公司',
          relation: 'partner',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('platform', 'POST', '/api/chain-map/partners', {
          leaderEnterpriseId: ids.Q4,
          relation: 'partner',
        })
      ).statusCode,
    ).toBe(400);
    const list = await ok('leader', 'GET', `/api/chain-map/partners?leaderId=${ids.Q4}`);
    expect(list.items.map((p: { partnerName: string }) => p.partnerName).sort()).toEqual(
      ['图谱测试企业Q3', '苏州某封测公司'].sort(),
    );
    const node = await ok(
      'taskforce',
      'GET',
      `/api/chain-map/node?industry=integrated_circuits&node=IC-M04&platformId=${qiantang}`,
    );
    expect(node.leaders[0].partners).toHaveLength(2);
    const view = await nodesOf('taskforce', `industry=integrated_circuits&platformId=${qiantang}`);
    // Q3 is now a leader's supplier on IC-U03 (one of the three needed: still weak).
    expect(view.get('IC-U03')).toMatchObject({ rating: 'weak' });
    await ok('platform', 'DELETE', `/api/chain-map/partners/${s.id}`);
    expect((await ok('leader', 'GET', `/api/chain-map/partners?leaderId=${ids.Q4}`)).items).toHaveLength(1);
  });
});
