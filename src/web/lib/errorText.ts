import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useLang } from './useLang';

/** Returns a function turning any thrown value into a message in the current language. */
export function useErrorText(): (error: unknown) => string {
  const lang = useLang();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return (lang === 'en' ? error.en : error.zh) || error.code;
      if (isNetworkFailure(error)) return t('errors.network');
      return t('errors.unknown');
    },
    [lang, t],
  );
}

/**
 * Whether a thrown value means the server could not be reached: the API's network error, a page's
 * code that could not be downloaded (a failed dynamic import), or anything while the browser is offline.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'NETWORK_ERROR';
  if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
  return (
    error instanceof TypeError &&
    /failed to fetch|dynamically imported module|module script failed|networkerror/i.test(error.message)
  );
}
