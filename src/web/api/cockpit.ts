// The cockpit (驾驶舱) API: targets assessed for a year, the platform ranking, the key-industry
// clusters; the metric catalogue (names, units, formulas) and the drill-down behind every number.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from '../../platform/contract';
import type { Platform } from '../../modules/platforms/platforms.schemas';
import type { BaseFigure, MetricKey, PlatformMetric, Source } from '../../modules/metrics/core/metrics';
import type { Assessment, Comparator, Projection, Status } from '../../modules/targets/core/targets';
import type { Cluster, Cockpit, CockpitPlatform, CockpitQuery } from '../../modules/cockpit/cockpit.schemas';
import type { Drill, DrillQuery, DrillRow, ReportedFigure } from '../../modules/metrics/metrics.schemas';
import type { Target, TargetCard } from '../../modules/targets/targets.schemas';

const KEY = 'cockpit';

// ---- Types: the HTTP contract's (modules/*/*.schemas.ts) and the cores' vocabulary ----

export type { Assessment, BaseFigure, Comparator, DrillRow, MetricKey, Projection, Source, Status };
export type {
  Cluster,
  Cockpit,
  CockpitPlatform,
  CockpitQuery,
  Drill,
  DrillQuery,
  ReportedFigure,
  TargetCard,
};

export type { FigureInfo, MetricCatalogue, MetricInfo } from './metrics';
export { useMetricCatalogue } from './metrics';
export type { PlanPeriodSummary as PlanPeriod } from './plan';
export { usePlanPeriods } from './plan';

/** A target as the cockpit's cards show it. */
export type CockpitTarget = Target;

export { PLATFORM_METRICS } from '../../modules/metrics/core/metrics';
export type { PlatformMetric };

export interface PlatformOption {
  id: number;
  name: string;
  nameEn: string;
  isDemo: boolean;
}

// ---- Reads ----

/** The cockpit for a year and scope; `refreshMs` asks again at that interval (the large screen). */
export function useCockpit(query: CockpitQuery, refreshMs?: number) {
  return useQuery({
    queryKey: [KEY, query],
    queryFn: ({ signal }) => api<Cockpit>('/cockpit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs || false,
    refetchIntervalInBackground: Boolean(refreshMs),
  });
}

export function useDrill(query: DrillQuery | null) {
  return useQuery({
    queryKey: [KEY, 'drill', query],
    queryFn: ({ signal }) => api<Drill>('/metrics/drill', { query: { ...query! }, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The platforms the user may see, for the platform picker (with the demo flag). */
export function useCockpitPlatformOptions(enabled = true) {
  return useQuery({
    queryKey: ['platforms', 'list', 'cockpit-options'],
    queryFn: ({ signal }) => api<Page<Platform>>('/platforms', { query: { page: 1, pageSize: 200 }, signal }),
    select: (page): PlatformOption[] =>
      page.items.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, isDemo: p.isDemo })),
    enabled,
    staleTime: 5 * 60_000,
  });
}
