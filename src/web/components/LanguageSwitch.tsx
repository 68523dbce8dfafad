import { Segmented } from 'antd';
import { setLang, type Lang } from '../i18n';
import { useLang } from '../lib/useLang';
import { useTranslation } from 'react-i18next';

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('header.language')}
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        // Each language is named in itself (中文 in the English UI too), marked with its language.
        { label: <span lang="zh-CN">{t('lang.zh')}</span>, value: 'zh-CN' },
        { label: <span lang="en">{t('lang.en')}</span>, value: 'en' },
      ]}
    />
  );
}
