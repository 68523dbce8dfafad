// Chain leaders (链主企业, plan §3.1): the year's candidates, counts, decisions and the export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  ChainLeaderDecision,
  ChainLeaderFilters,
  ChainLeaderList,
  ChainLeaderQuery,
  ChainLeaderRow,
  ChainLeaderSummary,
  DecisionInput,
  DecisionResult,
  TrailItem,
} from '../../modules/chain-leaders/chain-leaders.schemas';
import type { ChainLeaderStatus, Counts, Decision } from '../../modules/chain-leaders/core/rules';

const KEY = 'chainLeaders';

// ---- Types: the HTTP contract's (chain-leaders.schemas.ts) and the core's vocabulary ----

export type { ChainLeaderRow, ChainLeaderStatus, Counts, Decision };
export type {
  ChainLeaderDecision,
  ChainLeaderFilters,
  ChainLeaderList,
  ChainLeaderQuery,
  ChainLeaderSummary,
  DecisionInput,
  TrailItem,
};

// ---- Reads ----

export function useChainLeaders(query: ChainLeaderQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<ChainLeaderList>('/chain-leaders', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useChainLeaderSummary(year: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'summary', year ?? null],
    queryFn: ({ signal }) => api<ChainLeaderSummary>('/chain-leaders/summary', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Decisions, newest first: one enterprise's trail, or the year's (the latest 500). */
export function useChainLeaderDecisions(query: { enterpriseId?: number; year?: number }, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'decisions', query.enterpriseId ?? null, query.year ?? null],
    queryFn: ({ signal }) => api<TrailItem[]>('/chain-leaders/decisions', { query: { ...query }, signal }),
    enabled,
  });
}

/** The year's list as an .xlsx download, with the same filters. */
export function chainLeadersExportUrl(query: ChainLeaderFilters & { year?: number }): string {
  return downloadUrl('/chain-leaders/export', { ...query });
}

// ---- Writes ----

/** Confirm or decline (revoke), with a reason: the task force only. */
export function useDecideChainLeader() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      api<DecisionResult>('/chain-leaders/decisions', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      // The label shows on the enterprise and in the counts elsewhere.
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      void qc.invalidateQueries({ queryKey: ['cockpit'] });
    },
  });
}
