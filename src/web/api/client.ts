// Thin fetch wrapper for the Yiyuan API: same-origin cookies, JSON, CSRF header on state-changing
// requests, and one error type (`ApiError`) carrying the server's code and bilingual message.
import type { ErrorBody } from '../../platform/contract';
import i18n from '../i18n';

/** A field error of the API's one error shape (`ErrorSchema`). */
export type ApiErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, zh: string, en: string, details: ApiErrorDetail[] = []) {
    super(`${code}: ${en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.details = details;
  }
}

/** Error built in the browser (network failure, unreadable response): texts come from the locales. */
function localError(status: number, code: string, key: string): ApiError {
  return new ApiError(
    status,
    code,
    i18n.t(key, { lng: 'zh-CN', status }),
    i18n.t(key, { lng: 'en', status }),
  );
}

let csrfToken: string | null = null;

/** Keeps the CSRF token of the current session in memory (never in storage). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface AuthHandlers {
  onUnauthorized: () => void;
  onPasswordChangeRequired: () => void;
}

let handlers: AuthHandlers = {
  onUnauthorized: () => {
    if (window.location.pathname !== '/login') window.location.assign('/login');
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/account/password') window.location.assign('/account/password');
  },
};

export function setAuthHandlers(h: AuthHandlers): void {
  handlers = h;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Do not send the user to /login on 401 (used by the session probe and the login call). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseError(status: number, payload: unknown): ApiError {
  const err = isRecord(payload) ? payload.error : undefined;
  if (isRecord(err) && typeof err.code === 'string') {
    const details: ApiErrorDetail[] = Array.isArray(err.details)
      ? err.details.filter(isRecord).map((d) => ({
          field: typeof d.field === 'string' ? d.field : '',
          code: typeof d.code === 'string' ? d.code : '',
          zh: typeof d.zh === 'string' ? d.zh : '',
          en: typeof d.en === 'string' ? d.en : '',
        }))
      : [];
    const zh = typeof err.zh === 'string' ? err.zh : err.code;
    const en = typeof err.en === 'string' ? err.en : err.code;
    return new ApiError(status, err.code, zh, en, details);
  }
  return localError(status, `HTTP_${status}`, 'errors.http');
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken ?? '1';

  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw localError(0, 'NETWORK_ERROR', 'errors.network');
  }

  return readResponse<T>(response, options.noAuthRedirect);
}

/** Turns a response into its JSON payload, or throws `ApiError` (after the 401/403 hand-offs). */
async function readResponse<T>(response: Response, noAuthRedirect = false): Promise<T> {
  if (response.status === 204) return undefined as T;

  let payload: unknown = undefined;
  const text = await response.text();
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) {
    const error = parseError(response.status, payload);
    if (response.status === 401 && !noAuthRedirect) {
      csrfToken = null;
      handlers.onUnauthorized();
    } else if (response.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
      handlers.onPasswordChangeRequired();
    }
    throw error;
  }
  if (payload === undefined && text) throw localError(response.status, 'BAD_RESPONSE', 'errors.badResponse');
  return payload as T;
}

/**
 * POSTs a file as multipart/form-data (one `file` field) with the CSRF header; the browser sets
 * the multipart boundary itself. Same errors as `api()`.
 */
export async function upload<T>(
  path: string,
  file: Blob,
  fileName: string,
  options: { query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const body = new FormData();
  body.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken ?? '1' },
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw localError(0, 'NETWORK_ERROR', 'errors.network');
  }
  return readResponse<T>(response);
}

/** Address of a file the browser downloads itself (a plain link: cookies go along, no CSRF needed). */
export function downloadUrl(path: string, query?: Query): string {
  return `/api${path}${toQueryString(query)}`;
}
