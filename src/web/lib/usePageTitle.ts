import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · 一园" (translated). */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.shortName');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
