import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';

/** An error's message, followed by its field messages (which dates are wrong, and why). */
export function useDetailedErrorText(): (error: unknown) => string {
  const lang = useLang();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      const details =
        error instanceof ApiError ? error.details.map((d) => (lang === 'en' ? d.en : d.zh) || d.code) : [];
      return details.length > 0 ? details.join(lang === 'en' ? '; ' : '；') : errorText(error);
    },
    [lang, errorText],
  );
}
