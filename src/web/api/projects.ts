// Investment projects (招商项目): the pipeline, one project with its timeline, stage changes and
// their approval, stalls and their rules, the funnel and yearly figures (T6), 达产复核, Excel.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl, upload, type Query } from './client';
import type {
  CommitmentList,
  CommitmentRow,
  Decision,
  Funnel,
  ImportResult,
  PendingChangeList,
  ProjectCreate,
  ProjectDetail,
  ProjectFilters,
  ProjectList,
  ProjectQuery,
  ProjectStats,
  ProjectSummary,
  ProjectUpdate,
  StageChange,
  StageChangeCreate,
  StallList,
  StallRule,
  StallRuleList,
} from '../../modules/projects/projects.schemas';

const KEY = 'projects';

export type {
  CommitmentList,
  CommitmentRow,
  Funnel,
  ImportResult,
  ProjectDetail,
  ProjectFilters,
  ProjectQuery,
  ProjectStats,
  ProjectSummary,
  StageChange,
  StallRule,
};
export type PendingChange = PendingChangeList['items'][number];

export function useProjects(query: ProjectQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<ProjectList>('/projects', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const projectExportUrl = (filters: ProjectFilters) =>
  downloadUrl('/projects/export', { ...filters } as Query);
export const projectDocumentUrl = (id: number, documentId: number) =>
  downloadUrl(`/projects/${id}/documents/${documentId}`);
export const projectTemplateUrl = () => downloadUrl('/projects/template');

export function useProject(id: number | null) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<ProjectDetail>(`/projects/${id}`, { signal }),
    enabled: id !== null && Number.isInteger(id) && id > 0,
  });
}

export function useSaveProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ProjectCreate | ProjectUpdate }) =>
      id === null
        ? api<ProjectDetail>('/projects', { method: 'POST', body })
        : api<ProjectDetail>(`/projects/${id}`, { method: 'PUT', body }),
    onSuccess: (detail) => {
      qc.setQueryData([KEY, 'one', detail.id], detail);
      void qc.invalidateQueries({ queryKey: [KEY], refetchType: 'active' });
    },
  });
}

/** Submit a stage change; approve or reject one. */
export function useStageChange(projectId: number | null) {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: [KEY] });
  const submit = useMutation({
    mutationFn: (body: StageChangeCreate) =>
      api<ProjectDetail>(`/projects/${projectId}/stage-changes`, { method: 'POST', body }),
    onSuccess: (detail: ProjectDetail) => {
      qc.setQueryData([KEY, 'one', detail.id], detail);
      done();
    },
  });
  const decide = useMutation({
    mutationFn: ({
      project,
      changeId,
      approve,
      body,
    }: {
      project: number;
      changeId: number;
      approve: boolean;
      body: Decision;
    }) =>
      api<ProjectDetail>(`/projects/${project}/stage-changes/${changeId}/${approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        body,
      }),
    onSuccess: done,
  });
  return { submit, decide };
}

export function usePendingChanges(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'pending'],
    queryFn: ({ signal }) => api<PendingChangeList>('/projects/pending-changes', { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useStalls(query: { platformId?: number; minLevel?: number }) {
  return useQuery({
    queryKey: [KEY, 'stalls', query],
    queryFn: ({ signal }) => api<StallList>('/projects/stalls', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStallRules(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'stall-rules'],
    queryFn: ({ signal }) => api<StallRuleList>('/projects/stall-rules', { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useSaveStallRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: StallRule[]) =>
      api<StallRuleList>('/projects/stall-rules', { method: 'PUT', body: { items } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export interface YearQuery {
  year?: number;
  platformId?: number;
  industryCode?: string;
}

export function useFunnel(query: YearQuery) {
  return useQuery({
    queryKey: [KEY, 'funnel', query],
    queryFn: ({ signal }) => api<Funnel>('/projects/funnel', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectStats(query: YearQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'stats', query],
    queryFn: ({ signal }) => api<ProjectStats>('/projects/stats', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCommitments(query: { year?: number; platformId?: number; shortOnly?: boolean }) {
  return useQuery({
    queryKey: [KEY, 'commitments', query],
    queryFn: ({ signal }) => api<CommitmentList>('/projects/commitments', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Upload a filled template: all or nothing; the row errors when refused. */
export function useImportProjects() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<ImportResult>('/projects/import', file, file.name),
    onSuccess: (r) => {
      if (r.accepted) void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}
