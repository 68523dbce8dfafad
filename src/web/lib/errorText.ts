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
      return t('errors.unknown');
    },
    [lang, t],
  );
}
