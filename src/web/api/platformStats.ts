// Reported statistics (统计上报数): platform-year figures entered by hand, and the computed values
// they override (from the metrics API, which may not be there yet).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, downloadUrl, upload } from './client';
import type { BaseFigure } from '../../modules/metrics/core/metrics';
import type { PlatformYearFigures } from '../../modules/metrics/metrics.schemas';
import type {
  ChangeCounts,
  ReportedStat,
  StatsBatchBody,
  StatsBatchItem as StatsBatchItemBody,
  StatsBatchResult,
  StatsImportResult,
} from '../../modules/metrics/reported-stats.schemas';

const KEY = 'platformStats';

export type {
  BaseFigure,
  ChangeCounts,
  PlatformYearFigures,
  ReportedStat,
  StatsBatchResult,
  StatsImportResult,
};

/** One figure of a batch; a null value removes the reported figure (the computed value applies again). */
export type StatsBatchItem = StatsBatchItemBody & { figure: BaseFigure };
export type StatsBatchInput = Omit<StatsBatchBody, 'items'> & { items: StatsBatchItem[] };

export function usePlatformStats(year: number, platformId: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'list', year, platformId],
    queryFn: ({ signal }) => api<ReportedStat[]>('/platform-stats', { query: { year, platformId }, signal }),
    enabled: platformId !== undefined,
  });
}

/**
 * The computed values of a platform-year. Resolves to null when the metrics API is missing (404)
 * or fails: the page then shows "—" and still works.
 */
export function usePlatformYearFigures(year: number, platformId: number | undefined) {
  return useQuery({
    queryKey: ['metrics', 'platform-year', platformId, year],
    queryFn: async ({ signal }) => {
      try {
        return await api<PlatformYearFigures>('/metrics/platform-year', {
          query: { platformId, year },
          signal,
        });
      } catch (e) {
        if (e instanceof ApiError) return null;
        throw e;
      }
    },
    enabled: platformId !== undefined,
    retry: false,
    staleTime: 60_000,
  });
}

export function useSaveStatsBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StatsBatchInput) =>
      api<StatsBatchResult>('/platform-stats/batch', { method: 'PUT', body: input }),
    onSuccess: (result) => {
      qc.setQueryData([KEY, 'list', result.year, result.platformId], result.items);
      void qc.invalidateQueries({ queryKey: [KEY] });
      void qc.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

export function useImportStats() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, file }: { year: number; file: File }) =>
      upload<StatsImportResult>('/platform-stats/import', file, file.name, { query: { year } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void qc.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

/** The year's template with the user's platforms and their current figures. */
export const statsTemplateUrl = (year: number) => downloadUrl('/platform-stats/template', { year });
