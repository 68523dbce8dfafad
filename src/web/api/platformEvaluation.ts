// Platform evaluation (plan §4.2): the platforms scored with a platform method, leading parks, and
// the land and energy quota pools divided by score. Also which saved methods evaluate platforms.
import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Subject } from '../../modules/evaluation/core/indicators';
import type {
  AllocationSnapshot,
  PlatformScore,
} from '../../modules/platform-evaluation/platform-evaluation.service';
import { api, downloadUrl } from './client';
import type { MethodSummary } from './evaluationMethods';

const KEY = 'platformEvaluation';

// ---- Types: the server's row types (the HTTP contract serialises them) ----

export type { AllocationSnapshot, PlatformScore };
export type PlatformItem = PlatformScore['items'][number];

export interface QuotaPool {
  landMu: number;
  energyTce: number;
  /** Platforms scoring below this get no quota. */
  threshold: number;
  /** How many top-ranked platforms are named leading parks (领跑者). */
  leaders: number;
  /** The method version the pool uses; null: the preset platform-2022 (latest version). */
  methodId: number | null;
  /** False: the year has no pool yet; the defaults are shown. */
  saved: boolean;
  confirmedAt: string | null;
  confirmedBy: number | null;
  confirmedByName?: string | null;
  snapshot: AllocationSnapshot | null;
}

export interface PlatformEvaluation {
  year: number;
  /** Years with platform figures, oldest first. */
  years: number[];
  method: { id: number; key: string; version: number; name: { zh: string; en: string } };
  /** Indicators no platform has data for, and the factor the other items were scaled by. */
  noData: { indicators: string[]; rescale: number } | null;
  benchmarks: Record<string, number | null>;
  pool: QuotaPool;
  /** Ranked best first (a platform admin gets their own row only). */
  platforms: PlatformScore[];
}

export type PoolInput = Pick<QuotaPool, 'landMu' | 'energyTce' | 'threshold' | 'leaders' | 'methodId'>;

// ---- Reads ----

/** The evaluation of a year (omitted: the latest) with a method (omitted: the pool's, else the preset). */
export function usePlatformEvaluation(year: number | undefined, methodId: number | undefined) {
  return useQuery({
    queryKey: [KEY, year ?? null, methodId ?? null],
    queryFn: ({ signal }) =>
      api<PlatformEvaluation>('/platform-evaluation', { query: { year, method: methodId }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function platformEvaluationExportUrl(year: number, methodId?: number): string {
  return downloadUrl('/platform-evaluation/export', { year, method: methodId });
}

/** What each saved method version evaluates, from the method list (`subject`). */
export function useMethodSubjects(methods: readonly MethodSummary[] | undefined, enabled = true) {
  const subjects = useMemo(
    () => new Map<number, Subject>((methods ?? []).map((m) => [m.id, m.subject])),
    [methods],
  );
  return { subjects, pending: enabled && methods === undefined, error: null as Error | null };
}

// ---- Writes ----

/** After saving or confirming: every view of the platform evaluation is reloaded. */
function useEvaluationMutation<V>(run: (vars: V) => Promise<PlatformEvaluation>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

export function useSavePool(year: number) {
  return useEvaluationMutation((input: PoolInput) =>
    api<PlatformEvaluation>(`/quota-pools/${year}`, { method: 'PUT', body: input }),
  );
}

export function useConfirmAllocation(year: number) {
  return useEvaluationMutation(() =>
    api<PlatformEvaluation>(`/quota-pools/${year}/confirm`, { method: 'POST' }),
  );
}
