import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { SystemInfo } from '../../modules/system/system.schemas';

export function useSystemInfo() {
  return useQuery({
    queryKey: ['system'],
    queryFn: ({ signal }) => api<SystemInfo>('/system', { signal }),
  });
}
