import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  ScopeOptions,
  User,
  UserCreate,
  UserList,
  UserPatch,
  UserWithPassword,
} from '../../modules/users/users.schemas';

const KEY = 'users';

export function useUsers() {
  return useQuery({
    queryKey: [KEY, 'list'],
    queryFn: ({ signal }) => api<UserList>('/users', { signal }),
  });
}

export function useScopeOptions() {
  return useQuery({
    queryKey: [KEY, 'scope-options'],
    queryFn: ({ signal }) => api<ScopeOptions>('/users/scope-options', { signal }),
    staleTime: 60_000,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreate) => api<UserWithPassword>('/users', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) =>
      api<User>(`/users/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => api<User>(`/users/${id}/unlock`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Removes a user's second factor (security administrator). */
export function useResetMfa() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => api<User>(`/users/${id}/reset-mfa`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => api<UserWithPassword>(`/users/${id}/reset-password`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
