// Plan periods and targets (规划目标, domain guide §7): periods, their targets, the yearly
// assessment of every target, and the metric catalogue targets are measured by.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  Assessment,
  Comparator,
  Frequency,
  PeriodDefinition,
  Projection,
  Status,
  TargetDefinition,
  TargetKind,
} from '../../modules/targets/core/targets';
import type { MetricKey, Source } from '../../modules/metrics/core/metrics';
import { useMetricCatalogue } from './metrics';

const KEY = 'plan';

// ---- Types ----
// The assessment shapes are the pure core's own types; the rest is the HTTP contract.

export type { Assessment, Comparator, Frequency, MetricKey, Projection, Source, Status, TargetKind };

export interface PlanPeriod extends PeriodDefinition {
  id: number;
  /** Id of the period whose targets were copied, or null. */
  copiedFrom: number | null;
  createdBy: number | null;
  createdAt: string;
}

/** `GET /api/plan/periods`: each period with the number of its targets. */
export interface PlanPeriodSummary extends PlanPeriod {
  targets: number;
}

/** A target as stored: its definition (the core's type) and the row's bookkeeping. */
export interface PlanTarget extends TargetDefinition {
  id: number;
  periodId: number;
  version: number;
  updatedBy: number | null;
  updatedAt: string;
}

export interface PlanPeriodDetail extends PlanPeriod {
  targets: PlanTarget[];
}

export interface PeriodInput {
  key: string;
  nameZh: string;
  nameEn?: string;
  startYear: number;
  endYear: number;
  source?: string;
  /** Key of the period whose targets are copied; null for an empty period. */
  copyFrom?: string | null;
}

/** What the target form sends: the whole definition. */
export type TargetInput = TargetDefinition;

export interface TargetCard {
  target: PlanTarget;
  /** false: not assessed in this scope (a platform is assessed on rates, not on city totals). */
  applies: boolean;
  assessment: Assessment;
  series: { year: number; value: number | null }[];
  source: Source;
  /** Reported-only metrics: how many platforms reported it this year. */
  reportedBy: number | null;
  /** Platform scope: the city's value of the metric. */
  cityValue: number | null;
}

export interface PlanAssessment {
  period: PlanPeriod;
  year: number;
  /** Years with data. */
  years: number[];
  platformId: number | null;
  cards: TargetCard[];
}

export type { MetricInfo } from './metrics';

export interface AssessmentQuery {
  period?: string;
  year?: number;
  platformId?: number;
}

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
