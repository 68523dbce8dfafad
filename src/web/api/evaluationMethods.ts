// Evaluation methods (domain guide §5): versioned JSON documents the task force edits, and the
// presets a new method may start from.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Method } from '../../modules/evaluation/core/method';
import { api } from './client';

const KEY = 'evaluationMethods';

export interface MethodSummary {
  id: number;
  key: string;
  version: number;
  name: string;
  hash: string;
  /** Where this version came from, e.g. "huangyan-2022@1" or a preset key. */
  basedOn: string | null;
  /** Why this version exists. */
  note: string;
  createdBy: number | null;
  createdAt: string;
  /** Evaluation runs that used this version. */
  runs: number;
  /** What the method evaluates: enterprises (per-mu evaluation) or platforms. */
  subject: 'enterprise' | 'platform';
}

export interface MethodDetail extends MethodSummary {
  definition: Method;
  weightSums: { cohort: string; sum: number }[];
}

export interface MethodInput {
  key: string;
  definition: Method;
  basedOn?: string | null;
  note?: string;
}

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
