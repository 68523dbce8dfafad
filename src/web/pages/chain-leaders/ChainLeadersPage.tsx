import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';

export function ChainLeadersPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.chain-leaders'));
  return <Typography.Title level={3}>{t('nav.chain-leaders')}</Typography.Title>;
}
