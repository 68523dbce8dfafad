import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEntry, AuditQuery, Page } from './types';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
