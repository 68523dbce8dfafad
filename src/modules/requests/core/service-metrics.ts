/**
 * Service metrics (服务成效): the request figures (`metricsOf`: received, closure rate, on-time
 * rate, average working days to close, satisfaction, overdue, escalated) grouped per platform, per
 * department and per commissioner, each with its visit coverage where it has one (`coverage` of the
 * visits: platforms and commissioners; a department is not assigned enterprises). Pure: the one
 * place the formulas of docs/services.md ("Figures", "Coverage") are put together.
 */
import type { WorkingCalendar } from '../../calendar/core/working-days';
import type { CoverageCount, CurrentAssignment, DoneVisit } from '../../visits/core/coverage';
import { coverage } from '../../visits/core/coverage';
import { metricsOf, type MetricRow, type RequestMetrics } from './requests';

/** A request received in the period, with whom it belongs to. */
export interface GroupedMetricRow extends MetricRow {
  platformId: number;
  /** The department it is handed to now (null: not handed, or handed to the platform). */
  departmentId: number | null;
  /** The enterprise's current commissioner (null: none). */
  commissionerUserId: number | null;
}

export type ServiceRow<K extends string> = Record<K, number> &
  RequestMetrics & { coverage: CoverageCount | null };

export interface ServiceMetrics {
  platforms: ServiceRow<'platformId'>[];
  departments: ServiceRow<'departmentId'>[];
  commissioners: ServiceRow<'commissionerUserId'>[];
  total: RequestMetrics & { coverage: CoverageCount };
}

function grouped<K extends string>(
  key: K,
  rows: readonly GroupedMetricRow[],
  idOf: (r: GroupedMetricRow) => number | null,
  extraIds: readonly number[],
  coverageOf: (id: number) => CoverageCount | null,
  today: string,
  cal: WorkingCalendar,
): ServiceRow<K>[] {
  const groups = new Map<number, GroupedMetricRow[]>(extraIds.map((id) => [id, []]));
  for (const r of rows) {
    const id = idOf(r);
    if (id === null) continue;
    (groups.get(id) ?? groups.set(id, []).get(id)!).push(r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([id, rs]) => ({ [key]: id, ...metricsOf(rs, today, cal), coverage: coverageOf(id) }) as ServiceRow<K>,
    );
}

/**
 * The figures of the requests received in a period, per platform, department and commissioner, and
 * in total, as of `today`; with the visit coverage of the same period (assignments current, visits
 * done in the period). Platforms and commissioners with assignments but no request are listed too.
 */
export function serviceMetrics(
  rows: readonly GroupedMetricRow[],
  assignments: readonly CurrentAssignment[],
  visits: readonly DoneVisit[],
  today: string,
  cal: WorkingCalendar,
): ServiceMetrics {
  const c = coverage([...assignments], [...visits]);
  const byPlatform = new Map(c.platforms.map(({ platformId, ...n }) => [platformId, n]));
  const byCommissioner = new Map(
    c.commissioners.map(({ commissionerUserId, ...n }) => [commissionerUserId, n]),
  );
  return {
    platforms: grouped(
      'platformId',
      rows,
      (r) => r.platformId,
      [...byPlatform.keys()],
      (id) => byPlatform.get(id) ?? null,
      today,
      cal,
    ),
    departments: grouped(
      'departmentId',
      rows,
      (r) => r.departmentId,
      [],
      () => null,
      today,
      cal,
    ),
    commissioners: grouped(
      'commissionerUserId',
      rows,
      (r) => r.commissionerUserId,
      [...byCommissioner.keys()],
      (id) => byCommissioner.get(id) ?? null,
      today,
      cal,
    ),
    total: { ...metricsOf(rows, today, cal), coverage: c.total },
  };
}
