// Platform evaluation (plan §4.2): the platforms scored with a platform method, leading parks, and
// the land and energy quota pools divided by score. Also which saved methods evaluate platforms.
import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Subject } from '../../modules/evaluation/core/indicators';
import type {
  AllocationSnapshot,
  PlatformEvaluation,
  PlatformScore,
  PoolBody,
  QuotaPool,
} from '../../modules/platform-evaluation/platform-evaluation.schemas';
import { api, downloadUrl } from './client';
import type { MethodSummary } from './evaluationMethods';

const KEY = 'platformEvaluation';

// ---- Types: the platform evaluation's contract ----

export type { AllocationSnapshot, PlatformEvaluation, PlatformScore, QuotaPool };
export type PlatformItem = PlatformScore['items'][number];
export type PoolInput = PoolBody;

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
