import { describe, expect, it } from 'vitest';
import reference from '../../industries/reference/gbt4754-2017.json';
import { checkUscc } from '../../enterprises/core/uscc';
import { DEMO_PLATFORMS } from '../demo.seed';
import {
  CHAIN_LEADER_OUTPUT,
  CITY_SIZE,
  expectedCount,
  generateCity,
  ODD_KINDS,
  type GeneratedCity,
  type GenerateCityInput,
  type GeneratedYearRow,
} from './generate';
import { Random } from './random';

const platforms = DEMO_PLATFORMS.map(([, , , districtCode, leadingIndustries, , , industrialLandMu], i) => ({
  id: 101 + i,
  districtCode,
  leadingIndustries,
  industrialLandMu,
}));
const classes = reference.classes.map((c) => c.code);
const mapping = Object.fromEntries(reference.keyIndustryMapping.map((m) => [m.classCode, m.industry]));
const input = (scale: number, seed: number): GenerateCityInput => ({
  scale,
  seed,
  platforms,
  classes,
  mapping,
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const share = (xs: number[], lo: number, hi: number) =>
  xs.filter((x) => x >= lo && x <= hi).length / xs.length;

function latestRows(city: GeneratedCity): Map<number, GeneratedYearRow> {
  const latest = new Map<number, GeneratedYearRow>();
  for (const r of city.yearRows)
    if ((latest.get(r.enterprise)?.year ?? 0) < r.year) latest.set(r.enterprise, r);
  return latest;
}

describe('Random', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws normals with the asked mean and spread, and integers inside their bounds', () => {
    const r = new Random(7);
    const xs = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(median(Array.from({ length: 5001 }, () => r.logNormal(25, 0.5)))).toBeGreaterThan(23);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const picks = Array.from({ length: 4000 }, () => r.weighted(['a', 'b'], [3, 1]));
    expect(picks.filter((p) => p === 'a').length / 4000).toBeCloseTo(0.75, 1);
  });
});

describe('generateCity', () => {
  const city = generateCity(input(5000, 1));
  const latest = latestRows(city);
  const above = city.enterprises.flatMap((e, i) => (e.scale === 'above' ? [{ e, r: latest.get(i)! }] : []));

  it('is deterministic: same seed, same city; another seed, another city', () => {
    const a = generateCity(input(400, 11));
    expect(generateCity(input(400, 11))).toEqual(a);
    const b = generateCity(input(400, 12));
    expect(b.enterprises.map((e) => e.uscc)).not.toEqual(a.enterprises.map((e) => e.uscc));
    expect(b.yearRows.map((r) => r.revenue)).not.toEqual(a.yearRows.map((r) => r.revenue));
  });

  it('gives every enterprise a valid, unique USCC in its platform’s district, and a unique name', () => {
    expect(city.enterprises).toHaveLength(5000);
    for (const e of city.enterprises) {
      expect(checkUscc(e.uscc), e.uscc).toBeNull();
      expect(e.uscc.slice(0, 8)).toBe(`91${platforms[e.platformIndex]!.districtCode}`);
      expect(e.platformId).toBe(platforms[e.platformIndex]!.id);
      expect(e.name).toMatch(/^(杭州|浙江|桐庐|淳安|建德).{4,}(有限公司|股份有限公司)$/);
      expect(e.address).toMatch(/^浙江省杭州市/);
      expect(e.contact.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(new Set(city.enterprises.map((e) => e.uscc)).size).toBe(5000);
    expect(new Set(city.enterprises.map((e) => e.name)).size).toBe(5000);
  });

  it('avoids reserved USCCs and names', () => {
    const small = generateCity(input(50, 5));
    const again = generateCity({
      ...input(50, 5),
      reservedUsccs: new Set([small.enterprises[0]!.uscc]),
      reservedNames: new Set([small.enterprises[0]!.name]),
    });
    expect(again.enterprises.map((e) => e.uscc)).not.toContain(small.enterprises[0]!.uscc);
    expect(again.enterprises.map((e) => e.name)).not.toContain(small.enterprises[0]!.name);
  });

  it('puts about 75% of firms in their platform’s leading industries', () => {
    const leading = city.enterprises.filter((e) =>
      platforms[e.platformIndex]!.leadingIndustries.includes(mapping[e.industryClass] ?? ''),
    ).length;
    expect(leading / 5000).toBeGreaterThan(0.7);
    expect(leading / 5000).toBeLessThan(0.8);
    expect(city.summary.leadingShare).toBeCloseTo(leading / 5000, 5);
    for (const e of city.enterprises) expect(classes).toContain(e.industryClass);
  });

  it('is calibrated: 规上 tax per mu, labour productivity and R&D intensity', () => {
    const withLand = above.filter(({ e }) => e.ownLandMu);
    const taxPerMu = withLand.map(({ e, r }) => r.tax / e.ownLandMu!);
    const productivity = above.map(({ r }) => r.valueAdded / r.employees);
    const rd = above.map(({ r }) => r.rdSpending / r.revenue);
    expect(median(taxPerMu)).toBeGreaterThanOrEqual(10);
    expect(median(taxPerMu)).toBeLessThanOrEqual(60);
    expect(share(taxPerMu, 10, 60)).toBeGreaterThan(0.7);
    expect(median(productivity)).toBeGreaterThanOrEqual(15);
    expect(median(productivity)).toBeLessThanOrEqual(45);
    expect(share(productivity, 15, 45)).toBeGreaterThan(0.7);
    expect(median(rd)).toBeGreaterThanOrEqual(0.02);
    expect(median(rd)).toBeLessThanOrEqual(0.04);
    expect(share(rd, 0.005, 0.08)).toBeGreaterThan(0.85);
    const land = withLand.map(({ e }) => e.ownLandMu!);
    expect(median(land)).toBeGreaterThan(10);
    expect(median(land)).toBeLessThan(200);
    const va = above.map(({ r }) => r.valueAdded / r.output);
    expect(median(va)).toBeGreaterThan(0.2);
    expect(median(va)).toBeLessThan(0.3);
    const vpe = above.map(({ r }) => r.valueAdded / r.energyTce);
    expect(median(vpe)).toBeGreaterThan(1);
    expect(median(vpe)).toBeLessThan(6);
    const taxPerKwh = above.filter(({ r }) => r.tax > 0).map(({ r }) => r.tax / r.electricity);
    expect(median(taxPerKwh)).toBeGreaterThan(0.1);
    expect(median(taxPerKwh)).toBeLessThan(0.6);
    const belowLand = city.enterprises
      .filter((e) => e.scale === 'below' && e.ownLandMu)
      .map((e) => e.ownLandMu!);
    expect(share(belowLand, 3, 20)).toBeGreaterThan(0.75);
  });

  it('keeps every yearly row inside its units’ bounds', () => {
    const outOfBounds = city.yearRows.filter(
      (r) =>
        r.year < 2021 ||
        r.year > 2025 ||
        !Number.isInteger(r.employees) ||
        r.employees < 1 ||
        r.revenue / r.output < 0.89 ||
        r.revenue / r.output > 1.11 ||
        r.valueAdded / r.output < 0.15 ||
        r.valueAdded / r.output > 0.36 ||
        r.tax < 0 ||
        r.tax / r.revenue > 0.12 ||
        !(r.energyTce > 0) ||
        // Electricity (1 万kWh = 1.229 tce) is part of total energy.
        r.electricity * 1.229 > r.energyTce * 1.0001 ||
        (r.emissions !== null && r.emissions < 0) ||
        r.rdSpending < 0 ||
        r.fixedAssetInvestment < 0,
    );
    expect(outOfBounds).toEqual([]);
    // Scale follows the latest year's revenue.
    const wrongScale = city.enterprises.filter(
      (e, i) => e.scale !== (latest.get(i)!.revenue >= 2000 ? 'above' : 'below'),
    );
    expect(wrongScale).toEqual([]);
  });

  it('makes about 30% of a small city 规上, with the count growing year by year', () => {
    const demo = generateCity(input(3000, 1));
    expect(demo.summary.aboveScale / 3000).toBeGreaterThan(0.25);
    expect(demo.summary.aboveScale / 3000).toBeLessThan(0.35);
    const byYear = Object.values(demo.summary.aboveScaleByYear);
    expect(byYear[0]!).toBeLessThan(byYear[byYear.length - 1]!);
  });

  it('grants labels with dates, chain leaders only to firms with output ≥ 200,000 万元', () => {
    const labels = city.summary.labels;
    expect(labels.high_tech).toBeGreaterThan(0);
    expect(labels.tech_sme).toBeGreaterThan(0);
    expect(labels.chain_leader).toBeLessThanOrEqual(3);
    city.enterprises.forEach((e, i) => {
      for (const l of e.labels) {
        expect(l.grantedOn).toMatch(/^20[12]\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/);
        expect(l.grantedOn <= '2025-12-31').toBe(true);
      }
      if (e.labels.some((l) => l.label === 'chain_leader'))
        expect(latest.get(i)!.output).toBeGreaterThanOrEqual(CHAIN_LEADER_OUTPUT);
      const giant = e.labels.find((l) => l.label === 'little_giant');
      if (giant) {
        const sme = e.labels.find((l) => l.label === 'specialized_sme');
        expect(sme).toBeDefined();
        expect(sme!.grantedOn <= giant.grantedOn).toBe(true);
      }
      expect(new Set(e.labels.map((l) => l.label)).size).toBe(e.labels.length);
    });
  });

  it('includes the odd records: missing emissions, leased-only land, a missing year, zero tax', () => {
    const odd = city.enterprises.map((e, i) => ({ e, i })).filter(({ e }) => e.odd);
    expect(odd.length).toBe(25); // 0.5% of 5,000
    for (const kind of ODD_KINDS) expect(city.summary.odd[kind]).toBeGreaterThan(0);
    const rowsOf = (i: number) => city.yearRows.filter((r) => r.enterprise === i);
    let tenants = 0;
    for (const { e, i } of odd) {
      const rows = rowsOf(i);
      if (e.odd === 'missing_emissions') expect(rows.every((r) => r.emissions === null)).toBe(true);
      if (e.odd === 'zero_tax') expect(rows.every((r) => r.tax === 0)).toBe(true);
      if (e.odd === 'missing_year') expect(rows).toHaveLength(4);
      else expect(rows).toHaveLength(5);
      if (e.odd === 'leased_only') {
        expect(e.ownLandMu).toBeNull();
        expect(e.leasedFloorM2).toBeGreaterThan(0);
        if (e.landholderIndex !== null) {
          tenants++;
          const holder = city.enterprises[e.landholderIndex]!;
          expect(holder.platformId).toBe(e.platformId);
          expect(holder.ownLandMu).toBeGreaterThan(0);
        }
      }
    }
    expect(tenants).toBeGreaterThan(0);
    expect(city.enterprises.filter((e) => !e.odd).every((e) => e.ownLandMu !== null)).toBe(true);
  });

  it('lands near the plan’s targets T1, T4, T5, T9–T11 at the default city size', () => {
    expect(expectedCount('above', CITY_SIZE) / 5500).toBeGreaterThan(0.9);
    expect(expectedCount('above', CITY_SIZE) / 5500).toBeLessThan(1.05);
    const city = generateCity(input(CITY_SIZE, 1));
    const { aboveScale, labels } = city.summary;
    expect(aboveScale / 5500).toBeGreaterThan(0.9);
    expect(aboveScale / 5500).toBeLessThan(1.05);
    expect(labels.high_tech / 6000).toBeGreaterThan(0.95);
    expect(labels.high_tech / 6000).toBeLessThan(1.15);
    expect(labels.tech_sme / 12000).toBeGreaterThan(0.9);
    expect(labels.tech_sme / 12000).toBeLessThan(1.05);
    expect(labels.chain_leader).toBeGreaterThan(0);
    // T1 (3 万亿元 = 300,000,000 万元) near; the key industries ≥ 1,000 亿 (T4), none ≥ 10,000 亿 (T5).
    const output = new Map<string, number>();
    let total = 0;
    for (const r of latestRows(city).values()) {
      if (r.year !== 2025) continue;
      total += r.output;
      const industry = mapping[city.enterprises[r.enterprise]!.industryClass] ?? 'other';
      output.set(industry, (output.get(industry) ?? 0) + r.output);
    }
    expect(total / 300_000_000).toBeGreaterThan(0.9);
    expect(total / 300_000_000).toBeLessThan(1.0);
    output.delete('other');
    expect([...output.values()].filter((v) => v >= 10_000_000).length).toBeGreaterThanOrEqual(3);
    expect([...output.values()].filter((v) => v >= 100_000_000)).toEqual([]);
    // The large groups are 规上 firms with 60–1,200 亿元 of output.
    const giants = [...latestRows(city).values()].filter((r) => r.output >= 600_000);
    expect(giants.length).toBeGreaterThan(20);
    expect(Math.max(...giants.map((r) => r.output))).toBeLessThan(13_500_000);
  });

  it('adds small firms beyond the default city size: more 规上 and labels, unique identities', () => {
    const big = generateCity(input(100_000, 7));
    const { aboveScale, labels } = big.summary;
    expect(aboveScale).toBeGreaterThan(expectedCount('above', CITY_SIZE));
    expect(aboveScale / 100_000).toBeLessThan(0.1);
    expect(labels.high_tech).toBeGreaterThan(expectedCount('high_tech', CITY_SIZE));
    expect(labels.chain_leader).toBeGreaterThan(0);
    expect(labels.chain_leader).toBeLessThanOrEqual(20);
    expect(new Set(big.enterprises.map((e) => e.uscc)).size).toBe(100_000);
  });

  it('profiles an anchor enterprise on the given platform when asked', () => {
    const withAnchor = generateCity({ ...input(100, 3), anchorPlatformId: platforms[1]!.id });
    const anchor = withAnchor.anchor!;
    expect(anchor.scale).toBe('above');
    expect(anchor.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(platforms[1]!.leadingIndustries).toContain(mapping[anchor.industryClass]);
    // The anchor has its own random stream: the rest of the city is unchanged.
    expect(withAnchor.enterprises).toEqual(generateCity(input(100, 3)).enterprises);
  });

  it('refuses impossible input', () => {
    expect(() => generateCity(input(0, 1))).toThrow(RangeError);
    expect(() => generateCity(input(1.5, 1))).toThrow(RangeError);
    expect(() => generateCity({ ...input(10, 1), platforms: [] })).toThrow(RangeError);
  });
});
