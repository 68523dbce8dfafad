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
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
