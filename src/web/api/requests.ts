// Enterprise requests (企业诉求): the list, one request with its timeline, the steps, attachments,
// the year's figures, categories and departments.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl, upload } from './client';
import type {
  Attachment,
  Category,
  CategoryWrite,
  Department,
  RequestCreate,
  RequestDetail,
  RequestEvent,
  RequestList,
  RequestQuery,
  RequestStats,
  RequestSummary,
  ServiceMetricsReport,
  StepBody,
} from '../../modules/requests/requests.schemas';
import type { Rating, RequestAction, RequestState } from '../../modules/requests/core/requests';

const KEY = 'requests';

export type {
  Attachment,
  Category,
  Department,
  Rating,
  RequestAction,
  RequestCreate,
  RequestDetail,
  RequestEvent,
  RequestQuery,
  RequestState,
  RequestStats,
  RequestSummary,
  ServiceMetricsReport,
  StepBody,
};

export function useRequests(query: RequestQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<RequestList>('/requests', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: number) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<RequestDetail>(`/requests/${id}`, { signal }),
  });
}

export function useRequestStats(year?: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'stats', year ?? null],
    queryFn: ({ signal }) => api<RequestStats>('/requests/stats', { query: { year }, signal }),
    enabled,
  });
}

export function useRequestCategories() {
  return useQuery({
    queryKey: [KEY, 'categories'],
    queryFn: ({ signal }) => api<{ items: Category[] }>('/request-categories', { signal }),
    select: (d) => d.items,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'departments'],
    queryFn: ({ signal }) => api<{ items: Department[] }>('/departments', { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export const attachmentUrl = (requestId: number, attachmentId: number) =>
  downloadUrl(`/requests/${requestId}/attachments/${attachmentId}`, {});

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestCreate) => api<RequestDetail>('/requests', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useAttach() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) =>
      upload<Attachment>(`/requests/${id}/attachments`, file, file.name),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useRequestStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: RequestAction; body: StepBody }) =>
      api<RequestDetail>(`/requests/${id}/${step}`, { method: 'POST', body }),
    onSuccess: (detail) => {
      qc.setQueryData([KEY, 'one', id], detail);
      void qc.invalidateQueries({ queryKey: [KEY] });
      void qc.invalidateQueries({ queryKey: ['cockpit'] });
    },
  });
}

export function useUpdateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: CategoryWrite }) =>
      api<Category>(`/request-categories/${code}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY, 'categories'] }),
  });
}

/** Service metrics (服务成效) of a year per platform, department and commissioner. */
export function useServiceMetrics(year: number) {
  return useQuery({
    queryKey: [KEY, 'metrics', year],
    queryFn: ({ signal }) => api<ServiceMetricsReport>('/requests/metrics', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Turns a visit's problem into a request (once). */
export function useRaiseFromProblem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, problemId }: { visitId: number; problemId: number }) =>
      api<RequestDetail>(`/visits/${visitId}/problems/${problemId}/request`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [KEY] });
      void client.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}
