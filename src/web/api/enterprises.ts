import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  ContactReveal,
  EnterpriseCreateBody as EnterpriseInput,
  EnterpriseDetail,
  EnterpriseExportQuery,
  EnterpriseListItem,
  EnterpriseMoveBody,
  EnterprisePatch,
  EnterpriseSortKey,
  EnterpriseYear,
  YearFigures as EnterpriseYearInput,
  YearFlag as EnterpriseFlag,
} from '../../modules/enterprises/enterprises.schemas';
import type { IndustryClass } from '../../modules/industries/industries.schemas';
import type { Page } from '../../platform/contract';

/** A label with its grant date, as a record carries it. */
export type EnterpriseLabel = EnterpriseListItem['labels'][number];
export type EnterpriseContact = EnterpriseDetail['contacts'][number];
export type EnterpriseFilters = Omit<EnterpriseExportQuery, 'sort' | 'order'>;
/** The enterprise list's state in the address. */
export interface EnterpriseQuery extends EnterpriseFilters {
  page: number;
  pageSize: number;
  sort?: EnterpriseSortKey;
  order?: 'asc' | 'desc';
}

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

/** Moves the enterprise to another platform (task force): version, platform and reason. */
export function useMoveEnterprise(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseMoveBody) =>
      api<EnterpriseDetail>(`/enterprises/${id}/move`, { method: 'POST', body }),
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

/** Resolves a flagged figure with a note (platform administrator, task force). */
export function useResolveFlag(id: number) {
  return useYearMutation(id, ({ flagId, note }: { flagId: number; note: string }) =>
    api<EnterpriseFlag>(`/enterprises/${id}/flags/${flagId}/resolve`, { method: 'POST', body: { note } }),
  );
}

const CLASSES_KEY = 'industry-classes';

/** GB/T 4754-2017 classes matching a keyword (code prefix or name); `level` narrows the level. */
export function useIndustryClasses(keyword: string, level?: string, enabled = true) {
  return useQuery({
    queryKey: [CLASSES_KEY, keyword, level ?? ''],
    queryFn: ({ signal }) =>
      api<{ items: IndustryClass[] }>('/industry-classes', { query: { keyword, level }, signal }),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Mutation key of the key-industry mapping changes (to see which classes are being saved). */
export const SET_KEY_INDUSTRY_KEY = [CLASSES_KEY, 'set-key-industry'] as const;

export interface SetKeyIndustryVars {
  /** A four-digit class (小类). */
  code: string;
  /** Key industry code, or null to leave the class unmapped. */
  industryCode: string | null;
}

/** Writes `keyIndustry` of class `code` into every cached industry-class list holding it. */
function patchCachedClass(qc: QueryClient, code: string, keyIndustry: string | null) {
  qc.setQueriesData<{ items: IndustryClass[] }>({ queryKey: [CLASSES_KEY] }, (old) =>
    old?.items.some((i) => i.code === code && i.keyIndustry !== keyIndustry)
      ? { ...old, items: old.items.map((i) => (i.code === code ? { ...i, keyIndustry } : i)) }
      : old,
  );
}

/**
 * Maps a class to a key industry (`industry:map`), optimistically: the cached lists change at
 * once and go back to the previous value when the server refuses.
 */
export function useSetKeyIndustry() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: SET_KEY_INDUSTRY_KEY,
    mutationFn: ({ code, industryCode }: SetKeyIndustryVars) =>
      api<{ code: string; keyIndustry: string | null }>(
        `/industry-classes/${encodeURIComponent(code)}/key-industry`,
        { method: 'PUT', body: { industryCode } },
      ),
    onMutate: async ({ code, industryCode }) => {
      // A list fetched before the change must not land over the optimistic value.
      await qc.cancelQueries({ queryKey: [CLASSES_KEY] });
      let previous: string | null = null;
      for (const [, data] of qc.getQueriesData<{ items: IndustryClass[] }>({ queryKey: [CLASSES_KEY] })) {
        const hit = data?.items.find((i) => i.code === code);
        if (hit) {
          previous = hit.keyIndustry;
          break;
        }
      }
      patchCachedClass(qc, code, industryCode);
      return { previous };
    },
    onSuccess: (res) => patchCachedClass(qc, res.code, res.keyIndustry),
    onError: (_error, { code }, context) => {
      if (context) patchCachedClass(qc, code, context.previous);
    },
    onSettled: () => {
      // Reload once the last of several quick changes is done, so no reload overtakes a change.
      if (qc.isMutating({ mutationKey: SET_KEY_INDUSTRY_KEY }) <= 1)
        void qc.invalidateQueries({ queryKey: [CLASSES_KEY] });
      // Enterprises show their key industry through the mapping.
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

/**
 * A contact's phone number whole (audited on the server, rate-limited). Never cached: the number
 * lives only in the component that asked for it.
 */
export function useRevealPhone() {
  return useMutation({
    mutationFn: ({ enterpriseId, contactId }: { enterpriseId: number; contactId: number }) =>
      api<ContactReveal>(`/enterprises/${enterpriseId}/contacts/${contactId}/reveal`, { method: 'POST' }),
    gcTime: 0,
  });
}
