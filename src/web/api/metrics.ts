// The metric catalogue (domain guide §6–§7): names, units, formats and formulas of every metric
// and base figure, as `GET /api/metrics/catalogue` serves them from the pure core.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { FigureDefinition, MetricDefinition } from '../../modules/metrics/core/metrics';

/** A metric as the catalogue describes it (the definition without its compute function). */
export type MetricInfo = Omit<MetricDefinition, 'compute'>;
export type FigureInfo = FigureDefinition;

export interface MetricCatalogue {
  metrics: MetricInfo[];
  figures: FigureInfo[];
}

/** The catalogue: static for a server version. */
export function useMetricCatalogue() {
  return useQuery({
    queryKey: ['metrics', 'catalogue'],
    queryFn: ({ signal }) => api<MetricCatalogue>('/metrics/catalogue', { signal }),
    staleTime: Infinity,
  });
}
