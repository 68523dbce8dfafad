import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';

export function PlatformEvaluationPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.platform-evaluation'));
  return <Typography.Title level={3}>{t('nav.platform-evaluation')}</Typography.Title>;
}
