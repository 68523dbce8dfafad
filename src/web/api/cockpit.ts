// The cockpit (驾驶舱) API: targets assessed for a year, the platform ranking, the key-industry
// clusters; the metric catalogue (names, units, formulas) and the drill-down behind every number.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page, Platform } from './types';
import type { BaseFigure, MetricKey, Override, Source } from '../../modules/metrics/core/metrics';
import type { PlatformInfo, DrillRow } from '../../modules/metrics/metrics.repository';
import type { Assessment, Comparator, Projection, Status } from '../../modules/targets/core/targets';
import type { TargetCard as ServerTargetCard } from '../../modules/targets/targets.service';

const KEY = 'cockpit';

// ---- Types ----
// Metric and target shapes are the server's own types; dates arrive as ISO strings.

export type { Assessment, BaseFigure, Comparator, DrillRow, MetricKey, Projection, Source, Status };

export type { FigureInfo, MetricCatalogue, MetricInfo } from './metrics';
export { useMetricCatalogue } from './metrics';
import type { PlanPeriodSummary as PlanPeriod } from './plan';
export type { PlanPeriod };
export { usePlanPeriods } from './plan';

export type CockpitTarget = Omit<ServerTargetCard['target'], 'metric' | 'updatedAt' | 'createdAt'> & {
  metric: MetricKey;
};

export interface TargetCard extends Omit<ServerTargetCard, 'target' | 'source'> {
  target: CockpitTarget;
  source: Source;
}

import type { PlatformMetric } from '../../modules/metrics/core/metrics';
export { PLATFORM_METRICS } from '../../modules/metrics/core/metrics';
export type { PlatformMetric };

export interface CockpitPlatform {
  id: number;
  name: string;
  nameEn: string;
  isStrategic: boolean;
  leadingIndustries: string[];
  /** Enterprise land (亩). */
  land: number | null;
  values: Record<PlatformMetric, number | null>;
  sources: Record<PlatformMetric, Source>;
  score: number | null;
  rank: number | null;
  leader: boolean;
}

export interface Cluster {
  code: string;
  nameZh: string;
  nameEn: string;
  /** City-wide output of the key industry in the year (万元). */
  output: number;
  series: { year: number; output: number }[];
}

export interface Cockpit {
  year: number;
  /** Years with data, ascending. */
  years: number[];
  period: PlanPeriod;
  platformId: number | null;
  dataVersion: number;
  targets: TargetCard[];
  summary: Record<MetricKey, number | null>;
  platforms: CockpitPlatform[];
  /** Key industries, largest first (city scope only). */
  clusters: Cluster[];
  /** Cluster scales of T4 / T5 (万元). */
  clusterLines: { hundredBillion: number; trillion: number };
  evaluation: {
    method: { id: number; key: string; version: number; name: { zh: string; en: string } };
    leaders: number;
  } | null;
}

export interface CockpitQuery {
  year?: number;
  period?: string;
  platformId?: number;
}

export interface DrillQuery {
  metric: MetricKey;
  year: number;
  platformId?: number;
  industry?: string;
  page?: number;
  pageSize?: number;
}

/** A reported figure that replaced (or supplied) a platform-year figure. */
export type ReportedFigure = Override & { platformId: number };

export type Drill =
  | { kind: 'enterprises'; total: number; rows: DrillRow[]; overrides: ReportedFigure[] }
  | { kind: 'platforms'; platforms: PlatformInfo[] }
  | { kind: 'reported'; reported: ReportedFigure[] }
  | { kind: 'industries'; industries: Record<string, number> };

export interface PlatformOption {
  id: number;
  name: string;
  nameEn: string;
  isDemo: boolean;
}

// ---- Reads ----

export function useCockpit(query: CockpitQuery) {
  return useQuery({
    queryKey: [KEY, query],
    queryFn: ({ signal }) => api<Cockpit>('/cockpit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
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
