// The metric catalogue (domain guide §6–§7): names, units, formats and formulas of every metric
// and base figure, as `GET /api/metrics/catalogue` serves them from the pure core.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { FigureInfo, MetricCatalogue, MetricInfo } from '../../modules/metrics/metrics.schemas';

export type { FigureInfo, MetricCatalogue, MetricInfo };

/** The catalogue: static for a server version. */
export function useMetricCatalogue() {
  return useQuery({
    queryKey: ['metrics', 'catalogue'],
    queryFn: ({ signal }) => api<MetricCatalogue>('/metrics/catalogue', { signal }),
    staleTime: Infinity,
  });
}
