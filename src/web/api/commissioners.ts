// Service commissioners (服务专员): assignments, history, bulk, import and export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl, upload } from './client';
import type {
  AssignBody,
  AssignmentFilter,
  AssignmentList,
  AssignmentListQuery,
  AssignmentRow,
  AssignResult,
  BulkBody,
  BulkPreview,
  Commissioner,
  History,
  HistoryItem,
  ImportResult,
} from '../../modules/commissioners/commissioners.schemas';

const KEY = 'commissioners';

export type { AssignmentFilter, AssignmentListQuery, AssignmentRow, Commissioner, History, HistoryItem };

export function useCommissioners(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'accounts'],
    queryFn: ({ signal }) => api<Commissioner[]>('/commissioners', { signal }),
    enabled,
  });
}

export function useAssignments(query: AssignmentListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) =>
      api<AssignmentList>('/commissioners/assignments', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAssignmentHistory(enterpriseId: number | null) {
  return useQuery({
    queryKey: [KEY, 'history', enterpriseId],
    queryFn: ({ signal }) => api<History>(`/commissioners/assignments/${enterpriseId}`, { signal }),
    enabled: enterpriseId !== null,
  });
}

export function useBulkPreview(filter: AssignmentFilter, to: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'preview', filter, to ?? null],
    queryFn: ({ signal }) =>
      api<BulkPreview>('/commissioners/bulk/preview', { query: { ...filter, to }, signal }),
    enabled,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [KEY] });
    void qc.invalidateQueries({ queryKey: ['enterprises'] });
  };
}

export function useAssign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ enterpriseId, ...body }: AssignBody & { enterpriseId: number }) =>
      api<History>(`/commissioners/assignments/${enterpriseId}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useBulkAssign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BulkBody) => api<AssignResult>('/commissioners/bulk', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useImportAssignments() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => upload<ImportResult>('/commissioners/import', file, file.name),
    onSuccess: invalidate,
  });
}

/** The assignments as .xlsx (also the import template), with the list's filters. */
export const assignmentsExportUrl = (filter: AssignmentFilter) =>
  downloadUrl('/commissioners/export', { ...filter });
