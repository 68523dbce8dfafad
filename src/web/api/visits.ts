// Visits (走访) and their coverage.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  CoverageReport,
  Visit,
  VisitCreate,
  VisitList,
  VisitListQuery,
  VisitUpdate,
} from '../../modules/visits/visits.schemas';
import type { ProblemCategory, VisitorKind, VisitStatus } from '../../modules/visits/core/codes';

export { PROBLEM_CATEGORIES, VISITOR_KINDS, VISIT_STATUSES } from '../../modules/visits/core/codes';
export type { CoverageReport, ProblemCategory, Visit, VisitCreate, VisitListQuery, VisitorKind, VisitStatus };

const KEY = 'visits';

export function useVisits(query: VisitListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<VisitList>('/visits', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(year: number, quarter: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'coverage', year, quarter ?? null],
    queryFn: ({ signal }) => api<CoverageReport>('/visits/coverage', { query: { year, quarter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: VisitCreate | VisitUpdate }) =>
      id === null
        ? api<Visit>('/visits', { method: 'POST', body })
        : api<Visit>(`/visits/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}
