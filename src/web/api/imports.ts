import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl, upload } from './client';
import type { ImportJobView as ImportJob } from '../../modules/imports/imports.schemas';
import type { ImportKind, ImportStatus } from '../../modules/imports/core/columns';
import type { Page } from '../../platform/contract';

const KEY = 'imports';

/** The server is still working on a job in these states: keep asking. */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['validating', 'importing'];
export const POLL_MS = 500;

export function isRunning(job: ImportJob | undefined): boolean {
  return !!job && RUNNING_STATUSES.includes(job.status);
}

/** One import job, polled every 500 ms while it is validating or importing. */
export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<ImportJob>(`/imports/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_MS : false),
    staleTime: 0,
  });
}

export function useImportHistory(page: number, pageSize: number) {
  return useQuery({
    queryKey: [KEY, 'list', page, pageSize],
    queryFn: ({ signal }) => api<Page<ImportJob>>('/imports', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, year }: { file: File; kind: ImportKind; year?: number }) =>
      upload<ImportJob>('/imports', file, file.name, {
        query: { kind, year: kind === 'annual' ? year : undefined },
      }),
    onSuccess: (job) => {
      qc.setQueryData([KEY, 'one', job.id], job);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<ImportJob>(`/imports/${id}/commit`, { method: 'POST' }),
    onSuccess: (job) => {
      qc.setQueryData([KEY, 'one', job.id], (old: ImportJob | undefined) =>
        // The commit answer may leave out the problems the preview still shows.
        ({ ...job, problems: job.problems ?? old?.problems }),
      );
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export const importTemplateUrl = (kind: ImportKind) => downloadUrl(`/imports/templates/${kind}.xlsx`);
export const importReportUrl = (id: number) => downloadUrl(`/imports/${id}/report.xlsx`);
/** Every enterprise the import changed: the list its audit row refers to. */
export const importChangesUrl = (id: number) => downloadUrl(`/imports/${id}/changes.xlsx`);
