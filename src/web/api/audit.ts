import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditQuery, AuditRecord } from '../../modules/audit/audit.schemas';
import type { Page } from '../../platform/contract';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditRecord>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
