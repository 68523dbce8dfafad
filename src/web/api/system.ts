import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { SystemInfo } from './types';

export function useSystemInfo() {
  return useQuery({
    queryKey: ['system'],
    queryFn: ({ signal }) => api<SystemInfo>('/system', { signal }),
  });
}
