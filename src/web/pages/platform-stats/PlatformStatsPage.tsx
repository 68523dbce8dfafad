import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';

export function PlatformStatsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.platform-stats'));
  return <Typography.Title level={3}>{t('nav.platform-stats')}</Typography.Title>;
}
