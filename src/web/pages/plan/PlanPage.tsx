import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';

export function PlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.plan'));
  return <Typography.Title level={3}>{t('nav.plan')}</Typography.Title>;
}
