// Plan periods and targets (规划目标, domain guide §7): periods, their targets, the yearly
// assessment of every target, and the metric catalogue targets are measured by.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  Assessment,
  Comparator,
  Frequency,
  Projection,
  Status,
  TargetKind,
} from '../../modules/targets/core/targets';
import type { MetricKey, Source } from '../../modules/metrics/core/metrics';
import type {
  AssessmentQuery,
  Period,
  PeriodBody,
  PeriodDetail,
  PeriodSummary,
  PlanAssessment,
  Target,
  TargetBody,
  TargetCard,
} from '../../modules/targets/targets.schemas';
import { useMetricCatalogue } from './metrics';

const KEY = 'plan';

// ---- Types: the HTTP contract's (targets.schemas.ts) and the core's vocabulary ----

export type { Assessment, Comparator, Frequency, MetricKey, Projection, Source, Status, TargetKind };
export type { AssessmentQuery, PlanAssessment, TargetCard };

export type PlanPeriod = Period;
/** `GET /api/plan/periods`: each period with the number of its targets. */
export type PlanPeriodSummary = PeriodSummary;
/** A target as stored: its definition and the row's bookkeeping. */
export type PlanTarget = Target;
export type PlanPeriodDetail = PeriodDetail;
export type PeriodInput = PeriodBody;
/** What the target form sends: the whole definition. */
export type TargetInput = Required<TargetBody>;

export type { MetricInfo } from './metrics';

// ---- Reads ----

export function usePlanPeriods() {
  return useQuery({
    queryKey: [KEY, 'periods'],
    queryFn: ({ signal }) => api<PlanPeriodSummary[]>('/plan/periods', { signal }),
  });
}

export function usePlanPeriod(key: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'period', key],
    queryFn: ({ signal }) => api<PlanPeriodDetail>(`/plan/periods/${encodeURIComponent(key!)}`, { signal }),
    enabled: !!key,
  });
}

export function usePlanAssessment(query: AssessmentQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'assessment', query],
    queryFn: ({ signal }) => api<PlanAssessment>('/plan/assessment', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The metrics of the catalogue (names, units, formats). */
export function useMetricList() {
  const catalogue = useMetricCatalogue();
  return { ...catalogue, data: catalogue.data?.metrics };
}

/** The assessment of a period-year as an .xlsx download. */
export function assessmentExportUrl(query: AssessmentQuery): string {
  return downloadUrl('/plan/assessment/export', { ...query });
}

// ---- Writes ----
// Any change reloads the periods, the targets and the assessment.

function usePlanMutation<V, R>(run: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

export function useCreatePeriod() {
  return usePlanMutation((input: PeriodInput) =>
    api<PlanPeriodDetail>('/plan/periods', { method: 'POST', body: input }),
  );
}

/** Deletes a period and its targets (the server keeps the last one: 409 PERIOD_LAST). */
export function useDeletePeriod() {
  return usePlanMutation((key: string) =>
    api<void>(`/plan/periods/${encodeURIComponent(key)}`, { method: 'DELETE' }),
  );
}

export function useCreateTarget() {
  return usePlanMutation(({ periodId, input }: { periodId: number; input: TargetInput }) =>
    api<PlanTarget>(`/plan/periods/${periodId}/targets`, { method: 'POST', body: input }),
  );
}

/** Edits a target; `version` is the one read (a stale one: 409 VERSION_CONFLICT). */
export function useUpdateTarget() {
  return usePlanMutation(({ id, input, version }: { id: number; input: TargetInput; version: number }) =>
    api<PlanTarget>(`/plan/targets/${id}`, { method: 'PUT', body: { ...input, version } }),
  );
}

export function useDeleteTarget() {
  return usePlanMutation((id: number) => api<void>(`/plan/targets/${id}`, { method: 'DELETE' }));
}

/** Reloads the period's targets (after a version conflict) and returns them. */
export function useReloadPeriod() {
  const qc = useQueryClient();
  return async (key: string) => {
    await qc.invalidateQueries({ queryKey: [KEY] });
    return qc.fetchQuery({
      queryKey: [KEY, 'period', key],
      queryFn: ({ signal }) => api<PlanPeriodDetail>(`/plan/periods/${encodeURIComponent(key)}`, { signal }),
    });
  };
}
