// Units of the project pages (万元, 万美元, 亩, 万元/亩, tce) in the UI language, and small labels.
import { useTranslation } from 'react-i18next';
import { formatDate, formatIn } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** The project pages' number formats, each with its unit in the UI language. */
export function useProjectUnits() {
  const { t } = useTranslation();
  const at = (unit: string, label: string) => (v: number | null | undefined) => formatIn(v, unit, { label });
  return {
    wan: at('万元', t('units.wanYuan')),
    usd: at('万美元', t('projects.unit.wanUsd')),
    mu: at('亩', t('units.mu')),
    perMu: at('万元/亩', t('units.wanYuanPerMu')),
    tce: at('吨标准煤', t('units.tce')),
    days: (v: number | null | undefined) =>
      formatIn(v, '天', { label: t('projects.unit.days'), decimals: 0 }),
    count: (v: number | null | undefined) =>
      formatIn(v, '个', { label: t('projects.unit.projects'), decimals: 0 }),
  };
}

/** A platform's or an industry's name in the UI language. */
export function usePair() {
  const lang = useLang();
  return (zh: string, en: string | null | undefined) => (lang === 'en' && en ? en : zh);
}

/** Today in China time (YYYY-MM-DD): dates of stage changes are Beijing dates. */
export function beijingToday(now = new Date()): string {
  return formatDate(now);
}

/** The Beijing calendar year now. */
export function beijingYear(now = new Date()): number {
  return Number(beijingToday(now).slice(0, 4));
}
