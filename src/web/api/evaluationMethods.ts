// Evaluation methods (domain guide §5): versioned JSON documents the task force edits, and the
// presets a new method may start from.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Method } from '../../modules/evaluation/core/method';
import type {
  CreateMethodBody,
  MethodDetail,
  MethodSummary,
} from '../../modules/evaluation/methods/methods.schemas';
import { api } from './client';

const KEY = 'evaluationMethods';

export type { MethodDetail, MethodSummary };

/** A method to save: the document typed as a method (the server checks it and lists every problem). */
export type MethodInput = Omit<CreateMethodBody, 'definition'> & { definition: Method };

export function useMethods() {
  return useQuery({
    queryKey: [KEY, 'list'],
    queryFn: ({ signal }) => api<MethodSummary[]>('/evaluation/methods', { signal }),
  });
}

export function useMethod(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<MethodDetail>(`/evaluation/methods/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
    // A version's document never changes; only its run count does.
    staleTime: 60_000,
  });
}

/** Fetches one version on demand (export from the list). */
export function fetchMethod(id: number) {
  return api<MethodDetail>(`/evaluation/methods/${id}`);
}

export function usePresets() {
  return useQuery({
    queryKey: [KEY, 'presets'],
    queryFn: ({ signal }) => api<Record<string, Method>>('/evaluation/presets', { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useCreateMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput) =>
      api<MethodDetail>('/evaluation/methods', { method: 'POST', body: input }),
    onSuccess: (m) => {
      qc.setQueryData([KEY, 'one', m.id], m);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
