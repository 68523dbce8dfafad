import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { localPair, useLang } from '../lib/useLang';
import { api } from './client';
import type { Platform, PlatformInput, PlatformListQuery } from '../../modules/platforms/platforms.schemas';
import type { Page } from '../../platform/contract';

/** The platform list's state in the address (booleans as the strings the address holds). */
export type PlatformQuery = Omit<PlatformListQuery, 'strategic' | 'page' | 'pageSize'> & {
  strategic?: 'true' | 'false';
  page: number;
  pageSize: number;
};

const KEY = 'platforms';

function toQuery(q: Partial<PlatformQuery>) {
  return {
    keyword: q.keyword,
    district: q.district,
    type: q.type,
    industry: q.industry,
    strategic: q.strategic,
    includeArchived: q.includeArchived ? 'true' : undefined,
    page: q.page,
    pageSize: q.pageSize,
    sort: q.sort,
    order: q.sort ? q.order : undefined,
  };
}

export function usePlatforms(query: PlatformQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<Page<Platform>>('/platforms', { query: toQuery(query), signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlatform(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<Platform>(`/platforms/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
  });
}

export function useCreatePlatform() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlatformInput) => api<Platform>('/platforms', { method: 'POST', body: input }),
    onSuccess: (p) => {
      qc.setQueryData([KEY, 'one', p.id], p);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useUpdatePlatform(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<PlatformInput> & { version: number }) =>
      api<Platform>(`/platforms/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (p) => {
      qc.setQueryData([KEY, 'one', p.id], p);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useArchivePlatform(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      api<Platform>(`/platforms/${id}/${action}`, { method: 'POST' }),
    onSuccess: (p) => {
      qc.setQueryData([KEY, 'one', p.id], p);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

/** Every platform for pickers and filters, named in the UI language (the English name when there is one). */
export function usePlatformOptions(enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: [KEY, 'list', 'options'],
    queryFn: ({ signal }) => api<Page<Platform>>('/platforms', { query: { page: 1, pageSize: 200 }, signal }),
    select: (page) => page.items.map((p) => ({ id: p.id, name: localPair(p.name, p.nameEn, lang) })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A platform's name in the UI language by id (the name the record carries while options load). */
export function usePlatformName() {
  const options = usePlatformOptions();
  return (id: number | null | undefined, fallback: string | null | undefined): string =>
    options.data?.find((p) => p.id === id)?.name ?? fallback ?? '';
}
