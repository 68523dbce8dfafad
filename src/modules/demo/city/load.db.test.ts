import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testKeyRing } from '../../../test/database';
import type { Database } from '../../../platform/db/client';
import { checkUscc } from '../../enterprises/core/uscc';
import {
  countGeneratedDemoEnterprises,
  DEFAULT_DEMO_SCALE,
  DEFAULT_DEMO_SEED,
  DemoCityExistsError,
  loadDemoCity,
  SEEDED_DEMO_USCC,
  type DemoCityResult,
} from './load';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const { rows } = await database.pool.query(text, params);
  return rows[0] as T;
}

/** What the tables hold for the generated demo enterprises. */
async function tableCounts() {
  const generated = `(select id from enterprises where is_demo and uscc <> '${SEEDED_DEMO_USCC}')`;
  const n = async (text: string) => (await one<{ n: number }>(text)).n;
  const { rows: labels } = await database.pool.query<{ label: string; n: number }>(
    `select label, count(*)::int as n from enterprise_labels where enterprise_id in ${generated} group by label`,
  );
  return {
    enterprises: await n(`select count(*)::int as n from enterprises where id in ${generated}`),
    aboveScale: await n(
      `select count(*)::int as n from enterprises where id in ${generated} and scale = 'above'`,
    ),
    yearRows: await n(`select count(*)::int as n from enterprise_years where enterprise_id in ${generated}`),
    labelRows: await n(
      `select count(*)::int as n from enterprise_labels where enterprise_id in ${generated}`,
    ),
    contacts: await n(
      `select count(*)::int as n from enterprise_contacts where enterprise_id in ${generated}`,
    ),
    labels: Object.fromEntries(labels.map((l) => [l.label, l.n])),
  };
}

const nonZero = (labels: Record<string, number>) =>
  Object.fromEntries(Object.entries(labels).filter(([, n]) => n > 0));

describe('loadDemoCity', () => {
  let first: DemoCityResult;

  it('loads a 500-firm city whose table counts match the generated city', async () => {
    first = (await loadDemoCity(database, { keys: testKeyRing(), scale: 500, seed: 3 }))!;
    expect(first.enterprises).toBe(500);
    const counts = await tableCounts();
    expect(counts).toEqual({
      enterprises: 500,
      aboveScale: first.aboveScale,
      yearRows: first.yearRows,
      labelRows: first.labelRows,
      contacts: 500,
      labels: nonZero(first.labels),
    });
    expect(first.yearRows).toBe(500 * 5 - first.odd.missing_year);
    expect(await countGeneratedDemoEnterprises(database.db)).toBe(500);
    // The seeded demo enterprise got its figures, and keeps its place.
    const seeded = await one<{ id: number; years: number; initials: string; scale: string }>(
      `select e.id, e.name_initials as initials, e.scale,
              (select count(*)::int from enterprise_years y where y.enterprise_id = e.id) as years
         from enterprises e where uscc = $1`,
      [SEEDED_DEMO_USCC],
    );
    expect(seeded.years).toBe(5);
    expect(seeded.initials).toBe('hzyszlkjyxgs');
    expect(seeded.scale).toBe('above');
    expect(first.seededEnterpriseCompleted).toBe(true);
  });

  it('writes valid rows: USCCs, initials, scale from the latest revenue, landholders, demo flag', async () => {
    const { rows } = await database.pool.query<{ uscc: string; name_initials: string }>(
      'select uscc, name_initials from enterprises where is_demo',
    );
    expect(rows).toHaveLength(501);
    expect(rows.filter((r) => checkUscc(r.uscc) !== null)).toEqual([]);
    expect(rows.filter((r) => !/^[a-z]+$/.test(r.name_initials))).toEqual([]);
    const wrongScale = await one<{ n: number }>(
      `select count(*)::int as n from enterprises e
         join lateral (select revenue from enterprise_years y where y.enterprise_id = e.id
                        order by year desc limit 1) l on true
        where e.is_demo and e.scale <> case when l.revenue >= 2000 then 'above' else 'below' end`,
    );
    expect(wrongScale.n).toBe(0);
    const badHolders = await one<{ n: number }>(
      `select count(*)::int as n from enterprises t left join enterprises h on h.id = t.landholder_id
        where t.landholder_id is not null and (h.id is null or h.platform_id <> t.platform_id)`,
    );
    expect(badHolders.n).toBe(0);
    const onDemoPlatforms = await one<{ n: number }>(
      `select count(*)::int as n from enterprises e join platforms p on p.id = e.platform_id
        where e.is_demo and p.is_demo`,
    );
    expect(onDemoPlatforms.n).toBe(501);
    const audit = await one<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'demo.generate' and (detail->>'scale')::int = 500`,
    );
    expect(audit.n).toBe(1);
  });

  it('refuses to load again without replace, and changes nothing', async () => {
    const before = await tableCounts();
    await expect(loadDemoCity(database, { keys: testKeyRing(), scale: 500, seed: 3 })).rejects.toBeInstanceOf(
      DemoCityExistsError,
    );
    expect(await tableCounts()).toEqual(before);
    expect(
      await loadDemoCity(database, { keys: testKeyRing(), scale: 500, seed: 3, ifNone: true }),
    ).toBeNull();
  });

  it('replaces the generated city, keeping the seeded enterprise and its user', async () => {
    const seededBefore = await one<{ id: number }>('select id from enterprises where uscc = $1', [
      SEEDED_DEMO_USCC,
    ]);
    const usccsBefore = (
      await database.pool.query<{ uscc: string }>('select uscc from enterprises order by uscc')
    ).rows;
    const progress: [number, number][] = [];
    const again = (await loadDemoCity(database, {
      keys: testKeyRing(),
      scale: 500,
      seed: 3,
      replace: true,
      onProgress: (done, total) => progress.push([done, total]),
    }))!;
    expect(again.deleted).toBe(500);
    expect(await tableCounts()).toEqual({
      enterprises: 500,
      aboveScale: first.aboveScale,
      yearRows: first.yearRows,
      labelRows: first.labelRows,
      contacts: 500,
      labels: nonZero(first.labels),
    });
    // Same seed, same city.
    expect((await database.pool.query('select uscc from enterprises order by uscc')).rows).toEqual(
      usccsBefore,
    );
    const seededAfter = await one<{ id: number; years: number }>(
      `select id, (select count(*)::int from enterprise_years where enterprise_id = id) as years
         from enterprises where uscc = $1`,
      [SEEDED_DEMO_USCC],
    );
    expect(seededAfter).toEqual({ id: seededBefore.id, years: 5 });
    expect(again.seededEnterpriseCompleted).toBe(false);
    const user = await one<{ enterprise_id: number }>(
      `select enterprise_id from users where username = 'enterprise'`,
    );
    expect(user.enterprise_id).toBe(seededBefore.id);
    // Progress ends at the total.
    const [done, total] = progress[progress.length - 1]!;
    expect(done).toBe(total);
    expect(total).toBe(500 * 2 + again.yearRows + again.labelRows);
  });

  it('replaces with a different scale and seed', async () => {
    const other = (await loadDemoCity(database, {
      keys: testKeyRing(),
      scale: 120,
      seed: 4,
      replace: true,
    }))!;
    expect(other.deleted).toBe(500);
    expect((await tableCounts()).enterprises).toBe(120);
    expect(await countGeneratedDemoEnterprises(database.db)).toBe(120);
  });

  it('confirms every demo chain leader by a recorded decision of the task force (who, when, why)', async () => {
    // The city `serve --demo` loads.
    const city = (await loadDemoCity(database, {
      keys: testKeyRing(),
      scale: DEFAULT_DEMO_SCALE,
      seed: DEFAULT_DEMO_SEED,
      replace: true,
    }))!;
    const { rows } = await database.pool.query<{
      enterprise_id: number;
      granted_on: string;
      decisions: number;
      decision: string | null;
      reason: string | null;
      by_name: string | null;
      by_username: string | null;
      year: number | null;
      decided_on: string | null;
      output: number | null;
      audits: number;
    }>(
      `select l.enterprise_id, l.granted_on::text as granted_on,
              (select count(*)::int from chain_leader_decisions d where d.enterprise_id = l.enterprise_id) as decisions,
              d.decision, d.reason, d.decided_by_name as by_name, u.username as by_username, d.year,
              (d.decided_at at time zone 'Asia/Shanghai')::date::text as decided_on,
              y.output::float8 as output,
              (select count(*)::int from audit_log a where a.action = 'chain_leader.confirm'
                 and a.object_id = l.enterprise_id::text) as audits
         from enterprise_labels l
         join enterprises e on e.id = l.enterprise_id and e.is_demo
         left join chain_leader_decisions d on d.enterprise_id = l.enterprise_id
         left join users u on u.id = d.decided_by
         left join enterprise_years y on y.enterprise_id = l.enterprise_id and y.year = d.year
        where l.label = 'chain_leader'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(city.labels.chain_leader);
    for (const r of rows) {
      expect(r.decisions).toBe(1);
      expect(r.decision).toBe('confirmed');
      expect(r.by_username).toBe('taskforce');
      expect(r.by_name).toBe('市专班 演示');
      expect(r.reason).toMatch(/^演示数据：\d{4} 年产值 [\d.]+ 亿元/);
      // A candidate in the year it was confirmed for (the service's rule).
      expect(r.output).toBeGreaterThanOrEqual(200_000);
      // The label's date follows from the decision's day, as for a decision in the web.
      expect(r.granted_on).toBe(r.decided_on! <= `${r.year}-12-31` ? r.decided_on : `${r.year}-12-31`);
      expect(r.audits).toBe(1);
    }
  });
});
