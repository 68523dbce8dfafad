// Task lists and topic meetings (工作任务清单, 专题会议): tasks, one task with its milestones,
// progress and supervision, the steps, meetings, leader pairings and a department's accounts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  Meeting,
  MeetingWrite,
  MyPlatforms,
  Pairing,
  PairingCreate,
  TaskCreate,
  TaskDetail,
  TaskList,
  TaskQuery,
  TaskStep,
  TaskSummary,
} from '../../modules/tasks/tasks.schemas';
import type { TaskAction, TaskState } from '../../modules/tasks/core/tasks';
import type { Department, DepartmentWrite } from '../../modules/requests/requests.schemas';

const KEY = 'tasks';

export type {
  Meeting,
  MeetingWrite,
  Pairing,
  TaskAction,
  TaskCreate,
  TaskDetail,
  TaskQuery,
  TaskState,
  TaskSummary,
};

export function useTasks(query: Partial<TaskQuery> & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api<TaskList>('/tasks', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api<TaskDetail>(`/tasks/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useMyPlatforms(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'my-platforms'],
    queryFn: ({ signal }) => api<MyPlatforms>('/tasks/my-platforms', { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreate) => api<TaskDetail>('/tasks', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useTaskStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: TaskAction; body: TaskStep }) =>
      api<TaskDetail>(`/tasks/${id}/${step}`, { method: 'POST', body }),
    onSuccess: (detail) => {
      qc.setQueryData([KEY, 'one', id], detail);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useMeetings(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'meetings'],
    queryFn: ({ signal }) => api<{ items: Meeting[] }>('/meetings', { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useSaveMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: MeetingWrite & { version?: number } }) =>
      id === null
        ? api<Meeting>('/meetings', { method: 'POST', body })
        : api<Meeting>(`/meetings/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY, 'meetings'] }),
  });
}

export function usePairings(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'pairings'],
    queryFn: ({ signal }) =>
      api<{ items: Pairing[]; leaders: { id: number; displayName: string }[] }>('/leader-platforms', {
        signal,
      }),
    enabled,
  });
}

export function usePairingChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: PairingCreate } | { end: number; toOn: string }) =>
      'create' in change
        ? api<Pairing>('/leader-platforms', { method: 'POST', body: change.create })
        : api<Pairing>(`/leader-platforms/${change.end}/end`, {
            method: 'POST',
            body: { toOn: change.toOn },
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useDepartmentUsers(id: number | null) {
  return useQuery({
    queryKey: [KEY, 'department-users', id],
    queryFn: ({ signal }) =>
      api<{ items: { id: number; username: string; displayName: string; active: boolean }[] }>(
        `/departments/${id}/users`,
        { signal },
      ),
    select: (d) => d.items,
    enabled: id !== null,
  });
}

export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: DepartmentWrite }) =>
      id === null
        ? api<Department>('/departments', { method: 'POST', body })
        : api<Department>(`/departments/${id}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['requests', 'departments'] }),
  });
}
