import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';

export function CockpitPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.cockpit'));
  return <Typography.Title level={3}>{t('nav.cockpit')}</Typography.Title>;
}
