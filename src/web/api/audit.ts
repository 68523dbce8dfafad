import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AuditActor, AuditQuery, AuditRecord, ChainReport } from '../../modules/audit/audit.schemas';
import type { Page } from '../../platform/contract';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditRecord>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Verifies the hash chain of the whole trail (the audit administrator's button). */
export function useVerifyAudit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ChainReport>('/audit/verify', { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/** The accounts the actor filter offers. */
export function useAuditActors() {
  return useQuery({
    queryKey: ['audit', 'actors'],
    queryFn: ({ signal }) => api<AuditActor[]>('/audit/actors', { signal }),
    staleTime: 5 * 60_000,
  });
}
