import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Industry, NamedCode, Reference, RoleName } from '../../modules/reference/reference.schemas';

export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: () => api<Reference>('/reference'),
    staleTime: 30 * 60_000,
  });
}

export interface ReferenceMaps {
  industries: Map<string, Industry>;
  districts: Map<string, NamedCode>;
  platformTypes: Map<string, NamedCode>;
  roles: Map<string, RoleName>;
}

/** Reference data indexed by code (empty maps while loading). */
export function useReferenceMaps(): ReferenceMaps & { reference: Reference | undefined } {
  const { data } = useReference();
  return useMemo(
    () => ({
      reference: data,
      industries: new Map((data?.industries ?? []).map((i) => [i.code, i])),
      districts: new Map((data?.districts ?? []).map((i) => [i.code, i])),
      platformTypes: new Map((data?.platformTypes ?? []).map((i) => [i.code, i])),
      roles: new Map((data?.roles ?? []).map((i) => [i.code, i])),
    }),
    [data],
  );
}
