import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  EnterpriseDetail,
  EnterpriseFilters,
  EnterpriseFlag,
  EnterpriseInput,
  EnterpriseListItem,
  EnterprisePatch,
  EnterpriseQuery,
  EnterpriseYear,
  EnterpriseYearInput,
  IndustryClass,
  Page,
} from './types';

const KEY = 'enterprises';

function filterQuery(f: EnterpriseFilters) {
  return {
    keyword: f.keyword,
    platformId: f.platformId,
    industryClass: f.industryClass,
    keyIndustry: f.keyIndustry,
    scale: f.scale,
    label: f.label,
  };
}

function toQuery(q: EnterpriseQuery) {
  return {
    ...filterQuery(q),
    page: q.page,
    pageSize: q.pageSize,
    sort: q.sort,
    order: q.sort ? q.order : undefined,
  };
}

export function useEnterprises(query: EnterpriseQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<Page<EnterpriseListItem>>('/enterprises', { query: toQuery(query), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The Excel export of every row matching the filters (and in the list's order). */
export function enterpriseExportUrl(
  filters: EnterpriseFilters,
  sort?: EnterpriseQuery['sort'],
  order?: EnterpriseQuery['order'],
): string {
  return downloadUrl('/enterprises/export.xlsx', {
    ...filterQuery(filters),
    sort,
    order: sort ? order : undefined,
  });
}

export function useEnterprise(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<EnterpriseDetail>(`/enterprises/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
  });
}

export function useCreateEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) =>
      api<EnterpriseDetail>('/enterprises', { method: 'POST', body: input }),
    onSuccess: (e) => {
      qc.setQueryData([KEY, 'one', e.id], e);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useUpdateEnterprise(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: EnterprisePatch) =>
      api<EnterpriseDetail>(`/enterprises/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: (e) => {
      qc.setQueryData([KEY, 'one', e.id], e);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

/** Year mutations answer with the year only: the enterprise (scale, latest figures) is reloaded. */
function useYearMutation<V>(id: number, run: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY, 'one', id] });
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useSaveEnterpriseYear(id: number) {
  return useYearMutation(id, ({ year, input }: { year: number; input: EnterpriseYearInput }) =>
    api<EnterpriseYear>(`/enterprises/${id}/years/${year}`, { method: 'PUT', body: input }),
  );
}

export function useConfirmEnterpriseYear(id: number) {
  return useYearMutation(id, (year: number) =>
    api<EnterpriseYear>(`/enterprises/${id}/years/${year}/confirm`, { method: 'POST' }),
  );
}

export function useFlagEnterpriseYear(id: number) {
  return useYearMutation(id, ({ year, field, comment }: { year: number; field: string; comment: string }) =>
    api<EnterpriseFlag>(`/enterprises/${id}/years/${year}/flags`, {
      method: 'POST',
      body: { field, comment },
    }),
  );
}

/** GB/T 4754-2017 classes matching a keyword (code prefix or name); `level` narrows the level. */
export function useIndustryClasses(keyword: string, level?: string, enabled = true) {
  return useQuery({
    queryKey: ['industry-classes', keyword, level ?? ''],
    queryFn: ({ signal }) =>
      api<{ items: IndustryClass[] }>('/industry-classes', { query: { keyword, level }, signal }),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}
