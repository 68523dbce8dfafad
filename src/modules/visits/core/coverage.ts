/**
 * Visit coverage (走访覆盖率): of the enterprises currently assigned, the share visited in a
 * period (a year or one of its quarters). Pure.
 *
 * A commissioner's enterprise counts as visited when that commissioner made a done visit to it in
 * the period; a platform's (and the total's) when anyone did.
 */

export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of a year, or of one of its quarters (YYYY-MM-DD). */
export function periodOf(year: number, quarter?: number | null): Period {
  if (!quarter) return { year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return {
    year,
    quarter: quarter as Period['quarter'],
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
}

export interface CurrentAssignment {
  enterpriseId: number;
  platformId: number;
  commissionerUserId: number;
}

/** A done visit in the period. */
export interface DoneVisit {
  enterpriseId: number;
  visitorUserId: number | null;
}

export interface CoverageCount {
  assigned: number;
  visited: number;
  /** visited / assigned; null when nothing is assigned. */
  share: number | null;
}

const count = (assigned: number, visited: number): CoverageCount => ({
  assigned,
  visited,
  share: assigned ? visited / assigned : null,
});

export interface Coverage {
  commissioners: ({ commissionerUserId: number } & CoverageCount)[];
  platforms: ({ platformId: number } & CoverageCount)[];
  total: CoverageCount;
}

/** Coverage per commissioner, per platform and in total, each sorted by id. */
export function coverage(assignments: CurrentAssignment[], visits: DoneVisit[]): Coverage {
  const visitedAny = new Set(visits.map((v) => v.enterpriseId));
  const visitedBy = new Set(visits.map((v) => `${v.visitorUserId}:${v.enterpriseId}`));
  const byCommissioner = new Map<number, [number, number]>();
  const byPlatform = new Map<number, [number, number]>();
  let visitedTotal = 0;
  for (const a of assignments) {
    const c = byCommissioner.get(a.commissionerUserId) ?? [0, 0];
    c[0]++;
    if (visitedBy.has(`${a.commissionerUserId}:${a.enterpriseId}`)) c[1]++;
    byCommissioner.set(a.commissionerUserId, c);
    const p = byPlatform.get(a.platformId) ?? [0, 0];
    p[0]++;
    if (visitedAny.has(a.enterpriseId)) {
      p[1]++;
      visitedTotal++;
    }
    byPlatform.set(a.platformId, p);
  }
  const sorted = <T>(m: Map<number, [number, number]>, make: (id: number, c: CoverageCount) => T) =>
    [...m.entries()].sort(([a], [b]) => a - b).map(([id, [n, v]]) => make(id, count(n, v)));
  return {
    commissioners: sorted(byCommissioner, (commissionerUserId, c) => ({ commissionerUserId, ...c })),
    platforms: sorted(byPlatform, (platformId, c) => ({ platformId, ...c })),
    total: count(assignments.length, visitedTotal),
  };
}
