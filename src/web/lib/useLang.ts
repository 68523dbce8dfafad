import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';

/** Current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Picks the Chinese or English name of a reference item. */
export function localName(
  item: { nameZh: string; nameEn: string } | undefined,
  lang: Lang,
): string | undefined {
  if (!item) return undefined;
  return lang === 'en' ? item.nameEn || item.nameZh : item.nameZh || item.nameEn;
}

/** Picks the English form of a name in English when there is one, the Chinese one otherwise. */
export function localPair(zh: string, en: string | null | undefined, lang: Lang): string;
export function localPair(zh: string | null, en: string | null | undefined, lang: Lang): string | null;
export function localPair(zh: string | null, en: string | null | undefined, lang: Lang): string | null {
  return lang === 'en' && en ? en : zh;
}
