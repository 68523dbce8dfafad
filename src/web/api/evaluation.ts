// The per-mu evaluation (亩均效益综合评价) API: runs, results, scorecards, analysis, objections.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, downloadUrl } from './client';
import type { Figures, IndicatorKey } from '../../modules/evaluation/core/indicators';
import type { Method } from '../../modules/evaluation/core/method';
import type { CohortSummary } from '../../modules/evaluation/core/score';
import type { IndicatorInfo } from '../../modules/evaluation/methods/methods.schemas';
import type { Objection, ObjectionStatus } from '../../modules/evaluation/objections/objections.schemas';
import type {
  DistributionCohort,
  HistoryItem,
  LowEfficiency,
  LowEfficiencyReason,
  Result,
  ResultSort,
  ResultsQuery,
  Rollup,
  RollupRow,
  Scorecard,
  ScoreItem,
} from '../../modules/evaluation/results/results.schemas';
import type { Run, RunDetail, RunSummary } from '../../modules/evaluation/runs/runs.schemas';
import type { Page } from '../../platform/contract';

const KEY = 'evaluation';

// ---- Types: the contracts of the evaluation's parts (`*.schemas.ts`) and the engine's own ----

export type {
  CohortSummary,
  DistributionCohort,
  IndicatorInfo,
  IndicatorKey,
  LowEfficiency,
  LowEfficiencyReason,
  Method,
  Objection,
  ObjectionStatus,
  ResultSort,
  Rollup,
  RollupRow,
  RunSummary,
  Scorecard,
  ScoreItem,
};
export type ScorecardFigures = Figures;
export type PolicyEffects = Scorecard['policies'];
export type ClassHistoryItem = HistoryItem;

export interface Bilingual {
  zh: string;
  en: string;
}

export type EvaluationRun = Run;
export type RunStatus = Run['status'];
export type EvaluationRunDetail = RunDetail;
export type MethodClass = Method['classes'][number];

/** One enterprise's result row: the scoring outcome plus who it is and the figures lists show. */
export type EvaluationResult = Result;

export type ResultFilters = Pick<ResultsQuery, 'cohort' | 'platformId' | 'class' | 'industry' | 'keyword'>;

export interface ResultQuery extends ResultFilters {
  sort?: ResultSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

// ---- Reads ----

const validId = (id: number | undefined): id is number => id !== undefined && Number.isInteger(id) && id > 0;

export function useEvaluationIndicators() {
  return useQuery({
    queryKey: [KEY, 'indicators'],
    queryFn: ({ signal }) => api<IndicatorInfo[]>('/evaluation/indicators', { signal }),
    staleTime: Infinity,
  });
}

export function useEvaluationRuns() {
  return useQuery({
    queryKey: [KEY, 'runs'],
    queryFn: ({ signal }) => api<EvaluationRun[]>('/evaluation/runs', { signal }),
  });
}

export function useEvaluationRun(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'run', id],
    queryFn: ({ signal }) => api<EvaluationRunDetail>(`/evaluation/runs/${id}`, { signal }),
    enabled: validId(id),
  });
}

export function useRunResults(runId: number, query: ResultQuery) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'results', query],
    queryFn: ({ signal }) =>
      api<Page<EvaluationResult>>(`/evaluation/runs/${runId}/results`, {
        query: { ...query, order: query.sort ? query.order : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useScorecard(runId: number | undefined, enterpriseId: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'scorecard', enterpriseId],
    queryFn: ({ signal }) => api<Scorecard>(`/evaluation/runs/${runId}/results/${enterpriseId}`, { signal }),
    enabled: validId(runId) && validId(enterpriseId),
  });
}

/** The enterprise's result in its latest visible run; null when it has none (RESULT_NOT_FOUND). */
export function useLatestScorecard(enterpriseId: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'latest-scorecard', enterpriseId],
    queryFn: async ({ signal }) => {
      try {
        return await api<Scorecard>(`/evaluation/scorecard/${enterpriseId}`, { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
  });
}

export function useDistribution(runId: number, platformId?: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'distribution', platformId ?? null],
    queryFn: ({ signal }) =>
      api<DistributionCohort[]>(`/evaluation/runs/${runId}/distribution`, {
        query: { bins: 20, platformId },
        signal,
      }),
    enabled,
  });
}

export function useRollup(runId: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'rollup'],
    queryFn: ({ signal }) => api<Rollup>(`/evaluation/runs/${runId}/rollup`, { signal }),
    enabled,
  });
}

export function useLowEfficiency(runId: number, taxPerMuFloor: number, platformId?: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'low-efficiency', taxPerMuFloor, platformId ?? null],
    queryFn: ({ signal }) =>
      api<LowEfficiency>(`/evaluation/runs/${runId}/low-efficiency`, {
        query: { taxPerMuFloor, platformId },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useObjections(runId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'run', runId, 'objections'],
    queryFn: ({ signal }) => api<Objection[]>(`/evaluation/runs/${runId}/objections`, { signal }),
    enabled: enabled && validId(runId),
  });
}

/** The notice list (公示名单) as an .xlsx download, one sheet per cohort. */
export function noticeListUrl(runId: number): string {
  return downloadUrl(`/evaluation/runs/${runId}/notice.xlsx`);
}

// ---- Writes ----

/** After any workflow step: the runs list and everything of the run are reloaded. */
function useRunMutation<V, R>(run: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

export function useCreateRun() {
  return useRunMutation((input: { year: number; methodId: number; reason?: string }) =>
    api<EvaluationRun>('/evaluation/runs', { method: 'POST', body: input }),
  );
}

export function useDiscardRun(runId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/evaluation/runs/${runId}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: [KEY, 'run', runId] });
      void qc.invalidateQueries({ queryKey: [KEY, 'runs'] });
    },
  });
}

export function useStartNotice(runId: number) {
  return useRunMutation((workingDays: number) =>
    api<EvaluationRunDetail>(`/evaluation/runs/${runId}/notice`, { method: 'POST', body: { workingDays } }),
  );
}

/** Publishes a run; before its notice ends the server wants the reason for ending it early. */
export function usePublishRun(runId: number) {
  return useRunMutation((earlyReason?: string) =>
    api<EvaluationRunDetail>(`/evaluation/runs/${runId}/publish`, {
      method: 'POST',
      body: earlyReason ? { earlyReason } : {},
    }),
  );
}

export function useFileObjection(runId: number) {
  return useRunMutation((reason: string) =>
    api<Objection>(`/evaluation/runs/${runId}/objections`, { method: 'POST', body: { reason } }),
  );
}

export function useDecideObjection() {
  return useRunMutation(
    ({ id, decision, reason }: { id: number; decision: 'accepted' | 'rejected'; reason: string }) =>
      api<Objection>(`/evaluation/objections/${id}/decision`, { method: 'POST', body: { decision, reason } }),
  );
}
