// Chain leaders (链主企业, plan §3.1): the year's candidates, counts, decisions and the export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type { ChainLeaderRow, DecisionRow } from '../../modules/chain-leaders/chain-leaders.service';
import type { ChainLeaderStatus, Counts, Decision } from '../../modules/chain-leaders/core/rules';
import type { Page } from './types';

const KEY = 'chainLeaders';

// ---- Types: the server's row types (the HTTP contract serialises them) ----

export type { ChainLeaderRow, ChainLeaderStatus, Counts, Decision };
export type ChainLeaderDecision = DecisionRow;

export interface ChainLeaderFilters {
  platformId?: number;
  /** Key-industry code. */
  industry?: string;
  status?: ChainLeaderStatus;
  keyword?: string;
}

export interface ChainLeaderQuery extends ChainLeaderFilters {
  /** Omitted: the latest year with enterprise figures. */
  year?: number;
  page: number;
  pageSize: number;
}

export interface ChainLeaderList extends Page<ChainLeaderRow> {
  /** The year listed (the latest with figures when none was asked). */
  year: number;
  /** Years that have enterprise figures, oldest first. */
  years: number[];
  /** The candidate line in 万元 (200,000 = 20 亿元). */
  threshold: number;
}

export interface ChainLeaderSummary {
  year: number;
  years: number[];
  threshold: number;
  total: Counts;
  byPlatform: (Counts & { platformId: number; platformName: string; platformNameEn: string })[];
  /** Every key industry, then others with rows; `industry` null: classes not mapped to one. */
  byIndustry: (Counts & { industry: string | null; nameZh: string; nameEn: string; isKey: boolean })[];
}

export interface TrailItem extends ChainLeaderDecision {
  enterpriseName: string;
  uscc: string;
  platformId: number;
  platformName: string;
}

export interface DecisionInput {
  enterpriseId: number;
  year: number;
  decision: Decision;
  reason: string;
}

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
      api<{ decision: ChainLeaderDecision; item: ChainLeaderRow | null }>('/chain-leaders/decisions', {
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
