/**
 * The demo chain map: each demo chain leader gets local suppliers of its key industry and an outside
 * customer; each demo platform's leading industries get targets on missing nodes, in every status;
 * audited; a second run adds nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client';
import { testDatabase, testKeyRing } from '../../test/database';
import { loadDemoCity } from './city/load';
import { seedDemoChainMap } from './demo-chain-map';

let database: Database;
const q = async (text: string) => (await database.pool.query(text)).rows;

beforeAll(async () => {
  database = await testDatabase();
  await loadDemoCity(database, { scale: 2000, seed: 3, keys: testKeyRing() });
}, 120_000);

describe('demo chain map', () => {
  it('links suppliers of the same platform and key industry to every demo chain leader, and a customer', async () => {
    const leaders = await q(`select enterprise_id from enterprise_labels where label = 'chain_leader'`);
    expect(leaders.length).toBeGreaterThan(0);
    const links = await q(
      `select l.relation, l.partner_enterprise_id, l.partner_name, le.platform_id as lp, pe.platform_id as pp,
              lm.industry_code as li, pm.industry_code as pi
         from chain_partner_links l
         join enterprises le on le.id = l.leader_enterprise_id
         left join enterprises pe on pe.id = l.partner_enterprise_id
         left join industry_class_mapping lm on lm.class_code = le.industry_class
         left join industry_class_mapping pm on pm.class_code = pe.industry_class`,
    );
    const customers = links.filter((l) => l.relation === 'customer');
    expect(customers.length).toBe(leaders.length);
    expect(
      customers.every((l) => l.partner_enterprise_id === null && l.partner_name.endsWith('（演示）')),
    ).toBe(true);
    const suppliers = links.filter((l) => l.relation === 'supplier');
    expect(suppliers.length).toBeGreaterThan(0);
    expect(suppliers.every((l) => l.lp === l.pp && l.li === l.pi)).toBe(true);
    const [audit] = await q(`select count(*)::int as n from audit_log where action = 'chain_partner.link'`);
    expect(audit.n).toBe(links.length);
  });

  it('targets on missing nodes of each demo platform’s leading industries, in every status', async () => {
    const targets = await q(
      `select t.status, t.industry_code, t.node_code, cardinality(n.class_codes) as classes,
              exists (select 1 from platform_industries pi where pi.platform_id = t.platform_id
                        and pi.industry_code = t.industry_code) as leading
         from chain_targets t
         join chain_maps m on m.industry_code = t.industry_code and m.status = 'current'
         join chain_map_nodes n on n.map_id = m.id and n.node_code = t.node_code`,
    );
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.every((t) => t.classes === 0 && t.leading)).toBe(true);
    expect([...new Set(targets.map((t) => t.status))].sort()).toEqual([
      'contacting',
      'converted',
      'dropped',
      'new',
    ]);
  });

  it('a second run adds nothing', async () => {
    expect(await database.transaction((tx) => seedDemoChainMap(tx))).toEqual({ links: 0, targets: 0 });
  });
});
