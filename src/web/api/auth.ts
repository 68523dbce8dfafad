import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './client';
import type {
  LoginResponse,
  Me,
  MfaEnrolment,
  RecoveryCodes,
  SessionResponse,
} from '../../modules/auth/auth.schemas';

export const ME_KEY = ['auth', 'me'] as const;

/** Current session, or null when not logged in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await api<SessionResponse>('/auth/me', { noAuthRedirect: true });
    setCsrfToken(res.csrfToken);
    return res.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.some((p) => p === permission);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<LoginResponse>('/auth/login', { method: 'POST', body: input, noAuthRedirect: true }),
    onSuccess: (res) => {
      if ('mfaRequired' in res) return; // the second step follows
      setCsrfToken(res.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, res.user);
    },
  });
}

/** The second login step: a code of the authenticator app or a recovery code. */
export function useVerifyMfa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string }) =>
      api<SessionResponse>('/auth/mfa', { method: 'POST', body: input, noAuthRedirect: true }),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, res.user);
    },
  });
}

export function useStartMfaEnrolment() {
  return useMutation({
    mutationFn: () => api<MfaEnrolment>('/auth/mfa/enrolment', { method: 'POST', noAuthRedirect: true }),
  });
}

export function useConfirmMfaEnrolment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string }) =>
      api<RecoveryCodes>('/auth/mfa/enrolment/confirm', {
        method: 'POST',
        body: input,
        noAuthRedirect: true,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api<void>('/auth/logout', { method: 'POST', noAuthRedirect: true });
      } catch (e) {
        // An expired session is already logged out; anything else is still a logout locally.
        if (!(e instanceof ApiError)) throw e;
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<SessionResponse>('/auth/password', { method: 'POST', body: input, noAuthRedirect: true }),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      qc.setQueryData(ME_KEY, res.user);
    },
  });
}
