// Reported statistics (统计上报数): platform-year figures entered by hand, and the computed values
// they override (from the metrics API, which may not be there yet).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, downloadUrl, upload } from './client';
import type { BaseFigure } from '../../modules/metrics/core/metrics';

const KEY = 'platformStats';

export type { BaseFigure };

/** One reported figure as the API returns it. */
export interface ReportedStat {
  platformId: number;
  platformName: string;
  year: number;
  figure: BaseFigure;
  value: number;
  note: string;
  enteredBy: number | null;
  enteredByName: string;
  enteredAt: string;
}

export interface StatsBatchItem {
  figure: BaseFigure;
  /** null: remove the reported figure (the computed value applies again). */
  value: number | null;
  note?: string;
}

export interface StatsBatchInput {
  platformId: number;
  year: number;
  items: StatsBatchItem[];
}

export interface ChangeCounts {
  set: number;
  cleared: number;
  unchanged: number;
}

export interface StatsBatchResult extends ChangeCounts {
  platformId: number;
  platformName: string;
  year: number;
  items: ReportedStat[];
}

export interface StatsImportResult extends ChangeCounts {
  year: number;
  platforms: number;
}

/** `GET /api/metrics/platform-year`: computed, reported and effective base figures. */
export interface PlatformYearFigures {
  computed: Partial<Record<BaseFigure, number | null>>;
  reported: Partial<Record<BaseFigure, number | null>>;
  bases: Partial<Record<BaseFigure, number | null>>;
}

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
